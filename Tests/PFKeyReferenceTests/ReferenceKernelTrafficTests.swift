import Testing
import PFKey
import PFKeyReference

/// Traffic on the reference kernel's SAs (ReferenceKernel+Traffic): bytes counted as RFC 4301
/// 4.4.2.1 (a) has them, byte lifetimes, the sequence counter's overflow and its audit
/// record, inbound packets checked against the SA's selectors; and the rfc2367 dialect's
/// refusal of a multicast PROXY (RFC 2367 2.3.3).
@Suite struct ReferenceKernelTrafficTests {
    static let us = IPAddress("10.0.0.1")!
    static let peer = IPAddress("10.0.0.2")!

    static func add(spi: UInt32, to dst: IPAddress = peer, satype: SAType = .esp, replay: UInt8 = 32, auth: UInt8 = 3, encrypt: UInt8 = 12,
                    hardBytes: UInt64 = 0, softBytes: UInt64 = 0, mode: UInt8? = nil,
                    source: AddressExtension? = nil, proxy: AddressExtension? = nil) -> Message {
        var e: [Extension] = [.sa(SAExtension(spi: spi, replay: replay, state: .mature, auth: auth, encrypt: satype == .ah ? 0 : encrypt))]
        if hardBytes != 0 { e.append(.lifetime(LifetimeExtension(.hard, bytes: hardBytes))) }
        if softBytes != 0 { e.append(.lifetime(LifetimeExtension(.soft, bytes: softBytes))) }
        e += [.address(source ?? AddressExtension(.source, SocketAddress(us), prefixLength: 32)),
              .address(AddressExtension(.destination, SocketAddress(dst), prefixLength: 32))]
        if let proxy { e.append(.address(proxy)) }
        e.append(.key(KeyExtension(.auth, key: Array(0x01...0x14))))
        if satype == .esp && encrypt == 12 { e.append(.key(KeyExtension(.encrypt, key: Array(0x21...0x30)))) }
        if satype == .esp && encrypt == 3 { e.append(.key(KeyExtension(.encrypt, key: Array(0x21...0x38)))) }
        if let mode { e.append(.sa2(SA2Extension(mode: mode))) }
        return Message(.add, saType: satype, sequence: 1, pid: 4242, extensions: e)
    }

    /// A kernel with the SA of `request` and an outbound ESP (or AH) policy to 10.0.0.0/24.
    static func kernel(_ requests: Message..., dialect: Dialect = .linux, proto: UInt16 = 50) throws -> ReferenceKernel {
        var k = ReferenceKernel(dialect: dialect)
        for r in requests { #expect(k.handle(r).first?.errno == 0) }
        let spd = Message(.spdAdd, sequence: 2, pid: 4242, extensions: [
            .address(AddressExtension(.source, SocketAddress(us), proto: 255, prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(IPAddress("10.0.0.0")!), proto: 255, prefixLength: 24)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: [IPsecRequest(proto: proto, mode: 1, level: 2)])),
        ])
        #expect(k.handle(spd).first?.errno == 0)
        return k
    }

    static let packet = ReferenceKernel.OutboundPacket(source: us, destination: peer, proto: 17, sourcePort: 40000, destinationPort: 9)

