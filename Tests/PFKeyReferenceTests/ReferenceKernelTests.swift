import Testing
@testable import PFKey
import PFKeyReference

/// The reference kernel driven with the scenario the real Linux 6.1 af_key ran under
/// User-Mode Linux (KernelCaptures): its replies have the kernel's shapes, sizes and errnos.
@Suite struct ReferenceKernelTests {
    static let pid: UInt32 = 4242
    static let local = IPAddress("10.0.0.1")!
    static let peer = IPAddress("10.0.0.2")!

    static func addRequest(spi: UInt32 = 0x1234, dst: IPAddress = IPAddress("10.0.0.3")!, hardSeconds: UInt64 = 0, softSeconds: UInt64 = 0) -> Message {
        var e: [Extension] = [.sa(SAExtension(spi: spi, replay: 0, state: .mature, auth: 3, encrypt: 12))]
        if hardSeconds != 0 || softSeconds != 0 {
            e += [.lifetime(LifetimeExtension(.hard, addTime: hardSeconds)), .lifetime(LifetimeExtension(.soft, addTime: softSeconds))]
        }
        e += [.address(AddressExtension(.source, SocketAddress(local), prefixLength: 32)),
              .address(AddressExtension(.destination, SocketAddress(dst), prefixLength: 32)),
              .key(KeyExtension(.auth, key: Array(0x01...0x14))), .key(KeyExtension(.encrypt, key: Array(0x21...0x30)))]
        return Message(.add, saType: .esp, sequence: 1, pid: pid, extensions: e)
    }

