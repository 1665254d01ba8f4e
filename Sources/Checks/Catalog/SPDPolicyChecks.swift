import TrafficSelectors

/// RFC 4301 section 4.4.1 beyond one ordered SPD, on the SPD policy models
/// (TrafficSelectors/SPDPolicy): several SPDs and their selection function, the SPD-I and
/// inbound traffic on an SA, applications' entries under the administrator's settings,
/// SPD changes against extant SAs, the IPv6 header chain down to the Next Layer Protocol,
/// named entries matched against IKE ID payloads, and selector sets against IKEv2's mix
/// and match. Evidence kind: reference model.
enum SPDPolicyChecks {
    static var all: [Check] {
        [multipleSPDs, spdI, inboundOrderedSearch, applicationEntries, changeImpact, ipv6NextLayer, namedEntries, selectorSetAlignment]
    }

    static func set(_ local: String, _ remote: String, _ proto: UInt8 = 0, _ localPorts: String = "any", _ remotePorts: String = "any") throws -> SPDSelectorSet {
        try SPDSelectorSet(local: local, remote: remote, protocol: proto, localPorts: localPorts, remotePorts: remotePorts)
    }

    static func entry(_ name: String, _ action: SPDAction, _ sets: SPDSelectorSet...) -> SPDEntry {
        SPDEntry(name: name, selectorSets: sets, action: action)
    }

    static func show(_ found: (spdID: String, entry: SPDEntry?)) -> String {
        "\(found.spdID): \(found.entry.map { "\($0.name) \($0.action.rawValue)" } ?? "no entry")"
    }

    static let multipleSPDs = Check(
        id: "spd.multiple-spds-selection", title: "Several SPDs: the selection function picks the SPD-ID from the packet's interface, then that SPD decides",
        topic: .spd, dialects: ["rfc4301"],
        claims: [
            .supports("RFC 4301", section: "4.4.1", "However, if an implementation supports multiple SPDs, then it MUST include an explicit SPD selection function that is invoked to select the appropriate SPD for outbound traffic processing.",
                      rationale: "The model holds two SPDs and is built with a selection function: the same packet from eth0 meets SPD lan (PROTECT), from eth1 SPD dmz (DISCARD); an interface the function does not know selects no SPD (noSPDSelected), never a default."),
            .supports("RFC 4301", section: "4.4.1", "The inputs to this function are the outbound packet and any local metadata (e.g., the interface via which the packet arrived) required to effect the SPD selection function."),
            .supports("RFC 4301", section: "4.4.1", "The output of the function is an SPD identifier (SPD-ID)."),
        ]
    ) { ctx in
        let lan = SPD(entries: [entry("protect-lan", .protect, try set("10.0.0.0/24", "192.0.2.0/24")), entry("discard-all", .discard, try set("0.0.0.0/0", "0.0.0.0/0"))])
        let dmz = SPD(entries: [entry("bypass-web", .bypass, try set("0.0.0.0/0", "0.0.0.0/0", 6, "any", "443")), entry("discard-all", .discard, try set("0.0.0.0/0", "0.0.0.0/0"))])
        let spds = MultipleSPDs.byInterface(["lan": lan, "dmz": dmz], interfaces: ["eth0": "lan", "eth1": "dmz"])
        let p = try SPDChecks.packet("10.0.0.5", "192.0.2.8", proto: 6, remotePort: 22)
        ctx.input("packet", "10.0.0.5 -> 192.0.2.8 tcp/22")
        ctx.expect("from eth0", show(try spds.outboundLookup(p, PacketMetadata(interface: "eth0"))), equals: "lan: protect-lan PROTECT")
        ctx.expect("from eth1", show(try spds.outboundLookup(p, PacketMetadata(interface: "eth1"))), equals: "dmz: discard-all DISCARD")
        let web = try SPDChecks.packet("10.0.0.5", "192.0.2.8", proto: 6, remotePort: 443)
        ctx.expect("tcp/443 from eth1", show(try spds.outboundLookup(web, PacketMetadata(interface: "eth1"))), equals: "dmz: bypass-web BYPASS")
        ctx.expectRejection("from eth9 (no SPD for it)", code: "noSPDSelected") { _ = try spds.outboundLookup(p, PacketMetadata(interface: "eth9")) }
    }

