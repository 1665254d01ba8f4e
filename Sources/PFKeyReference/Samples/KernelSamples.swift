import PFKey

/// Messages shaped like those a real Linux 6.1 af_key was seen to send (`KernelCaptures`,
/// recorded under User-Mode Linux): the same extension lists and lengths. Used as
/// test vectors, fuzz seeds and benchmark inputs; `ReferenceKernel` replies have these shapes.
public enum KernelSamples {
    static let local = IPAddress("10.0.0.1")!
    static let peer = IPAddress("10.0.0.2")!

    /// SADB_ADD reply, 272 bytes: SA, LIFETIME_HARD/SOFT/CURRENT, ADDRESS_SRC/DST/PROXY,
    /// KEY_AUTH (HMAC-SHA1, 32), KEY_ENCRYPT (AES-128-CBC, 24), X_SA2.
    public static func addReply(sequence: UInt32 = 1, pid: UInt32 = 4242, addTime: UInt64 = 1_700_000_000) -> Message {
        Message(.add, saType: .esp, sequence: sequence, pid: pid, extensions: [
            .sa(SAExtension(spi: 0x1234, replay: 0, state: .mature, auth: 3, encrypt: 12)),
            .lifetime(LifetimeExtension(.hard)),
            .lifetime(LifetimeExtension(.soft)),
            .lifetime(LifetimeExtension(.current, addTime: addTime)),
            .address(AddressExtension(.source, SocketAddress(local), prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(IPAddress("10.0.0.3")!), prefixLength: 32)),
            .address(AddressExtension(.proxy, SocketAddress(.v4(0)), proto: 255, prefixLength: 0)),
            .key(KeyExtension(.auth, key: Array(0x01...0x14))),
            .key(KeyExtension(.encrypt, key: Array(0x21...0x30))),
            .sa2(SA2Extension(mode: 1)),
        ])
    }

    /// SADB_X_SPDADD reply, 192 bytes: SRC, DST, three LIFETIMEs, X_POLICY 32 (out, id 1,
    /// one ESP transport require request).
    public static func spdAddReply(sequence: UInt32 = 2, pid: UInt32 = 4242, addTime: UInt64 = 1_700_000_000) -> Message {
        Message(.spdAdd, sequence: sequence, pid: pid, extensions: [
            .address(AddressExtension(.source, SocketAddress(local), proto: 255, prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(peer), proto: 255, prefixLength: 32)),
            .lifetime(LifetimeExtension(.hard)),
            .lifetime(LifetimeExtension(.soft)),
            .lifetime(LifetimeExtension(.current, addTime: addTime)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: 1, requests: [
                IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2),
            ])),
        ])
    }

    /// SADB_ACQUIRE from the kernel: ports 0, X_POLICY with the policy id only, a PROPOSAL
    /// of `combinations` combs (0 gives the 88-byte message, 20 the 1528-byte one).
    public static func acquire(combinations: Int = 0, sequence: UInt32 = 1) -> Message {
        let aalgs: [(UInt8, UInt16)] = [(2, 128), (3, 160), (5, 256), (6, 384), (7, 512)]
        let ealgs: [(UInt8, UInt16, UInt16)] = [(3, 192, 192), (12, 128, 256), (2, 64, 64), (6, 40, 128)]
        var combs: [ProposalExtension.Combination] = []
        for i in 0..<combinations {
            let a = aalgs[i % aalgs.count], e = ealgs[(i / aalgs.count) % ealgs.count]
            combs.append(ProposalExtension.Combination(
                auth: a.0, encrypt: e.0, authMinBits: a.1, authMaxBits: a.1, encryptMinBits: e.1, encryptMaxBits: e.2,
                softBytes: 0, hardBytes: 0, softAddTime: 25_920, hardAddTime: 28_800, softUseTime: 25_920, hardUseTime: 28_800))
        }
        return Message(.acquire, saType: .esp, sequence: sequence, pid: 0, extensions: [
            .address(AddressExtension(.source, SocketAddress(local), prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(peer), prefixLength: 32)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: 1)),
            .proposal(ProposalExtension(replay: 32, combinations: combs)),
        ])
    }

    /// SADB_REGISTER reply for ESP, 112 bytes: SUPPORTED_AUTH 56, SUPPORTED_ENCRYPT 40.
    public static func registerReply(sequence: UInt32 = 1, pid: UInt32 = 4242) -> Message {
        Message(.register, saType: .esp, sequence: sequence, pid: pid, extensions: [
            .supported(SupportedExtension(.auth, algorithms: ReferenceAlgorithms.auth)),
            .supported(SupportedExtension(.encrypt, algorithms: ReferenceAlgorithms.encrypt)),
        ])
    }

    /// An error reply: the base header alone with `errno` (GET of an unknown SPI: ESRCH 3).
    public static func errorReply(_ type: MessageType, errno: UInt8, saType: SAType = .esp, sequence: UInt32 = 1, pid: UInt32 = 4242) -> Message {
        Message(type, saType: saType, errno: errno, sequence: sequence, pid: pid)
    }
}
