import CLibXML2
import Foundation

/// What the walk reads from elsewhere: internal entities expanded in place (within a
/// budget), and bibliography entries from xi:include, `<?rfc include?>` and SYSTEM entities.
extension XMLModelBuilder {
    /// The entity `name` refers to, declared by the document or one of xml2rfc's character
    /// entities; nil for a name never declared (the parser keeps those as placeholders
    /// that read as the reference itself, `XMLCharacterEntities.lookUp`), which the walk
    /// reports where it meets it.
    func declaredEntity(_ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
        guard let entity = xmlGetDocEntity(document, name), !XMLCharacterEntities.isUndeclared(entity) else { return nil }
        return entity
    }

    /// Calls `body` for each child, expanding references to internal entities in place
    /// (within the expansion budget), and to external parsed entities (a file beside the
    /// draft, as xml2rfc reads it; see `readExternalEntity`) except in `<references>`, whose
    /// entities are bibliography entries. Undeclared entity references are passed through
    /// for the caller to decide.
    func forEachChild(of node: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        for child in node.children {
            try visit(child, in: node, body)
        }
    }

    func visit(_ child: XMLNode, in parent: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        if child.isEntityReference, let entity = declaredEntity(child.pointer.pointee.name) {
            if entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, Self.entityHasMarkup(entity) {
                return try expandEntity(child, body)
            }
            if entity.pointee.etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY, !parent.isElement(named: "references") {
                return try readExternalEntity(child, entity, in: parent, body)
            }
        }
        try body(child)
    }

    private static func entityHasMarkup(_ entity: xmlEntityPtr) -> Bool {
        var child = entity.pointee.children
        while let c = child {
            if c.pointee.type != XML_TEXT_NODE { return true }
            child = c.pointee.next
        }
        return false
    }

    func expandEntity(_ reference: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        guard let entity = declaredEntity(reference.pointer.pointee.name) else { return }
        expansion.entityNesting += 1
        defer { expansion.entityNesting -= 1 }
        guard expansion.entityNesting <= Self.maximumEntityNesting else {
            throw DocumentError(.refusedUnsafe, "entity &\(reference.name); nests more than \(Self.maximumEntityNesting) deep", at: location(reference))
        }
        if expansion.entityNesting == 1 {
            // The outermost reference counts everything it expands to, nested entities included.
            try chargeEntityBytes(expandedSize(of: entity, depth: 0), for: reference)
        }
        if entity.pointee.children == nil, let content = entity.pointee.content {
            // Entity text libxml2 did not parse into nodes: plain text.
            expansion.entityExpansions += 1
            try checkExpansionBudget(reference)
            let text = xmlNewDocText(document, content)
            defer { xmlFreeNode(text) }
            if let text { try body(XMLNode(text)) }
            return
        }
        var child = entity.pointee.children
        while let c = child {
            expansion.entityExpansions += 1
            try checkExpansionBudget(reference)
            let node = XMLNode(c)
            if node.isEntityReference, let inner = declaredEntity(c.pointee.name), inner.pointee.etype == XML_INTERNAL_GENERAL_ENTITY {
                try expandEntity(node, body)
            } else {
                try body(node)
            }
            child = c.pointee.next
        }
    }

    /// Counts `bytes` of expanded text against the entity budget.
    /// - Throws: `DocumentError.refusedUnsafe` past it.
    func chargeEntityBytes(_ bytes: Int, for reference: XMLNode) throws {
        expansion.entityBytes = min(expansion.entityBytes + bytes, Self.maximumEntityBytes + 1)
        if expansion.entityBytes > Self.maximumEntityBytes {
            throw DocumentError(.refusedUnsafe, "entity &\(reference.name); takes the text expanded from entities past \(Self.maximumEntityBytes >> 20) MiB (an entity-expansion bomb?)", at: location(reference))
        }
    }

