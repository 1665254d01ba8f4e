import CLibXML2

/// Character entities xml2rfc documents use from rfc2629-xhtml.ent (named in DOCTYPE but
/// never loaded: no DTD is read).
enum XMLCharacterEntities {
    /// libxml2's entity lookup for the parser: the document's own declaration first, else
    /// one of these, declared in the document's internal subset when first met. libxml2
    /// leaves an undeclared reference in text for the reader to map, but drops one in an
    /// attribute: a v2 `title="... (Code&nbsp;0)"` read as "Code0". Any other name is
    /// declared as its own reference ("&foo;" reads "&foo;", marked `undeclaredMarker`),
    /// so an attribute keeps it too and the reader can say so: the first
    /// `maximumPlaceholders` names (a document has a few; a hostile one of 200,000 made
    /// as many entities, 120 times its size in memory). Only a document with a DOCTYPE
    /// gets them (without one, an undeclared entity is a well-formedness error).
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
        guard let session = LibXMLParser.Session.of(parser), session.placeholders < maximumPlaceholders else { return nil }
        session.placeholders += 1
        // "&#38;" is the ampersand as a character reference: the replacement text is read
        // as markup again, where "&foo;" would refer to itself.
        return xmlAddDocEntity(document, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, undeclaredMarker, "&#38;\(key);")
    }

    /// How many undeclared names one document may have placeholders for.
    static let maximumPlaceholders = 1_000

    /// The system identifier `lookUp` gives an entity the document never declared.
    static let undeclaredMarker = "urn:draftcheck:undeclared-entity"

    /// Whether `entity` is one the document never declared, kept as its reference.
    static func isUndeclared(_ entity: UnsafePointer<xmlEntity>) -> Bool {
        guard let id = entity.pointee.SystemID else { return false }
        return undeclaredMarker.withCString { xmlStrEqual(id, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0 }
    }

    /// A warning for each undeclared entity kept in attribute values, at the line of the
    /// first element that has it (one in text is reported where the text is read).
    /// Nothing is walked unless the document met such an entity.
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
        var reported: Set<String> = []
        var stack = [root]
        while let element = stack.popLast() {
            var attribute = element.pointee.properties
            while let a = attribute {
                var child = a.pointee.children
                while let c = child {
                    if c.pointee.type == XML_ENTITY_REF_NODE, let entityName = c.pointee.name,
                       let entity = xmlGetDocEntity(document, entityName), isUndeclared(entity),
                       reported.insert(String(cString: entityName)).inserted {
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

    /// Names and characters: every entity of xml2rfc's rfc2629-xhtml.ent and
    /// rfc2629-other.ent (the sets its rfc2629.dtd loads, the first declaration of a name
    /// winning: "circ" is "^"), then five HTML names beyond them (uarr, darr, ne, zwj, zwnj).
    /// "permil" is the per mille sign, as its name and the file's own comment say (the file
    /// declares it U+2032, the prime).
    static let table: [String: String] = [
        "nbsp": "\u{00A0}", "iexcl": "\u{00A1}", "cent": "\u{00A2}", "pound": "\u{00A3}",
        "curren": "\u{00A4}", "yen": "\u{00A5}", "brvbar": "\u{00A6}", "sect": "\u{00A7}",
        "uml": "\u{00A8}", "copy": "\u{00A9}", "ordf": "\u{00AA}", "laquo": "\u{00AB}",
        "not": "\u{00AC}", "shy": "\u{00AD}", "reg": "\u{00AE}", "macr": "\u{00AF}",
        "deg": "\u{00B0}", "plusmn": "\u{00B1}", "sup2": "\u{00B2}", "sup3": "\u{00B3}",
        "acute": "\u{00B4}", "micro": "\u{00B5}", "para": "\u{00B6}", "middot": "\u{00B7}",
        "cedil": "\u{00B8}", "sup1": "\u{00B9}", "ordm": "\u{00BA}", "raquo": "\u{00BB}",
        "frac14": "\u{00BC}", "frac12": "\u{00BD}", "frac34": "\u{00BE}", "iquest": "\u{00BF}",
        "Agrave": "\u{00C0}", "Aacute": "\u{00C1}", "Acirc": "\u{00C2}", "Atilde": "\u{00C3}",
        "Auml": "\u{00C4}", "Aring": "\u{00C5}", "AElig": "\u{00C6}", "Ccedil": "\u{00C7}",
        "Egrave": "\u{00C8}", "Eacute": "\u{00C9}", "Ecirc": "\u{00CA}", "Euml": "\u{00CB}",
        "Igrave": "\u{00CC}", "Iacute": "\u{00CD}", "Icirc": "\u{00CE}", "Iuml": "\u{00CF}",
        "ETH": "\u{00D0}", "Ntilde": "\u{00D1}", "Ograve": "\u{00D2}", "Oacute": "\u{00D3}",
        "Ocirc": "\u{00D4}", "Otilde": "\u{00D5}", "Ouml": "\u{00D6}", "times": "\u{00D7}",
        "Oslash": "\u{00D8}", "Ugrave": "\u{00D9}", "Uacute": "\u{00DA}", "Ucirc": "\u{00DB}",
        "Uuml": "\u{00DC}", "Yacute": "\u{00DD}", "THORN": "\u{00DE}", "szlig": "\u{00DF}",
        "agrave": "\u{00E0}", "aacute": "\u{00E1}", "acirc": "\u{00E2}", "atilde": "\u{00E3}",
        "auml": "\u{00E4}", "aring": "\u{00E5}", "aelig": "\u{00E6}", "ccedil": "\u{00E7}",
        "egrave": "\u{00E8}", "eacute": "\u{00E9}", "ecirc": "\u{00EA}", "euml": "\u{00EB}",
        "igrave": "\u{00EC}", "iacute": "\u{00ED}", "icirc": "\u{00EE}", "iuml": "\u{00EF}",
        "eth": "\u{00F0}", "ntilde": "\u{00F1}", "ograve": "\u{00F2}", "oacute": "\u{00F3}",
        "ocirc": "\u{00F4}", "otilde": "\u{00F5}", "ouml": "\u{00F6}", "divide": "\u{00F7}",
        "oslash": "\u{00F8}", "ugrave": "\u{00F9}", "uacute": "\u{00FA}", "ucirc": "\u{00FB}",
        "uuml": "\u{00FC}", "yacute": "\u{00FD}", "thorn": "\u{00FE}", "yuml": "\u{00FF}",
        "OElig": "\u{0152}", "oelig": "\u{0153}", "Scaron": "\u{0160}", "scaron": "\u{0161}",
        "Yuml": "\u{0178}", "fnof": "\u{0192}", "tilde": "\u{02DC}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bdquo": "\u{201E}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
        "bull": "\u{2022}", "hellip": "\u{2026}", "permil": "\u{2030}", "prime": "\u{2032}",
        "Prime": "\u{2033}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "frasl": "\u{2044}",
        "euro": "\u{20AC}", "trade": "\u{2122}", "larr": "\u{2190}", "rarr": "\u{2192}",
        "harr": "\u{2194}", "lArr": "\u{21D0}", "rArr": "\u{21D2}", "hArr": "\u{21D4}",
        "minus": "\u{2212}", "lowast": "\u{2217}", "le": "\u{2264}", "ge": "\u{2265}",
        "lang": "\u{2329}", "rang": "\u{232A}", "zwsp": "\u{200B}", "nbhy": "\u{2011}",
        "br": "\u{2028}", "wj": "\u{2060}", "excl": "\u{0021}", "num": "\u{0023}",
        "dollar": "\u{0024}", "percnt": "\u{0025}", "lpar": "\u{0028}", "rpar": "\u{0029}",
        "ast": "\u{002A}", "plus": "\u{002B}", "comma": "\u{002C}", "hyphen": "\u{002D}",
        "period": "\u{002E}", "sol": "\u{002F}", "colon": "\u{003A}", "semi": "\u{003B}",
        "equals": "\u{003D}", "quest": "\u{003F}", "commat": "\u{0040}", "lsqb": "\u{005B}",
        "bsol": "\u{005C}", "rsqb": "\u{005D}", "circ": "\u{005E}", "lowbar": "\u{005F}",
        "grave": "\u{0060}", "lcub": "\u{007B}", "verbar": "\u{007C}", "rcub": "\u{007D}",
        "Zcaron": "\u{017D}", "zcaron": "\u{017E}", "dash": "\u{2010}", "uarr": "\u{2191}",
        "darr": "\u{2193}", "ne": "\u{2260}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]
}
