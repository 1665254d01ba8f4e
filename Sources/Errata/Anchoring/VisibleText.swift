import DraftDocument

/// The text a reader sees in a stretch of source, each character mapped back to the source
/// bytes it comes from. Markup that renders as text (an empty `<xref target="PFKEY"/>` reads
/// "[PFKEY]") contributes characters mapped to the whole tag; markup that renders as nothing
/// contributes nothing; block boundaries contribute a space. Page headers and footers of
/// paginated text contribute nothing.
struct VisibleText: Sendable {
    var scalars: [Unicode.Scalar] = []
    /// Source byte range of each scalar.
    var starts: [Int] = []
    var ends: [Int] = []

    var count: Int { scalars.count }

    mutating func append(_ text: String, _ range: Range<Int>) {
        for s in text.unicodeScalars {
            scalars.append(s)
            starts.append(range.lowerBound)
            ends.append(range.upperBound)
        }
    }

    mutating func append(_ s: Unicode.Scalar, _ start: Int, _ end: Int) {
        scalars.append(s)
        starts.append(start)
        ends.append(end)
    }

    func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    /// Positions of the scalars that are not white space: the form OLD text is searched
    /// in, so that white space, reflow and line-end hyphenation never matter.
    var canonicalPositions: [Int] {
        scalars.indices.filter { !scalars[$0].properties.isWhitespace }
    }

    /// The words (runs of non-white space) with their scalar ranges.
    var words: [(text: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var i = 0
        while i < scalars.count {
            if scalars[i].properties.isWhitespace { i += 1; continue }
            let start = i
            while i < scalars.count, !scalars[i].properties.isWhitespace { i += 1 }
            out.append((string(start..<i), start..<i))
        }
        return out
    }
}

/// How an empty cross-reference reads in rendered text, from the document's anchors.
struct XrefNames: Sendable {
    var sections: [String: String] = [:]
    var references: Set<String> = []

    init(document: Document?) {
        guard let document else { return }
        for section in document.allSections {
            if let anchor = section.anchor, let number = section.number { sections[anchor] = number }
            for block in section.blocks { collectReferences(block) }
        }
    }

    private mutating func collectReferences(_ block: Block) {
        if case .references(let group) = block { collect(group) }
    }

    private mutating func collect(_ group: ReferenceGroup) {
        for entry in group.entries { references.insert(entry.anchor) }
        group.groups.forEach { collect($0) }
    }

    func display(target: String) -> String {
        if let number = sections[target] {
            return number.first?.isLetter == true ? "Appendix \(number)" : "Section \(number)"
        }
        return "[\(target)]"
    }
}

extension VisibleText {
    /// The visible text of `range` of an XML source.
    static func xml(_ source: SourceFile, _ range: Range<Int>, names: XrefNames) -> VisibleText {
        xml(source.bytes, tokens: XMLToken.scan(source.bytes, range), names: names)
    }

    static func xml(_ bytes: [UInt8], tokens: [XMLToken], names: XrefNames) -> VisibleText {
        var out = VisibleText()
        var hiddenDepth = 0
        var openXrefs: [(token: XMLToken, hadContent: Bool)] = []
        for token in tokens {
            switch token.kind {
            case .other:
                continue
            case .cdata:
                if hiddenDepth == 0, let content = token.content { out.appendRaw(bytes, content) }
            case .text:
                if hiddenDepth == 0 {
                    out.appendXMLText(bytes, token.range)
                    if !openXrefs.isEmpty, !bytes[token.range].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                        openXrefs[openXrefs.count - 1].hadContent = true
                    }
                }
            case .start(let name, let selfClosing):
                if InlineElements.hidden.contains(name) {
                    if !selfClosing { hiddenDepth += 1 }
                    continue
                }
                guard hiddenDepth == 0 else { continue }
                if name == "br" || name == "vspace" {
                    out.append(" ", token.range)
                } else if name == "xref" || name == "relref" {
                    if selfClosing {
                        out.append(names.display(target: token.attributes["target"] ?? ""), token.range)
                    } else {
                        openXrefs.append((token, false))
                    }
                } else if name == "eref" {
                    if selfClosing { out.append("<\(token.attributes["target"] ?? "")>", token.range) }
                } else if !InlineElements.names.contains(name) {
                    out.append(" ", token.range)
                }
            case .end(let name):
                if InlineElements.hidden.contains(name) {
                    hiddenDepth = max(0, hiddenDepth - 1)
                    continue
                }
                guard hiddenDepth == 0 else { continue }
                if name == "xref" || name == "relref", let open = openXrefs.popLast(), !open.hadContent {
                    // `<xref target="X"></xref>` reads like the empty form.
                    out.append(names.display(target: open.token.attributes["target"] ?? ""), open.token.range.lowerBound..<token.range.upperBound)
                } else if !InlineElements.names.contains(name) {
                    out.append(" ", token.range)
                }
            }
        }
        return out
    }

