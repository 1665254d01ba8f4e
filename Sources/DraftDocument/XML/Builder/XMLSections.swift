/// Sections: numbering as xml2rfc's preptool does, titles, and the paragraph anchors a
/// section body holds.
extension XMLModelBuilder {
    func backSections(_ back: XMLNode, middleCount: Int, referencesNumbered: Bool) throws -> [Section] {
        var out: [Section] = []
        var referenceElements: [(node: XMLNode, file: String)] = []
        var appendixCount = 0
        // v2 documents with several <references> get them wrapped in one "References"
        // section, as xml2rfc's v2-to-v3 conversion does.
        // Each child with the file it comes from (an xi:include's), made current while it
        // is read so locations name it.
        var children: [(node: XMLNode, file: String)] = []
        try forEachChildReadingIncludes(of: back) { children.append(($0, file)) }
        let topReferences = children.filter { $0.node.isElement(named: "references") }
        let wrapV2References = !isV3 && topReferences.count > 1
        var referencesCount = 0
        var wrapperIndex: Int?
        let ownFile = file
        defer { file = ownFile }
        for (child, childFile) in children where child.isElement {
            file = childFile
            switch child.name {
            case "references":
                if wrapV2References {
                    referenceElements.append((child, childFile))
                    if wrapperIndex == nil {
                        referencesCount += 1
                        wrapperIndex = out.count
                        out.append(Section(number: nil, title: "References", depth: 1, isBackMatter: true, location: location(child)))
                    }
                } else {
                    referencesCount += 1
                    let cited = "\(middleCount + referencesCount)"
                    out.append(try referencesSection(child, number: referencesNumbered ? cited : nil, cited: cited, depth: 1))
                }
            case "section":
                appendixCount += 1
                let numbered = !Self.isUnnumbered(child)
                let letter = appendixCount <= 26 ? String(UnicodeScalar(UInt8(64 + appendixCount))) : "\(appendixCount)"
                out.append(try section(child, number: numbered ? letter : nil, depth: 1, back: true))
            default:
                break
            }
        }
        if let wrapperIndex {
            let number = referencesNumbered ? "\(middleCount + 1)" : nil
            out[wrapperIndex].number = number
            let key = wrapperIndex
            for (i, (refs, refsFile)) in referenceElements.enumerated() {
                file = refsFile
                out[key].subsections.append(try referencesSection(refs, number: number.map { "\($0).\(i + 1)" }, cited: "\(middleCount + 1).\(i + 1)", depth: 2))
            }
        }
        return out
    }

    func title(of node: XMLNode) throws -> String? {
        if let name = node.firstElement("name") {
            // As xml2rfc shows it: "_title_" for <em>, cross-references by their text. An
            // editor's comment is printed on a "//" line under the heading, not in the title.
            var text = try inlineText(of: name)
            text.spans.removeAll { if case .invisible(let what) = $0.kind { what.hasPrefix("cref:") } else { false } }
            return TextFill.finish(TextRenderer.displayText(text)).whitespaceNormalized
        }
        return node.attribute("title").map(\.whitespaceNormalized)
    }

    func section(_ node: XMLNode, number: String?, depth: Int, back: Bool) throws -> Section {
        let pendingBefore = xrefs.pending.count
        let title = try self.title(of: node) ?? ""
        if outline.only, xrefs.pending.count != pendingBefore { outline.needsBodies = true }
        let anchor = node.attribute("anchor")
        if let anchor { xrefs.targets[anchor] = .section(number: number, title: title, isAppendix: back, cited: number) }
        var subsections: [Section] = []
        var childCount = 0
        var paragraphCount = 0
        var blocks: [Block] = []
        var bodyNodes: [XMLNode] = []
        func flushBody() throws {
            guard !bodyNodes.isEmpty else { return }
            if outline.only {
                skimForOutline(bodyNodes)
            } else {
                blocks += try flow(nodes: bodyNodes, in: node)
            }
            bodyNodes.removeAll()
        }
        let ownFile = file
        func read(_ child: XMLNode) throws {
            if child.isElement(named: "section") {
                try flushBody()
                childCount += 1
                let numbered = number != nil && !Self.isUnnumbered(child)
                subsections.append(try section(child, number: numbered ? "\(number!).\(childCount)" : nil, depth: depth + 1, back: back))
            } else if child.isElement(named: "references") {
                try flushBody()
                childCount += 1
                subsections.append(try referencesSection(child, number: number.map { "\($0).\(childCount)" }, cited: number.map { "\($0).\(childCount)" }, depth: depth + 1))
            } else if child.isElement(named: "name") {
                return
            } else {
                if Self.isParagraphElement(child) {
                    paragraphCount += 1
                    registerParagraphAnchors(child, section: number, title: title, isAppendix: back, paragraph: paragraphCount)
                    xrefs.sectionBodyElements.append(SectionBodyElement(node: child, section: number, title: title, isAppendix: back, paragraph: paragraphCount))
                }
                bodyNodes.append(child)
            }
        }
        try forEachChildReadingIncludes(of: node) { child in
            // An included block is built while its file is current (locations name it).
            guard file != ownFile else { return try read(child) }
            try flushBody()
            try read(child)
            try flushBody()
        }
        try flushBody()
        return Section(number: number, title: title, anchor: anchor, depth: depth, isBackMatter: back, blocks: blocks, subsections: subsections, location: location(node))
    }

    /// v3 `numbered="false"`; v2 documents also write `numbered="no"`.
    static func isUnnumbered(_ node: XMLNode) -> Bool {
        let value = node.attribute("numbered")
        return value == "false" || value == "no"
    }

    /// The elements xml2rfc's preptool counts as a section's paragraphs.
    static let paragraphElements: [StaticString] = [
        "t", "ul", "ol", "dl", "figure", "artwork", "sourcecode", "table", "list", "artset", "aside", "blockquote",
    ]

    static func isParagraphElement(_ node: XMLNode) -> Bool {
        paragraphElements.contains { node.isElement(named: $0) }
    }

    private func registerParagraphAnchors(_ node: XMLNode, section: String?, title: String, isAppendix: Bool, paragraph: Int) {
        let isList = node.isElement(named: "ul") || node.isElement(named: "ol")
        if let anchor = node.attribute("anchor"), isList || node.isElement(named: "t") || node.isElement(named: "dl") {
            xrefs.targets[anchor] = .paragraph(section: section, sectionTitle: title, isAppendix: isAppendix, paragraph: "\(paragraph)", item: nil)
        }
        guard isList else { return }
        var item = 0
        for li in node.children where li.isElement(named: "li") {
            item += 1
            if let anchor = li.attribute("anchor") {
                xrefs.targets[anchor] = .paragraph(section: section, sectionTitle: title, isAppendix: isAppendix, paragraph: "\(paragraph)", item: "\(item)")
            }
        }
    }
}