    static let spdI = Check(
        id: "spd.inbound-spd-i", title: "SPD-I: inbound traffic not matched by an entry is discarded; SPD-I holds no PROTECT entry",
        topic: .spd, dialects: ["rfc4301"],
        claims: [
            .supports("RFC 4301", section: "4.4.1", "Since the SPD-I is just a part of the SPD, if a packet that is looked up in the SPD-I cannot be matched to an entry there, then the packet MUST be discarded.",
                      rationale: "An SPD-I with a BYPASS entry for IKE (udp/500) and a DISCARD entry for telnet, and no final entry: udp/500 is bypassed, telnet discarded by its entry, and udp/53 (no entry) discarded."),
            .supports("RFC 4301", section: "4.4.1", "SPD-I (inbound) is applied to inbound traffic that will be bypassed or discarded.",
                      rationale: "An SPD-I entry that protects is refused (entryRefused)."),
            .supports("RFC 4301", section: "4.4.1", "The split allows SPD-I to be consulted without having to consult SPD-S, for such traffic.",
                      rationale: "The SPD-I is a database of its own: it bypasses and discards unprotected inbound packets with no SPD-S at hand."),
        ]
    ) { ctx in
        let spdI = try InboundSPD(entries: [
            entry("bypass-ike", .bypass, try set("10.0.0.0/24", "0.0.0.0/0", 17, "500", "500")),
            entry("discard-telnet", .discard, try set("10.0.0.0/24", "0.0.0.0/0", 6, "23", "any")),
        ])
        let ike = try SPDChecks.packet("10.0.0.5", "203.0.113.7", proto: 17, localPort: 500, remotePort: 500)
        let telnet = try SPDChecks.packet("10.0.0.5", "203.0.113.7", proto: 6, localPort: 23, remotePort: 40000)
        let dns = try SPDChecks.packet("10.0.0.5", "203.0.113.7", proto: 17, localPort: 53, remotePort: 40000)
        ctx.expect("inbound udp 500 -> 500", spdI.process(ike).description, equals: "bypass by bypass-ike")
        ctx.expect("inbound tcp to port 23", spdI.process(telnet).description, equals: "discard by discard-telnet")
        ctx.expect("inbound udp to port 53 (no SPD-I entry)", spdI.process(dns).description, equals: "discard (no entry matched)")
        ctx.expectRejection("an SPD-I entry that protects", code: "entryRefused") {
            _ = try InboundSPD(entries: [entry("protect-lan", .protect, try set("10.0.0.0/24", "0.0.0.0/0"))])
        }
    }

