import Foundation
import Testing
@testable import DraftDocument

/// Running headers of the 1980s (issue 17 section 1): two to four lines, the title flush
/// left or flush right, alternating by page. They are page furniture: neither sections nor
/// paragraph text.
@Suite struct TextPageHeaderTests {
    static func page(_ n: Int, header: [String], body: String) -> String {
        header.joined(separator: "\n") + "\n\n\n" + body + "\n\n\n\nPostel                                                          [Page \(n)]\n\u{0C}\n"
    }

    static let body = "   Running text of a page, indented three columns as the\n   body of an RFC is, that goes on over several lines.\n"

    @Test func twoLineHeadersWithTheTitleFlushLeft() throws {
        let header = ["RFC 959                                                     October 1985", "File Transfer Protocol"]
        var text = "1.  INTRODUCTION\n\n" + Self.body + "\n\n\nPostel                                                          [Page 1]\n\u{0C}\n"
        for n in 2...5 { text += Self.page(n, header: header, body: n == 3 ? "2.  OVERVIEW\n\n" + Self.body : Self.body) }
        let document = try DocumentReader.read(data: Data(text.utf8), path: "rfc959-like.txt")
        #expect(document.allSections.map { "\($0.number ?? "-") \($0.title)" } == ["1 INTRODUCTION", "2 OVERVIEW"])
        let words = document.allSections.flatMap(\.paragraphs).map(\.content.normalizedText).joined(separator: " ")
        #expect(!words.contains("File Transfer Protocol"))
        #expect(!words.contains("October 1985"))
    }

    @Test func headersOfThreeLinesAlternatingLeftAndRight() throws {
        let odd = ["                                                          September 1981", "Transmission Control Protocol", "Functional Specification"]
        let even = ["September 1981", "                                           Transmission Control Protocol", "                                                Functional Specification"]
        var text = "1.  INTRODUCTION\n\n" + Self.body + "\n\n\nPostel                                                          [Page 1]\n\u{0C}\n"
        for n in 2...7 { text += Self.page(n, header: n % 2 == 0 ? even : odd, body: Self.body) }
        let document = try DocumentReader.read(data: Data(text.utf8), path: "rfc793-like.txt")
        #expect(document.allSections.map { "\($0.number ?? "-") \($0.title)" } == ["1 INTRODUCTION"])
        let words = document.allSections.flatMap(\.paragraphs).map(\.content.normalizedText).joined(separator: " ")
        #expect(!words.contains("September 1981"))
        #expect(!words.contains("Functional Specification"))
        #expect(words.contains("Running text of a page"))
    }
}
