import Testing
@testable import TrafficSelectors

private func ts(_ a: String, _ proto: UInt8 = 0, _ ports: String = "any") -> TrafficSelector {
    try! TrafficSelector(a, protocol: proto, ports: ports)
}

/// The cases where strongSwan and libreswan narrow differently (notes: "How two
/// implementations narrow"), each answered by all four profiles. What the daemons
/// themselves answered is replayed in DaemonAgreementTests.
@Suite struct NarrowingProfileTests {
    let anyPolicy = NarrowingPolicy(rules: [NarrowingRule(name: "any", remote: [ts("0.0.0.0/0")], local: [ts("0.0.0.0/0")])])
    let responderNet = ts("192.0.2.0/24")

    func narrow(_ tsi: [TrafficSelector], _ tsr: [TrafficSelector], _ policy: NarrowingPolicy? = nil) -> [NarrowingProfile: NarrowingResult] {
        Dictionary(uniqueKeysWithValues: NarrowingProfile.allCases.map {
            ($0, Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy ?? anyPolicy, profile: $0))
        })
    }

    /// Edge case: a non-CIDR range: kept by RFC 7296 and strongSwan, refused by libreswan.
    @Test func nonCIDRRangeKeptByStrongSwanRefusedByLibreswan() throws {
        let range = ts("10.0.0.5-10.0.0.20")
        let r = narrow([range], [responderNet])
        #expect(r[.rfc7296]!.tsi == [range])
        #expect(r[.strongswan]!.tsi == [range])
        #expect(r[.libreswan]!.notify == .tsUnacceptable)
        #expect(range.addresses.cidrCover == (try IPAddressRange(parsing: "10.0.0.0/27")))
    }

    /// Edge case: OPAQUE ports: OPAQUE meets ANY as OPAQUE (strongSwan keeps it), libreswan drops it.
    @Test func opaqueKeptByStrongSwanDroppedByLibreswan() {
        let opaque = ts("10.0.0.0/24", 17, "opaque")
        let r = narrow([opaque], [responderNet])
        #expect(r[.strongswan]!.tsi == [opaque])
        #expect(r[.rfc7296]!.tsi == [opaque])
        #expect(r[.libreswan]!.notify == .tsUnacceptable)
        #expect(opaque.intersection(ts("10.0.0.0/24", 17, "1-100")) == nil)
    }

    /// Several acceptable selectors: strongSwan returns their union, libreswan with
    /// narrowing=yes one pair (the most specific); as shipped, libreswan refuses what does
    /// not equal its conn.
    @Test func unionVersusSinglePair() {
        let tsi = [ts("10.1.0.0/16"), ts("10.2.0.0/24")]
        let r = narrow(tsi, [responderNet])
        #expect(r[.strongswan]!.tsi == tsi)
        #expect(r[.libreswanNarrowing]!.tsi == [ts("10.2.0.0/24")])
        #expect(r[.libreswanNarrowing]!.tsr == [responderNet])
        #expect(r[.libreswan]!.notify == .tsUnacceptable)
        let exact = narrow(tsi, [responderNet], NarrowingPolicy(rules: [NarrowingRule(name: "c", remote: [ts("10.1.0.0/16")], local: [responderNet])]))
        #expect(exact[.libreswan]!.tsi == [ts("10.1.0.0/16")])
        #expect(exact[.libreswan]!.tsr == [responderNet])
    }

    /// A port range other than one port or any: libreswan refuses it.
    @Test func portRangeRefusedByLibreswan() {
        let r = narrow([ts("10.0.0.0/8", 6, "1000-2000")], [responderNet])
        #expect(r[.strongswan]!.tsi == [ts("10.0.0.0/8", 6, "1000-2000")])
        #expect(r[.libreswan]!.notify == .tsUnacceptable)
    }

    /// More than 15 selectors: libreswan refuses the payload.
    @Test func sixteenSelectorsRefusedByLibreswan() {
        let tsi = (0..<16).map { ts("10.0.\($0).0/24") }
        let r = narrow(tsi, [responderNet])
        #expect(r[.strongswan]!.tsi.count == 16)
        #expect(r[.libreswan]!.notify == .tsUnacceptable)
        #expect(narrow(Array(tsi.prefix(15)), [responderNet])[.libreswanNarrowing]!.notify == nil)
    }

    /// Contained duplicates: RFC 7296 R5 returns the proposal as it is, strongSwan drops a
    /// selector contained in another.
    @Test func containedDuplicatesRemovedByStrongSwan() {
        let tsi = [ts("10.0.0.0/8"), ts("10.1.2.3"), ts("10.0.0.0/8")]
        let r = narrow(tsi, [responderNet])
        #expect(r[.rfc7296]!.tsi == tsi)
        #expect(r[.strongswan]!.tsi == [ts("10.0.0.0/8")])
    }

    /// strongSwan narrows in configuration order: configured x received intersections.
    @Test func strongSwanUsesConfigurationOrder() {
        let policy = NarrowingPolicy(rules: [NarrowingRule(name: "c", remote: [ts("10.2.0.0/16"), ts("10.1.0.0/16")], local: [ts("0.0.0.0/0")])])
        let r = narrow([ts("10.0.0.0/8")], [responderNet], policy)
        #expect(r[.strongswan]!.tsi == [ts("10.2.0.0/16"), ts("10.1.0.0/16")])
        // libreswan (narrowing=yes) fits TSi and TSr in one mode: the conn's 10.2.0.0/16 fits
        // inside the proposed 10/8 (NARROWER-THAN) but its 0/0 not inside the proposed
        // TSr, and 10/8 fits in no conn (WIDER-THAN): refused.
        #expect(r[.libreswanNarrowing]!.notify == .tsUnacceptable)
        let oneWider = narrow([ts("10.0.0.0/8")], [ts("0.0.0.0/0")], policy)
        #expect(oneWider[.libreswanNarrowing]!.tsi == [ts("10.2.0.0/16")])
    }

    /// Edge case: TSi IPv4 with TSr IPv6 is fine (each side is matched on its own).
    @Test func ipv4TSiWithIPv6TSr() {
        let policy = NarrowingPolicy(rules: [NarrowingRule(name: "mixed", remote: [ts("10.0.0.0/8")], local: [ts("2001:db8::/32")])])
        let r = narrow([ts("10.0.0.0/8")], [ts("2001:db8::/48")], policy)
        for p in [NarrowingProfile.rfc7296, .strongswan] {
            #expect(r[p]!.tsr == [ts("2001:db8::/48")], "\(p)")
            #expect(r[p]!.tsi == [ts("10.0.0.0/8")], "\(p)")
        }
        // A libreswan conn's two subnets are of one family: no conn holds this rule.
        #expect(r[.libreswan]!.notify == .tsUnacceptable)
        #expect(r[.libreswanNarrowing]!.notify == .tsUnacceptable)
    }

    /// Edge case: protocol 0 with ports: any protocol meets TCP as TCP, the ports intersect.
    @Test func protocolZeroWithPorts() {
        let s = ts("10.0.0.0/8", 0, "100-200").intersection(ts("10.0.0.0/8", 6, "150-300"))
        #expect(s == ts("10.0.0.0/8", 6, "150-200"))
    }

    /// Edge case: full ranges and single hosts.
    @Test func fullRangesAndSingleHosts() throws {
        #expect(ts("0.0.0.0-255.255.255.255").addresses.prefixLength == 0)
        #expect(ts("::/0").addresses == .all(.ipv6))
        #expect(ts("2001:db8::1").addresses.prefixLength == 128)
        #expect(ts("0.0.0.0/0").intersection(ts("192.0.2.1")) == ts("192.0.2.1"))
        #expect(ts("::/0").intersection(ts("192.0.2.1")) == nil)
        #expect(ts("2001:db8::1").addresses.description == "2001:db8::1")
    }
}
