import Foundation
import Testing
import TestSupport
@testable import PFKey
import PFKeyReference

/// The C cross-check: Tests/PFKeyTests/C/pfkey_layout.c, compiled with gcc against the real
/// /usr/include/linux/pfkeyv2.h, prints every struct's size and field offsets and fills
/// messages through the header's own structs. The Swift codec must agree byte for byte.
@Suite struct CCrossCheckTests {
    /// The C program's output, compiled and run once per test run (nil with the reason when gcc is missing).
    static let output: Result<[String], CCheckUnavailable> = {
        guard let gcc = Peer.gcc.path else { return .failure(CCheckUnavailable(message: Absence.peer(.gcc, neededFor: "the PF_KEY C cross-check"))) }
        let source = TestEnvironment.packageRoot.appendingPathComponent("Tests/PFKeyTests/C/pfkey_layout.c").path
        let binary = FileManager.default.temporaryDirectory.appendingPathComponent("pfkey_layout-\(ProcessInfo.processInfo.processIdentifier)").path
        do {
            let build = try runProcess(gcc, ["-std=c11", "-Wall", "-Werror", "-o", binary, source], timeout: 60)
            guard build.status == 0 else { return .failure(CCheckUnavailable(message: "gcc failed: \(build.stderr)", isBug: true)) }
            let run = try runProcess(binary, [], timeout: 30)
            try? FileManager.default.removeItem(atPath: binary)
            guard run.status == 0 else { return .failure(CCheckUnavailable(message: "pfkey_layout exited \(run.status)", isBug: true)) }
            return .success(run.stdout.split(separator: "\n").map(String.init))
        } catch {
            return .failure(CCheckUnavailable(message: "could not run gcc: \(error)", isBug: true))
        }
    }()

    struct CCheckUnavailable: Error {
        var message: String
        var isBug = false
    }

    /// The lines, or nil after reporting why not (a failure in CI or for a build error).
    static func lines() -> [String]? {
        switch output {
        case .success(let l): return l
        case .failure(let f):
            if f.isBug || TestEnvironment.isStrict { Issue.record(Comment(rawValue: f.message)) }
            return nil
        }
    }

