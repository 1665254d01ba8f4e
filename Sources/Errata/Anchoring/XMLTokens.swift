/// A hand-written scanner over XML source bytes: libxml2 (the document reader) gives no
/// byte offsets for text and markup, and applying a change needs exactly those. It only
/// splits bytes into text and markup; well-formedness is the reader's job.
struct XMLToken: Sendable {
    enum Kind: Sendable, Equatable {
        case text
        case start(name: String, selfClosing: Bool)
        case end(name: String)
        /// Comments, processing instructions, DOCTYPE: never visible.
        case other
        /// `<![CDATA[...]]>`: the content (in `content`) is literal text.
        case cdata
    }

    var kind: Kind
    var range: Range<Int>
    /// Attribute values by name (start tags only), entities left as written.
    var attributes: [String: String] = [:]
    /// For CDATA: the bytes of the content.
    var content: Range<Int>?

    static func scan(_ bytes: [UInt8], _ range: Range<Int>) -> [XMLToken] {
        var tokens: [XMLToken] = []
        var i = range.lowerBound
        let end = range.upperBound
        func starts(with s: String, at p: Int) -> Bool {
            let u = Array(s.utf8)
            guard p + u.count <= end else { return false }
            return bytes[p..<(p + u.count)].elementsEqual(u)
        }
        func find(_ s: String, from p: Int) -> Int? {
            let u = Array(s.utf8)
            var q = p
            while q + u.count <= end {
                if bytes[q] == u[0], bytes[q..<(q + u.count)].elementsEqual(u) { return q }
                q += 1
            }
            return nil
        }
        while i < end {
            if bytes[i] != UInt8(ascii: "<") {
                var j = i
                while j < end, bytes[j] != UInt8(ascii: "<") { j += 1 }
                tokens.append(XMLToken(kind: .text, range: i..<j))
                i = j
                continue
            }
            if starts(with: "<!--", at: i) {
                let close = find("-->", from: i + 4).map { $0 + 3 } ?? end
                tokens.append(XMLToken(kind: .other, range: i..<close))
                i = close
            } else if starts(with: "<![CDATA[", at: i) {
                let close = find("]]>", from: i + 9) ?? end
                let stop = min(end, close + 3)
                tokens.append(XMLToken(kind: .cdata, range: i..<stop, content: (i + 9)..<close))
                i = stop
            } else if starts(with: "<?", at: i) {
                let close = find("?>", from: i + 2).map { $0 + 2 } ?? end
                tokens.append(XMLToken(kind: .other, range: i..<close))
                i = close
            } else if starts(with: "<!", at: i) {
                // DOCTYPE with an internal subset: skip to the '>' after the closing ']'.
                var j = i + 2, depth = 0
                while j < end {
                    if bytes[j] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[j] == UInt8(ascii: "]") { depth -= 1 }
                    if bytes[j] == UInt8(ascii: ">"), depth <= 0 { j += 1; break }
                    j += 1
                }
                tokens.append(XMLToken(kind: .other, range: i..<j))
                i = j
            } else {
                tokens.append(scanTag(bytes, from: i, end: end))
                i = tokens[tokens.count - 1].range.upperBound
            }
        }
        return tokens
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") || b == UInt8(ascii: "<"))
    }

    private static func scanTag(_ bytes: [UInt8], from start: Int, end: Int) -> XMLToken {
        var i = start + 1
        let closing = i < end && bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        let nameStart = i
        while i < end, isNameByte(bytes[i]) { i += 1 }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: ">") { i += 1; break }
            if b == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            if b == UInt8(ascii: "<") { break }  // unterminated tag: stop before the next one
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            let keyStart = i
            while i < end, isNameByte(bytes[i]) { i += 1 }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            guard i < end, bytes[i] == UInt8(ascii: "=") else {
                if i == keyStart { i += 1 }
                continue
            }
            i += 1
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            guard i < end else { break }
            let quote = bytes[i]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = i + 1
                var j = valueStart
                while j < end, bytes[j] != quote { j += 1 }
                attributes[key] = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                i = min(end, j + 1)
            } else {
                let valueStart = i
                while i < end, isNameByte(bytes[i]) { i += 1 }
                attributes[key] = String(decoding: bytes[valueStart..<i], as: UTF8.self)
            }
        }
        let kind: Kind = closing ? .end(name: name) : .start(name: name, selfClosing: selfClosing)
        return XMLToken(kind: kind, range: start..<i, attributes: attributes)
    }
}

/// Elements that sit inside running text (xml2rfc v3 and v2); every other element breaks
/// the text like a paragraph boundary.
enum InlineElements {
    static let names: Set<String> = [
        "xref", "eref", "relref", "bcp14", "em", "strong", "tt", "sub", "sup", "spanx", "iref",
        "cref", "br", "vspace",
    ]
    /// Inline elements whose content is not part of the running text.
    static let hidden: Set<String> = ["iref", "cref"]
}

/// The predefined XML entities and the named characters of xml2rfc's DTD that appear in
/// running text.
enum XMLEntities {
    static func decode(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        case "nbhy": return "-"
        case "wj", "zwsp": return ""
        case "mdash": return "\u{2014}"
        case "ndash": return "\u{2013}"
        case "rsquo": return "\u{2019}"
        case "lsquo": return "\u{2018}"
        case "rdquo": return "\u{201D}"
        case "ldquo": return "\u{201C}"
        default: break
        }
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
            return String(Character(s))
        }
        if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
            return String(Character(s))
        }
        return nil
    }
}
