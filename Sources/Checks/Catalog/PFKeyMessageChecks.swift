import PFKey
import PFKeyReference
import SPDBridge

/// RFC 2367 sections 1 and 3.1.x: what each message carries and how a key manager binds
/// its SADB_GETSPI/UPDATE/ADD to the kernel's SADB_ACQUIRE.
enum PFKeyMessageChecks {
    static var all: [Check] { [getSPISequence, addSequence, acquireSequenceBinding, acquireContents, policyOmitted, getSPIShape, deleteShape] }

    static let getSPISequence = Check(
        id: "pfkey.msg.getspi-acquire-seq", title: "A GETSPI answering a kernel ACQUIRE carries the ACQUIRE's sadb_msg_seq",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "3.1.1", "If the SADB_GETSPI message is in response to a kernel-generated SADB_ACQUIRE, the sadb_msg_seq MUST be the same as the SADB_ACQUIRE message.")]
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        ctx.expect("ACQUIRE sadb_msg_seq is set", flow.acquire.sequence != 0, expected: "non-zero", actual: "\(flow.acquire.sequence)")
        ctx.expect("GETSPI sadb_msg_seq", flow.getSPI.sequence, equals: flow.acquire.sequence)
        ctx.expect("reference kernel: GETSPI reply sadb_msg_seq", flow.getSPIReply.sequence, equals: flow.acquire.sequence)
    }

    static let addSequence = Check(
        id: "pfkey.msg.add-acquire-seq", title: "The ADD of the pair's second SA carries the ACQUIRE's sadb_msg_seq",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "3.1.3", "The sadb_msg_seq MUST be set to the value set in a kernel-generated SADB_ACQUIRE so that both associations in a pair are bound to the same ACQUIRE request.")]
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        ctx.expect("ADD sadb_msg_seq", flow.add.sequence, equals: flow.acquire.sequence)
        ctx.expect("UPDATE sadb_msg_seq", flow.update.sequence, equals: flow.acquire.sequence)
        ctx.expect("ADD state", flow.add.sa?.state.description ?? "none", equals: SAState.mature.description)
    }

    static let acquireSequenceBinding = Check(
        id: "pfkey.msg.acquire-from-kernel-binds", title: "A kernel ACQUIRE (pid 0) binds the key manager's GETSPI, UPDATE and ADD by its sequence number",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "3.1.6", "If the message originates from the kernel (i.e. the sadb_msg_pid is 0), the sadb_msg_seq number MUST be used by a subsequent SADB_GETSPI and SADB_UPDATE, or subsequent SADB_ADD message to bind a security association to the request.")]
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        ctx.expect("ACQUIRE sadb_msg_pid", flow.acquire.pid, equals: 0)
        let s = flow.acquire.sequence
        ctx.expect("sequences of GETSPI, UPDATE, ADD", [flow.getSPI.sequence, flow.update.sequence, flow.add.sequence], equals: [s, s, s])
        let kernel = try KernelEvidence.PolicyFlow(&ctx)
        ctx.hex("real kernel: SADB_ACQUIRE", kernel.acquire.bytes)
        ctx.expect("real kernel: ACQUIRE sadb_msg_pid", kernel.acquire.message.pid, equals: 0)
        ctx.expect("real kernel: ACQUIRE sadb_msg_seq is set", kernel.acquire.message.sequence != 0, expected: "non-zero", actual: "\(kernel.acquire.message.sequence)")
    }

    static let acquireContents = Check(
        id: "pfkey.msg.acquire-contents", title: "SADB_ACQUIRE carries addresses and a proposal; Linux adds X_POLICY and sends ports 0",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "3.1.6", "The SADB_ACQUIRE message is a base header along with an address extension, possibly an identity extension, and a proposal extension.")]
    ) { ctx in
        let captured = try KernelEvidence.ipXfrmAcquire(&ctx)
        let decoded = captured.message
        ctx.hex("real kernel: SADB_ACQUIRE (acquire-ip-xfrm-policy)", captured.bytes)
        ctx.expect("length", captured.bytes.count, equals: 1528)
        ctx.expect("sadb_msg_pid (from the kernel)", decoded.pid, equals: 0)
        ctx.expect("extensions", decoded.extensions.compactMap { $0.type?.name }, equals: ["ADDRESS_SRC", "ADDRESS_DST", "X_POLICY", "PROPOSAL"])
        ctx.expect("proposal combinations", decoded.proposal?.combinations.count, equals: 20)
        ctx.expect("X_POLICY carries only the id (no ipsecrequests)", decoded.policy?.requests.count, equals: 0)
        ctx.expect("X_POLICY id is set", (decoded.policy?.id ?? 0) != 0, expected: "non-zero", actual: decoded.policy.map { String($0.id) } ?? "none")
        ctx.expect("address ports (Linux)", KernelEvidence.ports(decoded), equals: "0,0")
        ctx.note("Decoded from the real Linux 6.1 af_key (capture acquire-ip-xfrm-policy). X_POLICY is a KAME/Linux extension, not RFC 2367's; Linux puts ports 0 in the addresses.")
    }

    static let policyOmitted = Check(
        id: "pfkey.msg.policy-omitted-from-core", title: "Core RFC 2367 has no policy extension; KAME and Linux add X_POLICY",
        topic: .pfkey, dialects: ["rfc2367", "linux", "kame"],
        claims: [.supports("RFC 2367", section: "1", "Security policy is deliberately omitted from this interface. PF_KEY is not a mechanism for tuning systemwide security policy, nor is it intended to enforce any sort of key management policy.")]
    ) { ctx in
        ctx.expect("rfc2367: number of X_POLICY", Dialect.rfc2367.number(of: .policy).map(String.init) ?? "none", equals: "none")
        ctx.expect("linux: number of X_POLICY", Dialect.linux.number(of: .policy).map(String.init) ?? "none", equals: "18")
        ctx.expect("kame: number of X_POLICY", Dialect.kame.number(of: .policy).map(String.init) ?? "none", equals: "18")
        ctx.expect("rfc2367: X_SPDGET message", Dialect.rfc2367.number(of: .spdGet).map(String.init) ?? "none", equals: "none")
        let captured = try KernelEvidence.ipXfrmAcquire(&ctx)
        ctx.expect("real kernel ACQUIRE carries X_POLICY (linux)", captured.message.policy != nil, equals: true)
        ctx.expectRejection("real kernel ACQUIRE under strict RFC 2367 core", code: "unknownExtension") {
            _ = try Message(decoding: captured.bytes, options: DecodingOptions(dialect: .rfc2367, direction: .kernel, unknownExtensions: .reject))
        }
    }

    static let getSPIShape = Check(
        id: "pfkey.msg.getspi-shape", title: "GETSPI requests carry source and destination addresses; the reply names the SA by SPI",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "3.1.1", "The SADB_GETSPI message allows a process to obtain a unique SPI value for given security association type, source address, and destination address.")]
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        ctx.expect("GETSPI request extensions", flow.getSPI.extensions.compactMap { $0.type?.name }, equals: ["ADDRESS_SRC", "ADDRESS_DST", "SPIRANGE"])
        var bare = flow.getSPI
        bare.extensions.removeAll { $0.type == .addressDestination || $0.type == .addressSource }
        let bytes = try bare.encode()
        ctx.hex("GETSPI without addresses", bytes)
        ctx.expectRejection("GETSPI without addresses", code: "missingExtension") { _ = try PFKeyWire.decode(bytes) }
    }

    static let deleteShape = Check(
        id: "pfkey.msg.delete-shape", title: "DELETE carries the SA and both addresses, and the kernel then no longer has the SA",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "3.1.4", "The SADB_DELETE message causes the kernel to delete a Security Association from the key table.")]
    ) { ctx in
        let add = PFKeyWire.addRequest()
        var delete = add
        delete.type = .delete
        delete.sequence = 5
        delete.extensions.removeAll { $0.type == .keyAuth || $0.type == .keyEncrypt }
        let ok = try delete.encode()
        ctx.hex("DELETE request", ok)
        ctx.expect("accepted", try PFKeyWire.decode(ok).sa?.spi, equals: 0x1234)
        var noSA = delete
        noSA.extensions.removeAll { $0.type == .sa }
        let bytes = try noSA.encode()
        ctx.hex("DELETE without SA", bytes)
        ctx.expectRejection("DELETE without the association", code: "missingExtension") { _ = try PFKeyWire.decode(bytes) }

        // What the claim says: the kernel deletes the association. The reference kernel
        // (Linux dialect) holds the SA after ADD, finds it with GET, deletes it on DELETE,
        // and then answers GET with ESRCH.
        var kernel = ReferenceKernel(dialect: .linux)
        var get = delete
        get.type = .get
        get.sequence = 4
        _ = try SeedFlow.exchange(&ctx, &kernel, "SADB_ADD", add)
        let found = try SeedFlow.exchange(&ctx, &kernel, "SADB_GET before DELETE", get).reply
        ctx.expect("GET before DELETE finds SPI", found.sa?.spi, equals: 0x1234)
        _ = try SeedFlow.exchange(&ctx, &kernel, "SADB_DELETE", delete)
        get.sequence = 6
        guard let after = kernel.handle(bytes: try get.encode(dialect: .linux)).first else {
            throw CheckError(.setupFailed, "SADB_GET after DELETE: the kernel sent no reply")
        }
        ctx.hex("SADB_GET after DELETE reply", after)
        let reply = try Message(decoding: after, options: DecodingOptions(dialect: .linux, direction: .kernel))
        ctx.expect("GET after DELETE: errno (ESRCH)", reply.errno, equals: ReferenceKernel.Errno.ESRCH)
    }
}
