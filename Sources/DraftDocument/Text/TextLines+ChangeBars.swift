/// Change bars: drafts set with nroff's margin character (`.mc |`) mark each line changed
/// since the last revision with a "|" in the right margin, past the 72 columns RFC 7322
/// gives the text (draft-ietf-tls-rfc2246-bis-01 to -06: column 74 on some 500 lines). Left
/// in, a paragraph's changed lines read as a drawing's, and its requirements are lost.
extension TextLines {
    /// The first column past the text's 72 that a change bar may stand in.
    static let changeBarMinimumColumn = 73
    /// Lines that must carry a bar in the same column before the column is taken for the
    /// document's change bars (a drawing wider than the page may end one or two in "|").
    static let changeBarMinimumLines = 3

    /// Removes the document's change bars: the column past the text where at least three
    /// lines end in a "|" set off by two spaces or more (or alone on its line) is the bar's,
    /// and every line ending in a "|" in that column or past it loses it, set off or not
    /// (a changed line longer than the page pushes its bar out: "... However, it has
    /// not|"). A line with another "|" is a drawing's and is left as printed.
    static func removeChangeBars(_ lines: inout [TextLine]) {
        var linesByColumn: [Int: Int] = [:]
        for line in lines {
            if let bar = changeBar(line), bar.isSetOff { linesByColumn[bar.column, default: 0] += 1 }
        }
        guard let (column, count) = linesByColumn.max(by: { $0.value < $1.value }),
              count >= changeBarMinimumLines else { return }
        for i in lines.indices where (changeBar(lines[i])?.column ?? 0) >= column {
            lines[i] = withoutChangeBar(lines[i])
        }
    }

    /// The 1-based column of the "|" `line` ends in past the text, and whether spaces (or
    /// nothing) stand before it; nil when the line holds another "|".
    private static func changeBar(_ line: TextLine) -> (column: Int, isSetOff: Bool)? {
        guard line.isText, line.content.utf8.last == 0x7C else { return nil }
        let column = line.indent + line.content.utf8.count
        guard column >= changeBarMinimumColumn else { return nil }
        let body = line.content.utf8.dropLast()
        if body.isEmpty { return (column, true) }
        guard !body.contains(0x7C) else { return nil }
        return (column, body.suffix(2).allSatisfy { $0 == 0x20 })
    }

    private static func withoutChangeBar(_ line: TextLine) -> TextLine {
        var content = line.content.dropLast()
        while content.utf8.last == 0x20 { content = content.dropLast() }
        var out = line
        if content.isEmpty { out.makeBlank() } else { out.narrow(to: content) }
        return out
    }
}
