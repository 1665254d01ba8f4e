/// Reference entries in plain text: "[ANCHOR] Authors, \"Title\", Series, Date, <URI>."
extension TextBlockBuilder {
    /// "[ANCHOR]  Author, "Title", RFC 1234, Month Year." as a reference entry.
    func reference(_ chunk: Chunk) -> Reference? {
        let first = chunk.lines[0].content
        guard first.hasPrefix("["), let close = first.firstIndex(of: "]") else { return nil }
        let anchor = first[first.index(after: first.startIndex)..<close]
        guard !anchor.isEmpty, !anchor.contains(" ") || anchor.count < 20 else { return nil }
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

    /// "RFC 5116", "BCP 14", "STD 79", "DOI 10.17487/RFC5116", draft names.
    static func seriesInfo(_ text: String) -> [String] {
        var out: [String] = []
        let words = text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
        for (i, word) in words.enumerated() {
            let w = word.trimmingTrailingPunctuation
            if w == "RFC" || w == "BCP" || w == "STD" || w == "FYI" || w == "DOI", i + 1 < words.count {
                let value = words[i + 1].trimmingTrailingPunctuation
                if w == "DOI" ? !value.isEmpty : !value.isEmpty && value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    out.append("\(w) \(value)")
                }
            } else if w.utf8.starts(with: "draft-".utf8) {
                out.append(String(w.hasSuffix(".txt") ? w.dropLast(4) : w))
            }
        }
        return out
    }

    /// The URI in angle brackets.
    static func target(_ text: String) -> String? {
        let u = text.utf8
        guard let open = u.firstIndex(of: UInt8(ascii: "<")), let close = u[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let uri = text[u.index(after: open)..<close].filter { $0 != " " }
        return uri.contains(":") ? String(uri) : nil
    }
}

extension Substring {
    fileprivate var trimmingTrailingPunctuation: Substring {
        var s = self
        while let last = s.utf8.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: ";")
                || last == UInt8(ascii: ":") || last == UInt8(ascii: ")") { s = s.dropLast() }
        while s.utf8.first == UInt8(ascii: "(") { s = s.dropFirst() }
        return s
    }
}

