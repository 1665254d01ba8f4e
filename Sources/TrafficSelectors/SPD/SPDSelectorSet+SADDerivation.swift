/// The selector values of the SA an SPD entry creates for a packet (RFC 4301 4.4.1 "How to
/// Derive the Values for an SAD Entry", and the tables of 4.4.2.2): for each selector whose
/// PFP flag is set, the packet's value; otherwise the entry's value (ranges, ANY or
/// OPAQUE), which the SA management protocol may then narrow.
extension SPDSelectorSet {
    /// The SAD entry's selectors for `packet`, or nil when the packet does not match this
    /// set or 4.4.2.2 says "discard packet": a PFP port selector of ANY meeting a packet
    /// whose port is not available (a non-initial fragment); or "***": a PFP flag on an
    /// OPAQUE port selector, an error. One flag set covers every
    /// selector set of an entry (4.4.1.2: a flag "applies to the relevant selector across
    /// all selector sets").
    public func sadSelectors(for packet: SPDPacket, pfp: PFPFlags) -> SPDSelectorSet? {
        guard contains(packet) else { return nil }
        let l = pfp.contains(.localAddress) ? (try? IPAddressRange.host(packet.family, packet.local)) : local
        let r = pfp.contains(.remoteAddress) ? (try? IPAddressRange.host(packet.family, packet.remote)) : remote
        guard let l, let r else { return nil }
        let p = pfp.contains(.nextLayerProtocol) ? IPProtocolRange(wire: packet.ipProtocol) : ipProtocol
        guard let lp = Self.port(localPorts, packet.localPort, fromPacket: pfp.contains(.localPort)),
              let rp = Self.port(remotePorts, packet.remotePort, fromPacket: pfp.contains(.remotePort)) else { return nil }
        return SPDSelectorSet(unchecked: l, r, p, lp, rp)
    }

    private static func port(_ entry: PortRange, _ value: UInt32, fromPacket: Bool) -> PortRange? {
        guard fromPacket else { return entry }
        // 4.4.2.2, note ***: "Use of PFP=1 with an OPAQUE value is an error and SHOULD be
        // prohibited by an IPsec implementation": no SA comes of it, whatever the packet.
        if entry == .opaque { return nil }
        // PFP with the port "not avail." (a non-initial fragment): discard packet.
        if value == PortRange.opaquePoint { return nil }
        return PortRange(unchecked: value, value)
    }
}
