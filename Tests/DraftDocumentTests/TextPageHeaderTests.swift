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

    /// "[Page N]" at the end of a line, "page" in any case, the number in ASCII digits or
    /// lower-case roman numerals.
    @Test(arguments: [
        ("Kaufman, et al.              Standards Track                   [Page 12]", true),
        ("A. Melnikov                                                     [Page i]", true), ("[Page xiv]", true),
        ("[Page I]", false), ("[Page iiiiiiiii]", false), ("[Page ix2]", false),
        ("Postel                                                          [Page 1]", true),
        ("[page 3]", true), ("[PAGE 3]", true), ("x [Page  12]", true),
        ("[Page]", false), ("[Page 1a]", false), ("[Pages 12]", false), ("[Pag 12]", false),
        ("[Page 1 2]", false), ("[Page 12] x", false), ("see [RFC4301]", false),
        ("[P\u{E1}ge 1]", false), ("[Page \u{0661}\u{0662}]", false), ("[Page 12", false), ("", false),
    ])
    func pageFooters(line: String, isFooter: Bool) {
        #expect(TextLines.isPageFooter(Substring(line)) == isFooter, "\(line)")
    }

    /// A front page numbered in roman numerals whose footer opens with an author's initial
    /// ("A. Melnikov ... [Page i]", draft-ietf-sasl-rfc2222bis-02) is page furniture, not
    /// appendix A, after which no numbered heading was read.
    @Test func aRomanPageNumberEndsAFooter() throws {
        let footer = { (page: String) in "A. Melnikov                                                     [Page \(page)]\n\u{0C}\n" }
        let text = "Network Working Group                                        A. Melnikov\n\n"
            + "Status of this Memo\n\n\(Self.body)\n\n" + footer("i")
            + "1.    Abstract\n\n\(Self.body)\n2.    Overview\n\n\(Self.body)\n2.1.  Layers\n\n\(Self.body)\n\n" + footer("1")
            + "3.    Mechanisms\n\n\(Self.body)"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "roman.txt")
        #expect(document.allSections.map { "\($0.number ?? "-") \($0.title)" } == ["1 Abstract", "2 Overview", "2.1 Layers", "3 Mechanisms"])
    }

    /// A footer that prints a bare page number, no brackets, above each form feed ("Zhu
    /// ... 8", draft-ietf-krb-wg-gssapi-cfx-06): page furniture, though its number changes;
    /// the sentence it cut is whole again.
    @Test func footersWithABarePageNumberAreFurniture() throws {
        let document = try Self.pages(1...4, path: "cfx-like.txt") { n in
            "   A sentence of page \(n) that the footer cuts in the MUST\n"
                + "Zhu                                                                  \(n) \u{0C}\n"
                + "DRAFT               Kerberos Version 5 GSS-API     Expires August 2004\n\n"
                + "   middle, going on over the page.\n\n"
        }
        let paragraphs = document.allSections.flatMap(\.paragraphs).map(\.content.plainText)
        #expect(paragraphs == (1...4).map { "A sentence of page \($0) that the footer cuts in the MUST middle, going on over the page." })
    }

    /// A section "1.  Introduction" over the pages `page` makes, read.
    static func pages(_ numbers: ClosedRange<Int>, path: String, _ page: (Int) -> String) throws -> Document {
        let text = numbers.reduce("1.  Introduction\n\n") { $0 + page($1) }
        return try DocumentReader.read(data: Data(text.utf8), path: path)
    }

    /// A form feed inside a line, between the footer and the next page's header on one
    /// source line ("... [Page 65]^Ldraft-ietf-tls-rfc4346-bis-03.txt  TLS  March 2007"):
    /// both are furniture, the sentence the page cut is whole again, and the page opens with
    /// its header as it does after a form feed of its own. A form feed with no text on one
    /// side is as before (a footer's trailing one ends its page).
    @Test func aFormFeedInsideALineEndsThePageThere() throws {
        let document = try Self.pages(1...3, path: "ff-inside.txt") { n in
            "   A sentence of page \(n) that the page break cuts. Using\n\n\n"
                + "Dierks & Rescorla            Standards Track                    [Page \(n)]\u{0C}"
                + "draft-ietf-tls-rfc4346-bis-03.txt  TLS                        March 2007\n\n\n"
                + "   this mode MUST NOT go on over the page.\n\n"
        }
        let paragraphs = document.allSections.flatMap(\.paragraphs).map(\.content.plainText)
        #expect(paragraphs == (1...3).map { "A sentence of page \($0) that the page break cuts. Using this mode MUST NOT go on over the page." })
        #expect(document.warnings.isEmpty)
        // The line split in two keeps its number: a statement after it is placed on its line.
        let lines = TextLines.split("a\nfooter   [Page 1]\u{0C}header   March 2007\n\u{0C}b\u{0C}\n")
        #expect(lines.lines.map { "\($0.number) \($0.content)" } == ["1 a", "2 footer   [Page 1]", "2 header   March 2007", "3 b"])
        #expect(lines.formFeeds == [2, 3, 4])
    }

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

    /// A draft shifted three columns as a whole sets its running header in too ("   INTERNET-
    /// DRAFT   draft-ietf-dnsind-verify-00.txt   February 1998", on two pages only): page
    /// furniture, known by its columns and its date, so the boilerplate paragraph above it
    /// stays the boilerplate. A page that opens with the text going on ("RFC 2119 defines")
    /// or with a figure's "NAME   0x00000002" keeps that line.
    @Test func aHeaderSetInWithTheDocumentIsFurniture() throws {
        let footer = { (n: Int) in "\n\n\n   Expires August 1999                                             [Page \(n)]\n\u{0C}\n" }
        let header = "   INTERNET-DRAFT       draft-ietf-dnsind-verify-00.txt       February 1998\n\n\n"
        let text = "   INTERNET-DRAFT                                        Mark Andrews (ISC)\n"
            + "   <draft-ietf-dnsind-verify-00.txt>                          February 1999\n\n\n"
            + "          Verifying Resource Records Without Knowing Their Contents\n\n\n"
            + "   Abstract\n\n      This document provides one possible solution to this problem.\n\n"
            + "   1 - Terminology\n\n"
            + "   The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\",\n"
            + "   \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\",  \"MAY\", and \"OPTIONAL\" in this\n"
            + "   document are to be interpreted as described in [RFC2119].\n" + footer(1) + header
            + "   2 - Method\n\n   A resolver MUST canonicalise the record as\n" + footer(2)
            + "   RFC 2119 defines          for its year 2004\n\n   Values:\n\n      RETURN_METHOD_GRE   0x00000001\n" + footer(3)
            + "      RETURN_METHOD_L2    0x00000002\n"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "shifted.txt")
        let paragraphs = document.allSections.flatMap(\.paragraphs).map(\.content.plainText)
        #expect(paragraphs.first == "The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\",  \"MAY\", and \"OPTIONAL\" in this document are to be interpreted as described in [RFC2119].")
        let rendered = document.sections.map { TextRenderer.render($0) }.joined(separator: "\n")
        #expect(!rendered.contains("INTERNET-DRAFT"))
        #expect(rendered.contains("\n   RFC 2119 defines  for its year 2004\n"))
        #expect(rendered.hasSuffix("\n   RETURN_METHOD_L2  0x00000002"))
    }
}
