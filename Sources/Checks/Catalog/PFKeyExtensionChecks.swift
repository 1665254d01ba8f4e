import PFKey
import PFKeyReference

/// RFC 2367 section 2.3 and its subsections: what makes an extension valid, run on the
/// PF_KEY codec's strict decoder (validation rules 3-12 of PFKeyError.Code).
enum PFKeyExtensionChecks {
    static var all: [Check] { [duplicate, unknownIgnored, headerData, addressPair, portsZero, portNeedsProtocol, keyBitsZero, spiRange, combinationBits, nullEncryptionBits, proposedLifetimes, allImplemented] }

    static let duplicate = Check(
        id: "pfkey.ext.duplicate-rejected", title: "A second extension of the same type is rejected (EINVAL)",
        topic: .pfkey, dialects: ["rfc2367", "linux", "kame"],
        claims: [.supports("RFC 2367", section: "2.3", "There MUST be only one instance of a extension type in a message.")]
    ) { ctx in
        for dialect in [Dialect.rfc2367, .linux, .kame] {
            let valid = try PFKeyWire.addRequest().encode(dialect: dialect)
            let bad = PFKeyWire.appending(PFKeyWire.firstExtension(of: valid), to: valid)
            if dialect == .linux { ctx.hex("ADD with the SA extension twice", bad) }
            ctx.expectRejection("\(dialect): duplicate SA extension", code: "duplicateExtension") {
                _ = try Message(decoding: bad, options: DecodingOptions(dialect: dialect, direction: .request))
            }
        }
    }

    static let unknownIgnored = Check(
        id: "pfkey.ext.unknown-ignored", title: "An unknown extension type is ignored (and rejected only when asked to be strict)",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3", "If an unknown extension type is encountered, it MUST be ignored.")]
    ) { ctx in
        let valid = try PFKeyWire.addRequest().encode(dialect: .rfc2367)
        // Type 200 is unassigned in every dialect: 8 bytes, sadb_ext_len 1.
        let bytes = PFKeyWire.appending([1, 0, 200, 0, 0, 0, 0, 0], to: valid)
        ctx.hex("ADD with an extension of type 200", bytes)
        let decoded = try Message(decoding: bytes, options: DecodingOptions(dialect: .rfc2367, direction: .request, unknownExtensions: .ignore))
        ctx.expect("decoded SA SPI", decoded.sa?.spi, equals: 0x1234)
        ctx.expectRejection("with the strict option", code: "unknownExtension") {
            _ = try Message(decoding: bytes, options: DecodingOptions(dialect: .rfc2367, direction: .request, unknownExtensions: .reject))
        }
    }

    static let headerData = Check(
        id: "pfkey.ext.header-needs-data", title: "An extension header with no data after it (sadb_ext_len 0) is rejected",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3", "The sadb_ext header MUST NOT ever be present in a message without at least four bytes of extension header data following it, and, therefore, there is no problem with it being only four bytes long.")]
    ) { ctx in
        let valid = try PFKeyWire.addRequest().encode(dialect: .linux)
        let bytes = PFKeyWire.appending([0, 0, 13, 0, 0, 0, 0, 0], to: valid)
        ctx.hex("ADD with a PROPOSAL header of length 0", bytes)
        ctx.expectRejection("sadb_ext_len 0", code: "extensionTooShortForHeader") { _ = try PFKeyWire.decode(bytes) }
    }

    static let addressPair = Check(
        id: "pfkey.ext.address-pair", title: "SRC and DST come together and in one family",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3.3", "The SRC and DST addresses for a security association MUST be in the same protocol family and MUST always be present or absent together in a message.")]
    ) { ctx in
        let mixed = try PFKeyWire.addRequest(destination: SocketAddress(IPAddress("2001:db8::2")!)).encode(dialect: .linux)
        ctx.hex("ADD with an IPv4 SRC and an IPv6 DST", mixed)
        ctx.expectRejection("families differ", code: "addressFamilyMismatch") { _ = try PFKeyWire.decode(mixed) }
        var lone = PFKeyWire.addRequest()
        lone.extensions.removeAll { $0.type == .addressDestination }
        // A DELETE names its SA by SA(*) and address(SD); without DST it is incomplete.
        lone.type = .delete
        let loneBytes = try lone.encode(dialect: .linux)
        ctx.hex("DELETE with SRC and no DST", loneBytes)
        ctx.expectRejection("SRC without DST", code: "addressPairIncomplete") { _ = try Message(decoding: loneBytes, options: DecodingOptions(dialect: .linux)) }
    }

