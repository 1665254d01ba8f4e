/// A set of traffic: the union of its selectors (a TSi or TSr list read as a set, RFC
/// 7296 3.13). Stored normalised: disjoint selectors, neighbours merged, sorted. Equality
/// is equality of the traffic covered (two normal forms of one set can differ when boxes
/// split differently, so `==` compares by mutual inclusion).
public struct SelectorSet: Sendable, Equatable, CustomStringConvertible {
    /// Disjoint, merged where possible, sorted.
    public private(set) var selectors: [TrafficSelector]

    public init() { selectors = [] }

    /// The union of `selectors`, normalised: each selector minus the ones before it (only
    /// those whose addresses overlap it), so the pieces are disjoint, then merged.
    public init<S: Sequence>(_ selectors: S) where S.Element == TrafficSelector {
        let list = Array(selectors)
        var earlier = Array(repeating: [Int](), count: list.count)
        for (i, j) in OverlapJoin.pairs(list, list) where j < i { earlier[i].append(j) }
        var disjoint: [TrafficSelector] = []
        for (i, s) in list.enumerated() {
            disjoint.append(contentsOf: SelectorSet.subtract(earlier[i].map { list[$0] }, from: s))
        }
        self.selectors = SelectorSet.merge(disjoint)
    }

    /// `s` minus every selector of `others`, as disjoint pieces.
    static func subtract(_ others: [TrafficSelector], from s: TrafficSelector) -> [TrafficSelector] {
        var pieces = [s]
        for o in others where !pieces.isEmpty {
            guard pieces.contains(where: { $0.intersects(o) }) else { continue }
            pieces = pieces.flatMap { $0.intersects(o) ? $0.subtracting(o) : [$0] }
        }
        return pieces
    }

    init(normalised: [TrafficSelector]) { selectors = normalised }

    /// Merges touching disjoint selectors until none merge, then sorts. Each round merges
    /// along one dimension at a time: selectors equal in the other two are sorted by that
    /// dimension and neighbours joined, so a round costs a sort, not a pass over all pairs.
    static func merge(_ input: [TrafficSelector]) -> [TrafficSelector] {
        var items = input
        var changed = items.count > 1
        while changed {
            let before = items.count
            items = mergeAlong(items) { a, b in
                (a.family, a.ipProtocol.lower, a.ipProtocol.upper, a.ports.lower, a.ports.upper, a.addresses.start)
                    < (b.family, b.ipProtocol.lower, b.ipProtocol.upper, b.ports.lower, b.ports.upper, b.addresses.start)
            }
            items = mergeAlong(items) { a, b in
                (a.family, a.addresses.start, a.addresses.end, a.ports.lower, a.ports.upper, a.ipProtocol.lower)
                    < (b.family, b.addresses.start, b.addresses.end, b.ports.lower, b.ports.upper, b.ipProtocol.lower)
            }
            items = mergeAlong(items) { a, b in
                (a.family, a.addresses.start, a.addresses.end, a.ipProtocol.lower, a.ipProtocol.upper, a.ports.lower)
                    < (b.family, b.addresses.start, b.addresses.end, b.ipProtocol.lower, b.ipProtocol.upper, b.ports.lower)
            }
            changed = items.count < before
        }
        return items.sorted()
    }

    /// Sorted so that selectors equal in two dimensions sit together, ordered by the third,
    /// neighbours that touch merge in one sweep.
    private static func mergeAlong(_ items: [TrafficSelector], by order: (TrafficSelector, TrafficSelector) -> Bool) -> [TrafficSelector] {
        guard items.count > 1 else { return items }
        let sorted = items.sorted(by: order)
        var out: [TrafficSelector] = []
        out.reserveCapacity(items.count)
        var current = sorted[0]
        for s in sorted.dropFirst() {
            if let m = current.merged(with: s) { current = m } else { out.append(current); current = s }
        }
        out.append(current)
        return out
    }

    public var isEmpty: Bool { selectors.isEmpty }

    public func contains(_ point: SelectorPoint) -> Bool { selectors.contains { $0.contains(point) } }

    public func union(_ other: SelectorSet) -> SelectorSet { SelectorSet(selectors + other.selectors) }

    public func intersection(_ other: SelectorSet) -> SelectorSet {
        // Pieces of disjoint inputs are disjoint already: only merging is left.
        let out = OverlapJoin.pairs(selectors, other.selectors).compactMap { selectors[$0.0].intersection(other.selectors[$0.1]) }
        return SelectorSet(normalised: SelectorSet.merge(out))
    }

    public func subtracting(_ other: SelectorSet) -> SelectorSet {
        var overlapping = Array(repeating: [TrafficSelector](), count: selectors.count)
        for (i, j) in OverlapJoin.pairs(selectors, other.selectors) { overlapping[i].append(other.selectors[j]) }
        var out: [TrafficSelector] = []
        for (i, a) in selectors.enumerated() {
            out.append(contentsOf: SelectorSet.subtract(overlapping[i], from: a))
        }
        return SelectorSet(normalised: SelectorSet.merge(out))
    }

    public func isSubset(of other: SelectorSet) -> Bool {
        var overlapping = Array(repeating: [TrafficSelector](), count: selectors.count)
        for (i, j) in OverlapJoin.pairs(selectors, other.selectors) { overlapping[i].append(other.selectors[j]) }
        return selectors.indices.allSatisfy { SelectorSet.subtract(overlapping[$0], from: selectors[$0]).isEmpty }
    }

    public func isDisjoint(with other: SelectorSet) -> Bool {
        !OverlapJoin.pairs(selectors, other.selectors).contains { selectors[$0.0].intersects(other.selectors[$0.1]) }
    }

    public static func == (a: SelectorSet, b: SelectorSet) -> Bool {
        a.selectors == b.selectors || (a.isSubset(of: b) && b.isSubset(of: a))
    }

    public var description: String { "{" + selectors.map(\.description).joined(separator: ", ") + "}" }
}
