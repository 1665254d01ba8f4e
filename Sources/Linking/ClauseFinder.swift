/// Finds a claim's decisive clause inside a statement whose wording may have changed, and
/// measures how far a statement drifted from a claim's quote.
///
/// The rules (README "Drift and the decisive clause"):
/// - Words are runs of letters, digits, "_" and "-", compared case-blind; punctuation and
///   white space only separate them.
/// - A clause is found where its words occur in order, or reordered a little: in a window
///   of the statement holding every word of the clause (an article aside: "the", "a",
///   "an"), with at most one word in five (at least one) put in between, and the longest
///   run in common keeping all but one word in four. No word of the clause may be replaced:
///   "set the reserved field to nil" is not "set the reserved field to zero".
/// - Decisive words may not differ at all: a negation or restriction ("not", "only",
///   "never", ...), a BCP 14 keyword, or a name (a word with a digit, an underscore or a
///   capital after its first letter, or a word the clause capitalises: "IKEv1", "PF_KEY",
///   "SPD", "IKE"). So "although it applies only to IKEv1" still carries the clause, and
///   "although it does not only apply to IKEv1", "although IKE only applies to IKEv1" and
///   "although it only applies to IKEv2" do not.
public enum ClauseFinder {
    /// Word similarity (Dice coefficient of the word multisets) from which a statement is
    /// taken to be the claim's quote reworded. compare's statement matcher pairs revisions
    /// from 0.5; a claim asks more, since a statement on the same subject in the same
    /// section often shares half its words with another.
    public static let minimumStatementSimilarity = 0.6

    /// Words a clause may lose without saying something else.
    static let articles: Set<String> = ["the", "a", "an"]

    /// Words whose presence or absence changes what a clause says.
    static let decisiveWords: Set<String> = [
        "not", "no", "never", "none", "neither", "nor", "cannot", "can't", "don't", "doesn't", "isn't", "aren't",
        "only", "solely", "exclusively", "except", "without", "unless", "all", "any", "every", "always",
        "must", "shall", "should", "may", "required", "recommended", "optional",
    ]

    /// A word of a text and where it is in it.
    struct Word {
        var folded: String
        var range: Range<String.Index>
        /// A name or a decisive word: it may not be dropped, added or replaced.
        var isDecisive: Bool
    }

    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "'" }
        var i = text.startIndex
        while i <= text.endIndex {
            let c: Character? = i < text.endIndex ? text[i] : nil
            if let c, isWordCharacter(c) {
                if start == nil { start = i }
            } else if let s = start {
                var range = s..<i
                // Trailing and leading quotes and hyphens belong to the punctuation.
                while range.lowerBound < range.upperBound, "'-".contains(text[text.index(before: range.upperBound)]) {
                    range = range.lowerBound..<text.index(before: range.upperBound)
                }
                while range.lowerBound < range.upperBound, "'-".contains(text[range.lowerBound]) {
                    range = text.index(after: range.lowerBound)..<range.upperBound
                }
                if !range.isEmpty {
                    let original = text[range]
                    let folded = original.lowercased()
                    let isName = original.contains { $0.isNumber || $0 == "_" } || original.dropFirst().contains { $0.isUppercase }
                        || (original.count > 1 && original.allSatisfy { $0.isUppercase })
                    out.append(Word(folded: folded, range: range, isDecisive: isName || decisiveWords.contains(folded)))
                }
                start = nil
            }
            if i == text.endIndex { break }
            i = text.index(after: i)
        }
        return out
    }

    /// The Dice coefficient of the two texts' word multisets (1: the same words).
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = words(a).map(\.folded), y = words(b).map(\.folded)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var counts: [String: Int] = [:]
        for w in x { counts[w, default: 0] += 1 }
        var shared = 0
        for w in y where (counts[w] ?? 0) > 0 {
            counts[w]! -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }

    /// Where `clause` is in `text`, as `text`'s own words (from the first word of the
    /// clause found to its last), or nil when the text no longer carries it.
    public static func find(_ clause: String, in text: String) -> String? {
        let c = words(clause), t = words(text)
        guard !c.isEmpty, !t.isEmpty else { return nil }
        let clauseFolded = c.map(\.folded)
        // A word the clause writes as a name is decisive wherever it appears.
        let decisive = Set(c.filter(\.isDecisive).map(\.folded))
        let n = c.count
        var best: (score: Double, lo: Int, hi: Int)?
        let articles = clauseFolded.filter { Self.articles.contains($0) }.count
        let maxInserted = max(1, n / 5)
        for length in max(1, n - articles)...(n + maxInserted) where length <= t.count {
            for lo in 0...(t.count - length) {
                let window = Array(t[lo..<(lo + length)])
                let folded = window.map(\.folded)
                if folded == clauseFolded { return String(text[window.first!.range.lowerBound..<window.last!.range.upperBound]) }
                var missing: [String: Int] = [:]
                for w in clauseFolded { missing[w, default: 0] += 1 }
                var extra: [Word] = []
                for w in window {
                    if let k = missing[w.folded], k > 0 { missing[w.folded] = k - 1 } else { extra.append(w) }
                }
                let missingWords = missing.filter { $0.value > 0 }.flatMap { Array(repeating: $0.key, count: $0.value) }
                guard missingWords.allSatisfy(Self.articles.contains), extra.count <= maxInserted else { continue }
                guard !extra.contains(where: { $0.isDecisive || decisive.contains($0.folded) }) else { continue }
                let common = longestCommonSubsequence(clauseFolded, folded)
                let present = n - missingWords.count
                guard common >= present - max(1, present / 4) else { continue }
                // Windows must start and end on clause words, so the text shown is the
                // clause's own.
                guard clauseFolded.contains(folded.first!), clauseFolded.contains(folded.last!) else { continue }
                let score = Double(common) / Double(max(n, length))
                if best == nil || score > best!.score { best = (score, lo, lo + length - 1) }
            }
        }
        guard let best else { return nil }
        return String(text[t[best.lo].range.lowerBound..<t[best.hi].range.upperBound])
    }

    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1), current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
