/// Terminal styles for the review and compare reports; empty strings without colour.
struct Palette {
    let keyword, topic, heading, dim, removed, added, reset: String

    init(color: Bool) {
        if color {
            keyword = "\u{1B}[1;31m"; topic = "\u{1B}[36m"; heading = "\u{1B}[1m"; dim = "\u{1B}[2m"
            removed = "\u{1B}[31m"; added = "\u{1B}[32m"; reset = "\u{1B}[0m"
        } else {
            keyword = ""; topic = ""; heading = ""; dim = ""; removed = ""; added = ""; reset = ""
        }
    }

    /// `text` with the keyword and topic ranges (UTF-8 offsets) wrapped in their styles;
    /// keywords win where the two overlap.
    func highlight(_ text: String, keywords: [Range<Int>], topics: [Range<Int>]) -> String {
        guard !keyword.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var marks: [(Range<Int>, String)] = keywords.map { ($0, keyword) }
        for t in topics where !keywords.contains(where: { $0.overlaps(t) }) { marks.append((t, topic)) }
        marks.sort { $0.0.lowerBound < $1.0.lowerBound }
        var out: [UInt8] = []
        var i = 0
        for (range, style) in marks where range.lowerBound >= i && range.upperBound <= bytes.count {
            out += bytes[i..<range.lowerBound]
            out += Array(style.utf8) + bytes[range] + Array(reset.utf8)
            i = range.upperBound
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }
}

/// The review as a reader at a terminal wants it: statements grouped by section, keyword
/// and topic terms highlighted (when `color`), findings, then the summary.
public enum ReviewTextFormat {
    public static func render(_ report: ReviewReport, color: Bool) -> String {
        var whole = ""
        render(report, color: color) { whole += $0 }
        return whole
    }

    /// The same text handed to `emit` in pieces of about 256 KB, so a large document's
    /// review is written as it is rendered instead of being held whole in memory.
    public static func render<E: Error>(_ report: ReviewReport, color: Bool, emit: (String) throws(E) -> Void) throws(E) {
        try render(report, statements: report.statements, color: color, emit: emit)
    }

    /// `report` with `statements` in place of its own: a review streamed from its analysis
    /// makes each statement as it is written and holds none (`ReviewReport.write(_:filter:as:color:emit:)`).
    static func render<E: Error>(_ report: ReviewReport, statements: some Sequence<ReviewStatement>, color: Bool,
                                 emit: (String) throws(E) -> Void) throws(E) {
        let p = Palette(color: color)
        var out = TextBuffer()
        func flush() throws(E) {
            if out.count >= 1 << 18 { try emit(out.take()) }
        }
        func line(_ text: String) throws(E) {
            out.append(text)
            out.appendNewline()
            try flush()
        }
        let d = report.document
        try line("\(p.heading)\(d.name)\(p.reset): \(d.title) (\(d.format), \(d.file))")
        try line("BCP 14 keywords outside the boilerplate: \(report.keywordCount)")
        var currentSection: String?
        var tally = ReviewSummary.Tally()
        for s in statements {
            tally.add(s)
            if s.section != currentSection {
                currentSection = s.section
                try line("")
                let label = s.section.first?.isNumber == true || s.section.count <= 3 && s.section.first?.isUppercase == true ? "Section \(s.section)" : s.section
                try line("\(p.heading)\(label)  \(s.sectionTitle)\(p.reset)")
            }
            // Written piece by piece: 871,200 statements in a 50 MB draft.
            out.append("  "); out.append(p.dim)
            out.append("paragraph "); out.append(s.paragraph)
            out.append(", sentence "); out.append(s.sentence)
            out.append(", line "); out.append(s.line)
            out.append("  "); out.append(s.id); out.append(p.reset)
            out.append("  ")
            // The tags, one space between: keywords, [topics], (status).
            var separator = ""
            for level in s.levels { out.append(separator); out.append(level); separator = " " }
            for topic in s.topics { out.append(separator); out.append("["); out.append(topic); out.append("]"); separator = " " }
            if let status = s.status { out.append(separator); out.append("("); out.append(status.rawValue); out.append(")") }
            out.appendNewline()
            out.append("    ")
            out.append(p.highlight(s.text, keywords: s.keywordRanges, topics: s.topicRanges))
            out.appendNewline()
            try flush()
        }
        if !report.findings.isEmpty {
            try line("")
            try line("\(p.heading)Findings\(p.reset)")
            for f in report.findings { try line("  " + f.compilerStyle) }
        }
        try line("")
        try line("Summary: " + tally.summary.line + "; findings: \(report.findings.count)")
        if !out.isEmpty { try emit(out.take()) }
    }
}

/// UTF-8 text built in place, handed over in pieces. The bytes written are the front of
/// a buffer kept at its size between pieces and copied into with one move per piece of text:
/// an array appended to checked and grew itself for each of the dozen pieces of every
/// statement line (871,200 lines in a 50 MB draft's review).
struct TextBuffer {
    private var storage = [UInt8](repeating: 0, count: 1 << 12)
    /// How many bytes of `storage` are written.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ write($0) }) { return done }
        var text = text
        text.withUTF8 { write($0) }
    }

