import Foundation
import Testing
import TestSupport

/// `errata FILE --check`: the proposed change applied in memory and judged before and after.
@Suite struct ErrataCheckCommandTests {
    static let errata = "errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"

    /// The bundled proposal removes the contradiction, and its two new sentences are
    /// supported by the same checks that contradicted the old one.
    @Test func theBundledFixIsProved() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--check", "--fail-on", "contradicted"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("draft-ietf-ipsecme-ikev2bis-08, Section 2.9: each statement before and after the proposed change ("))
        #expect(lines[2] == "  before        after         statement")
        #expect(lines.contains("  contradicted  (removed)     \"Maintenance of a system's SPD is outside the scope of IKE ...\""))
        #expect(lines.contains("  (new)         supported     \"Maintenance of a system's SPD is outside the scope of IKE, ...\" (seed.ikev2-child-sa-via-pfkey, seed.acquire-expresses-spd-entry)"))
        #expect(lines.contains("  (new)         supported     \"These must be communicated to IKE from the SPD (for example ...\" (seed.acquire-expresses-spd-entry)"))
        #expect(result.stdout.hasSuffix("\nverdict: the change removes the contradiction (1 contradicted before, none after).\n"))
    }

    @Test func json() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--check", "--check-format", "json"])
        #expect(result.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(root["rows"] as? [[String: Any]])
        let removed = rows.filter { $0["after"] == nil }.compactMap { ($0["before"] as? [String: Any])?["status"] as? String }
        let added = rows.filter { $0["before"] == nil }.compactMap { ($0["after"] as? [String: Any])?["status"] as? String }
        #expect(removed == ["contradicted"])
        #expect(added == ["supported", "supported"])
        #expect(root["sections"] as? [String] == ["2.9"])
    }

    /// A proposal that keeps the IKEv1 remark leaves the contradiction, says so, and fails
    /// under --fail-on contradicted.
    @Test func aFixThatLeavesTheContradictionFails() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(Self.errata), encoding: .utf8)
        // NEW keeps the first paragraph as it was; supported-by then quotes text NEW lacks.
        var header = text[..<text.range(of: "\nsupported-by:")!.lowerBound]
        header += "\n---\n"
        let body = """

        Section 2.9, paragraph 2

        OLD:

           Traffic Selector (TS) payloads allow endpoints to communicate some of
           the information from their SPD to their peers.

        NEW:

           Traffic Selector (TS) payloads allow endpoints to communicate some of
           the information from their SPD to their peers, as the SPD says.

        """
        let file = dir.appendingPathComponent("keep.errata")
        try (String(header) + body).write(to: file, atomically: true, encoding: .utf8)
        let draft = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path
        let result = try runDraftcheck(["errata", file.path, "--draft", draft, "--check", "--fail-on", "contradicted"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\n  contradicted  contradicted  \"Maintenance of a system's SPD is outside the scope of IKE ...\""))
        #expect(result.stdout.hasSuffix("\nverdict: the change does not fix everything: 1 contradiction remains.\n"))
    }

    @Test func supportedByMustNameACheckAndQuoteTheNewText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(Self.errata), encoding: .utf8)
        for (name, edit, message) in [
            ("unknown", text.replacingOccurrences(of: "  - check: seed.ikev2-child-sa-via-pfkey", with: "  - check: seed.no-such"), ":14: error: supported-by: no check \"seed.no-such\" in the catalog"),
            ("quote", text.replacingOccurrences(of: "(for example the PF_KEY API [PFKEY] uses", with: "(for example PF_KEY uses"), ":16: error: supported-by: \"These must be communicated to IKE from the SPD (for example PF_KEY uses the SADB_ACQUIRE message).\" is not in any NEW text of the file"),
        ] {
            let file = dir.appendingPathComponent("\(name).errata")
            // Only the header's quote changes: the NEW text keeps its wording.
            let header = edit[..<edit.range(of: "\n---\n", range: edit.index(after: edit.startIndex)..<edit.endIndex)!.upperBound]
            let rest = text[text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex)!.upperBound...]
            try (String(header) + rest).write(to: file, atomically: true, encoding: .utf8)
            let draft = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path
            let result = try runDraftcheck(["errata", file.path, "--draft", draft, "--check"])
            #expect(result.status == 65, "\(name)")
            #expect(result.stderr == file.path + message + "\n", "\(name)")
        }
    }
}
