/// A Security Policy Database (RFC 4301 4.4.1): an ordered list of entries where the first
/// entry matching a packet decides. Lookups go through an index, not a linear scan.
public struct SPD: Sendable {
    public let entries: [SPDEntry]
    /// For each indexed selector set, the entry it belongs to.
    private let owner: [Int]
    private let index: SelectorSetIndex

    public init(entries: [SPDEntry]) {
        self.entries = entries
        var sets: [SPDSelectorSet] = []
        var owner: [Int] = []
        for (i, e) in entries.enumerated() {
            for s in e.selectorSets { sets.append(s); owner.append(i) }
        }
        self.owner = owner
        self.index = SelectorSetIndex(sets)
    }

    /// The position of the first entry matching `packet` (first match wins), or nil.
    public func lookup(_ packet: SPDPacket) -> Int? {
        index.firstMatch(packet).map { owner[$0] }
    }

    /// The same by walking the list: the definition the index must agree with.
    public func linearLookup(_ packet: SPDPacket) -> Int? {
        entries.firstIndex { $0.selectorSets.contains { $0.contains(packet) } }
    }

    /// Pairs of entry positions that are correlated (RFC 4301 Appendix B).
    public func correlatedPairs() -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for i in entries.indices {
            for j in entries.indices where i < j && entries[i].isCorrelated(with: entries[j]) { out.append((i, j)) }
        }
        return out
    }
}
