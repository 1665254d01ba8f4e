/// The numbers a system gives the SA types (`sadb_msg_satype`). RFC 2367 3.4: "The symbolic
/// names are always the same, even on different implementations"; the numbers are each
/// system's own. `SAType.rawValue` is RFC 2367's number, which Linux and KAME (FreeBSD,
/// NetBSD) use too, so the codec's dialects carry no table. OpenBSD's `sys/net/pfkeyv2.h`
/// numbers the same names from 1: AH 1, ESP 2, RSVP 3, OSPFV2 4, RIPV2 5, MIP 6, then
/// X_SATYPE_IPIP 7, X_SATYPE_TCPSIGNATURE 8 (no `SAType` here) and X_SATYPE_IPCOMP 9 (as
/// Linux's).
///
/// A table beside the dialects rather than a dialect: the messages and extensions of RFC
/// 2367 and an AF_INET sockaddr are laid out on OpenBSD as on KAME (BSD `sa_len`); only its
/// numbering above RFC 2367's range (message 11 on, extension 17 on) differs, and the codec
/// does not model that.
public enum SATypeNumbering: String, Sendable, Hashable, CaseIterable {
    /// RFC 2367 3.4's numbers: the rfc2367, linux and kame dialects.
    case rfc2367
    /// OpenBSD `sys/net/pfkeyv2.h`.
    case openbsd

    /// The SA types with a symbolic name in the codec, in RFC 2367 3.4's order.
    public static let named: [SAType] = [.unspecified, .ah, .esp, .rsvp, .ospfv2, .ripv2, .mip, .ipcomp]

    /// The `sadb_msg_satype` number of `type` on this system, or nil when it has none.
    public func number(of type: SAType) -> UInt8? {
        switch self {
        case .rfc2367: return type.rawValue
        case .openbsd:
            switch type {
            case .unspecified: return 0
            case .ah: return 1
            case .esp: return 2
            case .rsvp: return 3
            case .ospfv2: return 4
            case .ripv2: return 5
            case .mip: return 6
            case .ipcomp: return 9
            default: return nil
            }
        }
    }

    /// The SA type this system's `number` stands for, or nil when it names none the codec knows.
    public func saType(number: UInt8) -> SAType? {
        Self.named.first { self.number(of: $0) == number }
    }

    /// The SA type with symbolic name `name` ("esp", "ospfv2"; as `SAType.name`), any case.
    public static func saType(named name: String) -> SAType? {
        let lower = name.lowercased()
        return named.first { $0.name == lower }
    }
}
