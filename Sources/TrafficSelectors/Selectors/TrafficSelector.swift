/// An address-range Traffic Selector (TS type 7 or 8): protocol, ports and an address
/// range of one family. A packet address matches when all three do (RFC 7296 3.13.1).
/// Values built by set algebra may have no exact wire form; `isEncodable` says so.
public struct TrafficSelector: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var ipProtocol: IPProtocolRange
    public var ports: PortRange
    public var addresses: IPAddressRange

    public init(ipProtocol: IPProtocolRange = .any, ports: PortRange = .any, addresses: IPAddressRange) {
        self.ipProtocol = ipProtocol
        self.ports = ports
        self.addresses = addresses
    }

    /// A selector from text: `TrafficSelector("10.0.0.0/24", protocol: 6, ports: "80")`.
    public init(_ addresses: String, protocol proto: UInt8 = 0, ports: String = "any") throws {
        self.init(ipProtocol: IPProtocolRange(wire: proto), ports: try PortRange(parsing: ports), addresses: try IPAddressRange(parsing: addresses))
    }

    /// Every address of a family, any protocol, any port.
    public static func all(_ family: IPFamily) -> TrafficSelector { TrafficSelector(addresses: .all(family)) }

    public var family: IPFamily { addresses.family }
    public var tsType: UInt8 { family.tsType }

    /// True when the selector can be sent as a type 7/8 selector exactly.
    public var isEncodable: Bool { ipProtocol.wireValue != nil && ports.wireValue != nil }

    /// "proto/ports/addresses", e.g. "6/80/10.0.0.0/24" or "any/any/::/0".
    public var description: String { "\(ipProtocol)/\(ports)/\(addresses)" }

    public static func < (a: TrafficSelector, b: TrafficSelector) -> Bool {
        (a.addresses, a.ipProtocol, a.ports) < (b.addresses, b.ipProtocol, b.ports)
    }
}

/// A point of selector space: what one packet address carries (one side of a packet).
public struct SelectorPoint: Hashable, Sendable {
    public var family: IPFamily
    public var address: UInt128
    public var ipProtocol: UInt8
    /// A port (0...65535) or `PortRange.opaquePoint` when the port is not available.
    public var port: UInt32

    public init(family: IPFamily, address: UInt128, ipProtocol: UInt8, port: UInt32) {
        self.family = family
        self.address = address
        self.ipProtocol = ipProtocol
        self.port = port
    }
}