    static let inboundOrderedSearch = Check(
        id: "spd.inbound-ordered-search", title: "Traffic arriving on an SA: an ordered search of a correlated SPD catches what the SA's selectors alone let through",
        topic: .spd, dialects: ["rfc4301"],
        claims: [
            .supports("RFC 4301", section: "4.4.1", "If the SPD is not decorrelated, caching is not allowed and an ordered search of SPD MUST be performed to verify that inbound traffic arriving on an SA is consistent with the access control policy expressed in the SPD.",
                      rationale: "The SA of protect-lan carries 10.0.0.0/24 <-> 192.0.2.0/24, but an earlier entry discards 10.0.0.5: a packet for 10.0.0.5 arriving on the SA passes a check of the SA's selectors (a cache), while the ordered search finds discard-host first and drops it; 10.0.0.7 is accepted. The decorrelated SPD's linked fragments give the ordered search's answers."),
        ]
    ) { ctx in
        let spd = SPD(entries: [
            entry("discard-host", .discard, try set("10.0.0.5", "192.0.2.0/24")),
            entry("protect-lan", .protect, try set("10.0.0.0/24", "192.0.2.0/24")),
            entry("discard-all", .discard, try set("0.0.0.0/0", "0.0.0.0/0")),
        ])
        guard let sa = spd.entries[1].selectorSets[0].sadSelectors(for: try SPDChecks.packet("10.0.0.7", "192.0.2.9"), pfp: []) else {
            throw CheckError(.setupFailed, "protect-lan creates no SA for 10.0.0.7")
        }
        ctx.input("SA of protect-lan", sa.description)
        let shadowed = try SPDChecks.packet("10.0.0.5", "192.0.2.9", proto: 6, localPort: 22, remotePort: 40000)
        let allowed = try SPDChecks.packet("10.0.0.7", "192.0.2.9", proto: 6, localPort: 22, remotePort: 40000)
        ctx.expect("10.0.0.5 on the SA, SA selectors only (a cache)", InboundSACheck.saSelectorsOnly(shadowed, sa: sa, entryName: "protect-lan").description, equals: "accept by protect-lan")
        ctx.expect("10.0.0.5 on the SA, ordered search", InboundSACheck.orderedSearch(shadowed, arrivedOnSAOf: "protect-lan", spd: spd).description, equals: "discard by discard-host")
        ctx.expect("10.0.0.7 on the SA, ordered search", InboundSACheck.orderedSearch(allowed, arrivedOnSAOf: "protect-lan", spd: spd).description, equals: "accept by protect-lan")
        let decorrelated = try Decorrelation.decorrelate(spd)
        ctx.expect("10.0.0.5 on the SA, decorrelated SPD-S cache", InboundSACheck.decorrelatedCache(shadowed, arrivedOnSAOf: "protect-lan", spd: decorrelated).description, equals: "discard by discard-host")
        ctx.expect("10.0.0.7 on the SA, decorrelated SPD-S cache", InboundSACheck.decorrelatedCache(allowed, arrivedOnSAOf: "protect-lan", spd: decorrelated).description, equals: "accept by protect-lan")
    }

    static let applicationEntries = Check(
        id: "spd.application-entries", title: "A host's applications create SPD entries; the administrator decides whether they may, and whether they override system policy",
        topic: .spd, dialects: ["rfc4301"],
        claims: [
            .supports("RFC 4301", section: "4.4.1", "In host systems, applications MAY be allowed to create SPD entries.",
                      rationale: "Allowed, the resolver's entry is taken and decides its own traffic; not allowed, the same request is refused (notPermitted)."),
            .supports("RFC 4301", section: "4.4.1", "However, the system administrator MUST be able to specify whether or not a user or application can override (default) system policies.",
                      rationale: "With the resolver allowed to override, its BYPASS entry decides its udp/53 packet; with the setting off, the system's PROTECT entry does, and the resolver's entries decide only traffic the system policy leaves undecided."),
        ]
    ) { ctx in
        let system = [entry("protect-lan", .protect, try set("10.0.0.0/24", "192.0.2.0/24"))]
        var host = HostSPD(system: system, applicationsMayCreateEntries: true, mayOverrideSystemPolicy: ["resolver"])
        try host.addEntry(entry("resolver-bypass-dns", .bypass, try set("10.0.0.5", "192.0.2.53", 17, "any", "53")), forApplication: "resolver")
        try host.addEntry(entry("resolver-protect-dmz", .protect, try set("10.0.0.5", "198.51.100.0/24")), forApplication: "resolver")
        let dns = try SPDChecks.packet("10.0.0.5", "192.0.2.53", proto: 17, localPort: 40000, remotePort: 53)
        let dmz = try SPDChecks.packet("10.0.0.5", "198.51.100.9", proto: 6, localPort: 40000, remotePort: 443)
        func show(_ r: (entry: SPDEntry, origin: HostSPD.Origin)?) -> String { r.map { "\($0.entry.name) (\($0.origin.rawValue))" } ?? "no entry" }
        ctx.expect("resolver's udp/53, override allowed", show(host.lookup(dns, application: "resolver")), equals: "resolver-bypass-dns (application)")
        ctx.expect("another application's udp/53", show(host.lookup(dns, application: "browser")), equals: "protect-lan (system)")
        host.mayOverrideSystemPolicy = []
        ctx.expect("resolver's udp/53, override not allowed", show(host.lookup(dns, application: "resolver")), equals: "protect-lan (system)")
        ctx.expect("resolver's traffic the system leaves undecided", show(host.lookup(dmz, application: "resolver")), equals: "resolver-protect-dmz (application)")
        host.applicationsMayCreateEntries = false
        ctx.expectRejection("an application's entry when applications may not create entries", code: "notPermitted") {
            try host.addEntry(entry("browser-bypass", .bypass, try set("10.0.0.6", "0.0.0.0/0")), forApplication: "browser")
        }
    }

