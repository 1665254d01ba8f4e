@testable import Errata
import Testing

/// The per-line rules of errata parsing and patching, read as bytes (they were regexes,
/// built again for every line): page footers, sentence ends and block headings.
@Suite struct LineRulesTests {
    @Test func pageFootersEndInPageNumbers() {
        let text = """
        Kaufman, et al.   Expires January 9, 2010   [Page 38]\u{0C}
        Internet-Draft        IKEv2bis        July 2009

           Body text [Page 3] that is not at the end of its line.
        Doe   Standards Track   [Page 7]  \r
        RFC 9999   Title   May 2000
        Doe   Standards Track   [Page ]
        Doe   Standards Track   Page 9]
        [Page 12]
        """
        let source = SourceFile(path: "t.txt", bytes: Array(text.utf8))
        // Line 1 holds a form feed (and line 2 is the header after it); line 5 is a footer
        // with trailing white space, line 6 the header after it; "[Page ]" and "Page 9]"
        // are no footers, a line of "[Page 12]" alone is one.
        #expect(PageFurniture.lines(in: source) == [1, 2, 5, 6, 9])
    }

    @Test(arguments: [
        ("end.", true), ("end?", true), ("end!", true), ("end.\"", true), ("(end.)", true),
        ("end.']", true), ("e.g", false), ("end", false), ("\"", false), ("", false), ("end,)", false),
    ])
    func sentenceEnds(_ word: String, _ ends: Bool) {
        #expect(Filling.endsSentence(word) == ends)
    }

    @Test func blockHeadings() {
        #expect(BlockHeading("Section 2.9, paragraphs 1 - 2")?.section == "2.9")
        #expect(BlockHeading("Section 2.9, paragraphs 1 - 2")?.label == "paragraphs 1-2")
        #expect(BlockHeading("Section A.1:")?.section == "A.1")
        #expect(BlockHeading("  Section 2.9") == nil)
        #expect(BlockHeading("The Section 2.9 text") == nil)
    }
}
