import Foundation
import Testing
import TestSupport

/// `draftcheck pfkey decode|encode` end to end, on the built binary.
@Suite struct PFKeyCLITests {
    /// The 88-byte SADB_ACQUIRE a Linux kernel sends for a policy added through PF_KEY.
    static let acquire = "02060003 0b000000 01000000 00000000"
        + "03000500 00200000 02000000 0a000001 00000000 00000000"
        + "03000600 00200000 02000000 0a000002 00000000 00000000"
        + "02001200 02000200 01000000 00000000"
        + "01000d00 20000000"

    static var acquireHex: String { acquire.replacingOccurrences(of: " ", with: "") }

    @Test func decodeJSONHasTheIssueShape() throws {
        let r = try runDraftcheck(["pfkey", "decode", "--format", "json", Self.acquireHex])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["type"] as? String == "ACQUIRE")
        #expect(json["typeNumber"] as? Int == 6)
        #expect(json["satype"] as? Int == 3)
        #expect(json["errno"] as? Int == 0)
        #expect(json["seq"] as? Int == 1)
        #expect(json["pid"] as? Int == 0)
        #expect(json["length"] as? Int == 88)
        let exts = try #require(json["extensions"] as? [[String: Any]])
        #expect(exts.map { $0["type"] as? String } == ["ADDRESS_SRC", "ADDRESS_DST", "X_POLICY", "PROPOSAL"])
        #expect(exts.map { $0["typeNumber"] as? Int } == [5, 6, 18, 13])
        #expect(exts.map { $0["offset"] as? Int } == [16, 40, 64, 80])
        #expect(exts.map { $0["length"] as? Int } == [24, 24, 16, 8])
        #expect(exts[0]["address"] as? String == "10.0.0.1")
        #expect(exts[0]["port"] as? Int == 0)
        #expect(exts[2]["id"] as? Int == 1)
    }

    @Test func decodeTextShowsOffsets() throws {
        let r = try runDraftcheck(["pfkey", "decode", "--direction", "kernel", Self.acquire])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("SADB_ACQUIRE (6) satype=3 errno=0 seq=1 pid=0 length=88\n"))
        #expect(r.stdout.contains("  @64 X_POLICY (18) len=16: dir=2 id=1 policyType=2 priority=0 requests=[]\n"))
    }

    @Test func invalidInputExits65WithOffsetAndRule() throws {
        // A second ADDRESS_SRC where ADDRESS_DST was: a duplicate at offset 40.
        let dup = Self.acquireHex.replacingOccurrences(of: "0300060000200000", with: "0300050000200000")
        let r = try runDraftcheck(["pfkey", "decode", dup])
        #expect(r.status == 65)
        #expect(r.stderr == "error: invalid PF_KEY message: duplicateExtension: RFC 2367 2.3: duplicate extension type 5 at offset 40\n")
    }

    @Test func directionRequestRejectsAKernelOnlyMessage() throws {
        let r = try runDraftcheck(["pfkey", "decode", "--direction", "request", Self.acquireHex])
        // An app-originated ACQUIRE (RFC 2367 3.1.6) has the same shape, so it passes as a request.
        #expect(r.status == 0, "\(r.stderr)")
        let rfc = try runDraftcheck(["pfkey", "decode", "--dialect", "rfc2367", "--reject-unknown", Self.acquireHex])
        #expect(rfc.status == 65)
        #expect(rfc.stderr.contains("unknownExtension: RFC 2367 2.3 (unknown extensions rejected by option): extension type 18 is unknown in dialect rfc2367 at offset 64"))
    }

    @Test func encodeRoundTripsTheJSON() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pfkey-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try runDraftcheck(["pfkey", "decode", "--format", "json", Self.acquireHex])
        let file = dir.appendingPathComponent("acquire.json")
        try json.stdoutData.write(to: file)
        let r = try runDraftcheck(["pfkey", "encode", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.acquireHex + "\n")
        // Raw bytes through --file decode too.
        let raw = dir.appendingPathComponent("acquire.bin")
        try Data(Self.acquireHex.pfkeyHexBytes()).write(to: raw)
        #expect(try runDraftcheck(["pfkey", "decode", "--file", raw.path]).status == 0)
    }

    @Test func encodeRejectsBadJSONAndMissingFiles() throws {
        #expect(try runDraftcheck(["pfkey", "encode", "/nonexistent/m.json"]).status == 66)
        #expect(try runDraftcheck(["pfkey", "decode", "--file", "/nonexistent/m.bin"]).status == 66)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pfkey-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.json")
        try Data(#"{"type": "NO_SUCH_TYPE"}"#.utf8).write(to: file)
        let r = try runDraftcheck(["pfkey", "encode", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("unknown message type NO_SUCH_TYPE"))
        #expect(try runDraftcheck(["pfkey", "decode", "zz"]).status == 65)
        #expect(try runDraftcheck(["pfkey", "decode"]).status == 64)
    }
}

extension String {
    /// Hex text to bytes.
    func pfkeyHexBytes() -> [UInt8] {
        var out: [UInt8] = []
        var i = startIndex
        while i < endIndex, let j = index(i, offsetBy: 2, limitedBy: endIndex) {
            out.append(UInt8(self[i..<j], radix: 16)!)
            i = j
        }
        return out
    }
}