    /// The layout the Swift codec reads and writes (see Sources/PFKey/Extensions), as
    /// "struct field" -> offset, and struct sizes.
    static let swiftSizes: [String: Int] = [
        "sadb_msg": 16, "sadb_ext": 4, "sadb_sa": 16, "sadb_lifetime": 32, "sadb_address": 8, "sadb_key": 8,
        "sadb_ident": 16, "sadb_sens": 16, "sadb_prop": 8, "sadb_comb": 72, "sadb_supported": 8, "sadb_alg": 8,
        "sadb_spirange": 16, "sadb_x_kmprivate": 8, "sadb_x_sa2": 16, "sadb_x_policy": 16, "sadb_x_ipsecrequest": 16,
        "sadb_x_nat_t_type": 8, "sadb_x_nat_t_port": 8, "sadb_x_sec_ctx": 8, "sadb_x_kmaddress": 8, "sadb_x_filter": 40,
        "sockaddr_in": AddressFamily.inet.sockaddrSize, "sockaddr_in6": AddressFamily.inet6.sockaddrSize,
    ]
    static let swiftOffsets: [String: Int] = [
        "sadb_msg sadb_msg_version": 0, "sadb_msg sadb_msg_type": 1, "sadb_msg sadb_msg_errno": 2, "sadb_msg sadb_msg_satype": 3,
        "sadb_msg sadb_msg_len": 4, "sadb_msg sadb_msg_reserved": 6, "sadb_msg sadb_msg_seq": 8, "sadb_msg sadb_msg_pid": 12,
        "sadb_ext sadb_ext_len": 0, "sadb_ext sadb_ext_type": 2,
        "sadb_sa sadb_sa_spi": 4, "sadb_sa sadb_sa_replay": 8, "sadb_sa sadb_sa_state": 9, "sadb_sa sadb_sa_auth": 10,
        "sadb_sa sadb_sa_encrypt": 11, "sadb_sa sadb_sa_flags": 12,
        "sadb_lifetime sadb_lifetime_allocations": 4, "sadb_lifetime sadb_lifetime_bytes": 8,
        "sadb_lifetime sadb_lifetime_addtime": 16, "sadb_lifetime sadb_lifetime_usetime": 24,
        "sadb_address sadb_address_proto": 4, "sadb_address sadb_address_prefixlen": 5, "sadb_address sadb_address_reserved": 6,
        "sadb_key sadb_key_bits": 4, "sadb_key sadb_key_reserved": 6,
        "sadb_ident sadb_ident_type": 4, "sadb_ident sadb_ident_reserved": 6, "sadb_ident sadb_ident_id": 8,
        "sadb_sens sadb_sens_dpd": 4, "sadb_sens sadb_sens_sens_level": 8, "sadb_sens sadb_sens_sens_len": 9,
        "sadb_sens sadb_sens_integ_level": 10, "sadb_sens sadb_sens_integ_len": 11, "sadb_sens sadb_sens_reserved": 12,
        "sadb_prop sadb_prop_replay": 4, "sadb_prop sadb_prop_reserved": 5,
        "sadb_comb sadb_comb_auth": 0, "sadb_comb sadb_comb_encrypt": 1, "sadb_comb sadb_comb_flags": 2,
        "sadb_comb sadb_comb_auth_minbits": 4, "sadb_comb sadb_comb_auth_maxbits": 6, "sadb_comb sadb_comb_encrypt_minbits": 8,
        "sadb_comb sadb_comb_encrypt_maxbits": 10, "sadb_comb sadb_comb_reserved": 12, "sadb_comb sadb_comb_soft_allocations": 16,
        "sadb_comb sadb_comb_hard_allocations": 20, "sadb_comb sadb_comb_soft_bytes": 24, "sadb_comb sadb_comb_hard_bytes": 32,
        "sadb_comb sadb_comb_soft_addtime": 40, "sadb_comb sadb_comb_hard_addtime": 48, "sadb_comb sadb_comb_soft_usetime": 56,
        "sadb_comb sadb_comb_hard_usetime": 64,
        "sadb_supported sadb_supported_reserved": 4,
        "sadb_alg sadb_alg_id": 0, "sadb_alg sadb_alg_ivlen": 1, "sadb_alg sadb_alg_minbits": 2, "sadb_alg sadb_alg_maxbits": 4,
        "sadb_alg sadb_alg_reserved": 6,
        "sadb_spirange sadb_spirange_min": 4, "sadb_spirange sadb_spirange_max": 8, "sadb_spirange sadb_spirange_reserved": 12,
        "sadb_x_kmprivate sadb_x_kmprivate_reserved": 4,
        "sadb_x_sa2 sadb_x_sa2_mode": 4, "sadb_x_sa2 sadb_x_sa2_reserved1": 5, "sadb_x_sa2 sadb_x_sa2_reserved2": 6,
        "sadb_x_sa2 sadb_x_sa2_sequence": 8, "sadb_x_sa2 sadb_x_sa2_reqid": 12,
        "sadb_x_policy sadb_x_policy_type": 4, "sadb_x_policy sadb_x_policy_dir": 6, "sadb_x_policy sadb_x_policy_reserved": 7,
        "sadb_x_policy sadb_x_policy_id": 8, "sadb_x_policy sadb_x_policy_priority": 12,
        "sadb_x_ipsecrequest sadb_x_ipsecrequest_len": 0, "sadb_x_ipsecrequest sadb_x_ipsecrequest_proto": 2,
        "sadb_x_ipsecrequest sadb_x_ipsecrequest_mode": 4, "sadb_x_ipsecrequest sadb_x_ipsecrequest_level": 5,
        "sadb_x_ipsecrequest sadb_x_ipsecrequest_reserved1": 6, "sadb_x_ipsecrequest sadb_x_ipsecrequest_reqid": 8,
        "sadb_x_ipsecrequest sadb_x_ipsecrequest_reserved2": 12,
        "sadb_x_nat_t_type sadb_x_nat_t_type_type": 4, "sadb_x_nat_t_type sadb_x_nat_t_type_reserved": 5,
        "sadb_x_nat_t_port sadb_x_nat_t_port_port": 4, "sadb_x_nat_t_port sadb_x_nat_t_port_reserved": 6,
        "sadb_x_sec_ctx sadb_x_ctx_alg": 4, "sadb_x_sec_ctx sadb_x_ctx_doi": 5, "sadb_x_sec_ctx sadb_x_ctx_len": 6,
        "sadb_x_kmaddress sadb_x_kmaddress_reserved": 4,
        "sadb_x_filter sadb_x_filter_saddr": 4, "sadb_x_filter sadb_x_filter_daddr": 20, "sadb_x_filter sadb_x_filter_family": 36,
        "sadb_x_filter sadb_x_filter_splen": 38, "sadb_x_filter sadb_x_filter_dplen": 39,
    ]

