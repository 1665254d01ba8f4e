import Foundation

/// xml2rfc's line filling (its `TextWrapper` subclass over Python's textwrap): ASCII
/// white space folded, runs of spaces reduced except after a sentence end, two spaces
/// after a sentence end, breaks allowed after hyphens and slashes inside words and at
/// zero-width spaces, never at a no-break space, word joiner or non-breaking hyphen.
/// Written from the behaviour of xml2rfc 3.34.1 (xml2rfc/utils.py), not its code.
enum TextFill {
    /// The longest piece of `text` that a table cell cannot break (white space trimmed).
    static func longestWord(_ text: String, splittingHyphens: Bool) -> Int {
        guard !text.isEmpty else { return 0 }
        return (splittingHyphens ? BreakPoints.cellsWithHyphens : BreakPoints.cells).split(text)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.count }.max() ?? 0
    }

    /// `[A-Za-z0-9>\])"'][.!?]["')\]]?\z`, tested by hand: it is asked of every word of a
    /// paragraph, and a regex call per word was most of rendering a 10 MB paragraph.
    static func endsLikeASentence(_ chunk: String) -> Bool {
        var tail = chunk.unicodeScalars.reversed().makeIterator()
        guard var last = tail.next() else { return false }
        if "\"')]".unicodeScalars.contains(last) {
            guard let before = tail.next() else { return false }
            last = before
        }
        guard ".!?".unicodeScalars.contains(last), let before = tail.next() else { return false }
        return before.isASCII && (before.properties.isAlphabetic || ("0"..."9").contains(before) || ">])\"'".unicodeScalars.contains(before))
    }
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
        if text.unicodeScalars.contains("\u{2028}") {
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
        // Rebuilding a string scalar by scalar is slow; most text has nothing to replace.
        var s = !text.utf8.contains(where: { $0 >= 0x09 && $0 <= 0x0D }) ? text : String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "\t", "\n", "\r", "\u{0B}", "\u{0C}": return " "
            default: return scalar
            }
        }))
        // Each regex pass costs a copy of the text through NSString: run it only when its
        // pattern can match (a run of spaces; one of the four words).
        if has(s, "  ") {
            s = replace(collapseInner, in: s, with: "$1 ")
            s = replace(collapseAfterSentence, in: s, with: "$1  ")
        }
        if has(s, "Section ") || has(s, "Appendix ") || has(s, "Figure ") || has(s, "Table ") {
            s = replace(keepTogether, in: s, with: "$1\u{00A0}")
        }
        let maxWord = width - subsequent.count
        var chunks: [String] = []
        func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\u{200B}" || scalar == "\u{200C}" || scalar == "\u{2060}" || scalar == "\u{E060}"
        }
        for chunk in split(s) {
            let visible = chunk.unicodeScalars.contains(where: isInvisible) ? String(String.UnicodeScalarView(chunk.unicodeScalars.filter { !isInvisible($0) })) : chunk
            if visible.unicodeScalars.count > maxWord {
                chunks += split(visible.replacingOccurrences(of: "\u{00A0}", with: " "))
            } else {
                chunks.append(visible)
            }
        }
        if fixSentenceEndings { Self.fixSentenceEndings(&chunks) }
        return wrapChunks(chunks, initial: initial, subsequent: subsequent, width: width)
    }

    /// Whether `needle` occurs in `s`: a byte search, since Foundation's String.contains
    /// goes through NSString and the standard library's generic search is slower still.
    static func has(_ s: String, _ needle: StaticString) -> Bool { ByteSearch.contains(s, needle) }

    private static func replace(_ regex: NSRegularExpression, in s: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }

    private static func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Where a line may break: white space, the end of a hyphenated or slash-joined word
    /// part, a zero-width space, an em-dash "--" (xml2rfc's `wordsep_re`, in BreakPoints).
    private static func split(_ s: String) -> [String] { BreakPoints.words.split(s) }

    private static func fixSentenceEndings(_ chunks: inout [String]) {
        var i = 0
        while i < chunks.count - 2 {
            if chunks[i + 1] == " ", endsLikeASentence(chunks[i]), !matches(notSentenceEnd, chunks[i]), matches(sentenceStart, chunks[i + 2]) {
                chunks[i + 1] = "  "
                i += 2
            } else {
                i += 1
            }
        }
    }

    /// Whether every character of `s` is white space (a character is judged by its first
    /// scalar, as `Character.isWhitespace` is).
    private static func isBlank(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first else { return true }
        guard first.properties.isWhitespace else { return false }
        return String(String.UnicodeScalarView(s)).allSatisfy(\.isWhitespace)
    }

    /// Python textwrap's `_wrap_chunks` with break_long_words and break_on_hyphens. The
    /// chunks' scalars are laid end to end in one array and each chunk is a range of it, so
    /// a long word is cut without copying what is left of it (a 10 MB token was copied once
    /// a line: 50 s), and a paragraph of millions of words holds no array per word (a
    /// 10 MB paragraph took 450 MB that way).
    private static func wrapChunks(_ input: [String], initial: String, subsequent: String, width: Int) -> [String] {
        var scalars: [Unicode.Scalar] = []
        var chunks: [Range<Int>] = []
        chunks.reserveCapacity(input.count)
        for chunk in input {
            let start = scalars.count
            scalars.append(contentsOf: chunk.unicodeScalars)
            chunks.append(start..<scalars.count)
        }
        // Taken from the end: the first chunk last.
        chunks.reverse()
        var lines: [String] = []
        var line: [Range<Int>] = []
        var bytes: [UInt8] = []
        while !chunks.isEmpty {
            line.removeAll(keepingCapacity: true)
            var lineLength = 0
            var indent = lines.isEmpty ? initial : subsequent
            // An indent as wide as the page (a section number hundreds of levels deep, a
            // list nested past the margin) leaves no room: xml2rfc stops there (a width of
            // 0). Its last half-width is kept, so each line holds text and the output
            // grows with the input, not with the input times the indent.
            if indent.unicodeScalars.count >= width { indent = String(String.UnicodeScalarView(indent.unicodeScalars.suffix(max(1, width / 2)))) }
            let available = max(1, width - indent.unicodeScalars.count)
            if let last = chunks.last, isBlank(scalars[last]), !lines.isEmpty { chunks.removeLast() }
            while let next = chunks.last, lineLength + next.count <= available {
                line.append(next)
                lineLength += next.count
                chunks.removeLast()
            }
            if let next = chunks.last, next.count > available {
                let spaceLeft = max(1, available - lineLength)
                let start = next.lowerBound
                var end = start + spaceLeft
                if next.count > spaceLeft, let hyphen = scalars[start..<(start + spaceLeft)].lastIndex(of: "-"), hyphen > start,
                   scalars[start..<hyphen].contains(where: { $0 != "-" }) {
                    end = hyphen + 1
                }
                line.append(start..<end)
                chunks[chunks.count - 1] = end..<next.upperBound
                if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
            }
            if let last = line.last, isBlank(scalars[last]) { line.removeLast() }
            if !line.isEmpty {
                // Encoded into UTF-8 bytes: appending scalars to a String one by one was a
                // third of filling a long paragraph.
                bytes.removeAll(keepingCapacity: true)
                bytes.append(contentsOf: indent.utf8)
                for chunk in line {
                    for scalar in scalars[chunk] {
                        if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { bytes += UTF8.encode(scalar)! }
                    }
                }
                lines.append(String(decoding: bytes, as: UTF8.self))
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
        guard has(text, "http:") || has(text, "https:") else { return text }
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
        // Every character it replaces is outside ASCII.
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return line }
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
