/// What an SPD entry does with matching traffic (RFC 4301 4.4.1).
public enum SPDAction: String, Sendable, Hashable, CaseIterable, Codable {
    case protect = "PROTECT"
    case bypass = "BYPASS"
    case discard = "DISCARD"
}