    static let changeImpact = Check(
        id: "spd.change-impact", title: "An SPD change checked against extant SAs; the configured action deletes the affected SA or lets it continue",
        topic: .spd, dialects: ["rfc4301"],
        claims: [
            .supports("RFC 4301", section: "4.4.1", "If a change is made to the SPD while the system is running, a check SHOULD be made of the effect of this change on extant SAs.",
                      rationale: "Inserting discard-host (10.0.0.5) above protect-lan: the check finds that the SA 0x1001 of protect-lan now carries traffic discard-host decides, and that 0x1002 (protect-dmz) is untouched; the unchanged SPD affects none."),
            .supports("RFC 4301", section: "4.4.1", "An implementation SHOULD check the impact of an SPD change on extant SAs and SHOULD provide a user/administrator with a mechanism for configuring what actions to take, e.g., delete an affected SA, allow an affected SA to continue unchanged, etc.",
                      rationale: "Configured to delete, 0x1001 is deleted and 0x1002 kept; configured to continue, both are kept and the impact is still reported."),
        ]
    ) { ctx in
        let lan = try set("10.0.0.0/24", "192.0.2.0/24"), dmz = try set("10.0.1.0/24", "198.51.100.0/24")
        let before = [entry("protect-lan", .protect, lan), entry("protect-dmz", .protect, dmz), entry("discard-all", .discard, try set("0.0.0.0/0", "0.0.0.0/0"))]
        let sas = [ExtantSA(spi: 0x1001, entry: "protect-lan", selectors: lan), ExtantSA(spi: 0x1002, entry: "protect-dmz", selectors: dmz)]
        func spis(_ s: [ExtantSA]) -> String { s.map { "0x" + String($0.spi, radix: 16) }.joined(separator: " ") }
        ctx.expect("SAs affected by no change", try SPDChangeImpact.affected(by: SPD(entries: before), sas).map(\.description), equals: [String]())
        let after = SPD(entries: [entry("discard-host", .discard, try set("10.0.0.5", "192.0.2.0/24"))] + before)
        let affected = try SPDChangeImpact.affected(by: after, sas)
        ctx.expect("SAs affected by inserting discard-host", affected.map(\.description), equals: ["SA 0x1001: 10.0.0.5[any] -> 192.0.2.0/24[any] proto any now meets discard-host (DISCARD)"])
        let deleting = try SPDChangeImpact.apply(after, to: sas, action: .deleteAffected)
        ctx.expect("configured to delete: kept", spis(deleting.kept), equals: "0x1002")
        ctx.expect("configured to delete: deleted", spis(deleting.deleted), equals: "0x1001")
        let continuing = try SPDChangeImpact.apply(after, to: sas, action: .continueUnchanged)
        ctx.expect("configured to continue: kept", spis(continuing.kept), equals: "0x1001 0x1002")
        ctx.expect("configured to continue: SAs reported affected", continuing.affected.map { "0x" + String($0.spi, radix: 16) }, equals: ["0x1001"])
    }