    /// 4.4.2.1 (a): the bytes the cipher is applied to for a 100-byte IPv4 packet: the 80
    /// payload bytes and the 2-byte trailer, padded to the block (ESP), or the whole packet
    /// and the AH header (AH, HMAC-SHA1-96: 12 + 12).
    @Test(arguments: [
        (UInt8(12), SAType.esp, UInt8?.none, UInt64(96)),   // AES-CBC, 16-byte blocks
        (UInt8(3), SAType.esp, UInt8?.none, UInt64(88)),    // 3DES-CBC, 8-byte blocks
        (UInt8(11), SAType.esp, UInt8?.none, UInt64(84)),   // NULL: 4-byte alignment
        (UInt8(12), SAType.esp, UInt8?(2), UInt64(112)),    // tunnel: the whole inner packet
        (UInt8(0), SAType.ah, UInt8?.none, UInt64(124)),    // AH: packet + AH header
    ])
    func bytesCountedAreThoseTheAlgorithmCovers(encrypt: UInt8, satype: SAType, mode: UInt8?, expected: UInt64) throws {
        var k = try Self.kernel(Self.add(spi: 0x1000, satype: satype, encrypt: encrypt, mode: mode), proto: satype == .ah ? 51 : 50)
        let r = k.send(Self.packet, length: 100, count: 1)
        #expect(r.action == .protected(spi: 0x1000))
        #expect(r.protected == 1)
        #expect(k.sas.first { $0.sa.spi == 0x1000 }?.current.bytes == expected)
    }

    /// 4.4.2.1 (b), (c): soft byte limit -> soft EXPIRE; a packet with no room under the
    /// hard limit is discarded with the hard EXPIRE, and the SA goes (linux) or is DEAD (rfc2367).
    @Test(arguments: [Dialect.linux, .rfc2367])
    func byteLifetimes(dialect: Dialect) throws {
        var k = try Self.kernel(Self.add(spi: 0x1000, encrypt: 11, hardBytes: 200, softBytes: 150), dialect: dialect)
        let first = k.send(Self.packet, length: 100, count: 1)
        #expect(first.messages.isEmpty)
        let second = k.send(Self.packet, length: 100, count: 1)
        #expect(second.messages.map(\.type) == [.expire])
        #expect(second.messages.first?.lifetime(.soft)?.bytes == 150)
        #expect(second.messages.first?.lifetime(.current)?.bytes == 168)
        #expect(second.messages.first?.sa?.state == .dying)

        var k2 = try Self.kernel(Self.add(spi: 0x1000, encrypt: 11, hardBytes: 200), dialect: dialect)
        let r = k2.send(Self.packet, length: 100, count: 3)
        #expect(r.protected == 2)
        #expect(r.action == .discard)
        #expect(r.messages.map(\.type) == [.expire])
        #expect(r.messages.first?.lifetime(.hard)?.bytes == 200)
        #expect(k2.sas.first { $0.sa.spi == 0x1000 }?.sa.state == (dialect.name == .linux ? nil : .dead))
    }

