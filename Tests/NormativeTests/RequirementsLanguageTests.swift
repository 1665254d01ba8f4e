import DraftDocument
import Foundation
import Testing
@testable import Normative

/// The requirements-language paragraph in every wording it has had, whole or cut in two:
/// its keywords are never counted as requirements (issue 17 section 1).
@Suite struct RequirementsLanguageTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var paragraphs: [String]
        var keywordCount: Int
        var testDescription: String { rule }
    }

    static let list = "\"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\""

    static let vectors: [Vector] = [
        Vector(rule: "RFC 2119 section 1's own sentence",
               paragraphs: ["The key words \(list) in this document are to be interpreted as described in RFC 2119.", "It MUST work."], keywordCount: 1),
        Vector(rule: "RFC 3947: \"This document shall use the keywords ... They are to be interpreted as described in [RFC2119]\"",
               paragraphs: ["This document shall use the keywords \(list) to describe requirements. They are to be interpreted as described in [RFC2119] document.", "It MUST work."], keywordCount: 1),
        Vector(rule: "cut mid-sentence by a page break: the list, then the interpretation in the next paragraph",
               paragraphs: ["The key words \(list) in this", "document are to be interpreted as described in [RFC2119].", "It MUST work."], keywordCount: 1),
        Vector(rule: "RFC 3947's form cut between its two sentences",
               paragraphs: ["This document shall use the keywords \(list) to describe requirements.", "They are to be interpreted as described in [RFC2119] document.", "It MUST work."], keywordCount: 1),
        Vector(rule: "draft-ietf-dnsext-tsig-sha-04: the keywords listed and cited, no \"key words\"",
               paragraphs: ["The use herein of MUST, SHOULD, MAY, MUST NOT, and SHOULD NOT is as defined in [RFC 2119].", "It MUST work."], keywordCount: 1),
        Vector(rule: "RFC 2243: \"the requirements terminology (specifically, the words MUST, SHOULD, and MAY) defined in RFC 2119\"",
               paragraphs: ["The software behaviors are described in words, and specific behavior compliance requirements are itemized using the requirements terminology (specifically, the words MUST, SHOULD, and MAY) defined in RFC 2119.", "It MUST work."], keywordCount: 1),
        Vector(rule: "RFC 2828: \"are intended to be interpreted the same way as in an Internet Standard [R2119]\"",
               paragraphs: ["The key words \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" are intended to be interpreted the same way as in an Internet Standard [R2119], but this guidance represents only the recommendations of this author.", "It MUST work."], keywordCount: 1),
        Vector(rule: "the boilerplate's paragraph defining a key word of its own by the others (RFC 2874 1: \"SUGGESTED\" between MAY and SHOULD) or saying how one is used (RFC 3687 2: \"OPTIONAL\" is ASN.1's)",
               paragraphs: ["The key words \(list) in this document are to be interpreted as described in [KWORD].  The key word \"SUGGESTED\" signifies a strength between MAY and SHOULD: it is believed that compliance with the suggestion has tangible benefits in most instances. The key word \"OPTIONAL\" is exclusively used with its ASN.1 meaning.", "It MUST work."], keywordCount: 1),
        Vector(rule: "the imperative's reading in the boilerplate's terms (draft-ietf-httpbis-rfc6265bis 2.1: \"interpreted with the meaning of the key word (\"MUST\", \"SHOULD\", \"MAY\", etc.)\")",
               paragraphs: ["The key words \(list) in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.", "Requirements phrased in the imperative as part of algorithms (such as \"strip any leading space characters\" or \"return false and abort this algorithm\") are to be interpreted with the meaning of the key word (\"MUST\", \"SHOULD\", \"MAY\", etc.) used in introducing the algorithm.", "It MUST work."], keywordCount: 1),
        Vector(rule: "after the boilerplate, a sentence of its paragraph that names no key word is a requirement",
               paragraphs: ["The key words \(list) in this document are to be interpreted as described in RFC 2119. Implementations MUST support both.", "It MUST work."], keywordCount: 2),
        Vector(rule: "a sentence naming key words in another paragraph than the boilerplate's is read as any other",
               paragraphs: ["The key words \(list) in this document are to be interpreted as described in RFC 2119.", "The key word handling MUST be strict.", "It MUST work."], keywordCount: 2),
        Vector(rule: "three keywords and RFC 2119 cited, but nothing defined or interpreted: requirements",
               paragraphs: ["Extensions MUST, SHOULD or MAY be truly optional [RFC2119].", "It MUST work."], keywordCount: 4),
        Vector(rule: "a real list of requirements that ends mid-sentence is still counted when no interpretation follows",
               paragraphs: ["Implementations MUST, SHOULD and MAY do things; the key words below", "are listed here.", "It MUST work."], keywordCount: 4),
    ]

    @Test(arguments: vectors)
    func boilerplateIsNotCounted(_ vector: Vector) {
        let blocks = vector.paragraphs.enumerated().map { Fixture.paragraph($0.element, line: 10 + 2 * $0.offset) }
        let doc = Fixture.document([Section(number: "1", title: "Conventions", depth: 1, blocks: blocks, location: Fixture.loc(9))], references: [Fixture.rfc2119])
        let analysis = StatementExtractor().analyze(doc)
        #expect(analysis.keywordCount == vector.keywordCount)
        if vector.keywordCount == 1 { #expect(analysis.requirementsLanguage?.location.line == 10) }
    }

    /// End to end through the text reader: the keyword list's last line is short enough
    /// that the next page's first word would have fitted on it, so the reader ends the
    /// paragraph at the page break (its fill rule), mid-sentence.
    @Test func aBoilerplateSplitByAPageBreakInAPlainTextDraft() throws {
        let filler = String(repeating: "   Filler text of a full page that runs to the bottom of the page here.\n", count: 3)
        let text = """
        1.  Introduction

        \(filler)
        Doe                      Expires May 2010                      [Page 1]
        \u{0C}
        Internet-Draft              Example                        November 2009


        \(filler)
        2.  Conventions

           The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",
           "SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in

        Doe                      Expires May 2010                      [Page 2]
        \u{0C}
        Internet-Draft              Example                        November 2009


           this document are to be interpreted as described in RFC 2119.

           The responder MUST reply.

        """
        let document = try DocumentReader.read(data: Data(text.utf8), path: "split.txt")
        let conventions = try #require(document.section(numbered: "2"))
        #expect(conventions.paragraphs.count == 3, "the page break ends the first part: \(conventions.paragraphs.map(\.content.normalizedText))")
        #expect(StatementExtractor().analyze(document).keywordCount == 1)
    }
}
