import Checks
import DraftDocument
import Foundation
import Linking
import Reports
import Testing
import TestSupport

/// Where the statuses are listed, an exempt statement is shown with its reason and note;
/// where only findings are (GitHub annotations, SARIF results), it is left out.
@Suite struct ExemptReportTests {
    /// The bundled draft's report with its unlinked statement exempted by an exemption of
    /// the draft's own series (found like a claim, by the Linker).
    static func report() throws -> (CheckReport, LinkedStatement) {
        let base = ReportFixture.report
        let draft = try #require(base.documents.first)
        let unlinked = try #require(draft.statements(.unlinked).first)
        let words = unlinked.statement.text.split(separator: " ").prefix(6).joined(separator: " ")
        let exemption = Exemption(document: draft.identity.series, section: unlinked.statement.section, quote: words,
                                  reason: .editorial, note: "Test note: why no check judges it.")
        let data = try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(ReportFixture.draftPath))
        let source = try DocumentReader.read(data: data, path: ReportFixture.draftPath,
                                             includeDirectories: [TestEnvironment.packageRoot.appendingPathComponent("drafts").path])
        let linked = Linker(run: base.run, exemptions: [exemption]).link(source)
        let exempt = try #require(linked.statements(.exempt).first)
        #expect(exempt.statement.id == unlinked.statement.id)
        #expect(linked.statements(.exempt).count == 1)
        return (CheckReport(run: base.run, documents: [linked], toolVersion: "test"), exempt)
    }

    @Test func everyFormatThatListsStatusesShowsIt() throws {
        let (report, exempt) = try Self.report()
        let id = exempt.statement.id

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONCheckReport.render(report).utf8)) as? [String: Any])
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        #expect((document["summary"] as? [String: Int])?["exempt"] == 1)
        let statement = try #require((document["statements"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        #expect(statement["status"] as? String == "exempt")
        #expect(statement["exemption"] as? [String: String] == ["reason": "editorial", "note": "Test note: why no check judges it."])

        let text = TextCheckReport.render(report)
        #expect(text.hasPrefix("draft-ietf-ipsecme-ikev2bis-08: 1 contradicted, 4 supported, 1 exempt of 6 statements; "))
        #expect(!text.contains("Exempt (not checked"))
        let listed = TextCheckReport.render(report, options: .init(allUnlinked: true))
        #expect(listed.contains("\nExempt (not checked on purpose: reason, then why)\n  \(id)  line \(exempt.statement.location.line): "))
        #expect(listed.contains("    editorial: Test note: why no check judges it.\n"))
        let verbose = TextCheckReport.render(report, options: .init(verbose: true))
        #expect(verbose.contains("[exempt] Section \(exempt.statement.section), paragraph \(exempt.statement.paragraph)"))
        #expect(verbose.contains("  exempt (editorial): Test note: why no check judges it.\n"))

        let markdown = MarkdownCheckReport.render(report)
        #expect(markdown.contains("## Not checked on purpose (exempt)\n\n* Section \(exempt.statement.section), paragraph \(exempt.statement.paragraph) (editorial): Test note: why no check judges it.\n"))

        let html = HTMLCheckReport.render(report)
        #expect(html.contains("status-exempt"))
        #expect(html.contains("Not checked (editorial): </strong>Test note: why no check judges it."))

        let junit = JUnitReport.render(report)
        #expect(junit.contains("<property name=\"statements.exempt\" value=\"1\"/>"))

        #expect(!GitHubReport.render(report).contains(exempt.statement.text))

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(try SARIFReport.render(report).utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(!results.contains { ($0["partialFingerprints"] as? [String: String])?["statementId/v1"] == id })
        let properties = try #require((run["properties"] as? [String: Any])?["exempt"] as? [[String: Any]])
        #expect(properties.count == 1)
        #expect(properties.first?["statementId"] as? String == id)
        #expect(properties.first?["reason"] as? String == "editorial")
    }
}
