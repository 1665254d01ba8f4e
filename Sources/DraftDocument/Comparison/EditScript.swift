/// One step of an edit script between two sequences.
public enum EditOp<Element: Equatable & Sendable>: Equatable, Sendable {
    case equal(Element)
    case delete(Element)
    case insert(Element)
}

extension EditOp: Hashable where Element: Hashable {}

/// Edit scripts on Swift's `CollectionDifference` (Myers' algorithm): under the source
/// diffs, the anchoring of errata text and the word diffs of errata.
package enum EditScript {
    /// The shortest edit script turning `a` into `b`: equal, deleted and inserted elements
    /// in order (within a changed run, deletions come before insertions).
    package static func myers<E: Hashable & Sendable>(_ a: [E], _ b: [E]) -> [EditOp<E>] {
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var ops: [EditOp<E>] = []
        ops.reserveCapacity(a.count + inserted.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                ops.append(.delete(a[i])); i += 1
            } else if j < b.count, inserted.contains(j) {
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
