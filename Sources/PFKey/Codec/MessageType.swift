/// The kind of a PF_KEY message (`sadb_msg_type`). The number on the wire depends on the
/// dialect above the RFC's range: `Dialect.number(of:)` and `Dialect.messageType(number:)`.
public enum MessageType: Sendable, Hashable, CaseIterable {
    // RFC 2367 3.1
    case getSPI, update, add, delete, get, acquire, register, expire, flush, dump
    // RFC 2367 appendix (SADB_X_PROMISC 11, SADB_X_PCHANGE 12)
    case promisc, pchange
    // KAME and Linux SPD messages
    case spdUpdate, spdAdd, spdDelete, spdGet, spdAcquire, spdDump, spdFlush, spdSetIndex, spdExpire, spdDelete2
    // KAME and Linux NAT-T and MIGRATE
    case natTNewMapping, migrate

    /// The name without the `SADB_` prefix, as setkey and the JSON output spell it.
    public var name: String {
        switch self {
        case .getSPI: "GETSPI"
        case .update: "UPDATE"
        case .add: "ADD"
        case .delete: "DELETE"
        case .get: "GET"
        case .acquire: "ACQUIRE"
        case .register: "REGISTER"
        case .expire: "EXPIRE"
        case .flush: "FLUSH"
        case .dump: "DUMP"
        case .promisc: "X_PROMISC"
        case .pchange: "X_PCHANGE"
        case .spdUpdate: "X_SPDUPDATE"
        case .spdAdd: "X_SPDADD"
        case .spdDelete: "X_SPDDELETE"
        case .spdGet: "X_SPDGET"
        case .spdAcquire: "X_SPDACQUIRE"
        case .spdDump: "X_SPDDUMP"
        case .spdFlush: "X_SPDFLUSH"
        case .spdSetIndex: "X_SPDSETIDX"
        case .spdExpire: "X_SPDEXPIRE"
        case .spdDelete2: "X_SPDDELETE2"
        case .natTNewMapping: "X_NAT_T_NEW_MAPPING"
        case .migrate: "X_MIGRATE"
        }
    }

    /// The type named `name` ("ACQUIRE", "SADB_ACQUIRE" or "X_SPDADD").
    public init?(name: String) {
        let bare = name.hasPrefix("SADB_") ? String(name.dropFirst(5)) : name
        guard let found = MessageType.allCases.first(where: { $0.name == bare }) else { return nil }
        self = found
    }

    /// The position in `allCases`.
    var index: Int {
        switch self {
        case .getSPI: 0
        case .update: 1
        case .add: 2
        case .delete: 3
        case .get: 4
        case .acquire: 5
        case .register: 6
        case .expire: 7
        case .flush: 8
        case .dump: 9
        case .promisc: 10
        case .pchange: 11
        case .spdUpdate: 12
        case .spdAdd: 13
        case .spdDelete: 14
        case .spdGet: 15
        case .spdAcquire: 16
        case .spdDump: 17
        case .spdFlush: 18
        case .spdSetIndex: 19
        case .spdExpire: 20
        case .spdDelete2: 21
        case .natTNewMapping: 22
        case .migrate: 23
        }
    }

    /// The case at `index` in `allCases` (a switch: `allCases` is a lazily made global).
    @inline(__always)
    init?(index: Int) {
        switch index {
        case 0: self = .getSPI
        case 1: self = .update
        case 2: self = .add
        case 3: self = .delete
        case 4: self = .get
        case 5: self = .acquire
        case 6: self = .register
        case 7: self = .expire
        case 8: self = .flush
        case 9: self = .dump
        case 10: self = .promisc
        case 11: self = .pchange
        case 12: self = .spdUpdate
        case 13: self = .spdAdd
        case 14: self = .spdDelete
        case 15: self = .spdGet
        case 16: self = .spdAcquire
        case 17: self = .spdDump
        case 18: self = .spdFlush
        case 19: self = .spdSetIndex
        case 20: self = .spdExpire
        case 21: self = .spdDelete2
        case 22: self = .natTNewMapping
        case 23: self = .migrate
        default: return nil
        }
    }

    /// Messages about the SPD (security policy), which RFC 2367 leaves out.
    public var isPolicyMessage: Bool {
        switch self {
        case .spdUpdate, .spdAdd, .spdDelete, .spdGet, .spdAcquire, .spdDump, .spdFlush, .spdSetIndex, .spdExpire, .spdDelete2, .migrate: true
        default: false
        }
    }

    /// Messages only a kernel sends (RFC 2367 3.1.8; KAME/Linux SPDEXPIRE, NEW_MAPPING).
    public var isKernelOnly: Bool {
        switch self {
        case .expire, .spdExpire, .natTNewMapping: true
        default: false
        }
    }
}

/// The kind of an extension (`sadb_ext_type`); numbers above 16 depend on the dialect.
public enum ExtensionType: Int, Sendable, Hashable, CaseIterable {
    case sa, lifetimeCurrent, lifetimeHard, lifetimeSoft, addressSource, addressDestination, addressProxy
    case keyAuth, keyEncrypt, identitySource, identityDestination, sensitivity, proposal
    case supportedAuth, supportedEncrypt, spiRange
    case kmPrivate, policy, sa2, natTType, natTSourcePort, natTDestinationPort, natTOriginalAddress
    // Linux only
    case securityContext, kmAddress, filter
    // KAME (FreeBSD) only
    case natTOriginalAddressResponder, natTFragment, saReplay

