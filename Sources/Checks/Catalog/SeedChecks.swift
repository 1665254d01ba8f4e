import PFKey
import PFKeyReference
import SPDBridge
import TrafficSelectors

/// The seed review's case: draft-ietf-ipsecme-ikev2bis-08 section 2.9 said PF_KEY "only
/// applies to IKEv1"; RFC 5996 published a replacement. These checks run the flow and
/// bear on both texts.
enum SeedChecks {
    static var all: [Check] { [childSAViaPFKey, acquireExpressesSPDEntry, tsCommunicateSPD] }

    static let ikev1Sentence = "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1), though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3)."

    static let protectSentence = "When an RFC4301-compliant IPsec subsystem receives an IP packet that matches a \"protect\" selector in its Security Policy Database (SPD), the subsystem protects that packet with IPsec."

    static let childSAViaPFKey = Check(
        id: "seed.ikev2-child-sa-via-pfkey",
        title: "An IKEv2 Child SA (narrowed TS, IKEv2 algorithms) is installed through PF_KEY GETSPI/UPDATE and ADD",
        topic: .pfkey, dialects: ["linux", "rfc2367", "rfc7296"],
        claims: [
            .contradicts("draft-ietf-ipsecme-ikev2bis", section: "2.9", ikev1Sentence,
                         rationale: "PF_KEY installed the SAs of an IKEv2 Child SA: it does not only apply to IKEv1.",
                         clause: "although it only applies to IKEv1"),
        ] + Claim.ikev2(.supports, section: "2.9", "Maintenance of a system's SPD is outside the scope of IKE, although some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3).",
                        rationale: "The published text drops the IKEv1-only remark; the key manager used PF_KEY for an IKEv2 Child SA.")
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        // The GETSPI, UPDATE and ADD below are read as the codec decoded the bytes sent.
        ctx.expect("responder narrowed TSi", NarrowingChecks.show(flow.narrowed.tsi),
                   equals: NarrowingChecks.show([try TrafficSelector("10.0.0.1/32"), try TrafficSelector("10.0.0.0/25")]))
        ctx.expect("responder narrowed TSr", NarrowingChecks.show(flow.narrowed.tsr), equals: NarrowingChecks.show([try TrafficSelector("10.0.0.2/32")]))
        ctx.expect("GETSPI binds to the ACQUIRE (sadb_msg_seq)", flow.getSPI.sequence, equals: flow.acquire.sequence)
        ctx.expect("UPDATE SA state", flow.update.sa?.state.description ?? "none", equals: SAState.mature.description)
        ctx.expect("UPDATE algorithms (sadb_sa_encrypt, sadb_sa_auth)", "\(flow.update.sa?.encrypt ?? 0),\(flow.update.sa?.auth ?? 0)", equals: "12,5")
        ctx.expect("UPDATE KEY_ENCRYPT bits (AES-256)", flow.update.key(.encrypt)?.bits, equals: 256)
        ctx.expect("UPDATE KEY_AUTH bits (HMAC-SHA-256)", flow.update.key(.auth)?.bits, equals: 256)
        ctx.expect("ADD binds to the ACQUIRE (sadb_msg_seq)", flow.add.sequence, equals: flow.acquire.sequence)
        ctx.expect("reference kernel: GETSPI reply names a larval SA", flow.getSPIReply.sa?.state.description ?? "none", equals: SAState.larval.description)
        ctx.expect("reference kernel: UPDATE reply SA state", flow.updateReply.sa?.state.description ?? "none", equals: SAState.mature.description)
        ctx.expect("reference kernel: UPDATE reply algorithms and key bits", "\(flow.updateReply.sa?.encrypt ?? 0),\(flow.updateReply.sa?.auth ?? 0) \(flow.updateReply.key(.encrypt)?.bits ?? 0)/\(flow.updateReply.key(.auth)?.bits ?? 0)", equals: "12,5 256/256")
        ctx.expect("reference kernel: ADD reply SPI", flow.addReply.sa?.spi, equals: 0x8765)
        ctx.expect("reference kernel: the next packet", "\(flow.packetAfterInstall)", equals: "\(ReferenceKernel.PacketResult.Action.protected(spi: 0x8765))")
        // The SAs carry the narrowed traffic as decoded from the bytes sent: the endpoints
        // (the hosts: transport mode) with the narrowed TSi's prefix (/25) and TSr's (/32).
        ctx.expect("UPDATE inbound SA address/prefix (source -> destination)", Self.selectors(flow.update), equals: "10.0.0.2/32 -> 10.0.0.1/25")
        ctx.expect("ADD outbound SA address/prefix (source -> destination)", Self.selectors(flow.add), equals: "10.0.0.1/25 -> 10.0.0.2/32")
        ctx.expect("ADD outbound SA source -> destination", "\(flow.add.address(.source)?.address.description ?? "") -> \(flow.add.address(.destination)?.address.description ?? "")",
                   equals: "\(SeedFlow.local) -> \(SeedFlow.peer)")
        // The same install on the real Linux 6.1 af_key (KernelCaptures, recorded under UML).
        let kernel = try KernelEvidence.PolicyFlow(&ctx)
        let spi = kernel.getSPIReply.message.sa?.spi
        ctx.hex("real kernel: SADB_GETSPI reply", kernel.getSPIReply.bytes)
        ctx.hex("real kernel: SADB_UPDATE request", kernel.update.bytes)
        ctx.hex("real kernel: SADB_GET reply", kernel.getReply.bytes)
        ctx.expect("real kernel: GETSPI reply errno", kernel.getSPIReply.message.errno, equals: 0)
        ctx.expect("real kernel: GETSPI reply names a larval SA", kernel.getSPIReply.message.sa?.state.description ?? "none", equals: SAState.larval.description)
        ctx.expect("real kernel: UPDATE carries the GETSPI's SPI", kernel.update.message.sa?.spi, equals: spi)
        ctx.expect("real kernel: UPDATE reply errno", kernel.updateReply.message.errno, equals: 0)
        ctx.expect("real kernel: UPDATE reply SA state", kernel.updateReply.message.sa?.state.description ?? "none", equals: SAState.mature.description)
        ctx.expect("real kernel: GET reply errno (the SA is found)", kernel.getReply.message.errno, equals: 0)
        ctx.expect("real kernel: GET reply SA SPI", kernel.getReply.message.sa?.spi, equals: spi)
        ctx.expect("real kernel: GET reply SA state", kernel.getReply.message.sa?.state.description ?? "none", equals: SAState.mature.description)
        // IKEv2's negotiated algorithms (AES-CBC-256, HMAC-SHA-256) accepted by the real kernel.
        let name = "esp-hmac-sha256-aes-cbc-256"
        let ikev2Algorithms = try KernelEvidence.scenario(name, &ctx)
        let addReply = try KernelEvidence.first(.add, sent: false, in: ikev2Algorithms, scenario: name)
        let getReply = try KernelEvidence.first(.get, sent: false, in: ikev2Algorithms, after: addReply.index, scenario: name).decoded.message
        ctx.expect("real kernel: ADD of AES-CBC-256/HMAC-SHA-256 errno", addReply.decoded.message.errno, equals: 0)
        ctx.expect("real kernel: GET reply algorithms (sadb_sa_encrypt, sadb_sa_auth)", "\(getReply.sa?.encrypt ?? 0),\(getReply.sa?.auth ?? 0)", equals: "12,5")
        ctx.expect("real kernel: GET reply KEY_ENCRYPT bits", getReply.key(.encrypt)?.bits, equals: 256)
        ctx.note("Nothing in PF_KEY depends on the IKE version: the SA, address and key extensions carry IKEv2's negotiated algorithms and KEYMAT as they carried IKEv1's.")
    }

