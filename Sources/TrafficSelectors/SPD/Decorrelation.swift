/// Decorrelation (RFC 4301 4.4.1 and Appendix B.1): each entry, in order, is cut into the
/// parts no earlier entry covers; a part an earlier entry covers is overridden and dropped.
/// The result is the Appendix B tree's leaves that survive, merged where two leaves of one
/// entry touch. Subtracting the earlier entries' own selector sets (not their fragments)
/// gives the same leaves with far fewer splits.
public enum Decorrelation {
    /// The most pieces one entry may be cut into before they are merged, and the most
    /// fragments a whole SPD may give. Entries that overlap in several selectors multiply
    /// the pieces (an entry under k thin entries across each of four ranges is cut into up
    /// to (2k + 1)^4), and merging them costs about the square of their number: 57 such
    /// entries took 12 s and 170 MB, 65 took 31 s. Past these bounds the SPD is refused
    /// (`tooManyFragments`, exit 65) instead; within them the worst measured took 2.4 s. A
    /// random SPD of 1,000 overlapping entries stays inside (56,655 fragments, 2.5 s).
    public static let maximumPieces = 65536
    public static let maximumFragments = 262144

    public static func decorrelate(_ spd: SPD) throws(TSError) -> DecorrelatedSPD {
        try decorrelate(spd.entries)
    }

    public static func decorrelate(_ entries: [SPDEntry]) throws(TSError) -> DecorrelatedSPD {
        try decorrelate(entries, maximumPieces: maximumPieces, maximumFragments: maximumFragments)
    }

    /// With bounds of the caller's (tests use small ones).
    static func decorrelate(_ entries: [SPDEntry], maximumPieces: Int, maximumFragments: Int) throws(TSError) -> DecorrelatedSPD {
        var earlier: [SPDSelectorSet] = []
        var fragments: [SPDFragment] = []
        for (position, entry) in entries.enumerated() {
            var pieces: [SPDSelectorSet] = []
            for set in entry.selectorSets {
                var parts = [set]
                for e in earlier where !parts.isEmpty {
                    if !e.intersects(set) { continue }
                    parts = parts.flatMap { $0.intersects(e) ? $0.subtracting(e) : [$0] }
                    guard pieces.count + parts.count <= maximumPieces else {
                        throw TSError(.tooManyFragments, "decorrelating entry \(entry.name) (number \(position + 1)) cuts it into more than \(maximumPieces) pieces: the entries before it overlap it in too many selectors", rule: "RFC 4301 Appendix B")
                    }
                }
                pieces.append(contentsOf: parts)
                earlier.append(set)
            }
            for piece in merge(pieces) {
                fragments.append(SPDFragment(selectorSet: piece, action: entry.action, pfp: entry.pfp, origin: position, originName: entry.name))
            }
            guard fragments.count <= maximumFragments else {
                throw TSError(.tooManyFragments, "decorrelating the SPD makes more than \(maximumFragments) fragments (at entry \(entry.name), number \(position + 1))", rule: "RFC 4301 Appendix B")
            }
        }
        return DecorrelatedSPD(fragments: fragments)
    }

    /// Merges touching disjoint sets until no pair merges.
    ///
    /// Two sets merge only when four of their five selectors are equal, so each set's
    /// selectors are hashed once and a pair is tried only when four of the hashes agree:
    /// the same merges in the same order, without comparing the ranges of pairs that
    /// differ in two places or more (trying every pair was 97% of decorrelating an SPD
    /// of 57,000 fragments).
    static func merge(_ input: [SPDSelectorSet]) -> [SPDSelectorSet] {
        var items = input
        var keys = items.map(Key.init)
        var changed = items.count > 1
        while changed {
            changed = false
            var i = 0
            while i < items.count {
                var j = i + 1
                while j < items.count {
                    if keys[i].agreesInFour(with: keys[j]), let m = items[i].merged(with: items[j]) {
                        items[i] = m
                        keys[i] = Key(m)
                        items.remove(at: j)
                        keys.remove(at: j)
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

    /// The hashes of a set's five selectors.
    private struct Key {
        let local, remote, ipProtocol, localPorts, remotePorts: Int

        init(_ s: SPDSelectorSet) {
            local = s.local.hashValue
            remote = s.remote.hashValue
            ipProtocol = s.ipProtocol.hashValue
            localPorts = s.localPorts.hashValue
            remotePorts = s.remotePorts.hashValue
        }

        /// At least four of the five hashes are equal (necessary for a merge; equal values
        /// hash equally).
        func agreesInFour(with o: Key) -> Bool {
            var differ = 0
            if local != o.local { differ += 1 }
            if remote != o.remote { differ += 1 }
            if ipProtocol != o.ipProtocol { differ += 1 }
            if localPorts != o.localPorts { differ += 1 }
            if remotePorts != o.remotePorts { differ += 1 }
            return differ <= 1
        }
    }
}