    /// The name without the `SADB_EXT_` / `SADB_` prefix, as the JSON output spells it.
    public var name: String {
        switch self {
        case .sa: "SA"
        case .lifetimeCurrent: "LIFETIME_CURRENT"
        case .lifetimeHard: "LIFETIME_HARD"
        case .lifetimeSoft: "LIFETIME_SOFT"
        case .addressSource: "ADDRESS_SRC"
        case .addressDestination: "ADDRESS_DST"
        case .addressProxy: "ADDRESS_PROXY"
        case .keyAuth: "KEY_AUTH"
        case .keyEncrypt: "KEY_ENCRYPT"
        case .identitySource: "IDENTITY_SRC"
        case .identityDestination: "IDENTITY_DST"
        case .sensitivity: "SENSITIVITY"
        case .proposal: "PROPOSAL"
        case .supportedAuth: "SUPPORTED_AUTH"
        case .supportedEncrypt: "SUPPORTED_ENCRYPT"
        case .spiRange: "SPIRANGE"
        case .kmPrivate: "X_KMPRIVATE"
        case .policy: "X_POLICY"
        case .sa2: "X_SA2"
        case .natTType: "X_NAT_T_TYPE"
        case .natTSourcePort: "X_NAT_T_SPORT"
        case .natTDestinationPort: "X_NAT_T_DPORT"
        case .natTOriginalAddress: "X_NAT_T_OA"
        case .securityContext: "X_SEC_CTX"
        case .kmAddress: "X_KMADDRESS"
        case .filter: "X_FILTER"
        case .natTOriginalAddressResponder: "X_NAT_T_OAR"
        case .natTFragment: "X_NAT_T_FRAG"
        case .saReplay: "X_SA_REPLAY"
        }
    }

    public init?(name: String) {
        var bare = name
        for prefix in ["SADB_EXT_", "SADB_"] where bare.hasPrefix(prefix) { bare = String(bare.dropFirst(prefix.count)) }
        if bare == "X_NAT_T_OAI" { self = .natTOriginalAddress; return }
        guard let found = ExtensionType.allCases.first(where: { $0.name == bare }) else { return nil }
        self = found
    }

    /// The smallest `sadb_ext_len` in bytes (Linux `sadb_ext_min_len`); for fixed-size
    /// structures also the only length (RFC 2367 2.2: "The size of these structures ...
    /// MUST match the size listed").
    public var minimumLength: Int {
        switch self {
        case .sa, .spiRange, .sa2, .identitySource, .identityDestination, .sensitivity, .policy: 16
        case .lifetimeCurrent, .lifetimeHard, .lifetimeSoft: 32
        case .filter: 40
        default: 8
        }
    }

    /// True for structures with no variable part (their length is exactly `minimumLength`).
    public var isFixedSize: Bool {
        switch self {
        case .sa, .lifetimeCurrent, .lifetimeHard, .lifetimeSoft, .spiRange, .sa2, .natTType,
             .natTSourcePort, .natTDestinationPort, .filter, .natTFragment, .saReplay: true
        default: false
        }
    }

    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// `init(rawValue:)` small enough to inline into the decoder's loop (the synthesized one
    /// is a call): a payload-free enum is stored as its case's position, which is `rawValue`
    /// here (0, 1, 2, ... in declaration order; `MessageViewTests` checks every case).
    @inline(__always)
    init?(index: Int) {
        guard index >= 0, index < ExtensionType.count else { return nil }
        self = unsafeBitCast(UInt8(truncatingIfNeeded: index), to: ExtensionType.self)
    }

    /// The number of cases.
    static let count = 29
}

/// `sadb_msg_satype` values (RFC 2367 3.4, Linux `SADB_X_SATYPE_IPCOMP`).
public struct SAType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unspecified = SAType(rawValue: 0)
    public static let ah = SAType(rawValue: 2)
    public static let esp = SAType(rawValue: 3)
    public static let rsvp = SAType(rawValue: 5)
    public static let ospfv2 = SAType(rawValue: 6)
    public static let ripv2 = SAType(rawValue: 7)
    public static let mip = SAType(rawValue: 8)
    public static let ipcomp = SAType(rawValue: 9)

    /// setkey's protocol name ("esp", "ah", "ipcomp") or the number.
    public var name: String {
        switch rawValue {
        case 0: "unspec"
        case 2: "ah"
        case 3: "esp"
        case 5: "rsvp"
        case 6: "ospfv2"
        case 7: "ripv2"
        case 8: "mip"
        case 9: "ipcomp"
        default: String(rawValue)
        }
    }

    /// The IP protocol number of the SA type (AH 51, ESP 50, IPCOMP 108), or nil.
    public var ipProtocol: UInt16? {
        switch rawValue {
        case 2: 51
        case 3: 50
        case 9: 108
        default: nil
        }
    }
}
