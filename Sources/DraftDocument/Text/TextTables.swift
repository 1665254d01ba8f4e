/// Grid tables drawn in text, as xml2rfc prints `<texttable>` (v2) and `<table>` (v3):
///
///     +========+=======================+
///     | Code   | Meaning               |
///     +========+=======================+
///     | 012    | The event MUST hold   |
///     |        | the result.           |
///     +--------+-----------------------+
///
/// and the older grid ruled with dashes alone, its column edges standing in its rows (RFC
/// 2131's Table 4):
///
///     ---------------------------------------
///     |              |INIT-REBOOT  |SELECTING|
///     ---------------------------------------
///     |server-ip     |MUST NOT     |MUST     |
///     ---------------------------------------
///
/// The figure keeps the drawing as printed; the cells' text is read beside it, so that a
/// requirement in a cell is read as it is from XML. A drawing that is not such a grid (a
/// cell spanning columns, a border out of line, anything around it) is left a drawing.
extension TextBlockBuilder {
    static func gridTable(_ lines: [TextLine], path: String) -> Table? {
        guard lines.count >= 3, let first = lines.first, let last = lines.last else { return nil }
        let indent = first.indent
        // Ruled with dashes alone: the first row gives the edges, every row keeps them, and
        // every rule spans them exactly.
        let dashesAlone = isPlainRule(first.content)
        func isBorder(_ content: Substring) -> Bool {
            dashesAlone ? isPlainRule(content) : content.first == "+"
        }
        func spansEdges(_ content: Substring, _ edges: [Int]) -> Bool {
            dashesAlone ? isPlainRule(content) && content.utf8.count == edges[edges.count - 1] + 1 : borderEdges(content) == edges
        }
        guard let edges = dashesAlone ? pipeEdges(lines[1].content) : borderEdges(first.content) else { return nil }
        guard spansEdges(first.content, edges), spansEdges(last.content, edges) else { return nil }
        // Between borders: bands of content lines, each line one "|" per column edge.
        var bands: [[(line: TextLine, cells: [Substring])]] = []
        var band: [(line: TextLine, cells: [Substring])] = []
        var borders = 1
        var doubled = first.content.utf8.contains(UInt8(ascii: "="))
        for line in lines.dropFirst() {
            guard line.kind == .text, line.indent == indent else { return nil }
            if isBorder(line.content) {
                guard spansEdges(line.content, edges) else { return nil }
                if line.content.utf8.contains(UInt8(ascii: "=")) { doubled = true }
                // A border right under a border: an empty row (xml2rfc 3 draws a row of one
                // empty cell so, RFC 9097 B.2), no row of the table's.
                guard !band.isEmpty else {
                    borders += 1
                    continue
                }
                bands.append(band)
                band = []
                borders += 1
                continue
            }
            let parts = line.content.split(separator: "|", omittingEmptySubsequences: false)
            guard line.content.first == "|", line.content.last == "|", parts.count == edges.count + 1,
                  !dashesAlone || pipeEdges(line.content) == edges else { return nil }
            band.append((line, Array(parts.dropFirst().dropLast())))
        }
        guard band.isEmpty, !bands.isEmpty else { return nil }
        // A table ruled between its rows has one row a band; one that is not (xml2rfc v2's
        // "headers" style) starts a row where the first column has text, below its header
        // (the first band, when there are more). xml2rfc v3 rules every row and draws its
        // header's borders with "=": a table of one row so drawn is ruled too, and a first
        // cell wrapped onto a second line stays one cell (draft-v3-features' Table 9).
        let ruled = borders >= 4 || doubled
        var rows: [[InlineText]] = []
        var header: [[InlineText]] = []
        for (b, band) in bands.enumerated() {
            var groups: [[(line: TextLine, cells: [Substring])]] = []
            for entry in band {
                let startsRow = !ruled && (b > 0 || bands.count == 1) && !trimmed(entry.cells[0]).isEmpty
                if groups.isEmpty || startsRow { groups.append([entry]) } else { groups[groups.count - 1].append(entry) }
            }
            for group in groups {
                let row = (0..<(edges.count - 1)).map { column -> InlineText in
                    var texts: [Substring] = [], numbers: [Int] = []
                    for entry in group {
                        let text = trimmed(entry.cells[column])
                        guard !text.isEmpty else { continue }
                        texts.append(text)
                        numbers.append(entry.line.number)
                    }
                    return paragraphText(texts, numbers: numbers)
                }
                if b == 0, bands.count > 1 { header.append(row) } else { rows.append(row) }
            }
        }
        return Table(header: header, rows: rows, location: SourceLocation(file: path, line: first.number, column: indent + 1))
    }

