/// A decoded payload as JSON: `{"kind": "TSi"|"TSr"|null, "selectors": [...], "ignored": [...]}`.
/// As an input file it may instead carry `"hex"`: the payload's bytes, decoded strictly.
public struct PayloadRecord: Codable, Hashable, Sendable {
    public struct Ignored: Codable, Hashable, Sendable {
        public var type: UInt8
        public var offset: Int
        public var length: Int
    }

    public var kind: String?
    public var selectors: [SelectorRecord]
    public var ignored: [Ignored]
    public var hex: String?

    public init(_ payload: TSPayload) throws {
        kind = payload.kind?.name
        selectors = try payload.selectors.map(SelectorRecord.init)
        ignored = payload.ignored.map { Ignored(type: $0.tsType, offset: $0.offset, length: $0.bytes.count) }
        hex = nil
    }

    enum CodingKeys: String, CodingKey { case kind, selectors, ignored, hex }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        selectors = try c.decodeIfPresent([SelectorRecord].self, forKey: .selectors) ?? []
        ignored = try c.decodeIfPresent([Ignored].self, forKey: .ignored) ?? []
        hex = try c.decodeIfPresent(String.self, forKey: .hex)
    }

    /// `kind` is always written, as null when unknown.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(selectors, forKey: .selectors)
        try c.encode(ignored, forKey: .ignored)
        try c.encodeIfPresent(hex, forKey: .hex)
    }

    /// The payload: decoded from `hex` when present (strict, with offsets), else built from
    /// `selectors` (which must be non-empty).
    public func payload() throws -> TSPayload {
        let k: TSPayload.Kind? = kind == "TSi" ? .initiator : kind == "TSr" ? .responder : nil
        if let hex {
            guard let bytes = HexText.bytes(hex) else { throw TSError(.invalidValue, "\"hex\" is not hex text") }
            return try TSPayload.decode(bytes, kind: k)
        }
        guard !selectors.isEmpty else {
            throw TSError(.noSelectors, "no selectors: give \"selectors\" or \"hex\"", rule: "RFC 7296 3.13")
        }
        return TSPayload(kind: k, selectors: try selectors.map { try $0.selector() })
    }
}
