/// Which PF_KEY the bytes are: the numbering above RFC 2367's range and the layouts that
/// differ between systems. A strict codec needs it because numbers collide: extension 24
/// is X_SEC_CTX on Linux and X_NAT_T_OAR on KAME (each system's pfkeyv2.h).
///
/// - `rfc2367`: message types 1-12 and extensions 1-16 only, on this host's sockaddr
///   layout (RFC 2367 2.3.3: "The sockaddr structure SHOULD conform to the sockaddr
///   structure of the system implementing PF_KEY"); the KAME/Linux extensions are unknown.
/// - `linux`: `/usr/include/linux/pfkeyv2.h`: messages to 24, extensions to 26, sockaddr
///   with a 16-bit family and no sa_len, AF_INET6 = 10, 16-byte ipsecrequest (32-bit reqid).
/// - `kame`: KAME/FreeBSD: sockaddr with sa_len, AF_INET6 = 28, 8-byte ipsecrequest
///   (16-bit reqid), extensions 23-26 are X_NAT_T_OAI/OAR/FRAG/X_SA_REPLAY.
///
/// Host byte order (`hostByteOrder`) is explicit: little-endian for every dialect here,
/// because the kernels we compare with run on x86_64.
public struct Dialect: Sendable, Hashable, CustomStringConvertible {
    public enum Name: String, Sendable, CaseIterable, Hashable { case rfc2367, linux, kame }

    public enum SockaddrLayout: Sendable, Hashable {
        /// `uint16_t sa_family` at byte 0 (Linux).
        case familyOnly
        /// `uint8_t sa_len` at byte 0, `uint8_t sa_family` at byte 1 (BSD).
        case lengthAndFamily
    }

    public let name: Name
    /// The order of every field that is not an SPI or a port.
    /// A constant rather than a stored field, so the optimizer folds every byte-order test
    /// of the decoder away (the kernels we compare with run on x86_64).
    public var hostByteOrder: Endianness { .little }
    public let sockaddrLayout: SockaddrLayout
    /// The value of AF_INET6 in this system's sockaddrs (AF_INET is 2 everywhere).
    public let inet6Family: UInt16
    /// Width of `sadb_x_ipsecrequest_reqid`: 32 bits (16-byte struct) or 16 (8-byte struct).
    public let ipsecRequestReqIDIs32Bit: Bool

    init(name: Name, sockaddrLayout: SockaddrLayout, inet6Family: UInt16, ipsecRequestReqIDIs32Bit: Bool) {
        self.name = name
        self.sockaddrLayout = sockaddrLayout
        self.inet6Family = inet6Family
        self.ipsecRequestReqIDIs32Bit = ipsecRequestReqIDIs32Bit
    }

    public static func == (lhs: Dialect, rhs: Dialect) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name.rawValue }

    // Numbering (pfkeyv2.h of Linux and KAME): extensions 1-16 are RFC 2367's in every
    // dialect and 17-23 the shared KAME/Linux ones, both `ExtensionType.rawValue + 1`;
    // 24-26 are X_SEC_CTX, X_KMADDRESS, X_FILTER on Linux (rawValue 23-25) and X_NAT_T_OAR,
    // X_NAT_T_FRAG, X_SA_REPLAY on KAME (rawValue 26-28). Messages 1-12 are RFC 2367's and
    // 13-24 the KAME/Linux ones, both the `MessageType` case's position + 1. Arithmetic,
    // not tables: the decoder looks a number up for every extension.

    /// The extension type with wire number `number`, or nil when this dialect has none.
    @inline(__always)
    public func extensionType(number: UInt16) -> ExtensionType? {
        let n = Int(number)
        if n >= 1 && n <= 16 { return ExtensionType(index: n &- 1) }
        switch name {
        case .rfc2367: return nil
        case .linux: return n <= 26 ? ExtensionType(index: n &- 1) : nil
        case .kame: return n <= 23 ? ExtensionType(index: n &- 1) : n <= 26 ? ExtensionType(index: n &+ 2) : nil
        }
    }

    /// The wire number of `type`, or nil when this dialect does not have it.
    public func number(of type: ExtensionType) -> UInt16? {
        let r = type.rawValue
        switch (name, r) {
        case (_, 0...15), (.linux, 16...25), (.kame, 16...22): return UInt16(r + 1)
        case (.kame, 26...28): return UInt16(r - 2)
        default: return nil
        }
    }

    /// The highest message number of this dialect.
    var lastMessageNumber: UInt8 { name == .rfc2367 ? 12 : 24 }

    @inline(__always)
    public func messageType(number: UInt8) -> MessageType? {
        guard number >= 1, number <= lastMessageNumber else { return nil }
        return MessageType(index: Int(number) - 1)
    }

    public func number(of type: MessageType) -> UInt8? {
        let n = type.index + 1
        return n <= Int(lastMessageNumber) ? UInt8(n) : nil
    }

    /// The sockaddr family number of `family` in this dialect.
    public func familyNumber(_ family: AddressFamily) -> UInt16 {
        family == .inet ? 2 : inet6Family
    }

    public static func named(_ name: Name) -> Dialect {
        switch name {
        case .rfc2367: rfc2367
        case .linux: linux
        case .kame: kame
        }
    }

    public static let rfc2367 = Dialect(name: .rfc2367, sockaddrLayout: .familyOnly, inet6Family: 10, ipsecRequestReqIDIs32Bit: true)
    public static let linux = Dialect(name: .linux, sockaddrLayout: .familyOnly, inet6Family: 10, ipsecRequestReqIDIs32Bit: true)
    public static let kame = Dialect(name: .kame, sockaddrLayout: .lengthAndFamily, inet6Family: 28, ipsecRequestReqIDIs32Bit: false)
}

/// Which way a message goes; the presence rules of RFC 2367 3.1 differ.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// From a key-management application to the kernel.
    case request
    /// From the kernel (a reply, or a message it originates such as ACQUIRE or EXPIRE).
    case kernel
}

/// How strict decoding is. Strict is the default; each leniency is named.
public struct DecodingOptions: Sendable, Hashable {
    public enum UnknownExtensions: String, Sendable, Hashable {
        /// RFC 2367 2.3: "If an unknown extension type is encountered, it MUST be ignored."
        /// The extension is kept as `.unknown` so encoding gives the same bytes back.
        case ignore
        /// strongSwan's choice: an unknown extension is an error.
        case reject
    }

    public var dialect: Dialect
    /// The presence rules to apply; nil accepts a message valid in either direction.
    public var direction: Direction?
    public var unknownExtensions: UnknownExtensions

    public init(dialect: Dialect = .linux, direction: Direction? = nil, unknownExtensions: UnknownExtensions = .ignore) {
        self.dialect = dialect
        self.direction = direction
        self.unknownExtensions = unknownExtensions
    }
}
