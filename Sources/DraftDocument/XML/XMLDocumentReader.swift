import CLibXML2
import Foundation

/// xml2rfc v3 and v2 sources on libxml2, into the one document model. Section numbers
/// follow xml2rfc's preptool: middle sections 1, 1.1...; `<references>` in `<back>`
/// continue the middle numbering; `<back>` sections are appendices A, A.1...; sections
/// with `numbered="false"` (and everything under them) have no number.
enum XMLDocumentReader {
    /// `outline`: build the section tree (numbers, titles, anchors, lines), the metadata and
    /// the references, but not the blocks of section bodies, the abstract or the notes
    /// (see `XMLModelBuilder.outlineOnly`).
    static func read(data: Data, path: String, includeDirectories: [String], outline: Bool = false) throws -> Document {
        let document = try LibXMLParser.parse(data, path: path)
        defer { xmlFreeDoc(document) }
        guard let rootPointer = xmlDocGetRootElement(document) else {
            throw DocumentError(.malformedXML, "no root element", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let root = XMLNode(rootPointer)
        guard root.name == "rfc" else {
            throw DocumentError(.notAnRFCDocument, "root element is <\(root.name)>, not <rfc>: not an xml2rfc document", at: SourceLocation(file: path, line: root.line, column: 1))
        }
        let resolver = IncludeResolver(documentPath: path, includeDirectories: includeDirectories)
        if outline {
            let builder = XMLModelBuilder(document: document, path: path, resolver: resolver, outlineOnly: true)
            defer { builder.freeIncludedDocuments() }
            let result = try builder.build(root: root)
            if !builder.outlineNeedsBodies { return result }
        }
        let builder = XMLModelBuilder(document: document, path: path, resolver: resolver)
        defer { builder.freeIncludedDocuments() }
        return try builder.build(root: root)
    }
}

/// Builds the model in one walk over the libxml2 tree. Cross-references are written as
/// placeholders during the walk and given their display text at the end, when every
/// section, figure and table number is known.
final class XMLModelBuilder {
    enum XrefTarget {
        /// A `<section>` or `<references>`; `isAppendix` for a `<back>` section, which
        /// reads 'Appendix "Title"' when unnumbered; `cited` the number xrefs show.
        case section(number: String?, title: String, isAppendix: Bool, cited: String?)
        /// A `<t>`, list or `<li>` with an anchor: "Section 5.3, Paragraph 4[, Item 3]";
        /// nested blocks number on: "Paragraph 3.1", "Item 1.2.1".
        case paragraph(section: String?, sectionTitle: String, isAppendix: Bool, paragraph: String, item: String?)
        /// Any other anchored element of a section body (`<dt>`, `<aside>`): its section.
        case element(section: String?, sectionTitle: String, isAppendix: Bool)
        case figure(Int, title: String?)
        case table(Int, title: String?)
        case reference(title: String?)
        /// A `<cref>`: "Comment anchor".
        case comment
        case abstract
    }

    /// A block element at the top of a section body with its paragraph number: where
    /// nested xref targets are looked for when one is needed.
    struct SectionBodyElement {
        var node: XMLNode
        var section: String?
        var title: String
        var isAppendix: Bool
        var paragraph: Int
    }

    struct PendingXref {
        var target: String
        var format: String?
        var content: String
        var section: String?
        var sectionFormat: String?
    }

    /// Limits on what entity references may expand to: the reader expands internal
    /// entities itself, so a "billion laughs" document stops here, not in memory.
    static let maximumEntityExpansions = 200_000
    static let maximumEntityNesting = 12
    static let maximumIncludeNesting = 4

    let document: xmlDocPtr
    let resolver: IncludeResolver
    var file: String
    var isV3 = false
    var symbolicReferences = true
    var warnings: [DocumentWarning] = []
    var targets: [String: XrefTarget] = [:]
    var pending: [PendingXref] = []
    var figureCount = 0
    var tableCount = 0
    var referenceOrder: [String] = []
    var hasIndexEntries = false
    var entityExpansions = 0
    var entityNesting = 0
    var includeNesting = 0
    var includedDocuments: [xmlDocPtr] = []
    var listDepth = 0
    /// Enclosing bullet lists: xml2rfc picks the bullet symbol by this depth.
    var bulletDepth = 0
    /// Resolved styles of the enclosing v2 `<list>` elements.
    var v2ListStyles: [String] = []
    /// Where each `<ol group>` (v2 `<list counter>`) stopped: the next list's first counter.
    var orderedGroupCounters: [String: Int] = [:]
    /// Labels of the enclosing ordered-list items, innermost last (for `%p`).
    var orderedItemLabels: [String] = []
    /// The label of every anchored ordered-list item, for `format="counter"` xrefs.
    var itemLabels: [String: String] = [:]
    var sectionBodyElements: [SectionBodyElement] = []
    var nestedTargetsRegistered = false
    /// `<displayreference target=... to=...>`: the name a reference is cited by.
    var displayNames: [String: String] = [:]
    var sortReferences = false
    /// The document's name, for the archive link xml2rfc shows in place of SVG art.
    var docName: String?

    /// Outline mode: section bodies, the abstract and notes are not turned into blocks;
    /// their nodes are only walked for index entries (which add the Index section). Where
    /// that could change the outline or its warnings (an entity reference, xi:include or
    /// processing instruction in a body, a cross-reference in a title), the builder sets
    /// `outlineNeedsBodies` and the caller builds the whole document instead.
    let outlineOnly: Bool
    private(set) var outlineNeedsBodies = false

    init(document: xmlDocPtr, path: String, resolver: IncludeResolver, outlineOnly: Bool = false) {
        self.document = document
        self.file = path
        self.resolver = resolver
        self.outlineOnly = outlineOnly
    }

    /// Outline mode's look at nodes it does not build: index entries, and anything that
    /// needs the full build (entity references, processing instructions, xi:include,
    /// artwork with a src).
    func skimForOutline(_ nodes: [XMLNode]) {
        var stack = nodes.map(\.pointer)
        while let p = stack.popLast() {
            switch p.pointee.type {
            case XML_ENTITY_REF_NODE, XML_PI_NODE:
                outlineNeedsBodies = true
                return
            case XML_ELEMENT_NODE:
                if let name = p.pointee.name {
                    if xmlStrEqual(name, "iref") != 0 { hasIndexEntries = true }
                    // xi:include and artwork read from elsewhere (with warnings of their own).
                    if xmlStrEqual(name, "include") != 0 || (xmlStrEqual(name, "artwork") != 0 && XMLNode(p).attribute("src") != nil) {
                        outlineNeedsBodies = true
                        return
                    }
                }
                var child = p.pointee.children
                while let c = child { stack.append(c); child = c.pointee.next }
            default:
                break
            }
        }
    }

    func freeIncludedDocuments() {
        includedDocuments.forEach { xmlFreeDoc($0) }
        includedDocuments.removeAll()
    }

    func location(_ node: XMLNode) -> SourceLocation { SourceLocation(file: file, line: node.line) }

    func warn(_ message: String, _ node: XMLNode) {
        warnings.append(DocumentWarning(message, at: location(node)))
    }

    // MARK: - Document

    func build(root: XMLNode) throws -> Document {
        let rootPath = file
        isV3 = root.attribute("version") == "3"
        if let sym = root.attribute("symRefs") { symbolicReferences = sym != "false" }
        if let sort = root.attribute("sortRefs") { sortReferences = sort == "true" }
        for node in root.children where node.isProcessingInstruction && node.name == "rfc" {
            let pi = Self.pseudoAttributes(node.content)
            if let sym = pi["symrefs"] { symbolicReferences = sym != "no" }
            if let sort = pi["sortrefs"] { sortReferences = sort == "yes" }
        }
        // Processing instructions before the root element (v2 habit).
        var sibling = root.pointer.pointee.prev
        while let s = sibling {
            let node = XMLNode(s)
            if node.isProcessingInstruction && node.name == "rfc" {
                let pi = Self.pseudoAttributes(node.content)
                if let sym = pi["symrefs"] { symbolicReferences = sym != "no" }
                if let sort = pi["sortrefs"] { sortReferences = sort == "yes" }
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
                if let anchor = abstractNode.attribute("anchor") { targets[anchor] = .abstract }
                if outlineOnly { skimForOutline([abstractNode]) } else { abstract = try flow(abstractNode) }
            }
            for note in front.elements("note") {
                if outlineOnly {
                    skimForOutline([note])
                } else {
                    notes.append(Container(title: try title(of: note), blocks: try flow(note), location: location(note)))
                }
            }
        }

        docName = metadata.docName
        for name in root.firstElement("back")?.elements("displayreference") ?? [] {
            if let target = name.attribute("target"), let to = name.attribute("to") { displayNames[target] = to }
        }
        var sections: [Section] = []
        var middleCount = 0
        var lastMiddleNumbered = true
        if let middle = root.firstElement("middle") {
            try forEachChild(of: middle) { child in
                guard child.isElement, child.name == "section" else { return }
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

    private func backSections(_ back: XMLNode, middleCount: Int, referencesNumbered: Bool) throws -> [Section] {
        var out: [Section] = []
        var referenceElements: [XMLNode] = []
        var appendixCount = 0
        // v2 documents with several <references> get them wrapped in one "References"
        // section, as xml2rfc's v2-to-v3 conversion does.
        var children: [XMLNode] = []
        try forEachChild(of: back) { children.append($0) }
        let topReferences = children.filter { $0.isElement && $0.name == "references" }
        let wrapV2References = !isV3 && topReferences.count > 1
        var referencesCount = 0
        var wrapperIndex: Int?
        for child in children where child.isElement {
            switch child.name {
            case "references":
                if wrapV2References {
                    referenceElements.append(child)
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
            for (i, refs) in referenceElements.enumerated() {
                out[key].subsections.append(try referencesSection(refs, number: number.map { "\($0).\(i + 1)" }, cited: "\(middleCount + 1).\(i + 1)", depth: 2))
            }
        }
        return out
    }

    /// `cited` is the number xml2rfc's cross-references give the section (its `pn`), which
    /// references keep even where the heading is shown unnumbered.
    private func referencesSection(_ node: XMLNode, number: String?, cited: String?, depth: Int) throws -> Section {
        let title = try self.title(of: node) ?? "References"
        let anchor = node.attribute("anchor")
        if let anchor { targets[anchor] = .section(number: number, title: title, isAppendix: false, cited: cited) }
        var entries: [Reference] = []
        var subsections: [Section] = []
        var nested = 0
        try forEachChild(of: node) { child in
            if child.isElement {
                switch child.name {
                case "reference":
                    entries.append(try reference(child))
                case "referencegroup":
                    entries.append(try referenceGroupEntry(child))
                case "references":
                    nested += 1
                    subsections.append(try referencesSection(child, number: number.map { "\($0).\(nested)" }, cited: cited.map { "\($0).\(nested)" }, depth: depth + 1))
                case "include" where child.isXInclude:
                    entries += try includedReferences(href: child.attribute("href") ?? "", at: child)
                default:
                    break
                }
            } else if child.isProcessingInstruction, child.name == "rfc", let name = Self.pseudoAttributes(child.content)["include"] {
                entries += try includedReferences(href: name, at: child, bareName: true)
            } else if child.isEntityReference {
                entries += try entityReferences(child)
            }
        }
        if sortReferences && symbolicReferences {
            // By the name shown (a <displayreference> renames).
            entries.sort { ($0.label ?? $0.anchor).lowercased() < ($1.label ?? $1.anchor).lowercased() }
        }
        let group = ReferenceGroup(title: title, anchor: anchor, entries: entries, location: location(node))
        return Section(number: number, title: title, anchor: anchor, depth: depth, isBackMatter: true, blocks: entries.isEmpty && !subsections.isEmpty ? [] : [.references(group)], subsections: subsections, location: location(node))
    }

    private func reference(_ node: XMLNode) throws -> Reference {
        let anchor = node.attribute("anchor") ?? ""
        let front = node.firstElement("front")
        var title: String?
        if let t = front?.firstElement("title") { title = t.textContent.whitespaceNormalized }
        // seriesInfo in document order, inside <front> (v2) or after it (v3).
        var series: [String] = []
        for child in node.elements {
            for info in child.name == "front" ? child.elements("seriesInfo") : child.name == "seriesInfo" ? [child] : [] {
                series.append([info.attribute("name"), info.attribute("value")].compactMap { $0 }.joined(separator: " "))
            }
        }
        targets[anchor] = .reference(title: title)
        referenceOrder.append(anchor)
        // v2 names a link in <format target=...> when the reference has none.
        let target = node.attribute("target") ?? node.elements("format").lazy.compactMap { $0.attribute("target") }.first
        var entry = Reference(anchor: anchor, title: title, seriesInfo: series, target: target, location: location(node))
        entry.label = symbolicReferences ? displayNames[anchor] : "\(referenceOrder.count)"
        entry.authors = (front?.elements("author") ?? []).map(Self.referenceAuthor)
        entry.date = front?.firstElement("date").flatMap(Self.referenceDate)
        // Shown after the title in this order: refcontent, then stream.
        entry.referenceContent = try (node.elements("refcontent") + node.elements("stream")).map { TextRenderer.displayText(try inlineText(of: $0)).whitespaceNormalized }
        entry.annotation = try node.firstElement("annotation").map { TextRenderer.displayText(try inlineText(of: $0)).whitespaceNormalized }
        entry.quotesTitle = node.attribute("quoteTitle") != "false"
        return entry
    }

    static func referenceAuthor(_ author: XMLNode) -> ReferenceAuthor {
        let organization = author.firstElement("organization")
        let orgName = organization.flatMap { $0.attribute("abbrev") ?? $0.textContent.whitespaceNormalized }
        return ReferenceAuthor(
            fullname: author.attribute("fullname"), initials: author.attribute("initials"), surname: author.attribute("surname"),
            asciiFullname: author.attribute("asciiFullname"), asciiInitials: author.attribute("asciiInitials"), asciiSurname: author.attribute("asciiSurname"),
            organization: orgName.flatMap { $0.isEmpty ? nil : $0 },
            organizationASCII: author.attribute("asciiAbbrev") ?? organization?.attribute("ascii") ?? organization?.attribute("abbrev"),
            isEditor: author.attribute("role") == "editor")
    }

    /// `s` without the white space at its ends that is not a line break: what
    /// `trimmingCharacters(in: .whitespaces)` gives, without Foundation's bridging.
    static func trimmingBlanks<S: StringProtocol>(_ s: S) -> String {
        let isBlank = { (c: Character) in c.isWhitespace && !c.isNewline }
        guard let first = s.firstIndex(where: { !isBlank($0) }), let last = s.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(s[first...last])
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let lowercaseMonthNames = monthNames.map { $0.lowercased() }

    /// A reference's `<date>` as xml2rfc shows it: "7 May 2021", "May 2021", "2021"; its
    /// text, when it has one, instead of or before the parts.
    static func referenceDate(_ date: XMLNode) -> String? {
        let year = date.attribute("year").flatMap { $0.isEmpty ? nil : $0 }
        var month: Int?
        if let m = date.attribute("month"), !m.isEmpty {
            let lower = m.lowercased()
            month = Int(m) ?? lowercaseMonthNames.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
        }
        let day = date.attribute("day").flatMap { Int($0) }
        var formatted = ""
        if let month, (1...12).contains(month) {
            let name = monthNames[month - 1]
            formatted = day.map { "\($0) \(name) \(year ?? "")" } ?? "\(name) \(year ?? "")"
        } else if let year {
            formatted = year
        }
        formatted = Self.trimmingBlanks(formatted)
        let text = date.textContent.whitespaceNormalized
        if !text.isEmpty { return formatted.isEmpty ? text : "\(text) (\(formatted))" }
        return formatted.isEmpty ? nil : formatted
    }

    private func referenceGroupEntry(_ node: XMLNode) throws -> Reference {
        let anchor = node.attribute("anchor") ?? ""
        var series: [String] = []
        try forEachChild(of: node) { child in
            if child.isElement, child.name == "reference" {
                let r = try reference(child)
                series += r.seriesInfo
            }
        }
        targets[anchor] = .reference(title: nil)
        referenceOrder.append(anchor)
        return Reference(anchor: anchor, seriesInfo: series, target: node.attribute("target"), location: location(node))
    }

    /// An xi:include, `<?rfc include?>` or SYSTEM entity naming a bibliography entry:
    /// read from an allowed directory when there, else a placeholder with a warning.
    private func includedReferences(href: String, at node: XMLNode, bareName: Bool = false, fallbackAnchor: String? = nil) throws -> [Reference] {
        if includeNesting < Self.maximumIncludeNesting, case .file(let path) = resolver.resolve(href, addingExtension: bareName ? ".xml" : nil) {
            if let included = try parseIncluded(path: path, at: node) {
                let saved = file
                file = path
                includeNesting += 1
                defer { file = saved; includeNesting -= 1 }
                switch included.name {
                case "reference": return [try reference(included)]
                case "referencegroup": return [try referenceGroupEntry(included)]
                case "references":
                    var out: [Reference] = []
                    try forEachChild(of: included) { c in
                        if c.isElement, c.name == "reference" { out.append(try reference(c)) }
                    }
                    return out
                default:
                    warn("\(path): included <\(included.name)> where a <reference> was expected; skipped", node)
                    return []
                }
            }
        }
        let anchor = ReferencePlaceholder.anchor(forInclude: href) ?? fallbackAnchor ?? href
        let reason: String
        switch resolver.resolve(href, addingExtension: bareName ? ".xml" : nil) {
        case .network(let url): reason = "network reference \(url) not fetched (offline)"
        case .unavailable(let why): reason = why
        case .file(let path): reason = "\(path) could not be used"
        }
        warn("\(reason); placeholder reference [\(anchor)]", node)
        targets[anchor] = .reference(title: nil)
        referenceOrder.append(anchor)
        return [Reference(anchor: anchor, isPlaceholder: true, location: location(node))]
    }

    private func entityReferences(_ node: XMLNode) throws -> [Reference] {
        guard let entity = xmlGetDocEntity(document, node.pointer.pointee.name) else {
            warn("undeclared entity &\(node.name); in references; skipped", node)
            return []
        }
        if entity.pointee.etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY {
            let system = entity.pointee.SystemID.map { String(cString: $0) } ?? ""
            return try includedReferences(href: system, at: node, fallbackAnchor: node.name)
        }
        var out: [Reference] = []
        try expandEntity(node) { child in
            if child.isElement, child.name == "reference" { out.append(try reference(child)) }
        }
        return out
    }

    private func parseIncluded(path: String, at node: XMLNode) throws -> XMLNode? {
        guard let data = FileManager.default.contents(atPath: path) else {
            warn("\(path): unreadable include", node)
            return nil
        }
        do {
            let doc = try LibXMLParser.parse(data, path: path)
            includedDocuments.append(doc)
            guard let root = xmlDocGetRootElement(doc) else { return nil }
            return XMLNode(root)
        } catch let error as DocumentError {
            warn("included file not used: \(error.description)", node)
            return nil
        }
    }

    // MARK: - Sections

    private func title(of node: XMLNode) throws -> String? {
        if let name = node.firstElement("name") {
            // As xml2rfc shows it: "_title_" for <em>, cross-references by their text.
            return TextFill.finish(TextRenderer.displayText(try inlineText(of: name))).whitespaceNormalized
        }
        return node.attribute("title").map(\.whitespaceNormalized)
    }

    private func section(_ node: XMLNode, number: String?, depth: Int, back: Bool) throws -> Section {
        let pendingBefore = pending.count
        let title = try self.title(of: node) ?? ""
        if outlineOnly, pending.count != pendingBefore { outlineNeedsBodies = true }
        let anchor = node.attribute("anchor")
        if let anchor { targets[anchor] = .section(number: number, title: title, isAppendix: back, cited: number) }
        var subsections: [Section] = []
        var childCount = 0
        var paragraphCount = 0
        var blocks: [Block] = []
        var bodyNodes: [XMLNode] = []
        func flushBody() throws {
            guard !bodyNodes.isEmpty else { return }
            if outlineOnly {
                skimForOutline(bodyNodes)
            } else {
                blocks += try flow(nodes: bodyNodes, in: node)
            }
            bodyNodes.removeAll()
        }
        try forEachChild(of: node) { child in
            if child.isElement, child.name == "section" {
                try flushBody()
                childCount += 1
                let numbered = number != nil && !Self.isUnnumbered(child)
                subsections.append(try section(child, number: numbered ? "\(number!).\(childCount)" : nil, depth: depth + 1, back: back))
            } else if child.isElement, child.name == "references" {
                try flushBody()
                childCount += 1
                subsections.append(try referencesSection(child, number: number.map { "\($0).\(childCount)" }, cited: number.map { "\($0).\(childCount)" }, depth: depth + 1))
            } else if child.isElement, child.name == "name" {
                return
            } else {
                if child.isElement, Self.paragraphElements.contains(child.name) {
                    paragraphCount += 1
                    registerParagraphAnchors(child, section: number, title: title, isAppendix: back, paragraph: paragraphCount)
                    sectionBodyElements.append(SectionBodyElement(node: child, section: number, title: title, isAppendix: back, paragraph: paragraphCount))
                }
                bodyNodes.append(child)
            }
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
    static let paragraphElements: Set<String> = [
        "artset", "artwork", "aside", "blockquote", "list", "dl", "ol", "ul", "sourcecode", "t", "figure", "table",
    ]

    private func registerParagraphAnchors(_ node: XMLNode, section: String?, title: String, isAppendix: Bool, paragraph: Int) {
        if let anchor = node.attribute("anchor"), node.name == "t" || node.name == "ul" || node.name == "ol" || node.name == "dl" {
            targets[anchor] = .paragraph(section: section, sectionTitle: title, isAppendix: isAppendix, paragraph: "\(paragraph)", item: nil)
        }
        guard node.name == "ul" || node.name == "ol" else { return }
        var item = 0
        for li in node.children where li.isElement && li.name == "li" {
            item += 1
            if let anchor = li.attribute("anchor") {
                targets[anchor] = .paragraph(section: section, sectionTitle: title, isAppendix: isAppendix, paragraph: "\(paragraph)", item: "\(item)")
            }
        }
    }

    // MARK: - Blocks

    static let blockElements: Set<String> = [
        "t", "ul", "ol", "dl", "list", "figure", "artwork", "sourcecode", "artset", "table",
        "texttable", "blockquote", "aside", "note", "preamble", "postamble",
    ]

    func flow(_ node: XMLNode) throws -> [Block] {
        var nodes: [XMLNode] = []
        try forEachChild(of: node) { child in
            if child.isElement, child.name == "name" || child.name == "section" { return }
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
            } else if child.isElement, child.name == "vspace", (Int(child.attribute("blankLines") ?? "0") ?? 0) > 0 {
                flush()
            } else if child.isElement, child.name == "author" || (child.name == "contact" && parent.name == "section") {
                // Prepped documents list the authors inside "Authors' Addresses"; a
                // <contact> directly in a section is an address block, not running text.
                flush()
            } else if child.isElement, child.name == "include", child.isXInclude {
                flush()
                warn("xi:include of \(child.attribute("href") ?? "?") in running text not expanded", child)
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
            let symbol = Self.bulletSymbols[bulletDepth % Self.bulletSymbols.count]
            bulletDepth += 1
            defer { bulletDepth -= 1 }
            var list = try listBlock(node, style: empty ? .plain : .bullet, itemName: "li") { _, _ in
                empty ? nil : symbol
            }
            list.bodyIndent = node.attribute("indent").flatMap { Int($0) } ?? (empty ? 3 : symbol.count + 2)
            list.isCompact = node.attribute("spacing") == "compact"
            return [.list(list)]
        case "ol":
            let format = OrderedListFormat(type: node.attribute("type") ?? "1", parentLabel: orderedItemLabels.last)
            let count = node.children.filter { $0.isElement && $0.name == "li" }.count
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

    static let bulletSymbols = ["*", "-", "o", "+"]

    /// The first counter of an `<ol>`: its `start`, else where the previous list of its
    /// `group` stopped (xml2rfc's preptool numbers a group across lists and sections).
    private func orderedListStart(start: String?, group: String?, itemCount: Int) -> Int {
        var first = start.map { Int($0) ?? 1 }
        if let group {
            if first == nil { first = orderedGroupCounters[group] ?? 1 }
            orderedGroupCounters[group] = (first ?? 1) + itemCount
        }
        return first ?? 1
    }

    private func listBlock(_ node: XMLNode, style: ListBlock.Style, itemName: String, marker: (Int, XMLNode) -> String?) throws -> ListBlock {
        var items: [ListItem] = []
        var index = 0
        var markers: [String?] = []
        try forEachChild(of: node) { child in
            if child.isElement, child.name == itemName { markers.append(marker(markers.count, child)) }
        }
        listDepth += 1
        defer { listDepth -= 1 }
        try forEachChild(of: node) { child in
            guard child.isElement, child.name == itemName else { return }
            let m = markers[index]
            if style == .ordered, let m {
                // The label an `%p` in a nested list's type and a counter xref show.
                orderedItemLabels.append(m)
                if let anchor = child.attribute("anchor") { itemLabels[anchor] = m }
            }
            defer { if style == .ordered, m != nil { orderedItemLabels.removeLast() } }
            items.append(ListItem(marker: m, blocks: try flow(child), location: location(child)))
            index += 1
        }
        return ListBlock(style: style, items: items, location: location(node))
    }

    private func definitionList(_ node: XMLNode) throws -> ListBlock {
        var items: [ListItem] = []
        var term: (InlineText, XMLNode)?
        listDepth += 1
        defer { listDepth -= 1 }
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
    private func v2List(_ node: XMLNode) throws -> ListBlock {
        var style = node.attribute("style").map { Self.trimmingBlanks($0) } ?? ""
        if style.isEmpty, let enclosing = v2ListStyles.last {
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
        v2ListStyles.append(style)
        defer { v2ListStyles.removeLast() }
        var items: [ListItem] = []
        listDepth += 1
        defer { listDepth -= 1 }
        var index = 0
        let symbol = Self.bulletSymbols[bulletDepth % Self.bulletSymbols.count]
        let isBulletList = style == "symbols" || style == "empty"
        if isBulletList { bulletDepth += 1 }
        defer { if isBulletList { bulletDepth -= 1 } }
        // As the <ol> xml2rfc converts it to: "numbers" is type "1", "letters" "a",
        // "format X" type X; `counter` names the group that numbers on across lists.
        var ordered: (format: OrderedListFormat, start: Int)?
        let count = node.children.filter { $0.isElement && $0.name == "t" }.count
        switch style {
        case "symbols", "empty", "hanging": break
        default:
            let type = style == "numbers" ? "1" : style == "letters" ? "a" : style.hasPrefix("format ") ? String(style.dropFirst("format ".count)) : "1"
            ordered = (OrderedListFormat(type: type, parentLabel: nil), orderedListStart(start: nil, group: node.attribute("counter"), itemCount: count))
        }
        try forEachChild(of: node) { child in
            guard child.isElement, child.name == "t" else { return }
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

    private func figure(_ node: XMLNode) throws -> [Block] {
        let title = try self.title(of: node)
        let anchor = node.attribute("anchor")
        // xml2rfc's v2 conversion turns a figure with neither title nor anchor into bare
        // artwork: it gets no number.
        let numbered = isV3 || (title.map { !$0.isEmpty } ?? false) || anchor != nil
        if numbered {
            figureCount += 1
            if let anchor { targets[anchor] = .figure(figureCount, title: title.flatMap { $0.isEmpty ? nil : $0 }) }
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
            art.number = figureCount
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
        tableCount += 1
        let anchor = node.attribute("anchor")
        let title = try title(of: node)
        if let anchor { targets[anchor] = .table(tableCount, title: title) }
        var header: [[InlineText]] = []
        var rows: [[InlineText]] = []
        var headerFormats: [[TableCellFormat]] = []
        var rowFormats: [[TableCellFormat]] = []
        func row(_ tr: XMLNode, isHeader: Bool) throws {
            var cells: [InlineText] = []
            var formats: [TableCellFormat] = []
            try forEachChild(of: tr) { cell in
                guard cell.isElement, cell.name == "td" || cell.name == "th" else { return }
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
                try forEachChild(of: child) { tr in if tr.isElement, tr.name == "tr" { try row(tr, isHeader: child.name == "thead") } }
            case "tr": try row(child, isHeader: false)
            default: break
            }
        }
        var table = Table(title: title, anchor: anchor, header: header, rows: rows, location: location(node))
        table.number = tableCount
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
        tableCount += 1
        if let anchor { targets[anchor] = .table(tableCount, title: title) }
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
        table.number = tableCount
        table.alignment = node.attribute("align")
        // As xml2rfc converts it: <ttcol> cells are <th>, each <c> takes its column's align.
        let headerFormats = columns.isEmpty ? [] : [alignments.map { TableCellFormat(isHeader: true, alignment: $0) }]
        table.cellFormats = headerFormats + rows.map { row in row.indices.map { TableCellFormat(alignment: $0 < alignments.count ? alignments[$0] : nil) } }
        out.append(.table(table))
        return out + post
    }

    // MARK: - Inline

    func inlineText(of node: XMLNode) throws -> InlineText {
        var out = InlineText()
        try forEachChild(of: node) { try appendInline($0, to: &out) }
        return out
    }

    private func appendText(_ text: String, to out: inout InlineText) {
        guard !text.isEmpty else { return }
        if let last = out.spans.last, last.kind == .text {
            out.spans[out.spans.count - 1].text += text
        } else {
            out.append(Span(text))
        }
    }

    private func appendInline(_ node: XMLNode, to out: inout InlineText) throws {
        if node.isText {
            appendText(node.content, to: &out)
            return
        }
        if node.isEntityReference {
            if let entity = xmlGetDocEntity(document, node.pointer.pointee.name) {
                if entity.pointee.etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY {
                    warn("external entity &\(node.name); in running text not expanded", node)
                    return
                }
                try expandEntity(node) { try appendInline($0, to: &out) }
            } else if let character = XMLCharacterEntities.table[node.name] {
                appendText(character, to: &out)
            } else {
                warn("undeclared entity &\(node.name); left as is", node)
                appendText("&\(node.name);", to: &out)
            }
            return
        }
        guard node.isElement else { return }
        switch node.name {
        case "bcp14":
            out.append(Span(try inlineText(of: node).plainText, kind: .bcp14))
        case "xref", "relref":
            let target = node.attribute("target") ?? ""
            // Markup in the text shows as xml2rfc renders it ("the _ref_ [REF]").
            let content = TextRenderer.displayText(try inlineText(of: node))
            let section = node.attribute("section")
            let sectionFormat = node.attribute("sectionFormat") ?? node.attribute("displayFormat")
            pending.append(PendingXref(target: target, format: node.attribute("format"), content: content, section: section, sectionFormat: sectionFormat))
            out.append(Span(Self.xrefToken(pending.count - 1), kind: .xref(target: target, section: nil)))
        case "eref":
            let target = node.attribute("target") ?? ""
            let content = try inlineText(of: node).plainText
            let brackets = node.attribute("brackets") ?? "none"
            let text: String
            if brackets == "angle" {
                text = content.isEmpty ? "<\(target)>" : "\(content) <\(target)>"
            } else {
                text = content.isEmpty ? target : "\(content) (\(target))"
            }
            out.append(Span(text, kind: .eref(target: target)))
        case "em":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.em)))
        case "strong":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.strong)))
        case "tt", "code":
            // Nested markup (<sup> in <tt>) keeps its rendering inside the span's text.
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.tt)))
        case "sub":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.sub)))
        case "sup":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.sup)))
        case "spanx":
            let text = TextRenderer.displayText(try inlineText(of: node))
            // xml2rfc's v2-to-v3 conversion: verb becomes <tt>, strong <strong>, any
            // other style (vbare included) <em>.
            switch node.attribute("style") ?? "emph" {
            case "strong": out.append(Span(text, kind: .emphasis(.strong)))
            case "verb": out.append(Span(text, kind: .emphasis(.tt)))
            default: out.append(Span(text, kind: .emphasis(.em)))
            }
        case "iref":
            hasIndexEntries = true
            out.append(Span("", kind: .invisible("iref:\(node.attribute("item") ?? "")")))
        case "cref":
            // xml2rfc shows a comment (unless display="false") on lines of its own that
            // start "//"; its text stays out of the running text (see Span.Kind.invisible).
            let anchor = node.attribute("anchor") ?? ""
            if !anchor.isEmpty { targets[anchor] = .comment }
            var comment = ""
            if node.attribute("display") != "false" {
                comment = TextRenderer.displayText(try inlineText(of: node)).whitespaceNormalized
                if let source = node.attribute("source")?.whitespaceNormalized, !source.isEmpty {
                    comment += "\u{2028}\u{2028}-- " + source
                }
            }
            out.append(Span(comment, kind: .invisible("cref:\(anchor)")))
        case "br", "vspace":
            appendText("\u{2028}", to: &out)
        case "contact":
            let organization = node.firstElement("organization")
            appendText(XMLInlineForms.contact(
                fullname: node.attribute("fullname"), initials: node.attribute("initials"), surname: node.attribute("surname"),
                asciiFullname: node.attribute("asciiFullname"), asciiInitials: node.attribute("asciiInitials"), asciiSurname: node.attribute("asciiSurname"),
                organization: organization.map(\.textContent), organizationASCII: organization?.attribute("ascii")), to: &out)
        case "u":
            let text = node.textContent
            appendText(XMLInlineForms.unicode(text, format: node.attribute("format"), ascii: node.attribute("ascii")) ?? text, to: &out)
        case "list", "figure", "artwork":
            break
        default:
            try forEachChild(of: node) { try appendInline($0, to: &out) }
        }
    }

    // MARK: - Entities and children

    /// Calls `body` for each child, expanding references to internal entities in place
    /// (within the expansion budget). External and undeclared entity references are
    /// passed through for the caller to decide.
    func forEachChild(of node: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        for child in node.children {
            if child.isEntityReference, let entity = xmlGetDocEntity(document, child.pointer.pointee.name),
               entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, Self.entityHasMarkup(entity) {
                try expandEntity(child, body)
            } else {
                try body(child)
            }
        }
    }

    private static func entityHasMarkup(_ entity: xmlEntityPtr) -> Bool {
        var child = entity.pointee.children
        while let c = child {
            if c.pointee.type != XML_TEXT_NODE { return true }
            child = c.pointee.next
        }
        return false
    }

    private func expandEntity(_ reference: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        guard let entity = xmlGetDocEntity(document, reference.pointer.pointee.name) else { return }
        entityNesting += 1
        defer { entityNesting -= 1 }
        guard entityNesting <= Self.maximumEntityNesting else {
            throw DocumentError(.refusedUnsafe, "entity &\(reference.name); nests more than \(Self.maximumEntityNesting) deep", at: location(reference))
        }
        if entity.pointee.children == nil, let content = entity.pointee.content {
            // Entity text libxml2 did not parse into nodes: plain text.
            entityExpansions += 1
            try checkExpansionBudget(reference)
            let text = xmlNewDocText(document, content)
            defer { xmlFreeNode(text) }
            if let text { try body(XMLNode(text)) }
            return
        }
        var child = entity.pointee.children
        while let c = child {
            entityExpansions += 1
            try checkExpansionBudget(reference)
            let node = XMLNode(c)
            if node.isEntityReference, let inner = xmlGetDocEntity(document, c.pointee.name), inner.pointee.etype == XML_INTERNAL_GENERAL_ENTITY {
                try expandEntity(node, body)
            } else {
                try body(node)
            }
            child = c.pointee.next
        }
    }

    private func checkExpansionBudget(_ node: XMLNode) throws {
        if entityExpansions > Self.maximumEntityExpansions {
            throw DocumentError(.refusedUnsafe, "entity expansion exceeds \(Self.maximumEntityExpansions) nodes (an entity-expansion bomb?)", at: location(node))
        }
    }

    /// `include="reference.RFC.2119"` of `<?rfc include="..."?>` and the like.
    static func pseudoAttributes(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(text)
        while let eq = rest.firstIndex(of: "=") {
            let key = Self.trimmingBlanks(rest[..<eq])
            var after = rest[rest.index(after: eq)...].drop(while: { $0 == " " })
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { break }
            out[key.lowercased()] = String(after[..<close])
            rest = after[after.index(after: close)...]
        }
        return out
    }
}
