import Foundation
import Testing
import TestSupport
@testable import DraftDocument

@Suite struct RenderingFillTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var input: String
        var indent: Int
        var expected: String
        var testDescription: String { rule }
    }

    static let vectors: [Vector] = [
        Vector(rule: "a sentence end gets two spaces", input: "One sentence. Another one.", indent: 3, expected: "   One sentence.  Another one."),
        Vector(rule: "no two spaces after an abbreviation like e.g.", input: "Use a key, e.g. This one.", indent: 0, expected: "Use a key, e.g. This one."),
        Vector(rule: "no two spaces when the next word is lower case", input: "See 1.5. then go on.", indent: 0, expected: "See 1.5. then go on."),
        Vector(rule: "source line breaks and runs of spaces fold to one space", input: "a\n   b    c", indent: 0, expected: "a b c"),
        Vector(rule: "three or more spaces after a period become two", input: "End.     Start", indent: 0, expected: "End.  Start"),
        Vector(rule: "wraps at 72 columns with the indent on every line", input: String(repeating: "word ", count: 30), indent: 3, expected: """
           word word word word word word word word word word word word word word
           word word word word word word word word word word word word word word
           word word
        """),
        Vector(rule: "a hyphenated word may break after its hyphen", input: String(repeating: "x", count: 59) + " Internet-Drafts are", indent: 3, expected: """
           \(String(repeating: "x", count: 59)) Internet-
           Drafts are
        """),
        Vector(rule: "Section N is never split across lines", input: String(repeating: "y", count: 62) + " see Section 1.1.3", indent: 3, expected: """
           \(String(repeating: "y", count: 62)) see
           Section 1.1.3
        """),
    ]

    @Test(arguments: vectors) func fill(_ v: Vector) {
        #expect(TextRenderer.fill(v.input, indent: v.indent) == v.expected)
    }

    @Test func everyFilledLineFitsTheWidth() {
        let text = (1...200).map { "w\($0)" }.joined(separator: " ")
        for width in [20, 40, 72] {
            let lines = TextRenderer.fill(text, indent: 3, width: width).split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= width && $0.hasPrefix("   ") })
            #expect(lines.joined(separator: " ").whitespaceNormalized == text)
        }
    }
}

@Suite struct RenderingBlockTests {
    static let location = SourceLocation(file: "f", line: 1)

    @Test func bundledSection29RendersAsXml2rfcDoes() throws {
        let doc = try DocumentReader.read(path: XMLBundledDraftTests.path)
        let section = try #require(doc.section(numbered: "2.9"))
        #expect(TextRenderer.render(section) == """
        2.9.  Traffic Selector Negotiation

           When an RFC4301-compliant IPsec subsystem receives an IP packet that
           matches a "protect" selector in its Security Policy Database (SPD),
           the subsystem protects that packet with IPsec.  When no SA exists
           yet, it is the task of IKE to create it.  Maintenance of a system's
           SPD is outside the scope of IKE (see [PFKEY] for an example
           programming interface, although it only applies to IKEv1), though
           some implementations might update their SPD in connection with the
           running of IKE (for an example scenario, see Section 1.1.3).

           Traffic Selector (TS) payloads allow endpoints to communicate some of
           the information from their SPD to their peers.  TS payloads specify
           the selection criteria for packets that will be forwarded over the
           newly set up SA.  This can serve as a consistency check in some
           scenarios to assure that the SPDs are consistent.  In others, it
           guides the dynamic update of the SPD.

           [The rest of this section is omitted from this excerpt.]
        """)
    }

    @Test func listsHangAfterTheirMarkers() {
        let item = { (m: String?, t: String) in ListItem(marker: m, blocks: [.paragraph(Paragraph(content: InlineText(plain: t), location: Self.location))], location: Self.location) }
        let bullets = Block.list(ListBlock(style: .bullet, items: [item("*", "first item " + String(repeating: "long ", count: 14)), item("*", "second")], location: Self.location))
        #expect(TextRenderer.render(bullets) == """
           *  first item long long long long long long long long long long long
              long long long

           *  second
        """)
        let numbered = Block.list(ListBlock(style: .ordered, items: [item("1.", "one"), item("2.", "two")], location: Self.location))
        #expect(TextRenderer.render(numbered) == "   1.  one\n\n   2.  two")
        let definition = Block.list(ListBlock(style: .definition, items: [ListItem(term: InlineText(plain: "Name:"), blocks: [.paragraph(Paragraph(content: InlineText(plain: "value"), location: Self.location))], location: Self.location)], location: Self.location))
        #expect(TextRenderer.render(definition) == "   Name:  value")
    }

    @Test func artworkIsVerbatimAtTheIndent() {
        let figure = Block.figure(Figure(kind: .artwork, verbatim: "\n+--+\n|  |\n\n+--+\n", location: Self.location))
        #expect(TextRenderer.render(figure) == "   +--+\n   |  |\n\n   +--+")
    }

    @Test func appendixHeadings() {
        let top = Section(number: "A", title: "Extra", depth: 1, location: Self.location)
        let sub = Section(number: "A.1", title: "More", depth: 2, location: Self.location)
        let unnumbered = Section(number: nil, title: "Acknowledgements", depth: 1, location: Self.location)
        #expect(TextRenderer.heading(top) == "Appendix A.  Extra")
        #expect(TextRenderer.heading(sub) == "A.1.  More")
        #expect(TextRenderer.heading(unnumbered) == "Acknowledgements")
    }

    @Test func subsectionsFollowTheirSectionInOrder() {
        let para = { (t: String) in Block.paragraph(Paragraph(content: InlineText(plain: t), location: Self.location)) }
        let deepest = Section(number: "1.1.1", title: "C", depth: 3, blocks: [para("Three.")], location: Self.location)
        let middle = Section(number: "1.1", title: "B", depth: 2, blocks: [para("Two.")], subsections: [deepest], location: Self.location)
        let second = Section(number: "1.2", title: "D", depth: 2, location: Self.location)
        let top = Section(number: "1", title: "A", depth: 1, blocks: [para("One.")], subsections: [middle, second], location: Self.location)
        #expect(TextRenderer.render(top) == "1.  A\n\n   One.\n\n1.1.  B\n\n   Two.\n\n1.1.1.  C\n\n   Three.\n\n1.2.  D")
        #expect(TextRenderer.render(top, includeSubsections: false) == "1.  A\n\n   One.")
    }

    /// A section number wider than the page: continuation lines hang at half the width
    /// (xml2rfc stops on it; hanging at the label's width put one character on each line).
    @Test func aHeadingWiderThanThePageHangsAtHalfTheWidth() {
        let number = Array(repeating: "1", count: 40).joined(separator: ".")
        let heading = TextRenderer.heading(Section(number: number, title: "Title", depth: 40, location: Self.location))
        let lines = heading.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 36)) && !$0.hasPrefix(String(repeating: " ", count: 37)) })
        #expect(heading == String(repeating: "1.", count: 36) + "\n" + String(repeating: " ", count: 36) + "1.1.1.1.  Title")
    }

    @Test func tablesHaveRules() {
        let cell = { InlineText(plain: $0) }
        let table = Block.table(Table(header: [[cell("A"), cell("Bee")]], rows: [[cell("1"), cell("2")]], location: Self.location))
        #expect(TextRenderer.render(table) == """
           +===+=====+
           | A | Bee |
           +===+=====+
           | 1 | 2   |
           +---+-----+
        """)
    }
}
