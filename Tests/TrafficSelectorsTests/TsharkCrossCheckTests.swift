import Foundation
import Testing
import TestSupport
@testable import TrafficSelectors

/// Payloads encoded by draftcheck, wrapped in an unencrypted IKEv2 CREATE_CHILD_SA message
/// (UDP 500) in a pcap written here, decoded by tshark (Wireshark's own IKEv2 dissector):
/// every field tshark reads must be what we encoded. tshark runs once for all packets.
@Suite struct TsharkCrossCheckTests {
    static let cases: [(tsi: [PayloadSelector], tsr: [PayloadSelector])] = {
        func s(_ a: String, _ p: UInt8 = 0, _ ports: String = "any") -> PayloadSelector { .addressRange(try! TrafficSelector(a, protocol: p, ports: ports)) }
        return [
            ([s("198.51.100.66", 17, "500"), s("198.51.100.0/24")], [s("0.0.0.0/0", 17, "300")]),
            ([s("10.0.0.5-10.0.0.20", 6, "1000-2000")], [s("10.1.0.0/16", 17, "opaque")]),
            ([s("0.0.0.0/0", 1, "2048")], [s("2001:db8::/32", 6, "80")]),
            ([s("2001:db8::1", 135, "1280"), s("::/0")], [s("192.0.2.0/24"), s("2001:db8:1::/48", 58, "128")]),
            ([.securityLabel(try! SecurityLabel(Array("system_u:object_r:ipsec_spd_t:s0".utf8))), s("10.0.0.0/8")], [s("10.0.0.0/8")]),
        ]
    }()

    /// pcap (LINKTYPE_ETHERNET) of IPv4/UDP 500/IKEv2 header + TSi + TSr per case.
    static func pcap() throws -> Data {
        var out = Data()
        func le32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func le16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        le32(0xa1b2c3d4); le16(2); le16(4); le32(0); le32(0); le32(65535); le32(1)
        for (i, c) in cases.enumerated() {
            let tsi = try TSPayload(kind: .initiator, nextPayload: 45, selectors: c.tsi).encode()
            let tsr = try TSPayload(kind: .responder, nextPayload: 0, selectors: c.tsr).encode()
            var ike: [UInt8] = Array(repeating: 0x11, count: 8) + Array(repeating: 0x22, count: 8)
            ike += [44, 0x20, 36, 0x08]                 // next TSi, version 2.0, CREATE_CHILD_SA, initiator
            ike += [0, 0, 0, UInt8(i)]                  // message ID
            let ikeLength = UInt32(28 + tsi.count + tsr.count)
            ike += withUnsafeBytes(of: ikeLength.bigEndian, Array.init)
            ike += tsi + tsr
            let udpLength = UInt16(8 + ike.count)
            var udp: [UInt8] = [0x01, 0xf4, 0x01, 0xf4] + withUnsafeBytes(of: udpLength.bigEndian, Array.init) + [0, 0]
            udp += ike
            let ipLength = UInt16(20 + udp.count)
            var ip: [UInt8] = [0x45, 0] + withUnsafeBytes(of: ipLength.bigEndian, Array.init) + [0, 1, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2]
            var sum: UInt32 = 0
            for k in stride(from: 0, to: 20, by: 2) { sum += UInt32(ip[k]) << 8 | UInt32(ip[k + 1]) }
            while sum > 0xffff { sum = (sum & 0xffff) + (sum >> 16) }
            let checksum = ~UInt16(sum)
            ip[10] = UInt8(checksum >> 8); ip[11] = UInt8(checksum & 0xff)
            let frame: [UInt8] = [0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00] + ip + udp
            le32(UInt32(i)); le32(0); le32(UInt32(frame.count)); le32(UInt32(frame.count))
            out.append(contentsOf: frame)
        }
        return out
    }

    @Test func tsharkDecodesOurPayloadsWithTheSameFields() throws {
        guard let tshark = Peer.tshark.path else {
            let msg = Absence.peer(.tshark, neededFor: "the tshark cross-check of TS payloads")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ts-tshark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ts.pcap")
        try Self.pcap().write(to: file)
        let fields = ["isakmp.ts.number", "isakmp.ts.type", "isakmp.ts.protoid", "isakmp.ts.selector_length", "isakmp.ts.start_port", "isakmp.ts.end_port",
                      "isakmp.ts.start_ipv4", "isakmp.ts.end_ipv4", "isakmp.ts.start_ipv6", "isakmp.ts.end_ipv6"]
        let r = try runProcess(tshark, ["-r", file.path, "-n", "-d", "udp.port==500,isakmp", "-T", "fields", "-E", "separator=|", "-E", "aggregator=,"] + fields.flatMap { ["-e", $0] },
                               environment: ["HOME": dir.path], timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == Self.cases.count)
        for (i, c) in Self.cases.enumerated() where i < lines.count {
            let f = Dictionary(uniqueKeysWithValues: zip(fields, lines[i]))
            let all = c.tsi + c.tsr
            func list(_ key: String) -> [String] { (f[key] ?? "").split(separator: ",").map(String.init) }
            #expect(list("isakmp.ts.number") == ["\(c.tsi.count)", "\(c.tsr.count)"], "packet \(i)")
            #expect(list("isakmp.ts.type") == all.map { "\($0.tsType)" }, "packet \(i)")
            let ranges = all.compactMap(\.addressRange)
            // tshark 4.0 shows type 10 as "Future use" and dissects no fields of it.
            #expect(list("isakmp.ts.selector_length") == ranges.map { "\($0.family.selectorLength)" }, "packet \(i)")
            #expect(list("isakmp.ts.protoid") == ranges.map { "\($0.ipProtocol.wireValue!)" }, "packet \(i)")
            #expect(list("isakmp.ts.start_port") == ranges.map { "\($0.ports.wireValue!.start)" }, "packet \(i)")
            #expect(list("isakmp.ts.end_port") == ranges.map { "\($0.ports.wireValue!.end)" }, "packet \(i)")
            let v4 = ranges.filter { $0.family == .ipv4 }, v6 = ranges.filter { $0.family == .ipv6 }
            #expect(list("isakmp.ts.start_ipv4") == v4.map(\.addresses.startText), "packet \(i)")
            #expect(list("isakmp.ts.end_ipv4") == v4.map(\.addresses.endText), "packet \(i)")
            #expect(list("isakmp.ts.start_ipv6") == v6.map(\.addresses.startText), "packet \(i)")
            #expect(list("isakmp.ts.end_ipv6") == v6.map(\.addresses.endText), "packet \(i)")
        }
    }
}