    static let portsZero = Check(
        id: "pfkey.ext.ports-zero-except-acquire", title: "Ports are zero except in a kernel SADB_ACQUIRE, where RFC 2367 asks for the session's ports",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3.3", "The zeroing of ports (e.g. sin_port and sin6_port) MUST be done for all messages except for originating SADB_ACQUIRE messages, which SHOULD fill them in with ports from the relevant TCP or UDP session which generates the ACQUIRE message.")]
    ) { ctx in
        let withPort = try PFKeyWire.addRequest(source: SocketAddress(PFKeyWire.local, port: 500), sourceProto: 17).encode(dialect: .rfc2367)
        ctx.hex("ADD with source port 500", withPort)
        ctx.expectRejection("a port in an ADD", code: "portNotZero") { _ = try Message(decoding: withPort, options: DecodingOptions(dialect: .rfc2367, direction: .request)) }
        // An RFC 2367 kernel ACQUIRE with the UDP session's ports.
        let acquire = Message(.acquire, saType: .esp, sequence: 7, pid: 0, extensions: [
            .address(AddressExtension(.source, SocketAddress(PFKeyWire.local, port: 40000), proto: 17, prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(PFKeyWire.peer, port: 9), proto: 17, prefixLength: 32)),
            .proposal(ProposalExtension(replay: 32, combinations: [.init(auth: 5, encrypt: 12, authMinBits: 256, authMaxBits: 256, encryptMinBits: 128, encryptMaxBits: 256)])),
        ])
        let bytes = try acquire.encode(dialect: .rfc2367)
        ctx.hex("RFC 2367 kernel ACQUIRE with ports 40000 -> 9", bytes)
        let decoded = try Message(decoding: bytes, options: DecodingOptions(dialect: .rfc2367, direction: .kernel))
        ctx.expect("ACQUIRE ports accepted", "\(decoded.address(.source)?.address.port ?? 0),\(decoded.address(.destination)?.address.port ?? 0)", equals: "40000,9")
        let linux = try KernelEvidence.PolicyFlow(&ctx).acquire
        ctx.hex("real kernel: SADB_ACQUIRE (acquire-pfkey-policy-flow)", linux.bytes)
        ctx.expect("Linux kernel ACQUIRE ports (the deviation)", KernelEvidence.ports(linux.message), equals: "0,0")
        ctx.note("Linux's af_key sends ports 0 in SADB_ACQUIRE (real Linux 6.1 capture acquire-pfkey-policy-flow); the RFC's SHOULD is not followed there.")
    }

    static let portNeedsProtocol = Check(
        id: "pfkey.ext.port-needs-protocol", title: "A non-zero port needs sadb_address_proto",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3.3", "If the ports are non-zero, then the sadb_address_proto field, normally zero, MUST be filled in with the transport protocol's number.")]
    ) { ctx in
        let acquire = Message(.acquire, saType: .esp, sequence: 7, pid: 0, extensions: [
            .address(AddressExtension(.source, SocketAddress(PFKeyWire.local, port: 40000), proto: 0, prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(PFKeyWire.peer, port: 9), proto: 0, prefixLength: 32)),
            .proposal(ProposalExtension(replay: 32)),
        ])
        let bytes = try acquire.encode(dialect: .rfc2367)
        ctx.hex("kernel ACQUIRE with ports and proto 0", bytes)
        ctx.expectRejection("ports without a protocol", code: "portWithoutProtocol") { _ = try Message(decoding: bytes, options: DecodingOptions(dialect: .rfc2367, direction: .kernel)) }
    }

