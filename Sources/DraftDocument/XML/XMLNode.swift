import CLibXML2

/// A read-only view of one libxml2 node: name, attributes, children, line. Attribute
/// values are read from the node's attribute list directly (no libxml2 allocation).
struct XMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var type: xmlElementType { pointer.pointee.type }
    var isElement: Bool { type == XML_ELEMENT_NODE }
    var isText: Bool { type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE }
    var isEntityReference: Bool { type == XML_ENTITY_REF_NODE }
    var isProcessingInstruction: Bool { type == XML_PI_NODE }

    /// The local name ("section", "include" for `xi:include`).
    var name: String {
        guard let n = pointer.pointee.name else { return "" }
        return String(cString: n)
    }

    /// The namespace URI, if any.
    var namespace: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// An item of a v2 `<list>`: `<t>`, or the `<x:lt>` of rfc2629.xslt's extensions
    /// (namespace http://purl.org/net/xml2rfc/ext), an item of several paragraphs, each a
    /// `<t>` of its own (the HTTPbis documents: RFC 7230-7235 and the HTTP/2 drafts).
    var isV2ListItem: Bool {
        isElement(named: "t") || (isElement(named: "lt") && namespace == "http://purl.org/net/xml2rfc/ext")
    }

    var isXInclude: Bool {
        isElement && name == "include" && (namespace?.hasPrefix("http://www.w3.org/2001/XInclude") ?? false)
    }

    /// Text of a text, CDATA, comment or PI node.
    var content: String {
        guard let c = pointer.pointee.content else { return "" }
        return String(cString: c)
    }

    var line: Int { max(1, Int(xmlGetLineNo(pointer))) }

    func attribute(_ attributeName: String) -> String? {
        var attributeName = attributeName
        return attributeName.withUTF8 { wanted in
            var attr = pointer.pointee.properties
            while let a = attr {
                if let n = a.pointee.name, Self.name(n, equals: wanted) {
                    var value = ""
                    var child = a.pointee.children
                    while let c = child {
                        if c.pointee.type == XML_ENTITY_REF_NODE, let entityName = c.pointee.name,
                           let entity = xmlGetDocEntity(c.pointee.doc, entityName), XMLCharacterEntities.isUndeclared(entity) {
                            // Never declared: the reference as written (its replacement
                            // text is the reference escaped).
                            value += "&\(String(cString: entityName));"
                        } else if let text = c.pointee.content {
                            value += String(cString: text)
                        }
                        child = c.pointee.next
                    }
                    return value
                }
                attr = a.pointee.next
            }
            return nil
        }
    }

    /// A libxml2 name against the UTF-8 of a name, without making a C string of the name
    /// for each attribute compared (`xmlStrEqual` with a Swift string did: an allocation
    /// per attribute of every element read; 6% of the instructions of `sections` of
    /// rfc9001). A shorter libxml2 name stops at its NUL, which no byte of a name equals,
    /// so nothing past it is read.
    static func name(_ name: UnsafePointer<xmlChar>, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in bytes.indices where name[i] != bytes[i] { return false }
        return name[bytes.count] == 0
    }

    static func name(_ name: UnsafePointer<xmlChar>, is literal: StaticString) -> Bool {
        literal.withUTF8Buffer { Self.name(name, equals: $0) }
    }

    /// Whether this is an element of that local name, compared in place: `name` makes a
    /// String of the name (some 175 instructions a node, 4% of `sections` of rfc9001
    /// when every child of every section was asked).
    func isElement(named literal: StaticString) -> Bool {
        guard isElement, let n = pointer.pointee.name else { return false }
        return Self.name(n, is: literal)
    }

    /// `isElement(named:)` for a name known only at run time.
    func isElement(named elementName: String) -> Bool {
        guard isElement, let n = pointer.pointee.name else { return false }
        var elementName = elementName
        return elementName.withUTF8 { Self.name(n, equals: $0) }
    }

    var children: XMLChildren { XMLChildren(first: pointer.pointee.children) }

    /// Child elements only.
    var elements: [XMLNode] { children.filter(\.isElement) }

    func firstElement(_ elementName: String) -> XMLNode? {
        children.first { $0.isElement(named: elementName) }
    }

    func elements(_ elementName: String) -> [XMLNode] {
        children.filter { $0.isElement(named: elementName) }
    }

    var parent: XMLNode? {
        guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(p)
    }

    /// All text below this node, entity references to predefined entities resolved by
    /// libxml2 already; other entity references contribute nothing here.
    var textContent: String {
        var out = ""
        func walk(_ node: XMLNode) {
            if node.isText { out += node.content; return }
            guard node.isElement else { return }
            for c in node.children { walk(c) }
        }
        walk(self)
        return out
    }
}

struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    struct Iterator: IteratorProtocol {
        var current: xmlNodePtr?
        mutating func next() -> XMLNode? {
            guard let c = current else { return nil }
            current = c.pointee.next
            return XMLNode(c)
        }
    }

    func makeIterator() -> Iterator { Iterator(current: first) }
}
