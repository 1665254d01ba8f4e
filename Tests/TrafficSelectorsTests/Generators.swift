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

extension Gens {
    /// SPD selector sets over a few addresses, protocols and ports (IPv4 mostly).
    static let spdSet = zip(Gen.int(in: 0...9), Gen.int(in: 0...20), Gen.int(in: 0...12), Gen.int(in: 0...20), Gen.int(in: 0...12), Gen.int(in: 0...3), Gen.int(in: 0...4), Gen.int(in: 0...10))
        .map { t -> SPDSelectorSet in
            let family: IPFamily = t.0 == 9 ? .ipv6 : .ipv4
            let local = IPAddressRange(unchecked: family, UInt128(t.1), UInt128(t.1 + t.2))
            let remote = IPAddressRange(unchecked: family, UInt128(t.3), UInt128(t.3 + t.4))
            let proto: IPProtocolRange = [.any, .tcp, .udp, .icmp][t.5]
            let ports: [PortRange] = [.any, .opaque, .single(UInt16(t.7)), PortRange(unchecked: UInt32(t.7), UInt32(t.7 + 5)), .any]
            return SPDSelectorSet(unchecked: local, remote, proto, t.6 == 3 ? .single(UInt16(t.7 + 1)) : .any, ports[t.6])
        }

    static let spdEntry = zip(spdSet.array(of: 1...2), Gen.int(in: 0...2))
        .map { t in SPDEntry(name: "e", selectorSets: t.0, action: SPDAction.allCases[t.1]) }

    static let spd = spdEntry.array(of: 1...8).map { entries in
        SPD(entries: entries.enumerated().map { i, e in var e = e; e.name = "e\(i)"; return e })
    }

    static let packet = zip(Gen.int(in: 0...9), Gen.int(in: 0...35), Gen.int(in: 0...35), Gen.int(in: 0...3), Gen.int(in: 0...17), Gen.int(in: 0...17))
        .map { t -> SPDPacket in
            func port(_ n: Int) -> UInt32 { n == 17 ? PortRange.opaquePoint : UInt32(n) }
            return SPDPacket(family: t.0 == 9 ? .ipv6 : .ipv4, local: UInt128(t.1), remote: UInt128(t.2), ipProtocol: [0, 6, 17, 1][t.3], localPort: port(t.4), remotePort: port(t.5))
        }
}
