import Foundation

/// xml2rfc's line filling (its `TextWrapper` subclass over Python's textwrap): ASCII
/// white space folded, runs of spaces reduced except after a sentence end, two spaces
/// after a sentence end, breaks allowed after hyphens and slashes inside words and at
/// zero-width spaces, never at a no-break space, word joiner or non-breaking hyphen.
/// Written from the behaviour of xml2rfc 3.34.1 (xml2rfc/utils.py), not its code.
enum TextFill {
    /// Where a line may break: white space, the end of a hyphenated or slash-joined word
    /// part, a zero-width space, an em-dash "--" (xml2rfc's `wordsep_re`).
    static let wordSeparator = try! NSRegularExpression(pattern:
        "([ \\t\\n\\r\\f\\v]+|"
        + "[^\\s-]*\\w+/(?=[A-Za-z]\\w*)|"
        + "[^\\s-]*\\w+[^0-9\\s]-(?=\\w+[^0-9\\s])|"
        + "\\u200b|"
        + "(?<=[\\w\\!\"'\\&\\.\\,\\?])-{2,}(?=\\w))"
        + "(?![\\u00A0\\u2060\\uE060])")

    /// xml2rfc's splitter for table cells (its TextSplitter): breaks at white space,
    /// after slash-joined words, at zero-width spaces and em-dashes, and, when a table is
    /// too wide otherwise, after hyphens too.
    static let cellSeparator = try! NSRegularExpression(pattern:
        "([ \\t\\n\\r\\f\\v]+|[^\\s-]*\\w+/(?=[A-Za-z]\\w*)|\\u200b|\\u2028|(?<=[\\w\\!\"'\\&\\.\\,\\?])-{2,}(?=\\w))(?![\\u00A0|\\u2060|\\uE060])")
    static let cellSeparatorWithHyphens = try! NSRegularExpression(pattern:
        "([ \\t\\n\\r\\f\\v]+|[^\\s-]*\\w+/(?=[A-Za-z]\\w*)|\\u200b|\\u2028|[^\\s-]*\\w+[^0-9\\s]-(?=\\w+)|(?<=[\\w\\!\"'\\&\\.\\,\\?])-{2,}(?=\\w))(?![\\u00A0|\\u2060|\\uE060])")

