import PFKey
import Yams

/// A kernel `packet` item with a size, a count or a direction: traffic on the SAs
/// (ReferenceKernel+Traffic). Without any of `direction`, `length`, `count`, `spi`,
/// `satype` or `outer-destination` the item is the plain SPD lookup it was.
public struct TrafficInput: Sendable {
    public var inbound: Bool
    public var source: String
    public var destination: String
    public var proto: UInt8
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    /// The IP packet's total length, header included (nil: not counted).
    public var length: Int?
    /// Outbound: how many such packets are sent.
    public var count: UInt64
    /// Inbound: the SA the packet names.
    public var spi: UInt32
    public var saType: UInt8
    public var outerDestination: String?
}

/// What a `traffic` item expects beyond the action and the messages.
public struct TrafficExpectation: Sendable {
    /// How many of the packets the SA protected.
    public var protectedCount: UInt64?
    /// The audit record the packets caused: nil, not asked; `[]`, none; else field: value
    /// (`event`, `spi`, `time`, `local`, `remote`, `selectors`).
    public var audit: [(name: String, value: String)]?
}

extension ScenarioParser {
    static let trafficKeys = ["direction", "length", "count", "spi", "satype", "outer-destination"]
    static let trafficExpectationKeys = ["protected-count", "audit"]
    /// An inbound packet's fates (ReferenceKernel.InboundResult.Action).
    static let inboundActions = ["accepted", "no-sa", "selector-mismatch", "expired"]

    static func trafficInput(_ p: YAMLMapping) throws(ScenarioError) -> TrafficInput? {
        guard p.keys.contains(where: trafficKeys.contains) else { return nil }
        try p.only(["source", "destination", "protocol", "source-port", "destination-port"] + trafficKeys)
        let inbound = try p.optional("direction")?.word(["outbound", "inbound"]) == "inbound"
        if inbound {
            guard p.optional("spi") != nil else { throw p.value.error(.missingField, "an inbound packet names the SA it arrives on: spi") }
            if let c = p.optional("count") { throw c.error(.invalidValue, "count is for outbound packets") }
        } else {
            for key in ["spi", "satype", "outer-destination"] {
                if let v = p.optional(key) { throw v.error(.invalidValue, "\(key) is for inbound packets (direction: inbound)") }
            }
        }
        let count = try p.optional("count")?.integer(UInt64.self) ?? 1
        guard count >= 1 else { throw try p.required("count").error(.invalidValue, "count is at least 1") }
        let length = try p.optional("length")?.integer(Int.self)
        if let length, length < 20 || length > 65535 {
            throw try p.required("length").error(.invalidValue, "length is an IP packet's total length, 20 to 65535")
        }
        return TrafficInput(inbound: inbound, source: try address(p.required("source")), destination: try address(p.required("destination")),
                            proto: try p.optional("protocol")?.integer(UInt8.self) ?? 17,
                            sourcePort: try p.optional("source-port")?.integer(UInt16.self) ?? 0,
                            destinationPort: try p.optional("destination-port")?.integer(UInt16.self) ?? 0,
                            length: length, count: count, spi: try p.optional("spi")?.integer(UInt32.self) ?? 0,
                            saType: try p.optional("satype")?.integer(UInt8.self) ?? 3,
                            outerDestination: try p.optional("outer-destination").map { v throws(ScenarioError) in try address(v) })
    }

    static func trafficExpectation(_ em: YAMLMapping) throws(ScenarioError) -> TrafficExpectation {
        var e = TrafficExpectation(protectedCount: try em.optional("protected-count")?.integer(UInt64.self))
        if let a = em.optional("audit") {
            if case .sequence = a.node {
                guard try a.list().isEmpty else { throw a.error(.invalidValue, "audit is [] (no record) or a mapping of the record's fields") }
                e.audit = []
            } else {
                let m = try a.mapping()
                try m.only(["event", "spi", "time", "local", "remote", "selectors"])
                guard !m.entries.isEmpty else { throw a.error(.missingExpectation, "\"audit\" names no field") }
                var fields: [(name: String, value: String)] = []
                for (key, v) in m.entries { fields.append((key, try v.string())) }
                e.audit = fields
            }
        }
        return e
    }
}
