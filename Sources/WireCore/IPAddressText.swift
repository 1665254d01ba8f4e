/// Address text, the one parser and formatter behind PFKey's `IPAddress` and
/// TrafficSelectors' `IPAddressText`: dotted quad, and IPv6 in the text forms of RFC 4291
/// 2.2 (with "::" and a trailing dotted quad), written as RFC 5952 recommends. By hand: the
/// codecs depend on nothing, not even the C library's inet_pton.
///
/// An IPv6 address is its high and low 64 bits: PFKey avoids UInt128 in its values (Swift
/// 6.3's debug code generation misaligned 16-byte-aligned values on the stack there).
package enum IPAddressText {
    /// Text that is not an address, with the part that is not (for the caller's message).
    package enum Failure: Error, Equatable {
        case notIPv4(Substring)
        case notIPv6(Substring)
    }

    /// Four decimal parts of at most three ASCII digits, each at most 255.
    package static func parseIPv4(_ t: Substring) throws(Failure) -> UInt32 {
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw .notIPv4(t) }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCIIDigit), let n = UInt32(p), n <= 255 else {
                throw .notIPv4(t)
            }
            v = v << 8 | n
        }
        return v
    }

    /// Eight groups of at most four hex digits; one "::" stands for one or more zero
    /// groups; the last 32 bits may be a dotted quad.
    package static func parseIPv6(_ t: Substring) throws(Failure) -> (high: UInt64, low: UInt64) {
        func groups(_ s: Substring) throws(Failure) -> [UInt16] {
            if s.isEmpty { return [] }
            var out: [UInt16] = []
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            for (i, p) in parts.enumerated() {
                if i == parts.count - 1, p.contains(".") {
                    let v4 = try parseIPv4(p)
                    out.append(UInt16(v4 >> 16)); out.append(UInt16(v4 & 0xffff))
                } else {
                    guard !p.isEmpty, p.count <= 4, let g = UInt16(p, radix: 16) else { throw .notIPv6(t) }
                    out.append(g)
                }
            }
            return out
        }
        var all: [UInt16]
        let chars = Array(t)
        if let k = chars.indices.dropLast().first(where: { chars[$0] == ":" && chars[$0 + 1] == ":" }) {
            let head = try groups(Substring(String(chars[..<k]))), tail = try groups(Substring(String(chars[(k + 2)...])))
            guard head.count + tail.count <= 7 else { throw .notIPv6(t) }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            all = try groups(t)
        }
        guard all.count == 8 else { throw .notIPv6(t) }
        return (all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }, all[4...].reduce(UInt64(0)) { $0 << 16 | UInt64($1) })
    }

    package static func formatIPv4(_ v: UInt32) -> String {
        "\(v >> 24).\(v >> 16 & 0xff).\(v >> 8 & 0xff).\(v & 0xff)"
    }

    /// RFC 5952: lower-case hex without leading zeros, the longest run (two or more) of zero
    /// groups as "::", the first one on ties (4.2).
    package static func formatIPv6(high: UInt64, low: UInt64) -> String {
        let g = (0..<8).map { i in UInt16(truncatingIfNeeded: (i < 4 ? high : low) >> UInt64(48 - 16 * (i % 4))) }
        var bestStart = -1, bestLen = 0, i = 0
        while i < 8 {
            if g[i] == 0 {
                var j = i
                while j < 8 && g[j] == 0 { j += 1 }
                if j - i > bestLen && j - i >= 2 { bestStart = i; bestLen = j - i }
                i = j
            } else { i += 1 }
        }
        let hex = g.map { String($0, radix: 16) }
        if bestStart < 0 { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLen)...].joined(separator: ":")
        return head + "::" + tail
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
