/// The IP protocols a selector covers. On the wire a selector names one protocol, or 0
/// for any (RFC 7296 3.13.1); set algebra can produce other sets ("every protocol but
/// TCP", as an RFC 4301 Appendix B complement), so the value is an interval of 0...255
/// with ANY the whole of it.
public struct IPProtocolRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let lower: UInt8
    public let upper: UInt8

    init(unchecked lower: UInt8, _ upper: UInt8) {
        self.lower = lower
        self.upper = upper
    }

    public static let any = IPProtocolRange(unchecked: 0, 255)
    public static let icmp = IPProtocolRange(unchecked: 1, 1)
    public static let tcp = IPProtocolRange(unchecked: 6, 6)
    public static let udp = IPProtocolRange(unchecked: 17, 17)
    public static let icmpv6 = IPProtocolRange(unchecked: 58, 58)
    /// MIPv6 Mobility Header.
    public static let mobilityHeader = IPProtocolRange(unchecked: 135, 135)

    /// The IP Protocol ID field: 0 is any protocol.
    public init(wire: UInt8) {
        self = wire == 0 ? .any : IPProtocolRange(unchecked: wire, wire)
    }

    /// The IP Protocol ID to send, or nil when the set is neither one protocol nor all.
    public var wireValue: UInt8? {
        if self == .any { return 0 }
        return lower == upper && lower != 0 ? lower : nil
    }

    public var isAny: Bool { self == .any }

    public func contains(_ proto: UInt8) -> Bool { lower <= proto && proto <= upper }
    public func contains(_ other: IPProtocolRange) -> Bool { lower <= other.lower && other.upper <= upper }

    public func intersection(_ other: IPProtocolRange) -> IPProtocolRange? {
        let lo = max(lower, other.lower), hi = min(upper, other.upper)
        return lo <= hi ? IPProtocolRange(unchecked: lo, hi) : nil
    }

    public func subtracting(_ other: IPProtocolRange) -> [IPProtocolRange] {
        guard let i = intersection(other) else { return [self] }
        var out: [IPProtocolRange] = []
        if lower < i.lower { out.append(IPProtocolRange(unchecked: lower, i.lower - 1)) }
        if i.upper < upper { out.append(IPProtocolRange(unchecked: i.upper + 1, upper)) }
        return out
    }

    func merged(with other: IPProtocolRange) -> IPProtocolRange? {
        guard Int(max(lower, other.lower)) <= Int(min(upper, other.upper)) + 1 else { return nil }
        return IPProtocolRange(unchecked: min(lower, other.lower), max(upper, other.upper))
    }

    public var description: String {
        if isAny { return "any" }
        return lower == upper ? String(lower) : "\(lower)-\(upper)"
    }

    public static func < (a: IPProtocolRange, b: IPProtocolRange) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }
}