    static let keyBitsZero = Check(
        id: "pfkey.ext.key-bits-zero", title: "A key extension with sadb_key_bits 0 is an error",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3.4", "A value of zero in sadb_key_bits MUST cause an error.")]
    ) { ctx in
        let bytes = try PFKeyWire.addRequest(keyBits: 0).encode(dialect: .linux)
        ctx.hex("ADD with KEY_ENCRYPT bits 0", bytes)
        ctx.expectRejection("sadb_key_bits 0", code: "keyBitsZero") { _ = try PFKeyWire.decode(bytes) }
    }

    static let spiRange = Check(
        id: "pfkey.ext.spirange-ordered", title: "An SPI range whose maximum is below its minimum is rejected",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [.supports("RFC 2367", section: "2.3.9", "The maximum MUST be greater than or equal to the minimum.")]
    ) { ctx in
        let ok = Message(.getSPI, saType: .esp, sequence: 7, pid: 4242, extensions: [
            .address(AddressExtension(.source, SocketAddress(PFKeyWire.peer), prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(PFKeyWire.local), prefixLength: 32)),
            .spiRange(SPIRangeExtension(min: 0x100, max: 0x100)),
        ])
        ctx.expect("single SPI (min == max) accepted", try PFKeyWire.decode(try ok.encode()).spiRange?.min, equals: 0x100)
        var bad = ok
        bad.extensions[2] = .spiRange(SPIRangeExtension(min: 0x200, max: 0x100))
        let bytes = try bad.encode()
        ctx.hex("GETSPI with SPI range 0x200-0x100", bytes)
        ctx.expectRejection("max < min", code: "spiRangeInverted") { _ = try PFKeyWire.decode(bytes) }
    }

    /// The byte offset of combination `index` of the PROPOSAL extension in a message.
    static func combinationOffset(_ index: Int, in decoded: KernelEvidence.Decoded) throws -> Int {
        guard let proposal = PFKeyWire.extensionOffset(number: 13, in: decoded.bytes),
              proposal + 8 + 72 * (index + 1) <= decoded.bytes.count else {
            throw CheckError(.captureMissing, "the captured message has no PROPOSAL combination \(index)")
        }
        return proposal + 8 + 72 * index
    }

