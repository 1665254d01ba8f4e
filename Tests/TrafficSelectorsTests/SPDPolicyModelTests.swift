import Testing
@testable import TrafficSelectors

private func bytes(_ hex: String) -> [UInt8] {
    let d = Array(hex.filter { !$0.isWhitespace })
    return stride(from: 0, to: d.count, by: 2).map { UInt8(String(d[$0 ... $0 + 1]), radix: 16)! }
}

private let addresses = "20010db8000100000000000000000005 20010db8000200000000000000000009"

/// The SPD policy models of RFC 4301 4.4.1 (TrafficSelectors/SPDPolicy).
@Suite struct SPDPolicyModelTests {
    @Test func selectionFunctionChoosesTheSPDAndRefusesUnknownIDs() throws {
        let a = SPD(entries: [SPDEntry(name: "a", selectorSets: [set("0.0.0.0/0", "0.0.0.0/0")], action: .bypass)])
        let spds = MultipleSPDs(spds: ["A": a]) { p, m in m.interface == "eth0" ? "A" : (p.ipProtocol == 17 ? "B" : nil) }
        #expect(try spds.outboundLookup(packet("10.0.0.1", "10.0.0.2"), PacketMetadata(interface: "eth0")).entry?.name == "a")
        #expect(throws: TSError.noSPDSelected) { try spds.selectSPD(packet("10.0.0.1", "10.0.0.2", 17), PacketMetadata(interface: "eth1")) }
        #expect(throws: TSError.noSPDSelected) { try spds.selectSPD(packet("10.0.0.1", "10.0.0.2", 6), PacketMetadata(interface: "eth1")) }
    }

    @Test func spdIDiscardsWhatNoEntryMatches() throws {
        let spdI = try InboundSPD(entries: [SPDEntry(name: "ike", selectorSets: [set("10.0.0.0/8", "0.0.0.0/0", 17, "500", "500")], action: .bypass)])
        #expect(spdI.process(packet("10.0.0.1", "192.0.2.1", 17, 500, 500)) == .bypass(entry: "ike"))
        #expect(spdI.process(packet("10.0.0.1", "192.0.2.1", 17, 53, 500)) == .discard(entry: nil))
        #expect(throws: TSError.entryRefused) { try InboundSPD(entries: [SPDEntry(name: "p", selectorSets: [set("10.0.0.0/8", "0.0.0.0/0")], action: .protect)]) }
    }

    @Test func orderedSearchFindsTheEntryAnSAsSelectorsHide() throws {
        let spd = SPD(entries: [
            SPDEntry(name: "bypass-host", selectorSets: [set("10.0.0.9", "192.0.2.0/24")], action: .bypass),
            SPDEntry(name: "lan", selectorSets: [set("10.0.0.0/24", "192.0.2.0/24")], action: .protect),
        ])
        let p = packet("10.0.0.9", "192.0.2.1")
        #expect(InboundSACheck.saSelectorsOnly(p, sa: set("10.0.0.0/24", "192.0.2.0/24"), entryName: "lan") == .accept(entry: "lan"))
        #expect(InboundSACheck.orderedSearch(p, arrivedOnSAOf: "lan", spd: spd) == .discard(entry: "bypass-host"))
        #expect(InboundSACheck.decorrelatedCache(p, arrivedOnSAOf: "lan", spd: try Decorrelation.decorrelate(spd)) == .discard(entry: "bypass-host"))
        #expect(InboundSACheck.orderedSearch(packet("10.0.0.8", "192.0.2.1"), arrivedOnSAOf: "lan", spd: spd) == .accept(entry: "lan"))
        #expect(InboundSACheck.orderedSearch(packet("10.0.9.8", "192.0.2.1"), arrivedOnSAOf: "lan", spd: spd) == .discard(entry: nil))
    }