    /// IPv6 packets, as bytes: 2001:db8:1::5 -> 2001:db8:2::9.
    static let ipv6Addresses = "20010db8000100000000000000000005 20010db8000200000000000000000009"
    /// Hop-by-hop (PadN), Routing (type 3, no segments left), Destination Options (PadN),
    /// then TCP 49152 -> 443.
    static let chainToTCP = "60000000 002c 00 40 \(ipv6Addresses) 2b000104 00000000 3c000300 00000000 06000104 00000000 c00001bb 00000001 00000000 5002ffff 00000000"
    /// Hop-by-hop, then AH (next header TCP, 12-byte ICV), then TCP.
    static let chainToAH = "60000000 0034 00 40 \(ipv6Addresses) 33000104 00000000 06040000 00001001 00000001 00000000 00000000 00000000 c00001bb 00000001 00000000 5002ffff 00000000"
    /// Fragment header, offset 0, more fragments: UDP 32768 -> 53 follows.
    static let firstFragment = "60000000 0018 2c 40 \(ipv6Addresses) 11000001 00000002 80000035 00100000 00000000 00000000"
    /// Fragment header, offset 1480: no UDP header in it.
    static let laterFragment = "60000000 0018 2c 40 \(ipv6Addresses) 110005c8 00000002 00000000 00000000 00000000 00000000"

    static func bytes(_ hex: String) throws -> [UInt8] {
        let digits = hex.filter { !$0.isWhitespace }
        var out: [UInt8] = []
        var i = digits.startIndex
        while i < digits.endIndex {
            let j = digits.index(i, offsetBy: 2)
            guard let b = UInt8(digits[i ..< j], radix: 16) else { throw CheckError(.setupFailed, "bad hex in a packet") }
            out.append(b)
            i = j
        }
        return out
    }

    static let ipv6NextLayer = Check(
        id: "spd.ipv6-next-layer", title: "IPv6 header chains: the configured extension headers (by default 0, 43, 44, 60) are skipped to the Next Layer Protocol",
        topic: .spd, dialects: ["rfc4301"],
        claims: [
            .supports("RFC 4301", section: "4.4.1.1", "To simplify locating the Next Layer Protocol, there SHOULD be a mechanism for configuring which IPv6 extension headers to skip.",
                      rationale: "The same bytes give Next Layer Protocol 6 (ports 49152, 443; SPD entry web) with the default list and 60 when Destination Options is taken off the list."),
            .supports("RFC 4301", section: "4.4.1.1", "The default configuration for which protocols to skip SHOULD include the following protocols: 0 (Hop-by-hop options), 43 (Routing Header), 44 (Fragmentation Header), and 60 (Destination Options).",
                      rationale: "By default a packet with Hop-by-hop, Routing and Destination Options headers is read through to TCP, and a first fragment's Fragment header through to UDP and its ports."),
            .supports("RFC 4301", section: "4.4.1.1", "From a selector lookup point of view, IPsec treats AH and ESP as Next Layer Protocols.",
                      rationale: "Hop-by-hop then AH: the Next Layer Protocol is 51, the TCP inside it is not read."),
            .supports("RFC 4301", section: "4.4.1.1", "If a port selector specifies a value other than ANY or OPAQUE, it cannot match packets that are non-initial fragments.",
                      rationale: "A fragment at offset 1480 gives protocol 17 with OPAQUE ports, which the udp/53 entry does not match."),
        ]
    ) { ctx in
        let spd = SPD(entries: [
            entry("web", .protect, try set("2001:db8:1::/48", "2001:db8:2::/48", 6, "any", "443")),
            entry("dns", .bypass, try set("2001:db8:1::/48", "2001:db8:2::/48", 17, "any", "53")),
            entry("ah", .bypass, try set("2001:db8:1::/48", "2001:db8:2::/48", 51)),
            entry("fragments", .discard, try set("2001:db8:1::/48", "2001:db8:2::/48", 17, "opaque", "opaque")),
        ])
        func read(_ b: [UInt8], _ skipping: ExtensionHeaderSkipping) throws -> String {
            let r = try NextLayerLocator.locate(ipv6: b, skipping: skipping, direction: .outbound)
            let port = { (p: UInt32) in p == PortRange.opaquePoint ? "OPAQUE" : String(p) }
            let match = spd.lookup(r.packet).map { spd.entries[$0].name } ?? "no entry"
            return "skipped \(r.skipped.map(String.init).joined(separator: ",")); next layer \(r.nextLayerProtocol) at \(r.offset); ports \(port(r.packet.localPort)) -> \(port(r.packet.remotePort)); entry \(match)"
        }
        let cases: [(String, String, ExtensionHeaderSkipping, String)] = [
            ("HbH, Routing, DestOpts, TCP (default list)", chainToTCP, .rfc4301Default, "skipped 0,43,60; next layer 6 at 64; ports 49152 -> 443; entry web"),
            ("first fragment, UDP (default list)", firstFragment, .rfc4301Default, "skipped 44; next layer 17 at 48; ports 32768 -> 53; entry dns"),
            ("HbH, AH, TCP (default list)", chainToAH, .rfc4301Default, "skipped 0; next layer 51 at 48; ports OPAQUE -> OPAQUE; entry ah"),
            ("non-initial fragment (default list)", laterFragment, .rfc4301Default, "skipped 44; next layer 17 at 48; ports OPAQUE -> OPAQUE; entry fragments"),
            ("HbH, Routing, DestOpts, TCP, list 0, 43, 44 (without 60)", chainToTCP, ExtensionHeaderSkipping(skipping: [0, 43, 44]), "skipped 0,43; next layer 60 at 56; ports OPAQUE -> OPAQUE; entry no entry"),
        ]
        for (label, hex, skipping, expected) in cases {
            let b = try bytes(hex)
            ctx.hex(label, b)
            let found = try read(b, skipping)
            ctx.expect(label, found, equals: expected)
        }
        ctx.expectRejection("the TCP packet cut inside its Routing header", code: "truncated") {
            var cut = try bytes(chainToTCP)
            cut.removeLast(cut.count - 52)
            cut[5] = 12
            _ = try NextLayerLocator.locate(ipv6: cut, direction: .outbound)
        }
    }

