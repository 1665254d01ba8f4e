import Testing
@testable import PFKey
import PFKeyReference

/// One vector per validation rule PFKeyError.Code groups its failures by: the bytes, how they are decoded,
/// and the exact error code and byte offset expected.
struct RuleVector: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var options: DecodingOptions
    var code: PFKeyError.Code
    var offset: Int
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8], _ code: PFKeyError.Code, at offset: Int,
         dialect: Dialect = .linux, direction: Direction? = .request, unknown: DecodingOptions.UnknownExtensions = .ignore) {
        self.name = name
        self.bytes = bytes
        self.options = DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: unknown)
        self.code = code
        self.offset = offset
    }
}

typealias V = Vectors

let ruleVectors: [RuleVector] = {
    let add = V.bytes(V.addRequest())
    let spd = V.bytes(V.spdAddRequest())
    var vs: [RuleVector] = []
    // Rule 1: length
    vs.append(RuleVector("rule1 shorter than the base header", Array(add[0..<8]), .messageTooShort, at: 0))
    vs.append(RuleVector("rule1 sadb_msg_len not the bytes received", V.set16(add, 4, 16), .lengthMismatch, at: 4))
    vs.append(RuleVector("rule1 bytes beyond sadb_msg_len", add + [0, 0, 0, 0, 0, 0, 0, 0], .lengthMismatch, at: 4))
    // Rule 2: version, type, reserved
    vs.append(RuleVector("rule2 version 1", V.set8(add, 0, 1), .badVersion, at: 0))
    vs.append(RuleVector("rule2 type 0", V.set8(add, 1, 0), .unknownMessageType, at: 1))
    vs.append(RuleVector("rule2 type 25 beyond SADB_MAX", V.set8(add, 1, 25), .unknownMessageType, at: 1))
    vs.append(RuleVector("rule2 X_SPDADD unknown in rfc2367", V.bytes(V.spdAddRequest()), .unknownMessageType, at: 1, dialect: .rfc2367))
    vs.append(RuleVector("rule2 reserved from user space", V.set16(add, 6, 1), .reservedNotZero, at: 6))
    // Rule 3: extension framing
    vs.append(RuleVector("rule3 sadb_ext_len 0", V.set16(add, 16, 0), .extensionTooShortForHeader, at: 16))
    vs.append(RuleVector("rule3 extension overruns the message", V.set16(add, 112, 4), .extensionOverrun, at: 112))
    vs.append(RuleVector("rule3 extension type 0", V.set16(add, 18, 0), .extensionTypeZero, at: 16))
    // Rule 4: minimum and fixed lengths
    vs.append(RuleVector("rule4 SA of 8 bytes", V.raw(type: 3, extensions: [1, 0, 1, 0, 0, 0, 0x12, 0x34]), .extensionTooShort, at: 16))
    vs.append(RuleVector("rule4 LIFETIME_HARD of 16 bytes", V.raw(type: 3, extensions: [2, 0, 3, 0] + [UInt8](repeating: 0, count: 12)), .extensionTooShort, at: 16))
    vs.append(RuleVector("rule4 SA of 24 bytes (fixed 16)", V.raw(type: 3, extensions: [3, 0, 1, 0] + [UInt8](repeating: 0, count: 20)), .extensionLengthMismatch, at: 16))
    // Rule 5: duplicates
    var dup = V.addRequest()
    dup.extensions.insert(dup.extensions[0], at: 1)
    vs.append(RuleVector("rule5 duplicate SA", V.bytes(dup), .duplicateExtension, at: 32))
    // Rule 6: unknown extensions rejected by option
    var unknown = V.addRequest()
    unknown.extensions.append(.unknown(UnknownExtension(typeNumber: 30, body: [0, 0, 0, 0])))
    vs.append(RuleVector("rule6 unknown type 30 rejected", V.bytes(unknown), .unknownExtension, at: 136, unknown: .reject))
    vs.append(RuleVector("rule6 X_POLICY is unknown in rfc2367", V.bytes(V.spdAddRequest()).withType(3), .unknownExtension, at: 64, dialect: .rfc2367, unknown: .reject))
    // Rule 7: addresses
    vs.append(RuleVector("rule7 AF_UNIX source", V.set16(add, 40, 1), .unsupportedAddressFamily, at: 40))
    vs.append(RuleVector("rule7 AF_INET6 family in a 24-byte extension", V.set16(add, 40, 10), .addressLengthMismatch, at: 32))
    vs.append(RuleVector("rule7 prefix length 33", V.set8(add, 37, 33), .prefixLengthTooLong, at: 37))
    var kameLen = V.bytes(V.addRequest(), dialect: .kame)
    kameLen[40] = 15
    vs.append(RuleVector("rule7 BSD sa_len 15", kameLen, .addressLengthMismatch, at: 40, dialect: .kame))
    // Rule 8: pairs and ports
    var srcOnly = V.addRequest()
    srcOnly.extensions.remove(at: 2)
    vs.append(RuleVector("rule8 SRC without DST", V.bytes(srcOnly), .addressPairIncomplete, at: 32))
    var mixed = V.addRequest()
    mixed.extensions[2] = .address(AddressExtension(.destination, V.v6a, prefixLength: 128))
    vs.append(RuleVector("rule8 SRC inet, DST inet6", V.bytes(mixed), .addressFamilyMismatch, at: 56))
    var port = V.addRequest()
    port.extensions[1] = .address(AddressExtension(.source, SocketAddress(V.v4a.address, port: 500), proto: 17, prefixLength: 32))
    vs.append(RuleVector("rule8 port in an ADD", V.bytes(port), .portNotZero, at: 42))
    var portNoProto = KernelSamples.acquire()
    portNoProto.extensions[0] = .address(AddressExtension(.source, SocketAddress(V.v4a.address, port: 4500), proto: 0, prefixLength: 32))
    vs.append(RuleVector("rule8 port without protocol", V.bytes(portNoProto), .portWithoutProtocol, at: 26, direction: .kernel))
    // Rule 9: keys
    vs.append(RuleVector("rule9 key bits 0", V.set16(add, 84, 0), .keyBitsZero, at: 84))
    vs.append(RuleVector("rule9 key bits beyond the extension", V.set16(add, 84, 200), .keyLengthTooShort, at: 80))
    // Rule 10: security context
    var ctx = V.addRequest()
    ctx.extensions.append(.securityContext(SecurityContextExtension(algorithm: 1, doi: 1, context: Array("system_u:object_r:ipsec_spd_t:s0".utf8))))
    vs.append(RuleVector("rule10 sadb_x_ctx_len disagrees with sadb_x_sec_len", V.set16(V.bytes(ctx), 136 + 6, 50), .securityContextLengthMismatch, at: 142))
    // Rule 11: proposal
    var acq = KernelSamples.acquire(combinations: 1)
    let acqBytes = V.bytes(acq)  // PROPOSAL @80, comb @88
    vs.append(RuleVector("rule11 comb auth 0 with bits", V.set8(acqBytes, 88, 0), .combBitsInconsistent, at: 92, direction: .kernel))
    vs.append(RuleVector("rule11 comb encrypt min > max", V.set16(acqBytes, 96, 300), .combMinimumExceedsMaximum, at: 96, direction: .kernel))
    acq.extensions[3] = .unknown(UnknownExtension(typeNumber: 13, body: [32, 0, 0, 0] + [UInt8](repeating: 0, count: 8)))
    vs.append(RuleVector("rule11 proposal of 16 bytes", V.bytes(acq), .proposalLengthNotMultiple, at: 80, direction: .kernel))
    // Rule 12: SPI range
    let getspi = Message(.getSPI, saType: .esp, pid: 77, extensions: [
        .address(AddressExtension(.source, V.v4a, prefixLength: 32)),
        .address(AddressExtension(.destination, V.v4b, prefixLength: 32)),
        .spiRange(SPIRangeExtension(min: 0x100, max: 0x200)),
    ])
    vs.append(RuleVector("rule12 SPI range min > max", V.set16(V.bytes(getspi), 68, 0x300), .spiRangeInverted, at: 68))
    // Rule 13: presence per message and direction
    var noSA = V.addRequest()
    noSA.extensions.remove(at: 0)
    vs.append(RuleVector("rule13 ADD without SA", V.bytes(noSA), .missingExtension, at: 1))
    vs.append(RuleVector("rule13 ADD without SA in either direction", V.bytes(noSA), .missingExtension, at: 1, direction: nil))
    var noRange = getspi
    noRange.extensions.removeLast()
    vs.append(RuleVector("rule13 rfc2367 GETSPI without SPIRANGE", V.bytes(noRange, dialect: .rfc2367), .missingExtension, at: 1, dialect: .rfc2367))
    var noEncKey = V.addRequest()
    noEncKey.extensions.removeLast()
    vs.append(RuleVector("rule13 linux ESP ADD without KEY_ENCRYPT", V.bytes(noEncKey), .missingExtension, at: 1))
    var hardOnly = V.addRequest()
    hardOnly.extensions.insert(.lifetime(LifetimeExtension(.hard, addTime: 60)), at: 1)
    vs.append(RuleVector("rule13 linux LIFETIME_HARD without SOFT", V.bytes(hardOnly), .missingExtension, at: 1))
    var acqNoPolicy = KernelSamples.acquire()
    acqNoPolicy.extensions.remove(at: 2)
    vs.append(RuleVector("rule13 linux kernel ACQUIRE without X_POLICY", V.bytes(acqNoPolicy), .missingExtension, at: 1, direction: .kernel))
    let expire = Message(.expire, saType: .esp, extensions: [
        .sa(SAExtension(spi: 1)), .lifetime(LifetimeExtension(.current)), .lifetime(LifetimeExtension(.hard)),
        .address(AddressExtension(.source, V.v4a)), .address(AddressExtension(.destination, V.v4b)),
    ])
    vs.append(RuleVector("rule13 EXPIRE as a request", V.bytes(expire), .notARequest, at: 1))
    // Rule 14: X_POLICY
    vs.append(RuleVector("rule14 policy type 3 (ENTRUST) on linux", V.set16(spd, 68, 3), .policyTypeInvalid, at: 68))
    vs.append(RuleVector("rule14 policy direction 4", V.set8(spd, 70, 4), .policyDirectionInvalid, at: 70))
    vs.append(RuleVector("rule14 policy direction 0 in X_SPDADD", V.set8(spd, 70, 0), .policyDirectionInvalid, at: 70))
    vs.append(RuleVector("rule14 ipsecrequest length 8", V.set16(spd, 80, 8), .ipsecRequestLengthInvalid, at: 80))
    vs.append(RuleVector("rule14 ipsecrequest length beyond the extension", V.set16(spd, 80, 24), .ipsecRequestLengthInvalid, at: 80))
    vs.append(RuleVector("rule14 ipsecrequest mode 0", V.set8(spd, 84, 0), .ipsecRequestModeZero, at: 84))
    vs.append(RuleVector("rule14 tunnel mode without addresses", V.set8(spd, 84, 2), .tunnelAddressesInvalid, at: 80))
    let tunnel = V.spdAddRequest(requests: [IPsecRequest(proto: 50, mode: 2, level: 2, tunnelSource: V.v4a, tunnelDestination: V.v4b)])
    // the second tunnel sockaddr's family is at 64 + 16 + 16 + 16
    vs.append(RuleVector("rule14 tunnel addresses of two families", V.set16(V.bytes(tunnel), 112, 10), .tunnelAddressesInvalid, at: 112))
    var mixedTunnel = V.spdAddRequest(requests: [IPsecRequest(proto: 50, mode: 2, level: 2, tunnelSource: V.v4a, tunnelDestination: V.v6a)])
    vs.append(RuleVector("rule14 tunnel pair inet + inet6 (encodes, does not decode)", V.bytes(mixedTunnel), .tunnelAddressesInvalid, at: 112))
    mixedTunnel = V.addRequest()
    mixedTunnel.extensions.append(.kmAddress(KMAddressExtension(local: V.v4a, remote: V.v6a)))
    vs.append(RuleVector("X_KMADDRESS pair of two families", V.bytes(mixedTunnel), .addressLengthMismatch, at: 136 + 8 + 16))
    // Rule 15: reserved fields zero (checked on requests)
    vs.append(RuleVector("rule15 sadb_address_reserved", V.set16(add, 38, 1), .extensionReservedNotZero, at: 38))
    vs.append(RuleVector("rule15 sin_zero", V.set8(add, 48, 1), .extensionReservedNotZero, at: 48))
    vs.append(RuleVector("rule15 sadb_key_reserved", V.set16(add, 86, 1), .extensionReservedNotZero, at: 86))
    // Sensitivity bitmaps
    var sens = V.addRequest()
    sens.extensions.append(.sensitivity(SensitivityExtension(dpd: 1, sensitivityLevel: 1, sensitivityBitmap: [1])))
    vs.append(RuleVector("sensitivity bitmap words disagree with the length", V.set8(V.bytes(sens), 136 + 9, 2), .sensitivityLengthMismatch, at: 136))
    return vs
}()

