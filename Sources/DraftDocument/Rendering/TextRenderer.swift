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
        var parts: [String] = []
        render(section, includeSubsections: includeSubsections, into: &parts)
        return parts.joined(separator: "\n\n")
    }

    /// A section's pieces in order, its subsections' after its own, joined once by the
    /// caller: joining at every level copied each subsection's text once per level above
    /// it (sections nested 400 deep took 9.6 s).
    private static func render(_ section: Section, includeSubsections: Bool, into parts: inout [String]) {
        parts.append(heading(section))
        for block in section.blocks {
            let text = render(block)
            if !text.isEmpty { parts.append(text) }
        }
        if includeSubsections {
            for sub in section.subsections { render(sub, includeSubsections: true, into: &parts) }
        }
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
    /// by their display text (never broken at their hyphens), editors' comments on "//"
    /// lines of their own (filled for a section paragraph), other invisible markup dropped.
    public static func displayText(_ text: InlineText) -> String {
        displayText(text, commentWidth: 66)
    }

    /// `displayText` with comments filled to `commentWidth` columns (xml2rfc: the
    /// paragraph's width less the "//  " prefix).
    static func displayText(_ text: InlineText, commentWidth: Int) -> String {
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
                case .sub: out += scripted(span.text, mark: "_")
                case .sup: out += scripted(span.text, mark: "^")
                }
            case .invisible(let what):
                if !span.text.isEmpty, what.hasPrefix("cref:") { out += commentLines(span.text, width: commentWidth) }
            }
        }
        return out
    }

    /// A `<cref>` as xml2rfc writes it inside a paragraph: a line break, then the comment
    /// filled to `width` with "// " before every line; a "-- source" line hangs 3 more.
    static func commentLines(_ comment: String, width: Int) -> String {
        var lines: [String] = []
        for part in comment.split(separator: "\u{2028}", omittingEmptySubsequences: false) {
            if part.isEmpty {
                lines.append("")
            } else if part.hasPrefix("-- ") {
                lines += TextFill.wrap(String(part), initial: "", subsequent: "   ", width: max(10, width - 3))
            } else {
                lines += TextFill.wrap(String(part), initial: "", subsequent: "", width: max(10, width))
            }
        }
        return "\u{2028}" + lines.map { $0.isEmpty ? "//" : "// " + $0 }.joined(separator: "\u{2028}")
    }

    /// xml2rfc writes `^x`/`_x` without parentheses for one signed word: an optional sign,
    /// then an expression already in balanced parentheses, or digits with at most one
    /// decimal point followed by letters and digits ("2", "n", "1.5e"; not "a.0", "n+1",
    /// nor anything holding "_").
    /// A subscript ("_") or superscript ("^") as xml2rfc's text prints it: "2^16",
    /// "D_(n-1)" (an expression that is not simple in parentheses).
    static func scripted(_ text: String, mark: String) -> String {
        isSimpleExpression(text) ? mark + text : mark + "(" + text + ")"
    }

    static func isSimpleExpression(_ s: String) -> Bool {
        var body = Substring(s)
        if let f = body.unicodeScalars.first, "+-\u{2212}\u{00B1}\u{2213}\u{FE63}\u{FF0B}\u{FF0D}".unicodeScalars.contains(f) {
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return false }
        if isParenthesized(body) { return true }
        if body.contains("_") { return false }
        var rest = body[...]
        let digits = rest.prefix(while: \.isNumber)
        if !digits.isEmpty {
            rest = rest.dropFirst(digits.count)
            if rest.first == ".", let next = rest.dropFirst().first, next.isNumber {
                rest = rest.dropFirst().drop(while: \.isNumber)
            }
        }
        return rest.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// "(...)" whose parentheses balance, the outer pair enclosing everything.
    static func isParenthesized(_ s: Substring) -> Bool {
        guard s.count >= 2, s.first == "(", s.last == ")" else { return false }
        var depth = 0
        for c in s.dropFirst().dropLast() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
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
            return fillLines(displayText(p.content, commentWidth: width - indent - 3), initial: pad, subsequent: pad, width: width)
        case .list(let list):
            return listLines(list, indent: indent, width: width)
        case .figure(let figure):
            return figure.kind == .textArt ? textArtLines(figure, pad: pad, width: width) : FigureLayout.lines(figure, indent: indent, width: width)
        case .table(let table):
            return FigureLayout.lines(table, indent: indent, width: width)
        case .blockquote(let c):
            // xml2rfc: "|  " before every line, the quote filled 3 columns narrower, then
            // "-- quotedFrom" and the cited address, each hanging 3.
            let inner = width - indent - 3
            var parts = c.blocks.map { lines($0, indent: 0, width: inner) }
            var source: [String] = []
            if let by = c.quotedFrom { source += TextFill.wrap("-- " + by, initial: "", subsequent: "   ", width: inner - 3).map(TextFill.finish) }
            if let cite = c.citation { source += TextFill.wrap(cite, initial: "   ", subsequent: "   ", width: inner - 3).map(TextFill.finish) }
            if !source.isEmpty { parts.append(source) }
            return barred(joined(parts), prefix: pad + "|  ")
        case .aside(let c):
            var parts: [[String]] = []
            if let title = c.title { parts.append(fillLines(title, initial: "", subsequent: "", width: width - indent - 6)) }
            parts += c.blocks.map { lines($0, indent: 0, width: width - indent - 6) }
            return barred(joined(parts), prefix: pad + "   |  ")
        case .references(let group):
            return ReferenceLayout.lines(group, indent: indent, width: width)
        }
    }

    /// Lines behind a quote bar; an empty line keeps the bar's two spaces, as xml2rfc's do.
    static func barred(_ lines: [String], prefix: String) -> [String] {
        lines.map { prefix + $0 }
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
                // xml2rfc's <dl>: the term, two spaces, then the first line of the body
                // on the same line, the rest hanging `indent` (3) columns in. The body
                // starts on the next line (no blank line) when the list says
                // newline="true", when it opens with a list, figure, table or quote, or
                // when its first word would not fit beside the term.
                let term = displayText(item.term ?? InlineText()).trimmingWhitespace
                let hang = list.bodyIndent ?? 3
                let bodyIndent = indent + hang
                let bodyPad = String(repeating: " ", count: bodyIndent)
                // A short term is padded so that the body lines up at the hang.
                let shownTerm = term + String(repeating: " ", count: max(0, hang - 2 - term.count))
                var first = true
                for block in item.blocks {
                    if first, !term.isEmpty, !list.termsOnOwnLine, case .paragraph(let p) = block, firstWordFits(p.content, beside: term, width: width - indent) {
                        out += fillLines(displayText(p.content, commentWidth: width - bodyIndent - 3), initial: pad + shownTerm + "  ", subsequent: bodyPad, width: width)
                    } else if first, !term.isEmpty, !list.termsOnOwnLine, case .list(let nested) = block, nested.style == .definition,
                              let firstLine = lines(block, indent: bodyIndent, width: width).first {
                        var nestedLines = lines(block, indent: bodyIndent, width: width)
                        nestedLines[0] = pad + shownTerm + "  " + firstLine.drop(while: { $0 == " " })
                        out += nestedLines
                    } else if first, term.isEmpty, case .paragraph(let p) = block {
                        out += fillLines(displayText(p.content, commentWidth: width - bodyIndent - 3), initial: bodyPad, subsequent: bodyPad, width: width)
                    } else {
                        if first, !term.isEmpty { out += fillLines(term, initial: pad, subsequent: pad, width: width) }
                        if !first, !out.isEmpty { out.append("") }
                        out += lines(block, indent: bodyIndent, width: width)
                    }
                    first = false
                }
                if first && !term.isEmpty { out += fillLines(term, initial: pad, subsequent: pad, width: width) }
            default:
                let marker = item.marker ?? ""
                let padding = list.bodyIndent ?? (list.style == .plain || marker.isEmpty ? 3 : max(markerWidth, marker.count) + 2)
                let bodyIndent = indent + padding
                let bodyPad = String(repeating: " ", count: bodyIndent)
                var first = true
                for block in item.blocks {
                    if !first { out.append("") }
                    if first, case .paragraph(let p) = block {
                        // xml2rfc fills the item at the body indent and then writes the
                        // marker over the first line's indent; a marker wider than that
                        // runs into the text.
                        let spaces = list.bodyIndent == nil ? max(1, padding - marker.count) : max(0, padding - marker.count)
                        let head = pad + marker + String(repeating: " ", count: spaces)
                        var filled = fillLines(displayText(p.content, commentWidth: width - bodyIndent - 3), initial: bodyPad, subsequent: bodyPad, width: width)
                        if !filled.isEmpty { filled[0] = head + filled[0].dropFirst(bodyPad.count) }
                        out += filled
                    } else if first {
                        var blockLines = lines(block, indent: itemBlockIndent(block, list: list, listIndent: indent, bodyIndent: bodyIndent), width: width)
                        if !marker.isEmpty, !(list.bodyIndent != nil && dropsMarker(block)), let firstLine = blockLines.first {
                            let head = pad + marker
                            blockLines[0] = head + String(firstLine.dropFirst(min(head.count, firstLine.prefix(while: { $0 == " " }).count)))
                        }
                        out += blockLines
                    } else {
                        out += lines(block, indent: itemBlockIndent(block, list: list, listIndent: indent, bodyIndent: bodyIndent), width: width)
                    }
                    first = false
                }
                if first, !marker.isEmpty { out.append(pad + marker) }
            }
            items.append(out)
        }
        // spacing="compact": no blank line between items.
        return list.isCompact ? items.flatMap { $0 } : joined(items)
    }

    /// Bare artwork and sourcecode in an XML list item sit 3 columns in from the list,
    /// not at the item's text (xml2rfc keeps the section's joiner for them).
    static func itemBlockIndent(_ block: Block, list: ListBlock, listIndent: Int, bodyIndent: Int) -> Int {
        if list.bodyIndent != nil, case .figure(let f) = block, f.number == nil, f.kind != .textArt { return listIndent + 3 }
        return bodyIndent
    }

    /// xml2rfc writes no marker for an item that opens with art, a figure, or a
    /// bulleted or numbered list.
    static func dropsMarker(_ block: Block) -> Bool {
        switch block {
        case .figure: return true
        case .list(let l): return l.style != .definition
        default: return false
        }
    }

    /// xml2rfc puts a definition on the term's line only when its first word fits there.
    static func firstWordFits(_ content: InlineText, beside term: String, width: Int) -> Bool {
        let firstWord = displayText(content).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first ?? ""
        return firstWord.count <= width - 2 - term.count
    }

    /// Art read from a text document: its lines as they stood, at the indent, and the
    /// caption read under it (which holds its own "Table 2:") where it stood beside them.
    private static func textArtLines(_ figure: Figure, pad: String, width: Int) -> [String] {
        var lines = figure.verbatim.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            if l.hasSuffix("\r") { l.removeLast() }
            return l
        }
        while let f = lines.first, f.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let l = lines.last, l.allSatisfy(\.isWhitespace) { lines.removeLast() }
        var out = lines.map { line in
            var l = line.replacingOccurrences(of: "\t", with: "        ")
            while l.last == " " { l.removeLast() }
            return l.isEmpty ? "" : pad + l
        }
        if let title = figure.title, let at = figure.titleLocation {
            let least = out.lazy.filter { !$0.isEmpty }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? pad.count
            let indent = String(repeating: " ", count: max(0, least + at.column - figure.location.column))
            out += [""] + TextFill.wrap(title, initial: indent, subsequent: indent, width: width).map(TextFill.finish)
        }
        return out
    }
}

extension InlineText {
    /// Superscripts and subscripts as xml2rfc's text shows them ("2^16", "D_(n-1)"), other
    /// spans as they are: in plain text "2<sup>16</sup>" reads "216" (RFC 8755's "The RSA
    /// exponent e MUST satisfy 2^16 < e < 2^256").
    public var scriptsShown: InlineText {
        guard spans.contains(where: { $0.kind == .emphasis(.sup) || $0.kind == .emphasis(.sub) }) else { return self }
        var shown = self
        shown.spans = spans.map { span in
            switch span.kind {
            case .emphasis(.sup): Span(TextRenderer.scripted(span.text, mark: "^"))
            case .emphasis(.sub): Span(TextRenderer.scripted(span.text, mark: "_"))
            default: span
            }
        }
        return shown
    }
}

extension String {
    /// White space trimmed from both ends, except no-break spaces and forced line breaks
    /// (U+2028: a paragraph that opens with `<br/>` or a comment starts with an empty line).
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace, f != "\u{00A0}", f != "\u{2028}" { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace, l != "\u{00A0}", l != "\u{2028}" { s = s.dropLast() }
        return String(s)
    }
}
