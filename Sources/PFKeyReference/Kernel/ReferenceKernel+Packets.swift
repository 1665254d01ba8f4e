import PFKey

// Outbound packets against the SPD, and the SADB_ACQUIRE they trigger (RFC 2367 3.1.6).
extension ReferenceKernel {
    static func contains(_ a: AddressExtension, _ ip: IPAddress) -> Bool {
        let prefix = Int(a.prefixLength)
        switch (a.address.address, ip) {
        case (.v4(let net), .v4(let x)):
            guard prefix > 0 else { return true }
            let mask: UInt32 = prefix >= 32 ? ~0 : ~(UInt32.max >> UInt32(prefix))
            return net & mask == x & mask
        case (.v6(let nh, let nl), .v6(let xh, let xl)):
            guard prefix > 0 else { return true }
            let mh: UInt64 = prefix >= 64 ? ~0 : ~(UInt64.max >> UInt64(prefix))
            let ml: UInt64 = prefix <= 64 ? 0 : prefix >= 128 ? ~0 : ~(UInt64.max >> UInt64(prefix - 64))
            return nh & mh == xh & mh && nl & ml == xl & ml
        default:
            return false
        }
    }

    static func matches(_ p: StoredPolicy, _ packet: OutboundPacket) -> Bool {
        guard p.policy.direction == .outbound,
              contains(p.source, packet.source), contains(p.destination, packet.destination) else { return false }
        let proto = p.source.proto
        if proto != 255 && proto != 0 && proto != packet.proto { return false }
        if p.source.address.port != 0 && p.source.address.port != packet.sourcePort { return false }
        if p.destination.address.port != 0 && p.destination.address.port != packet.destinationPort { return false }
        return true
    }

    /// Sends an outbound packet through the SPD: the first matching outbound policy decides.
    /// An IPsec policy with no usable SA creates a larval SA and an SADB_ACQUIRE for the
    /// sockets registered for its SA type (one per pending acquisition, as Linux does).
    public mutating func send(_ packet: OutboundPacket) -> PacketResult {
        guard let p = policies.first(where: { ReferenceKernel.matches($0, packet) }) else {
            return PacketResult(action: .noPolicy, policyID: nil, messages: [])
        }
        switch p.policy.policyType {
        case .discard: return PacketResult(action: .discard, policyID: p.policy.id, messages: [])
        case .ipsec: break
        default: return PacketResult(action: .bypass, policyID: p.policy.id, messages: [])
        }
        guard let request = p.policy.requests.first else { return PacketResult(action: .bypass, policyID: p.policy.id, messages: []) }
        let satype: SAType = request.proto == 51 ? .ah : request.proto == 108 ? .ipcomp : .esp
        let (sa, da) = request.mode == IPsecRequest.modeTunnel
            ? (request.tunnelSource?.address ?? packet.source, request.tunnelDestination?.address ?? packet.destination)
            : (packet.source, packet.destination)
        if let s = sas.first(where: { $0.saType == satype && $0.source.address.address == sa && $0.destination.address.address == da && $0.sa.state == .mature }) {
            return PacketResult(action: .protected(spi: s.sa.spi), policyID: p.policy.id, messages: [])
        }
        if let pending = sas.first(where: { $0.saType == satype && $0.destination.address.address == da && $0.sa.state == .larval && $0.acquireSequence != 0 }) {
            return PacketResult(action: .acquiring(sequence: pending.acquireSequence), policyID: p.policy.id, messages: [])
        }
        // A "use" level policy sends in the clear while no SA exists, but still asks for one.
        acquireSequence += 1
        let seq = acquireSequence
        sas.append(newLarval(satype, sa, da, acquireSequence: seq))
        guard registered.contains(satype.rawValue) else {
            return PacketResult(action: .acquiring(sequence: seq), policyID: p.policy.id, messages: [])
        }
        return PacketResult(action: .acquiring(sequence: seq), policyID: p.policy.id,
                            messages: [acquireMessage(satype: satype, source: sa, destination: da, packet: packet, policy: p.policy, sequence: seq)])
    }

    func acquireMessage(satype: SAType, source: IPAddress, destination: IPAddress, packet: OutboundPacket, policy: PolicyExtension, sequence: UInt32) -> Message {
        if dialect.name == .linux {
            // Linux pfkey_send_acquire: ports 0, proto 0, X_POLICY referencing the SPD entry by
            // id, a PROPOSAL with no combs for a policy that came through PF_KEY.
            return Message(.acquire, saType: satype, sequence: sequence, pid: 0, extensions: [
                .address(hostAddress(.source, source)), .address(hostAddress(.destination, destination)),
                .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: policy.id, priority: policy.priority)),
                .proposal(ProposalExtension(replay: 32)),
            ])
        }
        // RFC 2367 3.1.6: the session's ports and protocol, and a proposal of what we support.
        var combs: [ProposalExtension.Combination] = []
        for e in supportedEncrypt where satype == .esp {
            for a in supportedAuth where a.id != 251 {
                combs.append(.init(auth: a.id, encrypt: e.id, authMinBits: a.minBits, authMaxBits: a.maxBits,
                                   encryptMinBits: e.minBits, encryptMaxBits: e.maxBits, softAddTime: 25_920, hardAddTime: 28_800))
            }
        }
        let hasPorts = packet.sourcePort != 0 || packet.destinationPort != 0
        return Message(.acquire, saType: satype, sequence: sequence, pid: 0, extensions: [
            .address(hostAddress(.source, source, port: packet.sourcePort, proto: hasPorts ? packet.proto : 0)),
            .address(hostAddress(.destination, destination, port: packet.destinationPort, proto: hasPorts ? packet.proto : 0)),
            .proposal(ProposalExtension(replay: 32, combinations: combs)),
        ])
    }
}
