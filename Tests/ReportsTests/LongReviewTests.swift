import DraftDocument
import Foundation
import Normative
import Reports
import Testing

/// A long review written in pieces from its analysis (`ReviewReport.write(_:filter:as:color:emit:)`,
/// what `review` does) must be the text of the whole report, section headings and counts
/// included, whichever statement a piece starts at: the guard for any way of writing it in
/// parts (on several cores, README "Performance", was tried twice and dropped).
@Suite struct LongReviewTests {
    /// Sections of 4096, 5000 and 10 statements (powers of two and not, for the edges
    /// of any pieces the writing is cut into).
    static let sizes = [4096, 5000, 10]

    static func analysis() throws -> NormativeAnalysis {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc version="3" docName="draft-batches-00" ipr="trust200902"><front><title>Batches</title></front><middle>

        """
        for (k, n) in sizes.enumerated() {
            xml += "<section><name>Part \(k + 1)</name>\n"
            for i in 0..<n { xml += "<t>Node \(k + 1)-\(i) MUST forward request \(i) of part \(k + 1).</t>\n" }
            xml += "</section>\n"
        }
        xml += "</middle></rfc>\n"
        let document = try DocumentReader.read(data: Data(xml.utf8), path: "draft-batches-00.xml")
        return StatementExtractor().analyze(document)
    }

    @Test func aLongTextReviewHasEachSectionHeadingOnceAndEveryStatementInOrder() throws {
        let analysis = try Self.analysis()
        let total = Self.sizes.reduce(0, +)
        #expect(analysis.statements.count == total)
        var pieces: [String] = []
        try ReviewReport.write(analysis, as: .text) { pieces.append($0) }
        let lines = pieces.joined().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("Section ") } == ["Section 1  Part 1", "Section 2  Part 2", "Section 3  Part 3"])
        let ids = lines.filter { $0.hasPrefix("  paragraph ") }.map { $0.split(separator: " ")[6] }
        #expect(ids.map(String.init) == analysis.statements.map(\.id))
        // Section 2's heading is right above its first statement, the 4097th.
        let heading = try #require(lines.firstIndex(of: "Section 2  Part 2"))
        let first = analysis.statements[4096]
        let expected: String = "  paragraph 1, sentence 1, line \(first.position.line)  \(first.id)  MUST"
        #expect(String(lines[heading + 1]) == expected)
        #expect(lines[heading + 2] == "    Node 2-0 MUST forward request 0 of part 2.")
        #expect(lines.contains("Summary: \(total) statements: MUST \(total); findings: \(analysis.findings.count)"))
        // Held statements (a report made whole) write the same text.
        #expect(ReviewTextFormat.render(ReviewReport(analysis), color: false) == pieces.joined())
    }

    @Test func aLongJSONReviewIsTheWholeReportsEncoding() throws {
        let analysis = try Self.analysis()
        let report = ReviewReport(analysis)
        var pretty = ""
        try ReviewReport.write(analysis, as: .json) { pretty += $0 }
        #expect(pretty == (try StableJSON.encode(report)) + "\n")
        var line = ""
        try ReviewReport.write(analysis, as: .jsonl) { line += $0 }
        #expect(line == (try StableJSON.encodeLine(report)) + "\n")
    }

    @Test func aLongMarkdownReviewHasEachSectionHeadingOnce() throws {
        let analysis = try Self.analysis()
        var text = ""
        try ReviewReport.write(analysis, as: .markdown) { text += $0 }
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("## ") } == ["## 1 Part 1", "## 2 Part 2", "## 3 Part 3", "## Findings", "## Summary"])
        #expect(lines.filter { $0.hasPrefix("- Section ") }.count == Self.sizes.reduce(0, +))
        #expect(text == ReviewMarkdownFormat.render(ReviewReport(analysis)))
    }
}
