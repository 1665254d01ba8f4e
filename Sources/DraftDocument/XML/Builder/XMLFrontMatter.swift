import CLibXML2

/// The document as a whole: `<rfc>` settings and processing instructions, the front
/// matter (title, authors, date, abstract, notes), the middle and back in order, and the
/// sections xml2rfc adds (Index, Authors' Addresses).
extension XMLModelBuilder {
    func build(root: XMLNode) throws -> Document {
        let rootPath = file
        isV3 = root.attribute("version") == "3"
        if let sym = root.attribute("symRefs") { references.symbolic = sym != "false" }
        if let sort = root.attribute("sortRefs") { references.sorted = sort == "true" }
        for node in root.children where node.isProcessingInstruction && node.name == "rfc" {
            let pi = Self.pseudoAttributes(node.content)
            if let sym = pi["symrefs"] { references.symbolic = sym != "no" }
            if let sort = pi["sortrefs"] { references.sorted = sort == "yes" }
        }
        // Processing instructions before the root element (v2 habit).
        var sibling = root.pointer.pointee.prev
        while let s = sibling {
            let node = XMLNode(s)
            if node.isProcessingInstruction && node.name == "rfc" {
                let pi = Self.pseudoAttributes(node.content)
                if let sym = pi["symrefs"] { references.symbolic = sym != "no" }
                if let sort = pi["sortrefs"] { references.sorted = sort == "yes" }
            }
            sibling = s.pointee.prev
        }

        let front = root.firstElement("front")
        var metadata = Metadata(file: rootPath, format: isV3 ? .xmlV3 : .xmlV2, title: "")
        metadata.docName = root.attribute("docName").flatMap { $0.isEmpty ? nil : $0 }
        metadata.rfcNumber = root.attribute("number").flatMap { Int($0) }
        metadata.category = root.attribute("category")
        metadata.submissionType = root.attribute("submissionType") ?? "IETF"
        var abstract: [Block] = []
        var notes: [Container] = []
        var authorCount = 0
        var authorsLine = root.line
        if let front {
            if let title = front.firstElement("title") {
                metadata.title = try inlineText(of: title).plainText.whitespaceNormalized
            }
            let authors = front.elements("author")
            authorCount = authors.count
            if let firstAuthor = authors.first { authorsLine = firstAuthor.line }
            metadata.authors = authors.map { author in
                if let full = author.attribute("fullname"), !full.isEmpty { return full }
                return [author.attribute("initials"), author.attribute("surname")].compactMap { $0 }.joined(separator: " ")
            }
            if let date = front.firstElement("date") {
                let parts = [date.attribute("day"), date.attribute("month"), date.attribute("year")].compactMap { $0 }.filter { !$0.isEmpty }
                metadata.date = parts.isEmpty ? nil : parts.joined(separator: " ")
            }
            if metadata.docName == nil {
                for info in front.elements("seriesInfo") where info.attribute("name") == "Internet-Draft" {
                    metadata.docName = info.attribute("value")
                }
            }
            if metadata.rfcNumber == nil {
                for info in front.elements("seriesInfo") where info.attribute("name") == "RFC" {
                    metadata.rfcNumber = info.attribute("value").flatMap { Int($0) }
                }
            }
            if let abstractNode = front.firstElement("abstract") {
                if let anchor = abstractNode.attribute("anchor") { xrefs.targets[anchor] = .abstract }
                if outline.only { skimForOutline([abstractNode]) } else { abstract = try flow(abstractNode) }
            }
            for note in front.elements("note") {
                if outline.only {
                    skimForOutline([note])
                } else {
                    notes.append(Container(title: try title(of: note), blocks: try flow(note), location: location(note)))
                }
            }
        }

        docName = metadata.docName
        for name in root.firstElement("back")?.elements("displayreference") ?? [] {
            if let target = name.attribute("target"), let to = name.attribute("to") { references.displayNames[target] = to }
        }
        var sections: [Section] = []
        var middleCount = 0
        var lastMiddleNumbered = true
        if let middle = root.firstElement("middle") {
            try forEachChildReadingIncludes(of: middle) { child in
                guard child.isElement(named: "section") else { return }
                middleCount += 1
                let numbered = !Self.isUnnumbered(child)
                lastMiddleNumbered = numbered
                sections.append(try section(child, number: numbered ? "\(middleCount)" : nil, depth: 1, back: false))
            }
        }
        if let back = root.firstElement("back") {
            sections += try backSections(back, middleCount: middleCount, referencesNumbered: lastMiddleNumbered)
        }
        if hasIndexEntries && (root.attribute("indexInclude") ?? "true") != "false" {
            sections.append(Section(number: nil, title: "Index", depth: 1, isBackMatter: true, location: SourceLocation(file: rootPath, line: root.line)))
        }
        let hasAuthorsSection = sections.contains { $0.anchor == "authors-addresses" }
        if authorCount > 0 && !hasAuthorsSection {
            sections.append(Section(number: nil, title: authorCount == 1 ? "Author's Address" : "Authors' Addresses", anchor: "authors-addresses", depth: 1, isBackMatter: true, location: SourceLocation(file: rootPath, line: authorsLine)))
        }

        var result = Document(metadata: metadata, abstract: abstract, notes: notes, sections: sections, warnings: warnings)
        resolveCrossReferences(&result)
        return result
    }
}
