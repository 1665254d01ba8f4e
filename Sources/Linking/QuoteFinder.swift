import Foundation

/// How a claim's quote was found in a text.
public enum MatchKind: String, Hashable, Sendable, Codable {
    /// Character for character.
    case exact
    /// After folding white space (line breaks, indentation, xml2rfc's two spaces after a
    /// period) and straightening curly quotes.
    case normalized
    /// Only approximately: the document's words differ. Reports say so; a fuzzy link is stale.
    case fuzzy
}

/// Where a quote was found: a range of UTF-8 offsets in the searched text's normalised
/// form (`QuoteFinder.normalize`), and how.
public struct QuoteMatch: Hashable, Sendable, Codable {
    public var kind: MatchKind
    /// 1.0 for exact and normalised matches; 1 - edit distance / quote length for fuzzy.
    public var score: Double
    /// Byte range in the normalised text.
    public var range: Range<Int>
    /// What the text says there (normalised): shown next to the quote when fuzzy.
    public var matchedText: String

    public init(kind: MatchKind, score: Double, range: Range<Int>, matchedText: String) {
        self.kind = kind
        self.score = score
        self.range = range
        self.matchedText = matchedText
    }

    /// "exact", "normalized", "fuzzy (0.93)".
    public var label: String {
        kind == .fuzzy ? "fuzzy (\(String(format: "%.2f", score)))" : kind.rawValue
    }
}

/// Finds a quote in a plain string: exact, then white-space normalised, then fuzzy
/// (approximate substring match by edit distance, Sellers' algorithm), each labelled.
public enum QuoteFinder {
    /// Fuzzy matches scoring below this are not matches.
    public static let minimumFuzzyScore = 0.85

    /// White space folded to single spaces, ends trimmed, curly quotes and typographic
    /// hyphens straightened: the form rendered text and source text compare in. White space
    /// is Unicode's White_Space (what `Unicode.Scalar.Properties.isWhitespace` answers),
    /// found in the UTF-8 bytes: asking each scalar's properties was half of `check` on a
    /// large draft.
    public static func normalize(_ text: some StringProtocol) -> String {
        if let done = text.utf8.withContiguousStorageIfAvailable({ normalize(utf8: $0) }) { return done }
        var copy = String(text)
        return copy.withUTF8 { normalize(utf8: $0) }
    }

