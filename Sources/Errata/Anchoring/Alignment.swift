import DraftDocument

/// The stretch of a text closest to a passage (how alike: `EditScript.similarity`).
enum Alignment {
    /// The stretch of `hay` most like `needle`: windows of the needle's length start at
    /// every position (or, for a long hay, where a three-word run of the needle occurs), the
    /// best is widened by a fifth and trimmed to its first and last common word.
    static func closest(_ needle: [String], in hay: [String]) -> (range: Range<Int>, similarity: Double)? {
        guard !needle.isEmpty, !hay.isEmpty else { return nil }
        let k = needle.count
        var candidates: [Int]
        if hay.count * k <= 400_000 {
            candidates = Array(0..<max(1, hay.count - k + 1))
        } else {
            var grams: [String: [Int]] = [:]
            // A three-word run the needle repeats votes from its first few places only: on
            // a text of one repeated word, every place would vote for every offset.
            for i in 0..<max(0, k - 2) {
                let gram = needle[i..<(i + 3)].joined(separator: " ")
                if grams[gram, default: []].count < 16 { grams[gram, default: []].append(i) }
            }
            var votes: [Int: Int] = [:]
            if hay.count >= 3 {
                for p in 0...(hay.count - 3) {
                    guard let offsets = grams[hay[p..<(p + 3)].joined(separator: " ")] else { continue }
                    for offset in offsets { votes[max(0, p - offset), default: 0] += 1 }
                }
            }
            candidates = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map(\.key)
            if candidates.isEmpty { return nil }
        }
        var best: (Range<Int>, Double)?
        for start in candidates {
            let window = start..<min(hay.count, start + k)
            let s = EditScript.similarity(needle, Array(hay[window]))
            if best == nil || s > best!.1 { best = (window, s) }
        }
        guard let (window, _) = best else { return nil }
        let slack = max(3, k / 5)
        let wide = max(0, window.lowerBound - slack)..<min(hay.count, window.upperBound + slack)
        let ops = EditScript.myers(needle, Array(hay[wide]))
        var hayIndex = wide.lowerBound
        var first: Int?, last: Int?
        var unmatchedBefore = 0, unmatchedAfter = 0
        for op in ops {
            switch op {
            case .equal:
                if first == nil { first = hayIndex }
                last = hayIndex
                hayIndex += 1
                unmatchedAfter = 0
            case .insert: hayIndex += 1
            case .delete:
                if first == nil { unmatchedBefore += 1 } else { unmatchedAfter += 1 }
            }
        }
        guard let first, let last else { return (window, best!.1) }
        // Trimmed to the common words, then widened by as many words as the needle has
        // unmatched at each end, so that a changed first or last word shows as a change.
        let trimmed = max(0, first - unmatchedBefore)..<min(hay.count, last + 1 + unmatchedAfter)
        return (trimmed, EditScript.similarity(needle, Array(hay[trimmed])))
    }
}
