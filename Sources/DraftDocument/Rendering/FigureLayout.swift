/// Figures and tables as xml2rfc 3.34.1 lays them out: artwork with its tabs expanded and
/// lines right-trimmed, aligned as its `align` says, pulled left when wider than the
/// page (xml2rfc's "outdent"), sourcecode between code markers when asked, a centred
/// caption "Figure N: title" / "Table N: title" below, tables centred by default.
/// Written from xml2rfc's behaviour (writers/text.py), not its code.
enum FigureLayout {
    static func lines(_ figure: Figure, indent: Int, width: Int) -> [String] {
        let available = width - indent
        var lines = artworkLines(figure.verbatim)
        if lines.isEmpty, let note = figure.unavailableNote {
            lines = TextFill.wrap(TextFill.keepingURLs(note, width: available), initial: "", subsequent: "", width: available).map(TextFill.finish)
        }
        lines = aligned(lines, figure.alignment, width: available)
        if figure.hasCodeMarkers {
            var begin = ["<CODE BEGINS>"]
            if let name = figure.fileName {
                let file = "file \"\(name)\""
                if file.count > available - begin[0].count { begin.append("  " + file) } else { begin[0] += " " + file }
            }
            lines = begin + lines + ["<CODE ENDS>"]
        }
        // Art wider than the page is moved left, caption and all, as far as the indent allows.
        let widest = lines.map(\.count).max() ?? 0
        let shift = widest > available ? min(indent, widest - available) : 0
        if let number = figure.number {
            lines += [""] + centered(caption("Figure", number, figure.title), width: available)
        }
        return padded(lines, indent - shift)
    }

    static func lines(_ table: Table, indent: Int, width: Int) -> [String] {
        let available = width - indent
        var lines = TableRenderer.lines(table, indent: 0, width: available)
        guard let number = table.number else { return padded(lines, indent) }
        let title = caption("Table", number, table.title)
        var tableWidth = min(available, lines.map(\.count).max() ?? 0)
        let minimumTitleWidth = min(26, title.count)
        if tableWidth < minimumTitleWidth {
            tableWidth = minimumTitleWidth
            lines = aligned(lines, "center", width: tableWidth)
        }
        lines += [""] + centered(title, width: tableWidth)
        return padded(aligned(lines, table.alignment ?? "center", width: available), indent)
    }

    static func caption(_ kind: String, _ number: Int, _ title: String?) -> String {
        guard let title, !title.isEmpty else { return "\(kind) \(number)" }
        return "\(kind) \(number): \(title)"
    }

    /// The artwork's lines: newlines at either end dropped, tabs expanded to every
    /// eighth column, trailing white space removed.
    static func artworkLines(_ verbatim: String) -> [String] {
        var text = Substring(verbatim)
        while let f = text.first, f == "\n" || f == "\r\n" { text = text.dropFirst() }
        while let l = text.last, l == "\n" || l == "\r\n" { text = text.dropLast() }
        guard text.contains(where: { !$0.isWhitespace }) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = expandingTabs(line)
            while let last = l.last, last == " " || last == "\r" || last == "\t" { l.removeLast() }
            return l
        }
        // A blank first line stays (xml2rfc shows it), blank last lines do not.
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func expandingTabs<S: StringProtocol>(_ line: S) -> String {
        guard line.contains("\t") else { return String(line) }
        var out = ""
        var column = 0
        for c in line {
            if c == "\t" {
                let spaces = 8 - column % 8
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(c)
                column = c == "\n" ? 0 : column + 1
            }
        }
        return out
    }

    /// A block of lines centred or right-aligned as a whole within `width`.
    static func aligned(_ lines: [String], _ how: String?, width: Int) -> [String] {
        guard let how, how == "center" || how == "right", let widest = lines.map(\.count).max(), widest < width else { return lines }
        let shift = how == "center" ? (width - widest) / 2 : width - widest
        let pad = String(repeating: " ", count: shift)
        return lines.map { $0.allSatisfy(\.isWhitespace) ? $0 : pad + $0 }
    }

    /// A caption centred in `width` as Python's str.center does it, folded 4 columns
    /// narrower first when it does not fit.
    static func centered(_ text: String, width: Int) -> [String] {
        var lines = [text]
        if text.count > width {
            lines = TextFill.wrap(text, initial: "", subsequent: "", width: width - 4).map(TextFill.finish)
        }
        return lines.map { line in
            let margin = width - line.count
            guard margin > 0 else { return line }
            let left = margin / 2 + (margin & width & 1)
            var out = String(repeating: " ", count: left) + line
            while out.last == " " { out.removeLast() }
            return out
        }
    }

    static func padded(_ lines: [String], _ indent: Int) -> [String] {
        let pad = String(repeating: " ", count: max(0, indent))
        return lines.map { $0.isEmpty ? "" : pad + $0 }
    }
}
