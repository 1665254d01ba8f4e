/// The address family of a selector: TS type 7 (IPv4) or 8 (IPv6), RFC 7296 3.13.1.
public enum IPFamily: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case ipv4, ipv6

    /// Address width in bytes on the wire.
    public var addressBytes: Int { self == .ipv4 ? 4 : 16 }
    /// Address width in bits.
    public var addressBits: Int { addressBytes * 8 }
    /// The largest address of the family.
    public var maxAddress: UInt128 { self == .ipv4 ? UInt128(UInt32.max) : UInt128.max }
    /// The TS Type that carries this family.
    public var tsType: UInt8 { self == .ipv4 ? TSType.ipv4AddressRange : TSType.ipv6AddressRange }
    /// Selector Length of an address-range selector of this family (8 + 2 addresses).
    public var selectorLength: Int { 8 + 2 * addressBytes }

    public static func < (lhs: IPFamily, rhs: IPFamily) -> Bool { lhs == .ipv4 && rhs == .ipv6 }
}

/// TS Type values (IANA "IKEv2 Traffic Selector Types").
public enum TSType {
    public static let ipv4AddressRange: UInt8 = 7
    public static let ipv6AddressRange: UInt8 = 8
    /// RFC 4595 (Fibre Channel): not decoded here, skipped as unknown.
    public static let fibreChannel: UInt8 = 9
    /// RFC 9478; the layout used here is reconstructed from implementations.
    public static let securityLabel: UInt8 = 10
}
