import Foundation
import Testing
import TestSupport

/// `draftcheck history` end to end: the seed series' JSON, the text table's row for the
/// 2.9 sentence, --fail-on, and the exit codes of what cannot be read or ordered.
@Suite struct HistoryCommandTests {
    static let errata = "errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"
    static let bundled = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"

    /// The seed series' paths (the bundled -08 relative to the package root), or nil.
    static func seed() -> [String]? {
        var paths: [String] = []
        for name in ["rfc4306.txt", "draft-ietf-ipsecme-ikev2bis-04.txt", "rfc5996.txt", "rfc7296.txt"] {
            guard let p = Corpus.path(name) else {
                let msg = Absence.corpus(name, neededFor: "draftcheck history of the seed series")
                if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
                return nil
            }
            paths.append(p)
        }
        paths.insert(bundled, at: 2)
        return paths
    }

    @Test func theSeedSeriesAsJSON() throws {
        guard let seed = Self.seed() else { return }
        let result = try runDraftcheck(["history"] + seed + ["--errata", Self.errata, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(root["schema"] as? String == "draftcheck-history")
        #expect(root["schemaVersion"] as? Int == 1)
        #expect((root["revisions"] as? [[String: Any]])?.map { $0["name"] as? String } == ["RFC 4306", "draft-ietf-ipsecme-ikev2bis-04", "draft-ietf-ipsecme-ikev2bis-08", "RFC 5996", "RFC 7296"])
        let statements = root["statements"] as? [[String: Any]] ?? []
        let s = try #require(statements.first { $0["key"] as? String == "rfc7296/2.9/cfa808" })
        let cells = s["revisions"] as? [[String: Any]] ?? []
        #expect(cells.map { $0["status"] as? String } == ["unlinked", "contradicted", "contradicted", "supported", "supported"])
        let spans = s["contradictions"] as? [[String: Any]] ?? []
        #expect(spans.count == 1)
        #expect(spans.first?["entered"] as? Int == 2)
        #expect(spans.first?["mended"] as? Int == 4)
        #expect(spans.first?["mend"] as? String == "reworded")
        let clause = (s["clauses"] as? [[String: Any]])?.first
        #expect(clause?["clause"] as? String == "although it only applies to IKEv1")
        #expect((clause?["present"] as? [Any])?.map { ($0 as? Bool).map(String.init) ?? "null" } == ["false", "true", "true", "false", "false"])
        let block = ((root["errata"] as? [[String: Any]])?.first?["blocks"] as? [[String: Any]])?.first
        #expect(block?["adoptedIn"] as? Int == 4)
        #expect(root["summary"] as? [String: Int] == ["revisions": 5, "statements": 678, "inLatest": 551, "removed": 127,
                                                       "contradictedInLatest": 0, "contradictionsEntered": 1, "contradictionsMended": 1])
    }

    @Test func theTextRowOfThe29Sentence() throws {
        guard let seed = Self.seed() else { return }
        let result = try runDraftcheck(["history"] + seed + ["--errata", Self.errata])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("rfc7296/2.9/cfa808") })
        #expect(lines[row] == "rfc7296/2.9/cfa808     unl  CON  CON  sup  sup")
        #expect(lines.contains("    contradicted: entered r2, mended r4 (reworded)"))
        #expect(lines.contains("    clause \"although it only applies to IKEv1\": arrived r2, gone r4"))
        #expect(lines.contains("  Section 2.9, paragraphs 1-2: adopted in r4 RFC 5996"))
        #expect(lines.contains("Latest (r5 RFC 7296): 67 supported, 0 contradicted, 0 drifted, 0 stale, 0 failed, 0 errored, 3 exempt, 481 unlinked; 127 statements removed on the way; contradictions: 1 entered, 1 mended."))
    }

    @Test func failOnLooksAtTheLatestRevision() throws {
        guard let seed = Self.seed(), let v04 = Corpus.path("draft-ietf-ipsecme-ikev2bis-04.txt") else { return }
        // The bis drafts alone: the latest (-08) still contradicted.
        let drafts = try runDraftcheck(["history", v04, Self.bundled, "--fail-on", "contradicted", "--format", "json"])
        #expect(drafts.status == 1)
        // Through RFC 7296: mended, so 0.
        let all = try runDraftcheck(["history"] + seed + ["--fail-on", "contradicted", "--format", "json"])
        #expect(all.status == 0)
        let bad = try runDraftcheck(["history", v04, "--fail-on", "absent"])
        #expect(bad.status == 64)
    }

    @Test func exitCodesOfWhatCannotBeReadOrOrdered() throws {
        let missing = try runDraftcheck(["history", Self.bundled, "no-such-revision.txt"])
        #expect(missing.status == 66)
        let none = try runDraftcheck(["history"])
        #expect(none.status == 64)
        let twice = try runDraftcheck(["history", Self.bundled, Self.bundled])
        #expect(twice.status == 64)
        #expect(twice.stderr == "error: draft-ietf-ipsecme-ikev2bis-08 is given twice (drafts/draft-ietf-ipsecme-ikev2bis-08.xml, drafts/draft-ietf-ipsecme-ikev2bis-08.xml); give each revision once\n")
        // Another series without a date: cannot be ordered, --in-order takes them as given.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let undated = dir.appendingPathComponent("draft-other-series-00.xml").path
        try Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc version="3" docName="draft-other-series-00" category="std" submissionType="IETF">
        <front><title>Other</title></front>
        <middle><section title="One"><name>One</name><t>An implementation MUST use PF_KEY.</t></section></middle>
        </rfc>
        """.utf8).write(to: URL(fileURLWithPath: undated))
        let unordered = try runDraftcheck(["history", Self.bundled, undated])
        #expect(unordered.status == 64)
        #expect(unordered.stderr == "error: cannot order draft-other-series-00 and draft-ietf-ipsecme-ikev2bis-08 (no date in draft-other-series-00); give the revisions oldest first with --in-order\n")
        let given = try runDraftcheck(["history", "--in-order", Self.bundled, undated, "--format", "json"])
        #expect(given.status == 0)
    }
}
