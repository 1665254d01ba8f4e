/// A word-level diff of two texts: what GNU wdiff shows as `[-old-] {+new+}`. Words are
/// white-space separated tokens (punctuation stays with its word, as wdiff does).
public struct WordDiff: Hashable, Sendable {
    /// How words are told apart and aligned. The two differ on purpose where several
    /// alignments are equally short (they pick different words to keep), so each caller
    /// names the one its output has always shown.
    public enum Method: Sendable {
        /// wdiff's: words split at spaces, tabs and line feeds; a longest common
        /// subsequence after the common ends, insertions before removals where a choice
        /// is free. What `compare` shows between revisions of a statement. (A middle too
        /// big for its table, past `tableCells`, is aligned as `myers` does.)
        case wdiff
        /// Words split at any white space; Myers' edit script (`EditScript.myers`), the
        /// one the errata source diffs and anchoring use.
        case myers
    }

    public enum Kind: String, Hashable, Sendable, Codable { case same, removed, added }

    /// A run of words of one kind.
    public struct Segment: Hashable, Sendable, Codable {
        public var kind: Kind
        /// The words of the run, joined by single spaces.
        public var text: String
    }

    /// Word by word, removals before additions within a changed run.
    public var ops: [EditOp<String>]

    public init(old: String, new: String, method: Method) {
        switch method {
        case .wdiff:
            let isSeparator = { (c: Character) in c == " " || c == "\n" || c == "\t" }
            ops = Self.longestCommonSubsequence(old.split(whereSeparator: isSeparator).map(String.init),
                                                new.split(whereSeparator: isSeparator).map(String.init))
        case .myers:
            ops = EditScript.myers(old.split(whereSeparator: \.isWhitespace).map(String.init),
                                   new.split(whereSeparator: \.isWhitespace).map(String.init))
        }
    }

    /// Common prefix and suffix first (edits are usually small), then the longest common
    /// subsequence of the middle.
    private static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [EditOp<String>] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var ops: [EditOp<String>] = a[..<prefix].map { .equal($0) }
        ops += align(midA, midB)
        ops += a[(a.count - suffix)...].map { .equal($0) }
        return ops
    }

    /// Above this many cells (8 bytes each), the table gives way to `EditScript.myers`,
    /// linear in memory (its choice among equally long alignments may differ).
    static let tableCells = 4_000_000

    private static func align(_ a: [String], _ b: [String]) -> [EditOp<String>] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { .insert($0) } }
        if m == 0 { return a.map { .delete($0) } }
        if n > tableCells / m {
            return EditScript.myers(a, b)
        }
        // lcs[i][j]: LCS length of a[i...] and b[j...], flattened.
        var lcs = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] = a[i] == b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        var out: [EditOp<String>] = []
        var i = 0, j = 0
        var removed: [String] = [], added: [String] = []
        func flush() {
            out += removed.map { .delete($0) } + added.map { .insert($0) }
            removed.removeAll()
            added.removeAll()
        }
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                out.append(.equal(a[i]))
                i += 1
                j += 1
            } else if j < m, i == n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j] {
                added.append(b[j])
                j += 1
            } else {
                removed.append(a[i])
                i += 1
            }
        }
        flush()
        return out
    }

    /// The runs of same, removed and added words.
    public var segments: [Segment] {
        var segments: [Segment] = []
        for op in ops {
            let (kind, word): (Kind, String) = switch op {
            case .equal(let w): (.same, w)
            case .delete(let w): (.removed, w)
            case .insert(let w): (.added, w)
            }
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(Segment(kind: kind, text: word))
            }
        }
        return segments
    }

    /// True when the texts were identical word for word.
    public var isEmpty: Bool { ops.allSatisfy { if case .equal = $0 { true } else { false } } }

    /// The words removed, run by run.
    public var removals: [String] { segments.filter { $0.kind == .removed }.map(\.text) }
    /// The words added, run by run.
    public var additions: [String] { segments.filter { $0.kind == .added }.map(\.text) }

    /// The changed runs: what was removed and what was put instead.
    public var differences: [WordDifference] { WordDifference.grouped(ops) }

    /// wdiff notation: `same [-removed-] {+added+} same`.
    public var wdiff: String {
        segments.map { s in
            switch s.kind {
            case .same: s.text
            case .removed: "[-\(s.text)-]"
            case .added: "{+\(s.text)+}"
            }
        }.joined(separator: " ")
    }

    /// wdiff's notation, `[-removed-]{+inserted+}`, or with ANSI colour (removed red and
    /// struck through, inserted green) for a terminal; lines wrapped at `width` visible
    /// columns.
    public func rendered(color: Bool, width: Int = 72) -> String {
        // (visible text, text with markers or escapes) per word.
        var tokens: [(visible: String, shown: String)] = []
        var removed: [String] = [], inserted: [String] = []
        func run(_ words: [String], open: String, close: String, colour: String) {
            for (i, w) in words.enumerated() {
                if color {
                    tokens.append((w, "\u{1B}[\(colour)m\(w)\u{1B}[0m"))
                } else {
                    let shown = (i == 0 ? open : "") + w + (i == words.count - 1 ? close : "")
                    tokens.append((shown, shown))
                }
            }
        }
        func flush() {
            run(removed, open: "[-", close: "-]", colour: "31;9")
            run(inserted, open: "{+", close: "+}", colour: "32")
            removed = []; inserted = []
        }
        for op in ops {
            switch op {
            case .equal(let w): flush(); tokens.append((w, w))
            case .delete(let w): removed.append(w)
            case .insert(let w): inserted.append(w)
            }
        }
        flush()
        var lines: [String] = []
        var line = "", length = 0
        for token in tokens {
            if length > 0, length + 1 + token.visible.count > width {
                lines.append(line)
                line = ""; length = 0
            }
            if length > 0 { line += " "; length += 1 }
            line += token.shown
            length += token.visible.count
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

/// A word-level difference between two texts: the words removed and those put instead.
public struct WordDifference: Hashable, Sendable, CustomStringConvertible {
    public var removed: [String]
    public var inserted: [String]

    public init(removed: [String], inserted: [String]) {
        self.removed = removed
        self.inserted = inserted
    }

    /// `"though" -> "although"`, `"example" -> "example,"`, `+ "word"`, `- "word"`.
    public var description: String {
        let r = removed.joined(separator: " "), i = inserted.joined(separator: " ")
        if removed.isEmpty { return "+ \"\(i)\"" }
        if inserted.isEmpty { return "- \"\(r)\"" }
        return "\"\(r)\" -> \"\(i)\""
    }

    /// Runs of consecutive changes in an edit script, one difference each.
    package static func grouped(_ ops: [EditOp<String>]) -> [WordDifference] {
        var out: [WordDifference] = []
        var current: WordDifference?
        for op in ops {
            switch op {
            case .equal:
                if let c = current { out.append(c); current = nil }
            case .delete(let w):
                if current == nil { current = WordDifference(removed: [], inserted: []) }
                current!.removed.append(w)
            case .insert(let w):
                if current == nil { current = WordDifference(removed: [], inserted: []) }
                current!.inserted.append(w)
            }
        }
        if let c = current { out.append(c) }
        return out
    }
}
