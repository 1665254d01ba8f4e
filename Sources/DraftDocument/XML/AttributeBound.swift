import Foundation

/// libxml2 2.9 compares each attribute of a start tag with every one before it (duplicate
/// check), so one element with 200,000 attributes takes minutes inside `xmlParseDocument`,
/// where no callback can stop it. This scan runs first, in one pass over the bytes, and
/// refuses a start tag with more than `maximum` attributes (xml2rfc's elements have at
/// most about twenty). Start tags inside entity values are counted too, since libxml2
/// parses those as well. It does not judge well-formedness: that is libxml2's job.
enum AttributeBound {
    static let maximum = 512

    static func check(_ data: Data, path: String) throws {
        let found: Int? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return firstCrowdedTag(base.assumingMemoryBound(to: UInt8.self), from: 0, to: raw.count)
        }
        guard let offset = found else { return }
        var line = 1, column = 1
        for b in data.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        throw DocumentError(.refusedUnsafe, "an element with more than \(maximum) attributes (refused: libxml2's time grows with their square)",
                            at: SourceLocation(file: path, line: line, column: column))
    }

    /// The offset of the first start tag with too many attributes among the bytes
    /// `start..<end` at `bytes`. Text, quoted values, comments, CDATA and processing
    /// instructions are crossed with `memchr`, to the next byte that can matter: this scan
    /// runs before every XML read.
    static func firstCrowdedTag(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        /// The offset of the first `byte` at or after `j`, or `end`.
        func find(_ byte: UInt8, from j: Int) -> Int {
            guard j < end, let found = memchr(bytes + j, Int32(byte), end - j) else { return end }
            return UnsafeRawPointer(bytes).distance(to: UnsafeRawPointer(found))
        }
        func starts(_ s: StaticString, at j: Int) -> Bool {
            let n = s.utf8CodeUnitCount
            return j + n <= end && memcmp(bytes + j, s.utf8Start, n) == 0
        }
        /// Just past the first `s` at or after `j`, or `end`.
        func skip(past s: StaticString, from j: Int) -> Int {
            let needle = UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
            let hay = UnsafeRawBufferPointer(start: bytes, count: end)
            return ByteSearch.first(needle, in: hay, from: j).map { $0 + needle.count } ?? end
        }
        let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        var i = start
        while i < end {
            if bytes[i] != less {
                i = find(less, from: i)
                continue
            }
            guard i + 1 < end else { return nil }
            let next = bytes[i + 1]
            if starts("<!--", at: i) {
                i = skip(past: "-->", from: i + 4)
            } else if starts("<![CDATA[", at: i) {
                i = skip(past: "]]>", from: i + 9)
            } else if next == UInt8(ascii: "?") {
                i = skip(past: "?>", from: i + 2)
            } else if next == UInt8(ascii: "!") {
                // A declaration (DOCTYPE with its internal subset): quoted literals are
                // entity values or identifiers; the start tags in them are counted.
                var j = i + 2
                var depth = 0
                while j < end {
                    let b = bytes[j]
                    if b == quote || b == apostrophe {
                        let k = find(b, from: j + 1)
                        if let inner = firstCrowdedTag(bytes, from: j + 1, to: k) { return inner }
                        j = k + 1
                        continue
                    }
                    if starts("<!--", at: j) { j = skip(past: "-->", from: j + 4); continue }
                    if b == UInt8(ascii: "[") { depth += 1 }
                    if b == UInt8(ascii: "]") { depth -= 1 }
                    if b == greater, depth <= 0 { break }
                    j += 1
                }
                i = j + 1
            } else if next == UInt8(ascii: "/") {
                i += 2
            } else {
                // A start tag: '=' outside quoted values, up to its '>'. Names and blanks
                // (every byte from 0x40 up, and most below) are passed at one test each.
                let significant: UInt64 = 1 << 0x22 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3D | 1 << 0x3E
                var j = i + 1
                var count = 0
                while j < end {
                    let b = bytes[j]
                    if b >= 0x40 || significant & (1 << UInt64(b)) == 0 {
                        j += 1
                        continue
                    }
                    if b == quote || b == apostrophe {
                        j = find(b, from: j + 1) + 1
                        continue
                    }
                    if b == UInt8(ascii: "=") {
                        count += 1
                        if count > maximum { return i }
                    } else if b == greater || b == less {
                        break
                    }
                    j += 1
                }
                i = j
            }
        }
        return nil
    }
}
