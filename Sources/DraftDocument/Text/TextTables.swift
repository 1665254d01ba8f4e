/// Grid tables drawn in text, as xml2rfc prints `<texttable>` (v2) and `<table>` (v3):
///
///     +========+=======================+
///     | Code   | Meaning               |
///     +========+=======================+
///     | 012    | The event MUST hold   |
///     |        | the result.           |
///     +--------+-----------------------+
///
/// The figure keeps the drawing as printed; the cells' text is read beside it, so that a
/// requirement in a cell is read as it is from XML. A drawing that is not such a grid (a
/// cell spanning columns, a border out of line, anything around it) is left a drawing.
extension TextBlockBuilder {
    static func gridTable(_ lines: [TextLine], path: String) -> Table? {
        guard lines.count >= 3, let first = lines.first, let last = lines.last else { return nil }
        let indent = first.indent
        guard let edges = borderEdges(first.content), borderEdges(last.content) == edges else { return nil }
        // Between borders: bands of content lines, each line one "|" per column edge.
        var bands: [[(line: TextLine, cells: [Substring])]] = []
        var band: [(line: TextLine, cells: [Substring])] = []
        var borders = 1
        var doubled = first.content.utf8.contains(UInt8(ascii: "="))
        for line in lines.dropFirst() {
            guard line.kind == .text, line.indent == indent else { return nil }
            if line.content.first == "+" {
                guard borderEdges(line.content) == edges, !band.isEmpty else { return nil }
                if line.content.utf8.contains(UInt8(ascii: "=")) { doubled = true }
                bands.append(band)
                band = []
                borders += 1
                continue
            }
            let parts = line.content.split(separator: "|", omittingEmptySubsequences: false)
            guard line.content.first == "|", line.content.last == "|", parts.count == edges.count + 1 else { return nil }
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

    private static func trimmed(_ s: Substring) -> Substring {
        guard let start = s.firstIndex(where: { $0 != " " }), let end = s.lastIndex(where: { $0 != " " }) else { return "" }
        return s[start...end]
    }
}
