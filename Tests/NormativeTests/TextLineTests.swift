import DraftDocument
import Foundation
import Testing
@testable import Normative

/// In a plain-text document a statement's line is the line its sentence starts on, across
/// the page breaks the reader removes (not the first line of its paragraph).
@Suite struct TextLineTests {
    static let document = [
        "1.  Scope",                                                                   // 1
        "",                                                                            // 2
        "   The first sentence is here.  The second sentence starts on line 3 and",    // 3
        "   MUST go on.  A third sentence MAY start on line 4 and it runs over the",   // 4
        "",                                                                            // 5
        "",                                                                            // 6
        "Smith                        Standards Track                    [Page 1]",    // 7
        "\u{0C}RFC 9999                      Example                       July 2009", // 8
        "",                                                                            // 9
        "",                                                                            // 10
        "   page break.  The fourth SHOULD be found on line 11.",                      // 11
        "",
    ].joined(separator: "\n")

    @Test func sentencesKeepTheirOwnLines() throws {
        let doc = try DocumentReader.read(data: Data(Self.document.utf8), path: "lines.txt")
        let section = try #require(doc.section(numbered: "1"))
        #expect(section.paragraphs.count == 1, "the page break must not end the paragraph")
        let statements = StatementExtractor().analyze(doc).statements
        #expect(statements.map(\.levels.first?.rawValue) == ["MUST", "MAY", "SHOULD"])
        #expect(statements.map(\.position.line) == [3, 4, 11])
        #expect(statements.map(\.position.paragraph) == [1, 1, 1])
    }

    @Test func joinedTextRemembersWhereEachLineStarts() throws {
        let doc = try DocumentReader.read(data: Data(Self.document.utf8), path: "lines.txt")
        let section = try #require(doc.section(numbered: "1"))
        let paragraph = try #require(section.paragraphs.first)
        let text = paragraph.content
        #expect(text.lineStarts.map(\.line) == [3, 4, 11])
        let plain = Array(text.plainText.utf8)
        let starts = text.lineStarts.map { String(decoding: plain[$0.offset..<($0.offset + 8)], as: UTF8.self) }
        #expect(starts == ["The firs", "MUST go ", "page bre"])
        #expect(text.line(atOffset: 0) == 3)
        #expect(text.line(atOffset: text.lineStarts[2].offset) == 11)
        #expect(InlineText(plain: "no lines").line(atOffset: 0) == nil)
    }
}