    /// Sequence Counter Overflow: with anti-replay the 2^32-th packet is discarded and
    /// audited; without it the counter rolls over.
    @Test func sequenceCounterOverflowIsAuditedWithAntiReplayOnly() throws {
        var k = try Self.kernel(Self.add(spi: 0x1000), Self.add(spi: 0x2000, to: IPAddress("10.0.0.3")!, replay: 0))
        let all = k.send(Self.packet, length: nil, count: UInt64(UInt32.max))
        #expect(all.protected == UInt64(UInt32.max))
        #expect(all.audit.isEmpty)
        let over = k.send(Self.packet, length: nil, count: 5)
        #expect(over.protected == 0)
        #expect(over.action == .discard)
        #expect(over.audit == [AuditRecord(event: "sequence-overflow", spi: 0x1000, time: 1_700_000_000, localAddress: Self.us,
                                           remoteAddress: Self.peer, selectors: "10.0.0.1/32 -> 10.0.0.2/32 proto any")])
        #expect(k.auditLog.count == 1)
        var manual = Self.packet
        manual.destination = IPAddress("10.0.0.3")!
        let rolled = k.send(manual, length: nil, count: UInt64(UInt32.max) + 2)
        #expect(rolled.protected == UInt64(UInt32.max) + 2)
        #expect(rolled.audit.isEmpty)
    }

    /// Counts at the edge of UInt64 neither trap nor wrap the byte counter: it saturates.
    @Test func hugeCountsSaturateTheByteCounter() throws {
        var k = try Self.kernel(Self.add(spi: 0x1000, replay: 0))
        let r = k.send(Self.packet, length: 65535, count: .max)
        #expect(r.protected == .max)
        #expect(k.sas.first { $0.sa.spi == 0x1000 }?.current.bytes == .max)
    }

    /// RFC 4301 4.4.2: an inbound packet is checked against the selectors the SA was
    /// created with (PROXY as the source prefix, the upper-layer protocol).
    @Test func inboundPacketsAreCheckedAgainstTheSAsSelectors() throws {
        var k = ReferenceKernel(dialect: .linux)
        let proxy = AddressExtension(.proxy, SocketAddress(IPAddress("192.168.2.0")!), proto: 6, prefixLength: 24)
        let source = AddressExtension(.source, SocketAddress(Self.peer), proto: 6, prefixLength: 32)
        var add = Self.add(spi: 0x3000, to: Self.us, source: source, proxy: proxy)
        add.extensions.removeAll { $0.type == .addressDestination }
        add.extensions.insert(.address(AddressExtension(.destination, SocketAddress(Self.us), proto: 6, prefixLength: 32)), at: 2)
        #expect(k.handle(add).first?.errno == 0)
        func receive(_ src: String, proto: UInt8 = 6, spi: UInt32 = 0x3000) -> ReferenceKernel.InboundResult.Action {
            k.receive(ReferenceKernel.InboundPacket(spi: spi, outerDestination: Self.us, source: IPAddress(src)!, destination: Self.us, proto: proto)).action
        }
        #expect(receive("192.168.2.7") == .accepted)
        #expect(receive("192.168.3.7") == .selectorMismatch)
        #expect(receive("192.168.2.7", proto: 17) == .selectorMismatch)
        #expect(receive("192.168.2.7", spi: 0x3001) == .noSA)
    }

    /// Inbound byte lifetimes run on the bytes that arrived.
    @Test func inboundHardByteLimitEndsTheSAOnThisEndsCount() throws {
        var k = ReferenceKernel(dialect: .linux)
        var add = Self.add(spi: 0x3000, to: Self.us, hardBytes: 200, mode: 2)
        add.extensions.removeAll { $0.type == .addressSource }
        add.extensions.insert(.address(AddressExtension(.source, SocketAddress(Self.peer), prefixLength: 32)), at: 2)
        #expect(k.handle(add).first?.errno == 0)
        let p = ReferenceKernel.InboundPacket(spi: 0x3000, outerDestination: Self.us, source: Self.peer, destination: Self.us, proto: 6, length: 100)
        #expect(k.receive(p).action == .accepted)
        let last = k.receive(p)
        #expect(last.action == .expired)
        #expect(last.messages.first?.lifetime(.current)?.bytes == 112)
        #expect(k.receive(p).action == .noSA)
    }

    /// RFC 2367 2.3.3: "The PROXY address SHOULD be a unicast address": refused for AH and
    /// ESP in the rfc2367 dialect, left alone for other SA types and in the linux dialect.
    @Test func multicastProxyIsRefusedForESPInRFC2367Only() throws {
        let multicast = AddressExtension(.proxy, SocketAddress(IPAddress("224.0.0.9")!), prefixLength: 32)
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(Self.add(spi: 0x1000, proxy: multicast)).first?.errno == 22)
        #expect(rfc.sas.isEmpty)
        let rsvp = Message(.add, saType: .rsvp, sequence: 1, pid: 4242, extensions: [
            .sa(SAExtension(spi: 0x1000, state: .mature)),
            .address(AddressExtension(.source, SocketAddress(Self.us), prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(Self.peer), prefixLength: 32)),
            .address(multicast),
        ])
        #expect(rfc.handle(rsvp).first?.errno == 0)
        var linux = ReferenceKernel(dialect: .linux)
        #expect(linux.handle(Self.add(spi: 0x1000, proxy: multicast)).first?.errno == 0)
    }
}
