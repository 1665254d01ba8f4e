import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// Hostile text: random documents made of the pieces the layout rules look at (headings,
/// page footers and headers, form feeds, list markers, arrows, references, line ends, tabs,
/// non-ASCII). Reading each must return a document or throw a DocumentError: never trap,
/// never loop (two such bugs were found this way; see TextReaderTests).
@Suite struct TextReaderRobustnessTests {
    static let pieces = [
        "-->", "<--", " ", "   ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{0C}", "\u{0C}RFC 1  X  2000\n", "MUST", "MUST NOT",
        "SHOULD", "PF_KEY", "SADB_ACQUIRE", "TSi", "Traffic Selector", "é", "😀", "|", "+--+", "1.  Intro\n", "2.9.  Traffic\n",
        "Appendix A.  X\n", "A.1.  Y\n", "[Page 3]\n", "Kaufman  Std  [Page 9]\n", "RFC 9999  X  2009\n", "   o  item\n",
        "   1.  item\n", "   (a)  x\n", "Figure 1: x\n", "-", "/", ".", "[PFKEY]", "[RFC2119] \"Key words\", BCP 14, RFC 2119.\n",
        "\u{A0}", "\"", "a", "word", "Abstract\n", "Table of Contents\n", "References\n", "e.g.", "Sec. 3.", "   Term:  def\n",
        "\u{08}", "Internet-Draft  X  July 2009\n",
    ]

    @Test func randomDocumentsAreReadOrRefused() {
        var rng = SplitMix(state: 2026_11_29) // the same documents on every run
        var read = 0, refused = 0
        for n in 0..<300 {
            let count = Int.random(in: 1...600, using: &rng)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            do {
                let doc = try DocumentReader.read(data: Data(text.utf8), path: "random-\(n).txt")
                #expect(doc.metadata.format == .text)
                read += 1
            } catch is DocumentError {
                refused += 1
            } catch {
                Issue.record("random-\(n).txt: \(error)")
            }
        }
        #expect(read + refused == 300)
        #expect(read > 250, "most random documents are text the reader reads")
    }

    /// A staircase of 4,000 list items, each one column further in under a line ending in
    /// a colon: every step reads as a list nested in the item above. Nesting stops at
    /// `deepestNestedList` levels (the rest stays the innermost item's text): the reader
    /// recursed once per step and a longer staircase would exhaust the stack.
    @Test func aStaircaseOfNestedListsIsReadToABoundedDepth() throws {
        let steps = 4_000
        let text = "1.  Steps\n\n" + (0..<steps).map { String(repeating: " ", count: 3 + $0) + "o  step \($0):\n" }.joined()
        let section = try #require(try DocumentReader.read(data: Data(text.utf8), path: "stairs.txt").section(numbered: "1"))
        func depth(_ blocks: [Block]) -> Int {
            blocks.map { block in
                if case .list(let list) = block { 1 + (list.items.map { depth($0.blocks) }.max() ?? 0) } else { 0 }
            }.max() ?? 0
        }
        #expect(depth(section.blocks) == TextBlockBuilder.deepestNestedList + 1)
        #expect(section.paragraphs.last?.content.plainText.hasSuffix("step \(steps - 1):") == true)
    }
}
