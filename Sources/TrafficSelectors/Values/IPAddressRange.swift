import WireCore

/// An inclusive range of addresses of one family, as in a type 7/8 selector: it need not
/// be a CIDR block (RFC 7296 3.13.1). Addresses are 128-bit integers; IPv4 ones stay
/// below 2^32.
public struct IPAddressRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let family: IPFamily
    public let start: UInt128
    public let end: UInt128

    /// A range `start...end`; throws `startAfterEnd` or `invalidValue` (address too wide).
    public init(family: IPFamily, start: UInt128, end: UInt128) throws {
        guard start <= family.maxAddress, end <= family.maxAddress else {
            throw TSError(.invalidValue, "address wider than \(family.rawValue)")
        }
        guard start <= end else {
            throw TSError(.startAfterEnd, "starting address after ending address", rule: "RFC 7296 3.13.1")
        }
        self.family = family
        self.start = start
        self.end = end
    }

    /// For values already checked (`start <= end <= family.maxAddress`).
    init(unchecked family: IPFamily, _ start: UInt128, _ end: UInt128) {
        self.family = family
        self.start = start
        self.end = end
    }

    /// Every address of the family (0.0.0.0-255.255.255.255 or ::-ffff:...:ffff).
    public static func all(_ family: IPFamily) -> IPAddressRange {
        IPAddressRange(unchecked: family, 0, family.maxAddress)
    }

    /// One address.
    public static func host(_ family: IPFamily, _ address: UInt128) throws -> IPAddressRange {
        try IPAddressRange(family: family, start: address, end: address)
    }

    /// The CIDR block `address/prefixLength` (host bits of `address` are cleared).
    public init(family: IPFamily, address: UInt128, prefixLength: Int) throws {
        guard (0...family.addressBits).contains(prefixLength) else {
            throw TSError(.invalidValue, "prefix length \(prefixLength) out of range for \(family.rawValue)")
        }
        let hostBits = family.addressBits - prefixLength
        let hostMask: UInt128 = hostBits == 128 ? .max : (UInt128(1) << UInt128(hostBits)) - 1
        let start = address & ~hostMask & family.maxAddress
        try self.init(family: family, start: start, end: start | hostMask)
    }

    /// Parses "A", "A-B" or "A/len" (IPv4 dotted quad or IPv6 text).
    public init(parsing text: String) throws {
        if let dash = text.firstIndex(of: "-") {
            let a = try IPAddressText.parse(String(text[..<dash]))
            let b = try IPAddressText.parse(String(text[text.index(after: dash)...]))
            guard a.family == b.family else {
                throw TSError(.familyMismatch, "range \(text) mixes address families")
            }
            try self.init(family: a.family, start: a.value, end: b.value)
        } else if let slash = text.firstIndex(of: "/") {
            let a = try IPAddressText.parse(String(text[..<slash]))
            guard let len = Int(text[text.index(after: slash)...]) else {
                throw TSError(.invalidValue, "bad prefix length in \(text)")
            }
            try self.init(family: a.family, address: a.value, prefixLength: len)
        } else {
            let a = try IPAddressText.parse(text)
            try self.init(family: a.family, start: a.value, end: a.value)
        }
    }

    public var count: UInt128 { end &- start &+ 1 }
    public var isSingleAddress: Bool { start == end }

    public func contains(_ address: UInt128) -> Bool { start <= address && address <= end }
    public func contains(_ other: IPAddressRange) -> Bool {
        family == other.family && start <= other.start && other.end <= end
    }

    public func intersection(_ other: IPAddressRange) -> IPAddressRange? {
        guard family == other.family else { return nil }
        let lo = max(start, other.start), hi = min(end, other.end)
        return lo <= hi ? IPAddressRange(unchecked: family, lo, hi) : nil
    }

    /// The prefix length when the range is exactly one CIDR block, else nil.
    public var prefixLength: Int? {
        let size = end &- start
        // A block of 2^k addresses: size = 2^k - 1 (all ones) and start aligned on it.
        guard size & (size &+ 1) == 0, start & size == 0 else { return nil }
        let hostBits = size == .max ? 128 : 128 - size.leadingZeroBitCount
        return family.addressBits - hostBits
    }

    /// The smallest CIDR block containing the range (how strongSwan installs a non-CIDR
    /// range in the kernel: widened to the common prefix).
    public var cidrCover: IPAddressRange {
        let differing = start ^ end
        let hostBits = differing == 0 ? 0 : 128 - differing.leadingZeroBitCount
        let prefix = family.addressBits - hostBits
        return (try? IPAddressRange(family: family, address: start, prefixLength: prefix)) ?? self
    }

    public var startText: String { IPAddressText.format(start, family) }
    public var endText: String { IPAddressText.format(end, family) }

    /// "A/len" for a CIDR block, "A" for one address, else "A-B".
    public var description: String {
        if isSingleAddress { return startText }
        if let p = prefixLength { return "\(startText)/\(p)" }
        return "\(startText)-\(endText)"
    }

    public static func < (a: IPAddressRange, b: IPAddressRange) -> Bool {
        (a.family, a.start, a.end) < (b.family, b.start, b.end)
    }
}

/// Address text: dotted quad and RFC 5952 IPv6, parsed and written by WireCore's
/// `IPAddressText` (shared with PFKey); surrounding whitespace is allowed here.
public enum IPAddressText {
    public static func parse(_ text: String) throws -> (family: IPFamily, value: UInt128) {
        let t = text.trimmingWhitespace
        do throws(WireCore.IPAddressText.Failure) {
            if t.contains(":") {
                let (high, low) = try WireCore.IPAddressText.parseIPv6(t)
                return (.ipv6, UInt128(high) << 64 | UInt128(low))
            }
            return (.ipv4, UInt128(try WireCore.IPAddressText.parseIPv4(t)))
        } catch .notIPv4(let part) {
            throw TSError(.invalidValue, "not an IPv4 address: \(part)")
        } catch .notIPv6(let part) {
            throw TSError(.invalidValue, "not an IPv6 address: \(part)")
        }
    }

    public static func format(_ value: UInt128, _ family: IPFamily) -> String {
        if family == .ipv4 { return WireCore.IPAddressText.formatIPv4(UInt32(truncatingIfNeeded: value)) }
        return WireCore.IPAddressText.formatIPv6(high: UInt64(truncatingIfNeeded: value >> 64), low: UInt64(truncatingIfNeeded: value))
    }
}

extension StringProtocol {
    var trimmingWhitespace: Substring {
        let s = self[...]
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return Substring("") }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return Substring(s[first...last])
    }
}

extension IPAddressRange {
    /// The parts of `self` outside `other` (zero, one or two ranges).
    public func subtracting(_ other: IPAddressRange) -> [IPAddressRange] {
        guard let i = intersection(other) else { return [self] }
        var out: [IPAddressRange] = []
        if start < i.start { out.append(IPAddressRange(unchecked: family, start, i.start - 1)) }
        if i.end < end { out.append(IPAddressRange(unchecked: family, i.end + 1, end)) }
        return out
    }

    /// The single range covering both when they overlap or touch.
    func merged(with other: IPAddressRange) -> IPAddressRange? {
        guard family == other.family else { return nil }
        let lo = max(start, other.start), hi = min(end, other.end)
        guard lo <= hi || (hi < UInt128.max && lo == hi + 1) else { return nil }
        return IPAddressRange(unchecked: family, min(start, other.start), max(end, other.end))
    }
}
