/// Blocks and sections as xml2rfc's text output shows them: 72 columns, paragraphs at 3
/// spaces, list bodies hanging after their marker, artwork verbatim, two spaces after a
/// sentence end. Used for quoting text in reports and for errata diffs.
public enum TextRenderer {
    /// One block at `indent` columns (3 for a section's paragraphs), no trailing newline.
    public static func render(_ block: Block, indent: Int = 3, width: Int = 72) -> String {
        lines(block, indent: indent, width: width).joined(separator: "\n")
    }

    /// A section's heading ("2.9.  Traffic Selector Negotiation", "Appendix A.  Title")
    /// and its blocks, each separated by a blank line; subsections follow when asked.
    public static func render(_ section: Section, includeSubsections: Bool = true) -> String {
        var parts: [String] = [heading(section)]
        for block in section.blocks {
            let text = render(block)
            if !text.isEmpty { parts.append(text) }
        }
        if includeSubsections {
            for sub in section.subsections { parts.append(render(sub, includeSubsections: true)) }
        }
        return parts.joined(separator: "\n\n")
    }

    /// Word-wraps plain text at `width` with every line at `indent` spaces, the way xml2rfc
    /// fills a paragraph (sentence ends get two spaces).
    public static func fill(_ text: String, indent: Int, width: Int = 72) -> String {
        let pad = String(repeating: " ", count: max(0, indent))
        return fill(text, initial: pad, subsequent: pad, width: width)
    }

    /// The heading line(s) of a section as xml2rfc writes them at the left margin.
    public static func heading(_ section: Section, width: Int = 72) -> String {
        guard let number = section.number else {
            return fill(section.title, initial: "", subsequent: "", width: width)
        }
        var label = number + "."
        if section.depth == 1, number.first?.isLetter == true { label = "Appendix " + label }
        let hang = String(repeating: " ", count: label.count + 2)
        let lines = TextFill.wrap(label + "  " + section.title, initial: "", subsequent: hang, width: width)
        return lines.map(TextFill.finish).joined(separator: "\n")
    }

    /// Inline text as xml2rfc shows it: `_em_`, `*strong*`, `^sup`, `_sub`, cross-references
    /// by their display text (never broken at their hyphens), invisible markup dropped.
    public static func displayText(_ text: InlineText) -> String {
        var out = ""
        for span in text.spans {
            switch span.kind {
            case .text, .bcp14, .eref:
                out += span.text
            case .xref:
                out += span.text.replacingOccurrences(of: "-", with: "\u{2011}")
            case .emphasis(let e):
                switch e {
                case .em: out += "_\(span.text)_"
                case .strong: out += "*\(span.text)*"
                case .tt: out += span.text
                case .sub: out += isSimpleExpression(span.text) ? "_\(span.text)" : "_(\(span.text))"
                case .sup: out += isSimpleExpression(span.text) ? "^\(span.text)" : "^(\(span.text))"
                }
            case .invisible:
                break
            }
        }
        return out
    }