    /// X.500 DN C=US, O=BBN Technologies, CN=Stephen T. Kent (RFC 4301's example), DER.
    static let kentDN = "3042310b300906035504061302555331193017060355040a0c1042424e20546563686e6f6c6f676965733118301606035504030c0f5374657068656e20542e204b656e74"

    static let namedEntries = Check(
        id: "spd.named-entries", title: "Named SPD entries: a responder selects by the initiator's ID payload (email, DNS name, DN, key id) and binds its source address",
        topic: .spd, dialects: ["rfc4301", "rfc7296"],
        claims: [
            .supports("RFC 4301", section: "4.4.1.1", "All IPsec implementations MUST support this use of names.",
                      rationale: "IDi payloads decoded from bytes select the entry named by them, and the SAD entry's Remote address is the initiator's 198.51.100.23, not the entry's 0.0.0.0/0; an unknown name selects none."),
            .supports("RFC 4301", section: "4.4.1.2", "The forms that MUST be supported are described above in Section 4.4.1.1 under \"Name\".",
                      rationale: "All four responder forms select their entry: ID_RFC822_ADDR, ID_FQDN (DNS case ignored), ID_DER_ASN1_DN and ID_KEY_ID."),
            .supports("RFC 4301", section: "4.4.1.1", "This address overrides the Remote IP address value in the SPD, when the SPD entry is selected in this fashion."),
            .supports("RFC 4301", section: "4.4.1.1", "A named SPD entry is used by a responder (not an initiator) in support of access control when an IP address would not be appropriate for the Remote IP address selector, e.g., for \"road warriors\".",
                      rationale: "The entries' Remote address is ANY: the name in the IDi, not an address, decides which entry (and which local network) a road warrior at 198.51.100.23 reaches."),
            .supports("RFC 4301", section: "4.4.1.1", "In this context, the initiator's Source IP address (inner IP header in tunnel mode) is bound to the Remote IP address in the SAD entry created by the IKE negotiation."),
            .supports("RFC 4301", section: "4.4.1.1", "An SPD entry can contain both a name (or a list of names) and also values for the Local or Remote IP address.",
                      rationale: "Entry keyed has two names (a key id and a DNS name) and a Local address range; an IDi with either name selects it."),
            .supports("RFC 4301", section: "4.4.1.1", "For case 1, responder, the identifiers employed in named SPD entries are one of the following four types:",
                      rationale: "One entry per type (ID_RFC822_ADDR, ID_FQDN, ID_DER_ASN1_DN, ID_KEY_ID), each selected by an IDi of that type."),
        ]
    ) { ctx in
        let anyRemote = { (local: String) in try set(local, "0.0.0.0/0") }
        let entries = [
            NamedSPDEntry(names: [.user("mozart@foo.example.com")], entry: entry("mozart", .protect, try anyRemote("10.1.0.0/16"))),
            NamedSPDEntry(names: [.dnsName("foo.example.com")], entry: entry("foo-host", .protect, try anyRemote("10.2.0.0/16"))),
            NamedSPDEntry(names: [.distinguishedName(try bytes(kentDN))], entry: entry("kent", .protect, try anyRemote("10.3.0.0/16"))),
            NamedSPDEntry(names: [.keyID(try bytes("01020304a1b2c3d4")), .dnsName("bar.example.com")], entry: entry("keyed", .bypass, try anyRemote("10.4.0.0/16"))),
        ]
        let payloads: [(String, String, String)] = [
            ("IDi ID_RFC822_ADDR mozart@foo.example.com", "2700001e030000006d6f7a61727440666f6f2e6578616d706c652e636f6d", "mozart: 10.1.0.0/16 -> 198.51.100.23"),
            ("IDi ID_FQDN FOO.example.com", "2700001702000000464f4f2e6578616d706c652e636f6d", "foo-host: 10.2.0.0/16 -> 198.51.100.23"),
            ("IDi ID_DER_ASN1_DN", "2700004c09000000" + kentDN, "kent: 10.3.0.0/16 -> 198.51.100.23"),
            ("IDi ID_KEY_ID", "270000100b00000001020304a1b2c3d4", "keyed: 10.4.0.0/16 -> 198.51.100.23"),
            ("IDi ID_FQDN bar.example.com (the second name of keyed)", "27000017020000006261722e6578616d706c652e636f6d", "keyed: 10.4.0.0/16 -> 198.51.100.23"),
            ("IDi ID_RFC822_ADDR salieri@foo.example.com", "2700001f0300000073616c6965726940666f6f2e6578616d706c652e636f6d", "no entry"),
        ]
        for (label, hex, expected) in payloads {
            let b = try bytes(hex)
            ctx.hex(label, b)
            let id = try IKEIdentity(decodingPayload: b)
            let chosen = try NamedEntrySelection.select(id, initiatorAddress: "198.51.100.23", in: entries)
            ctx.expect("\(label): entry and SAD local -> remote", chosen.map { "\($0.entry.name): \($0.sadSelectors.local) -> \($0.sadSelectors.remote)" } ?? "no entry", equals: expected)
        }
        ctx.expectRejection("an IDi whose Payload Length runs past its bytes", code: "truncated") {
            _ = try IKEIdentity(decodingPayload: try bytes("2700002003000000") + Array("mozart".utf8))
        }
    }