    /// A table set in columns with no grid, its last column a description that goes on
    /// under itself (RFC 4121 4.2.2: "Bit    Name             Description" over a rule of
    /// dashes, then "1   Sealed           When set in Wrap tokens, this flag" and lines at
    /// the description's column down to "for.  It SHALL NOT be set in MIC tokens."): the
    /// cells are read beside the drawing, as a grid table's are, so a requirement in a
    /// description is read. The head is one line over the rule, its columns one more than
    /// the cells before each description; every row starts at one column with those cells,
    /// set off by two spaces or more, and its description at the column the other lines
    /// keep; some description reads as prose. Anything else is left a drawing.
    static func columnTable(_ lines: [TextLine], path: String) -> Table? {
        guard lines.count >= 4, isColumnRule(lines[1].content), let start = lines.dropFirst(2).first?.indent,
              let column = lines.dropFirst(2).first(where: { $0.indent != start })?.indent, column >= start + 4,
              lines.dropFirst(2).allSatisfy({ $0.kind == .text && ($0.indent == start || $0.indent == column) }) else { return nil }
        let head = columns(lines[0].content)
        var rows: [[InlineText]] = []
        var leading: [Substring] = []
        var texts: [Substring] = [], numbers: [Int] = []
        var prose = false
        func finishRow() {
            guard !texts.isEmpty else { return }
            prose = prose || texts.contains { lowercaseWords($0) >= 3 }
            rows.append(leading.map { paragraphText([$0], numbers: [numbers[0]]) } + [paragraphText(texts, numbers: numbers)])
            texts = []
            numbers = []
        }
        for line in lines.dropFirst(2) {
            guard line.indent == start else {
                guard !texts.isEmpty else { return nil }
                texts.append(line.content)
                numbers.append(line.number)
                continue
            }
            finishRow()
            // The description's first word at its column, two spaces or more before it.
            let u = line.content.utf8
            let offset = column - start
            guard u.count > offset, u.prefix(offset).allSatisfy({ $0 < 0x80 }),
                  let at = u.index(u.startIndex, offsetBy: offset, limitedBy: u.endIndex), u[at] != 0x20,
                  u[u.index(at, offsetBy: -1)] == 0x20, u[u.index(at, offsetBy: -2)] == 0x20 else { return nil }
            let cells = columns(line.content[..<at])
            guard !cells.isEmpty, head.count == cells.count + 1, leading.isEmpty || leading.count == cells.count else { return nil }
            leading = cells
            texts = [line.content[at...]]
            numbers = [line.number]
        }
        finishRow()
        guard prose, !rows.isEmpty else { return nil }
        let header = [head.map { paragraphText([$0], numbers: [lines[0].number]) }]
        return Table(header: header, rows: rows, location: SourceLocation(file: path, line: lines[0].number, column: lines[0].indent + 1))
    }