    private static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        // Never longer than the input: a replacement is no longer than what it replaces.
        return String(unsafeUninitializedCapacity: n) { out in
            var c = 0
            var pendingSpace = false
            var i = 0
            func put(_ b: UInt8) {
                if pendingSpace { out[c] = 0x20; c += 1; pendingSpace = false }
                out[c] = b
                c += 1
            }
            while i < n {
                let b = bytes[i]
                var length = 1
                var replacement: UInt8?
                var space = false
                switch b {
                case 0x09...0x0D, 0x20: space = true
                case 0xC2 where i + 1 < n:
                    length = 2
                    space = bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0
                case 0xE1 where i + 2 < n:
                    length = 3
                    space = bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80  // U+1680
                case 0xE2 where i + 2 < n:
                    length = 3
                    let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                    if b1 == 0x80 {
                        switch b2 {
                        case 0x80...0x8A, 0xA8, 0xA9, 0xAF: space = true  // U+2000-200A, 2028, 2029, 202F
                        case 0x90, 0x91: replacement = 0x2D  // U+2010, U+2011
                        case 0x98, 0x99: replacement = 0x27  // U+2018, U+2019
                        case 0x9C, 0x9D: replacement = 0x22  // U+201C, U+201D
                        default: break
                        }
                    } else if b1 == 0x81, b2 == 0x9F {
                        space = true  // U+205F
                    }
                case 0xE3 where i + 2 < n:
                    length = 3
                    space = bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80  // U+3000
                default: break
                }
                if space {
                    pendingSpace = c > 0
                } else if let replacement {
                    put(replacement)
                } else {
                    for k in i..<(i + length) { put(bytes[k]) }
                }
                i += length
            }
            return c
        }
    }

    /// Finds `quote` in `text`; the range returned is in `normalize(text)`.
    public static func find(_ quote: String, in text: String) -> QuoteMatch? {
        find(quote, inNormalized: normalize(text), raw: text)
    }

    /// As `find(_:in:)` when the caller already holds the normalised text.
    public static func find(_ quote: String, inNormalized normalizedText: String, raw: String? = nil) -> QuoteMatch? {
        let nq = normalize(quote)
        guard !nq.isEmpty else { return nil }
        if let r = normalizedText.utf8Range(of: nq) {
            let kind: MatchKind = (raw ?? normalizedText).contains(quote) ? .exact : .normalized
            return QuoteMatch(kind: kind, score: 1, range: r, matchedText: nq)
        }
        return fuzzy(nq, in: normalizedText)
    }

    /// The best approximate occurrence of `quote` in `text` (both normalised), or nil when
    /// its score is below `minimumFuzzyScore`. O(|quote| x |text|) over Unicode scalars,
    /// after a word-overlap filter that skips texts that cannot match.
    public static func fuzzy(_ quote: String, in text: String) -> QuoteMatch? {
        let p = quote.unicodeScalars.map(\.value)
        let tScalars = Array(text.unicodeScalars)
        let t = tScalars.map(\.value)
        let m = p.count
        guard m > 0, !t.isEmpty else { return nil }
        let maxErrors = Int(Double(m) * (1 - minimumFuzzyScore))
        let quoteWords = Set(quote.lowercased().split(separator: " "))
        let textWords = Set(text.lowercased().split(separator: " "))
        guard Double(quoteWords.intersection(textWords).count) >= 0.5 * Double(quoteWords.count) else { return nil }
        // cost[i]: edits to match p[0..<i] ending at the current text position, with a free
        // start in the text; from[i]: where in the text that alignment starts.
        var prevCost = Array(0...m), cost = Array(repeating: 0, count: m + 1)
        var prevFrom = Array(repeating: 0, count: m + 1), from = Array(repeating: 0, count: m + 1)
        var best = (cost: Int.max, start: 0, end: 0)
        for j in 1...t.count {
            cost[0] = 0
            from[0] = j
            prevFrom[0] = j - 1
            for i in 1...m {
                let substitute = prevCost[i - 1] + (p[i - 1] == t[j - 1] ? 0 : 1)
                let skipText = prevCost[i] + 1
                let skipQuote = cost[i - 1] + 1
                if substitute <= skipText && substitute <= skipQuote {
                    cost[i] = substitute; from[i] = prevFrom[i - 1]
                } else if skipText <= skipQuote {
                    cost[i] = skipText; from[i] = prevFrom[i]
                } else {
                    cost[i] = skipQuote; from[i] = from[i - 1]
                }
            }
            if cost[m] < best.cost { best = (cost[m], from[m], j) }
            swap(&prevCost, &cost)
            swap(&prevFrom, &from)
        }
        guard best.cost <= maxErrors else { return nil }
        let lo = min(best.start, tScalars.count), hi = max(lo, min(best.end, tScalars.count))
        let matched = String(String.UnicodeScalarView(tScalars[lo..<hi]))
        let byteStart = String(String.UnicodeScalarView(tScalars[0..<lo])).utf8.count
        return QuoteMatch(kind: .fuzzy, score: 1 - Double(best.cost) / Double(m),
                          range: byteStart..<(byteStart + matched.utf8.count), matchedText: matched)
    }
}

extension String {
    /// The UTF-8 offsets of the first occurrence of `needle`.
    func utf8Range(of needle: String) -> Range<Int>? {
        guard let r = range(of: needle) else { return nil }
        let lo = utf8.distance(from: startIndex, to: r.lowerBound)
        return lo..<(lo + utf8.distance(from: r.lowerBound, to: r.upperBound))
    }
}