    @Test func applicationEntriesFollowTheAdministratorsSettings() throws {
        var host = HostSPD(system: [SPDEntry(name: "sys", selectorSets: [set("10.0.0.0/24", "0.0.0.0/0")], action: .discard)], applicationsMayCreateEntries: true)
        try host.addEntry(SPDEntry(name: "app", selectorSets: [set("10.0.0.1", "0.0.0.0/0")], action: .bypass), forApplication: "ssh")
        let p = packet("10.0.0.1", "192.0.2.1")
        #expect(host.lookup(p, application: "ssh")?.entry.name == "sys")
        host.mayOverrideSystemPolicy = ["ssh"]
        #expect(host.lookup(p, application: "ssh")?.origin == .application)
        #expect(host.lookup(p, application: nil)?.origin == .system)
        host.applicationsMayCreateEntries = false
        #expect(throws: TSError.notPermitted) { try host.addEntry(SPDEntry(name: "x", selectorSets: [set("10.0.0.2", "0.0.0.0/0")], action: .bypass), forApplication: "ssh") }
    }

    @Test func changeImpactFindsTrafficThatMovedOrLostItsEntry() throws {
        let lan = set("10.0.0.0/24", "192.0.2.0/24")
        let sa = ExtantSA(spi: 7, entry: "lan", selectors: lan)
        // The entry removed: its traffic meets no entry at all.
        let gone = try SPDChangeImpact.affected(by: SPD(entries: []), [sa])
        #expect(gone == [AffectedSA(spi: 7, traffic: lan, nowDecidedBy: nil, nowAction: nil)])
        // A narrower protect entry of another name above it takes part of the traffic.
        let narrowed = SPD(entries: [SPDEntry(name: "host", selectorSets: [set("10.0.0.1", "192.0.2.0/24")], action: .protect), SPDEntry(name: "lan", selectorSets: [lan], action: .protect)])
        #expect(try SPDChangeImpact.affected(by: narrowed, [sa]).map(\.nowDecidedBy) == ["host"])
        let result = try SPDChangeImpact.apply(narrowed, to: [sa], action: .deleteAffected)
        #expect(result.kept.isEmpty && result.deleted == [sa])
    }

    @Test func nextLayerLocatorSkipsTheConfiguredHeaders() throws {
        let tcp = bytes("60000000 002c 00 40 \(addresses) 2b000104 00000000 3c000300 00000000 06000104 00000000 c00001bb 00000001 00000000 5002ffff 00000000")
        let r = try NextLayerLocator.locate(ipv6: tcp, direction: .inbound)
        #expect(r.skipped == [0, 43, 60] && r.nextLayerProtocol == 6 && r.offset == 64)
        // Inbound: local is the destination, its port the destination port.
        let destination = try IPAddressText.parse("2001:db8:2::9").value
        #expect(r.packet.localPort == 443 && r.packet.remotePort == 49152 && r.packet.local == destination)
        let none = try NextLayerLocator.locate(ipv6: tcp, skipping: ExtensionHeaderSkipping(skipping: []), direction: .outbound)
        #expect(none.nextLayerProtocol == 0 && none.offset == 40 && none.packet.localPort == PortRange.opaquePoint)
        #expect(ExtensionHeaderSkipping.rfc4301Default.skipped == [0, 43, 44, 60])
        // AH skipped only when configured, by its own length rule (24 bytes here); ESP never.
        let ah = bytes("60000000 0034 00 40 \(addresses) 33000104 00000000 06040000 00001001 00000001 00000000 00000000 00000000 c00001bb 00000001 00000000 5002ffff 00000000")
        let throughAH = try NextLayerLocator.locate(ipv6: ah, skipping: ExtensionHeaderSkipping(skipping: [0, 51]), direction: .outbound)
        #expect(throughAH.skipped == [0, 51] && throughAH.nextLayerProtocol == 6 && throughAH.offset == 72 && throughAH.packet.remotePort == 443)
        let esp = bytes("60000000 0010 32 40 \(addresses) 00001001 00000001 c00001bb 00000001")
        let atESP = try NextLayerLocator.locate(ipv6: esp, skipping: ExtensionHeaderSkipping(skipping: [50]), direction: .outbound)
        #expect(atESP.nextLayerProtocol == 50 && atESP.offset == 40 && atESP.packet.localPort == PortRange.opaquePoint)
    }

