/// The responder's answer: the narrowed TSi and TSr (empty when refused), the Notify it
/// would send, the rule that was used and the RFC 7296 2.9 rules that decided.
public struct NarrowingResult: Sendable, Hashable {
    public var profile: NarrowingProfile
    public var tsi: [TrafficSelector]
    public var tsr: [TrafficSelector]
    public var notify: TSNotify?
    /// Name of the policy rule the answer comes from.
    public var rule: String?
    /// Which rules decided, e.g. ["R2", "R6", "R8"], and why, in order.
    public var reasons: [String]

    public init(profile: NarrowingProfile, tsi: [TrafficSelector], tsr: [TrafficSelector], notify: TSNotify?, rule: String?, reasons: [String]) {
        self.profile = profile
        self.tsi = tsi
        self.tsr = tsr
        self.notify = notify
        self.rule = rule
        self.reasons = reasons
    }

    /// A Child SA would be created (no error notify).
    public var isAccepted: Bool { !(notify?.isError ?? false) }

    static func refused(_ profile: NarrowingProfile, _ notify: TSNotify, _ reasons: [String]) -> NarrowingResult {
        NarrowingResult(profile: profile, tsi: [], tsr: [], notify: notify, rule: nil, reasons: reasons)
    }
}
