import PropertyBased
@testable import TrafficSelectors

/// Random selectors over small domains, so that overlaps, touching ranges, ANY, OPAQUE and
/// protocol 0 come up often.
enum Gens {
    static let selector = zip(Gen.int(in: 0...9), Gen.int(in: 0...30), Gen.int(in: 0...12), Gen.int(in: 0...3), Gen.int(in: 0...6), Gen.int(in: 0...20))
        .map { t -> TrafficSelector in
            let family: IPFamily = t.0 == 9 ? .ipv6 : .ipv4
            let start = UInt128(t.1), end = UInt128(t.1 + t.2)
            let proto: IPProtocolRange = [.any, .tcp, .udp, .icmp][t.3]
            let ports: PortRange
            switch t.4 {
            case 0: ports = .any
            case 1: ports = .opaque
            case 2: ports = .single(UInt16(t.5))
            default: ports = PortRange(unchecked: UInt32(t.5), UInt32(t.5 + t.4 * 3))
            }
            return TrafficSelector(ipProtocol: proto, ports: ports, addresses: IPAddressRange(unchecked: family, start, end))
        }

    static let set = selector.array(of: 0...4).map { SelectorSet($0) }

    static let point = zip(Gen.int(in: 0...9), Gen.int(in: 0...45), Gen.int(in: 0...3), Gen.int(in: 0...30))
        .map { t -> SelectorPoint in
            let port: UInt32 = t.3 == 30 ? PortRange.opaquePoint : t.3 == 29 ? 65535 : UInt32(t.3)
            return SelectorPoint(family: t.0 == 9 ? .ipv6 : .ipv4, address: UInt128(t.1), ipProtocol: [0, 6, 17, 1][t.2], port: port)
        }

    static let points = point.array(of: 24)
}
