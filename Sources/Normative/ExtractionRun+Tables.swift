import DraftDocument
import Foundation

/// Tables: cells, and rows read as one statement.
extension ExtractionRun {
    /// A table's cells, header rows first, each one run of prose; a body row with a cell
    /// that opens with a keyword ("MUST NOT" under "Status") is one statement, the row.
    mutating func cells(of table: Table, _ ctx: inout Context, counted: Bool = false) {
        for row in table.header {
            for cell in row { unit(cell, at: table.location, &ctx, counted: counted) }
        }
        let labels = table.header.last
        for row in table.rows {
            if let whole = Self.rowStatement(row, labels: labels) {
                unit(whole, at: table.location, &ctx, counted: counted, oneSentence: true)
            } else {
                for cell in row { unit(cell, at: table.location, &ctx, counted: counted) }
            }
        }
    }

    /// A row read as one statement when a cell opens with a keyword: a level in a column
    /// of levels (RFC 8221's "ENCR_DES | MUST NOT | No"), or a rule with no subject ("MUST
    /// be 0") that the row's first cell names; alone, "MUST NOT" says nothing. Each cell is
    /// set after its column's name when the head names every column (the corner over the
    /// rows' names may be empty) and holds no keyword itself: "Name: ENCR_DES; Status: MUST
    /// NOT; AEAD: No", "server-ip; INIT-REBOOT: MUST NOT". Nil when no cell opens with a
    /// keyword: cells that are sentences are statements alone.
    static func rowStatement(_ row: [InlineText], labels: [InlineText]?) -> InlineText? {
        guard row.count > 1, row.contains(where: { KeywordScanner.occurrences(in: normalize($0).bytes).first?.range.lowerBound == 0 }) else { return nil }
        var names: [String]?
        if let labels, labels.count == row.count {
            let texts = labels.map(\.normalizedText)
            // A matrix leaves the corner over its row names empty (RFC 2131's Table 4).
            if texts.enumerated().allSatisfy({ ($0.offset == 0 || !$0.element.isEmpty) && KeywordScanner.occurrences(in: $0.element).isEmpty }) { names = texts }
        }
        var whole = InlineText()
        var offset = 0
        for (i, untrimmed) in row.enumerated() where !untrimmed.normalizedText.isEmpty {
            let cell = trimmed(untrimmed)
            var lead = whole.spans.isEmpty ? "" : "; "
            if let names, !names[i].isEmpty { lead += names[i] + ": " }
            if !lead.isEmpty {
                whole.append(Span(lead))
                offset += lead.utf8.count
            }
            whole.lineStarts += cell.lineStarts.map { InlineText.LineStart(offset: offset + $0.offset, line: $0.line) }
            whole.append(contentsOf: cell)
            offset += cell.plainText.utf8.count
        }
        return whole
    }

    /// A cell without the white space at its ends (its line starts moved with its text).
    static func trimmed(_ cell: InlineText) -> InlineText {
        var out = cell
        let space: (Character) -> Bool = { $0.isWhitespace }
        let shown: (Span) -> Bool = { span in
            if case .invisible = span.kind { return false }
            return !span.text.isEmpty
        }
        if let i = out.spans.firstIndex(where: shown) {
            let text = out.spans[i].text
            let kept = text.drop(while: space)
            let cut = text.utf8.count - kept.utf8.count
            out.spans[i].text = String(kept)
            out.lineStarts = out.lineStarts.map { InlineText.LineStart(offset: max(0, $0.offset - cut), line: $0.line) }
        }
        if let i = out.spans.lastIndex(where: shown) {
            var text = Substring(out.spans[i].text)
            while let last = text.last, space(last) { text = text.dropLast() }
            out.spans[i].text = String(text)
        }
        return out
    }
}
