import Testing
@testable import PFKey
import PFKeyReference

/// What RFC 2367 says the kernel must refuse, byte for byte: the rfc2367 dialect answers with
/// the RFC's errno, the linux dialect with what Linux 6.1 did (KernelCaptures, af_key.c).
@Suite struct RFC2367RefusalTests {
    /// The ADD the real kernel was sent in the captured differential: ESP, seq 1, pid 4242,
    /// SA spi 0x7777 replay 32 state MATURE auth 3 encrypt 12, 10.0.0.1 -> 10.0.0.2,
    /// a 160-bit auth key and a 128-bit encrypt key; 136 bytes, sadb_msg_len 17.
    static let add = MessageText.bytes(hex: """
        02030003 11000000 01000000 92100000
        02000100 00007777 2001030c 00000000
        03000500 00200000 02000000 0a000001 00000000 00000000
        03000600 00200000 02000000 0a000002 00000000 00000000
        04000800 a0000000 11121314 15161718 191a1b1c 1d1e1f20 21222324 00000000
        03000900 80000000 51525354 55565758 595a5b5c 5d5e5f60
        """)!

    /// The 16-byte error reply to `add` (type ADD, satype `satype`, seq 1, pid 4242).
    static func errorReply(_ errno: UInt8, type: UInt8 = 3, satype: UInt8 = 3) -> [UInt8] {
        [2, type, errno, satype, 2, 0, 0, 0, 1, 0, 0, 0, 0x92, 0x10, 0, 0]
    }

    static func add(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var b = add
        change(&b)
        return b
    }

    /// The ADD as an UPDATE (byte 1 = 2) with `change` applied.
    static func update(_ change: (inout [UInt8]) -> Void = { _ in }) -> [UInt8] {
        add { $0[1] = 2; change(&$0) }
    }

    @Test func theBaseAddIsAcceptedByBothDialects() throws {
        for dialect in [Dialect.rfc2367, .linux] {
            var k = ReferenceKernel(dialect: dialect)
            let r = k.handle(bytes: Self.add)
            #expect(r.count == 1)
            #expect(r.first?[2] == 0)
            #expect(k.sas.map(\.sa.spi) == [0x7777])
        }
    }

    /// RFC 2367 3.1.3: "the sadb_sa_state field of all submitted SAs MUST be
    /// SADB_SASTATE_MATURE and the kernel MUST return an error if this is not true."
    /// Linux ignores the field (KAME setkey sends LARVAL); the capture shows an ADD with
    /// state 3 (DEAD) accepted.
    @Test func addWithAStateOtherThanMatureIsEINVALInRFC2367Only() throws {
        for state: UInt8 in [0, 2, 3] {
            let bytes = Self.add { $0[25] = state }
            var rfc = ReferenceKernel(dialect: .rfc2367)
            #expect(rfc.handle(bytes: bytes) == [Self.errorReply(22)])
            #expect(rfc.sas.isEmpty)
            var linux = ReferenceKernel(dialect: .linux)
            #expect(linux.handle(bytes: bytes).map { $0[2] } == [0])
            #expect(linux.sas.map(\.sa.state) == [.mature])
        }
    }

