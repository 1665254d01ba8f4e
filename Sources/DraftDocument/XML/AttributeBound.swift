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
            let bytes = raw.bindMemory(to: UInt8.self)
            return firstCrowdedTag(bytes[...])
        }
        guard let offset = found else { return }
        var line = 1, column = 1
        for b in data.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        throw DocumentError(.refusedUnsafe, "an element with more than \(maximum) attributes (refused: libxml2's time grows with their square)",
                            at: SourceLocation(file: path, line: line, column: column))
    }

    /// The offset of the first start tag with too many attributes, in `bytes` (offsets are
    /// those of the whole buffer).
    static func firstCrowdedTag(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func starts(_ s: StaticString, at j: Int) -> Bool {
            let n = s.utf8CodeUnitCount
            guard j + n <= end else { return false }
            for k in 0..<n where bytes[j + k] != s.utf8Start[k] { return false }
            return true
        }
        func skip(past s: StaticString, from j: Int) -> Int {
            var j = j
            while j < end, !starts(s, at: j) { j += 1 }
            return min(end, j + s.utf8CodeUnitCount)
        }
        guard let address = bytes.base.baseAddress else { return nil }
        let base = UnsafeRawPointer(address)
        while i < end {
            if bytes[i] != UInt8(ascii: "<") {
                // Text up to the next tag skipped with memchr: most of a document is text.
                guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), end - i) else { return nil }
                i = base.distance(to: UnsafeRawPointer(found))
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
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        var k = j + 1
                        while k < end, bytes[k] != b { k += 1 }
                        if let inner = firstCrowdedTag(bytes[(j + 1)..<k]) { return inner }
                        j = k + 1
                        continue
                    }
                    if starts("<!--", at: j) { j = skip(past: "-->", from: j + 4); continue }
                    if b == UInt8(ascii: "[") { depth += 1 }
                    if b == UInt8(ascii: "]") { depth -= 1 }
                    if b == UInt8(ascii: ">"), depth <= 0 { break }
                    j += 1
                }
                i = j + 1
            } else if next == UInt8(ascii: "/") {
                i += 2
            } else {
                // A start tag: '=' outside quoted values, up to its '>'.
                let start = i
                var j = i + 1
                var count = 0
                var quote: UInt8 = 0
                while j < end {
                    let b = bytes[j]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        quote = b
                    } else if b == UInt8(ascii: "=") {
                        count += 1
                        if count > maximum { return start }
                    } else if b == UInt8(ascii: ">") || b == UInt8(ascii: "<") {
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
