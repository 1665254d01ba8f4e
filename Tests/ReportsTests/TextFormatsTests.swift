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
        #expect(root["schemaVersion"] as? Int == 1)
        #expect((root["summary"] as? [String: Int])?["passed"] == ReportFixture.report.run.checks.count)
    }

    @Test func textListsEachLinkedStatementWithItsStatus() {
        let text = TextCheckReport.render(ReportFixture.report)
        #expect(text.contains("[contradicted] Section 2.9, paragraph 1 (drafts/draft-ietf-ipsecme-ikev2bis-08.xml:"))
        #expect(text.contains("statements: 6; supported 4, contradicted 1, failed 0, errored 0, stale 0, unlinked 1"))
    }
}
