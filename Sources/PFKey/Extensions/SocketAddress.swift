import WireCore

/// An address family PF_KEY messages carry (RFC 2367 2.3.3; Linux `verify_address_len`).
public enum AddressFamily: String, Sendable, Hashable, CaseIterable {
    case inet, inet6

    /// The largest prefix length (32 or 128).
    public var bitCount: Int { self == .inet ? 32 : 128 }
    /// sizeof(struct sockaddr_in) or sizeof(struct sockaddr_in6), the same on Linux and BSD.
    public var sockaddrSize: Int { self == .inet ? 16 : 28 }
}

/// An IPv4 or IPv6 address as a number (10.0.0.1 is 0x0A000001).
public enum IPAddress: Sendable, Hashable, CustomStringConvertible, Comparable {
    case v4(UInt32)
    /// The high and low 64 bits (UInt128 is avoided: Swift 6.3's debug code generation
    /// misaligns 16-byte-aligned values on the stack and crashes).
    case v6(UInt64, UInt64)

    public var family: AddressFamily {
        if case .v4 = self { return .inet }
        return .inet6
    }

    /// The unspecified address of `family` (0.0.0.0 or ::).
    public static func any(_ family: AddressFamily) -> IPAddress { family == .inet ? .v4(0) : .v6(0, 0) }

    /// Dotted quad or RFC 5952 text.
    public var description: String {
        switch self {
        case .v4(let a): IPAddressText.formatIPv4(a)
        case .v6(let hi, let lo): IPAddressText.formatIPv6(high: hi, low: lo)
        }
    }

    /// Parses dotted-quad IPv4 or IPv6 text (RFC 4291 2.2: with "::", and a trailing dotted quad).
    public init?(_ text: some StringProtocol) {
        let t = Substring(text)
        if !t.contains(":") {
            guard let v = try? IPAddressText.parseIPv4(t) else { return nil }
            self = .v4(v)
        } else {
            guard let (hi, lo) = try? IPAddressText.parseIPv6(t) else { return nil }
            self = .v6(hi, lo)
        }
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case (.v4(let a), .v4(let b)): a < b
        case (.v6(let a, let b), .v6(let c, let d)): (a, b) < (c, d)
        case (.v4, .v6): true
        case (.v6, .v4): false
        }
    }
}