    /// The longest piece of `text` that a table cell cannot break (white space trimmed).
    static func longestWord(_ text: String, splittingHyphens: Bool) -> Int {
        guard !text.isEmpty else { return 0 }
        return split(text, at: splittingHyphens ? cellSeparatorWithHyphens : cellSeparator)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.count }.max() ?? 0
    }

    static let sentenceEnd = try! NSRegularExpression(pattern: "[A-Za-z0-9\\>\\]\\)\"'][\\.\\!\\?][\"'\\)\\]]?\\z")
    static let notSentenceEnd = try! NSRegularExpression(pattern:
        "(^|\\s)(\\.[\\]\\)'\"]*|([\\(\\[])?([A-Z][a-z][a-z]|Eq|[Cc]f|vs|resp|viz|ibid|[JS]r|M[rs]|Messrs|Mmes|Dr|Profs?|St|Lt|a\\.k\\.a|i\\.e|e\\.g)\\.)\\z")
    static let sentenceStart = try! NSRegularExpression(pattern: "^[\"'(\\[]*[A-Z]")
    static let collapseInner = try! NSRegularExpression(pattern: "([^.!?])  +")
    static let collapseAfterSentence = try! NSRegularExpression(pattern: "([.!?])   +")
    static let keepTogether = try! NSRegularExpression(pattern: "(Section|Appendix|Figure|Table) ")

    /// Lines of `text` filled to `width` columns, the first starting with `initial`, the
    /// others with `subsequent`. U+2028 (`<br/>`, `<vspace/>`, a comment's line) forces a
    /// line break; nothing between two breaks, or before the first, is an empty line (as
    /// in xml2rfc), nothing after the last is dropped.
    static func wrap(_ text: String, initial: String, subsequent: String, width: Int, fixSentenceEndings: Bool = true) -> [String] {
        if text.contains("\u{2028}") {
            var lines: [String] = []
            var parts = text.split(separator: "\u{2028}", omittingEmptySubsequences: false).map { $0.drop(while: { $0.isWhitespace }) }
            while let last = parts.last, last.isEmpty { parts.removeLast() }
            for part in parts {
                if part.isEmpty {
                    lines.append("")
                } else {
                    lines += wrap(String(part), initial: lines.isEmpty ? initial : subsequent, subsequent: subsequent, width: width, fixSentenceEndings: fixSentenceEndings)
                }
            }
            return lines
        }
        var s = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "\t", "\n", "\r", "\u{0B}", "\u{0C}": return " "
            default: return scalar
            }
        }))
        s = replace(collapseInner, in: s, with: "$1 ")
        s = replace(collapseAfterSentence, in: s, with: "$1  ")
        s = replace(keepTogether, in: s, with: "$1\u{00A0}")
        let maxWord = width - subsequent.count
        var chunks: [String] = []
        for chunk in split(s) {
            let visible = chunk.unicodeScalars.filter { !["\u{200B}", "\u{200C}", "\u{2060}", "\u{E060}"].contains($0) }
            if visible.count > maxWord {
                let loosened = String(String.UnicodeScalarView(visible)).replacingOccurrences(of: "\u{00A0}", with: " ")
                chunks += split(loosened)
            } else {
                chunks.append(String(String.UnicodeScalarView(visible)))
            }
        }
        if fixSentenceEndings { Self.fixSentenceEndings(&chunks) }
        return wrapChunks(chunks, initial: initial, subsequent: subsequent, width: width)
    }

    private static func replace(_ regex: NSRegularExpression, in s: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }

    private static func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Python's `re.split` with a capturing group, empty pieces dropped.
    private static func split(_ s: String, at separator: NSRegularExpression = wordSeparator) -> [String] {
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

    private static func fixSentenceEndings(_ chunks: inout [String]) {
        var i = 0
        while i < chunks.count - 2 {
            if chunks[i + 1] == " ", matches(sentenceEnd, chunks[i]), !matches(notSentenceEnd, chunks[i]), matches(sentenceStart, chunks[i + 2]) {
                chunks[i + 1] = "  "
                i += 2
            } else {
                i += 1
            }
        }
    }

    private static func isBlank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }

    private static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// Python textwrap's `_wrap_chunks` with break_long_words and break_on_hyphens.
    private static func wrapChunks(_ input: [String], initial: String, subsequent: String, width: Int) -> [String] {
        var chunks = Array(input.reversed())
        var lines: [String] = []
        while !chunks.isEmpty {
            var line: [String] = []
            var lineLength = 0
            let indent = lines.isEmpty ? initial : subsequent
            let available = max(1, width - length(indent))
            if let last = chunks.last, isBlank(last), !lines.isEmpty { chunks.removeLast() }
            while let next = chunks.last, lineLength + length(next) <= available {
                line.append(next)
                lineLength += length(next)
                chunks.removeLast()
            }
            if let next = chunks.last, length(next) > available {
                let spaceLeft = max(1, available - lineLength)
                let scalars = Array(next.unicodeScalars)
                var end = spaceLeft
                if scalars.count > spaceLeft, let hyphen = scalars[0..<spaceLeft].lastIndex(of: "-"), hyphen > 0, scalars[0..<hyphen].contains(where: { $0 != "-" }) {
                    end = hyphen + 1
                }
                line.append(String(String.UnicodeScalarView(scalars[0..<end])))
                chunks[chunks.count - 1] = String(String.UnicodeScalarView(scalars[end...]))
                if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
            }
            if let last = line.last, isBlank(last) { line.removeLast() }
            if !line.isEmpty {
                lines.append(indent + line.joined())
            } else if chunks.isEmpty == false && line.isEmpty {
                // A lone blank chunk at the start of the text: drop it and go on.
                continue
            }
        }
        return lines
    }

    /// URLs no longer than `width` kept on one line (xml2rfc's `urlkeep`): no break after
    /// their slashes, hyphens and colons.
    static func keepingURLs(_ text: String, width: Int) -> String {
        guard text.contains("http:") || text.contains("https:") else { return text }
        var out = ""
        for (i, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += " " }
            if let start = word.range(of: "http:") ?? word.range(of: "https:") {
                let url = word[start.lowerBound...]
                out += word[..<start.lowerBound]
                if url.count > width {
                    out += url
                } else {
                    for c in url.unicodeScalars {
                        out.unicodeScalars.append(c)
                        if c == "/" || c == "-" || c == ":" { out.unicodeScalars.append("\u{E060}") }
                    }
                }
            } else {
                out += word
            }
        }
        return out
    }

    /// Output form: the no-break characters xml2rfc uses while filling shown as the
    /// characters its text output shows.
    static func finish(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\u{00A0}": out.unicodeScalars.append(" ")
            case "\u{2011}": out.unicodeScalars.append("-")
            case "\u{2060}", "\u{E060}", "\u{200B}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