    static let spdAddRequest = Message(.spdAdd, sequence: 2, pid: pid, extensions: [
        .address(AddressExtension(.source, SocketAddress(local), proto: 255, prefixLength: 32)),
        .address(AddressExtension(.destination, SocketAddress(peer), proto: 255, prefixLength: 32)),
        .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: [IPsecRequest(proto: 50, mode: 1, level: 2)])),
    ])

    func sizes(_ ms: [Message]) throws -> [Int] { try ms.map { try $0.encode(dialect: .linux).count } }

    @Test func registerReplyIs112Bytes() throws {
        var k = ReferenceKernel()
        let r = k.handle(Message(.register, saType: .esp, sequence: 1, pid: Self.pid))
        #expect(try sizes(r) == [112])
        #expect(r[0].extensions.map(\.name) == ["SUPPORTED_AUTH", "SUPPORTED_ENCRYPT"])
        #expect(r[0] == KernelSamples.registerReply())
    }

    /// Linux compose_sadb_supported ignores the SA type: AH gets the encrypt list too.
    @Test func registerForAHListsEncryptAlgorithmsToo() throws {
        var k = ReferenceKernel()
        let r = k.handle(Message(.register, saType: .ah, sequence: 1, pid: Self.pid))
        #expect(try sizes(r) == [112])
        #expect(r[0].extensions.map(\.name) == ["SUPPORTED_AUTH", "SUPPORTED_ENCRYPT"])
        var rfc = ReferenceKernel(dialect: .rfc2367)
        #expect(rfc.handle(Message(.register, saType: .ah, sequence: 1, pid: Self.pid))[0].extensions.map(\.name) == ["SUPPORTED_AUTH"])
    }

    @Test func addReplyIs272BytesWithKeysEchoed() throws {
        var k = ReferenceKernel()
        let r = k.handle(Self.addRequest())
        #expect(try sizes(r) == [272])
        #expect(r[0] == KernelSamples.addReply(sequence: 1, pid: Self.pid, addTime: k.now))
        // A second ADD of the same SA is EEXIST.
        #expect(k.handle(Self.addRequest()).map(\.errno) == [ReferenceKernel.Errno.EEXIST])
    }

    @Test func getOfUnknownSPIIsESRCHAndDumpOfEmptyIsENOENT() throws {
        var k = ReferenceKernel()
        let get = Message(.get, saType: .esp, sequence: 3, pid: Self.pid, extensions: [
            .sa(SAExtension(spi: 0x9999)),
            .address(AddressExtension(.source, SocketAddress(Self.local))), .address(AddressExtension(.destination, SocketAddress(Self.peer))),
        ])
        let g = k.handle(get)
        #expect(try sizes(g) == [16])
        #expect(g[0].errno == 3)
        let d = k.handle(Message(.dump, saType: .esp, sequence: 4, pid: Self.pid))
        #expect(try sizes(d) == [16])
        #expect(d[0].errno == 2)
    }

    @Test func getAndDumpReturnTheAddedSA() throws {
        var k = ReferenceKernel()
        _ = k.handle(Self.addRequest())
        let get = Message(.get, saType: .esp, sequence: 3, pid: Self.pid, extensions: [
            .sa(SAExtension(spi: 0x1234)),
            .address(AddressExtension(.source, SocketAddress(Self.local))), .address(AddressExtension(.destination, SocketAddress(IPAddress("10.0.0.3")!))),
        ])
        let g = k.handle(get)
        #expect(try sizes(g) == [272])
        #expect(g[0].key(.auth)?.key == Array(0x01...0x14))
        _ = k.handle(Self.addRequest(spi: 0x1235))
        let d = k.handle(Message(.dump, saType: .esp, sequence: 4, pid: Self.pid))
        #expect(d.map(\.sequence) == [1, 0])
        #expect(d.map { $0.sa?.spi } == [0x1234, 0x1235])
    }

    @Test func spdAddReplyIs192BytesWithPolicyID1() throws {
        var k = ReferenceKernel()
        let r = k.handle(Self.spdAddRequest)
        #expect(try sizes(r) == [192])
        #expect(r[0].extensions.map(\.name) == ["ADDRESS_SRC", "ADDRESS_DST", "LIFETIME_HARD", "LIFETIME_SOFT", "LIFETIME_CURRENT", "X_POLICY"])
        #expect(r[0].policy?.id == 1)
        #expect(r[0] == KernelSamples.spdAddReply(sequence: 2, pid: Self.pid, addTime: k.now))
        // The next outbound policy gets 9, an inbound one 16 (Linux xfrm_gen_index).
        var second = Self.spdAddRequest
        second.extensions[1] = .address(AddressExtension(.destination, SocketAddress(IPAddress("10.0.0.9")!), proto: 255, prefixLength: 32))
        #expect(k.handle(second)[0].policy?.id == 9)
        var inbound = Self.spdAddRequest
        inbound.extensions[2] = .policy(PolicyExtension(type: .ipsec, direction: .inbound, requests: [IPsecRequest(proto: 50, mode: 1, level: 2)]))
        #expect(k.handle(inbound)[0].policy?.id == 16)
        #expect(k.handle(Self.spdAddRequest).map(\.errno) == [ReferenceKernel.Errno.EEXIST])
    }

    @Test func linuxAcquireIs88BytesWithPolicyIDAndPortsZero() throws {
        var k = ReferenceKernel()
        _ = k.handle(Message(.register, saType: .esp, sequence: 1, pid: Self.pid))
        _ = k.handle(Self.spdAddRequest)
        let result = k.send(.init(source: Self.local, destination: Self.peer, proto: 17, sourcePort: 40000, destinationPort: 9))
        #expect(result.action == .acquiring(sequence: 1))
        #expect(result.policyID == 1)
        #expect(try sizes(result.messages) == [88])
        let acquire = try #require(result.messages.first)
        #expect(acquire == KernelSamples.acquire())
        #expect(acquire.address(.source)?.address.port == 0)
        // Decodes strictly as a kernel message.
        #expect(try Message(decoding: acquire.encode(), options: DecodingOptions(direction: .kernel, unknownExtensions: .reject)) == acquire)
        // A second packet while the acquisition is pending sends no second ACQUIRE.
        #expect(k.send(.init(source: Self.local, destination: Self.peer, proto: 17, sourcePort: 40000, destinationPort: 9)).messages.isEmpty)
    }

    @Test func rfc2367AcquireCarriesTheSessionPortsAndNoPolicy() throws {
        var k = ReferenceKernel(dialect: .rfc2367)
        _ = k.handle(Message(.register, saType: .esp, sequence: 1, pid: Self.pid))
        // The rfc2367 dialect has no X_SPDADD: the policy is installed as the KAME one would be.
        var linuxSide = ReferenceKernel(dialect: .linux)
        _ = linuxSide.handle(Self.spdAddRequest)
        k.installPolicies(linuxSide.policies)
        let result = k.send(.init(source: Self.local, destination: Self.peer, proto: 17, sourcePort: 40000, destinationPort: 9))
        let acquire = try #require(result.messages.first)
        #expect(acquire.policy == nil)
        #expect(acquire.address(.source)?.address.port == 40000)
        #expect(acquire.address(.destination)?.address.port == 9)
        #expect(acquire.address(.source)?.proto == 17)
        #expect(acquire.proposal?.combinations.count == 20)
        #expect(try Message(decoding: acquire.encode(dialect: .rfc2367), options: DecodingOptions(dialect: .rfc2367, direction: .kernel, unknownExtensions: .reject)) == acquire)
    }

    @Test func getSPIThenUpdateMatchedToTheAcquireSeq() throws {
        var k = ReferenceKernel()
        _ = k.handle(Message(.register, saType: .esp, sequence: 1, pid: Self.pid))
        _ = k.handle(Self.spdAddRequest)
        let acq = try #require(k.send(.init(source: Self.local, destination: Self.peer)).messages.first)
        let getspi = Message(.getSPI, saType: .esp, sequence: acq.sequence, pid: Self.pid, extensions: [
            .address(AddressExtension(.source, SocketAddress(Self.local))), .address(AddressExtension(.destination, SocketAddress(Self.peer))),
            .spiRange(SPIRangeExtension(min: 0xc000_0000, max: 0xcfff_ffff)),
        ])
        let g = k.handle(getspi)
        let spi = try #require(g.first?.sa?.spi)
        #expect(g[0].sa?.state == .larval)
        #expect((0xc000_0000...0xcfff_ffff).contains(spi))
        #expect(k.sas.count == 1)  // the ACQUIRE's larval SA got the SPI
        var update = Self.addRequest(spi: spi, dst: Self.peer)
        update.type = .update
        update.sequence = acq.sequence
        let u = k.handle(update)
        #expect(u.first?.errno == 0)
        #expect(u.first?.sa?.state == .mature)
        #expect(k.send(.init(source: Self.local, destination: Self.peer)).action == .protected(spi: spi))
        // UPDATE of an SPI that does not exist: ESRCH.
        update.extensions[0] = .sa(SAExtension(spi: 0xdead, auth: 3, encrypt: 12))
        #expect(k.handle(update).map(\.errno) == [3])
    }

    @Test func rfc2367UpdateMustCarryTheAcquireSeq() throws {
        var k = ReferenceKernel(dialect: .rfc2367)
        var linuxSide = ReferenceKernel(dialect: .linux)
        _ = linuxSide.handle(Self.spdAddRequest)
        k.installPolicies(linuxSide.policies)
        _ = k.handle(Message(.register, saType: .esp, sequence: 1, pid: Self.pid))
        let acq = try #require(k.send(.init(source: Self.local, destination: Self.peer)).messages.first)
        let g = k.handle(Message(.getSPI, saType: .esp, sequence: acq.sequence, pid: Self.pid, extensions: [
            .address(AddressExtension(.source, SocketAddress(Self.local))), .address(AddressExtension(.destination, SocketAddress(Self.peer))),
            .spiRange(SPIRangeExtension(min: 0x1000, max: 0x2000)),
        ]))
        #expect(g[0].extensions.map(\.name) == ["SA", "ADDRESS_SRC", "ADDRESS_DST"])
        var update = Self.addRequest(spi: g[0].sa!.spi, dst: Self.peer)
        update.type = .update
        update.sequence = acq.sequence + 5
        #expect(k.handle(update).map(\.errno) == [ReferenceKernel.Errno.EINVAL])
        update.sequence = acq.sequence
        #expect(k.handle(update).map(\.errno) == [0])
    }

    @Test func expireSoftThenHardOnTheSimulatedClock() throws {
        var k = ReferenceKernel()
        _ = k.handle(Self.addRequest(hardSeconds: 60, softSeconds: 30))
        #expect(k.advanceClock(by: 29).isEmpty)
        let soft = k.advanceClock(by: 1)
        #expect(soft.map(\.type) == [.expire])
        #expect(soft[0].lifetime(.soft) != nil && soft[0].lifetime(.hard) == nil)
        #expect(soft[0].sa?.state == .dying)
        #expect(try Message(decoding: soft[0].encode(), options: DecodingOptions(direction: .kernel)) == soft[0])
        #expect(k.advanceClock(by: 10).isEmpty)
        let hard = k.advanceClock(by: 20)
        #expect(hard.map(\.type) == [.expire])
        #expect(hard[0].lifetime(.hard)?.addTime == 60)
        #expect(k.sas.isEmpty)
    }

    @Test func spdGetDumpDeleteAndFlush() throws {
        var k = ReferenceKernel()
        _ = k.handle(Self.spdAddRequest)
        let get = k.handle(Message(.spdGet, sequence: 5, pid: Self.pid, extensions: [.policy(PolicyExtension(type: .ipsec, direction: .outbound, id: 1))]))
        #expect(try sizes(get) == [192])
        #expect(get[0].address(.destination)?.address.address == Self.peer)
        #expect(k.handle(Message(.spdGet, sequence: 5, pid: Self.pid, extensions: [.policy(PolicyExtension(type: .ipsec, direction: .outbound, id: 77))])).map(\.errno) == [2])
        #expect(k.handle(Message(.spdDump, sequence: 6, pid: Self.pid)).map(\.type) == [.spdDump])
        let del = k.handle(Message(.spdDelete, sequence: 7, pid: Self.pid, extensions: Self.spdAddRequest.extensions))
        #expect(del.map(\.errno) == [0])
        #expect(k.handle(Message(.spdDump, sequence: 8, pid: Self.pid)).map(\.errno) == [2])
        _ = k.handle(Self.spdAddRequest)
        #expect(k.handle(Message(.spdFlush, sequence: 9, pid: Self.pid)).count == 1)
        #expect(k.policies.isEmpty)
    }

    @Test func flushOfANonEmptySADBRepliesTwice() throws {
        var k = ReferenceKernel()
        _ = k.handle(Self.addRequest())
        #expect(k.handle(Message(.flush, saType: .unspecified, sequence: 9, pid: Self.pid)).count == 2)
        #expect(k.handle(Message(.flush, saType: .unspecified, sequence: 10, pid: Self.pid)).count == 1)
    }

    @Test func deleteRemovesTheSA() throws {
        var k = ReferenceKernel()
        _ = k.handle(Self.addRequest())
        let del = Message(.delete, saType: .esp, sequence: 3, pid: Self.pid, extensions: [
            .sa(SAExtension(spi: 0x1234)),
            .address(AddressExtension(.source, SocketAddress(Self.local))), .address(AddressExtension(.destination, SocketAddress(IPAddress("10.0.0.3")!))),
        ])
        let r = k.handle(del)
        #expect(r.first?.errno == 0)
        // Linux 6.1 answers a DELETE with the whole dead state, keys and lifetimes echoed.
        #expect(try sizes(r) == [272])
        #expect(r.first?.extensions.map(\.name) == ["SA", "LIFETIME_HARD", "LIFETIME_SOFT", "LIFETIME_CURRENT", "ADDRESS_SRC",
                                                     "ADDRESS_DST", "ADDRESS_PROXY", "KEY_AUTH", "KEY_ENCRYPT", "X_SA2"])
        #expect(r.first?.sa?.state == .dead)
        #expect(r.first?.key(.auth) == Self.addRequest().key(.auth))
        #expect(k.sas.isEmpty)
        #expect(k.handle(del).map(\.errno) == [3])
    }

    @Test func invalidBytesGetEINVAL() throws {
        var k = ReferenceKernel()
        var bytes = try Self.addRequest().encode()
        bytes[37] = 33  // prefix length 33
        let replies = k.handle(bytes: bytes)
        #expect(replies.count == 1)
        #expect(replies.first?.count == 16)
        #expect(replies.first?[2] == ReferenceKernel.Errno.EINVAL)
    }
}
