/// The policy file of `draftcheck ts narrow`:
/// `{"rules": [{"name", "remote": [selector...], "local": [selector...], "singlePair": bool}]}`.
public struct PolicyRecord: Codable, Hashable, Sendable {
    public struct Rule: Codable, Hashable, Sendable {
        public var name: String
        public var remote: [SelectorRecord]
        public var local: [SelectorRecord]
        public var singlePair: Bool?
    }

    public var rules: [Rule]

    public func policy() throws -> NarrowingPolicy {
        NarrowingPolicy(rules: try rules.map { r in
            NarrowingRule(name: r.name, remote: try r.remote.map { try $0.trafficSelector() },
                          local: try r.local.map { try $0.trafficSelector() }, requiresSinglePair: r.singlePair ?? false)
        })
    }
}

/// A narrowing result as JSON.
public struct NarrowingResultRecord: Codable, Hashable, Sendable {
    public struct Notify: Codable, Hashable, Sendable {
        public var type: UInt16
        public var name: String
    }

    public var profile: String
    public var accepted: Bool
    public var rule: String?
    public var notify: Notify?
    public var tsi: [SelectorRecord]
    public var tsr: [SelectorRecord]
    public var reasons: [String]

    public init(_ r: NarrowingResult) throws {
        profile = r.profile.rawValue
        accepted = r.isAccepted
        rule = r.rule
        notify = r.notify.map { Notify(type: $0.rawValue, name: $0.name) }
        tsi = try r.tsi.map { try SelectorRecord($0) }
        tsr = try r.tsr.map { try SelectorRecord($0) }
        reasons = r.reasons
    }

    enum CodingKeys: String, CodingKey { case profile, accepted, rule, notify, tsi, tsr, reasons }

    /// `rule` and `notify` are always written, as null when absent.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(profile, forKey: .profile)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(rule, forKey: .rule)
        try c.encode(notify, forKey: .notify)
        try c.encode(tsi, forKey: .tsi)
        try c.encode(tsr, forKey: .tsr)
        try c.encode(reasons, forKey: .reasons)
    }
}
