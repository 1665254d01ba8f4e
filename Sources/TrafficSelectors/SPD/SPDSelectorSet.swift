/// One selector set of an SPD entry (RFC 4301 4.4.1.2): local and remote address ranges of
/// one family, next layer protocol, local and remote ports (ANY and OPAQUE as in
/// `PortRange`). A box in five dimensions; entries hold one or more.
public struct SPDSelectorSet: Hashable, Sendable, CustomStringConvertible {
    public let local: IPAddressRange
    public let remote: IPAddressRange
    public let ipProtocol: IPProtocolRange
    public let localPorts: PortRange
    public let remotePorts: PortRange

    /// Throws `familyMismatch` when the two address ranges differ in family (R11).
    public init(local: IPAddressRange, remote: IPAddressRange, ipProtocol: IPProtocolRange = .any, localPorts: PortRange = .any, remotePorts: PortRange = .any) throws {
        guard local.family == remote.family else {
            throw TSError(.familyMismatch, "local \(local) and remote \(remote) are of different address families", rule: "RFC 4301 4.4.1.2")
        }
        self.init(unchecked: local, remote, ipProtocol, localPorts, remotePorts)
    }

    init(unchecked local: IPAddressRange, _ remote: IPAddressRange, _ ipProtocol: IPProtocolRange, _ localPorts: PortRange, _ remotePorts: PortRange) {
        self.local = local
        self.remote = remote
        self.ipProtocol = ipProtocol
        self.localPorts = localPorts
        self.remotePorts = remotePorts
    }

    /// From text: `SPDSelectorSet(local: "10.0.0.0/24", remote: "0.0.0.0/0", protocol: 6, remotePorts: "80")`.
    public init(local: String, remote: String, protocol proto: UInt8 = 0, localPorts: String = "any", remotePorts: String = "any") throws {
        try self.init(local: IPAddressRange(parsing: local), remote: IPAddressRange(parsing: remote), ipProtocol: IPProtocolRange(wire: proto),
                      localPorts: PortRange(parsing: localPorts), remotePorts: PortRange(parsing: remotePorts))
    }

    public var family: IPFamily { local.family }

    /// The local side as a Traffic Selector (what TSi carries for an initiator).
    public var localSelector: TrafficSelector { TrafficSelector(ipProtocol: ipProtocol, ports: localPorts, addresses: local) }
    /// The remote side as a Traffic Selector (what TSr carries for an initiator).
    public var remoteSelector: TrafficSelector { TrafficSelector(ipProtocol: ipProtocol, ports: remotePorts, addresses: remote) }

    public func contains(_ p: SPDPacket) -> Bool {
        p.family == local.family && local.contains(p.local) && remote.contains(p.remote)
            && ipProtocol.contains(p.ipProtocol) && localPorts.contains(p.localPort) && remotePorts.contains(p.remotePort)
    }

    /// Every selector intersects (RFC 4301 Appendix B: "correlated").
    public func intersects(_ o: SPDSelectorSet) -> Bool {
        local.family == o.local.family
            && max(remote.start, o.remote.start) <= min(remote.end, o.remote.end)
            && max(local.start, o.local.start) <= min(local.end, o.local.end)
            && max(ipProtocol.lower, o.ipProtocol.lower) <= min(ipProtocol.upper, o.ipProtocol.upper)
            && max(remotePorts.lower, o.remotePorts.lower) <= min(remotePorts.upper, o.remotePorts.upper)
            && max(localPorts.lower, o.localPorts.lower) <= min(localPorts.upper, o.localPorts.upper)
    }

    public func intersection(_ o: SPDSelectorSet) -> SPDSelectorSet? {
        guard let l = local.intersection(o.local), let r = remote.intersection(o.remote),
              let p = ipProtocol.intersection(o.ipProtocol), let lp = localPorts.intersection(o.localPorts),
              let rp = remotePorts.intersection(o.remotePorts) else { return nil }
        return SPDSelectorSet(unchecked: l, r, p, lp, rp)
    }

    public func contains(_ o: SPDSelectorSet) -> Bool {
        local.contains(o.local) && remote.contains(o.remote) && ipProtocol.contains(o.ipProtocol)
            && localPorts.contains(o.localPorts) && remotePorts.contains(o.remotePorts)
    }

    /// `self` minus `o` as disjoint sets (at most ten): the Appendix B tree's branches for
    /// the complement, one selector at a time, with the null set left out.
    public func subtracting(_ o: SPDSelectorSet) -> [SPDSelectorSet] {
        guard let i = intersection(o) else { return [self] }
        var out: [SPDSelectorSet] = []
        for r in remote.subtracting(i.remote) { out.append(SPDSelectorSet(unchecked: local, r, ipProtocol, localPorts, remotePorts)) }
        for l in local.subtracting(i.local) { out.append(SPDSelectorSet(unchecked: l, i.remote, ipProtocol, localPorts, remotePorts)) }
        for p in ipProtocol.subtracting(i.ipProtocol) { out.append(SPDSelectorSet(unchecked: i.local, i.remote, p, localPorts, remotePorts)) }
        for rp in remotePorts.subtracting(i.remotePorts) { out.append(SPDSelectorSet(unchecked: i.local, i.remote, i.ipProtocol, localPorts, rp)) }
        for lp in localPorts.subtracting(i.localPorts) { out.append(SPDSelectorSet(unchecked: i.local, i.remote, i.ipProtocol, lp, i.remotePorts)) }
        return out
    }

    /// One set covering exactly both, when they differ in one selector and touch there.
    func merged(with o: SPDSelectorSet) -> SPDSelectorSet? {
        let sl = local == o.local, sr = remote == o.remote, sp = ipProtocol == o.ipProtocol
        let slp = localPorts == o.localPorts, srp = remotePorts == o.remotePorts
        if sl && sp && slp && srp, let r = remote.merged(with: o.remote) { return SPDSelectorSet(unchecked: local, r, ipProtocol, localPorts, remotePorts) }
        if sr && sp && slp && srp, let l = local.merged(with: o.local) { return SPDSelectorSet(unchecked: l, remote, ipProtocol, localPorts, remotePorts) }
        if sl && sr && slp && srp, let p = ipProtocol.merged(with: o.ipProtocol) { return SPDSelectorSet(unchecked: local, remote, p, localPorts, remotePorts) }
        if sl && sr && sp && slp, let rp = remotePorts.merged(with: o.remotePorts) { return SPDSelectorSet(unchecked: local, remote, ipProtocol, localPorts, rp) }
        if sl && sr && sp && srp, let lp = localPorts.merged(with: o.localPorts) { return SPDSelectorSet(unchecked: local, remote, ipProtocol, lp, remotePorts) }
        return nil
    }

    /// "local -> remote proto lport->rport".
    public var description: String { "\(local)[\(localPorts)] -> \(remote)[\(remotePorts)] proto \(ipProtocol)" }
}
