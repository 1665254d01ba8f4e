import Foundation
import Reports
import Testing

@Suite struct TextFormatsTests {
    @Test func markdownQuotesTheContradictedStatementAsIETFCommentsDo() {
        let md = MarkdownCheckReport.render(ReportFixture.report)
        #expect(md.contains("## Comments\n\n### Section 2.9, paragraph 1\n\n```\n    Maintenance of a system's SPD is outside the scope of IKE (see\n"))
        #expect(md.contains("This is contradicted by `seed.ikev2-child-sa-via-pfkey`"))
        #expect(md.contains("* Note: RFC 2367 core carries no policy"))
    }

    @Test func jsonCarriesSchemaNameAndVersion() throws {
        let json = try JSONCheckReport.render(ReportFixture.report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "draftcheck-check-report")
        #expect(root["schemaVersion"] as? Int == 2)
        #expect((root["summary"] as? [String: Int])?["passed"] == ReportFixture.report.run.checks.count)
    }

    @Test func verboseTextListsEachLinkedStatementWithItsStatus() {
        let text = TextCheckReport.render(ReportFixture.report, options: .init(verbose: true))
        #expect(text.contains("[contradicted] Section 2.9, paragraph 1 (drafts/draft-ietf-ipsecme-ikev2bis-08.xml:"))
        #expect(text.contains("statements: 6; supported 4, contradicted 1, failed 0, errored 0, stale 0, exempt 0, unlinked 1"))
        #expect(text.contains("    why: PF_KEY installed the SAs of an IKEv2 Child SA: it does not only apply to IKEv1.\n"))
    }

    /// The default text: a summary line, then the finding in a few lines (statement,
    /// why, what ran, what came back), one line per supported statement, and the unlinked
    /// statement of the section.
    @Test func compactTextTellsTheStoryInAScreen() throws {
        let text = TextCheckReport.render(ReportFixture.report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let checks = ReportFixture.report.run.checks.count
        #expect(lines[0].hasPrefix("draft-ietf-ipsecme-ikev2bis-08: 1 contradicted, 4 supported, 1 unlinked of 6 statements; \(checks) checks ran in "))
        #expect(text.contains("\nSection 2.9 Traffic Selector Negotiation (drafts/draft-ietf-ipsecme-ikev2bis-08.xml)\n"))
        let start = try #require(lines.firstIndex(of: "  CONTRADICTED  paragraph 1, line 142"))
        #expect(lines[start + 1] == "    \"Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY]")
        // The clause the verdict rests on is marked.
        #expect(lines[start + 2] == "    for an example programming interface, \u{BB}although it only applies to")
        #expect(lines[start + 3] == "    IKEv1\u{AB}), though some implementations might update their SPD in")
        #expect(lines[start + 6] == "    why: PF_KEY installed the SAs of an IKEv2 Child SA: it does not only apply to IKEv1.")
        #expect(lines[start + 7].hasPrefix("    ran: seed.ikev2-child-sa-via-pfkey: "))
        #expect(lines[start + 8].hasPrefix("    came back: ") && lines[start + 8].contains(" expectations held; ") && lines[start + 8].contains(" on a real Linux kernel's replies (captures acquire-pfkey-policy-flow, esp-hmac-sha256-aes-cbc-256)"))
        #expect(text.contains("\n  supported  paragraph 2, line 152: \"In others, it guides the dynamic update of the SPD.\" (seed.ts-carry-spd-selectors)\n"))
        #expect(text.contains("\nUnlinked\n  draft-ietf-ipsecme-ikev2bis/2.9/"))
        #expect(!text.contains("input "), "inputs only with --verbose")
        // The finding in at most 12 lines: from its status line to the next statement.
        let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("  supported") })
        #expect(end - start <= 12)
    }
}
