import Foundation
import Testing
import TestSupport
@testable import TrafficSelectors

/// TSi/TSr payloads real IKEv2 daemons sent (strongSwan 5.9.8 as initiator and responder,
/// libreswan 4.10 as responder, under User-Mode Linux) in their IKE_AUTH and in the
/// CREATE_CHILD_SA that rekeys the Child SA, captured on the wire and decrypted
/// by tshark with the initiator's logged IKE keys: Tests/Fixtures/ts/daemon-vectors.json,
/// written by `scripts/uml-ike --capture`, with the pcaps and Wireshark decryption tables in
/// Tests/Fixtures/daemons/pcap/. Each payload must decode with our decoder to exactly the
/// fields tshark dissected, to what the daemons logged they sent and received, and
/// re-encode to the same bytes; tshark must still decrypt the committed captures to the same
/// payloads.
@Suite struct DaemonVectorTests {
    struct TsharkSelector: Decodable, Equatable, Sendable {
        var type: Int
        var `protocol`: Int
        var selectorLength: Int
        var startPort: Int
        var endPort: Int
        var startAddress: String
        var endAddress: String
    }

    struct TsharkPayload: Decodable, Equatable, Sendable {
        var nextPayload: Int
        var payloadLength: Int
        var numberOfTSs: Int
        var selectors: [TsharkSelector]
    }