    mutating func appendNewline() {
        reserve(1)
        storage[count] = 0x0A
        count += 1
    }

    /// A number in decimal, its digits written in place.
    mutating func append(_ n: Int) {
        guard n >= 0 else { return append(String(n)) }
        var digits = 1, rest = n
        while rest >= 10 { rest /= 10; digits += 1 }
        reserve(digits)
        let end = count + digits
        storage.withUnsafeMutableBufferPointer { out in
            var value = n, at = end
            repeat {
                at -= 1
                out[at] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
                value /= 10
            } while value > 0
        }
        count = end
    }

    /// The text so far, handed over and cleared (the room is kept).
    mutating func take() -> String {
        let n = count
        count = 0
        return storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<n]), as: UTF8.self) }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        let at = count
        storage.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            (base + at).update(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    /// Room for `more` bytes after those written.
    private mutating func reserve(_ more: Int) {
        guard count + more > storage.count else { return }
        var size = storage.count
        while size < count + more { size *= 2 }
        storage.append(contentsOf: repeatElement(0, count: size - storage.count))
    }
}

/// The review as Markdown, for a pull request or a mail to the WG: one heading per
/// section, keywords in bold, the reviewer's "Section X, paragraph Y" on every line.
public enum ReviewMarkdownFormat {
    public static func render(_ report: ReviewReport) -> String {
        var out: [String] = []
        let d = report.document
        out.append("# Review of \(d.name)")
        out.append("")
        out.append("\(escape(d.title)) (`\(d.file)`, \(d.format)). BCP 14 keywords outside the boilerplate: \(report.keywordCount).")
        var currentSection: String?
        for s in report.statements {
            if s.section != currentSection {
                currentSection = s.section
                out.append("")
                out.append("## \(s.section) \(escape(s.sectionTitle))")
                out.append("")
            }
            var tags = s.levels.map { "**\($0)**" } + s.topics.map { "`\($0)`" }
            if let status = s.status { tags.append("_\(status.rawValue)_") }
            out.append("- Section \(s.section), paragraph \(s.paragraph) (line \(s.line)) \(tags.joined(separator: " ")) `\(s.id)`  ")
            out.append("  \(bold(s.text, s.keywordRanges))")
        }
        if !report.findings.isEmpty {
            out.append("")
            out.append("## Findings")
            out.append("")
            out.append("| line | severity | code | message |")
            out.append("|---|---|---|---|")
            for f in report.findings {
                out.append("| \(f.line) | \(f.severity) | `\(f.code)` | \(escape(f.message).replacingOccurrences(of: "|", with: "\\|")) |")
            }
        }
        out.append("")
        out.append("## Summary")
        out.append("")
        out.append(report.summary.line + "; findings: \(report.findings.count).")
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown's inline specials escaped so RFC text ("SADB_ACQUIRE", "[PFKEY]") shows as is.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func bold(_ text: String, _ ranges: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var i = 0
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where r.lowerBound >= i && r.upperBound <= bytes.count {
            out += escape(String(decoding: bytes[i..<r.lowerBound], as: UTF8.self))
            out += "**" + String(decoding: bytes[r], as: UTF8.self) + "**"
            i = r.upperBound
        }
        out += escape(String(decoding: bytes[i...], as: UTF8.self))
        return out
    }
}
