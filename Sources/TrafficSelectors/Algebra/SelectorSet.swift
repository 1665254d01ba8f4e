/// A set of traffic: the union of its selectors (a TSi or TSr list read as a set, RFC
/// 7296 3.13). Stored normalised: disjoint selectors, neighbours merged, sorted. Equality
/// is equality of the traffic covered (two normal forms of one set can differ when boxes
/// split differently, so `==` compares by mutual inclusion).
public struct SelectorSet: Sendable, Equatable, CustomStringConvertible {
    /// Disjoint, merged where possible, sorted.
    public private(set) var selectors: [TrafficSelector]

    public init() { selectors = [] }

    /// The union of `selectors`, normalised.
    public init<S: Sequence>(_ selectors: S) where S.Element == TrafficSelector {
        var disjoint: [TrafficSelector] = []
        for s in selectors {
            var pieces = [s]
            for d in disjoint where !pieces.isEmpty {
                pieces = pieces.flatMap { $0.intersects(d) ? $0.subtracting(d) : [$0] }
            }
            disjoint.append(contentsOf: pieces)
        }
        self.selectors = SelectorSet.merge(disjoint)
    }

    init(normalised: [TrafficSelector]) { selectors = normalised }

    /// Merges touching disjoint selectors until no pair merges, then sorts.
    static func merge(_ input: [TrafficSelector]) -> [TrafficSelector] {
        var items = input
        var changed = true
        while changed {
            changed = false
            var i = 0
            while i < items.count {
                var j = i + 1
                while j < items.count {
                    if let m = items[i].merged(with: items[j]) {
                        items[i] = m
                        items.remove(at: j)
                        changed = true
                    } else {
                        j += 1
                    }
                }
                i += 1
            }
        }
        return items.sorted()
    }

    public var isEmpty: Bool { selectors.isEmpty }

    public func contains(_ point: SelectorPoint) -> Bool { selectors.contains { $0.contains(point) } }

    public func union(_ other: SelectorSet) -> SelectorSet { SelectorSet(selectors + other.selectors) }

    public func intersection(_ other: SelectorSet) -> SelectorSet {
        var out: [TrafficSelector] = []
        for a in selectors {
            for b in other.selectors { if let i = a.intersection(b) { out.append(i) } }
        }
        // Pieces of disjoint inputs are disjoint already: only merging is left.
        return SelectorSet(normalised: SelectorSet.merge(out))
    }

    public func subtracting(_ other: SelectorSet) -> SelectorSet {
        var out: [TrafficSelector] = []
        for a in selectors {
            var pieces = [a]
            for b in other.selectors where !pieces.isEmpty {
                pieces = pieces.flatMap { $0.intersects(b) ? $0.subtracting(b) : [$0] }
            }
            out.append(contentsOf: pieces)
        }
        return SelectorSet(normalised: SelectorSet.merge(out))
    }

    public func isSubset(of other: SelectorSet) -> Bool { subtracting(other).isEmpty }

    public func isDisjoint(with other: SelectorSet) -> Bool {
        !selectors.contains { a in other.selectors.contains { a.intersects($0) } }
    }

    public static func == (a: SelectorSet, b: SelectorSet) -> Bool {
        a.selectors == b.selectors || (a.isSubset(of: b) && b.isSubset(of: a))
    }

    public var description: String { "{" + selectors.map(\.description).joined(separator: ", ") + "}" }
}
