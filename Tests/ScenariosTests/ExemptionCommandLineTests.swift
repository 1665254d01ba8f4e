import Foundation
import Testing
import TestSupport

/// Exemptions through the command line: a bad exemption file of a --checks DIR is exit 65
/// at its field; the bundled ones show in check's text, JSON, Markdown and SARIF and in
/// coverage.
@Suite struct ExemptionCommandLineTests {
    static func rfc2367() -> String? {
        guard let path = Corpus.path("rfc2367.txt") else {
            let m = Absence.corpus("rfc2367.txt", neededFor: "the exemption command-line tests")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return nil
        }
        return path
    }

    static func directory(exemptions text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exemption-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("exemptions"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: dir.appendingPathComponent("exemptions/mine.yaml"))
        return dir
    }

    @Test func anUnknownReasonIsExit65AtItsField() throws {
        let dir = try Self.directory(exemptions: ExemptionTests.valid.replacingOccurrences(of: "not-observable", with: "too-hard"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--checks", dir.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(dir.path)/exemptions/mine.yaml:5:13: error: invalidValue: exemptions[0].reason: unknown reason \"too-hard\" (one of other-component, operational-advice, definition-only, not-observable, editorial)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aQuoteFoundNowhereIsExit65() throws {
        guard let rfc2367 = Self.rfc2367() else { return }
        let dir = try Self.directory(exemptions: ExemptionTests.valid.replacingOccurrences(of: "in order to be portable", with: "in order to be frozen forever"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runDraftcheck(["coverage", rfc2367, "--section", "3", "--checks", dir.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(dir.path)/exemptions/mine.yaml:4:12: error: quoteNotFound: exemptions[0].quote: the quote is in no document of RFC 2367 read (RFC 2367)"), "\(result.stderr)")
    }

    @Test func anExemptStatementIsShownWithItsReasonAndNote() throws {
        guard let rfc2367 = Self.rfc2367() else { return }
        let json = try runDraftcheck(["check", rfc2367, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let root = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        let document = (root?["documents"] as? [[String: Any]])?.first
        let statements = document?["statements"] as? [[String: Any]] ?? []
        let statement = try #require(statements.first { $0["id"] as? String == "rfc2367/3.5/af03df" })
        #expect(statement["status"] as? String == "exempt")
        #expect(statement["exemption"] as? [String: String] == ["reason": "not-observable",
            "note": "RFC 2367's algorithm names have the same numbers in every system the codec knows (RFC 2367, Linux, KAME) and in OpenBSD's pfkeyv2.h too, so no message can show a name kept while its number varies; pfkey.base.symbolic-names (AF_INET6) and pfkey.base.satype-numbering (SA types on OpenBSD) show it where numbers differ."])
        #expect((statements.first { $0["status"] as? String == "supported" })?["exemption"] == nil)
        let summary = document?["summary"] as? [String: Int]
        #expect((summary?["exempt"] ?? 0) > 0)

        let text = try runDraftcheck(["check", rfc2367, "--unlinked"])
        let exempt = try #require(summary?["exempt"])
        #expect(text.stdout.hasPrefix("RFC 2367: "))
        #expect(text.stdout.contains(" supported, \(exempt) exempt, "))
        #expect(text.stdout.contains("\nExempt (not checked on purpose: reason, then why)\n"))
        #expect(text.stdout.contains("  rfc2367/3.5/af03df  line 2338: \"The numeric value might vary between implementations, ...\"\n    not-observable: RFC 2367's algorithm names have the same numbers in every system the codec knows (RFC 2367, Linux, KAME) and in OpenBSD's pfkeyv2.h too, so no message can show a name kept while its number varies; pfkey.base.symbolic-names (AF_INET6) and pfkey.base.satype-numbering (SA types on OpenBSD) show it where numbers differ.\n"))

        let sarif = try runDraftcheck(["check", rfc2367, "--format", "sarif"])
        let log = try JSONSerialization.jsonObject(with: sarif.stdoutData) as? [String: Any]
        let run = (log?["runs"] as? [[String: Any]])?.first
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(!results.contains { ($0["partialFingerprints"] as? [String: String])?["statementId/v1"] == "rfc2367/3.5/af03df" })
        let listed = (run?["properties"] as? [String: Any])?["exempt"] as? [[String: Any]] ?? []
        #expect(listed.count == exempt)
        #expect(listed.contains { $0["statementId"] as? String == "rfc2367/3.5/af03df" && $0["reason"] as? String == "not-observable" })

        let markdown = try runDraftcheck(["check", rfc2367, "--format", "markdown"])
        #expect(markdown.stdout.contains("## Not checked on purpose (exempt)\n\n"))
        #expect(markdown.stdout.contains("* Section 3.5, paragraph 1 (not-observable): RFC 2367's algorithm names have the same numbers in every system the codec knows (RFC 2367, Linux, KAME) and in OpenBSD's pfkeyv2.h too, so no message can show a name kept while its number varies; pfkey.base.symbolic-names (AF_INET6) and pfkey.base.satype-numbering (SA types on OpenBSD) show it where numbers differ.\n"))
    }

    @Test func coverageCountsExemptApartAndPrintsTheTargets() throws {
        guard let rfc2367 = Self.rfc2367() else { return }
        let result = try runDraftcheck(["coverage", rfc2367, "--section", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("            statements  linked  supported  contradicted  failed  errored  stale  exempt  unlinked  coverage"))
        #expect(lines.contains { $0.hasPrefix("Targets (issue 15): ") })
        #expect(lines.contains { $0.hasPrefix("RFC 2367 3 ") && $0.contains("/36 ") && $0.contains("/92 ") && $0.contains("/128 ") })
    }
}
