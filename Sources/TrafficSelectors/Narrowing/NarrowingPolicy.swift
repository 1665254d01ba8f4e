/// What a responder accepts, as an ordered list of rules (configured Child SAs, or the
/// PROTECT entries of its SPD). A rule accepts traffic whose initiator side falls in
/// `remote` (narrowing TSi) and whose responder side falls in `local` (narrowing TSr).
public struct NarrowingPolicy: Sendable, Hashable {
    public var rules: [NarrowingRule]

    public init(rules: [NarrowingRule]) { self.rules = rules }
}

public struct NarrowingRule: Sendable, Hashable {
    public var name: String
    /// Accepted traffic at the initiator's end (compared with TSi).
    public var remote: [TrafficSelector]
    /// Accepted traffic at the responder's end (compared with TSr).
    public var local: [TrafficSelector]
    /// The rule wants one Child SA per address pair (RFC 7296 2.9, SINGLE_PAIR_REQUIRED).
    public var requiresSinglePair: Bool

    public init(name: String, remote: [TrafficSelector], local: [TrafficSelector], requiresSinglePair: Bool = false) {
        self.name = name
        self.remote = remote
        self.local = local
        self.requiresSinglePair = requiresSinglePair
    }
}

/// How the responder narrows.
public enum NarrowingProfile: String, Sendable, Hashable, CaseIterable, Codable {
    /// RFC 7296 2.9 rules R1-R9 exactly.
    case rfc7296
    /// strongSwan's way: pick a configuration by score, then the union of pairwise
    /// intersections in configuration order, selectors contained in another removed.
    case strongswan
    /// libreswan 4.10 as it ships (narrowing=no): only a TSi/TSr pair equal to one of its
    /// connections is accepted, and nothing is narrowed.
    case libreswan
    /// libreswan 4.10 with narrowing=yes: CIDR blocks only, one port or any, the
    /// best-scoring single pair, TSi and TSr fitted the same way.
    case libreswanNarrowing = "libreswan-narrowing"
}

/// The Notify messages narrowing can end in (IANA "IKEv2 Notify Message Types").
public enum TSNotify: UInt16, Sendable, Hashable, CaseIterable, Codable {
    case singlePairRequired = 34
    case tsUnacceptable = 38
    case additionalTSPossible = 16386

    public var name: String {
        switch self {
        case .singlePairRequired: "SINGLE_PAIR_REQUIRED"
        case .tsUnacceptable: "TS_UNACCEPTABLE"
        case .additionalTSPossible: "ADDITIONAL_TS_POSSIBLE"
        }
    }

    /// Error notifies refuse the Child SA; ADDITIONAL_TS_POSSIBLE is a status beside one.
    public var isError: Bool { rawValue < 16384 }
}
