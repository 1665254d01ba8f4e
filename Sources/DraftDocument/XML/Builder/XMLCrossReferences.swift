/// Cross-references: written as placeholder tokens while the tree is walked, given their
/// display text (xml2rfc's `derivedContent` and text rendering) once every section,
/// paragraph, figure and table number is known.
extension XMLModelBuilder {
    static let tokenMarker: Character = "\u{1}"

    /// `text.contains(tokenMarker)` without walking grapheme clusters: U+0001 is a
    /// control character, always a cluster of its own.
    static func containsToken(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(1) } ?? text.utf8.contains(1)
    }

    /// `text.allSatisfy(\.isWhitespace)`, decided on the bytes when the text is ASCII
    /// (an ASCII non-space byte always makes the answer false); otherwise by Characters.
    static func isBlank(_ text: String) -> Bool {
        switch asciiBlankness(text.utf8) {
        case .some(let blank): return blank
        case .none: return text.allSatisfy(\.isWhitespace)
        }
    }

    /// `inline.plainText.allSatisfy(\.isWhitespace)` without joining the spans first.
    static func isBlank(_ inline: InlineText) -> Bool {
        for span in inline.spans {
            switch asciiBlankness(span.text.utf8) {
            case .some(true): continue
            case .some(false): return false
            case .none: return inline.plainText.allSatisfy(\.isWhitespace)
            }
        }
        return true
    }

    /// true: only ASCII white space; false: an ASCII character that is not white space
    /// (no cluster holding it starts with white space); nil: non-ASCII met first.
    private static func asciiBlankness(_ bytes: String.UTF8View) -> Bool? {
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return nil
            default: return false
            }
        }
        return true
    }
    static func xrefToken(_ index: Int) -> String { "\u{1}\(index)\u{1}" }

    func display(_ x: PendingXref) -> (text: String, section: String?) {
        let content = x.content.whitespaceNormalized
        if let section = x.section {
            // xml2rfc: "Section" for a number, "Appendix" for a letter ("A", "A.1"), else "Part".
            let label: String
            if section.first?.isNumber == true {
                label = "Section"
            } else if let f = section.unicodeScalars.first, f.properties.isUppercase, f.isASCII, section.count == 1 || section.dropFirst().first == "." {
                label = "Appendix"
            } else {
                label = "Part"
            }
            let ref = "[\(referenceLabel(x.target))]"
            switch x.sectionFormat ?? "of" {
            case "comma": return ("\(content.isEmpty ? "" : content + " ")\(ref), \(label) \(section)", nil)
            case "parens": return ("\(content.isEmpty ? "" : content + " ")\(ref) (\(label) \(section))", nil)
            case "bare": return (content.isEmpty || content == section ? section : "\(section) (\(content))", nil)
            default: return ("\(label) \(section) of \(content.isEmpty ? "" : content + " ")\(ref)", nil)
            }
        }
        guard let target = xrefs.targets[x.target] ?? nestedTarget(x.target) else {
            return referenceDisplay(x, title: nil, content: content)
        }
        if case .reference(let title) = target {
            return referenceDisplay(x, title: title, content: content)
        }
        let (derived, section) = derivedContent(target, anchor: x.target, format: x.format ?? "default")
        if x.format == "none" { return (content, section) }
        return (content.isEmpty ? derived : "\(content) (\(derived))", section)
    }

    /// What xml2rfc's preptool derives for an xref to a non-reference target, and the
    /// section number the target lies in.
    func derivedContent(_ target: XrefTarget, anchor: String, format: String) -> (text: String, section: String?) {
        func sectionName(_ number: String?, title: String, isAppendix: Bool) -> String {
            if let number { return "\(number.first?.isLetter == true ? "Appendix" : "Section") \(number)" }
            return "\(isAppendix ? "Appendix" : "Section") \"\(title)\""
        }
        switch target {
        case .section(let number, let title, let isAppendix, let cited):
            switch format {
            case "counter": return (cited ?? title, number)
            case "title": return (title, number)
            default: return (sectionName(cited, title: title, isAppendix: isAppendix), number)
            }
        case .paragraph(let section, let sectionTitle, let isAppendix, let paragraph, let item):
            switch format {
            case "counter":
                guard item != nil else { return (section ?? sectionTitle, section) }
                // xml2rfc shows the item's label without its final period ("c", "REC3").
                var label = xrefs.itemLabels[anchor] ?? item ?? ""
                while label.hasSuffix(".") { label.removeLast() }
                return (label, section)
            case "title":
                return (anchor, section)
            default:
                var derived = sectionName(section, title: sectionTitle, isAppendix: isAppendix) + ", Paragraph \(paragraph)"
                if let item { derived += ", Item \(item)" }
                return (derived, section)
            }
        case .element(let section, let sectionTitle, let isAppendix):
            switch format {
            case "counter": return (section ?? sectionTitle, section)
            case "title": return (anchor, section)
            default: return (sectionName(section, title: sectionTitle, isAppendix: isAppendix), section)
            }
        case .figure(let n, let title):
            return (format == "counter" ? "\(n)" : format == "title" ? (title ?? anchor) : "Figure \(n)", nil)
        case .table(let n, let title):
            return (format == "counter" ? "\(n)" : format == "title" ? (title ?? anchor) : "Table \(n)", nil)
        case .comment:
            return (format == "title" ? anchor : "Comment \(anchor)", nil)
        case .abstract:
            return ("Abstract", nil)
        case .reference(let title):
            return (title ?? anchor, nil)
        }
    }

    /// A target inside a section's blocks that the walk did not register (a `<t>` in a
    /// blockquote, a nested list item, a `<dt>`): found on first need by numbering the
    /// blocks as xml2rfc's preptool does (its `pn`), so documents without such xrefs
    /// never pay for the walk.
    func nestedTarget(_ anchor: String) -> XrefTarget? {
        if !xrefs.nestedTargetsRegistered {
            xrefs.nestedTargetsRegistered = true
            let bodies = xrefs.sectionBodyElements
            for body in bodies {
                registerNested(in: body.node, path: [body.paragraph], body: body)
            }
        }
        return xrefs.targets[anchor]
    }

    static let numberedBlockTags: Set<String> = [
        "artset", "artwork", "aside", "blockquote", "list", "dl", "dd", "ol", "ul", "dt", "li", "sourcecode", "t", "figure", "table",
    ]
    static let numberedRowTags: Set<String> = ["thead", "tbody", "tfoot", "tr", "td"]

    private func registerNested(in node: XMLNode, path: [Int], body: SectionBodyElement) {
        var path = path + [0]
        for child in node.children where child.isElement {
            if Self.numberedBlockTags.contains(child.name) {
                path[path.count - 1] += 1
                if let anchor = child.attribute("anchor"), xrefs.targets[anchor] == nil {
                    xrefs.targets[anchor] = nestedTarget(child.name, path: path, body: body)
                }
            } else if Self.numberedRowTags.contains(child.name) {
                path[path.count - 1] += 1
            } else if let anchor = child.attribute("anchor"), xrefs.targets[anchor] == nil {
                xrefs.targets[anchor] = .element(section: body.section, sectionTitle: body.title, isAppendix: body.isAppendix)
            }
            if child.name != "reference", child.name != "section" {
                registerNested(in: child, path: path, body: body)
            }
        }
    }

    private func nestedTarget(_ name: String, path: [Int], body: SectionBodyElement) -> XrefTarget {
        let numbers = path.map(String.init)
        switch name {
        case "t", "ul", "ol", "dl":
            return .paragraph(section: body.section, sectionTitle: body.title, isAppendix: body.isAppendix, paragraph: numbers.joined(separator: "."), item: nil)
        case "li":
            return .paragraph(section: body.section, sectionTitle: body.title, isAppendix: body.isAppendix, paragraph: numbers[0], item: numbers.dropFirst().joined(separator: "."))
        default:
            return .element(section: body.section, sectionTitle: body.title, isAppendix: body.isAppendix)
        }
    }

    func referenceDisplay(_ x: PendingXref, title: String?, content: String) -> (text: String, section: String?) {
        let label = referenceLabel(x.target)
        switch x.format ?? "default" {
        case "none": return (content, nil)
        case "title":
            let t = title ?? label
            return (content.isEmpty ? t : "\(content) (\(t))", nil)
        default:
            return (content.isEmpty ? "[\(label)]" : "\(content) [\(label)]", nil)
        }
    }

    /// "[PFKEY]", the `<displayreference>` name when there is one, or the entry's number
    /// when references are not symbolic.
    func referenceLabel(_ anchor: String) -> String {
        guard !references.symbolic, let index = references.order.firstIndex(of: anchor) else { return references.displayNames[anchor] ?? anchor }
        return "\(index + 1)"
    }

    static func replacingTokens(in text: String, _ resolved: [String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: tokenMarker) {
            out += rest[..<start]
            let after = rest[rest.index(after: start)...]
            guard let end = after.firstIndex(of: tokenMarker), let index = Int(after[..<end]), index < resolved.count else {
                out += rest[start...]
                return out
            }
            out += resolved[index].replacingAll("-", with: "\u{2011}")
            rest = after[after.index(after: end)...]
        }
        out += rest
        return out
    }

    func resolveCrossReferences(_ document: inout Document) {
        let pending = xrefs.pending
        guard !pending.isEmpty else { return }
        // `display` may register nested targets in `xrefs`: map over a copy of the list.
        let resolved = pending.map(display)
        func fix(_ text: inout InlineText) {
            for i in text.spans.indices where Self.containsToken(text.spans[i].text) {
                if case .xref(let target, _) = text.spans[i].kind {
                    let token = text.spans[i].text
                    if token.first == Self.tokenMarker, let index = Int(token.dropFirst().dropLast()), index < resolved.count {
                        text.spans[i].text = resolved[index].text
                        text.spans[i].kind = .xref(target: target, section: resolved[index].section)
                        continue
                    }
                }
                // A cross-reference inside emphasis, flattened into the span's text.
                text.spans[i].text = Self.replacingTokens(in: text.spans[i].text, resolved.map(\.text))
            }
        }
        func fix(_ block: inout Block) {
            switch block {
            case .paragraph(var p): fix(&p.content); block = .paragraph(p)
            case .list(var l):
                for i in l.items.indices {
                    if var term = l.items[i].term { fix(&term); l.items[i].term = term }
                    for j in l.items[i].blocks.indices { fix(&l.items[i].blocks[j]) }
                }
                block = .list(l)
            case .table(var t):
                for r in t.header.indices { for c in t.header[r].indices { fix(&t.header[r][c]) } }
                for r in t.rows.indices { for c in t.rows[r].indices { fix(&t.rows[r][c]) } }
                fix(title: &t.title)
                block = .table(t)
            case .blockquote(var c): for j in c.blocks.indices { fix(&c.blocks[j]) }; block = .blockquote(c)
            case .aside(var c):
                for j in c.blocks.indices { fix(&c.blocks[j]) }
                fix(title: &c.title)
                block = .aside(c)
            case .figure(var f):
                fix(title: &f.title)
                block = .figure(f)
            case .references(var g):
                // Annotations and refcontent cite other entries.
                for k in g.entries.indices {
                    fix(title: &g.entries[k].annotation)
                    for m in g.entries[k].referenceContent.indices {
                        var text: String? = g.entries[k].referenceContent[m]
                        fix(title: &text)
                        g.entries[k].referenceContent[m] = text ?? ""
                    }
                }
                block = .references(g)
            }
        }
        // Titles of figures, tables and notes hold their xrefs' text.
        func fix(title: inout String?) {
            if let t = title, Self.containsToken(t) { title = TextFill.finish(Self.replacingTokens(in: t, resolved.map(\.text))) }
        }
        func fix(_ section: inout Section) {
            if Self.containsToken(section.title) {
                section.title = TextFill.finish(Self.replacingTokens(in: section.title, resolved.map(\.text)))
            }
            for j in section.blocks.indices { fix(&section.blocks[j]) }
            for j in section.subsections.indices { fix(&section.subsections[j]) }
        }
        for j in document.abstract.indices { fix(&document.abstract[j]) }
        for n in document.notes.indices { for j in document.notes[n].blocks.indices { fix(&document.notes[n].blocks[j]) } }
        for j in document.sections.indices { fix(&document.sections[j]) }
    }
}