    static let acquireExpressesSPDEntry = Check(
        id: "seed.acquire-expresses-spd-entry",
        title: "SADB_ACQUIRE is how the SPD entry reaches the key manager (ACQUIRE -> X_POLICY id -> X_SPDGET -> selectors -> TSi/TSr)",
        topic: .pfkey, dialects: ["linux", "kame", "rfc2367"],
        claims: [
            .contradicts("draft-ietf-ipsecme-ikev2bis", section: "2.9", ikev1Sentence,
                         rationale: "The SPD entry reached the IKEv2 key manager through PF_KEY's SADB_ACQUIRE.",
                         clause: "although it only applies to IKEv1"),
            .supports("draft-ietf-ipsecme-ikev2bis", section: "2.9", protectSentence),
        ] + Claim.ikev2(.supports, section: "2.9", "These must be communicated to IKE from the SPD (for example, the PF_KEY API [PFKEY] uses the SADB_ACQUIRE message).")
          + Claim.ikev2(.supports, section: "2.9", protectSentence)
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        ctx.expect("ACQUIRE sent by the kernel (sadb_msg_pid)", flow.acquire.pid, equals: 0)
        ctx.expect("ACQUIRE names the policy the kernel created at X_SPDADD (X_POLICY id)", flow.trigger.policyID, equals: flow.policyID)
        ctx.expect("X_SPDGET asks for that id", flow.policyQuery.policy?.id, equals: flow.policyID)
        ctx.expect("X_SPDGET reply carries the policy's selectors", "\(flow.policyReply.address(.source)?.prefixLength ?? 0) \(flow.policyReply.address(.destination)?.prefixLength ?? 0)", equals: "24 24")
        ctx.expect("the SPD entry's selectors become TSi[1]/TSr[1]",
                   NarrowingChecks.show([flow.proposal.tsi[1], flow.proposal.tsr[1]]),
                   equals: NarrowingChecks.show([flow.spdEntry.selectorSets[0].localSelector, flow.spdEntry.selectorSets[0].remoteSelector]))
        ctx.expect("ACQUIRE ports (Linux)", "\(flow.acquire.address(.source)?.address.port ?? 99),\(flow.acquire.address(.destination)?.address.port ?? 99)", equals: "0,0")
        ctx.expect("RFC 2367 core dialect has an X_POLICY extension", Dialect.rfc2367.number(of: .policy) == nil ? "no" : "yes", equals: "no")
        // The same flow on the real Linux 6.1 af_key (KernelCaptures, recorded under UML).
        let kernel = try KernelEvidence.PolicyFlow(&ctx)
        let acquire = kernel.acquire.message
        let policyID = acquire.policy?.id
        ctx.hex("real kernel: SADB_ACQUIRE", kernel.acquire.bytes)
        ctx.hex("real kernel: X_SPDGET request", kernel.spdGet.bytes)
        ctx.hex("real kernel: X_SPDGET reply", kernel.spdGetReply.bytes)
        ctx.input("real kernel: ACQUIRE X_POLICY id", policyID.map(String.init) ?? "none")
        ctx.expect("real kernel: ACQUIRE sent by the kernel (sadb_msg_pid)", acquire.pid, equals: 0)
        ctx.expect("real kernel: ACQUIRE extensions", acquire.extensions.compactMap { $0.type?.name }, equals: ["ADDRESS_SRC", "ADDRESS_DST", "X_POLICY", "PROPOSAL"])
        ctx.expect("real kernel: ACQUIRE X_POLICY id", policyID.map(String.init) ?? "none", equals: "9")
        ctx.expect("real kernel: X_SPDGET asks for the ACQUIRE's X_POLICY id", kernel.spdGet.message.policy?.id, equals: policyID)
        ctx.expect("real kernel: X_SPDGET reply errno", kernel.spdGetReply.message.errno, equals: 0)
        ctx.expect("real kernel: X_SPDGET reply policy id", kernel.spdGetReply.message.policy?.id, equals: policyID)
        ctx.expect("real kernel: X_SPDGET reply selectors (source -> destination)", Self.selectors(kernel.spdGetReply.message), equals: "10.0.0.1/32 -> 10.0.0.2/32")
        ctx.expect("real kernel: ACQUIRE addresses equal those selectors", Self.selectors(acquire), equals: Self.selectors(kernel.spdGetReply.message))
        ctx.expect("real kernel: ACQUIRE ports (Linux)", KernelEvidence.ports(acquire), equals: "0,0")
        ctx.expectRejection("real kernel ACQUIRE under strict RFC 2367 core (X_POLICY unknown)", code: "unknownExtension") {
            _ = try Message(decoding: kernel.acquire.bytes, options: DecodingOptions(dialect: .rfc2367, direction: .kernel, unknownExtensions: .reject))
        }
        ctx.note("RFC 2367 core carries no policy: \"Security policy is deliberately omitted from this interface\" (section 1). The SPD entry is expressed only through the KAME/Linux X_POLICY extension, which in an ACQUIRE carries just the policy id; the selectors come from X_SPDGET.")
        ctx.note("Linux sends ports 0 in the ACQUIRE's address extensions where RFC 2367 2.3.3 asks for the session's ports, so the triggering packet's ports are lost to TSi[0]/TSr[0]. Seen on the real Linux 6.1 kernel (capture acquire-pfkey-policy-flow): ACQUIRE X_POLICY id \(policyID.map(String.init) ?? "none"), ports \(KernelEvidence.ports(acquire)).")
    }