    static let combinationBits = Check(
        id: "pfkey.ext.comb-bits", title: "A proposal's combination with algorithm 0 has no key bits; the real kernel proposes every authentication algorithm with bits",
        topic: .pfkey, dialects: ["rfc2367", "linux"],
        claims: [
            .supports("RFC 2367", section: "2.3.7", "If sadb_comb_auth is zero, both of these values MUST be zero.",
                      rationale: "Linux 6.1's ACQUIRE with its first combination's sadb_comb_auth set to 0 (its bits left 128-128) is refused with combBitsInconsistent; with the bits zeroed too it decodes."),
            .supports("RFC 2367", section: "2.3.7", "If sadb_comb_encrypt is zero, both of these values MUST be zero.",
                      rationale: "The same ACQUIRE with a DES combination's sadb_comb_encrypt set to 0 (its bits left 64-64) is refused with combBitsInconsistent; with the bits zeroed too it decodes."),
            .supports("RFC 2367", section: "2.3.7", "If sadb_comb_auth is nonzero, both of these values MUST be nonzero.",
                      rationale: "Each of the 20 combinations Linux 6.1 proposed names an authentication algorithm (HMAC-MD5 to HMAC-SHA2-512) with nonzero bits, 128 to 512."),
            .supports("RFC 2367", section: "2.3.7", "The minimum MUST NOT be greater than the maximum.",
                      rationale: "Linux 6.1's AES-CBC combinations propose 128-256 bits; the same ACQUIRE with one of them set to 512-256 is refused with combMinimumExceedsMaximum."),
        ]
    ) { ctx in
        let captured = try KernelEvidence.ipXfrmAcquire(&ctx)
        let combinations = captured.message.proposal?.combinations ?? []
        ctx.expect("real kernel: combinations proposed", combinations.count, equals: 20)
        ctx.expect("real kernel: sadb_comb_auth and its bits (min-max)", Set(combinations.map { "\($0.auth):\($0.authMinBits)-\($0.authMaxBits)" }).sorted().joined(separator: " "),
                   equals: "2:128-128 3:160-160 5:256-256 6:384-384 7:512-512")
        // The kernel's own bytes with one algorithm zeroed, its bits left: the codec judges them.
        for (label, index, field, bits, unchanged) in [("sadb_comb_auth", 0, 0, 4, 128), ("sadb_comb_encrypt", 5, 1, 8, 64)] {
            let at = try combinationOffset(index, in: captured)
            var zeroed = captured.bytes
            zeroed[at + field] = 0
            ctx.hex("real kernel ACQUIRE, combination \(index) with \(label) 0", Array(zeroed[at..<(at + 16)]))
            ctx.expectRejection("\(label) 0 with bits \(unchanged)-\(unchanged)", code: "combBitsInconsistent") {
                _ = try Message(decoding: zeroed, options: KernelEvidence.options(sent: false))
            }
            for k in (at + bits)..<(at + bits + 4) { zeroed[k] = 0 }
            let decoded = try Message(decoding: zeroed, options: KernelEvidence.options(sent: false)).proposal?.combinations[index]
            ctx.expect("\(label) 0 with bits 0-0: decoded algorithm and bits", decoded.map { field == 0 ? "\($0.auth) \($0.authMinBits)-\($0.authMaxBits)" : "\($0.encrypt) \($0.encryptMinBits)-\($0.encryptMaxBits)" },
                       equals: "0 0-0")
        }
        // An AES-CBC combination (128-256) with its minimum raised over its maximum.
        let aes = try combinationOffset(15, in: captured)
        ctx.expect("real kernel: combination 15's sadb_comb_encrypt and bits", combinations.count > 15 ? "\(combinations[15].encrypt) \(combinations[15].encryptMinBits)-\(combinations[15].encryptMaxBits)" : "none",
                   equals: "12 128-256")
        var inverted = captured.bytes
        inverted[aes + 8] = 0x00
        inverted[aes + 9] = 0x02
        ctx.hex("real kernel ACQUIRE, combination 15 with encrypt bits 512-256", Array(inverted[aes..<(aes + 16)]))
        ctx.expectRejection("encrypt minimum 512 over maximum 256", code: "combMinimumExceedsMaximum") {
            _ = try Message(decoding: inverted, options: KernelEvidence.options(sent: false))
        }
    }

    static let nullEncryptionBits = Check(
        id: "pfkey.ext.comb-null-encryption", title: "Real kernel: SADB_EALG_NULL is proposed with encryption bits 0-0, as a cipher with no key must be",
        topic: .pfkey, dialects: ["linux", "rfc2367"],
        claims: [
            .contradicts("RFC 2367", section: "2.3.7", "If sadb_comb_encrypt is nonzero, both of these values MUST be nonzero.",
                         rationale: "Linux 6.1 proposes SADB_EALG_NULL (11), which RFC 2367 defines and RFC 2410 gives no key, in five combinations with sadb_comb_encrypt_minbits = maxbits = 0: a nonzero algorithm whose bits cannot be nonzero.",
                         clause: "both of these values MUST be nonzero"),
        ]
    ) { ctx in
        let captured = try KernelEvidence.ipXfrmAcquire(&ctx)
        ctx.hex("real kernel: SADB_ACQUIRE (acquire-ip-xfrm-policy)", captured.bytes)
        let null = (captured.message.proposal?.combinations ?? []).filter { $0.encrypt == 11 }
        ctx.expect("real kernel: combinations with sadb_comb_encrypt SADB_EALG_NULL (11)", null.count, equals: 5)
        ctx.expect("real kernel: their sadb_comb_encrypt bits (min-max)", Set(null.map { "\($0.encryptMinBits)-\($0.encryptMaxBits)" }).sorted().joined(separator: " "), equals: "0-0")
        ctx.note("RFC 2367 3.5 defines SADB_EALG_NULL, the NULL encryption of RFC 2410, which has no key: its combinations cannot have nonzero bits. The codec accepts them (ProposalExtension.check enforces only algorithm 0 => bits 0 and minimum <= maximum).")
    }