    static func isSimpleExpression(_ s: String) -> Bool {
        var body = Substring(s)
        if let f = body.first, f == "+" || f == "-" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }
    }

    static func fill(_ text: String, initial: String, subsequent: String, width: Int) -> String {
        TextFill.wrap(text.trimmingWhitespace, initial: initial, subsequent: subsequent, width: width)
            .map(TextFill.finish).joined(separator: "\n")
    }

    // MARK: - Blocks

    static func lines(_ block: Block, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: max(0, indent))
        switch block {
        case .paragraph(let p):
            return fillLines(displayText(p.content), initial: pad, subsequent: pad, width: width)
        case .list(let list):
            return listLines(list, indent: indent, width: width)
        case .figure(let figure):
            return figureLines(figure, pad: pad)
        case .table(let table):
            return TableRenderer.lines(table, indent: indent, width: width)
        case .blockquote(let c):
            // xml2rfc: "|  " before every line, the quote filled 3 columns narrower.
            return barred(joined(c.blocks.map { lines($0, indent: 0, width: width - indent - 3) }), prefix: pad + "|  ")
        case .aside(let c):
            var parts: [[String]] = []
            if let title = c.title { parts.append(fillLines(title, initial: "", subsequent: "", width: width - indent - 6)) }
            parts += c.blocks.map { lines($0, indent: 0, width: width - indent - 6) }
            return barred(joined(parts), prefix: pad + "   |  ")
        case .references(let group):
            return referenceLines(group, indent: indent, width: width)
        }
    }

    static func barred(_ lines: [String], prefix: String) -> [String] {
        lines.map { line in
            let full = prefix + line
            var end = full.endIndex
            while end > full.startIndex, full[full.index(before: end)] == " " { end = full.index(before: end) }
            return String(full[..<end])
        }
    }

    static func fillLines(_ text: String, initial: String, subsequent: String, width: Int) -> [String] {
        TextFill.wrap(text.trimmingWhitespace, initial: initial, subsequent: subsequent, width: width).map(TextFill.finish)
    }

    /// Blocks separated by one blank line.
    static func joined(_ parts: [[String]]) -> [String] {
        var out: [String] = []
        for part in parts where !part.isEmpty {
            if !out.isEmpty { out.append("") }
            out += part
        }
        return out
    }

    private static func listLines(_ list: ListBlock, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var items: [[String]] = []
        let markerWidth = list.items.map { ($0.marker ?? "").count }.max() ?? 0
        for item in list.items {
            var out: [String] = []
            switch list.style {
            case .definition:
                // xml2rfc's default <dl> (newline="false"): the term, two spaces, then the
                // first paragraph on the same line; the body hangs 3 columns in.
                let term = displayText(item.term ?? InlineText()).trimmingWhitespace
                let bodyIndent = indent + 3
                let bodyPad = String(repeating: " ", count: bodyIndent)
                var first = true
                for block in item.blocks {
                    if first, case .paragraph(let p) = block {
                        let head = term.isEmpty ? bodyPad : pad + term + "  "
                        out += fillLines(displayText(p.content), initial: head, subsequent: bodyPad, width: width)
                    } else {
                        if first, !term.isEmpty { out += fillLines(term, initial: pad, subsequent: pad, width: width) }
                        if !out.isEmpty { out.append("") }
                        out += lines(block, indent: bodyIndent, width: width)
                    }
                    first = false
                }
                if first && !term.isEmpty { out += fillLines(term, initial: pad, subsequent: pad, width: width) }
            default:
                let marker = item.marker ?? ""
                let padding = list.style == .plain || marker.isEmpty ? 3 : max(markerWidth, marker.count) + 2
                let bodyIndent = indent + padding
                let bodyPad = String(repeating: " ", count: bodyIndent)
                var first = true
                for block in item.blocks {
                    if !first { out.append("") }
                    if first, case .paragraph(let p) = block {
                        let head = pad + marker + String(repeating: " ", count: max(1, padding - marker.count))
                        out += fillLines(displayText(p.content), initial: head, subsequent: bodyPad, width: width)
                    } else if first {
                        var blockLines = lines(block, indent: bodyIndent, width: width)
                        if !marker.isEmpty, let firstLine = blockLines.first {
                            let head = pad + marker
                            blockLines[0] = head + String(firstLine.dropFirst(min(head.count, firstLine.prefix(while: { $0 == " " }).count)))
                        }
                        out += blockLines
                    } else {
                        out += lines(block, indent: bodyIndent, width: width)
                    }
                    first = false
                }
                if first, !marker.isEmpty { out.append(pad + marker) }
            }
            items.append(out)
        }
        return joined(items)
    }

    private static func figureLines(_ figure: Figure, pad: String) -> [String] {
        var lines = figure.verbatim.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            if l.hasSuffix("\r") { l.removeLast() }
            return l
        }
        while let f = lines.first, f.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let l = lines.last, l.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.map { line in
            var l = line.replacingOccurrences(of: "\t", with: "        ")
            while l.last == " " { l.removeLast() }
            return l.isEmpty ? "" : pad + l
        }
    }

    private static func referenceLines(_ group: ReferenceGroup, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var parts: [[String]] = []
        let labelWidth = (group.entries.map { $0.anchor.count + 2 }.max() ?? 0) + 2
        for entry in group.entries {
            let label = "[\(entry.anchor)]"
            var fields: [String] = []
            if let title = entry.title { fields.append("\"\(title)\"") }
            fields += entry.seriesInfo
            if entry.isPlaceholder { fields.append("(not available offline)") }
            let body = fields.joined(separator: ", ") + (fields.isEmpty ? "" : ".")
            let hang = String(repeating: " ", count: indent + min(labelWidth, 11))
            let head = pad + label + String(repeating: " ", count: max(2, min(labelWidth, 11) - label.count))
            if head.count > hang.count {
                parts.append([pad + label] + fillLines(body, initial: hang, subsequent: hang, width: width))
            } else {
                parts.append(fillLines(body, initial: head, subsequent: hang, width: width))
            }
        }
        return joined(parts)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace, f != "\u{00A0}" { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace, l != "\u{00A0}" { s = s.dropLast() }
        return String(s)
    }
}
