import PFKey
import SPDBridge
import TrafficSelectors

/// The scenario of the seed review (../shared/seed): a packet meets a PROTECT entry of the
/// SPD, the kernel sends SADB_ACQUIRE, the IKEv2 key manager learns the entry from it
/// (X_POLICY id -> X_SPDGET -> selectors), proposes TSi/TSr, the responder narrows, and the
/// Child SA pair is installed through PF_KEY with GETSPI/UPDATE and ADD. Every message is
/// encoded and decoded by the PF_KEY codec with the presence rules of its direction.
struct SeedFlow {
    static let local = "10.0.0.1", peer = "10.0.0.2"
    static let keyManagerPID: UInt32 = 4242

    var spdEntry: SPDEntry
    var acquire: Message
    var trigger: AcquireTrigger
    var policyQuery: Message
    var policyReply: Message
    var proposal: InitiatorProposal
    var narrowed: NarrowingResult
    var installer: ChildSAInstaller
    var getSPI: Message
    var update: Message
    var add: Message

    static let linux = DecodingOptions(dialect: .linux, direction: nil)

    /// Encodes, decodes with the direction's presence rules, and records the bytes.
    static func wire(_ ctx: inout CheckContext, _ label: String, _ m: Message, direction: Direction) throws -> Message {
        let bytes = try m.encode(dialect: .linux)
        ctx.hex(label, bytes)
        return try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: direction))
    }

    static func run(_ ctx: inout CheckContext) throws -> SeedFlow {
        // The SPD (RFC 4301 4.4.1): IKE bypassed, the /24 protected, the rest discarded.
        let protect = SPDEntry(name: "protect-lan", selectorSets: [try SPDSelectorSet(local: "10.0.0.0/24", remote: "10.0.0.0/24")], action: .protect)
        let spd = SPD(entries: [
            SPDEntry(name: "ike", selectorSets: [try SPDSelectorSet(local: "0.0.0.0/0", remote: "0.0.0.0/0", protocol: 17, localPorts: "500", remotePorts: "500")], action: .bypass),
            protect,
            SPDEntry(name: "final-discard", selectorSets: [try SPDSelectorSet(local: "0.0.0.0/0", remote: "0.0.0.0/0")], action: .discard),
        ])
        let (_, l) = try IPAddressText.parse(local), (_, r) = try IPAddressText.parse(peer)
        let packet = SPDPacket(family: .ipv4, local: l, remote: r, ipProtocol: 17, localPort: 40000, remotePort: 9)
        ctx.input("packet", "UDP \(local):40000 -> \(peer):9")
        let matched = spd.lookup(packet).map { spd.entries[$0] }
        ctx.expect("SPD entry the packet matches", matched?.name ?? "none", equals: "protect-lan")
        ctx.expect("its action", matched?.action.rawValue ?? "none", equals: "PROTECT")

        // The key manager installed that entry as a kernel policy (X_SPDADD); the kernel
        // names it by id 1 in its reply, its X_SPDGET replies and its ACQUIREs.
        let set = protect.selectorSets[0]
        let spdAdd = Message(.spdAdd, sequence: 1, pid: keyManagerPID, extensions: [
            .address(SelectorConversion.addressExtension(.source, set.localSelector)),
            .address(SelectorConversion.addressExtension(.destination, set.remoteSelector)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: [IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2)])),
        ])
        _ = try wire(&ctx, "X_SPDADD request", spdAdd, direction: .request)
        var policyReply = spdAdd
        policyReply.type = .spdGet
        policyReply.sequence = 2
        policyReply.extensions = spdAdd.extensions.map { e in
            if case .policy(var p) = e { p.id = 1; return .policy(p) }
            return e
        }

        // The kernel's ACQUIRE, in the shape Linux 6.1 sent it (notes/pfkey.md): ports 0,
        // X_POLICY with only the id, a PROPOSAL.
        let acquire = try wire(&ctx, "SADB_ACQUIRE from the kernel", KernelSamples.acquire(combinations: 1, sequence: 7), direction: .kernel)
        let trigger = try AcquireTrigger(acquire: acquire)
        let query = try wire(&ctx, "X_SPDGET request", try AcquireFlow.policyQuery(for: trigger, sequence: 2, pid: keyManagerPID), direction: .request)
        let reply = try wire(&ctx, "X_SPDGET reply", policyReply, direction: .kernel)
        let policy = try AcquireFlow.policySelectors(reply)
        let proposal = AcquireFlow.proposal(trigger: trigger, policy: (policy.tsi, policy.tsr))
        for p in proposal.provenance { ctx.note(p) }
        ctx.input("proposed TSi", NarrowingChecks.show(proposal.tsi))
        ctx.input("proposed TSr", NarrowingChecks.show(proposal.tsr))

        // The responder accepts the lower half of the LAN towards itself only.
        let responder = NarrowingPolicy(rules: [NarrowingRule(name: "peer", remote: [try TrafficSelector("10.0.0.0/25")], local: [try TrafficSelector("10.0.0.2/32")])])
        let narrowed = try AcquireFlow.narrow(proposal, responderPolicy: responder)
        ctx.input("narrowed TSi", NarrowingChecks.show(narrowed.tsi))
        ctx.input("narrowed TSr", NarrowingChecks.show(narrowed.tsr))

        // IKEv2 algorithms: ENCR_AES_CBC-256 with AUTH_HMAC_SHA2_256_128; KEYMAT as from
        // prf+ (a fixed pattern here: the keys' values do not matter to PF_KEY).
        let keys = try ChildSAKeys(encryption: .aesCBC256, integrity: .hmacSHA256, keymat: (0..<128).map { UInt8($0) })
        ctx.input("IKEv2 transforms", "\(keys.encryption), \(keys.integrity)")
        let installer = ChildSAInstaller(trigger: trigger, keys: keys, pid: keyManagerPID)
        let getSPI = try wire(&ctx, "SADB_GETSPI request", installer.getSPI(), direction: .request)
        let update = try wire(&ctx, "SADB_UPDATE request", installer.update(inboundSPI: 0x0000_4321), direction: .request)
        let add = try wire(&ctx, "SADB_ADD request", installer.add(outboundSPI: 0x0000_8765), direction: .request)
        return SeedFlow(spdEntry: protect, acquire: acquire, trigger: trigger, policyQuery: query, policyReply: reply,
                        proposal: proposal, narrowed: narrowed, installer: installer, getSPI: getSPI, update: update, add: add)
    }
}
