import PFKey
import PFKeyReference
import SPDBridge
import TrafficSelectors

/// The scenario of the 2010 review of draft-ietf-ipsecme-ikev2bis-08 section 2.9 (whose
/// replacement text RFC 5996 2.9 published): a packet meets a PROTECT entry of the SPD,
/// the kernel sends SADB_ACQUIRE, the IKEv2 key manager learns the entry from it
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
    /// The requests as the codec decoded them from the bytes sent to the kernel (never the
    /// values the installer built: an expectation reads what went over the wire).
    var getSPI: Message
    var update: Message
    var add: Message
    var getSPIReply: Message
    var updateReply: Message
    var addReply: Message
    /// What the kernel did with the next packet once the SAs were in.
    var packetAfterInstall: ReferenceKernel.PacketResult.Action
    var kernel: ReferenceKernel
    /// The id the kernel gave the policy at X_SPDADD.
    var policyID: UInt32

    /// Encodes, decodes with the direction's presence rules, and records the bytes.
    static func wire(_ ctx: inout CheckContext, _ label: String, _ m: Message, direction: Direction) throws -> Message {
        let bytes = try m.encode(dialect: .linux)
        ctx.hex(label, bytes)
        return try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: direction))
    }

    /// One request to the reference kernel, both ways over the wire: the request decoded
    /// with the request presence rules, the reply with the kernel's; a reply with an errno
    /// is a setup failure (the check errors). Returns the decoded request and reply.
    static func exchange(_ ctx: inout CheckContext, _ kernel: inout ReferenceKernel, _ label: String, _ request: Message) throws -> (sent: Message, reply: Message) {
        let sent = try wire(&ctx, "\(label) request", request, direction: .request)
        let replies = kernel.handle(bytes: try sent.encode(dialect: .linux))
        guard let bytes = replies.first else { throw CheckError(.setupFailed, "\(label): the kernel sent no reply") }
        ctx.hex("\(label) reply", bytes)
        let reply = try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: .kernel))
        guard reply.errno == 0 else { throw CheckError(.setupFailed, "\(label): the kernel replied errno \(reply.errno)") }
        return (sent, reply)
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

        // The reference kernel (PFKey's SADB/SPD model, Linux dialect): the key manager
        // registers for ESP and installs the entry as a policy with X_SPDADD; the kernel
        // names it by id in its reply, its X_SPDGET replies and its ACQUIREs.
        var kernel = ReferenceKernel(dialect: .linux)
        _ = try exchange(&ctx, &kernel, "SADB_REGISTER", Message(.register, saType: .esp, sequence: 1, pid: keyManagerPID))
        let set = protect.selectorSets[0]
        let spdAdd = Message(.spdAdd, sequence: 2, pid: keyManagerPID, extensions: [
            .address(SelectorConversion.addressExtension(.source, set.localSelector)),
            .address(SelectorConversion.addressExtension(.destination, set.remoteSelector)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: [IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2)])),
        ])
        let added = try exchange(&ctx, &kernel, "X_SPDADD", spdAdd).reply
        ctx.input("policy id the kernel gave", added.policy?.id ?? 0)

        // The packet leaves: the kernel finds no SA and sends SADB_ACQUIRE to the registered socket.
        let outbound = ReferenceKernel.OutboundPacket(source: IPAddress(local)!, destination: IPAddress(peer)!, proto: 17, sourcePort: 40000, destinationPort: 9)
        let first = kernel.send(outbound)
        ctx.input("kernel action for the first packet", "\(first.action)")
        guard let acquireMessage = first.messages.first(where: { $0.type == .acquire }) else {
            throw CheckError(.setupFailed, "the reference kernel sent no SADB_ACQUIRE (action \(first.action))")
        }
        let acquire = try wire(&ctx, "SADB_ACQUIRE from the kernel", acquireMessage, direction: .kernel)
        let shape = KernelSamples.acquire(sequence: acquire.sequence)
        ctx.expect("ACQUIRE has the Linux 6.1 shape (extensions and length)",
                   "\(acquire.extensions.compactMap { $0.type?.name }) \(try acquire.encode(dialect: .linux).count)",
                   equals: "\(shape.extensions.compactMap { $0.type?.name }) \(try shape.encode(dialect: .linux).count)")
        let trigger = try AcquireTrigger(acquire: acquire)
        let query = try AcquireFlow.policyQuery(for: trigger, sequence: 3, pid: keyManagerPID)
        let (querySent, reply) = try exchange(&ctx, &kernel, "X_SPDGET", query)
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
        let installer = try ChildSAInstaller(trigger: trigger, narrowed: narrowed, keys: keys, pid: keyManagerPID)
        let (getSPI, getSPIReply) = try exchange(&ctx, &kernel, "SADB_GETSPI", installer.getSPI())
        let inboundSPI = getSPIReply.sa?.spi ?? 0
        ctx.input("inbound SPI the kernel allocated", "0x" + String(inboundSPI, radix: 16))
        let (update, updateReply) = try exchange(&ctx, &kernel, "SADB_UPDATE", installer.update(inboundSPI: inboundSPI))
        let (add, addReply) = try exchange(&ctx, &kernel, "SADB_ADD", installer.add(outboundSPI: 0x0000_8765))
        let second = kernel.send(outbound)
        ctx.input("kernel action for the next packet", "\(second.action)")
        return SeedFlow(spdEntry: protect, acquire: acquire, trigger: trigger, policyQuery: querySent, policyReply: reply,
                        proposal: proposal, narrowed: narrowed, installer: installer, getSPI: getSPI, update: update, add: add,
                        getSPIReply: getSPIReply, updateReply: updateReply, addReply: addReply, packetAfterInstall: second.action,
                        kernel: kernel, policyID: added.policy?.id ?? 0)
    }
}
