/// One step of an edit script between two sequences.
public enum EditOp<Element: Equatable & Sendable>: Equatable, Sendable {
    case equal(Element)
    case delete(Element)
    case insert(Element)
}

extension EditOp: Hashable where Element: Hashable {}

/// Edit scripts on Swift's `CollectionDifference` (Myers' algorithm): under the source
/// diffs, the anchoring of errata text and the word diffs of errata. Its time is N x D
/// (D: the length of the script), so two long sequences that differ a lot go to
/// `BoundedDiff` instead, which is linear in memory and bounded in time.
package enum EditScript {
    /// Up to about this many steps (N + M times the script's length), `CollectionDifference`
    /// (a few nanoseconds a step): its choice among equally short scripts is the one every
    /// output has always shown.
    static let quadraticSteps = 20_000_000
    /// What the bounded diff may spend beyond that before it gives the rest up as removed
    /// and inserted whole.
    static let boundedSteps = 60_000_000

    /// The shortest edit script turning `a` into `b`: equal, deleted and inserted elements
    /// in order (within a changed run, deletions come before insertions). Past
    /// `quadraticSteps`, an edit script that may be longer than the shortest.
    package static func myers<E: Hashable & Sendable>(_ a: [E], _ b: [E]) -> [EditOp<E>] {
        let (removed, inserted) = changes(a, b)
        return merged(a, b, removed: removed, inserted: inserted)
    }

    /// How many elements of `a` the edit script keeps (its common subsequence's length).
    package static func commonCount<E: Hashable & Sendable>(_ a: [E], _ b: [E]) -> Int {
        changes(a, b).removed.reduce(a.count) { $1 ? $0 - 1 : $0 }
    }

    /// 2 x (common elements) / (all elements): 1 for equal sequences, 0 for disjoint ones.
    package static func similarity<E: Hashable & Sendable>(_ a: [E], _ b: [E]) -> Double {
        guard !(a.isEmpty && b.isEmpty) else { return 1 }
        return 2 * Double(commonCount(a, b)) / Double(a.count + b.count)
    }

    /// Which elements are removed from `a` and inserted from `b`.
    private static func changes<E: Hashable & Sendable>(_ a: [E], _ b: [E]) -> (removed: [Bool], inserted: [Bool]) {
        let (x, y) = interned(a, b)
        let limit = max(64, quadraticSteps / max(1, x.count + y.count))
        guard BoundedDiff.distance(x, y, atMost: limit) != nil else {
            let diff = BoundedDiff(x, y, budget: boundedSteps)
            return (diff.removed, diff.inserted)
        }
        var removed = Array(repeating: false, count: x.count), inserted = Array(repeating: false, count: y.count)
        for change in y.difference(from: x) {
            switch change {
            case .remove(let offset, _, _): removed[offset] = true
            case .insert(let offset, _, _): inserted[offset] = true
            }
        }
        return (removed, inserted)
    }

    /// Equal elements as equal numbers, so that the searches compare integers.
    private static func interned<E: Hashable>(_ a: [E], _ b: [E]) -> ([Int32], [Int32]) {
        var numbers: [E: Int32] = [:]
        numbers.reserveCapacity(a.count + b.count)
        func number(_ e: E) -> Int32 {
            if let n = numbers[e] { return n }
            let n = Int32(numbers.count)
            numbers[e] = n
            return n
        }
        return (a.map(number), b.map(number))
    }

    private static func merged<E: Hashable & Sendable>(_ a: [E], _ b: [E], removed: [Bool], inserted: [Bool]) -> [EditOp<E>] {
        var ops: [EditOp<E>] = []
        ops.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed[i] {
                ops.append(.delete(a[i])); i += 1
            } else if j < b.count, inserted[j] {
                ops.append(.insert(b[j])); j += 1
            } else if i < a.count, j < b.count {
                ops.append(.equal(a[i])); i += 1; j += 1
            } else if i < a.count {
                ops.append(.delete(a[i])); i += 1
            } else {
                ops.append(.insert(b[j])); j += 1
            }
        }
        return ops
    }
}
