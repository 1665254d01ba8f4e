/// Tables in xml2rfc's default text style: `+===+` rules around the header, `+---+`
/// between body rows, cells filled inside their column. Column widths are the widest
/// cell, shrunk proportionally when the table would pass the right margin.
enum TableRenderer {
    static func lines(_ table: Table, indent: Int, width: Int) -> [String] {
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
