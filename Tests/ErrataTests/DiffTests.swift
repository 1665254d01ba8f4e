import DraftDocument
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Errata

@Suite struct UnifiedDiffTests {
    @Test func identicalInputsGiveNoDiff() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldLabel: "a/x", newLabel: "b/x").isEmpty)
    }

    @Test func hunkHeadersCountLinesAndContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\nline 5b\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldLabel: "a/f", newLabel: "b/f")
        #expect(diff == """
        --- a/f
        +++ b/f
        @@ -2,7 +2,8 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
        +line 5b
         line 6
         line 7
         line 8

        """)
    }

    @Test func distantChangesMakeTwoHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\n2\n", with: "\nTWO\n").replacingOccurrences(of: "\n19\n", with: "\nNINETEEN\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldLabel: "a/f", newLabel: "b/f")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
        #expect(diff.contains("@@ -1,5 +1,5 @@"))
        #expect(diff.contains("@@ -16,5 +16,5 @@"))
    }

    @Test func missingFinalNewlineIsMarked() {
        let diff = UnifiedDiff.make(old: "a\nb", new: "a\nc", oldLabel: "a/f", newLabel: "b/f")
        #expect(diff == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
    }

    /// Law: the diff, applied hunk by hunk, turns the old lines into the new ones.
    @Test func diffAppliedGivesTheNewText() async {
        let lines = Gen.int(in: 0...4).map { "l\($0)\n" }.array(of: 0...25)
        await propertyCheck(count: 300, input: lines, lines) { a, b in
            let diff = UnifiedDiff.make(old: a.joined(), new: b.joined(), oldLabel: "a/f", newLabel: "b/f")
            #expect(Self.applyDiff(diff, to: a) == b)
        }
    }

    /// A minimal hunk applier for the law above (context checked, offsets exact).
    static func applyDiff(_ diff: String, to lines: [String]) -> [String]? {
        if diff.isEmpty { return lines }
        var out: [String] = []
        var cursor = 0
        var diffLines = diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        diffLines.removeFirst(2)
        var i = 0
        while i < diffLines.count, !diffLines[i].isEmpty {
            let header = diffLines[i]
            guard let m = header.wholeMatch(of: /@@ -([0-9]+)(?:,([0-9]+))? \+[0-9]+(?:,[0-9]+)? @@/) else { return nil }
            let start = Int(m.1)!, count = m.2.map { Int($0)! } ?? 1
            let from = count == 0 ? start : start - 1
            guard from >= cursor else { return nil }
            out += lines[cursor..<from]
            cursor = from
            i += 1
            while i < diffLines.count, let mark = diffLines[i].first, mark != "@" {
                let text = String(diffLines[i].dropFirst()) + "\n"
                switch mark {
                case " ":
                    guard cursor < lines.count, lines[cursor] == text else { return nil }
                    out.append(text); cursor += 1
                case "-":
                    guard cursor < lines.count, lines[cursor] == text else { return nil }
                    cursor += 1
                case "+": out.append(text)
                default: return nil
                }
                i += 1
            }
        }
        return out + lines[cursor...]
    }
}

@Suite struct WordDiffTests {
    @Test func groupsChangedRuns() {
        let diff = WordDiff(old: "SPD is outside the scope of IKE, though some", new: "SPD is outside the scope of IKE, although some", method: .myers)
        #expect(diff.differences == [WordDifference(removed: ["though"], inserted: ["although"])])
        #expect(diff.rendered(color: false) == "SPD is outside the scope of IKE, [-though-] {+although+} some")
    }

    @Test func wrapsAtTheVisibleWidth() {
        let text = WordDiff(old: "aaaa bbbb cccc dddd", new: "aaaa xxxx cccc dddd", method: .myers).rendered(color: true, width: 12)
        #expect(text == "aaaa \u{1B}[31;9mbbbb\u{1B}[0m\n\u{1B}[32mxxxx\u{1B}[0m cccc\ndddd")
    }

    @Test func colourMarksRemovedRedAndInsertedGreen() {
        let text = WordDiff(old: "a b", new: "a c", method: .myers).rendered(color: true)
        #expect(text == "a \u{1B}[31;9mb\u{1B}[0m \u{1B}[32mc\u{1B}[0m")
    }

    @Test(arguments: [
        ("pure insertion", "a c", "a b c", "+ \"b\""),
        ("pure deletion", "a b c", "a c", "- \"b\""),
        ("replacement of a run", "a b c d", "a x y d", "\"b c\" -> \"x y\""),
    ])
    func differenceDescriptions(_ rule: String, _ old: String, _ new: String, _ expected: String) {
        #expect(WordDiff(old: old, new: new, method: .myers).differences.map(\.description) == [expected], "\(rule)")
    }

    /// Law: the OLD side of the script is the old words, the NEW side the new words.
    @Test func scriptSidesReconstructBothTexts() async {
        let words = Gen.int(in: 0...5).map { "w\($0)" }.array(of: 0...30)
        await propertyCheck(count: 300, input: words, words) { a, b in
            let ops = EditScript.myers(a, b)
            let left = ops.compactMap { op -> String? in if case .equal(let w) = op { return w }; if case .delete(let w) = op { return w }; return nil }
            let right = ops.compactMap { op -> String? in if case .equal(let w) = op { return w }; if case .insert(let w) = op { return w }; return nil }
            #expect(left == a)
            #expect(right == b)
        }
    }
}

@Suite struct FillingTests {
    /// Law: filling keeps the words in order and no line passes the width unless it holds a
    /// single word too long for any line.
    @Test func fillKeepsWordsAndWidth() async {
        let word = Gen.letterOrNumber.string(of: 1...12)
        await propertyCheck(count: 300, input: word.array(of: 1...60), Gen.int(in: 20...80)) { words, width in
            let lines = Filling.fill(words.map { FillWord(text: $0, gap: 1) }, firstLine: "   ", indent: "   ", width: width)
            #expect(lines.flatMap { $0.split(separator: " ").map(String.init) } == words)
            for line in lines where line.count > width {
                #expect(line.split(separator: " ").count == 1)
            }
        }
    }

    @Test func lineEndAfterASentenceReadsAsTwoSpaces() {
        let words = Filling.words(["it is done.", "Then more", "1.1.3). and e.g.", "lower"])
        #expect(words.map(\.gap) == [1, 1, 2, 1, 1, 1, 1, 1, 1])
    }
}
