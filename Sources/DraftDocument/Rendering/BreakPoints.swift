/// Where text may break, found in one pass: what xml2rfc's `wordsep_re` (and its table
/// cells' splitter) finds, without the regex. ICU backtracks on `[^\s-]*\w+/` and
/// `[^\s-]*\w+[^0-9\s]-`: for each start in a long word it tries every split of the word,
/// so one 1000-character token took 16 s. Each alternative here is decided from the run
/// of non-space, non-hyphen characters it starts in, which is computed once per run.
///
/// The result is the regex's, match for match (leftmost match, alternatives in order,
/// greedy): `BreakPointsTests` compares the two on random text. `\w` and `\s` are ICU's:
/// `\w` is alphabetic, marks, decimal digits, connector punctuation and the joiners;
/// `\s` is Unicode's White_Space (U+000B and U+0085 included, as the comparison showed).
struct BreakPoints {
    enum Alternative {
        /// `[ \t\n\r\f\v]+` (ICU's `\v`: line feed to carriage return, U+0085, U+2028, U+2029)
        case blanks
        /// `[^\s-]*\w+/(?=[A-Za-z]\w*)`
        case afterSlash
        /// `[^\s-]*\w+[^0-9\s]-(?=\w+[^0-9\s])`, or `(?=\w+)` when not `strict`.
        case afterHyphen(strict: Bool)
        /// `\u200b`
        case zeroWidthSpace
        /// `\u2028`
        case lineSeparator
        /// `(?<=[\w\!"'\&\.\,\?])-{2,}(?=\w)`
        case dashes
    }

    /// The alternatives in the order the regex tries them.
    let alternatives: [Alternative]
    /// The group's negative lookahead: no break right before these.
    let notBefore: Set<Unicode.Scalar>

    /// xml2rfc's `wordsep_re` (TextFill.wrap).
    static let words = BreakPoints(alternatives: [.blanks, .afterSlash, .afterHyphen(strict: true), .zeroWidthSpace, .dashes],
                                   notBefore: ["\u{00A0}", "\u{2060}", "\u{E060}"])
    /// Table cells (xml2rfc's TextSplitter); its character class also holds a literal '|'.
    static let cells = BreakPoints(alternatives: [.blanks, .afterSlash, .zeroWidthSpace, .lineSeparator, .dashes],
                                   notBefore: ["\u{00A0}", "|", "\u{2060}", "\u{E060}"])
    static let cellsWithHyphens = BreakPoints(alternatives: [.blanks, .afterSlash, .zeroWidthSpace, .lineSeparator, .afterHyphen(strict: false), .dashes],
                                              notBefore: ["\u{00A0}", "|", "\u{2060}", "\u{E060}"])

    /// Python's `re.split` with a capturing group, empty pieces dropped: the text between
    /// breaks and the breaks themselves, in order.
    func split(_ text: String) -> [String] {
        let c = Array(text.unicodeScalars)
        // Pieces are cut from the text's UTF-8, not rebuilt from scalars: in ASCII text a
        // scalar's position is its byte offset; otherwise by index (an index per scalar).
        let utf8 = Array(text.utf8)
        let index: [String.Index] = utf8.count == c.count ? [] : Array(text.unicodeScalars.indices) + [text.endIndex]
        var out: [String] = []
        func piece(_ from: Int, _ to: Int) -> String {
            index.isEmpty ? String(decoding: utf8[from..<to], as: UTF8.self) : String(text.unicodeScalars[index[from]..<index[to]])
        }
        var scanner = Scanner(c: c, rule: self)
        var last = 0
        var p = 0
        while p < c.count {
            if let end = scanner.match(at: p) {
                if p > last { out.append(piece(last, p)) }
                out.append(piece(p, end))
                last = end
                p = end
            } else {
                p += 1
            }
        }
        if last < c.count { out.append(piece(last, c.count)) }
        return out
    }

    private struct Scanner {
        let c: [Unicode.Scalar]
        let rule: BreakPoints
        /// The run of `[^\s-]` characters last looked at: where it ends, and the end of
        /// the longest after-slash match inside it (nil: none).
        var runStart = -1
        var runEnd = -1
        var slashEnd: Int?

