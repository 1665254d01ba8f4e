import Foundation

/// The table of contents of a plain-text RFC or draft, read independently of the reader
/// (the reader skips the ToC and finds headings in the body; these tests compare the two).
struct TextTableOfContents {
    struct Entry: Hashable, CustomStringConvertible {
        var number: String?
        var title: String
        var line: Int
        var description: String { "\(number ?? "-") \(title) (line \(line))" }
    }

    var entries: [Entry] = []

    /// Dot leaders (one dot where the title is long, a stray comma in RFC 2367) or a wide
    /// gap, then the page number.
    static let leader = #"(\s*[.,](\s?[.,])*\s*|\s{2,})\d+$"#

    /// nil when the document has no "Table of Contents".
    init?(text: String) {
        let all = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = all.firstIndex(where: { line in
            let t = line.trimmingCharacters(in: .whitespaces).lowercased()
            return !line.hasPrefix(" ") && (t == "table of contents" || t == "contents")
        }) else { return nil }
        // Pagination out: footers, form feeds and the running header after them.
        var lines: [(number: Int, text: Substring)] = []
        var skipHeader = false
        for i in (start + 1)..<all.count {
            var line = all[i]
            if line.hasPrefix("\u{0C}") { line = line.drop(while: { $0 == "\u{0C}" }); skipHeader = true }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.range(of: #"\[Page \d+\]$"#, options: .regularExpression) != nil { skipHeader = true; continue }
            if trimmed.isEmpty { continue }
            if skipHeader { skipHeader = false; if !line.hasPrefix(" ") { continue } }
            lines.append((i + 1, line))
        }
        let paginated = lines.prefix(8).contains { $0.text.range(of: #"(\.\s?\.|\s{2,})\s*\d+$"#, options: .regularExpression) != nil }
        var entries: [Entry] = []
        var open = false // the last entry may go on on the next line
        var lastIndent = 0
        for (lineNumber, line) in lines {
            let indent = line.prefix(while: { $0 == " " }).count
            var text = line.trimmingCharacters(in: .whitespaces)
            let hasPage = text.range(of: Self.leader, options: .regularExpression) != nil
            if indent == 0, !hasPage { break } // the first body heading ends the ToC
            if let r = text.range(of: Self.leader, options: .regularExpression) { text.removeSubrange(r) }
            let numbered = text.range(of: #"^((Appendix|APPENDIX|Annex)\s+)?[0-9A-Z]{1,3}(\.[0-9]+)*[.:]?(\s|$)"#, options: .regularExpression)
            let continues = numbered == nil && (open || (!paginated && !entries.isEmpty && indent > lastIndent + 2))
            if continues, var last = entries.popLast() {
                last.title = (last.title + " " + text).trimmingCharacters(in: .whitespaces)
                entries.append(last)
                open = !hasPage && open
                continue
            }
            if let numbered {
                var number = text[numbered].trimmingCharacters(in: .whitespaces)
                for word in ["Appendix", "APPENDIX", "Annex"] where number.hasPrefix(word) {
                    number = String(number.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
                }
                while number.hasSuffix(".") || number.hasSuffix(":") { number.removeLast() }
                let title = text[numbered.upperBound...].trimmingCharacters(in: .whitespaces)
                entries.append(Entry(number: number, title: title.trimmingCharacters(in: CharacterSet(charactersIn: " -:")), line: lineNumber))
            } else {
                entries.append(Entry(number: nil, title: text, line: lineNumber))
            }
            lastIndent = indent
            // Paginated ToCs end each entry with its page; one without a page goes on.
            open = paginated && !hasPage
        }
        self.entries = entries.map { Entry(number: $0.number, title: $0.title.whitespaceNormalizedForTest, line: $0.line) }
    }

}

extension String {
    var whitespaceNormalizedForTest: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