    private mutating func appendRaw(_ bytes: [UInt8], _ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = Self.decodeScalar(bytes, at: i, end: range.upperBound)
            append(scalar, i, i + length)
            i += length
        }
    }

    private mutating func appendXMLText(_ bytes: [UInt8], _ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "&") {
                var j = i + 1
                while j < range.upperBound, j - i < 12, bytes[j] != UInt8(ascii: ";") { j += 1 }
                if j < range.upperBound, bytes[j] == UInt8(ascii: ";"),
                   let decoded = XMLEntities.decode(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) {
                    append(decoded, i..<(j + 1))
                    i = j + 1
                    continue
                }
            }
            let (scalar, length) = Self.decodeScalar(bytes, at: i, end: range.upperBound)
            append(scalar, i, i + length)
            i += length
        }
    }

    /// One UTF-8 scalar; an invalid byte reads as U+FFFD and advances one byte.
    static func decodeScalar(_ bytes: [UInt8], at i: Int, end: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= end else { return ("\u{FFFD}", 1) }
        var decoder = UTF8()
        var iterator = bytes[i..<(i + length)].makeIterator()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return (s, length) }
        return ("\u{FFFD}", 1)
    }
}

extension VisibleText {
    /// The visible text of `range` of a plain-text source: page headers, footers and form
    /// feeds left out, and a line-end hyphen after a letter joined to the next line's word
    /// (xml2rfc breaks lines after the hyphen of a compound: "Selector-" / "initiator").
    static func text(_ source: SourceFile, _ range: Range<Int>) -> VisibleText {
        var out = VisibleText()
        let furniture = PageFurniture.lines(in: source)
        let firstLine = source.line(of: range.lowerBound)
        let lastLine = range.isEmpty ? firstLine : source.line(of: range.upperBound - 1)
        var joinNext = false
        for line in firstLine...lastLine {
            if furniture.contains(line) { continue }
            let lineStart = max(range.lowerBound, source.lineStarts[line - 1])
            let lineEnd = min(range.upperBound, source.lineEnd(of: source.lineStarts[line - 1]))
            guard lineStart <= lineEnd else { continue }
            var i = lineStart
            if joinNext {
                while i < lineEnd, source.bytes[i] == 0x20 { i += 1 }
                joinNext = false
            }
            if i == lineEnd { out.append("\n", lineEnd..<lineEnd); continue }
            while i < lineEnd {
                let (scalar, length) = decodeScalar(source.bytes, at: i, end: lineEnd)
                out.append(scalar, i, i + length)
                i += length
            }
            let n = out.scalars.count
            if n >= 2, out.scalars[n - 1] == "-", out.scalars[n - 2].properties.isAlphabetic,
               let next = nextContentLine(after: line, source: source, furniture: furniture, limit: lastLine),
               next.first.map({ $0.isLetter && $0.isLowercase }) == true {
                joinNext = true
            } else {
                out.append("\n", lineEnd..<lineEnd)
            }
        }
        return out
    }

    private static func nextContentLine(after line: Int, source: SourceFile, furniture: Set<Int>, limit: Int) -> String? {
        var l = line + 1
        while l <= limit {
            if !furniture.contains(l) {
                let start = source.lineStarts[l - 1]
                let text = source.string(start..<source.lineEnd(of: start)).trimmingPrefix(while: { $0 == " " })
                return text.isEmpty ? nil : String(text)
            }
            l += 1
        }
        return nil
    }
}

/// Page headers, footers and form feeds of a paginated RFC or Internet-Draft.
enum PageFurniture {
    /// 1-based numbers of the lines that are page furniture.
    static func lines(in source: SourceFile) -> Set<Int> {
        var out: Set<Int> = []
        var afterFooter = false
        for line in 1...source.lineCount {
            let start = source.lineStarts[line - 1]
            let end = source.lineEnd(of: start)
            let bytes = source.bytes[start..<end]
            if bytes.contains(0x0C) {
                out.insert(line)
                afterFooter = true
                continue
            }
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if afterFooter {
                if blank { continue }
                out.insert(line)  // the running header of the next page
                afterFooter = false
                continue
            }
            if !blank, bytes.first != 0x20, isFooter(bytes) {
                out.insert(line)
                afterFooter = true
            }
        }
        return out
    }

    /// "Kaufman, et al.   Expires January 9, 2010   [Page 38]": "[Page N]" at the end,
    /// white space aside.
    private static func isFooter(_ bytes: ArraySlice<UInt8>) -> Bool {
        var end = bytes.endIndex
        while end > bytes.startIndex, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        guard end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "]") else { return false }
        var digits = end - 1
        while digits > bytes.startIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digits - 1]) { digits -= 1 }
        return digits < end - 1 && bytes[..<digits].suffix(6).elementsEqual("[Page ".utf8)
    }
}
