import PFKey

/// A set of valid messages covering every message type of a dialect and every extension
/// family it has: round-trip test vectors and fuzz seeds.
public enum SampleMessages {
    static let a = SocketAddress(IPAddress("192.0.2.1")!)
    static let b = SocketAddress(IPAddress("192.0.2.2")!)
    static let a6 = SocketAddress(IPAddress("2001:db8::1")!, scopeID: 0)
    static let b6 = SocketAddress(IPAddress("2001:db8::2")!)

    /// One message per message type of `dialect`, as the kernel would send it; SA messages
    /// carry all the SA-side families, SPD messages X_POLICY with transport and tunnel requests.
    public static func covering(_ dialect: Dialect) -> [Message] {
        var out: [Message] = []
        let types = MessageType.allCases.filter { dialect.number(of: $0) != nil }
        for (i, type) in types.enumerated() {
            let v6 = i % 2 == 1
            let src = AddressExtension(.source, v6 ? a6 : a, prefixLength: v6 ? 128 : 32)
            let dst = AddressExtension(.destination, v6 ? b6 : b, prefixLength: v6 ? 128 : 32)
            var m = Message(type, saType: .esp, sequence: UInt32(i + 1), pid: 0)
            if type.isPolicyMessage {
                m.saType = .unspecified
                m.extensions = [.address(AddressExtension(src.kind, src.address, proto: 255, prefixLength: src.prefixLength)),
                                .address(AddressExtension(dst.kind, dst.address, proto: 255, prefixLength: dst.prefixLength)),
                                .lifetime(LifetimeExtension(.hard)),
                                .lifetime(LifetimeExtension(.current, addTime: 1_700_000_000)),
                                .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: UInt32(8 * i + 1), requests: [
                                    IPsecRequest(proto: 50, mode: 1, level: 2),
                                    IPsecRequest(proto: 51, mode: 2, level: 3, reqID: 7, tunnelSource: src.address, tunnelDestination: dst.address),
                                ]))]
                if type == .migrate && dialect.name == .linux {
                    m.extensions.append(.kmAddress(KMAddressExtension(local: src.address, remote: dst.address)))
                }
                if dialect.name == .linux {
                    m.extensions.append(.securityContext(SecurityContextExtension(algorithm: 1, doi: 1, context: Array("system_u:object_r:ipsec_spd_t:s0".utf8))))
                }
                out.append(m)
                continue
            }
            switch type {
            case .acquire:
                m.extensions = [.address(AddressExtension(.source, SocketAddress(src.address.address, port: 4500), proto: 17, prefixLength: src.prefixLength)),
                                .address(dst)]
                if dialect.number(of: .policy) != nil {
                    m.extensions.append(.policy(PolicyExtension(type: .ipsec, direction: .outbound, id: 1)))
                }
                m.extensions.append(.identity(IdentityExtension(.source, identityType: 2, string: "gw.example.net")))
                m.extensions.append(.identity(IdentityExtension(.destination, identityType: 3, id: 0, string: "peer@example.net")))
                m.extensions.append(.sensitivity(SensitivityExtension(dpd: 1, sensitivityLevel: 2, integrityLevel: 1, sensitivityBitmap: [0xff], integrityBitmap: [1, 2])))
                m.extensions.append(.proposal(ProposalExtension(replay: 32, combinations: [
                    .init(auth: 3, encrypt: 12, authMinBits: 160, authMaxBits: 160, encryptMinBits: 128, encryptMaxBits: 256, softAddTime: 100, hardAddTime: 200),
                    .init(auth: 5, encrypt: 11, authMinBits: 256, authMaxBits: 256),
                ])))
            case .register:
                m.extensions = [.supported(SupportedExtension(.auth, algorithms: ReferenceAlgorithms.auth)),
                                .supported(SupportedExtension(.encrypt, algorithms: ReferenceAlgorithms.encrypt))]
            case .flush, .promisc, .pchange:
                m.extensions = []
            case .getSPI:
                m.extensions = [.sa(SAExtension(spi: 0xc000_0001, state: .larval)), .address(src), .address(dst),
                                .spiRange(SPIRangeExtension(min: 0xc000_0000, max: 0xcfff_ffff))]
            case .dump where dialect.name == .linux:
                m.extensions = [.sa(SAExtension(spi: 5, state: .mature, auth: 3, encrypt: 12)), .address(src), .address(dst),
                                .filter(FilterExtension(source: src.address.address, destination: dst.address.address,
                                                        sourcePrefixLength: v6 ? 64 : 24, destinationPrefixLength: v6 ? 64 : 24))]
            default:
                m.extensions = [.sa(SAExtension(spi: 0x1234_5678, replay: 32, state: .mature, auth: 3, encrypt: 12, flags: 1)),
                                .lifetime(LifetimeExtension(.current, allocations: 1, bytes: 1500, addTime: 1_700_000_000, useTime: 1_700_000_010)),
                                .lifetime(LifetimeExtension(.hard, addTime: 3600)), .lifetime(LifetimeExtension(.soft, addTime: 3000)),
                                .address(src), .address(dst),
                                .address(AddressExtension(.proxy, SocketAddress(.any(src.address.family)), proto: 255)),
                                .key(KeyExtension(.auth, key: Array(1...20))), .key(KeyExtension(.encrypt, bits: 124, key: Array(1...16)))]
                if dialect.number(of: .sa2) != nil {
                    m.extensions += [.sa2(SA2Extension(mode: 2, sequence: 3, reqID: 42)),
                                     .natTType(NATTTypeExtension(encapsulation: 2)),
                                     .natTPort(NATTPortExtension(.source, port: 4500)),
                                     .natTPort(NATTPortExtension(.destination, port: 4501)),
                                     .address(AddressExtension(.natTOriginal, src.address)),
                                     .kmPrivate(KMPrivateExtension(data: [1, 2, 3, 4, 5, 6, 7, 8]))]
                }
                if dialect.name == .kame {
                    m.extensions += [.address(AddressExtension(.natTOriginalResponder, dst.address)),
                                     .natTFragment(NATTFragmentExtension(fragmentLength: 1280)),
                                     .saReplay(SAReplayExtension(replay: 4096))]
                }
            }
            out.append(m)
        }
        return out
    }
}
