/// Lists: v3 `<ul>`, `<ol>`, `<dl>` and v2 `<list>`, with the markers, counters and
/// indents xml2rfc gives them.
extension XMLModelBuilder {
    static let bulletSymbols = ["*", "-", "o", "+"]

    /// The first counter of an `<ol>`: its `start`, else where the previous list of its
    /// `group` stopped (xml2rfc's preptool numbers a group across lists and sections).
    func orderedListStart(start: String?, group: String?, itemCount: Int) -> Int {
        var first = start.map { Int($0) ?? 1 }
        if let group {
            if first == nil { first = numbering.orderedGroupCounters[group] ?? 1 }
            numbering.orderedGroupCounters[group] = (first ?? 1) + itemCount
        }
        return first ?? 1
    }

    func listBlock(_ node: XMLNode, style: ListBlock.Style, itemName: String, marker: (Int, XMLNode) -> String?) throws -> ListBlock {
        var items: [ListItem] = []
        var index = 0
        var markers: [String?] = []
        try forEachChild(of: node) { child in
            if child.isElement(named: itemName) { markers.append(marker(markers.count, child)) }
        }
        try forEachChild(of: node) { child in
            guard child.isElement(named: itemName) else { return }
            let m = markers[index]
            if style == .ordered, let m {
                // The label an `%p` in a nested list's type and a counter xref show.
                lists.orderedItemLabels.append(m)
                if let anchor = child.attribute("anchor") { xrefs.itemLabels[anchor] = m }
            }
            defer { if style == .ordered, m != nil { lists.orderedItemLabels.removeLast() } }
            items.append(ListItem(marker: m, blocks: try flow(child), location: location(child)))
            index += 1
        }
        return ListBlock(style: style, items: items, location: location(node))
    }

    func definitionList(_ node: XMLNode) throws -> ListBlock {
        var items: [ListItem] = []
        var term: (InlineText, XMLNode)?
        try forEachChild(of: node) { child in
            guard child.isElement else { return }
            if child.name == "dt" {
                if let pending = term {
                    items.append(ListItem(term: pending.0, blocks: [], location: location(pending.1)))
                }
                term = (try inlineText(of: child), child)
            } else if child.name == "dd" {
                items.append(ListItem(term: term?.0, blocks: try flow(child), location: location(term?.1 ?? child)))
                term = nil
            }
        }
        if let pending = term { items.append(ListItem(term: pending.0, blocks: [], location: location(pending.1))) }
        return ListBlock(style: .definition, items: items, location: location(node))
    }

    /// v2 `<list style=...>`: symbols, numbers, letters, hanging, empty, "format ...";
    /// without a style, the nearest enclosing list's style (xml2rfc's v2-to-v3 rule).
    func v2List(_ node: XMLNode) throws -> ListBlock {
        var style = node.attribute("style").map { Self.trimmingBlanks($0) } ?? ""
        if style.isEmpty, let enclosing = lists.v2Styles.last {
            // xml2rfc converts lists outside-in, so a nested list without a style sees
            // its parent already as <ul> (symbols), <dl> (hanging) or <ol> (the parent's
            // numbering, letters alternating case).
            switch enclosing {
            case "symbols", "empty": style = "symbols"
            case "hanging": style = "hanging"
            case "numbers": style = "numbers"
            case "letters": style = "format %C."
            case "format %C.": style = "letters"
            default: style = enclosing
            }
        }
        if style.isEmpty { style = "empty" }
        // xml2rfc converts a list of an unknown style to <ul>.
        if !["symbols", "empty", "hanging", "numbers", "letters"].contains(style), !style.hasPrefix("format ") { style = "symbols" }
        lists.v2Styles.append(style)
        defer { lists.v2Styles.removeLast() }
        var items: [ListItem] = []
        var index = 0
        let symbol = Self.bulletSymbols[lists.bulletDepth % Self.bulletSymbols.count]
        let isBulletList = style == "symbols" || style == "empty"
        if isBulletList { lists.bulletDepth += 1 }
        defer { if isBulletList { lists.bulletDepth -= 1 } }
        // As the <ol> xml2rfc converts it to: "numbers" is type "1", "letters" "a",
        // "format X" type X; `counter` names the group that numbers on across lists.
        var ordered: (format: OrderedListFormat, start: Int)?
        let count = node.children.filter(\.isV2ListItem).count
        switch style {
        case "symbols", "empty", "hanging": break
        default:
            let type = style == "numbers" ? "1" : style == "letters" ? "a" : style.hasPrefix("format ") ? String(style.dropFirst("format ".count)) : "1"
            ordered = (OrderedListFormat(type: type, parentLabel: nil), orderedListStart(start: nil, group: node.attribute("counter"), itemCount: count))
        }
        try forEachChild(of: node) { child in
            guard child.isV2ListItem else {
                // Nothing else is an item (xml2rfc refuses the document): said, not dropped unseen.
                if child.isElement, child.textContent.contains(where: { !$0.isWhitespace }) {
                    warn("<\(child.name)> in a <list> not read: a v2 list's items are <t> elements; its text is missing from this reading", child)
                }
                return
            }
            var marker: String?
            var term: InlineText?
            switch style {
            case "symbols": marker = symbol
            case "hanging": term = InlineText(plain: child.attribute("hangText") ?? "")
            default: marker = ordered.map { $0.format.label($0.start + index) }
            }
            items.append(ListItem(marker: marker, term: term, blocks: try flow(child), location: location(child)))
            index += 1
        }
        let modelStyle: ListBlock.Style
        var bodyIndent: Int?
        switch style {
        case "symbols": modelStyle = .bullet; bodyIndent = symbol.count + 2
        case "hanging": modelStyle = .definition
        case "empty": modelStyle = .plain; bodyIndent = 3
        default: modelStyle = .ordered; bodyIndent = ordered?.format.adaptiveIndent(itemCount: count)
        }
        return ListBlock(style: modelStyle, items: items, location: location(node), bodyIndent: bodyIndent)
    }
}
