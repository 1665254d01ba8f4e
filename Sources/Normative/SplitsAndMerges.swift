/// A statement that became two (split) or two that became one (merged) between revisions:
/// what `StatementMatcher`'s one-to-one pairing leaves over and explains. A split's second
/// half is a new statement whose words the old one already held, beside the old statement's
/// partner; a merge's absorbed statement is an old one whose words the partner of its
/// neighbour now holds.
public struct StatementRegrouping: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// `old` went on as `partner` and also as `other`, a new statement.
        case split
        /// `other`, an old statement, went into `partner`, the new statement `old` became.
        case merged
    }

    public var kind: Kind
    /// The matched old statement.
    public var old: Statement
    /// What `old` was matched to in the new revision.
    public var partner: Statement
    /// The new statement split off (`split`) or the old statement absorbed (`merged`).
    public var other: Statement
    /// The share of `other`'s words found in the statement it came from or went into.
    public var containment: Double
}

extension StatementMatcher {
    /// Of `other`'s words, at least this share must be found in the statement it was
    /// split from or merged into. Lower and two neighbouring sentences of one paragraph,
    /// which always share "the", "IKE" and "SA", count as one.
    public static let regroupingContainment = 0.75

    /// The splits and merges in a `match` result: unmatched new statements split off a
    /// matched old one, unmatched old statements merged into a matched new one. Both
    /// statements of a pair must be in the same section, and taking `other` in must bring
    /// the pair's words closer (its Dice coefficient rises): a sentence that only repeats
    /// common words of its neighbour is not half of it.
    public func regroupings(in result: Result) -> [StatementRegrouping] {
        var vocabulary = WordVocabulary()
        func tokens(_ s: Statement) -> [Int] { vocabulary.tokens(s.text) }
        var out: [StatementRegrouping] = []
        // Splits: a new statement left over whose words an old, matched statement holds.
        for other in result.unmatchedNew {
            let b = tokens(other)
            guard !b.isEmpty else { continue }
            var best: (StatementRegrouping, Double)?
            for m in result.matches where m.old.section == other.section && m.new.section == other.section {
                let old = tokens(m.old), partner = tokens(m.new)
                let c = Self.containment(b, in: old)
                guard c >= Self.regroupingContainment else { continue }
                let gain = Self.dice(old, (partner + b).sorted()) - Self.dice(old, partner)
                guard gain > 0, gain > (best?.1 ?? 0) else { continue }
                best = (StatementRegrouping(kind: .split, old: m.old, partner: m.new, other: other, containment: c), gain)
            }
            if let best { out.append(best.0) }
        }
        // Merges: an old statement left over whose words a new, matched statement holds.
        for other in result.unmatchedOld {
            let a = tokens(other)
            guard !a.isEmpty else { continue }
            var best: (StatementRegrouping, Double)?
            for m in result.matches where m.old.section == other.section && m.new.section == other.section {
                let old = tokens(m.old), partner = tokens(m.new)
                let c = Self.containment(a, in: partner)
                guard c >= Self.regroupingContainment else { continue }
                let gain = Self.dice((old + a).sorted(), partner) - Self.dice(old, partner)
                guard gain > 0, gain > (best?.1 ?? 0) else { continue }
                best = (StatementRegrouping(kind: .merged, old: m.old, partner: m.new, other: other, containment: c), gain)
            }
            if let best { out.append(best.0) }
        }
        return out
    }

    /// The share of the sorted multiset `part` found in the sorted multiset `whole`.
    static func containment(_ part: [Int], in whole: [Int]) -> Double {
        guard !part.isEmpty else { return 0 }
        var i = 0, j = 0, common = 0
        while i < part.count, j < whole.count {
            if part[i] == whole[j] { common += 1; i += 1; j += 1 } else if part[i] < whole[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(part.count)
    }
}
