import Foundation

/// Block content: mixed content split into paragraphs and blocks, figures and artwork, tables.
extension XMLModelBuilder {
    static let blockElements: Set<String> = [
        "t", "ul", "ol", "dl", "list", "figure", "artwork", "sourcecode", "artset", "table",
        "texttable", "blockquote", "aside", "note", "preamble", "postamble",
    ]

    func flow(_ node: XMLNode) throws -> [Block] {
        var nodes: [XMLNode] = []
        try forEachChild(of: node) { child in
            if child.isElement(named: "name") || child.isElement(named: "section") { return }
            nodes.append(child)
        }
        return try flow(nodes: nodes, in: node)
    }

    /// Mixed content: runs of inline content become paragraphs, block elements become
    /// their blocks. A v2 `<t>` holding a `<list>` splits around it, as xml2rfc does.
    func flow(nodes: [XMLNode], in parent: XMLNode) throws -> [Block] {
        var blocks: [Block] = []
        var inline = InlineText()
        var inlineStart: XMLNode?
        func flush() {
            if let start = inlineStart, !Self.isBlank(inline) {
                let anchor = parent.name == "t" && blocks.isEmpty ? parent.attribute("anchor") : nil
                blocks.append(.paragraph(Paragraph(content: inline, location: location(start.isText ? parent : start), anchor: anchor)))
            }
            inline = InlineText()
            inlineStart = nil
        }
        for child in nodes {
            if child.isElement, Self.blockElements.contains(child.name) {
                flush()
                blocks += try block(child)
            } else if child.isElement(named: "vspace"), (Int(child.attribute("blankLines") ?? "0") ?? 0) > 0 {
                flush()
            } else if child.isElement, child.name == "author" || (child.name == "contact" && parent.name == "section") {
                // Prepped documents list the authors inside "Authors' Addresses"; a
                // <contact> directly in a section is an address block, not running text.
                flush()
            } else if child.isElement(named: "include"), child.isXInclude {
                flush()
                warn("xi:include href=\"\(child.attribute("href") ?? "")\" not read: an include inside running text is not expanded; its content is missing from this reading", child)
            } else if child.isElement || child.isText || child.isEntityReference {
                if inlineStart == nil {
                    if child.isText && Self.isBlank(child.content) { continue }
                    inlineStart = child
                }
                try appendInline(child, to: &inline)
            }
        }
        flush()
        if let first = blocks.first, case .paragraph(var p) = first, parent.name == "t" {
            p.location = location(parent)
            blocks[0] = .paragraph(p)
        }
        return blocks
    }

    private func block(_ node: XMLNode) throws -> [Block] {
        switch node.name {
        case "t", "preamble", "postamble":
            return try flow(node)
        case "ul":
            let empty = node.attribute("empty") == "true"
            let symbol = Self.bulletSymbols[lists.bulletDepth % Self.bulletSymbols.count]
            lists.bulletDepth += 1
            defer { lists.bulletDepth -= 1 }
            var list = try listBlock(node, style: empty ? .plain : .bullet, itemName: "li") { _, _ in
                empty ? nil : symbol
            }
            list.bodyIndent = node.attribute("indent").flatMap { Int($0) } ?? (empty ? 3 : symbol.count + 2)
            list.isCompact = node.attribute("spacing") == "compact"
            return [.list(list)]
        case "ol":
            let format = OrderedListFormat(type: node.attribute("type") ?? "1", parentLabel: lists.orderedItemLabels.last)
            let count = node.children.filter { $0.isElement(named: "li") }.count
            let start = orderedListStart(start: node.attribute("start"), group: node.attribute("group"), itemCount: count)
            var list = try listBlock(node, style: .ordered, itemName: "li") { index, _ in
                format.label(start + index)
            }
            list.bodyIndent = node.attribute("indent").flatMap { Int($0) } ?? format.adaptiveIndent(itemCount: count)
            list.isCompact = node.attribute("spacing") == "compact"
            return [.list(list)]
        case "dl":
            var list = try definitionList(node)
            list.bodyIndent = node.attribute("indent").flatMap { Int($0) }
            list.isCompact = node.attribute("spacing") == "compact"
            list.termsOnOwnLine = node.attribute("newline") == "true"
            return [.list(list)]
        case "list":
            return [.list(try v2List(node))]
        case "figure":
            return try figure(node)
        case "artwork", "sourcecode", "artset":
            return artwork(node, title: nil, anchor: node.attribute("anchor")).map { .figure($0) }
        case "table":
            return [.table(try table(node))]
        case "texttable":
            return try texttable(node)
        case "blockquote":
            var quote = Container(title: nil, blocks: try flow(node), location: location(node))
            quote.quotedFrom = node.attribute("quotedFrom").flatMap { $0.isEmpty ? nil : $0 }
            quote.citation = node.attribute("cite").flatMap { $0.isEmpty ? nil : $0 }
            return [.blockquote(quote)]
        case "aside":
            return [.aside(Container(title: nil, blocks: try flow(node), location: location(node)))]
        case "note":
            return [.aside(Container(title: try title(of: node), blocks: try flow(node), location: location(node)))]
        default:
            return []
        }
    }

