import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing

/// The JUnit XML parsed back with Foundation's XMLParser: one test case per check.
@Suite struct JUnitReportTests {
    final class Collector: NSObject, XMLParserDelegate {
        var suites: [[String: String]] = []
        var cases: [(suite: String, attributes: [String: String])] = []
        var failures = 0
        var currentSuite = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "testsuite": suites.append(attributes); currentSuite = attributes["name"] ?? ""
            case "testcase": cases.append((currentSuite, attributes))
            case "failure", "error": failures += 1
            default: break
            }
        }
    }

    @Test func parsesBackWithEachCheckATestCase() throws {
        let xml = JUnitReport.render(ReportFixture.report)
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        let catalog = collector.cases.filter { $0.suite == "catalog" }
        #expect(catalog.map { $0.attributes["name"] ?? "" } == ReportFixture.report.run.checks.map(\.id))
        #expect(collector.suites.first?["tests"] == "\(ReportFixture.report.run.checks.count)")
        #expect(collector.suites.first?["failures"] == "0")
        #expect(collector.failures == 0)
        let draftSuite = try #require(collector.suites.first { $0["name"] == "draft-ietf-ipsecme-ikev2bis-08" })
        #expect(draftSuite["tests"] == "\(ReportFixture.report.documents[0].claims.count)")
    }

    @Test(arguments: [("a<b & \"c\"", "a&lt;b &amp; &quot;c&quot;"), ("bell\u{07}", "bell"), ("tab\tok", "tab\tok")])
    func escapesXMLSpecialCharacters(raw: String, escaped: String) {
        #expect(JUnitReport.escape(raw) == escaped)
    }
}
