import Testing
import PFKey
import PFKeyReference

/// Several sockets on one reference kernel (RFC 2367 3.1's "to all listening processes",
/// "to registered sockets", "to the socket that sent"), and RFC 2367 3.7's identity rules.
@Suite struct ReferenceKeySocketsTests {
    static let src = AddressExtension(.source, SocketAddress(IPAddress("10.0.0.1")!), prefixLength: 32)
    static let dst = AddressExtension(.destination, SocketAddress(IPAddress("10.0.0.2")!), prefixLength: 32)

    static func bytes(_ m: Message, _ dialect: Dialect = .rfc2367) throws -> [UInt8] { try m.encode(dialect: dialect) }

    static func getSPI(seq: UInt32 = 1) -> Message {
        Message(.getSPI, saType: .esp, sequence: seq, pid: 4242,
                extensions: [.address(src), .address(dst), .spiRange(SPIRangeExtension(min: 0x100, max: 0x0fff_ffff))])
    }

    static func update(spi: UInt32) -> Message {
        Message(.update, saType: .esp, sequence: 1, pid: 4242, extensions: [
            .sa(SAExtension(spi: spi, replay: 32, state: .mature, auth: 3, encrypt: 12)), .address(src), .address(dst),
            .key(KeyExtension(.auth, bits: 160, key: Array(repeating: 0x11, count: 20))),
            .key(KeyExtension(.encrypt, bits: 128, key: Array(repeating: 0x51, count: 16))),
        ])
    }

    static func route(_ d: [ReferenceKeySockets.Delivery]) -> [String] { d.map { "\($0.socket):\($0.message.type.name):\($0.message.errno)" } }

