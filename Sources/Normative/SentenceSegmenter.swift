/// Splits RFC prose into sentences. Rules, each for a habit of RFC text:
/// - a sentence ends at `.`, `?` or `!` (after any closing quotes and brackets) that is
///   followed by white space and then something that can start a sentence (not a
///   lowercase letter: "e.g. the", "etc. and", "... or" continue);
/// - abbreviations that never end a sentence ("e.g.", "i.e.", "cf.", "et al."), those of
///   what a number follows before a number or citation ("Sec. 3", "Fig. 2", "No. 5", "Ref.
///   [3]"), titles written with their capital ("Dr. Smith"), and dotted initialisms
///   ("U.S.") do not end one either;
/// - numbers with dots ("3.13.1", "v2.0", "192.0.2.1") are not followed by white space, so
///   they never end one; "Section 2.9." at the end of a sentence does;
/// - a citation before the period ("[RFC2119].") is part of the sentence it ends;
/// - an ellipsis standing alone (" ... ") is an omission, not an end, and a terminator
///   quoted as a character ("'!'", "\".\"") is named, not used, as is the dot that ends a
///   quoted name ("\".local.\" MUST be");
/// - a parenthesised or bracketed passage is never split ("(See Section 3. It lists...)"),
///   so a whole parenthesised sentence stays one, ended by its closing parenthesis.
public enum SentenceSegmenter {
    public static func sentences(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return sentenceRanges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The sentences' byte ranges, trimmed of surrounding white space, in order.
    public static func sentenceRanges(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer(sentenceRanges)
    }

    static func sentenceRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = bytes.count
        let enclosed = enclosedRanges(bytes)
        var nextEnclosed = 0
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        // The opener of the passage skipped last, and where it closes.
        var opener = -1, closer = -1
        while i < n {
            while nextEnclosed < enclosed.count, enclosed[nextEnclosed].upperBound <= i { nextEnclosed += 1 }
            if nextEnclosed < enclosed.count, enclosed[nextEnclosed].lowerBound <= i {
                opener = enclosed[nextEnclosed].lowerBound - 1
                closer = enclosed[nextEnclosed].upperBound
                i = closer
                continue
            }
            var b = bytes[i]
            var closesParenthesis = false
            if (b == 0x29 || b == 0x5D), i > 0, isTerminator(bytes[i - 1]) {
                // "(A whole sentence in parentheses.)" ends at its closing parenthesis, and
                // so, mostly, does one opened inside a sentence: "(see 5.1.15.) Each method
                // MUST". Not when the sentence's keyword comes next ("(invalid ID,
                // untrusted certificate issuer, etc.) SHOULD result in", RFC 7296 2.21.2),
                // nor after an omission ("Responder's SPI [...] This value MUST be zero").
                if closer == i, opener > start, isOmission(bytes, opener + 1..<i) || startsWithKeyword(bytes, after: i + 1) {
                    i += 1
                    continue
                }
                closesParenthesis = true
                b = bytes[i - 1]
            } else if !isTerminator(b) || isQuotedCharacter(bytes, i) {
                i += 1
                continue
            }
            // A run of dots is judged at its last dot.
            if b == 0x2E, !closesParenthesis, i + 1 < n, bytes[i + 1] == 0x2E { i += 1; continue }
            var end = i + 1
            while end < n, isCloser(bytes, end) { end += closerLength(bytes, end) }
            guard end == n || Bytes.isSpace(bytes[end]) else { i += 1; continue }
            var next = end
            while next < n, Bytes.isSpace(bytes[next]) { next += 1 }
            if next < n, !canStartSentence(bytes[next]) { i = end; continue }
            if b == 0x2E, !closesParenthesis, !endsSentence(bytes, dotAt: i, sentenceStart: start, before: next) || isQuotedName(bytes, dotAt: i) { i = end; continue }
            append(start..<end, bytes, to: &out)
            start = next
            i = next
        }
        append(start..<n, bytes, to: &out)
        return out
    }

