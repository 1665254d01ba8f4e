/// A word-level diff of two sentences: what GNU wdiff shows as `[-old-]{+new+}`.
public struct WordDiff: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case same, removed, added }

    public struct Segment: Hashable, Sendable, Codable {
        public var kind: Kind
        /// The words of the run, joined by single spaces.
        public var text: String
    }

    public var segments: [Segment]

    /// Words are white-space separated tokens (punctuation stays with its word, as wdiff
    /// does); the alignment is a longest common subsequence, removals before additions.
    public init(old: String, new: String) {
        let a = old.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        let b = new.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        // Common prefix and suffix first: edits are usually small.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var ops: [(Kind, String)] = a[..<prefix].map { (.same, $0) }
        ops += Self.align(midA, midB)
        ops += a[(a.count - suffix)...].map { (.same, $0) }
        var segments: [Segment] = []
        for (kind, word) in ops {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(Segment(kind: kind, text: word))
            }
        }
        self.segments = segments
    }

    private static func align(_ a: [String], _ b: [String]) -> [(Kind, String)] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { (.added, $0) } }
        if m == 0 { return a.map { (.removed, $0) } }
        // lcs[i][j]: LCS length of a[i...] and b[j...], flattened.
        var lcs = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] = a[i] == b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        var out: [(Kind, String)] = []
        var i = 0, j = 0
        var removed: [String] = [], added: [String] = []
        func flush() {
            out += removed.map { (.removed, $0) } + added.map { (.added, $0) }
            removed.removeAll()
            added.removeAll()
        }
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                out.append((.same, a[i]))
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

    /// True when the texts were identical word for word.
    public var isEmpty: Bool { segments.allSatisfy { $0.kind == .same } }

    /// The words removed, run by run.
    public var removals: [String] { segments.filter { $0.kind == .removed }.map(\.text) }
    /// The words added, run by run.
    public var additions: [String] { segments.filter { $0.kind == .added }.map(\.text) }

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
}
