/// Set operations on single selectors, each a box over (addresses, protocol, ports)
/// within one family.
extension TrafficSelector {
    public func contains(_ point: SelectorPoint) -> Bool {
        addresses.family == point.family && addresses.contains(point.address)
            && ipProtocol.contains(point.ipProtocol) && ports.contains(point.port)
    }

    public func contains(_ other: TrafficSelector) -> Bool {
        addresses.contains(other.addresses) && ipProtocol.contains(other.ipProtocol) && ports.contains(other.ports)
    }

    /// The common part, or nil. Differs from strongSwan's `get_subset` only in naming:
    /// none across families, protocol any meets any other, OPAQUE meets ANY as OPAQUE and
    /// a port range not at all.
    public func intersection(_ other: TrafficSelector) -> TrafficSelector? {
        guard let a = addresses.intersection(other.addresses),
              let p = ipProtocol.intersection(other.ipProtocol),
              let q = ports.intersection(other.ports) else { return nil }
        return TrafficSelector(ipProtocol: p, ports: q, addresses: a)
    }

    public func intersects(_ other: TrafficSelector) -> Bool {
        addresses.family == other.addresses.family
            && max(addresses.start, other.addresses.start) <= min(addresses.end, other.addresses.end)
            && max(ipProtocol.lower, other.ipProtocol.lower) <= min(ipProtocol.upper, other.ipProtocol.upper)
            && max(ports.lower, other.ports.lower) <= min(ports.upper, other.ports.upper)
    }

    /// `self` minus `other` as disjoint selectors (at most six: two per dimension).
    public func subtracting(_ other: TrafficSelector) -> [TrafficSelector] {
        guard let i = intersection(other) else { return [self] }
        var out: [TrafficSelector] = []
        for a in addresses.subtracting(i.addresses) {
            out.append(TrafficSelector(ipProtocol: ipProtocol, ports: ports, addresses: a))
        }
        for p in ipProtocol.subtracting(i.ipProtocol) {
            out.append(TrafficSelector(ipProtocol: p, ports: ports, addresses: i.addresses))
        }
        for q in ports.subtracting(i.ports) {
            out.append(TrafficSelector(ipProtocol: i.ipProtocol, ports: q, addresses: i.addresses))
        }
        return out
    }

    /// One selector covering exactly both, when they differ in one dimension only and
    /// touch or overlap there.
    func merged(with other: TrafficSelector) -> TrafficSelector? {
        let sameA = addresses == other.addresses, sameP = ipProtocol == other.ipProtocol, sameQ = ports == other.ports
        if sameA && sameP, let q = ports.merged(with: other.ports) {
            return TrafficSelector(ipProtocol: ipProtocol, ports: q, addresses: addresses)
        }
        if sameA && sameQ, let p = ipProtocol.merged(with: other.ipProtocol) {
            return TrafficSelector(ipProtocol: p, ports: ports, addresses: addresses)
        }
        if sameP && sameQ, let a = addresses.merged(with: other.addresses) {
            return TrafficSelector(ipProtocol: ipProtocol, ports: ports, addresses: a)
        }
        return nil
    }
}
