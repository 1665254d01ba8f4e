/// The review as Markdown, for a pull request or a mail to the WG: one heading per
/// section, keywords in bold, the reviewer's "Section X, paragraph Y" on every line.
public enum ReviewMarkdownFormat {
    public static func render(_ report: ReviewReport) -> String {
        var whole = ""
        render(report, statements: report.statements) { whole += $0 }
        return whole
    }

    /// `report` with `statements` in place of its own, handed to `emit` in pieces of about
    /// 256 KB as it is rendered (as the text format is): a 50 MB draft's review held whole
    /// as lines took 19 s and 1.5 GB.
    static func render<E: Error>(_ report: ReviewReport, statements: some Sequence<ReviewStatement>,
                                 emit: (String) throws(E) -> Void) throws(E) {
        var out = TextBuffer()
        func line(_ text: String) throws(E) {
            out.append(text)
            out.appendNewline()
            if out.count >= 1 << 18 { try emit(out.take()) }
        }
        let d = report.document
        try line("# Review of \(d.name)")
        try line("")
        try line("\(escape(d.title)) (`\(d.file)`, \(d.format)). BCP 14 keywords outside the boilerplate: \(report.keywordCount).")
        let summary = try ReviewSummary.walk(statements, section: { (s) throws(E) in
            try line("")
            try line("## \(s.section) \(escape(s.sectionTitle))")
            try line("")
        }, each: { (s) throws(E) in
            out.append("- Section "); out.append(s.section)
            out.append(", paragraph "); out.append(s.paragraph)
            out.append(" (line "); out.append(s.line); out.append(") ")
            // The tags, one space between: **keywords**, `topics`, _status_.
            var separator = ""
            for level in s.levels { out.append(separator); out.append("**"); out.append(level); out.append("**"); separator = " " }
            for topic in s.topics { out.append(separator); out.append("`"); out.append(topic); out.append("`"); separator = " " }
            if let status = s.status { out.append(separator); out.append("_"); out.append(status.rawValue); out.append("_") }
            out.append(" `"); out.append(s.id); out.append("`  ")
            out.appendNewline()
            out.append("  ")
            if let leadIn = s.leadIn { out.append("_"); out.append(leadIn); out.append("_ ... ") }
            appendBold(s.text, s.keywordRanges, to: &out)
            try line("")
        })
        if !report.findings.isEmpty {
            try line("")
            try line("## Findings")
            try line("")
            try line("| line | severity | code | message |")
            try line("|---|---|---|---|")
            for f in report.findings {
                try line("| \(f.line) | \(f.severity) | `\(f.code)` | \(escape(f.message).replacingOccurrences(of: "|", with: "\\|")) |")
            }
        }
        try line("")
        try line("## Summary")
        try line("")
        try line(summary.line + "; findings: \(report.findings.count).")
        if !out.isEmpty { try emit(out.take()) }
    }

    /// Markdown's inline specials escaped so RFC text ("SADB_ACQUIRE", "[PFKEY]") shows as is.
    static func escape(_ text: String) -> String {
        var out = TextBuffer()
        appendEscaped(Array(text.utf8)[...], to: &out)
        return out.take()
    }

    /// `text` escaped, with the keyword ranges (UTF-8 offsets) in bold, unescaped.
    private static func appendBold(_ text: String, _ ranges: [Range<Int>], to out: inout TextBuffer) {
        let bytes = Array(text.utf8)
        var i = 0
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where r.lowerBound >= i && r.upperBound <= bytes.count {
            appendEscaped(bytes[i..<r.lowerBound], to: &out)
            out.append("**"); out.append(bytes[r]); out.append("**")
            i = r.upperBound
        }
        appendEscaped(bytes[i...], to: &out)
    }

    /// The specials are ASCII, and no byte of a multi-byte UTF-8 sequence is: the text is
    /// escaped byte by byte, copied in runs between specials.
    private static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout TextBuffer) {
        var run = bytes.startIndex
        for i in bytes.indices where isSpecial(bytes[i]) {
            out.append(bytes[run..<i])
            out.append("\\")
            run = i
        }
        out.append(bytes[run...])
    }

    /// \ ` * _ [ ] < > #
    @inline(__always) private static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x23: true
        default: false
        }
    }
}
