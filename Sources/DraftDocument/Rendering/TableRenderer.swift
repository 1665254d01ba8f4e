/// Tables in xml2rfc's default text style: `+===+` rules around the header, `+---+`
/// between body rows, cells filled inside their column. Column widths are the widest
/// cell, shrunk proportionally when the table would pass the right margin.
enum TableRenderer {
    static func lines(_ table: Table, indent: Int, width: Int) -> [String] {
        if indent == 0, let exact = xml2rfcLines(table, width: width) { return exact }
        return approximateLines(table, indent: indent, width: width)
    }

    /// xml2rfc 3.34.1's table layout (its `build_table`, "full" borders) for tables
    /// whose cells span one row and column: each column as wide as its longest unbreakable
    /// word (split at hyphens too when the table would not fit), the widest columns then
    /// padded by two while room is left, the tallest cell widened while that saves a line;
    /// text left-aligned one space in unless the column is tight; `<th>` cells ruled with
    /// "=". Nil for tables it does not cover (spans, ragged rows, tables read from text).
    static func xml2rfcLines(_ table: Table, width: Int) -> [String]? {
        let rows = table.header + table.rows
        guard let cols = rows.first?.count, cols > 0, table.cellFormats.count == rows.count,
              rows.allSatisfy({ $0.count == cols }),
              table.cellFormats.allSatisfy({ $0.count == cols && $0.allSatisfy { $0.columnSpan == 1 && $0.rowSpan == 1 } })
        else { return nil }
        let texts = rows.map { $0.map { TextRenderer.displayText($0).trimmingWhitespace } }
        func longestWords(splittingHyphens: Bool) -> [Int] {
            (0..<cols).map { j in texts.map { TextFill.longestWord($0[j], splittingHyphens: splittingHyphens) }.max() ?? 0 }
        }
        var widths = longestWords(splittingHyphens: false)
        if widths.reduce(0, +) + cols + 1 > width { widths = longestWords(splittingHyphens: true) }
        var excess = width - (widths.reduce(0, +) + cols + 1)
        var padding = Array(repeating: 0, count: cols)
        if excess > 0 {
            let widestFirst = widths.indices.sorted { (widths[$0], $0) > (widths[$1], $1) }
            for j in widestFirst where excess > 2 {
                excess -= 2
                widths[j] += 2
                padding[j] = 2
            }
        }
        func fill(_ text: String, _ w: Int) -> [String] {
            text.isEmpty ? [] : TextFill.wrap(text, initial: "", subsequent: "", width: max(1, w)).map(TextFill.finish)
        }
        var wrapped = texts.map { row in row.indices.map { fill(row[$0], widths[$0]) } }
        while excess > 0 {
            var tallest: (row: Int, col: Int, height: Int)?
            for i in rows.indices {
                for j in 0..<cols {
                    wrapped[i][j] = fill(texts[i][j], widths[j] - padding[j])
                    let h = wrapped[i][j].count
                    if h > 1, h > (tallest?.height ?? 0) { tallest = (i, j, h) }
                }
            }
            guard let t = tallest, let l = (1...excess).first(where: { fill(texts[t.row][t.col], widths[t.col] - padding[t.col] + $0).count < t.height }) else { break }
            excess -= l
            widths[t.col] += l
        }
        var minimumPadding = Array(repeating: width, count: cols)
        for row in wrapped {
            for j in 0..<cols {
                for line in row[j] { minimumPadding[j] = min(minimumPadding[j], widths[j] - line.unicodeScalars.count) }
            }
        }
        func rule(_ i: Int) -> [Character] {
            var out: [Character] = ["+"]
            for j in 0..<cols {
                out += Array(repeating: table.cellFormats[i][j].isHeader ? "=" : "-", count: widths[j])
                out.append("+")
            }
            return out
        }
        var out: [String] = []
        var previousRule: [Character]?
        for i in rows.indices {
            let top = rule(i)
            // A rule between two rows is "=" where either side is a header cell.
            out.append(String(previousRule.map { zip($0, top).map { $0 == "=" || $1 == "=" ? "=" : $1 } } ?? top))
            let height = wrapped[i].map(\.count).max() ?? 0
            for n in 0..<height {
                var line = "|"
                for j in 0..<cols {
                    let text = n < wrapped[i][j].count ? wrapped[i][j][n] : ""
                    line += justify(text, width: widths[j], alignment: table.cellFormats[i][j].alignment, minimumPadding: minimumPadding[j]) + "|"
                }
                out.append(line)
            }
            previousRule = top
        }
        if let last = previousRule { out.append(String(last)) }
        return out
    }