    /// The bytes of text `entity` expands to, entities within it expanded (saturating; an
    /// entity nested too deep counts as over the limit, since expanding it fails anyway).
    private func expandedSize(of entity: xmlEntityPtr, depth: Int) -> Int {
        let key = UnsafeMutableRawPointer(entity)
        if let known = expansion.expandedSize[key] { return known }
        guard depth <= Self.maximumEntityNesting else { return Self.maximumEntityBytes + 1 }
        var total = 0
        if entity.pointee.children == nil {
            total = entity.pointee.length > 0 ? Int(entity.pointee.length) : 0
        } else {
            var stack: [xmlNodePtr] = []
            var child = entity.pointee.children
            while let c = child { stack.append(c); child = c.pointee.next }
            while let node = stack.popLast(), total <= Self.maximumEntityBytes {
                if node.pointee.type == XML_ENTITY_REF_NODE {
                    if let inner = declaredEntity(node.pointee.name), inner != entity {
                        total += expandedSize(of: inner, depth: depth + 1)
                    }
                    continue
                }
                if let content = node.pointee.content { total += strlen(content) }
                var properties = node.pointee.type == XML_ELEMENT_NODE ? node.pointee.properties : nil
                while let p = properties {
                    var value = p.pointee.children
                    while let v = value { if let text = v.pointee.content { total += strlen(text) }; value = v.pointee.next }
                    properties = p.pointee.next
                }
                var grandchild = node.pointee.children
                while let g = grandchild { stack.append(g); grandchild = g.pointee.next }
            }
        }
        let size = min(total, Self.maximumEntityBytes + 1)
        expansion.expandedSize[key] = size
        return size
    }

    private func checkExpansionBudget(_ node: XMLNode) throws {
        if expansion.entityExpansions > Self.maximumEntityExpansions {
            throw DocumentError(.refusedUnsafe, "entity expansion exceeds \(Self.maximumEntityExpansions) nodes (an entity-expansion bomb?)", at: location(node))
        }
    }

    // MARK: - Bibliography entries from elsewhere

    /// An xi:include, `<?rfc include?>` or SYSTEM entity naming a bibliography entry:
    /// read from an allowed directory when there, else a placeholder with a warning.
    func includedReferences(href: String, at node: XMLNode, bareName: Bool = false, fallbackAnchor: String? = nil) throws -> [Reference] {
        if expansion.includeNesting < Self.maximumIncludeNesting, case .file(let path) = resolver.resolve(href, addingExtension: bareName ? ".xml" : nil) {
            if let included = try parseIncludedRoot(path: path, at: node) {
                let saved = file
                file = path
                expansion.includeNesting += 1
                defer { file = saved; expansion.includeNesting -= 1 }
                switch included.name {
                case "reference": return [try reference(included)]
                case "referencegroup": return [try referenceGroupEntry(included)]
                case "references":
                    var out: [Reference] = []
                    try forEachChild(of: included) { c in
                        if c.isElement(named: "reference") { out.append(try reference(c)) }
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
        xrefs.targets[anchor] = .reference(title: nil)
        references.order.append(anchor)
        return [Reference(anchor: anchor, isPlaceholder: true, location: location(node))]
    }

    func entityReferences(_ node: XMLNode) throws -> [Reference] {
        guard let entity = declaredEntity(node.pointer.pointee.name) else {
            warn("undeclared entity &\(node.name); in references; skipped", node)
            return []
        }
        if entity.pointee.etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY {
            let system = entity.pointee.SystemID.map { String(cString: $0) } ?? ""
            return try includedReferences(href: system, at: node, fallbackAnchor: node.name)
        }
        var out: [Reference] = []
        try expandEntity(node) { child in
            if child.isElement(named: "reference") { out.append(try reference(child)) }
        }
        return out
    }

    /// The root element of an included file, parsed and kept until the walk ends; nil (with
    /// a warning naming the file) when it cannot be used.
    func parseIncludedRoot(path: String, at node: XMLNode) throws -> XMLNode? {
        guard let data = FileManager.default.contents(atPath: path) else {
            warn("\(path): unreadable include", node)
            return nil
        }
        do {
            let doc = try LibXMLParser.parse(data, path: path)
            expansion.includedDocuments.append(doc)
            // Its attributes' undeclared names, as the draft's own (XMLDocumentReader.read).
            warnings += XMLCharacterEntities.attributeWarnings(in: doc, path: path)
            guard let root = xmlDocGetRootElement(doc) else { return nil }
            return XMLNode(root)
        } catch let error as DocumentError {
            warn("included file not used: \(error.description)", node)
            return nil
        }
    }
}
