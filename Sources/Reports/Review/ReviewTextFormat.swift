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
        let summary = try ReviewSummary.walk(statements, section: { (s) throws(E) in
            try line("")
            let label = s.section.first?.isNumber == true || s.section.count <= 3 && s.section.first?.isUppercase == true ? "Section \(s.section)" : s.section
            try line("\(p.heading)\(label)  \(s.sectionTitle)\(p.reset)")
        }, each: { (s) throws(E) in
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
            // A statement with no subject reads on from its lead-in: "A server ...: ... MUST ..."
            if let leadIn = s.leadIn { out.append(p.dim); out.append(leadIn); out.append(" ..."); out.append(p.reset); out.append(" ") }
            out.append(p.highlight(s.text, keywords: s.keywordRanges, topics: s.topicRanges))
            out.appendNewline()
            try flush()
        })
        if !report.findings.isEmpty {
            try line("")
            try line("\(p.heading)Findings\(p.reset)")
            for f in report.findings { try line("  " + f.compilerStyle) }
        }
        try line("")
        try line("Summary: " + summary.line + "; findings: \(report.findings.count)")
        if !out.isEmpty { try emit(out.take()) }
    }
}
