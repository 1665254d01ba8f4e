import Testing
import PFKey
import PFKeyReference

/// RFC 2367 3.1.8: a user-level security protocol's SADB_EXPIRE, relayed by the rfc2367
/// sockets model to every socket; refused for AH/ESP, for an SA not held, and on Linux.
@Suite struct UserLevelExpireTests {
    static let src = AddressExtension(.source, SocketAddress(IPAddress("10.0.0.1")!), prefixLength: 32)
    static let dst = AddressExtension(.destination, SocketAddress(IPAddress("224.0.0.5")!), prefixLength: 32)

    static func add(_ satype: SAType, spi: UInt32) -> Message {
        Message(.add, saType: satype, sequence: 1, pid: 4242, extensions: [
            .sa(SAExtension(spi: spi, replay: 0, state: .mature, auth: 2)), .address(src), .address(dst),
            .key(KeyExtension(.auth, bits: 128, key: Array(repeating: 0x11, count: 16))),
        ])
    }

    static func expire(_ satype: SAType, spi: UInt32, soft: Bool = true) -> Message {
        Message(.expire, saType: satype, sequence: 2, pid: 89, extensions: [
            .sa(SAExtension(spi: spi, replay: 0, state: .dying, auth: 2)),
            .lifetime(LifetimeExtension(.current, bytes: 4096, addTime: 1000)),
        ] + (soft ? [.lifetime(LifetimeExtension(.soft, addTime: 600))] : []) + [.address(src), .address(dst)])
    }

    static func route(_ d: [ReferenceKeySockets.Delivery]) -> [String] { d.map { "\($0.socket):\($0.message.type.name):\($0.message.errno)" } }

    @Test func anOSPFv2ExpireFromTheDaemonReachesEverySocket() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 3)
        _ = s.send(try Self.add(.ospfv2, spi: 0x2000).encode(dialect: .rfc2367), from: 0)
        let d = s.send(try Self.expire(.ospfv2, spi: 0x2000).encode(dialect: .rfc2367), from: 1)
        #expect(Self.route(d) == ["0:EXPIRE:0", "1:EXPIRE:0", "2:EXPIRE:0"])
        #expect(d.first?.message.pid == 89)
        #expect(d.first?.message.extensions.map(\.name) == ["SA", "LIFETIME_CURRENT", "LIFETIME_SOFT", "ADDRESS_SRC", "ADDRESS_DST"])
    }

    @Test func refusals() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 3)
        _ = s.send(try Self.add(.ospfv2, spi: 0x2000).encode(dialect: .rfc2367), from: 0)
        _ = s.send(try Self.add(.esp, spi: 0x3000).encode(dialect: .rfc2367), from: 0)
        // An SA the SADB does not hold: ESRCH, to the sender.
        #expect(Self.route(s.send(try Self.expire(.ospfv2, spi: 0x2001).encode(dialect: .rfc2367), from: 1)) == ["1:EXPIRE:3"])
        // Without HARD or SOFT lifetime the EXPIRE breaks 3.1.8's layout: EINVAL.
        #expect(Self.route(s.send(try Self.expire(.ospfv2, spi: 0x2000, soft: false).encode(dialect: .rfc2367), from: 1)) == ["1:EXPIRE:22"])
        // ESP is the kernel's own protocol: a process's EXPIRE is refused.
        #expect(Self.route(s.send(try Self.expire(.esp, spi: 0x3000).encode(dialect: .rfc2367), from: 1)) == ["1:EXPIRE:22"])
        // Linux relays no process's EXPIRE.
        var linux = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .linux), sockets: 2)
        #expect(Self.route(linux.send(try Self.expire(.ospfv2, spi: 0x2000).encode(dialect: .linux), from: 1)) == ["1:EXPIRE:22"])
    }
}