        init(c: [Unicode.Scalar], rule: BreakPoints) {
            self.c = c
            self.rule = rule
        }

        mutating func match(at p: Int) -> Int? {
            for alternative in rule.alternatives {
                if let end = match(alternative, at: p) { return end }
            }
            return nil
        }

        func allowed(before q: Int) -> Bool { q >= c.count || !rule.notBefore.contains(c[q]) }

        mutating func match(_ alternative: Alternative, at p: Int) -> Int? {
            switch alternative {
            case .blanks:
                guard Self.isBlank(c[p]) else { return nil }
                var b = p
                while b < c.count, Self.isBlank(c[b]) { b += 1 }
                // Greedy, backing off one blank when the lookahead refuses the end (blanks
                // inside the run are never refused).
                if allowed(before: b) { return b }
                return b - 1 > p ? b - 1 : nil
            case .afterSlash:
                let e = runEnd(from: p)
                guard let q = slashEnd, q - 2 >= p, q <= e else { return nil }
                return q
            case .afterHyphen(let strict):
                let e = runEnd(from: p)
                guard e < c.count, c[e] == "-", e - 1 >= p else { return nil }
                // [^\s-]*\w+ then [^0-9\s] then '-': either the word ends the run and its
                // hyphen is the class character (two hyphens), or the run's last character
                // is the class character after a word character.
                if e + 1 < c.count, c[e + 1] == "-", Self.isWord(c[e - 1]), lookahead(at: e + 2, strict: strict) { return e + 2 }
                if e - 2 >= p, Self.isWord(c[e - 2]), !Self.isSpace(c[e - 1]), !Self.isASCIIDigit(c[e - 1]), lookahead(at: e + 1, strict: strict) { return e + 1 }
                return nil
            case .zeroWidthSpace:
                return c[p] == "\u{200B}" && allowed(before: p + 1) ? p + 1 : nil
            case .lineSeparator:
                return c[p] == "\u{2028}" && allowed(before: p + 1) ? p + 1 : nil
            case .dashes:
                guard c[p] == "-", p > 0, Self.isWord(c[p - 1]) || "!\"'&.,?".unicodeScalars.contains(c[p - 1]) else { return nil }
                var q = p
                while q < c.count, c[q] == "-" { q += 1 }
                guard q - p >= 2, q < c.count, Self.isWord(c[q]) else { return nil }
                return q
            }
        }

        /// `(?=\w+[^0-9\s])` (strict) or `(?=\w+)` at `q`.
        func lookahead(at q: Int, strict: Bool) -> Bool {
            guard q < c.count, Self.isWord(c[q]) else { return false }
            guard strict else { return true }
            var j = q + 1
            while j < c.count, Self.isWord(c[j]) {
                if !Self.isASCIIDigit(c[j]) { return true }
                j += 1
            }
            return j < c.count && !Self.isSpace(c[j])
        }

        /// The end of the `[^\s-]` run `p` is in (p itself when `c[p]` is a space or hyphen),
        /// with the run's longest after-slash match.
        mutating func runEnd(from p: Int) -> Int {
            if p >= runStart && p < runEnd { return runEnd }
            var e = p
            while e < c.count, !Self.isSpace(c[e]), c[e] != "-" { e += 1 }
            runStart = p
            runEnd = e
            slashEnd = nil
            var q = e - 1
            while q >= p + 2 {
                if c[q - 1] == "/", Self.isWord(c[q - 2]), Self.isASCIILetter(c[q]) { slashEnd = q; break }
                q -= 1
            }
            return e
        }

        /// `[ \t\n\r\f\v]`: in ICU `\v` is every vertical space, U+0085, U+2028 and U+2029 too.
        static func isBlank(_ s: Unicode.Scalar) -> Bool {
            switch s {
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
            default: return false
            }
        }

        static func isSpace(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? s == " " || (s.value >= 0x09 && s.value <= 0x0D) : s.properties.isWhitespace
        }

        static func isWord(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII {
                let v = s.value
                return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || v == 0x5F
            }
            if s == "\u{200C}" || s == "\u{200D}" { return true }
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return s.properties.isAlphabetic
            }
        }

        static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { s.value < 0x80 && (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) }
    }
}