    /// RFC 2367 3.4: SADB_SATYPE_UNSPEC "is never used with PF_KEY SAs"; SADB_SATYPE_MAX (8)
    /// "is always set to the highest valid numeric value". Linux pfkey_satype2proto: EINVAL
    /// for anything but UNSPEC, AH, ESP, IPCOMP (captured: satype 11 -> errno 22).
    @Test func addWithAnSATypeTheDialectDoesNotDefineIsEINVAL() throws {
        for satype: UInt8 in [0, 1, 4, 9, 10, 11] {
            var rfc = ReferenceKernel(dialect: .rfc2367)
            #expect(rfc.handle(bytes: Self.add { $0[3] = satype }) == [Self.errorReply(22, satype: satype)])
            #expect(rfc.sas.isEmpty)
        }
        for satype: UInt8 in [1, 4, 10, 11] {
            var linux = ReferenceKernel(dialect: .linux)
            #expect(linux.handle(bytes: Self.add { $0[3] = satype }) == [Self.errorReply(22, satype: satype)])
        }
        // GETSPI with satype 10: the same refusal.
        let getSPI = MessageText.bytes(hex: """
            0201000a 0a000000 01000000 92100000
            03000500 00200000 02000000 0a000001 00000000 00000000
            03000600 00200000 02000000 0a000002 00000000 00000000
            02001000 00010000 00020000 00000000
            """)!
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(bytes: getSPI) == [Self.errorReply(22, type: 1, satype: 10)])
        #expect(rfc.sas.isEmpty)
    }

    /// RFC 2367 2.3.1: "The kernel MUST check these values where appropriate. For example,
    /// IPsec AH with no authentication algorithm is probably an error." Linux answers an
    /// algorithm id it does not have with ENOSYS (captured: encrypt 4, add/bitflip-27-3).
    @Test func algorithmsAreChecked() throws {
        let encrypt4 = Self.add { $0[27] = 4 }
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(bytes: encrypt4) == [Self.errorReply(22)])
        #expect(rfc.handle(bytes: Self.add { $0[26] = 4 }) == [Self.errorReply(22)])
        var linux = ReferenceKernel(dialect: .linux)
        #expect(linux.handle(bytes: encrypt4) == [Self.errorReply(38)])
        #expect(linux.handle(bytes: Self.add { $0[27] = 254 }) == [Self.errorReply(22)])
        #expect(linux.sas.isEmpty && rfc.sas.isEmpty)
        // AH (satype 2) with sadb_sa_auth 0 and encrypt 0: EINVAL in both; with auth 3, accepted.
        for dialect in [Dialect.rfc2367, .linux] {
            var k = ReferenceKernel(dialect: dialect)
            #expect(k.handle(bytes: Self.add { $0[3] = 2; $0[26] = 0; $0[27] = 0 }) == [Self.errorReply(22, satype: 2)])
            #expect(k.handle(bytes: Self.add { $0[3] = 2; $0[27] = 0 }).map { $0[2] } == [0])
        }
    }

    /// RFC 2367 3.1.2 "key length checking" and 2.3.4: 3DES's keys travel concatenated in one
    /// KEY_ENCRYPT of 192 bits; a single 64-bit DES key for 3DES is EINVAL (rfc2367 dialect).
    @Test func keyLengthsAreCheckedAgainstTheAlgorithm() throws {
        // encrypt 3 (3DES-CBC); KEY_ENCRYPT 4 words, 192 bits: three DES keys.
        let tripleDES = MessageText.bytes(hex: """
            02030003 12000000 01000000 92100000
            02000100 00007777 20010303 00000000
            03000500 00200000 02000000 0a000001 00000000 00000000
            03000600 00200000 02000000 0a000002 00000000 00000000
            04000800 a0000000 11121314 15161718 191a1b1c 1d1e1f20 21222324 00000000
            04000900 c0000000 01020408 10204080 10204080 01020408 80402010 08040201
            """)!
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(bytes: tripleDES).map { $0[2] } == [0])
        #expect(rfc.sas.first?.encryptKey?.bits == 192)
        // The first DES key alone (sadb_key_bits 64, the extension cut to 2 words).
        var single = Array(tripleDES.prefix(0x78 + 8))
        single[4] = 0x10
        single[0x70] = 2
        single[0x74] = 64
        single[0x75] = 0
        var rfc2 = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc2.handle(bytes: single) == [Self.errorReply(22)])
        // An auth key of 128 bits for HMAC-SHA1 (160): EINVAL too; Linux leaves key lengths to the cipher.
        let shortAuth = Self.add { $0[0x54] = 128 }
        var rfc3 = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc3.handle(bytes: shortAuth) == [Self.errorReply(22)])
        var linux = ReferenceKernel(dialect: .linux)
        #expect(linux.handle(bytes: single).map { $0[2] } == [0])
    }

    /// RFC 2367 3.1.7: "Key management applications MAY register for a type not known to
    /// the kernel, because the consumer may be in user-space (e.g. OSPFv2 security)."
    /// Linux pfkey_register too: EINVAL only above its SADB_SATYPE_MAX (9).
    @Test func registerForATypeTheKernelDoesNotImplement() throws {
        let ospf: [UInt8] = [2, 7, 0, 6, 2, 0, 0, 0, 1, 0, 0, 0, 0x92, 0x10, 0, 0]
        var rfc = ReferenceKernel(dialect: .rfc2367)
        // Answered with the base header alone: the kernel has no OSPFv2 algorithms.
        #expect(rfc.handle(bytes: ospf) == [ospf])
        #expect(rfc.registered == [6])
        var linux = ReferenceKernel(dialect: .linux)
        let reply = try #require(linux.handle(bytes: ospf).first)
        #expect(Array(reply.prefix(4)) == [2, 7, 0, 6])
        #expect(reply.count == 112)
        #expect(linux.registered == [6])
        // Above SADB_SATYPE_MAX: EINVAL (rfc2367 8, Linux 9).
        var over = ospf
        over[3] = 9
        #expect(rfc.handle(bytes: over) == [Self.errorReply(22, type: 7, satype: 9)])
        #expect(linux.handle(bytes: over).first?[2] == 0)
        over[3] = 10
        #expect(linux.handle(bytes: over) == [Self.errorReply(22, type: 7, satype: 10)])
        #expect(rfc.registered == [6] && linux.registered == [6, 9])
        // UNSPEC: no SA type in RFC 2367 (EINVAL); Linux answers it and registers nothing.
        over[3] = 0
        #expect(rfc.handle(bytes: over) == [Self.errorReply(22, type: 7, satype: 0)])
        #expect(linux.handle(bytes: over).first?[2] == 0)
        #expect(linux.registered == [6, 9])
    }

    /// RFC 2367 2.3.3: "The SRC address MUST be a unicast or unspecified (e.g., INADDR_ANY)
    /// address." Linux does not look.
    @Test func aMulticastOrBroadcastSourceIsEINVALInRFC2367() throws {
        for source: [UInt8] in [[224, 0, 0, 1], [239, 1, 2, 3], [255, 255, 255, 255]] {
            let bytes = Self.add { $0.replaceSubrange(44 ..< 48, with: source) }
            var rfc = ReferenceKernel(dialect: .rfc2367)
            #expect(rfc.handle(bytes: bytes) == [Self.errorReply(22)])
            var linux = ReferenceKernel(dialect: .linux)
            #expect(linux.handle(bytes: bytes).map { $0[2] } == [0])
        }
        // The unspecified source is allowed.
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(bytes: Self.add { $0.replaceSubrange(44 ..< 48, with: [0, 0, 0, 0]) }).map { $0[2] } == [0])
    }

    /// RFC 2367 3.1.2: of a MATURE SA "only the sadb_sa_state field in the SA header and
    /// lifetimes ... may be changed and any attempt to change other values MUST result in
    /// an error return of EINVAL". Linux xfrm_state_update ignores the other values.
    @Test func updateChangingAMatureSAIsEINVALInRFC2367() throws {
        let changes: [(String, (inout [UInt8]) -> Void)] = [
            ("encrypt key", { $0[0x7f] ^= 0xff }),
            ("auth algorithm", { $0[26] = 2 }),
            ("replay window", { $0[24] = 64 }),
            ("flags", { $0[28] = 1 }),
            ("source address", { $0[47] = 9 }),
            ("state LARVAL", { $0[25] = 0 }),
        ]
        for (name, change) in changes {
            var rfc = ReferenceKernel(dialect: .rfc2367)
            _ = rfc.handle(bytes: Self.add)
            #expect(rfc.handle(bytes: Self.update(change)) == [Self.errorReply(22, type: 2)], "\(name)")
            #expect(rfc.sas.first?.encryptKey?.key == Array(0x51...0x60), "\(name)")
            #expect(rfc.sas.first?.sa.auth == 3, "\(name)")
        }
        // The same values again, and state DYING, are no change: accepted.
        var rfc = ReferenceKernel(dialect: .rfc2367)
        _ = rfc.handle(bytes: Self.add)
        #expect(rfc.handle(bytes: Self.update()).map { $0[2] } == [0])
        #expect(rfc.handle(bytes: Self.update { $0[25] = 2 }).map { $0[2] } == [0])
        #expect(rfc.sas.first?.sa.state == .dying)
        // Linux: accepted, the key left as it was.
        var linux = ReferenceKernel(dialect: .linux)
        _ = linux.handle(bytes: Self.add)
        #expect(linux.handle(bytes: Self.update { $0[0x7f] ^= 0xff }).map { $0[2] } == [0])
        #expect(linux.sas.first?.encryptKey?.key == Array(0x51...0x60))
    }

    /// RFC 2367 3.1.2: "If the original SA is an SADB_SASTATE_DEAD SA, any attempt to
    /// perform an SADB_UPDATE on the SA MUST return EINVAL." The rfc2367 dialect keeps a
    /// hard-expired SA as DEAD (3.3); Linux deletes it, so its UPDATE finds nothing (ESRCH).
    @Test func updateOfADeadSAIsEINVALInRFC2367AndESRCHInLinux() throws {
        // The ADD with LIFETIME_HARD and LIFETIME_SOFT (add time 10 s and 5 s) after the SA.
        let lifetimes = MessageText.bytes(hex: """
            04000300 00000000 00000000 00000000 0a000000 00000000 00000000 00000000
            04000400 00000000 00000000 00000000 05000000 00000000 00000000 00000000
            """)!
        var withLifetimes = Self.add
        withLifetimes.insert(contentsOf: lifetimes, at: 32)
        withLifetimes[4] = 25
        for (dialect, errno) in [(Dialect.rfc2367, UInt8(22)), (.linux, UInt8(3))] {
            var k = ReferenceKernel(dialect: dialect)
            #expect(k.handle(bytes: withLifetimes).map { $0[2] } == [0])
            #expect(k.advanceClock(by: 5).map(\.type) == [.expire])
            #expect(k.advanceClock(by: 5).map(\.type) == [.expire])
            #expect(k.sas.map(\.sa.state) == (dialect == .rfc2367 ? [.dead] : []))
            #expect(k.handle(bytes: Self.update()) == [Self.errorReply(errno, type: 2)])
            // A DEAD SA expires no more.
            #expect(k.advanceClock(by: 60).isEmpty)
        }
    }

    /// RFC 2367 2.1: sadb_msg_len "MUST be verified against the length of the inbound
    /// message. EMSGSIZE MUST be returned if the verification fails." Linux 6.1: send()
    /// fails with 90 (captured: add/bitflip-4-4, add/bitflip-5-5).
    @Test func aLengthThatDisagreesWithTheBytesIsEMSGSIZE() throws {
        for dialect in [Dialect.rfc2367, .linux] {
            for words: UInt8 in [16, 18, 1] {
                var k = ReferenceKernel(dialect: dialect)
                var reply = Self.errorReply(90)
                #expect(k.handle(bytes: Self.add { $0[4] = words }) == [reply])
                // Other malformations stay EINVAL: prefix length 33 on ADDRESS_SRC.
                reply[2] = 22
                #expect(k.handle(bytes: Self.add { $0[37] = 33 }) == [reply])
                #expect(k.sas.isEmpty)
            }
        }
    }
}