/// A `struct sockaddr_in` or `sockaddr_in6` in the dialect's layout. Non-address fields
/// (sin_zero, sin6_flowinfo) are zero (RFC 2367 2.3.3) and not kept.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    /// Host order here; network order on the wire.
    public var port: UInt16
    /// `sin6_scope_id` (IPv6 only).
    public var scopeID: UInt32

    public init(_ address: IPAddress, port: UInt16 = 0, scopeID: UInt32 = 0) {
        self.address = address
        self.port = port
        self.scopeID = scopeID
    }

    public var family: AddressFamily { address.family }
    public var description: String { port == 0 ? "\(address)" : "\(address)[\(port)]" }

    /// The family at the reader's position (without moving), per the dialect's layout.
    @inline(__always)
    static func peekFamily(_ reader: ByteReader, dialect: Dialect) throws(PFKeyError) -> AddressFamily {
        let raw: UInt16
        switch dialect.sockaddrLayout {
        case .familyOnly: raw = try reader.peekInteger(at: 0, endianness: dialect.hostByteOrder, as: UInt16.self)
        case .lengthAndFamily: raw = UInt16(try reader.peekInteger(at: 1, endianness: .big, as: UInt8.self))
        }
        if raw == 2 { return .inet }
        if raw == dialect.inet6Family { return .inet6 }
        throw unsupportedFamily(raw, reader, dialect: dialect)
    }

    @inline(never)
    static func unsupportedFamily(_ raw: UInt16, _ reader: ByteReader, dialect: Dialect) -> PFKeyError {
        let at = reader.offset + (dialect.sockaddrLayout == .lengthAndFamily ? 1 : 0)
        return PFKeyError(.unsupportedAddressFamily, at: at, source: "Linux af_key.c pfkey_sockaddr_len",
                          "address family \(raw) is neither AF_INET (2) nor AF_INET6 (\(dialect.inet6Family))")
    }

    /// Checks one sockaddr: a known family, all of it present, BSD `sa_len` matching, and
    /// (when `checksReserved`) sin_zero / sin6_flowinfo zero.
    static func validate(_ reader: inout ByteReader, dialect: Dialect, checksReserved: Bool) throws(PFKeyError) {
        try validate(&reader, family: try SocketAddress.peekFamily(reader, dialect: dialect), dialect: dialect, checksReserved: checksReserved)
    }

    /// `validate` once the caller has peeked the family: one bound check for the whole
    /// sockaddr, then only the fields a rule is about.
    @inline(__always)
    static func validate(_ reader: inout ByteReader, family: AddressFamily, dialect: Dialect, checksReserved: Bool) throws(PFKeyError) {
        let start = reader.offset
        try reader.check(family.sockaddrSize)
        if dialect.sockaddrLayout == .lengthAndFamily {
            let saLen: UInt8 = reader.loadChecked(0, endianness: .big)
            guard Int(saLen) == family.sockaddrSize else {
                throw PFKeyError(.addressLengthMismatch, at: start, source: "RFC 2367 2.3.3",
                                 "sa_len \(saLen) is not sizeof(sockaddr_\(family == .inet ? "in" : "in6")) \(family.sockaddrSize)")
            }
        }
        if checksReserved {
            // sin_zero (8 bytes at 8) or sin6_flowinfo (4 bytes at 4).
            let (at, count) = family == .inet ? (8, 8) : (4, 4)
            if !reader.bytesAreZero(at: at, count: count) {
                throw PFKeyError(.extensionReservedNotZero, at: start + at, source: "RFC 2367 2.3.3",
                                 family == .inet ? "sin_zero is not zero" : "sin6_flowinfo is not zero")
            }
        }
        try reader.skip(family.sockaddrSize)
    }

    /// Reads one sockaddr `validate` accepted.
    @inline(__always)
    init(validated reader: inout ByteReader, dialect: Dialect) throws(PFKeyError) {
        let family = try SocketAddress.peekFamily(reader, dialect: dialect)
        try reader.check(family.sockaddrSize)
        port = reader.loadChecked(2, endianness: .network)
        switch family {
        case .inet:
            address = .v4(reader.loadChecked(4, endianness: .network))
            scopeID = 0
        case .inet6:
            address = .v6(reader.loadChecked(8, endianness: .big), reader.loadChecked(16, endianness: .big))
            scopeID = reader.loadChecked(24, endianness: dialect.hostByteOrder)
        }
        try reader.skip(family.sockaddrSize)
    }

    func encode(into writer: inout ByteWriter, dialect: Dialect) {
        switch dialect.sockaddrLayout {
        case .familyOnly:
            writer.writeInteger(dialect.familyNumber(family), endianness: dialect.hostByteOrder)
        case .lengthAndFamily:
            writer.writeByte(UInt8(family.sockaddrSize))
            writer.writeByte(UInt8(truncatingIfNeeded: dialect.familyNumber(family)))
        }
        writer.writeInteger(port, endianness: .network)
        switch address {
        case .v4(let a):
            writer.writeInteger(a, endianness: .network)
            writer.writeZeros(8)
        case .v6(let hi, let lo):
            writer.writeZeros(4)
            writer.writeInteger(hi, endianness: .big)
            writer.writeInteger(lo, endianness: .big)
            writer.writeInteger(scopeID, endianness: dialect.hostByteOrder)
        }
    }
}

extension SocketAddress {
    /// Checks two sockaddrs of one family back to back (X_KMADDRESS, a tunnel-mode ipsecrequest).
    static func validatePair(_ reader: inout ByteReader, context: ExtensionContext, source: String,
                             code: PFKeyError.Code = .tunnelAddressesInvalid) throws(PFKeyError) {
        let start = reader.offset
        let family = try SocketAddress.peekFamily(reader, dialect: context.dialect)
        guard reader.remaining >= 2 * family.sockaddrSize else {
            throw PFKeyError(code, at: start, source: source,
                             "\(reader.remaining) bytes cannot hold two sockaddrs of \(family.sockaddrSize) bytes")
        }
        try SocketAddress.validate(&reader, dialect: context.dialect, checksReserved: context.checksReserved)
        let secondFamily = try SocketAddress.peekFamily(reader, dialect: context.dialect)
        guard secondFamily == family else {
            throw PFKeyError(code, at: reader.offset, source: source, "the two sockaddrs have different families")
        }
        try SocketAddress.validate(&reader, dialect: context.dialect, checksReserved: context.checksReserved)
    }
}
