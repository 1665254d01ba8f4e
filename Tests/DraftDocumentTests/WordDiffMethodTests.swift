import DraftDocument
import Testing

/// The two word-diff methods keep what their callers have always shown: where several
/// alignments are equally good they keep different words, and split words differently.
@Suite struct WordDiffMethodTests {
    @Test(arguments: [
        ("wdiff: longest common subsequence, insertions first on ties", WordDiff.Method.wdiff,
         "[-d-] {+c c b b+} a [-a b d-] c [-c-] b [-d-]"),
        ("myers: Swift's CollectionDifference", WordDiff.Method.myers,
         "[-d a a b d-] {+c+} c {+b b a+} c b [-d-]"),
    ])
    func tiesResolveAsEachCallerShows(_ rule: String, _ method: WordDiff.Method, _ expected: String) {
        #expect(WordDiff(old: "d a a b d c c b d", new: "c c b b a c b", method: method).wdiff == expected, "\(rule)")
    }

    @Test func wdiffSplitsOnlyAtSpaceTabAndLineFeed() {
        #expect(WordDiff(old: "a\u{A0}b", new: "a\u{A0}c", method: .wdiff).wdiff == "[-a\u{A0}b-] {+a\u{A0}c+}")
        #expect(WordDiff(old: "a\u{A0}b", new: "a\u{A0}c", method: .myers).wdiff == "a [-b-] {+c+}")
    }
}