extension Array where Element == UInt8 {
    /// The same message with sadb_msg_type replaced (to smuggle an extension into another dialect).
    func withType(_ t: UInt8) -> [UInt8] { Vectors.set8(self, 1, t) }
}

@Suite struct ValidationRuleTests {
    @Test(arguments: ruleVectors)
    func rejects(_ v: RuleVector) {
        do {
            let m = try Message(decoding: v.bytes, options: v.options)
            Issue.record("decoded \(m.type.name) but expected \(v.code)")
        } catch {
            #expect(error.code == v.code, "\(error.rule)")
            #expect(error.offset == v.offset, "\(error.rule)")
            #expect(error.rule.hasSuffix("at offset \(v.offset)"))
        }
    }

    @Test func errorTextCitesTheRuleAndOffset() throws {
        var dup = Vectors.addRequest()
        dup.extensions.insert(.address(AddressExtension(.source, Vectors.v4a, prefixLength: 32)), at: 2)
        #expect(throws: PFKeyError.duplicateExtension) { try Message(decoding: Vectors.bytes(dup)) }
        do {
            _ = try Message(decoding: Vectors.bytes(dup))
        } catch {
            #expect(error.rule == "RFC 2367 2.3: duplicate extension type 5 at offset 56")
            #expect(error.description == "duplicateExtension: RFC 2367 2.3: duplicate extension type 5 at offset 56")
        }
    }

