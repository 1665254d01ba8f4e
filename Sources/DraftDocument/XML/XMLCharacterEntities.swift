import CLibXML2

/// Character entities xml2rfc documents use from rfc2629-xhtml.ent (named in DOCTYPE but
/// never loaded: no DTD is read).
enum XMLCharacterEntities {
    /// libxml2's entity lookup for the parser: the document's own declaration first, else
    /// one of these, declared in the document's internal subset when first met. libxml2
    /// leaves an undeclared reference in text for the reader to map, but drops one in an
    /// attribute: a v2 `title="... (Code&nbsp;0)"` read as "Code0". Any other name is
    /// declared as its own reference ("&foo;" reads "&foo;", marked `undeclaredMarker`),
    /// so an attribute keeps it too and the reader can say so. Only a document with a
    /// DOCTYPE gets them (without one, an undeclared entity is a well-formedness error).
    static let lookUp: getEntitySAXFunc = { context, name in
        if let declared = xmlSAX2GetEntity(context, name) { return declared }
        guard let context, let name else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard parser.pointee.inSubset == 0, let document = parser.pointee.myDoc,
              document.pointee.intSubset != nil else { return nil }
        let key = String(cString: name)
        if let character = table[key] {
            return xmlAddDocEntity(document, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, nil, character)
        }
        // "&#38;" is the ampersand as a character reference: the replacement text is read
        // as markup again, where "&foo;" would refer to itself.
        return xmlAddDocEntity(document, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, undeclaredMarker, "&#38;\(key);")
    }

    /// The system identifier `lookUp` gives an entity the document never declared.
    static let undeclaredMarker = "urn:draftcheck:undeclared-entity"

    /// Whether `entity` is one the document never declared, kept as its reference.
    static func isUndeclared(_ entity: UnsafePointer<xmlEntity>) -> Bool {
        guard let id = entity.pointee.SystemID else { return false }
        return undeclaredMarker.withCString { xmlStrEqual(id, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0 }
    }

    /// A warning for each undeclared entity kept in an attribute value, at its element's
    /// line (one in text is reported where the text is read). Nothing is walked unless the
    /// document met such an entity.
    static func attributeWarnings(in document: xmlDocPtr, path: String) -> [DocumentWarning] {
        var declaration = document.pointee.intSubset?.pointee.children
        var any = false
        while let d = declaration, !any {
            if d.pointee.type == XML_ENTITY_DECL {
                any = isUndeclared(UnsafeRawPointer(d).assumingMemoryBound(to: xmlEntity.self))
            }
            declaration = d.pointee.next
        }
        guard any, let root = xmlDocGetRootElement(document) else { return [] }
        var warnings: [DocumentWarning] = []
        var stack = [root]
        while let element = stack.popLast() {
            var attribute = element.pointee.properties
            while let a = attribute {
                var child = a.pointee.children
                while let c = child {
                    if c.pointee.type == XML_ENTITY_REF_NODE, let entityName = c.pointee.name,
                       let entity = xmlGetDocEntity(document, entityName), isUndeclared(entity) {
                        let owner = XMLNode(element)
                        let attributeName = a.pointee.name.map { String(cString: $0) } ?? ""
                        warnings.append(DocumentWarning("undeclared entity &\(String(cString: entityName)); in the \(attributeName) attribute of <\(owner.name)> left as is",
                                                        at: SourceLocation(file: path, line: owner.line)))
                    }
                    child = c.pointee.next
                }
                attribute = a.pointee.next
            }
            // Children pushed last first, so elements are met in document order.
            var child = element.pointee.last
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { stack.append(c) }
                child = c.pointee.prev
            }
        }
        return warnings
    }

    static let table: [String: String] = [
        "nbsp": "\u{00A0}", "zwsp": "\u{200B}", "nbhy": "\u{2011}", "wj": "\u{2060}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "bull": "\u{2022}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "deg": "\u{00B0}",
        "plusmn": "\u{00B1}", "times": "\u{00D7}", "divide": "\u{00F7}", "micro": "\u{00B5}",
        "para": "\u{00B6}", "sect": "\u{00A7}", "middot": "\u{00B7}", "shy": "\u{00AD}",
        "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}", "darr": "\u{2193}",
        "harr": "\u{2194}", "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}",
        "auml": "\u{00E4}", "ouml": "\u{00F6}", "uuml": "\u{00FC}", "Auml": "\u{00C4}",
        "Ouml": "\u{00D6}", "Uuml": "\u{00DC}", "szlig": "\u{00DF}", "eacute": "\u{00E9}",
        "egrave": "\u{00E8}", "aacute": "\u{00E1}", "agrave": "\u{00E0}", "ccedil": "\u{00E7}",
        "oacute": "\u{00F3}", "iacute": "\u{00ED}", "uacute": "\u{00FA}", "ntilde": "\u{00F1}",
        "aring": "\u{00E5}", "oslash": "\u{00F8}", "aelig": "\u{00E6}", "Eacute": "\u{00C9}",
        "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}",
        "zwnj": "\u{200C}", "iexcl": "\u{00A1}", "iquest": "\u{00BF}", "cent": "\u{00A2}",
        "pound": "\u{00A3}", "euro": "\u{20AC}", "yen": "\u{00A5}", "frac12": "\u{00BD}",
        "frac14": "\u{00BC}", "frac34": "\u{00BE}", "sup2": "\u{00B2}", "sup3": "\u{00B3}",
    ]
}
