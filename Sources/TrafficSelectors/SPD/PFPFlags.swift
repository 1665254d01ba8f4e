/// "Populate From Packet" flags, one per selector (RFC 4301 4.4.1.2): when set, an SA
/// created from the entry takes that selector's value from the triggering packet rather
/// than from the entry.
public struct PFPFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let localAddress = PFPFlags(rawValue: 1 << 0)
    public static let remoteAddress = PFPFlags(rawValue: 1 << 1)
    public static let nextLayerProtocol = PFPFlags(rawValue: 1 << 2)
    public static let localPort = PFPFlags(rawValue: 1 << 3)
    public static let remotePort = PFPFlags(rawValue: 1 << 4)

    /// Names as in the JSON files, in this order.
    public static let names: [(String, PFPFlags)] = [
        ("localAddress", .localAddress), ("remoteAddress", .remoteAddress),
        ("nextLayerProtocol", .nextLayerProtocol), ("localPort", .localPort), ("remotePort", .remotePort),
    ]
}