    /// A table whose head (one line or two) is ruled column by column ("Option   DHCPOFFER
    /// DHCPACK" over "------   ---------  -------", RFC 2131's table 3 of what a server MUST
    /// and MUST NOT send): each rule's run starts a column, and every line is cut there. A line with its
    /// first cell empty goes on with the row above ("MUST NOT (DHCPINFORM)" under "MUST
    /// (DHCPREQUEST)"). Every cell's first word starts at its column's run, every row at
    /// the first column, and no line draws ("|", "+"); anything else is left a drawing.
    static func ruledTable(_ lines: [TextLine], path: String) -> Table? {
        guard lines.count >= 3, lines.allSatisfy({ $0.kind == .text && $0.raw.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        // The columns' starts: where each run of a rule line begins; nil for any other line.
        func runs(_ line: TextLine) -> [Int]? {
            let rule = Array(line.raw.utf8)
            var starts: [Int] = []
            var k = 0
            while k < rule.count {
                guard rule[k] != 0x20 else { k += 1; continue }
                guard rule[k] == UInt8(ascii: "-") || rule[k] == UInt8(ascii: "=") else { return nil }
                let start = k
                while k < rule.count, rule[k] == rule[start] { k += 1 }
                guard k - start >= 3 else { return nil }
                starts.append(start)
            }
            return starts.count >= 3 ? starts : nil
        }
        // The head is one line over the rule, or two (RFC 2131's table 5: "DHCPDISCOVER"
        // over "DHCPINFORM").
        guard let ruleIndex = (1...2).first(where: { $0 + 1 < lines.count && runs(lines[$0]) != nil }), let starts = runs(lines[ruleIndex]) else { return nil }
        // The line's words, each in the column it starts in (a cell's text may run on
        // past the next column's start when that cell is empty: "MUST NOT (DHCPINFORM)").
        func cells(_ line: TextLine) -> [Substring]? {
            let raw = line.raw.utf8
            guard !raw.contains(UInt8(ascii: "|")), !raw.contains(UInt8(ascii: "+")) else { return nil }
            var out = [[Substring]](repeating: [], count: starts.count)
            var i = raw.startIndex, offset = 0, column = -1
            while i < raw.endIndex {
                guard raw[i] != 0x20 else { i = raw.index(after: i); offset += 1; continue }
                let begin = i, at = offset
                while i < raw.endIndex, raw[i] != 0x20 { i = raw.index(after: i); offset += 1 }
                // The words come left to right, and so do the columns: one pass for both
                // (a rule of a million runs over a line of a million words stays linear).
                while column + 1 < starts.count, starts[column + 1] <= at { column += 1 }
                // Each cell's first word at its column's start, as the rule sets it.
                guard column >= 0, !out[column].isEmpty || at == starts[column] else { return nil }
                out[column].append(line.raw[begin..<i])
            }
            return out.map { words in words.isEmpty ? "" : Substring(words.joined(separator: " ")) }
        }
        guard var head = cells(lines[0]), head.allSatisfy({ !$0.isEmpty }) else { return nil }
        if ruleIndex == 2 {
            guard let more = cells(lines[1]) else { return nil }
            head = zip(head, more).map { $1.isEmpty ? $0 : Substring("\($0) \($1)") }
        }
        var rows: [[(texts: [Substring], numbers: [Int])]] = []
        for line in lines.dropFirst(ruleIndex + 1) {
            guard let row = cells(line), row.contains(where: { !$0.isEmpty }) else { return nil }
            // A row starts at the first column.
            if !row[0].isEmpty, line.indent != starts[0] { return nil }
            if row[0].isEmpty {
                guard !rows.isEmpty else { return nil }
                for (i, cell) in row.enumerated() where !cell.isEmpty {
                    rows[rows.count - 1][i].texts.append(cell)
                    rows[rows.count - 1][i].numbers.append(line.number)
                }
            } else {
                rows.append(row.map { $0.isEmpty ? ([], []) : ([$0], [line.number]) })
            }
        }
        guard !rows.isEmpty else { return nil }
        let header = [head.map { paragraphText([$0], numbers: [lines[0].number]) }]
        let body = rows.map { $0.map { paragraphText($0.texts, numbers: $0.numbers) } }
        return Table(header: header, rows: body, location: SourceLocation(file: path, line: lines[0].number, column: lines[0].indent + 1))
    }

    /// A rule under a table's head: dashes or equals signs only, drawn whole or a run per
    /// column ("---  ----  -----------").
    static func isColumnRule(_ content: Substring) -> Bool {
        guard let first = content.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "="), content.utf8.count >= 10 else { return false }
        return content.utf8.allSatisfy { $0 == first || $0 == 0x20 }
    }

    /// A line's cells: its text split where two spaces or more stand.
    static func columns(_ content: Substring) -> [Substring] {
        var out: [Substring] = []
        var rest = content.drop(while: { $0 == " " })
        while !rest.isEmpty {
            let gap = rest.utf8.indices.first { rest.utf8[$0] == 0x20 && rest.utf8.index(after: $0) < rest.utf8.endIndex && rest.utf8[rest.utf8.index(after: $0)] == 0x20 }
            guard let gap else { out.append(trimmed(rest)); break }
            out.append(trimmed(rest[..<gap]))
            rest = rest[gap...].drop(while: { $0 == " " })
        }
        return out.filter { !$0.isEmpty }
    }

    /// The offsets of the "+" of a border line ("+----+====+"), or nil when it is not one.
    static func borderEdges(_ content: Substring) -> [Int]? {
        let bytes = content.utf8
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "+"), bytes.last == UInt8(ascii: "+") else { return nil }
        var edges: [Int] = []
        var previous: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "+"):
                guard previous != UInt8(ascii: "+") else { return nil }
                edges.append(offset)
            case UInt8(ascii: "-"), UInt8(ascii: "="): break
            default: return nil
            }
            previous = byte
        }
        return edges.count >= 2 ? edges : nil
    }

    /// A rule of dashes (or "=") alone, no column marks: "-------".
    static func isPlainRule(_ content: Substring) -> Bool {
        guard let first = content.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "="), content.utf8.count >= 3 else { return false }
        return content.utf8.allSatisfy { $0 == first }
    }

    /// The offsets of the "|" of a grid row ("|  a  |  b  |"), or nil when it is not one.
    static func pipeEdges(_ content: Substring) -> [Int]? {
        guard content.utf8.first == UInt8(ascii: "|"), content.utf8.last == UInt8(ascii: "|") else { return nil }
        let edges = content.utf8.enumerated().filter { $0.element == UInt8(ascii: "|") }.map(\.offset)
        return edges.count >= 2 ? edges : nil
    }

    private static func trimmed(_ s: Substring) -> Substring {
        guard let start = s.firstIndex(where: { $0 != " " }), let end = s.lastIndex(where: { $0 != " " }) else { return "" }
        return s[start...end]
    }
}