    private func figure(_ node: XMLNode) throws -> [Block] {
        let title = try self.title(of: node)
        let anchor = node.attribute("anchor")
        // xml2rfc's v2 conversion turns a figure with neither title nor anchor into bare
        // artwork: it gets no number.
        let numbered = isV3 || (title.map { !$0.isEmpty } ?? false) || anchor != nil
        if numbered {
            numbering.figures += 1
            if let anchor { xrefs.targets[anchor] = .figure(numbering.figures, title: title.flatMap { $0.isEmpty ? nil : $0 }) }
        }
        var out: [Block] = []
        var first = true
        try forEachChild(of: node) { child in
            guard child.isElement else { return }
            switch child.name {
            case "preamble", "postamble":
                out += try flow(child)
            case "artwork", "sourcecode", "artset":
                for var art in artwork(child, title: first ? title : nil, anchor: first ? anchor : nil) {
                    // v2 puts align on the figure; xml2rfc's conversion moves it to the artwork.
                    if art.alignment == nil { art.alignment = node.attribute("align").flatMap { $0 == "left" ? nil : $0 } }
                    out.append(.figure(art))
                }
                first = false
            default:
                break
            }
        }
        // The caption follows the figure's last artwork.
        if numbered, let last = out.lastIndex(where: { if case .figure = $0 { return true }; return false }), case .figure(var art) = out[last] {
            art.number = numbering.figures
            art.title = title
            out[last] = .figure(art)
        }
        return out
    }

    private func artwork(_ node: XMLNode, title: String?, anchor: String?) -> [Figure] {
        if node.name == "artset" {
            let arts = node.elements("artwork")
            guard let chosen = arts.first(where: { $0.attribute("type") == "ascii-art" }) ?? arts.first else { return [] }
            return artwork(chosen, title: title, anchor: anchor)
        }
        // Art the text output cannot show (SVG, inline or from a file): xml2rfc prints
        // where to see it instead.
        let type = node.attribute("type") ?? ""
        if type.lowercased() == "svg" || node.firstElement("svg") != nil {
            var figure = Figure(kind: node.name == "sourcecode" ? .sourcecode : .artwork, title: title, anchor: anchor ?? node.attribute("anchor"), verbatim: "", location: location(node))
            figure.alignment = node.attribute("align").flatMap { $0 == "left" ? nil : $0 }
            figure.unavailableNote = "(Artwork only available as \(type.isEmpty ? "(unknown type)" : type.uppercased()): see https://www.ietf.org/archive/id/\(docName ?? "None").html)"
            return [figure]
        }
        var text = node.textContent
        if let src = node.attribute("src"), text.allSatisfy(\.isWhitespace) {
            switch resolver.resolve(src) {
            case .file(let path):
                if let data = FileManager.default.contents(atPath: path) {
                    text = String(decoding: data, as: UTF8.self)
                }
            case .network(let url):
                warn("artwork src \(url) not fetched (offline)", node)
            case .unavailable(let reason):
                warn("artwork src: \(reason)", node)
            }
        }
        let kind: Figure.Kind = node.name == "sourcecode" ? .sourcecode : .artwork
        var figure = Figure(kind: kind, title: title, anchor: anchor ?? node.attribute("anchor"), verbatim: text, location: location(node))
        figure.alignment = node.attribute("align").flatMap { $0 == "left" ? nil : $0 }
        if kind == .sourcecode, node.attribute("markers") == "true" {
            figure.hasCodeMarkers = true
            figure.fileName = node.attribute("name").flatMap { $0.isEmpty ? nil : $0 }
        }
        return [figure]
    }