    @Test func errorsAreEqualByCode() {
        let a = PFKeyError(.keyBitsZero, at: 84, source: "RFC 2367 2.3.4", "x")
        let b = PFKeyError(.keyBitsZero, at: 12, source: "elsewhere", "y")
        #expect(a == b)
        #expect(a != PFKeyError.keyLengthTooShort)
    }

    /// The leniencies are explicit: the same bytes pass when the option or direction allows.
    @Test func reservedFieldsAreCheckedOnRequestsOnly() throws {
        let add = Vectors.bytes(Vectors.addRequest())
        let bytes = Vectors.set16(add, 38, 1)
        let m = try Message(decoding: bytes, options: DecodingOptions(direction: .kernel))
        #expect(m.type == .add)
        let header = Vectors.set16(add, 6, 7)
        #expect(try Message(decoding: header, options: DecodingOptions(direction: .kernel)).reserved == 7)
    }

    @Test func unknownExtensionsAreIgnoredByDefault() throws {
        var m = Vectors.addRequest()
        m.extensions.append(.unknown(UnknownExtension(typeNumber: 30, body: [1, 2, 3, 4])))
        let bytes = Vectors.bytes(m)
        let decoded = try Message(decoding: bytes, options: DecodingOptions(direction: .request))
        #expect(decoded == m)
        #expect(try decoded.encode() == bytes)
    }

    @Test func portsAreAllowedInAKernelAcquire() throws {
        var acq = KernelSamples.acquire()
        acq.extensions[0] = .address(AddressExtension(.source, SocketAddress(Vectors.v4a.address, port: 4500), proto: 17, prefixLength: 32))
        #expect(try Message(decoding: Vectors.bytes(acq), options: DecodingOptions(direction: .kernel)) == acq)
    }

    @Test func ellipsisDirectionAcceptsEitherShape() throws {
        // A kernel ACQUIRE lacks nothing as a request either; a kernel EXPIRE only as a kernel message.
        let expire = Message(.expire, saType: .esp, extensions: [
            .sa(SAExtension(spi: 1)), .lifetime(LifetimeExtension(.current)), .lifetime(LifetimeExtension(.hard)),
            .address(AddressExtension(.source, Vectors.v4a)), .address(AddressExtension(.destination, Vectors.v4b)),
        ])
        #expect(try Message(decoding: Vectors.bytes(expire)) == expire)
        #expect(throws: PFKeyError.notARequest) {
            try Message(decoding: Vectors.bytes(expire), options: DecodingOptions(direction: .request))
        }
    }
}