    @Test func getSPIReachesEverySocketInRFC2367AndOnlyTheSenderOnLinux() throws {
        var rfc = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 3)
        #expect(Self.route(rfc.send(try Self.bytes(Self.getSPI()), from: 1)) == ["0:GETSPI:0", "1:GETSPI:0", "2:GETSPI:0"])
        var linux = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .linux), sockets: 3)
        let linuxGetSPI = Message(.getSPI, saType: .esp, sequence: 1, pid: 4242, extensions: [.address(Self.src), .address(Self.dst)])
        #expect(Self.route(linux.send(try Self.bytes(linuxGetSPI, .linux), from: 1)) == ["1:GETSPI:0"])
    }

    @Test func linuxFlushAndRegisterRouting() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .linux), sockets: 3)
        // An empty table: the sender's unicast reply alone.
        #expect(Self.route(s.send(try Self.bytes(Message(.flush, sequence: 1, pid: 1), .linux), from: 2)) == ["2:FLUSH:0"])
        #expect(Self.route(s.send(try Self.bytes(Message(.register, saType: .esp, sequence: 2, pid: 1), .linux), from: 0)) == ["0:REGISTER:0"])
        // UNSPEC registers nothing; the sender still reads the reply, and so does socket 0.
        #expect(Self.route(s.send(try Self.bytes(Message(.register, sequence: 3, pid: 1), .linux), from: 1)) == ["0:REGISTER:0", "1:REGISTER:0"])
        let add = Message(.add, saType: .esp, sequence: 4, pid: 1, extensions: [
            .sa(SAExtension(spi: 0x1000, replay: 32, state: .mature, auth: 3, encrypt: 12)), .address(Self.src), .address(Self.dst),
            .key(KeyExtension(.auth, bits: 160, key: Array(repeating: 0x11, count: 20))),
            .key(KeyExtension(.encrypt, bits: 128, key: Array(repeating: 0x51, count: 16))),
        ])
        #expect(Self.route(s.send(try Self.bytes(add, .linux), from: 1)) == ["0:ADD:0", "1:ADD:0", "2:ADD:0"])
        // Something flushed: the sender's reply, then the broadcast.
        #expect(Self.route(s.send(try Self.bytes(Message(.flush, sequence: 5, pid: 1), .linux), from: 2)) == ["2:FLUSH:0", "0:FLUSH:0", "1:FLUSH:0", "2:FLUSH:0"])
    }

    @Test func errorRepliesGoToTheSenderAlone() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 2)
        let get = Message(.get, saType: .esp, sequence: 1, pid: 1, extensions: [.sa(SAExtension(spi: 9)), .address(Self.src), .address(Self.dst)])
        #expect(Self.route(s.send(try Self.bytes(get), from: 1)) == ["1:GET:3"])
    }

    @Test func updateFromAnotherSocketIsRefusedOnlyWhenThePermissionIsTaken() throws {
        for taken in [true, false] {
            var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 2, updateOnlyFromCreator: taken)
            let spi = try #require(s.send(try Self.bytes(Self.getSPI()), from: 0).first?.message.sa?.spi)
            let reply = s.send(try Self.bytes(Self.update(spi: spi)), from: 1)
            #expect(Self.route(reply) == (taken ? ["1:UPDATE:1"] : ["0:UPDATE:0", "1:UPDATE:0"]), "permission taken: \(taken)")
        }
    }

    @Test func unsupportedTypeIsEOPNOTSUPP() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 1, unsupported: [.dump])
        #expect(Self.route(s.send(try Self.bytes(Message(.dump, sequence: 1, pid: 1)), from: 0)) == ["0:DUMP:95"])
    }

    @Test func processACQUIREIsRelayedToSocketsRegisteredForItsType() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 3)
        let acquire = Message(.acquire, saType: .ospfv2, sequence: 1, pid: 89, extensions: [
            .address(Self.src), .address(Self.dst), .proposal(ProposalExtension(combinations: [.init(auth: 2)])),
        ])
        #expect(Self.route(s.send(try Self.bytes(acquire), from: 1)) == ["1:ACQUIRE:93"])
        #expect(Self.route(s.send(try Self.bytes(Message(.register, saType: .ospfv2, sequence: 2, pid: 1)), from: 2)) == ["2:REGISTER:0"])
        #expect(Self.route(s.send(try Self.bytes(acquire), from: 1)) == ["2:ACQUIRE:0"])
    }

    @Test func algorithmChangeSendsEachRegisteredSocketACompleteRegisterReply() throws {
        var s = ReferenceKeySockets(kernel: ReferenceKernel(dialect: .rfc2367), sockets: 2)
        _ = s.send(try Self.bytes(Message(.register, saType: .esp, sequence: 1, pid: 1)), from: 0)
        let d = s.setAlgorithms(auth: [.init(id: 2, minBits: 128, maxBits: 128)], encrypt: [.init(id: 3, ivLength: 8, minBits: 192, maxBits: 192)])
        #expect(Self.route(d) == ["0:REGISTER:0"])
        #expect(d.first?.message.pid == 0)
        #expect(d.first?.message.supported(.encrypt)?.algorithms.map(\.id) == [3])
        #expect(d.first?.message.supported(.auth)?.algorithms.map(\.id) == [2])
    }

    // RFC 2367 3.7, rfc2367 dialect.
    static func add(_ identities: [IdentityExtension], source: String = "10.0.0.1") -> Message {
        Message(.add, saType: .esp, sequence: 1, pid: 1, extensions: [
            .sa(SAExtension(spi: 0x1000, replay: 32, state: .mature, auth: 3, encrypt: 12)),
            .address(AddressExtension(.source, SocketAddress(IPAddress(source)!), prefixLength: 32)), .address(Self.dst),
            .key(KeyExtension(.auth, bits: 160, key: Array(repeating: 0x11, count: 20))),
            .key(KeyExtension(.encrypt, bits: 128, key: Array(repeating: 0x51, count: 16))),
        ] + identities.map(Extension.identity))
    }

    @Test(arguments: [
        ("10.0.0.0/24", UInt64(0), "10.0.0.1", UInt8(0)),
        ("10.0.0.1/24", 0, "10.0.0.1", 22),       // a bit past the prefix set
        ("10.0.0.0/24", 0, "10.0.1.1", 22),       // the SA's source outside
        ("10.0.0.0/24", 7, "10.0.0.1", 22),       // sadb_ident_id not zero
        ("10.0.0.0/33", 0, "10.0.0.1", 22),       // longer than the address
        ("10.0.0.0", 0, "10.0.0.1", 22),          // no prefix length
        ("10.0.0.0/+8", 0, "10.0.0.1", 22),       // not a decimal number
        ("0.0.0.0/0", 0, "10.0.0.1", 0),
        ("10.0.0.1/32", 0, "10.0.0.1", 0),
    ])
    func prefixIdentity(_ text: String, _ id: UInt64, _ source: String, _ errno: UInt8) {
        var k = ReferenceKernel(dialect: .rfc2367)
        #expect(k.handle(Self.add([IdentityExtension(.source, identityType: 1, id: id, string: text)], source: source)).first?.errno == errno)
    }

    @Test func prefixIdentityIsComparedInBinary() {
        var k = ReferenceKernel(dialect: .rfc2367)
        let v6 = Message(.add, saType: .esp, sequence: 1, pid: 1, extensions: [
            .sa(SAExtension(spi: 0x1000, replay: 32, state: .mature, auth: 3, encrypt: 12)),
            .address(AddressExtension(.source, SocketAddress(IPAddress("2001:db8::1")!), prefixLength: 128)),
            .address(AddressExtension(.destination, SocketAddress(IPAddress("2001:db8::2")!), prefixLength: 128)),
            .identity(IdentityExtension(.destination, identityType: 1, string: "2001:DB8:0:0::/64")),
        ])
        #expect(k.handle(v6).first?.errno == 0)
    }

    @Test func fqdnIdentityNeedsIdZeroAndLinuxReadsNoIdentity() {
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(Self.add([IdentityExtension(.destination, identityType: 2, id: 7, string: "a.example")])).first?.errno == 22)
        #expect(rfc.handle(Self.add([IdentityExtension(.destination, identityType: 3, id: 7, string: "julia@a.example")])).first?.errno == 0)
        var linux = ReferenceKernel(dialect: .linux)
        #expect(linux.handle(Self.add([IdentityExtension(.source, identityType: 1, id: 7, string: "10.0.0.1/24")])).first?.errno == 0)
    }
}
