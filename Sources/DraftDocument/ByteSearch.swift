import Foundation

/// Byte-string search: memchr to each candidate first byte, memcmp there (glibc's memmem
/// is a GNU extension Swift's Glibc module does not export). Used by linking (quotes in a
/// document's text) and by rendering (whether a regex pass can match at all).
public enum ByteSearch {
    /// The offset of the first `needle` in `hay` at or after `start`.
    public static func first(_ needle: UnsafeRawBufferPointer, in hay: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard needle.count > 0, start >= 0, needle.count <= hay.count - min(start, hay.count),
              let base = hay.baseAddress, let n = needle.baseAddress else { return nil }
        let first = Int32(needle[0])
        var i = start
        while i + needle.count <= hay.count {
            guard let p = memchr(base + i, first, hay.count - needle.count + 1 - i) else { return nil }
            let j = base.distance(to: UnsafeRawPointer(p))
            if memcmp(p, n, needle.count) == 0 { return j }
            i = j + 1
        }
        return nil
    }

    public static func first(_ needle: [UInt8], in hay: [UInt8], from start: Int = 0) -> Int? {
        hay.withUnsafeBytes { h in needle.withUnsafeBytes { n in first(n, in: h, from: start) } }
    }

    /// Every occurrence, overlapping ones included.
    public static func all(_ needle: [UInt8], in hay: [UInt8]) -> [Int] {
        var out: [Int] = [], from = 0
        while let i = first(needle, in: hay, from: from) {
            out.append(i)
            from = i + 1
        }
        return out
    }

    /// Whether `needle` occurs in the UTF-8 of `s` (a String or a Substring).
    public static func contains<S: StringProtocol>(_ s: S, _ needle: StaticString) -> Bool {
        offset(of: needle, in: s) != nil
    }

    /// The UTF-8 offset in `s` of the first `needle`, byte for byte: no copy of native text,
    /// and not Foundation's `contains`/`range(of:)`, which search through NSString with
    /// Unicode equivalence (and whose first call looks up types and conformances at run
    /// time: together 7% of reading RFC 7296).
    public static func offset<S: StringProtocol>(of needle: StaticString, in s: S) -> Int? {
        needle.withUTF8Buffer { n in
            if let found = s.utf8.withContiguousStorageIfAvailable({ first(UnsafeRawBufferPointer(n), in: UnsafeRawBufferPointer($0)) }) {
                return found
            }
            return Array(s.utf8).withUnsafeBytes { first(UnsafeRawBufferPointer(n), in: $0) }
        }
    }
}