    /// "address/prefix -> address/prefix" of a message's source and destination extensions.
    static func selectors(_ message: Message) -> String {
        func show(_ a: AddressExtension?) -> String { a.map { "\($0.address.address)/\($0.prefixLength)" } ?? "none" }
        return "\(show(message.address(.source))) -> \(show(message.address(.destination)))"
    }

    static let tsCommunicateSPD = Check(
        id: "seed.ts-carry-spd-selectors",
        title: "TS payloads carry the SPD entry's selectors to the peer and select the packets of the new SA",
        topic: .ts, dialects: ["rfc7296", "linux"],
        claims: [
            .supports("draft-ietf-ipsecme-ikev2bis", section: "2.9", "Traffic Selector (TS) payloads allow endpoints to communicate some of the information from their SPD to their peers."),
            .supports("draft-ietf-ipsecme-ikev2bis", section: "2.9", "TS payloads specify the selection criteria for packets that will be forwarded over the newly set up SA."),
            .supports("draft-ietf-ipsecme-ikev2bis", section: "2.9", "In others, it guides the dynamic update of the SPD.",
                      rationale: "The negotiated selectors were written back to the kernel's policy with X_SPDUPDATE."),
        ] + Claim.ikev2(.supports, section: "2.9", "In others, it guides the dynamic update of the SPD.") + Claim.ikev2(.supports, section: "2.9", "Traffic Selector (TS) payloads allow endpoints to communicate some of the information from their SPD to their peers.")
          + Claim.ikev2(.supports, section: "2.9", "TS payloads specify the selection criteria for packets that will be forwarded over the newly set up SA.")
          + [.supports("RFC 7296", section: "2.9", "TSi specifies the source address of traffic forwarded from (or the destination address of traffic forwarded to) the initiator of the Child SA pair.",
                       rationale: "The narrowed TSi selects the triggering packet's source, the initiator's 10.0.0.1, and not 10.0.0.200."),
             .supports("RFC 7296", section: "2.9", "TSr specifies the destination address of the traffic forwarded to (or the source address of the traffic forwarded from) the responder of the Child SA pair.",
                       rationale: "The narrowed TSr selects the packet's destination, the responder's 10.0.0.2.")]
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        let tsi = try TSPayload(kind: .initiator, flow.proposal.tsi).encode()
        let tsr = try TSPayload(kind: .responder, flow.proposal.tsr).encode()
        ctx.hex("TSi payload", tsi)
        ctx.hex("TSr payload", tsr)
        let back = try TSPayload.decode(tsi, kind: .initiator).addressSelectors
        ctx.expect("TSi on the wire carries the SPD entry's local selector", back.contains(flow.spdEntry.selectorSets[0].localSelector), equals: true)
        // The negotiated selectors select the packet that triggered the SA and not others.
        let (_, a) = try IPAddressText.parse(SeedFlow.local), (_, b) = try IPAddressText.parse(SeedFlow.peer), (_, c) = try IPAddressText.parse("10.0.0.200")
        let tsiSet = SelectorSet(flow.narrowed.tsi), tsrSet = SelectorSet(flow.narrowed.tsr)
        ctx.expect("triggering packet selected", tsiSet.contains(SelectorPoint(family: .ipv4, address: a, ipProtocol: 17, port: 40000)) && tsrSet.contains(SelectorPoint(family: .ipv4, address: b, ipProtocol: 17, port: 9)), equals: true)
        ctx.expect("packet from 10.0.0.200 (outside the narrowed TSi) not selected", tsiSet.contains(SelectorPoint(family: .ipv4, address: c, ipProtocol: 17, port: 40000)), equals: false)
        let spdUpdate = try SeedFlow.wire(&ctx, "X_SPDUPDATE narrowing the policy", flow.installer.policyUpdate(policyID: 1, sequence: 9), direction: .request)
        // The policy carries the whole narrowed traffic: TSi is {10.0.0.1, 10.0.0.0/25}, whose
        // union is the /25 (the triggering host alone was what the installer wrote before it
        // read the narrowing).
        ctx.expect("X_SPDUPDATE selectors (source -> destination)", Self.selectors(spdUpdate), equals: "10.0.0.0/25 -> 10.0.0.2/32")
    }
}