    struct LogEvidence: Decodable, Sendable {
        var side: String
        var daemon: String
        var relation: String
        var agrees: Bool
        var selectors: [SelectorRecord]?
        var lines: [String]
    }

    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var scenario: String
        var responder: String
        var daemon: String
        var exchange: String
        var message: String
        var payload: String
        var packetSelectors: Bool
        var families: [String]
        var pcap: String
        var keys: String
        var frame: Int
        var hex: String
        var tshark: TsharkPayload
        var logs: [LogEvidence]
        var testDescription: String { name }
    }

    struct Fixture: Decodable {
        var generator: String
        var tshark: String
        var vectors: [Vector]
    }

    static let path = "Tests/Fixtures/ts/daemon-vectors.json"

    static let fixture: Fixture? = {
        guard let data = try? Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(path)) else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()

    static var pcaps: [String] { Array(Set((fixture?.vectors ?? []).map(\.pcap))).sorted() }

    @Test func fixtureCoversBothDaemonsBothFamiliesWithAndWithoutPacketSelectors() throws {
        let f = try #require(Self.fixture, "\(Self.path) missing or unreadable: run scripts/uml-ike --capture")
        #expect(f.tshark.hasPrefix("TShark (Wireshark) 4."))
        func count(_ sender: String, _ family: String, packet: Bool) -> Int {
            f.vectors.filter { $0.daemon.hasPrefix(sender) && $0.families.contains(family) && $0.packetSelectors == packet }.count
        }
        for sender in ["strongSwan 5.9.8 (Debian 5.9.8-5+deb12u6) initiator", "strongSwan 5.9.8 (Debian 5.9.8-5+deb12u6) responder", "libreswan 4.10"] {
            for family in ["ipv4", "ipv6"] {
                for packet in [true, false] {
                    #expect(count(sender, family, packet: packet) > 0, "no \(family) payload sent by \(sender) \(packet ? "with" : "without") packet selectors")
                }
            }
        }
        for sender in ["strongSwan 5.9.8 (Debian 5.9.8-5+deb12u6) initiator", "strongSwan 5.9.8 (Debian 5.9.8-5+deb12u6) responder", "libreswan 4.10"] {
            #expect(f.vectors.contains { $0.exchange == "CREATE_CHILD_SA" && $0.daemon.hasPrefix(sender) }, "no CREATE_CHILD_SA payload sent by \(sender)")
        }
        #expect(f.vectors.contains { $0.tshark.numberOfTSs >= 17 }, "the 17-selector payload")
        #expect(f.vectors.contains { $0.families == ["ipv4", "ipv6"] }, "a payload of both families")
        for v in f.vectors {
            // The generator refuses a disagreement; a hand edit must not slip one in.
            #expect(v.logs.count == 2 && v.logs.allSatisfy(\.agrees), "\(v.name): a daemon's log disagrees with the payload")
            for file in [v.pcap, v.keys] {
                #expect(FileManager.default.fileExists(atPath: TestEnvironment.packageRoot.appendingPathComponent(file).path), "\(file) missing")
            }
        }
    }

    /// Our decoder reads exactly what tshark dissected, field by field, and what the daemons
    /// logged; our encoder writes the daemon's bytes back.
    @Test(arguments: fixture?.vectors ?? [])
    func daemonPayloadDecodesToTsharksFieldsAndReencodesExactly(_ v: Vector) throws {
        let bytes = try #require(HexText.bytes(v.hex))
        let p = try TSPayload.decode(bytes, kind: v.payload == "TSi" ? .initiator : .responder)
        #expect(Int(p.nextPayload) == v.tshark.nextPayload)
        #expect(bytes.count == v.tshark.payloadLength)
        #expect(p.ignored.isEmpty)
        #expect(p.selectors.count == v.tshark.numberOfTSs)
        #expect(p.selectors.count == v.tshark.selectors.count)
        let ours: [TsharkSelector] = p.selectors.compactMap { s in
            guard let r = s.addressRange, let proto = r.ipProtocol.wireValue, let ports = r.ports.wireValue else { return nil }
            return TsharkSelector(type: Int(r.tsType), protocol: Int(proto), selectorLength: r.family.selectorLength,
                                  startPort: Int(ports.start), endPort: Int(ports.end),
                                  startAddress: r.addresses.startText, endAddress: r.addresses.endText)
        }
        #expect(ours == v.tshark.selectors)
        #expect(try p.encode() == bytes, "re-encoding differs")

        // What the daemons logged: equal to the payload; or (the strongSwan initiator, which
        // logs only its configured selectors) the payload less the trigger packet's selector;
        // or (libreswan 4.10 refusing a non-CIDR range, OPAQUE ports, more than 16 selectors)
        // what it read before its refusal, a start of the payload.
        let records = try p.selectors.map { try SelectorRecord($0) }
        for log in v.logs {
            let logged = try #require(log.selectors, "\(log.daemon) logged no selectors")
            switch log.relation {
            case "equal":
                #expect(logged == records, "\(log.side) by \(log.daemon)")
            case _ where log.relation.hasPrefix("refused"):
                #expect(v.message == "request" && log.side == "received" && log.daemon.hasPrefix("libreswan 4.10"), "\(log.daemon)")
                #expect(Array(records.prefix(logged.count)) == logged, "\(log.daemon) read \(logged) before refusing")
                #expect(log.lines.last?.hasPrefix("\"") == true, "pluto's refusal line: \(log.lines.last ?? "none")")
            default:
                #expect(log.relation.contains("configured") && v.message == "request" && log.daemon.hasSuffix("initiator"), "\(log.relation)")
                #expect(logged == Array(records.dropFirst(v.packetSelectors ? 1 : 0)), "\(log.side) by \(log.daemon) (\(log.relation))")
            }
        }
    }

    /// One TS payload as tshark dissects it from PDML: the frame, TSi or TSr, its bytes and
    /// the fields of each selector.
    struct Dissected: Equatable {
        var frame: Int
        var payload: String
        var hex: String
        var fields: [String: [String]] = [:]
    }

    struct TsharkFailed: Error { var status: Int32; var stderr: String }

    /// The value of attribute `name` in one PDML line (our fields carry no XML escapes).
    static func attribute(_ name: String, _ line: Substring) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// tshark's PDML of a capture read with `keys` (Wireshark ikev2_decryption_table records):
    /// every TSi/TSr payload, and the integrity checks of the encrypted payloads.
    static func dissect(_ pcap: String, keys: [String], tshark: String) throws -> (payloads: [Dissected], integrity: [String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-tshark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let args = ["-n", "-r", pcap, "-T", "pdml"] + keys.flatMap { ["-o", "uat:ikev2_decryption_table:\($0)"] }
        let r = try runProcess(tshark, args, environment: ["HOME": home.path], timeout: 120)
        guard r.status == 0 else { throw TsharkFailed(status: r.status, stderr: r.stderr) }
        var payloads: [Dissected] = [], integrity: [String] = [], frame = 0
        var current: Dissected?
        for line in r.stdout.split(separator: "\n") {
            guard let name = attribute("name", line) else { continue }
            switch name {
            case "num":
                if let c = current { payloads.append(c) }
                current = nil
                frame = Int(attribute("show", line) ?? "") ?? -1
            case "isakmp.enc.icd":
                integrity.append(attribute("showname", line) ?? "")
            case "isakmp.typepayload":
                if let c = current { payloads.append(c) }
                let show = attribute("show", line)
                current = show == "44" || show == "45" ? Dissected(frame: frame, payload: show == "44" ? "TSi" : "TSr", hex: attribute("value", line) ?? "") : nil
            case _ where name.hasPrefix("isakmp.ts."):
                if current != nil, let show = attribute("show", line) { current!.fields[name, default: []].append(show) }
            case _ where name.hasPrefix("isakmp."):
                break
            default:
                if let c = current { payloads.append(c) }
                current = nil
            }
        }
        if let c = current { payloads.append(c) }
        return (payloads, integrity)
    }

    static func keyRecords(_ file: String) throws -> [String] {
        let text = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
    }

    /// tshark decrypts each committed capture with its committed keys (integrity checks
    /// correct) and finds exactly the committed payloads, bytes and fields; without the keys
    /// it finds none (the payloads come from the decryption, not from the file as it is).
    @Test(arguments: pcaps)
    func tsharkStillDecryptsTheCommittedCapture(_ pcap: String) throws {
        guard let tshark = Peer.tshark.path else {
            let msg = Absence.peer(.tshark, neededFor: "decrypting the committed daemon captures")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let vectors = (Self.fixture?.vectors ?? []).filter { $0.pcap == pcap }
        let path = TestEnvironment.packageRoot.appendingPathComponent(pcap).path
        let keys = try Self.keyRecords(try #require(vectors.first).keys)
        #expect(keys.count == 1)
        let (found, integrity) = try Self.dissect(path, keys: keys, tshark: tshark)
        #expect(!integrity.isEmpty && integrity.allSatisfy { $0.hasSuffix("[correct]") }, "\(integrity)")
        #expect(found.map { "\($0.frame) \($0.payload)" } == vectors.map { "\($0.frame) \($0.payload)" })
        for (d, v) in zip(found, vectors) {
            #expect(d.hex == v.hex, "\(v.name)")
            let s = v.tshark.selectors
            #expect(d.fields["isakmp.ts.number"] == ["\(v.tshark.numberOfTSs)"], "\(v.name)")
            #expect(d.fields["isakmp.ts.type"] ?? [] == s.map { "\($0.type)" }, "\(v.name)")
            #expect(d.fields["isakmp.ts.protoid"] ?? [] == s.map { "\($0.protocol)" }, "\(v.name)")
            #expect(d.fields["isakmp.ts.selector_length"] ?? [] == s.map { "\($0.selectorLength)" }, "\(v.name)")
            #expect(d.fields["isakmp.ts.start_port"] ?? [] == s.map { "\($0.startPort)" }, "\(v.name)")
            #expect(d.fields["isakmp.ts.end_port"] ?? [] == s.map { "\($0.endPort)" }, "\(v.name)")
            let v4 = s.filter { $0.type == 7 }, v6 = s.filter { $0.type == 8 }
            #expect(d.fields["isakmp.ts.start_ipv4"] ?? [] == v4.map(\.startAddress), "\(v.name)")
            #expect(d.fields["isakmp.ts.end_ipv4"] ?? [] == v4.map(\.endAddress), "\(v.name)")
            #expect(d.fields["isakmp.ts.start_ipv6"] ?? [] == v6.map(\.startAddress), "\(v.name)")
            #expect(d.fields["isakmp.ts.end_ipv6"] ?? [] == v6.map(\.endAddress), "\(v.name)")
        }
        let (withoutKeys, _) = try Self.dissect(path, keys: [], tshark: tshark)
        #expect(withoutKeys.isEmpty, "tshark found TS payloads without the keys")
    }
}
