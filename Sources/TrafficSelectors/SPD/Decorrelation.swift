/// Decorrelation (RFC 4301 4.4.1 and Appendix B.1): each entry, in order, is cut into the
/// parts no earlier entry covers; a part an earlier entry covers is overridden and dropped.
/// The result is the Appendix B tree's leaves that survive, merged where two leaves of one
/// entry touch. Subtracting the earlier entries' own selector sets (not their fragments)
/// gives the same leaves with far fewer splits.
public enum Decorrelation {
    public static func decorrelate(_ spd: SPD) -> DecorrelatedSPD {
        decorrelate(spd.entries)
    }

    public static func decorrelate(_ entries: [SPDEntry]) -> DecorrelatedSPD {
        var earlier: [SPDSelectorSet] = []
        var fragments: [SPDFragment] = []
        for (position, entry) in entries.enumerated() {
            var pieces: [SPDSelectorSet] = []
            for set in entry.selectorSets {
                var parts = [set]
                for e in earlier where !parts.isEmpty {
                    if !e.intersects(set) { continue }
                    parts = parts.flatMap { $0.intersects(e) ? $0.subtracting(e) : [$0] }
                }
                pieces.append(contentsOf: parts)
                earlier.append(set)
            }
            for piece in merge(pieces) {
                fragments.append(SPDFragment(selectorSet: piece, action: entry.action, pfp: entry.pfp, origin: position, originName: entry.name))
            }
        }
        return DecorrelatedSPD(fragments: fragments)
    }

    /// Merges touching disjoint sets until no pair merges.
    static func merge(_ input: [SPDSelectorSet]) -> [SPDSelectorSet] {
        var items = input
        var changed = items.count > 1
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
        return items
    }
}
