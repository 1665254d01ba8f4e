/// Which PF_KEY the bytes are: the numbering above RFC 2367's range and the layouts that
/// differ between systems. A strict codec needs it because numbers collide: extension 24
/// is X_SEC_CTX on Linux and X_NAT_T_OAR on KAME (notes/pfkey.md).
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
    public let hostByteOrder: Endianness
    public let sockaddrLayout: SockaddrLayout
    /// The value of AF_INET6 in this system's sockaddrs (AF_INET is 2 everywhere).
    public let inet6Family: UInt16
    /// Width of `sadb_x_ipsecrequest_reqid`: 32 bits (16-byte struct) or 16 (8-byte struct).
    public let ipsecRequestReqIDIs32Bit: Bool

    init(name: Name, sockaddrLayout: SockaddrLayout, inet6Family: UInt16, ipsecRequestReqIDIs32Bit: Bool) {
        self.name = name
        self.hostByteOrder = .little
        self.sockaddrLayout = sockaddrLayout
        self.inet6Family = inet6Family
        self.ipsecRequestReqIDIs32Bit = ipsecRequestReqIDIs32Bit
    }

    /// The numbering tables, kept outside the value so a Dialect is a plain value (copying
    /// it costs no reference counting in the decoder's hot path).
    struct Tables {
        let extensionByNumber: [ExtensionType?]
        let numberByExtension: [UInt16]
        let messageByNumber: [MessageType?]
        let numberByMessage: [UInt8]

        init(extensions: [UInt16: ExtensionType], messages: [UInt8: MessageType]) {
            var byNumber = [ExtensionType?](repeating: nil, count: 32)
            var numbers = [UInt16](repeating: 0, count: ExtensionType.allCases.count)
            for (n, t) in extensions { byNumber[Int(n)] = t; numbers[t.rawValue] = n }
            extensionByNumber = byNumber
            numberByExtension = numbers
            var msgs = [MessageType?](repeating: nil, count: 256)
            var msgNumbers = [UInt8](repeating: 0, count: MessageType.allCases.count)
            for (n, t) in messages {
                msgs[Int(n)] = t
                msgNumbers[MessageType.allCases.firstIndex(of: t)!] = n
            }
            messageByNumber = msgs
            numberByMessage = msgNumbers
        }
    }

    static let rfc2367Tables = Tables(extensions: rfcExtensions, messages: rfcMessages)
    static let linuxTables = Tables(extensions: xExtensions.merging([24: .securityContext, 25: .kmAddress, 26: .filter]) { a, _ in a },
                                    messages: xMessages)
    static let kameTables = Tables(extensions: xExtensions.merging([24: .natTOriginalAddressResponder, 25: .natTFragment, 26: .saReplay]) { a, _ in a },
                                   messages: xMessages)

    @inline(__always)
    var tables: Tables {
        switch name {
        case .rfc2367: Dialect.rfc2367Tables
        case .linux: Dialect.linuxTables
        case .kame: Dialect.kameTables
        }
    }

    public static func == (lhs: Dialect, rhs: Dialect) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name.rawValue }

    /// The extension type with wire number `number`, or nil when this dialect has none.
    public func extensionType(number: UInt16) -> ExtensionType? {
        number < 32 ? tables.extensionByNumber[Int(number)] : nil
    }

    /// The wire number of `type`, or nil when this dialect does not have it.
    public func number(of type: ExtensionType) -> UInt16? {
        let n = tables.numberByExtension[type.rawValue]
        return n == 0 ? nil : n
    }

    public func messageType(number: UInt8) -> MessageType? { tables.messageByNumber[Int(number)] }

    public func number(of type: MessageType) -> UInt8? {
        let n = tables.numberByMessage[type.index]
        return n == 0 ? nil : n
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

    private static let rfcExtensions: [UInt16: ExtensionType] = [
        1: .sa, 2: .lifetimeCurrent, 3: .lifetimeHard, 4: .lifetimeSoft, 5: .addressSource,
        6: .addressDestination, 7: .addressProxy, 8: .keyAuth, 9: .keyEncrypt, 10: .identitySource,
        11: .identityDestination, 12: .sensitivity, 13: .proposal, 14: .supportedAuth,
        15: .supportedEncrypt, 16: .spiRange,
    ]
    private static let rfcMessages: [UInt8: MessageType] = [
        1: .getSPI, 2: .update, 3: .add, 4: .delete, 5: .get, 6: .acquire, 7: .register,
        8: .expire, 9: .flush, 10: .dump, 11: .promisc, 12: .pchange,
    ]
    private static let xMessages: [UInt8: MessageType] = rfcMessages.merging([
        13: .spdUpdate, 14: .spdAdd, 15: .spdDelete, 16: .spdGet, 17: .spdAcquire, 18: .spdDump,
        19: .spdFlush, 20: .spdSetIndex, 21: .spdExpire, 22: .spdDelete2, 23: .natTNewMapping, 24: .migrate,
    ]) { a, _ in a }
    private static let xExtensions: [UInt16: ExtensionType] = rfcExtensions.merging([
        17: .kmPrivate, 18: .policy, 19: .sa2, 20: .natTType, 21: .natTSourcePort,
        22: .natTDestinationPort, 23: .natTOriginalAddress,
    ]) { a, _ in a }

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
