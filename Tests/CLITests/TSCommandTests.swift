import Foundation
import Testing
import TestSupport

/// `draftcheck ts decode|narrow|decorrelate` end to end, on the built binary.
@Suite struct TSCommandTests {
    static let unknownPlusV4 = "2d0000280200000009000010000000000000000000000000070000100000ffffc6336400c63364ff"

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ts-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func decodeJSONHasTheDocumentedShape() throws {
        let r = try runDraftcheck(["ts", "decode", "--format", "json", Self.unknownPlusV4])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["kind"] is NSNull)
        let selectors = try #require(json["selectors"] as? [[String: Any]])
        #expect(selectors.count == 1)
        #expect(selectors[0]["type"] as? Int == 7)
        #expect(selectors[0]["protocol"] as? Int == 0)
        #expect(selectors[0]["startPort"] as? Int == 0)
        #expect(selectors[0]["endPort"] as? Int == 65535)
        #expect(selectors[0]["startAddress"] as? String == "198.51.100.0")
        #expect(selectors[0]["endAddress"] as? String == "198.51.100.255")
        #expect(Set(selectors[0].keys) == ["type", "protocol", "startPort", "endPort", "startAddress", "endAddress"])
        let ignored = try #require(json["ignored"] as? [[String: Any]])
        #expect(ignored.count == 1 && ignored[0]["type"] as? Int == 9 && ignored[0]["offset"] as? Int == 8)
    }

    @Test func decodeSecLabelJSON() throws {
        let r = try runDraftcheck(["ts", "decode", "--format", "json", "--kind", "tsr", "0000000d010000000a00000501"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["kind"] as? String == "TSr")
        let s = try #require((json["selectors"] as? [[String: Any]])?.first)
        #expect(s["type"] as? Int == 10 && s["label"] as? String == "01" && s.count == 2)
    }

    @Test func decodeText() throws {
        let r = try runDraftcheck(["ts", "decode", Self.unknownPlusV4])
        #expect(r.status == 0)
        #expect(r.stdout.contains("type 7  protocol any  ports any  198.51.100.0 - 198.51.100.255"))
        #expect(r.stdout.contains("ignored: unknown type 9 at offset 8, 16 bytes (RFC 7296 2.9)"))
    }

    @Test func invalidPayloadExits65WithOffsetAndRule() throws {
        // Selector Length 20 for an IPv4 selector (libreswan issue 954).
        let r = try runDraftcheck(["ts", "decode", "0000001c01000000070000140000ffff00000000ffffffff00000000"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("offset 10: Selector Length 20 for TS type 7 must be 16 (RFC 7296 3.13.1)"), "\(r.stderr)")
        // Text that is not hex is invalid input too, not a usage error (issue 17 D11).
        let notHex = try runDraftcheck(["ts", "decode", "xyz"])
        #expect(notHex.status == 65)
        #expect(notHex.stderr == "error: not a hex digit at offset 0: \"x\" (hex text is two digits a byte; spaces and colons may separate them)\n")
    }

    @Test func narrowWithFilesUnderEachProfile() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"rules": [{"name": "any", "remote": [{"address": "0.0.0.0/0"}], "local": [{"address": "0.0.0.0/0"}]}]}"#
            .write(to: dir.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)
        try #"{"selectors": [{"type": 7, "protocol": 0, "startPort": 0, "endPort": 65535, "startAddress": "10.0.0.5", "endAddress": "10.0.0.20"}]}"#
            .write(to: dir.appendingPathComponent("tsi.json"), atomically: true, encoding: .utf8)
        try #"{"hex": "0000001801000000070000100000ffffc0000200c00002ff"}"#
            .write(to: dir.appendingPathComponent("tsr.json"), atomically: true, encoding: .utf8)
        func narrow(_ profile: String) throws -> [String: Any] {
            let r = try runDraftcheck(["ts", "narrow", "--policy", "policy.json", "--tsi", "tsi.json", "--tsr", "tsr.json", "--profile", profile, "--format", "json"], currentDirectory: dir.path)
            #expect(r.status == 0, "\(r.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        }
        let strong = try narrow("strongswan")
        #expect(strong["accepted"] as? Bool == true)
        #expect((strong["tsi"] as? [[String: Any]])?.first?["startAddress"] as? String == "10.0.0.5")
        let libre = try narrow("libreswan")
        #expect(libre["accepted"] as? Bool == false)
        #expect((libre["notify"] as? [String: Any])?["name"] as? String == "TS_UNACCEPTABLE")
        #expect((libre["notify"] as? [String: Any])?["type"] as? Int == 38)
        let rfc = try narrow("rfc7296")
        #expect(rfc["notify"] is NSNull)
        #expect((rfc["reasons"] as? [String])?.first?.hasPrefix("R5") == true)
    }

    @Test func narrowReportsFileErrors() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"rules": []}"#.write(to: dir.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)
        try #"{"hex": "00000018020000070000100000ffffc6336400c63364ff"}"#.write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try #"{"selectors": [{"address": "10.0.0.300"}]}"#.write(to: dir.appendingPathComponent("badaddr.json"), atomically: true, encoding: .utf8)
        let missing = try runDraftcheck(["ts", "narrow", "--policy", "policy.json", "--tsi", "none.json", "--tsr", "none.json"], currentDirectory: dir.path)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("none.json: error: no such file"))
        let bad = try runDraftcheck(["ts", "narrow", "--policy", "policy.json", "--tsi", "bad.json", "--tsr", "bad.json"], currentDirectory: dir.path)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.json: error: offset 2: Payload Length 24 but only 23 bytes (RFC 7296 3.2)"), "\(bad.stderr)")
        let badAddress = try runDraftcheck(["ts", "narrow", "--policy", "policy.json", "--tsi", "badaddr.json", "--tsr", "badaddr.json"], currentDirectory: dir.path)
        #expect(badAddress.status == 65)
        #expect(badAddress.stderr.contains("not an IPv4 address"))
        let profile = try runDraftcheck(["ts", "narrow", "--policy", "policy.json", "--tsi", "bad.json", "--tsr", "bad.json", "--profile", "racoon"], currentDirectory: dir.path)
        #expect(profile.status == 64)
    }

    /// A missing field is named with the object that lacks it, not as a CodingKeys dump.
    @Test func aMissingFieldIsNamed() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"rule": []}"#.write(to: dir.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)
        try #"{"rules": [{"remote": [], "local": []}]}"#.write(to: dir.appendingPathComponent("noname.json"), atomically: true, encoding: .utf8)
        try #"{"selectors": [{"address": "10.0.0.1"}]}"#.write(to: dir.appendingPathComponent("ts.json"), atomically: true, encoding: .utf8)
        let top = try runDraftcheck(["ts", "narrow", "--policy", "policy.json", "--tsi", "ts.json", "--tsr", "ts.json"], currentDirectory: dir.path)
        #expect(top.status == 65)
        #expect(top.stderr == "policy.json: error: not a valid file: missing field \"rules\" in the top-level object\n")
        let nested = try runDraftcheck(["ts", "narrow", "--policy", "noname.json", "--tsi", "ts.json", "--tsr", "ts.json"], currentDirectory: dir.path)
        #expect(nested.status == 65)
        #expect(nested.stderr == "noname.json: error: not a valid file: missing field \"name\" in the object at .rules[0]\n")
    }

    @Test func decorrelateTheRFC7296_2_9_1Example() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"""
        {"entries": [
          {"name": "aes", "action": "PROTECT", "selectors": [{"local": "192.0.2.1", "remote": "198.51.100.66"}]},
          {"name": "3des", "action": "PROTECT", "pfp": ["remoteAddress"], "selectors": [{"local": "192.0.2.1", "remote": "198.51.100.0/24"}]}
        ]}
        """#.write(to: dir.appendingPathComponent("spd.json"), atomically: true, encoding: .utf8)
        let r = try runDraftcheck(["ts", "decorrelate", "--format", "json", "spd.json"], currentDirectory: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["entries"] as? Int == 2)
        let fragments = try #require(json["fragments"] as? [[String: Any]])
        let remotes = fragments.filter { $0["originName"] as? String == "3des" }.compactMap { $0["remote"] as? String }
        #expect(remotes == ["198.51.100.0-198.51.100.65", "198.51.100.67-198.51.100.255"])
        try #"{"entries": [{"name": "x", "action": "ENCRYPT", "selectors": []}]}"#.write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try runDraftcheck(["ts", "decorrelate", "bad.json"], currentDirectory: dir.path)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.json: error: not a valid file"), "\(bad.stderr)")
    }
}
