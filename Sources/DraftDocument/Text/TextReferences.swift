/// Reference entries in plain text: "[ANCHOR] Authors, \"Title\", Series, Date, <URI>."
extension TextBlockBuilder {
    /// "[ANCHOR]  Author, "Title", RFC 1234, Month Year." as a reference entry.
    func reference(_ chunk: Chunk) -> Reference? {
        let first = chunk.lines[0].content
        guard first.hasPrefix("["), let close = first.firstIndex(of: "]") else { return nil }
        let anchor = first[first.index(after: first.startIndex)..<close]
        guard !anchor.isEmpty, !anchor.utf8.contains(UInt8(ascii: " ")) || anchor.count < 20 else { return nil }
        let firstRest = first[first.index(after: close)...].drop(while: { $0 == " " })
        let text = Self.join(([firstRest] + chunk.lines.dropFirst().map(\.content)).filter { !$0.isEmpty })
        return Self.reference(anchor: String(anchor), text: text, location: SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1))
    }

    func extend(_ entry: Reference, with chunk: Chunk) -> Reference {
        let text = Self.join(chunk.lines.map(\.content))
        var out = entry
        if out.title == nil { out.title = Self.quotedTitle(text) }
        out.seriesInfo += Self.seriesInfo(text)
        if out.target == nil { out.target = Self.target(text) }
        return out
    }

    static func reference(anchor: String, text: String, location: SourceLocation) -> Reference {
        Reference(anchor: anchor, title: quotedTitle(text), seriesInfo: seriesInfo(text), target: target(text), location: location)
    }

    /// The first "quoted" stretch: where RFC Editor style puts the title. Straight or curly
    /// quotes (U+201C ... U+201D); the scan is over UTF-8 bytes, all of whose cut points are
    /// ASCII or whole quote characters.
    static func quotedTitle(_ text: String) -> String? {
        let u = text.utf8
        func quote(at i: String.Index, closing: Bool) -> Int {
            if u[i] == UInt8(ascii: "\"") { return 1 }
            // U+201C is E2 80 9C, U+201D is E2 80 9D.
            guard u[i] == 0xE2, let j = u.index(i, offsetBy: 2, limitedBy: u.index(before: u.endIndex)),
                  u[u.index(after: i)] == 0x80, u[j] == (closing ? 0x9D : 0x9C) else { return 0 }
            return 3
        }
        var i = u.startIndex
        while i < u.endIndex {
            let width = quote(at: i, closing: false)
            if width > 0 {
                let start = u.index(i, offsetBy: width)
                var k = start
                while k < u.endIndex {
                    if quote(at: k, closing: true) > 0 {
                        var title = text[start..<k]
                        if title.utf8.last == UInt8(ascii: ",") { title = title.dropLast() }
                        return String(title)
                    }
                    k = u.index(after: k)
                }
                return nil
            }
            i = u.index(after: i)
        }
        return nil
    }

    /// "RFC 5116", "BCP 14", "STD 79", "DOI 10.17487/RFC5116", draft names. Words are
    /// read as bytes: every cut is at an ASCII space or punctuation mark.
    static func seriesInfo(_ text: String) -> [String] {
        var out: [String] = []
        let words = Array(text.utf8).split(separator: UInt8(ascii: " ")).map(trimmingPunctuation)
        func string(_ w: ArraySlice<UInt8>) -> String { String(decoding: w, as: UTF8.self) }
        for (i, w) in words.enumerated() {
            if let series = seriesNames.first(where: { w.elementsEqual($0.utf8) }), i + 1 < words.count {
                let value = words[i + 1]
                if series == "DOI" ? !value.isEmpty : !value.isEmpty && value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    out.append("\(series) \(string(value))")
                }
            } else if w.starts(with: "draft-".utf8) {
                out.append(string(w.suffix(4).elementsEqual(".txt".utf8) ? w.dropLast(4) : w))
            }
        }
        return out
    }

    private static let seriesNames = ["RFC", "BCP", "STD", "FYI", "DOI"]

    /// A word without the punctuation that ends it (",.;:)") or opens it ("(").
    private static func trimmingPunctuation(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var w = word
        while let last = w.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: ";")
                || last == UInt8(ascii: ":") || last == UInt8(ascii: ")") { w.removeLast() }
        while w.first == UInt8(ascii: "(") { w.removeFirst() }
        return w
    }

    /// The URI in angle brackets, without the spaces a line break left in it.
    static func target(_ text: String) -> String? {
        let u = text.utf8
        guard let open = u.firstIndex(of: UInt8(ascii: "<")), let close = u[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let uri = u[u.index(after: open)..<close].filter { $0 != UInt8(ascii: " ") }
        return uri.contains(UInt8(ascii: ":")) ? String(decoding: uri, as: UTF8.self) : nil
    }
}
