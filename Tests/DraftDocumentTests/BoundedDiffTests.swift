@testable import DraftDocument
import Testing
import TestSupport

/// The bounded diff (Myers' linear-space search, with GNU diff's kind of bound): within its
/// bounds it finds a shortest edit script, past them a longer one, and always one that
/// turns the first sequence into the second. The distance check that decides between it
/// and `CollectionDifference` gives the exact length or nil.
@Suite struct BoundedDiffTests {
    /// The length of the shortest edit script, by the textbook table: n + m - 2 x LCS.
    static func shortest(_ a: [Int32], _ b: [Int32]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return a.count + b.count - 2 * table[0][0]
    }

    /// The common elements the marks leave: the same on both sides, and in order.
    static func kept(_ s: [Int32], _ marks: [Bool]) -> [Int32] {
        zip(s, marks).filter { !$0.1 }.map(\.0)
    }

    /// What an edit script reads (equal and deleted) and writes (equal and inserted).
    static func sides<E>(_ ops: [EditOp<E>]) -> (old: [E], new: [E]) {
        var old: [E] = [], new: [E] = []
        for op in ops {
            switch op {
            case .equal(let e): old.append(e); new.append(e)
            case .delete(let e): old.append(e)
            case .insert(let e): new.append(e)
            }
        }
        return (old, new)
    }

    static func randomPairs(count: Int, seed: UInt64, alphabet: Int32, length: ClosedRange<Int>) -> [([Int32], [Int32])] {
        var rng = SplitMix(state: seed)
        return (0..<count).map { _ in
            let a = (0..<Int.random(in: length, using: &rng)).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
            let b = (0..<Int.random(in: length, using: &rng)).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
            return (a, b)
        }
    }

    @Test func withinItsBoundsTheScriptIsAShortestOne() {
        for (a, b) in Self.randomPairs(count: 400, seed: 17, alphabet: 4, length: 0...40) {
            let diff = BoundedDiff(a, b, budget: 1_000_000)
            #expect(diff.isMinimal)
            #expect(Self.kept(a, diff.removed) == Self.kept(b, diff.inserted), "a \(a) b \(b)")
            let length = diff.removed.filter { $0 }.count + diff.inserted.filter { $0 }.count
            #expect(length == Self.shortest(a, b), "a \(a) b \(b)")
        }
    }

    @Test(arguments: [(1, 1_000_000), (3, 1_000_000), (1_000_000, 20), (2, 5)])
    func pastItsBoundsTheScriptStillTurnsOneIntoTheOther(_ tooExpensive: Int, _ budget: Int) {
        var longer = 0
        for (a, b) in Self.randomPairs(count: 300, seed: 29, alphabet: 3, length: 0...60) {
            let diff = BoundedDiff(a, b, budget: budget, tooExpensive: tooExpensive)
            #expect(Self.kept(a, diff.removed) == Self.kept(b, diff.inserted), "a \(a) b \(b)")
            let length = diff.removed.filter { $0 }.count + diff.inserted.filter { $0 }.count
            #expect(length >= Self.shortest(a, b))
            if length > Self.shortest(a, b) {
                longer += 1
                #expect(!diff.isMinimal)
            }
        }
        // The bounds were reached (else this case tests nothing the first one does not).
        #expect(longer > 0)
    }

    @Test func anExhaustedBudgetGivesTheRestUpWhole() {
        let a: [Int32] = [1, 2, 3, 4, 5, 6], b: [Int32] = [1, 9, 3, 9, 5, 6]
        let diff = BoundedDiff(a, b, budget: 0)
        // The common ends are still taken; the middle is removed and inserted whole.
        #expect(diff.removed == [false, true, true, true, false, false])
        #expect(diff.inserted == [false, true, true, true, false, false])
        #expect(!diff.isMinimal)
    }

    @Test func theDistanceIsExactOrNil() {
        for (a, b) in Self.randomPairs(count: 400, seed: 41, alphabet: 5, length: 0...30) {
            let d = Self.shortest(a, b)
            #expect(BoundedDiff.distance(a, b, atMost: d) == d, "a \(a) b \(b)")
            #expect(BoundedDiff.distance(a, b, atMost: d + 3) == d)
            if d > 0 { #expect(BoundedDiff.distance(a, b, atMost: d - 1) == nil) }
        }
        #expect(BoundedDiff.distance([], [], atMost: 0) == 0)
        #expect(BoundedDiff.distance([1, 2], [], atMost: 2) == 2)
        #expect(BoundedDiff.distance([], [7, 7, 7], atMost: 2) == nil)
    }

    /// Within `quadraticSteps`, the script is `CollectionDifference`'s, as every output has
    /// always shown it.
    @Test func shortScriptsAreCollectionDifferences() {
        for (a, b) in Self.randomPairs(count: 200, seed: 53, alphabet: 4, length: 0...50) {
            let difference = b.difference(from: a)
            var removed = Set<Int>(), inserted = Set<Int>()
            for change in difference {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            let ops = EditScript.myers(a, b)
            var i = 0, j = 0
            var expectedOps: [EditOp<Int32>] = []
            while i < a.count || j < b.count {
                if i < a.count, removed.contains(i) { expectedOps.append(.delete(a[i])); i += 1 }
                else if j < b.count, inserted.contains(j) { expectedOps.append(.insert(b[j])); j += 1 }
                else { expectedOps.append(.equal(a[i])); i += 1; j += 1 }
            }
            #expect(ops == expectedOps)
        }
    }

    /// Two long texts with nothing in common and two that share every other word: past the
    /// quadratic bound, a valid script, not always a shortest one (the time is asserted by
    /// scripts/hostile, not here).
    @Test func longSequencesThatDifferALotGetABoundedScript() {
        let n = 60_000
        let a = (0..<n).map { "a\($0 % 97)" }, b = (0..<n).map { "b\($0 % 89)" }
        let ops = EditScript.myers(a, b)
        #expect(ops.count == 2 * n)
        #expect(ops.allSatisfy { if case .equal = $0 { false } else { true } })
        #expect(EditScript.similarity(a, b) == 0)

        let c = (0..<n).map { $0 % 2 == 0 ? "w\($0 % 1000)" : "x\($0)" }
        let d = (0..<n).map { $0 % 2 == 0 ? "w\($0 % 1000)" : "y\($0)" }
        let script = Self.sides(EditScript.myers(c, d))
        #expect(script.old == c)
        #expect(script.new == d)
        // A shortest script keeps the n / 2 shared words; the bounded one, which splits where
        // its search got furthest once it passes about 2 x sqrt(N + M) edits, most of them.
        let kept = EditScript.commonCount(c, d)
        #expect(kept < n / 2)
        #expect(kept >= 9 * (n / 2) / 10)
    }

    /// The wdiff table is not built past `tableCells`: the middle of two 3000-word texts is
    /// aligned by Myers' script, and both texts come back out of it.
    @Test func aWdiffTooBigForItsTableStillDiffs() {
        let old = (0..<3000).map { $0 % 7 == 0 ? "z\($0)" : "w\($0 % 13)" }
        let new = (0..<3000).map { $0 % 7 == 3 ? "z\($0)" : "w\($0 % 13)" }
        #expect(old.count * new.count > WordDiff.tableCells)
        let diff = WordDiff(old: old.joined(separator: " "), new: new.joined(separator: " "), method: .wdiff)
        let sides = Self.sides(diff.ops)
        #expect(sides.old == old)
        #expect(sides.new == new)
        #expect(diff.ops.count { if case .equal = $0 { true } else { false } } == EditScript.commonCount(old, new))
    }
}