    static let selectorSetAlignment = Check(
        id: "spd.selector-set-alignment", title: "Several selector sets in one entry: IKEv2's mix and match admits the cross pairings; the interface warns or refuses unless they align",
        topic: .spd, dialects: ["rfc4301", "rfc7296"],
        claims: [
            .supports("RFC 4301", section: "4.4.1.2", "Until IKE provides a facility that conveys the semantics that are expressed in the SPD via selector sets (as described below), users MUST NOT include multiple selector sets in a single SPD entry unless the access control intent aligns with the IKE \"mix and match\" semantics.",
                      rationale: "Entry two-pairs (10.0.1.0/24 <-> 192.0.2.0/24, 10.0.2.0/24 <-> 198.51.100.0/24) negotiated as TSi/TSr also carries 10.0.1.7 -> 198.51.100.9, which the entry does not match: misaligned, refused under the refusing policy; four-pairs (every pairing) and a tcp/80 + udp/53 entry align and are taken."),
            .supports("RFC 4301", section: "4.4.1.2", "An implementation MAY warn users, to alert them to this problem if users create SPD entries with multiple selector sets, the syntax of which indicates possible conflicts with current IKE semantics.",
                      rationale: "Under the warning policy two-pairs is taken with one warning naming the two cross pairings; the aligned entries bring none."),
            .supports("RFC 4301", section: "4.4.1.2", "It is possible to associate multiple protocols (and ports) with a single SA by specifying multiple selector sets for that SA.",
                      rationale: "The tcp/80 + udp/53 entry's two selector sets align with mix and match: no cross pairing shares a protocol."),
        ]
    ) { ctx in
        let twoPairs = SPDEntry(name: "two-pairs", selectorSets: [try set("10.0.1.0/24", "192.0.2.0/24"), try set("10.0.2.0/24", "198.51.100.0/24")], action: .protect)
        let fourPairs = SPDEntry(name: "four-pairs", selectorSets: [
            try set("10.0.1.0/24", "192.0.2.0/24"), try set("10.0.2.0/24", "198.51.100.0/24"),
            try set("10.0.1.0/24", "198.51.100.0/24"), try set("10.0.2.0/24", "192.0.2.0/24"),
        ], action: .protect)
        let protocols = SPDEntry(name: "web-and-dns", selectorSets: [try set("10.0.1.0/24", "192.0.2.0/24", 6, "any", "80"), try set("10.0.1.0/24", "192.0.2.0/24", 17, "any", "53")], action: .protect)
        // What IKEv2 negotiates for two-pairs: every local side in TSi, every remote side in TSr.
        let tsi = SelectorSet(twoPairs.selectorSets.map(\.localSelector)), tsr = SelectorSet(twoPairs.selectorSets.map(\.remoteSelector))
        let cross = try SPDChecks.packet("10.0.1.7", "198.51.100.9", proto: 6, localPort: 40000, remotePort: 443)
        let carried = tsi.contains(SelectorPoint(family: .ipv4, address: cross.local, ipProtocol: 6, port: cross.localPort))
            && tsr.contains(SelectorPoint(family: .ipv4, address: cross.remote, ipProtocol: 6, port: cross.remotePort))
        ctx.expect("10.0.1.7 -> 198.51.100.9: in TSi x TSr / matched by two-pairs", "\(carried) / \(SPD(entries: [twoPairs]).lookup(cross) != nil)", equals: "true / false")
        ctx.expect("two-pairs: traffic mix and match adds", SelectorSetAlignment.misaligned(twoPairs).map(\.description).sorted(),
                   equals: ["10.0.1.0/24[any] -> 198.51.100.0/24[any] proto any", "10.0.2.0/24[any] -> 192.0.2.0/24[any] proto any"])
        ctx.expect("four-pairs and web-and-dns: traffic mix and match adds", SelectorSetAlignment.misaligned(fourPairs).count + SelectorSetAlignment.misaligned(protocols).count, equals: 0)
        ctx.expect("warning policy: warnings for two-pairs", try MultipleSelectorSetPolicy.warn.admit(twoPairs).count, equals: 1)
        ctx.expect("warning policy: warnings for four-pairs and web-and-dns", try MultipleSelectorSetPolicy.warn.admit(fourPairs).count + MultipleSelectorSetPolicy.warn.admit(protocols).count, equals: 0)
        ctx.expectRejection("refusing policy: two-pairs", code: "entryRefused") { _ = try MultipleSelectorSetPolicy.refuse.admit(twoPairs) }
        ctx.expect("refusing policy: four-pairs taken", try MultipleSelectorSetPolicy.refuse.admit(fourPairs).count, equals: 0)
    }
}