    @Test(arguments: [
        ("60000000 0000 06 40", "truncated", 0),                        // 20 bytes: no full header
        ("50000000 0000 06 40 \(addresses)", "invalidValue", 0),        // version 5
        ("60000000 0010 06 40 \(addresses) 00000000", "truncated", 4),  // Payload Length past the bytes
        ("60000000 0002 06 40 \(addresses) c000", "truncated", 40),     // TCP ports cut short
        ("60000000 0008 00 40 \(addresses) 06010000 00000000", "truncated", 40), // HbH says 16 bytes
    ])
    func nextLayerLocatorRefusesShortChains(hex: String, code: String, offset: Int) {
        do {
            _ = try NextLayerLocator.locate(ipv6: bytes(hex), direction: .outbound)
            Issue.record("accepted \(hex)")
        } catch let e as TSError {
            #expect(e.codeName == code && e.offset == offset)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func idPayloadsSelectNamedEntries() throws {
        let entries = [
            NamedSPDEntry(names: [.dnsName("gw.example.net"), .keyID([1, 2])], entry: SPDEntry(name: "gw", selectorSets: [set("10.0.0.0/24", "0.0.0.0/0")], action: .protect)),
        ]
        let fqdn = try IKEIdentity(decodingPayload: [0, 0, 0, 22, 2, 0, 0, 0] + Array("GW.Example.NET".utf8))
        let chosen = try NamedEntrySelection.select(fqdn, initiatorAddress: "203.0.113.5", in: entries)
        let initiator = try IPAddressRange(parsing: "203.0.113.5")
        #expect(chosen?.entry.name == "gw" && chosen?.sadSelectors.remote == initiator)
        #expect(try NamedEntrySelection.select(IKEIdentity(type: IKEIdentity.keyID, data: [1, 2]), initiatorAddress: "203.0.113.5", in: entries)?.entry.name == "gw")
        // Same bytes, another ID type: no match. An IPv6 initiator: the entry has no IPv6 set.
        #expect(try NamedEntrySelection.select(IKEIdentity(type: IKEIdentity.fqdn, data: [1, 2]), initiatorAddress: "203.0.113.5", in: entries) == nil)
        #expect(try NamedEntrySelection.select(fqdn, initiatorAddress: "2001:db8::5", in: entries) == nil)
        // User names: the local part exactly, the domain without case.
        #expect(SPDName.user("Mozart@foo.example.com").matches(IKEIdentity(type: 3, data: Array("Mozart@FOO.example.com".utf8))))
        #expect(!SPDName.user("Mozart@foo.example.com").matches(IKEIdentity(type: 3, data: Array("mozart@foo.example.com".utf8))))
        #expect(throws: TSError.payloadLengthInvalid) { try IKEIdentity(decodingPayload: [0, 0, 0, 8, 2, 0, 0, 0]) }
        #expect(throws: TSError.trailingBytes) { try IKEIdentity(decodingPayload: [0, 0, 0, 9, 2, 0, 0, 0, 65, 66]) }
    }

    @Test func mixAndMatchMisalignmentIsFoundAndWarnedAbout() throws {
        let one = SPDEntry(name: "one", selectorSets: [set("10.0.0.0/24", "192.0.2.0/24")], action: .protect)
        #expect(SelectorSetAlignment.misaligned(one).isEmpty)
        let crossed = SPDEntry(name: "x", selectorSets: [set("10.0.0.1", "192.0.2.1", 6), set("10.0.0.2", "192.0.2.2", 6)], action: .protect)
        #expect(SelectorSetAlignment.misaligned(crossed).count == 2)
        #expect(try MultipleSelectorSetPolicy.accept.admit(crossed).isEmpty)
        #expect(try MultipleSelectorSetPolicy.warn.admit(crossed).first?.contains("10.0.0.1[any] -> 192.0.2.2[any] proto 6") == true)
        #expect(throws: TSError.entryRefused) { try MultipleSelectorSetPolicy.refuse.admit(crossed) }
        // Different protocols never pair: TCP and UDP sets to different hosts align.
        let split = SPDEntry(name: "y", selectorSets: [set("10.0.0.1", "192.0.2.1", 6), set("10.0.0.2", "192.0.2.2", 17)], action: .protect)
        #expect(SelectorSetAlignment.misaligned(split).isEmpty)
    }
}
