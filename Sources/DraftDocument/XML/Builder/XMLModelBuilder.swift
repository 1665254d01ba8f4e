import CLibXML2

/// Builds the model in one walk over the libxml2 tree. Cross-references are written as
/// placeholders during the walk and given their display text at the end, when every
/// section, figure and table number is known.
///
/// The walk is split by what it reads, one extension per file: the document and its front
/// matter, sections, references, blocks, lists, inline content, entities and includes,
/// and cross-references. What it keeps while walking is grouped below by concern, so that
/// each part reads and writes its own group.
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
    /// nested xref xrefs.targets are looked for when one is needed.
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

    /// Where each anchor points, and the cross-references waiting for their text.
    struct CrossReferences {
        var targets: [String: XrefTarget] = [:]
        var pending: [PendingXref] = []
        /// The label of every anchored ordered-list item, for `format="counter"` xrefs.
        var itemLabels: [String: String] = [:]
        var sectionBodyElements: [SectionBodyElement] = []
        var nestedTargetsRegistered = false
    }

    /// The numbers xml2rfc counts on through the whole document.
    struct Numbering {
        var figures = 0
        var tables = 0
        /// Where each `<ol group>` (v2 `<list counter>`) stopped: the next list's first counter.
        var orderedGroupCounters: [String: Int] = [:]
    }

    /// The lists the walk is inside.
    struct ListNesting {
        /// Enclosing bullet lists: xml2rfc picks the bullet symbol by this depth.
        var bulletDepth = 0
        /// Resolved styles of the enclosing v2 `<list>` elements.
        var v2Styles: [String] = []
        /// Labels of the enclosing ordered-list items, innermost last (for `%p`).
        var orderedItemLabels: [String] = []
    }

    /// How references are cited and in what order they came.
    struct ReferenceStyle {
        /// `symRefs`: cited by anchor ("[PFKEY]") rather than by number.
        var symbolic = true
        /// `sortRefs`: entries sorted by the name shown.
        var sorted = false
        var order: [String] = []
        /// `<displayreference target=... to=...>`: the name a reference is cited by.
        var displayNames: [String: String] = [:]
    }

    /// Entity expansion and includes: how deep and how much, and the included documents
    /// (freed with the builder's `freeIncludedDocuments`).
    struct Expansion {
        var entityExpansions = 0
        /// Bytes of text the expansions so far put into the document, and each entity's
        /// expanded size once known (keyed by the entity's address).
        var entityBytes = 0
        var expandedSize: [UnsafeMutableRawPointer: Int] = [:]
        var entityNesting = 0
        var includeNesting = 0
        var includedDocuments: [xmlDocPtr] = []
        /// External parsed entities' content, parsed once per entity (keyed by its
        /// address), or nil when empty.
        var externalEntities: [UnsafeMutableRawPointer: xmlNodePtr?] = [:]
    }

    /// Outline mode: section bodies, the abstract and notes are not turned into blocks;
    /// their nodes are only walked for index entries (which add the Index section). Where
    /// that could change the outline or its warnings (an entity reference, xi:include or
    /// processing instruction in a body, a cross-reference in a title), the builder sets
    /// `needsBodies` and the caller builds the whole document instead.
    struct Outline {
        let only: Bool
        var needsBodies = false
    }

    /// Limits on what entity references may expand to: the reader expands internal
    /// entities itself, so a "billion laughs" document stops here, not in memory.
    static let maximumEntityExpansions = 200_000
    /// Counting nodes alone lets one element of 100 KB of text, referenced 16,000 times,
    /// grow a 110 KB document to gigabytes; the bytes are bounded too (libxml2 2.11's
    /// xmlCtxtSetMaxAmplification does the same; this one is 2.9).
    static let maximumEntityBytes = 16 << 20
    static let maximumEntityNesting = 12
    static let maximumIncludeNesting = 4

    let document: xmlDocPtr
    let resolver: IncludeResolver
    /// The file being read: the document, or an included file while its entries are read.
    var file: String
    var isV3 = false
    /// The document's name, for the archive link xml2rfc shows in place of SVG art.
    var docName: String?
    var hasIndexEntries = false
    var warnings: [DocumentWarning] = []
    /// Undeclared entity names warned about in text: once each (a document of 400,000
    /// references to one gave as many warnings, 130 times its size in memory).
    var undeclaredReported: Set<String> = []

    var xrefs = CrossReferences()
    var numbering = Numbering()
    var lists = ListNesting()
    var references = ReferenceStyle()
    var expansion = Expansion()
    var outline: Outline

    init(document: xmlDocPtr, path: String, resolver: IncludeResolver, outlineOnly: Bool = false) {
        self.document = document
        self.file = path
        self.resolver = resolver
        self.outline = Outline(only: outlineOnly)
    }

    /// Outline mode's look at nodes it does not build: index entries, and anything that
    /// needs the full build (entity references, processing instructions, xi:include,
    /// artwork with a src).
    func skimForOutline(_ nodes: [XMLNode]) {
        var stack = nodes.map(\.pointer)
        while let p = stack.popLast() {
            switch p.pointee.type {
            case XML_ENTITY_REF_NODE, XML_PI_NODE:
                outline.needsBodies = true
                return
            case XML_ELEMENT_NODE:
                if let name = p.pointee.name {
                    if XMLNode.name(name, is: "iref") { hasIndexEntries = true }
                    // xi:include and artwork read from elsewhere (with warnings of their own).
                    if XMLNode.name(name, is: "include") || (XMLNode.name(name, is: "artwork") && XMLNode(p).attribute("src") != nil) {
                        outline.needsBodies = true
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
        // Entity content first: its nodes use the main document's dictionary.
        expansion.externalEntities.values.forEach { if let list = $0 { xmlFreeNodeList(list) } }
        expansion.externalEntities.removeAll()
        expansion.includedDocuments.forEach { xmlFreeDoc($0) }
        expansion.includedDocuments.removeAll()
    }

    func location(_ node: XMLNode) -> SourceLocation { SourceLocation(file: file, line: node.line) }

    func warn(_ message: String, _ node: XMLNode) {
        warnings.append(DocumentWarning(message, at: location(node)))
    }

    /// `s` without the white space at its ends that is not a line break: what
    /// `trimmingCharacters(in: .whitespaces)` gives, without Foundation's bridging.
    static func trimmingBlanks<S: StringProtocol>(_ s: S) -> String {
        let isBlank = { (c: Character) in c.isWhitespace && !c.isNewline }
        guard let first = s.firstIndex(where: { !isBlank($0) }), let last = s.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(s[first...last])
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
