/// The ports (or ICMP type/code, or MH type) a selector covers, with ANY and OPAQUE
/// explicit (RFC 4301 4.4.1.1, RFC 7296 3.13.1).
///
/// Ports live on the domain 0...65536, where 65536 stands for OPAQUE (the port is not
/// available, e.g. in a non-initial fragment). ANY is the whole domain, so "ANY includes
/// OPAQUE" holds; OPAQUE is the single point 65536. On the wire ANY is 0-65535 and
/// OPAQUE is start 65535, end 0. Keeping OPAQUE a point of an ordered domain makes every
/// set operation close (ANY minus OPAQUE is 0...65535, a plain interval).
public struct PortRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The point that stands for OPAQUE.
    public static let opaquePoint: UInt32 = 65536

    public let lower: UInt32
    public let upper: UInt32

    init(unchecked lower: UInt32, _ upper: UInt32) {
        self.lower = lower
        self.upper = upper
    }

    /// Every port, including OPAQUE (wire 0-65535).
    public static let any = PortRange(unchecked: 0, opaquePoint)
    /// Only OPAQUE (wire 65535-0).
    public static let opaque = PortRange(unchecked: opaquePoint, opaquePoint)

    /// One port number.
    public static func single(_ port: UInt16) -> PortRange { PortRange(unchecked: UInt32(port), UInt32(port)) }

    /// The ports `start...end` (`start <= end`); 0-65535 is ANY (which includes OPAQUE).
    public static func range(_ start: UInt16, _ end: UInt16) throws -> PortRange {
        try PortRange(wireStart: start, wireEnd: end)
    }

    /// ICMP/ICMPv6 Type and Code as one port: Type in the high byte (RFC 7296 3.13.1).
    public static func icmp(type: UInt8, code: UInt8) -> PortRange { .single(UInt16(type) << 8 | UInt16(code)) }
    /// Every code of one ICMP/ICMPv6 Type.
    public static func icmp(type: UInt8) -> PortRange {
        PortRange(unchecked: UInt32(type) << 8, UInt32(type) << 8 | 0xff)
    }
    /// A MIPv6 Mobility Header Type: Type in the high byte, low byte zero.
    public static func mobilityHeader(type: UInt8) -> PortRange { .single(UInt16(type) << 8) }

    /// From the wire's Start Port and End Port: 0-65535 is ANY, 65535-0 is OPAQUE; any
    /// other start > end throws `startAfterEnd`.
    public init(wireStart: UInt16, wireEnd: UInt16) throws {
        if wireStart == 0 && wireEnd == 65535 {
            self = .any
        } else if wireStart == 65535 && wireEnd == 0 {
            self = .opaque
        } else if wireStart <= wireEnd {
            self.init(unchecked: UInt32(wireStart), UInt32(wireEnd))
        } else {
            throw TSError(.startAfterEnd, "start port \(wireStart) after end port \(wireEnd) (only 65535-0, OPAQUE, may run backwards)", rule: "RFC 7296 3.13.1")
        }
    }

    /// Start Port and End Port as sent, or nil when the set has no exact wire form (a range
    /// that includes OPAQUE but not all ports, or all ports without OPAQUE).
    public var wireValue: (start: UInt16, end: UInt16)? {
        if self == .any { return (0, 65535) }
        if self == .opaque { return (65535, 0) }
        guard upper < PortRange.opaquePoint, !(lower == 0 && upper == 65535) else { return nil }
        return (UInt16(lower), UInt16(upper))
    }

    public var isAny: Bool { self == .any }
    public var isOpaque: Bool { self == .opaque }
    public var isSinglePort: Bool { lower == upper && upper < PortRange.opaquePoint }
    public var includesOpaque: Bool { upper == PortRange.opaquePoint }

    public func contains(_ point: UInt32) -> Bool { lower <= point && point <= upper }
    public func contains(_ other: PortRange) -> Bool { lower <= other.lower && other.upper <= upper }

    public func intersection(_ other: PortRange) -> PortRange? {
        let lo = max(lower, other.lower), hi = min(upper, other.upper)
        return lo <= hi ? PortRange(unchecked: lo, hi) : nil
    }

    /// The parts of `self` outside `other` (zero, one or two ranges).
    public func subtracting(_ other: PortRange) -> [PortRange] {
        guard let i = intersection(other) else { return [self] }
        var out: [PortRange] = []
        if lower < i.lower { out.append(PortRange(unchecked: lower, i.lower - 1)) }
        if i.upper < upper { out.append(PortRange(unchecked: i.upper + 1, upper)) }
        return out
    }

    /// The single range covering both when they overlap or touch.
    func merged(with other: PortRange) -> PortRange? {
        guard max(lower, other.lower) <= min(upper, other.upper) &+ 1 else { return nil }
        return PortRange(unchecked: min(lower, other.lower), max(upper, other.upper))
    }

    /// Parses "any", "opaque", "N" or "N-M".
    public init(parsing text: String) throws {
        let t = text.trimmingWhitespace.lowercased()
        if t == "any" { self = .any; return }
        if t == "opaque" { self = .opaque; return }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let a = UInt16(parts[0]), let b = UInt16(parts.last!) else {
            throw TSError(.invalidValue, "not a port or port range: \(text)")
        }
        try self.init(wireStart: a, wireEnd: b)
    }

    public var description: String {
        if isAny { return "any" }
        if isOpaque { return "opaque" }
        func text(_ p: UInt32) -> String { p == PortRange.opaquePoint ? "opaque" : String(p) }
        return lower == upper ? text(lower) : "\(text(lower))-\(text(upper))"
    }

    public static func < (a: PortRange, b: PortRange) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }
}