    static let proposedLifetimes = Check(
        id: "pfkey.ext.comb-lifetimes", title: "Real kernel: each combination proposes a soft and a hard add time and use time, the soft one first and shorter",
        topic: .pfkey, dialects: ["linux"],
        claims: [
            .supports("RFC 2367", section: "2.3.7", "If this combination is accepted, these are proposed values of sadb_lifetime_addtime in the SOFT and HARD lifetimes, respectively.",
                      rationale: "Every combination of Linux 6.1's 20 proposes sadb_comb_soft_addtime 72000 and sadb_comb_hard_addtime 86400 seconds: a soft lifetime, then a longer hard one."),
            .supports("RFC 2367", section: "2.3.7", "If this combination is accepted, these are proposed values of sadb_lifetime_usetime in the SOFT and HARD lifetimes, respectively.",
                      rationale: "Every combination proposes sadb_comb_soft_usetime 25200 and sadb_comb_hard_usetime 28800 seconds, the soft one first and shorter."),
        ]
    ) { ctx in
        let captured = try KernelEvidence.ipXfrmAcquire(&ctx)
        let combinations = captured.message.proposal?.combinations ?? []
        ctx.hex("real kernel: first combination", Array(captured.bytes[try combinationOffset(0, in: captured)...].prefix(72)))
        func pairs(_ soft: (ProposalExtension.Combination) -> UInt64, _ hard: (ProposalExtension.Combination) -> UInt64) -> String {
            Set(combinations.map { "\(soft($0))/\(hard($0))" }).sorted().joined(separator: " ")
        }
        ctx.expect("real kernel: combinations", combinations.count, equals: 20)
        ctx.expect("real kernel: soft/hard addtime in every combination", pairs(\.softAddTime, \.hardAddTime), equals: "72000/86400")
        ctx.expect("real kernel: soft/hard usetime in every combination", pairs(\.softUseTime, \.hardUseTime), equals: "25200/28800")
        ctx.note("Linux 6.1 proposes no allocation or byte limits (both 0, no limit), so those two statements are exempt: nothing tells their soft value from their hard one.")
    }

    static let allImplemented = Check(
        id: "pfkey.ext.all-implemented", title: "The rfc2367 dialect knows extension types 1-16; SA, lifetimes, addresses and keys round-trip",
        topic: .pfkey, dialects: ["rfc2367"],
        claims: [.supports("RFC 2367", section: "2.3", "All extensions documented in this section MUST be implemented by a PF_KEY implementation.")]
    ) { ctx in
        var numbers: [UInt16] = []
        for type in ExtensionType.allCases {
            if let n = Dialect.rfc2367.number(of: type), n >= 1, n <= 16 { numbers.append(n) }
        }
        ctx.expect("extension numbers known to the rfc2367 dialect", numbers.sorted(), equals: Array(1...16))
        // One UPDATE carrying every family but the request-only SPI range (spiRange covers that).
        let m = Message(.update, saType: .esp, sequence: 1, pid: 1, extensions: [
            .sa(SAExtension(spi: 1, state: .mature, auth: 3, encrypt: 3)),
            .lifetime(LifetimeExtension(.current)), .lifetime(LifetimeExtension(.hard)), .lifetime(LifetimeExtension(.soft)),
            .address(AddressExtension(.source, SocketAddress(PFKeyWire.local), prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(PFKeyWire.peer), prefixLength: 32)),
            .address(AddressExtension(.proxy, SocketAddress(PFKeyWire.local), prefixLength: 32)),
            .key(KeyExtension(.auth, key: Array(repeating: 1, count: 20))), .key(KeyExtension(.encrypt, key: Array(repeating: 2, count: 24))),
        ])
        let bytes = try m.encode(dialect: .rfc2367)
        ctx.hex("UPDATE with SA, three lifetimes, three addresses and both keys", bytes)
        ctx.expect("round trip", try Message(decoding: bytes, options: DecodingOptions(dialect: .rfc2367)), equals: m)
    }
}
