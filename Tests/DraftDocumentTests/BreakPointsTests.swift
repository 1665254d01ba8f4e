import Foundation
import Testing
@testable import DraftDocument

/// `BreakPoints` replaces xml2rfc's word-separator regexes (ICU backtracked on them: one
/// 1000-character token took 16 s); these tests hold the regexes as the reference and
/// compare the two on random text over the characters the regexes treat specially.
@Suite struct BreakPointsTests {
    static let wordSeparator = try! NSRegularExpression(pattern:
        "([ \\t\\n\\r\\f\\v]+|[^\\s-]*\\w+/(?=[A-Za-z]\\w*)|[^\\s-]*\\w+[^0-9\\s]-(?=\\w+[^0-9\\s])|\\u200b|(?<=[\\w\\!\"'\\&\\.\\,\\?])-{2,}(?=\\w))(?![\\u00A0\\u2060\\uE060])")
    static let cellSeparator = try! NSRegularExpression(pattern:
        "([ \\t\\n\\r\\f\\v]+|[^\\s-]*\\w+/(?=[A-Za-z]\\w*)|\\u200b|\\u2028|(?<=[\\w\\!\"'\\&\\.\\,\\?])-{2,}(?=\\w))(?![\\u00A0|\\u2060|\\uE060])")
    static let cellSeparatorWithHyphens = try! NSRegularExpression(pattern:
        "([ \\t\\n\\r\\f\\v]+|[^\\s-]*\\w+/(?=[A-Za-z]\\w*)|\\u200b|\\u2028|[^\\s-]*\\w+[^0-9\\s]-(?=\\w+)|(?<=[\\w\\!\"'\\&\\.\\,\\?])-{2,}(?=\\w))(?![\\u00A0|\\u2060|\\uE060])")

    /// Python's `re.split` with a capturing group, empty pieces dropped, by the regex.
    static func regexSplit(_ s: String, _ separator: NSRegularExpression) -> [String] {
        let ns = s as NSString
        var out: [String] = []
        var last = 0
        for m in separator.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            if m.range.location > last { out.append(ns.substring(with: NSRange(location: last, length: m.range.location - last))) }
            if m.range.length > 0 { out.append(ns.substring(with: m.range)) }
            last = m.range.location + m.range.length
        }
        if last < ns.length { out.append(ns.substring(from: last)) }
        return out
    }

    /// Letters, digits, the separators, the no-break characters, punctuation the
    /// lookbehind names, a combining mark, a non-ASCII letter and digit, U+0085.
    static let alphabet: [String] = ["a", "B", "z", "1", "0", "_", "/", "-", "-", " ", " ", "\t", "\u{0B}", "\u{85}", "\u{00A0}", "\u{200B}",
                                     "\u{2060}", "\u{E060}", "\u{2028}", "\u{2029}", "|", ".", ",", "!", "?", "'", "\"", "&", ";", "é", "\u{301}", "\u{663}", "\u{3000}", "x"]

    @Test(arguments: [("words", 0), ("cells", 1), ("cellsWithHyphens", 2)])
    func splitsAsTheRegexDoesOnRandomText(rule: String, which: Int) {
        let (regex, points) = [(Self.wordSeparator, BreakPoints.words), (Self.cellSeparator, BreakPoints.cells),
                               (Self.cellSeparatorWithHyphens, BreakPoints.cellsWithHyphens)][which]
        var state: UInt64 = 0x9E3779B97F4A7C15 &+ UInt64(which)
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let text = (0..<next(24)).map { _ in Self.alphabet[next(Self.alphabet.count)] }.joined()
            let expected = Self.regexSplit(text, regex), got = points.split(text)
            if expected != got { mismatches.append("\(text.unicodeScalars.map { String($0.value, radix: 16) }): regex \(expected.map { $0.unicodeScalars.map { String($0.value, radix: 16) } }) got \(got.map { $0.unicodeScalars.map { String($0.value, radix: 16) } })") }
        }
        #expect(mismatches.isEmpty, "\(rule): \(mismatches.count) texts split differently, e.g. \(mismatches.prefix(3).joined(separator: " | "))")
    }

    @Test(arguments: ["Selector-initiator and/or a--b", "http://example.com/a-b/c", "x/1-2 now", "A\u{00A0}B  C\u{2060}D", "--a 1-b ab-12x"])
    func splitsAsTheRegexDoesOnProse(text: String) {
        #expect(BreakPoints.words.split(text) == Self.regexSplit(text, Self.wordSeparator))
    }

    /// The token of issue 17 D6 and ten times longer: linear, not cubic.
    @Test func aLongTokenSplitsInLinearTime() {
        let token = String(repeating: "x", count: 10_000) + "/1-2"
        #expect(BreakPoints.words.split("send " + token + " now") == ["send", " ", token, " ", "now"])
    }
}

/// TextFill's sentence-end test, written by hand for speed, against the regex it replaced.
@Suite struct SentenceEndTests {
    static let regex = try! NSRegularExpression(pattern: "[A-Za-z0-9\\>\\]\\)\"'][\\.\\!\\?][\"'\\)\\]]?\\z")

    @Test func agreesWithTheRegexOnEveryShortTail() {
        let alphabet: [String] = ["a", "Z", "5", ">", "]", ")", "\"", "'", ".", "!", "?", " ", "-", "é", ","]
        var tails = [""]
        for _ in 0..<4 { tails = tails.flatMap { t in alphabet.map { t + $0 } } }
        let disagreements = tails.filter { t in
            (Self.regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil) != TextFill.endsLikeASentence(t)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
