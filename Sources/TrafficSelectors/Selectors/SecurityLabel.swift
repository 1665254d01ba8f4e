import WireCore

/// A TS_SECLABEL selector (TS type 10). Layout reconstructed from implementations, not yet
/// checked against RFC 9478 (not in the corpus): TS Type (1), Reserved (1), Selector
/// Length (2), then an opaque Security Label of at least one byte.
public struct SecurityLabel: Hashable, Sendable, CustomStringConvertible {
    public let label: [UInt8]

    /// An empty label throws `selectorLengthInvalid` (a label has at least one byte).
    public init(_ label: [UInt8]) throws {
        guard !label.isEmpty else {
            throw TSError(.selectorLengthInvalid, "TS_SECLABEL with an empty label", rule: "RFC 9478 (reconstructed)")
        }
        self.label = label
    }

    /// Selector Length on the wire.
    public var selectorLength: Int { 4 + label.count }

    public var hex: String { Hex.encode(label) }
    public var description: String { "seclabel:\(hex)" }
}
