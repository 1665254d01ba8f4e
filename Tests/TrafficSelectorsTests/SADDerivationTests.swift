import Testing
@testable import TrafficSelectors

/// RFC 4301 4.4.2.2: the SAD entry's selector values from the SPD entry's value, the PFP
/// flag and the triggering packet, one vector per table row exercised.
@Suite struct SADDerivationTests {
    struct Row: Sendable, CustomStringConvertible {
        var name: String
        var set: (local: String, remote: String, proto: UInt8, lp: String, rp: String)
        var pfp: PFPFlags
        var packet: (local: String, remote: String, proto: UInt8, lp: UInt32, rp: UInt32)
        /// local, remote, protocol, local ports, remote ports as text; nil: discard packet.
        var sad: [String]?
        var description: String { name }
    }

    static let opaque = PortRange.opaquePoint

    static let rows: [Row] = [
        Row(name: "rem addr, list of ranges, PFP 0: the range", set: ("10.0.0.0/24", "192.0.2.1-192.0.2.10", 0, "any", "any"), pfp: [],
            packet: ("10.0.0.5", "192.0.2.3", 6, 40000, 443), sad: ["10.0.0.0/24", "192.0.2.1-192.0.2.10", "any", "any", "any"]),
        Row(name: "rem addr, list of ranges, PFP 1: the packet's D", set: ("10.0.0.0/24", "192.0.2.1-192.0.2.10", 0, "any", "any"), pfp: [.remoteAddress],
            packet: ("10.0.0.5", "192.0.2.3", 6, 40000, 443), sad: ["10.0.0.0/24", "192.0.2.3", "any", "any", "any"]),
        Row(name: "loc addr, ANY, PFP 1: the packet's S", set: ("0.0.0.0/0", "192.0.2.0/24", 0, "any", "any"), pfp: [.localAddress],
            packet: ("10.0.0.5", "192.0.2.3", 6, 40000, 443), sad: ["10.0.0.5", "192.0.2.0/24", "any", "any", "any"]),
        Row(name: "protocol ANY, PFP 1: the packet's P", set: ("10.0.0.0/24", "192.0.2.0/24", 0, "any", "any"), pfp: [.nextLayerProtocol],
            packet: ("10.0.0.5", "192.0.2.3", 17, 40000, 53), sad: ["10.0.0.0/24", "192.0.2.0/24", "17", "any", "any"]),
        Row(name: "ports, list of ranges, PFP 1: the packet's s and d", set: ("10.0.0.0/24", "192.0.2.0/24", 6, "1024-65535", "80-88"), pfp: [.localPort, .remotePort],
            packet: ("10.0.0.5", "192.0.2.3", 6, 40000, 81), sad: ["10.0.0.0/24", "192.0.2.0/24", "6", "40000", "81"]),
        Row(name: "loc port ANY, PFP 0, not available: ANY", set: ("10.0.0.0/24", "192.0.2.0/24", 6, "any", "any"), pfp: [],
            packet: ("10.0.0.5", "192.0.2.3", 6, opaque, opaque), sad: ["10.0.0.0/24", "192.0.2.0/24", "6", "any", "any"]),
        Row(name: "loc port ANY, PFP 1, not available: discard packet", set: ("10.0.0.0/24", "192.0.2.0/24", 6, "any", "any"), pfp: [.localPort],
            packet: ("10.0.0.5", "192.0.2.3", 6, opaque, opaque), sad: nil),
        Row(name: "rem port OPAQUE, PFP 0, not available: OPAQUE", set: ("10.0.0.0/24", "192.0.2.0/24", 6, "opaque", "opaque"), pfp: [],
            packet: ("10.0.0.5", "192.0.2.3", 6, opaque, opaque), sad: ["10.0.0.0/24", "192.0.2.0/24", "6", "opaque", "opaque"]),
        // Note ***: "Use of PFP=1 with an OPAQUE value is an error and SHOULD be prohibited".
        Row(name: "rem port OPAQUE, PFP 1, not available: *** an error, no SA", set: ("10.0.0.0/24", "192.0.2.0/24", 6, "opaque", "opaque"), pfp: [.remotePort],
            packet: ("10.0.0.5", "192.0.2.3", 6, opaque, opaque), sad: nil),
        Row(name: "loc port OPAQUE, PFP 1, not available: *** an error, no SA", set: ("10.0.0.0/24", "192.0.2.0/24", 6, "opaque", "any"), pfp: [.localPort],
            packet: ("10.0.0.5", "192.0.2.3", 6, opaque, 443), sad: nil),
    ]

    @Test(arguments: rows)
    func theSADEntryFollowsTheTable(_ row: Row) throws {
        let set = try SPDSelectorSet(local: row.set.local, remote: row.set.remote, protocol: row.set.proto, localPorts: row.set.lp, remotePorts: row.set.rp)
        let l = try IPAddressText.parse(row.packet.local), r = try IPAddressText.parse(row.packet.remote)
        let packet = SPDPacket(family: l.family, local: l.value, remote: r.value, ipProtocol: row.packet.proto, localPort: row.packet.lp, remotePort: row.packet.rp)
        let sad = set.sadSelectors(for: packet, pfp: row.pfp)
        #expect(sad.map { [$0.local.description, $0.remote.description, $0.ipProtocol.description, $0.localPorts.description, $0.remotePorts.description] } == row.sad)
    }

    @Test func aPacketOutsideTheSetDerivesNothing() throws {
        let set = try SPDSelectorSet(local: "10.0.0.0/24", remote: "192.0.2.0/24")
        let l = try IPAddressText.parse("172.16.0.1"), r = try IPAddressText.parse("192.0.2.3")
        let packet = SPDPacket(family: l.family, local: l.value, remote: r.value, ipProtocol: 6, localPort: 1, remotePort: 2)
        #expect(set.sadSelectors(for: packet, pfp: [.remoteAddress]) == nil)
    }
}
