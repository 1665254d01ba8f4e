import Foundation

/// Byte-string search: memchr to each candidate first byte, memcmp there (glibc's memmem
/// is a GNU extension Swift's Glibc module does not export). Used by linking (quotes in a
/// document's text) and by rendering (whether a regex pass can match at all).
public enum ByteSearch {
    /// The offset of the first `needle` in `hay` at or after `start`. memchr looks for the
    /// needle's byte at `anchor` (its first by default): a byte rare in the hay makes few
    /// places to compare ("T" of "The ..." is at every sentence's start).
    public static func first(_ needle: UnsafeRawBufferPointer, in hay: UnsafeRawBufferPointer, from start: Int = 0, anchor: Int = 0) -> Int? {
        guard needle.count > 0, anchor >= 0, anchor < needle.count, start >= 0, needle.count <= hay.count - min(start, hay.count),
              let base = hay.baseAddress, let n = needle.baseAddress else { return nil }
        let byte = Int32(needle[anchor])
        // Where the anchor byte of the first and of the last possible occurrence lies.
        var i = start + anchor
        let last = hay.count - needle.count + anchor
        while i <= last {
            guard let p = memchr(base + i, byte, last + 1 - i) else { return nil }
            let j = base.distance(to: UnsafeRawPointer(p))
            if memcmp(base + (j - anchor), n, needle.count) == 0 { return j - anchor }
            i = j + 1
        }
        return nil
    }

    public static func first(_ needle: [UInt8], in hay: [UInt8], from start: Int = 0, anchor: Int = 0) -> Int? {
        hay.withUnsafeBytes { h in needle.withUnsafeBytes { n in first(n, in: h, from: start, anchor: anchor) } }
    }

    /// Every occurrence, overlapping ones included.
    public static func all(_ needle: [UInt8], in hay: [UInt8]) -> [Int] {
        all(of: [needle], in: hay)[0]
    }

    /// Every occurrence of each of `needles` in `hay` (overlapping ones included, in
    /// order; none for an empty needle). Rabin-Karp: one pass over `hay` for each distinct
    /// needle length, a rolling hash looked up among the needles of that length and each
    /// hit compared byte for byte. One search per needle was quadratic when many needles
    /// share one haystack (20,000 statements in one section took 4 s to place).
    public static func all(of needles: [[UInt8]], in hay: [UInt8]) -> [[Int]] {
        var out = [[Int]](repeating: [], count: needles.count)
        // Identical needles are searched once.
        var distinct: [[UInt8]: Int] = [:]
        var representative: [Int] = []       // per distinct needle: its first index in `needles`
        var owner = [Int](repeating: -1, count: needles.count)
        for (i, needle) in needles.enumerated() where !needle.isEmpty && needle.count <= hay.count {
            if let d = distinct[needle] { owner[i] = d; continue }
            distinct[needle] = representative.count
            owner[i] = representative.count
            representative.append(i)
        }
        var found = [[Int]](repeating: [], count: representative.count)
        var byLength: [Int: [Int]] = [:]
        for (d, i) in representative.enumerated() { byLength[needles[i].count, default: []].append(d) }
        hay.withUnsafeBufferPointer { h in
            for (length, group) in byLength {
                var withHash: [UInt64: [Int]] = [:]
                for d in group { withHash[rollingHash(needles[representative[d]][...]), default: []].append(d) }
                // base^(length-1), to take the leaving byte out.
                var top: UInt64 = 1
                for _ in 1..<length { top = top &* rollingBase }
                var hash = rollingHash(hay[0..<length])
                var p = 0
                while true {
                    if let candidates = withHash[hash] {
                        for d in candidates where needles[representative[d]].withUnsafeBufferPointer({ n in
                            memcmp(h.baseAddress! + p, n.baseAddress!, length) == 0
                        }) {
                            found[d].append(p)
                        }
                    }
                    guard p + length < h.count else { break }
                    hash = (hash &- UInt64(h[p]) &* top) &* rollingBase &+ UInt64(h[p + length])
                    p += 1
                }
            }
        }
        for i in needles.indices where owner[i] >= 0 { out[i] = found[owner[i]] }
        return out
    }

    private static let rollingBase: UInt64 = 0x100000001B3

    private static func rollingHash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 &* rollingBase &+ UInt64($1) }
    }

    /// Whether `needle` occurs in the UTF-8 of `s` (a String or a Substring).
    public static func contains<S: StringProtocol>(_ s: S, _ needle: StaticString) -> Bool {
        offset(of: needle, in: s) != nil
    }

    /// The first `needle` in `s`, as indices of `s`.
    public static func range<S: StringProtocol>(of needle: StaticString, in s: S) -> Range<S.Index>? {
        guard let offset = offset(of: needle, in: s) else { return nil }
        let start = s.utf8.index(s.startIndex, offsetBy: offset)
        return start..<s.utf8.index(start, offsetBy: needle.utf8CodeUnitCount)
    }

    /// The UTF-8 offset in `s` of the first `needle`, byte for byte: no copy of native text,
    /// and not Foundation's `contains`/`range(of:)`, which search through NSString with
    /// Unicode equivalence (and whose first call looks up types and conformances at run
    /// time: together 7% of reading RFC 7296).
    static func offset<S: StringProtocol>(of needle: StaticString, in s: S) -> Int? {
        needle.withUTF8Buffer { n in
            if let found = s.utf8.withContiguousStorageIfAvailable({ first(UnsafeRawBufferPointer(n), in: UnsafeRawBufferPointer($0)) }) {
                return found
            }
            return Array(s.utf8).withUnsafeBytes { first(UnsafeRawBufferPointer(n), in: $0) }
        }
    }
}
