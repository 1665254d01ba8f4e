/// How a statement of one revision was found in another.
public enum MatchKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The same text (and keyword).
    case exact
    /// The same after `StatementIdentity.matchingKey` (case, punctuation, white space).
    case normalised
    /// Token similarity at or above the matcher's threshold.
    case similar
}

/// A statement of the old revision and the one it became.
public struct StatementMatch: Hashable, Sendable {
    public var old: Statement
    public var new: Statement
    public var kind: MatchKind
    /// Dice coefficient of the two token multisets (1 for exact and normalised matches).
    public var similarity: Double
}

/// Finds each statement of one revision in another: exact text first, then normalised
/// text, then token similarity; within each stage the same section is preferred, then
/// the nearest position. Each statement is matched at most once.
public struct StatementMatcher: Sendable {
    /// The smallest Dice coefficient of the token multisets that still counts as the same
    /// statement edited.
    public var threshold: Double

    public init(threshold: Double = 0.5) { self.threshold = threshold }

    public struct Result: Hashable, Sendable {
        public var matches: [StatementMatch]
        /// Old statements found nowhere in the new revision.
        public var unmatchedOld: [Statement]
        /// New statements with no old counterpart.
        public var unmatchedNew: [Statement]
    }

    public func match(old: [Statement], new: [Statement]) -> Result {
        var oldTaken = [Bool](repeating: false, count: old.count)
        var newTaken = [Bool](repeating: false, count: new.count)
        var matches: [(Int, Int, MatchKind, Double)] = []

        // Stages 1 and 2: equal keys, same section first.
        for (kind, key) in [(MatchKind.exact, { (s: Statement) in Self.levelKey(s) + s.text }),
                            (.normalised, { (s: Statement) in Self.levelKey(s) + StatementIdentity.matchingKey(s.text) })] {
            var index: [String: [Int]] = [:]
            for (j, s) in new.enumerated() where !newTaken[j] { index[key(s), default: []].append(j) }
            for sameSection in [true, false] {
                for (i, s) in old.enumerated() where !oldTaken[i] {
                    guard let candidates = index[key(s)] else { continue }
                    let free = candidates.filter { !newTaken[$0] && (!sameSection || new[$0].section == s.section) }
                    guard let j = free.min(by: { abs(new[$0].position.paragraph - s.position.paragraph) < abs(new[$1].position.paragraph - s.position.paragraph) }) else { continue }
                    oldTaken[i] = true
                    newTaken[j] = true
                    matches.append((i, j, kind, 1))
                }
            }
        }

        // Stage 3: token similarity over what is left, best pairs first.
        var vocabulary = WordVocabulary()
        func tokens(_ s: Statement) -> [Int] { vocabulary.tokens(s.text) }
        let oldLeft = old.indices.filter { !oldTaken[$0] }
        let newLeft = new.indices.filter { !newTaken[$0] }
        let oldTokens = Dictionary(uniqueKeysWithValues: oldLeft.map { ($0, tokens(old[$0])) })
        let newTokens = Dictionary(uniqueKeysWithValues: newLeft.map { ($0, tokens(new[$0])) })
        // Inverted index so only statements sharing a word are compared.
        var postings: [Int: [Int]] = [:]
        for j in newLeft { for t in Set(newTokens[j]!) { postings[t, default: []].append(j) } }
        // Every pair sharing a word is compared while there are few pairs (real revisions:
        // hundreds of statements left at most). Past that, words in more than
        // `commonWordPostings` statements ("MUST", "the") no longer propose candidates:
        // through them every pair shares a word, and 8000 x 8000 statements took 31 s and
        // 1 GB. A statement then finds its edited self through its rarer words (numbers,
        // names), and the Dice coefficient of each candidate is still computed in full.
        let exhaustive = oldLeft.count * newLeft.count <= Self.exhaustivePairs
        var pairs: [(score: Double, i: Int, j: Int, similarity: Double)] = []
        for i in oldLeft {
            let a = oldTokens[i]!
            var shared: [Int: Int] = [:]
            for t in Set(a) {
                guard let list = postings[t], exhaustive || list.count <= Self.commonWordPostings else { continue }
                for j in list { shared[j, default: 0] += 1 }
            }
            for (j, count) in shared {
                let b = newTokens[j]!
                // A bound before the exact count: distinct shared words can at most double.
                guard Double(2 * min(a.count, b.count)) / Double(a.count + b.count) >= threshold, count > 0 else { continue }
                let d = Self.dice(a, b)
                guard d >= threshold else { continue }
                let bonus = new[j].section == old[i].section ? 0.05 : 0
                pairs.append((d + bonus, i, j, d))
            }
        }
        pairs.sort { ($0.score, -$0.i, -$0.j) > ($1.score, -$1.i, -$1.j) }
        for p in pairs where !oldTaken[p.i] && !newTaken[p.j] {
            oldTaken[p.i] = true
            newTaken[p.j] = true
            matches.append((p.i, p.j, .similar, p.similarity))
        }

        matches.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return Result(
            matches: matches.map { StatementMatch(old: old[$0.0], new: new[$0.1], kind: $0.2, similarity: $0.3) },
            unmatchedOld: old.indices.filter { !oldTaken[$0] }.map { old[$0] },
            unmatchedNew: new.indices.filter { !newTaken[$0] }.map { new[$0] })
    }

    /// Finds the statement of `statements` best matching `text` (a quote), or nil: the
    /// same stages as `match`, for one quote. Linking uses this for claims.
    public func find(_ text: String, in statements: [Statement]) -> (statement: Statement, kind: MatchKind, similarity: Double)? {
        let normalizedQuote = text.whitespaceNormalizedASCII
        if let s = statements.first(where: { $0.text == normalizedQuote }) { return (s, .exact, 1) }
        let key = StatementIdentity.matchingKey(normalizedQuote)
        if let s = statements.first(where: { StatementIdentity.matchingKey($0.text) == key }) { return (s, .normalised, 1) }
        var vocabulary = WordVocabulary()
        func tokens(_ t: String) -> [Int] { vocabulary.tokens(t) }
        let q = tokens(normalizedQuote)
        var best: (Statement, Double)?
        for s in statements {
            let d = Self.dice(q, tokens(s.text))
            if d >= threshold, d > (best?.1 ?? 0) { best = (s, d) }
        }
        return best.map { ($0.0, .similar, $0.1) }
    }

    /// Up to this many old x new statements left for the similarity stage, every pair that
    /// shares a word is compared.
    static let exhaustivePairs = 1_000_000
    /// Beyond that, a word found in more statements than this proposes no candidates.
    static let commonWordPostings = 64

    private static func levelKey(_ s: Statement) -> String { s.levels.map(\.rawValue).joined(separator: ",") + "\u{1F}" }

    /// Dice coefficient of two sorted token multisets.
    static func dice(_ a: [Int], _ b: [Int]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(2 * common) / Double(a.count + b.count)
    }
}