    /// Abbreviations that never end a sentence, lowercased, without their final dot.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "cf", "vs", "viz", "al", "approx", "resp", "incl", "esp",
    ]
    /// Abbreviations of what a number follows ("No. 5", "Fig. 3", "pp. 10-12", "Ref. [3]"):
    /// only before a digit, "[" or "(". They are words too, and end sentences as words:
    /// "... to either yes or no. Clients MUST ..." (draft-ietf-cat-kerberos-set-passwd-06).
    static let numberAbbreviations: Set<String> = [
        "sec", "secs", "fig", "figs", "no", "nos", "eq", "eqs", "ref", "refs", "vol", "pp", "ch", "art", "para",
    ]
    /// Titles before a name, only as written with a capital: "Mr.", "Dr.", "St."; "ms." is
    /// also milliseconds ("The default is 500 ms. The timer ...").
    static let titleAbbreviations: Set<String> = ["mr", "ms", "dr", "st"]

    /// `next`: where the text after the dot's white space starts.
    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, dotAt dot: Int, sentenceStart: Int, before next: Int) -> Bool {
        // The word before the dot run.
        var runStart = dot
        while runStart > sentenceStart, bytes[runStart - 1] == 0x2E { runStart -= 1 }
        var wordStart = runStart
        while wordStart > sentenceStart, !Bytes.isSpace(bytes[wordStart - 1]), bytes[wordStart - 1] != 0x28 {
            wordStart -= 1
        }
        if runStart < dot {
            // An ellipsis: an end only when it follows a word ("and so on...").
            return wordStart < runStart
        }
        let word = bytes[wordStart..<dot]
        guard !word.isEmpty else { return true }
        if word.count <= 8 {
            let lowered = String(decoding: word.map(Bytes.lower), as: UTF8.self)
            if abbreviations.contains(lowered) { return false }
            if numberAbbreviations.contains(lowered), next < bytes.count, Bytes.isDigit(bytes[next]) || bytes[next] == 0x5B || bytes[next] == 0x28 { return false }
            if titleAbbreviations.contains(lowered), Bytes.isUpper(word[word.startIndex]) { return false }
        }
        // "U.S." and "e.g." typed with other letters: single letters between dots.
        if word.contains(0x2E) {
            let parts = word.split(separator: 0x2E, omittingEmptySubsequences: false)
            if parts.allSatisfy({ $0.count == 1 && Bytes.isLetter($0.first!) }) { return false }
        }
        return true
    }

    /// A terminator quoted as a character of its own, not ending anything: "the part before
    /// the (non-escaped) '!' MUST be" (RFC 7542 3.3.1), "a '.' separates labels".
    private static func isQuotedCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 1, i + 1 < bytes.count else { return false }
        let quote = bytes[i - 1]
        guard quote == 0x22 || quote == 0x27, bytes[i + 1] == quote else { return false }
        return i == 1 || Bytes.isSpace(bytes[i - 2]) || bytes[i - 2] == 0x28
    }

    /// A dot that ends a quoted name, not a sentence: the quotes hold one word with another
    /// dot in it or before it (".local.", "254.169.in-addr.arpa.", RFC 6762 3), as the RFC
    /// style guide keeps a literal's own dot inside its quotes. "protect." ends a sentence.
    private static func isQuotedName(_ bytes: UnsafeBufferPointer<UInt8>, dotAt dot: Int) -> Bool {
        guard dot + 1 < bytes.count else { return false }
        let quote = bytes[dot + 1]
        guard quote == 0x22 || quote == 0x27 else { return false }
        var k = dot - 1
        var dotted = false
        while k >= 0, dot - k <= 255 {
            let b = bytes[k]
            if b == quote { return dotted && k + 1 < dot }
            if Bytes.isSpace(b) { return false }
            if b == 0x2E { dotted = true }
            k -= 1
        }
        return false
    }

    /// Dots alone between brackets: "[...]" marks words left out of a quotation.
    private static func isOmission(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { bytes[$0] == 0x2E }
    }

    /// The word after the white space from `index` is a BCP 14 keyword, which continues a
    /// sentence rather than starting one.
    private static func startsWithKeyword(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        var start = index
        while start < bytes.count, Bytes.isSpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, Bytes.isUpper(bytes[end]) { end += 1 }
        guard end - start >= 3, end == bytes.count || !Bytes.isWord(bytes[end]) else { return false }
        return keywordFirstWords.contains(Array(bytes[start..<end]))
    }

    /// The first words of the BCP 14 phrases ("NOT" of "NOT RECOMMENDED" is left out).
    private static let keywordFirstWords: Set<[UInt8]> = Set(BCP14Keyword.allCases.compactMap { keyword in
        let first = keyword.rawValue.prefix(while: { $0 != " " })
        return first == "NOT" ? nil : Array(first.utf8)
    })

    @inline(__always) private static func isTerminator(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x3F || b == 0x21
    }

    private static func canStartSentence(_ b: UInt8) -> Bool {
        !Bytes.isLower(b)
    }

    private static func isCloser(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { return true }
        return i + 2 < bytes.count && b == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99)
    }

    private static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { bytes[i] == 0xE2 ? 3 : 1 }

    /// The stretches strictly inside matched () or [] pairs, outermost only, in order. A
    /// closer matches the nearest opener of its kind and drops the openers of the other
    /// kind above it.
    ///
    /// Linear: each kind waits on a stack of its own (a closer finds its opener at the top,
    /// not by scanning past the other kind: 100,000 "[" then ")" took 2.4 s), and a pair
    /// takes the place of the pairs inside it (marking each pair's inside byte by byte was
    /// quadratic in the nesting depth).
    static func enclosedRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parentheses: [Int] = [], brackets: [Int] = []
        var out: [Range<Int>] = []
        for i in 0..<bytes.count {
            let b = bytes[i]
            switch b {
            case 0x28: parentheses.append(i)
            case 0x5B: brackets.append(i)
            case 0x29, 0x5D:
                let isParenthesis = b == 0x29
                guard let from = isParenthesis ? parentheses.popLast() : brackets.popLast() else { continue }
                if isParenthesis {
                    while let last = brackets.last, last > from { brackets.removeLast() }
                } else {
                    while let last = parentheses.last, last > from { parentheses.removeLast() }
                }
                guard from + 1 < i else { continue }
                while let last = out.last, last.lowerBound > from { out.removeLast() }
                out.append((from + 1)..<i)
            default: continue
            }
        }
        return out
    }

    private static func append(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [Range<Int>]) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, Bytes.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, Bytes.isSpace(bytes[hi - 1]) { hi -= 1 }
        if lo < hi { out.append(lo..<hi) }
    }
}