    /// A cell line in its column: left-aligned text gets a space before it when every
    /// line of the column has room for two, else after it; right-aligned the mirror.
    static func justify(_ line: String, width: Int, alignment: String?, minimumPadding: Int) -> String {
        let length = line.unicodeScalars.count
        switch alignment {
        case "center":
            let margin = width - length
            guard margin > 0 else { return line }
            let left = margin / 2 + (margin & width & 1)
            return String(repeating: " ", count: left) + line + String(repeating: " ", count: margin - left)
        case "right":
            let padding = width - length
            var text = String(repeating: " ", count: max(0, width - min(2, padding) - length)) + line
            if padding > 1 { text = minimumPadding > 1 ? text + " " : " " + text }
            if padding > 0 { text = " " + text }
            return text
        default:
            let padding = width - length
            var text = line + String(repeating: " ", count: max(0, width - min(2, padding) - length))
            if padding > 1 { text = minimumPadding > 1 ? " " + text : text + " " }
            if padding > 0 { text += " " }
            return text
        }
    }

    /// The layout used before xml2rfc's was reproduced, for tables it does not cover.
    static func approximateLines(_ table: Table, indent: Int, width: Int) -> [String] {
        let all = table.header + table.rows
        let columns = all.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let texts = all.map { row in (0..<columns).map { i in i < row.count ? TextRenderer.displayText(row[i]).whitespaceNormalized : "" } }
        var widths = (0..<columns).map { c in max(1, texts.map { $0[c].count }.max() ?? 1) }
        let available = width - indent - (3 * columns + 1)
        if widths.reduce(0, +) > available, available > columns {
            let longest = (0..<columns).map { c in texts.flatMap { $0[c].split(separator: " ").map(\.count) }.max() ?? 1 }
            var total = widths.reduce(0, +)
            while total > available {
                guard let widest = widths.indices.filter({ widths[$0] > max(longest[$0], 3) }).max(by: { widths[$0] < widths[$1] })
                        ?? widths.indices.filter({ widths[$0] > 3 }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                total -= 1
            }
        }
        let pad = String(repeating: " ", count: indent)
        func rule(_ c: Character) -> String {
            pad + "+" + widths.map { String(repeating: c, count: $0 + 2) }.joined(separator: "+") + "+"
        }
        func rowLines(_ row: [String]) -> [String] {
            let cells = row.enumerated().map { i, text in
                TextFill.wrap(text, initial: "", subsequent: "", width: widths[i]).map(TextFill.finish)
            }
            let height = max(1, cells.map(\.count).max() ?? 1)
            return (0..<height).map { line in
                pad + "| " + cells.enumerated().map { i, cell in
                    let text = line < cell.count ? cell[line] : ""
                    return text + String(repeating: " ", count: max(0, widths[i] - text.count))
                }.joined(separator: " | ") + " |"
            }
        }
        var out: [String] = []
        let headerCount = table.header.count
        if headerCount > 0 {
            out.append(rule("="))
            for r in 0..<headerCount { out += rowLines(texts[r]) }
            out.append(rule("="))
        } else {
            out.append(rule("-"))
        }
        for r in headerCount..<texts.count {
            out += rowLines(texts[r])
            out.append(rule("-"))
        }
        return out
    }
}