    @Test func sizesAndOffsetsMatchTheHeader() throws {
        guard let lines = Self.lines() else { return }
        var sizes: [String: Int] = [:], offsets: [String: Int] = [:]
        for line in lines {
            let f = line.split(separator: " ").map(String.init)
            if f[0] == "size" { sizes[f[1]] = Int(f[2]) }
            if f[0] == "offset" { offsets[f[1] + " " + f[2]] = Int(f[3]) }
        }
        #expect(sizes == Self.swiftSizes)
        #expect(offsets == Self.swiftOffsets)
        #expect(offsets.count == 92)
    }

    static func cMessage(_ name: String) -> [UInt8]? {
        guard let lines = lines() else { return nil }
        guard let line = lines.first(where: { $0.hasPrefix("message \(name) ") }) else {
            Issue.record("pfkey_layout printed no message \(name)")
            return nil
        }
        return unhex(String(line.split(separator: " ")[2]))
    }

    static let everyStruct: Message = {
        let a6 = SocketAddress(IPAddress("2001:db8::1")!, port: 500), b6 = SocketAddress(IPAddress("2001:db8::2")!, port: 4500)
        return Message(.migrate, sequence: 7, pid: 99, extensions: [
            .address(AddressExtension(.source, a6, proto: 6, prefixLength: 64)),
            .address(AddressExtension(.destination, b6, proto: 6, prefixLength: 64)),
            .identity(IdentityExtension(.source, identityType: 2, id: 0x0102_0304_0506_0708, string: "gw.example.net")),
            .sensitivity(SensitivityExtension(dpd: 1, sensitivityLevel: 2, integrityLevel: 3, sensitivityBitmap: [0xff], integrityBitmap: [1, 2])),
            .spiRange(SPIRangeExtension(min: 0xc000_0000, max: 0xcfff_ffff)),
            .kmPrivate(KMPrivateExtension(data: Array(0xa0...0xa7))),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: 9, priority: 0x7fff_ffff, requests: [
                IPsecRequest(proto: 51, mode: 2, level: 3, reqID: 0x10203,
                             tunnelSource: SocketAddress(IPAddress("2001:db8::a")!), tunnelDestination: SocketAddress(IPAddress("2001:db8::b")!)),
            ])),
            .sa2(SA2Extension(mode: 2, sequence: 5, reqID: 42)),
            .natTType(NATTTypeExtension(encapsulation: 2)),
            .natTPort(NATTPortExtension(.source, port: 4500)),
            .natTPort(NATTPortExtension(.destination, port: 4501)),
            .address(AddressExtension(.natTOriginal, SocketAddress(IPAddress("192.0.2.7")!))),
            .securityContext(SecurityContextExtension(algorithm: 1, doi: 1, context: Array("system_u:object_r:ipsec_spd_t:s0".utf8))),
            .kmAddress(KMAddressExtension(local: SocketAddress(IPAddress("198.51.100.1")!), remote: SocketAddress(IPAddress("198.51.100.2")!))),
            .filter(FilterExtension(source: IPAddress("10.1.0.0")!, destination: IPAddress("10.2.0.0")!, sourcePrefixLength: 16, destinationPrefixLength: 24)),
        ])
    }()

    static let messages: [String] = ["addReply", "spdAddReply", "acquire20", "registerReply", "everyStruct"]

    static func swiftMessage(_ name: String) -> Message {
        switch name {
        case "addReply": KernelSamples.addReply()
        case "spdAddReply": KernelSamples.spdAddReply()
        case "acquire20": KernelSamples.acquire(combinations: 20)
        case "registerReply": KernelSamples.registerReply()
        default: everyStruct
        }
    }

    @Test(arguments: messages)
    func messagesFilledThroughTheCStructsMatch(_ name: String) throws {
        guard let c = Self.cMessage(name) else { return }
        let swift = Self.swiftMessage(name)
        #expect(hex(try swift.encode(dialect: .linux)) == hex(c))
        #expect(try Message(decoding: c, options: DecodingOptions(dialect: .linux, unknownExtensions: .reject)) == swift)
    }
}