    private func table(_ node: XMLNode) throws -> Table {
        numbering.tables += 1
        let anchor = node.attribute("anchor")
        let title = try title(of: node)
        if let anchor { xrefs.targets[anchor] = .table(numbering.tables, title: title) }
        var header: [[InlineText]] = []
        var rows: [[InlineText]] = []
        var headerFormats: [[TableCellFormat]] = []
        var rowFormats: [[TableCellFormat]] = []
        func row(_ tr: XMLNode, isHeader: Bool) throws {
            var cells: [InlineText] = []
            var formats: [TableCellFormat] = []
            try forEachChild(of: tr) { cell in
                guard cell.isElement(named: "td") || cell.isElement(named: "th") else { return }
                cells.append(try cellText(cell))
                formats.append(TableCellFormat(isHeader: cell.name == "th", alignment: cell.attribute("align"),
                                               columnSpan: cell.attribute("colspan").flatMap { Int($0) } ?? 1,
                                               rowSpan: cell.attribute("rowspan").flatMap { Int($0) } ?? 1))
            }
            if isHeader { header.append(cells); headerFormats.append(formats) } else { rows.append(cells); rowFormats.append(formats) }
        }
        try forEachChild(of: node) { child in
            guard child.isElement else { return }
            switch child.name {
            case "thead", "tbody", "tfoot":
                try forEachChild(of: child) { tr in if tr.isElement(named: "tr") { try row(tr, isHeader: child.name == "thead") } }
            case "tr": try row(child, isHeader: false)
            default: break
            }
        }
        var table = Table(title: title, anchor: anchor, header: header, rows: rows, location: location(node))
        table.number = numbering.tables
        table.alignment = node.attribute("align")
        table.cellFormats = headerFormats + rowFormats
        return table
    }

    private func cellText(_ cell: XMLNode) throws -> InlineText {
        var out = InlineText()
        for block in try flow(cell) {
            if case .paragraph(let p) = block {
                if !out.isEmpty { out.append(Span(" ")) }
                out.append(contentsOf: p.content)
            }
        }
        return out
    }

    private func texttable(_ node: XMLNode) throws -> [Block] {
        var out: [Block] = []
        let anchor = node.attribute("anchor")
        let title = node.attribute("title")
        numbering.tables += 1
        if let anchor { xrefs.targets[anchor] = .table(numbering.tables, title: title) }
        var columns: [InlineText] = []
        var alignments: [String?] = []
        var cells: [InlineText] = []
        var post: [Block] = []
        try forEachChild(of: node) { child in
            guard child.isElement else { return }
            switch child.name {
            case "preamble": out += try flow(child)
            case "postamble": post += try flow(child)
            case "ttcol":
                columns.append(try inlineText(of: child))
                alignments.append(child.attribute("align"))
            case "c": cells.append(try inlineText(of: child))
            default: break
            }
        }
        let width = max(1, columns.count)
        var rows: [[InlineText]] = []
        var i = 0
        while i < cells.count {
            rows.append(Array(cells[i..<min(i + width, cells.count)]))
            i += width
        }
        var table = Table(title: title, anchor: anchor, header: columns.isEmpty ? [] : [columns], rows: rows, location: location(node))
        table.number = numbering.tables
        table.alignment = node.attribute("align")
        // As xml2rfc converts it: <ttcol> cells are <th>, each <c> takes its column's align.
        let headerFormats = columns.isEmpty ? [] : [alignments.map { TableCellFormat(isHeader: true, alignment: $0) }]
        table.cellFormats = headerFormats + rows.map { row in row.indices.map { TableCellFormat(alignment: $0 < alignments.count ? alignments[$0] : nil) } }
        out.append(.table(table))
        return out + post
    }
}
