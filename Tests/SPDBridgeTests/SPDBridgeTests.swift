import PFKey
import PFKeyReference
import SPDBridge
import Testing
import TrafficSelectors

@Suite struct SelectorConversionTests {
    @Test(arguments: [
        ("10.0.0.0", UInt8(24), UInt8(255), UInt16(0), "10.0.0.0/24", "any", "any"),
        ("10.0.0.1", UInt8(0), UInt8(0), UInt16(0), "10.0.0.1/32", "any", "any"),
        ("10.0.0.1", UInt8(32), UInt8(17), UInt16(500), "10.0.0.1/32", "17", "500"),
        ("2001:db8::", UInt8(64), UInt8(6), UInt16(443), "2001:db8::/64", "6", "443"),
    ])
    func addressExtensionBecomesASelector(address: String, prefix: UInt8, proto: UInt8, port: UInt16, range: String, expectedProto: String, ports: String) throws {
        let ext = AddressExtension(.source, SocketAddress(IPAddress(address)!, port: port), proto: proto, prefixLength: prefix)
        let ts = try SelectorConversion.selector(ext)
        #expect(ts == (try TrafficSelector(range, protocol: expectedProto == "any" ? 0 : UInt8(expectedProto)!, ports: ports)))
        // And back: the same prefix, protocol (any -> 255) and port.
        let back = SelectorConversion.addressExtension(.source, ts)
        #expect(back.prefixLength == (prefix == 0 ? 32 : prefix))
        #expect(back.proto == (proto == 0 ? 255 : proto))
        #expect(back.address.port == port)
    }

    @Test func mixedFamiliesAreAnAddressMismatch() {
        let m = Message(.acquire, saType: .esp, extensions: [
            .address(AddressExtension(.source, SocketAddress(IPAddress("10.0.0.1")!), prefixLength: 32)),
            .address(AddressExtension(.destination, SocketAddress(IPAddress("2001:db8::1")!), prefixLength: 128)),
        ])
        #expect(throws: BridgeError.addressMismatch) { _ = try SelectorConversion.selectors(of: m) }
    }
}

@Suite struct AcquireFlowTests {
    @Test func linuxAcquireGivesHostSelectorsWithoutPortsAndThePolicyID() throws {
        let trigger = try AcquireTrigger(acquire: KernelSamples.acquire(combinations: 2, sequence: 9))
        #expect(trigger.sequence == 9)
        #expect(trigger.source == (try TrafficSelector("10.0.0.1/32")))
        #expect(trigger.destination == (try TrafficSelector("10.0.0.2/32")))
        #expect(trigger.carriesPorts == false)
        #expect(trigger.policyID == 1)
        #expect(trigger.combinations.count == 2)
        let query = try AcquireFlow.policyQuery(for: trigger, sequence: 3, pid: 77)
        #expect(query.type == .spdGet)
        #expect(query.policy?.id == 1)
    }

    @Test func notAnAcquireIsUnexpected() {
        #expect(throws: BridgeError.unexpectedMessage) { _ = try AcquireTrigger(acquire: KernelSamples.addReply()) }
    }

    @Test func acquireWithoutAddressesIsMissingAnExtension() {
        #expect(throws: BridgeError.missingExtension) { _ = try AcquireTrigger(acquire: Message(.acquire, saType: .esp)) }
    }

    @Test func coreRFC2367AcquireHasNoPolicyToQuery() throws {
        var acquire = KernelSamples.acquire()
        acquire.extensions.removeAll { $0.type == .policy }
        let trigger = try AcquireTrigger(acquire: acquire)
        #expect(trigger.policyID == nil)
        #expect(throws: BridgeError.missingExtension) { _ = try AcquireFlow.policyQuery(for: trigger, sequence: 1, pid: 1) }
    }

    @Test func inboundPolicySwapsTheSides() throws {
        var reply = KernelSamples.spdAddReply()
        reply.extensions = reply.extensions.map { e in
            if case .policy(var p) = e { p.direction = .inbound; return .policy(p) }
            return e
        }
        let sel = try AcquireFlow.policySelectors(reply)
        #expect(sel.tsi.addresses == (try IPAddressRange(parsing: "10.0.0.2/32")))
        #expect(sel.tsr.addresses == (try IPAddressRange(parsing: "10.0.0.1/32")))
    }

    @Test func responderRefusalIsNarrowingRefused() throws {
        let trigger = try AcquireTrigger(acquire: KernelSamples.acquire())
        let proposal = AcquireFlow.proposal(trigger: trigger, policy: (trigger.source, trigger.destination))
        let policy = NarrowingPolicy(rules: [NarrowingRule(name: "other", remote: [try TrafficSelector("192.0.2.0/24")], local: [try TrafficSelector("192.0.2.0/24")])])
        #expect(throws: BridgeError.narrowingRefused) { _ = try AcquireFlow.narrow(proposal, responderPolicy: policy) }
    }
}

@Suite struct ChildSAInstallerTests {
    @Test func keysComeFromKEYMATInRFC7296Order() throws {
        let keymat = (0..<128).map { UInt8($0) }
        let keys = try ChildSAKeys(encryption: .aesCBC128, integrity: .hmacSHA1, keymat: keymat)
        #expect(keys.initiatorEncryptionKey == Array(keymat[0..<16]))
        #expect(keys.initiatorIntegrityKey == Array(keymat[16..<36]))
        #expect(keys.responderEncryptionKey == Array(keymat[36..<52]))
        #expect(keys.responderIntegrityKey == Array(keymat[52..<72]))
    }

    @Test func shortKEYMATIsRejected() {
        #expect(throws: BridgeError.unsupportedTransform) {
            _ = try ChildSAKeys(encryption: .aesCBC256, integrity: .hmacSHA256, keymat: Array(repeating: 0, count: 100))
        }
    }

    @Test func installRequestsDecodeAsValidRequestsBoundToTheAcquire() throws {
        let trigger = try AcquireTrigger(acquire: KernelSamples.acquire(sequence: 42))
        let keys = try ChildSAKeys(encryption: .aesCBC256, integrity: .hmacSHA256, keymat: Array(repeating: 7, count: 128))
        let narrowed = NarrowingResult(profile: .rfc7296, tsi: [trigger.source], tsr: [trigger.destination], notify: nil, rule: "hosts", reasons: [])
        let installer = try ChildSAInstaller(trigger: trigger, narrowed: narrowed, keys: keys, pid: 100)
        let options = DecodingOptions(dialect: .linux, direction: .request)
        for m in [installer.getSPI(), installer.update(inboundSPI: 0x1000), installer.add(outboundSPI: 0x2000)] {
            let decoded = try Message(decoding: try m.encode(dialect: .linux), options: options)
            #expect(decoded == m)
            #expect(decoded.sequence == 42)
        }
        // Inbound SA: peer -> local; outbound: local -> peer.
        #expect(installer.update(inboundSPI: 1).address(.source)?.address.address == IPAddress("10.0.0.2"))
        #expect(installer.add(outboundSPI: 1).address(.source)?.address.address == IPAddress("10.0.0.1"))
    }
}

/// The flow on the reference kernel (Linux dialect), every message encoded and decoded by
/// the PF_KEY codec: X_SPDADD -> packet -> ACQUIRE -> X_SPDGET -> TSi/TSr -> narrowing ->
/// GETSPI/UPDATE/ADD and X_SPDUPDATE (both directions). What the tests read is what the
/// codec decoded from the bytes sent.
struct InstalledFlow {
    var narrowed: NarrowingResult
    var update: Message
    var add: Message
    var policyOut: Message
    var policyIn: Message
    var policyOutReply: Message
    var acquireSequence: UInt32
    var packetAfterInstall: ReferenceKernel.PacketResult.Action

    static let requestOptions = DecodingOptions(dialect: .linux, direction: .request)
    static let kernelOptions = DecodingOptions(dialect: .linux, direction: .kernel)

    /// Sends a request as bytes; returns the request and the kernel's reply as decoded.
    static func exchange(_ kernel: inout ReferenceKernel, _ request: Message) throws -> (sent: Message, reply: Message) {
        let bytes = try request.encode(dialect: .linux)
        let sent = try Message(decoding: bytes, options: requestOptions)
        let replies = kernel.handle(bytes: bytes)
        let reply = try Message(decoding: try #require(replies.first), options: kernelOptions)
        #expect(reply.errno == 0, "\(request.type.name) errno \(reply.errno)")
        return (sent, reply)
    }

    static func run(policy: (local: String, remote: String), packet: ReferenceKernel.OutboundPacket, responder: NarrowingPolicy) throws -> InstalledFlow {
        var kernel = ReferenceKernel(dialect: .linux)
        _ = try exchange(&kernel, Message(.register, saType: .esp, sequence: 1, pid: 7))
        _ = try exchange(&kernel, Message(.spdAdd, sequence: 2, pid: 7, extensions: [
            .address(SelectorConversion.addressExtension(.source, try TrafficSelector(policy.local))),
            .address(SelectorConversion.addressExtension(.destination, try TrafficSelector(policy.remote))),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: [IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2)])),
        ]))
        let acquireMessage = try #require(kernel.send(packet).messages.first { $0.type == .acquire })
        let acquire = try Message(decoding: try acquireMessage.encode(dialect: .linux), options: kernelOptions)
        let trigger = try AcquireTrigger(acquire: acquire)
        let selectors = try AcquireFlow.policySelectors(try exchange(&kernel, try AcquireFlow.policyQuery(for: trigger, sequence: 3, pid: 7)).reply)
        let proposal = AcquireFlow.proposal(trigger: trigger, policy: (selectors.tsi, selectors.tsr))
        let narrowed = try AcquireFlow.narrow(proposal, responderPolicy: responder)
        let keys = try ChildSAKeys(encryption: .aesCBC256, integrity: .hmacSHA256, keymat: (0..<128).map { UInt8($0) })
        let installer = try ChildSAInstaller(trigger: trigger, narrowed: narrowed, keys: keys, pid: 7)
        let spi = try #require(try exchange(&kernel, installer.getSPI()).reply.sa?.spi)
        let update = try exchange(&kernel, installer.update(inboundSPI: spi)).sent
        let add = try exchange(&kernel, installer.add(outboundSPI: 0x8765)).sent
        let out = try exchange(&kernel, installer.policyUpdate(policyID: 0, sequence: 4))
        let inbound = try exchange(&kernel, installer.policyUpdate(policyID: 0, sequence: 5, direction: .inbound)).sent
        return InstalledFlow(narrowed: narrowed, update: update, add: add, policyOut: out.sent, policyIn: inbound, policyOutReply: out.reply,
                             acquireSequence: acquire.sequence, packetAfterInstall: kernel.send(packet).action)
    }

    /// An address extension as traffic: its prefix, protocol and port (0 = any).
    static func traffic(_ m: Message, _ kind: AddressExtension.Kind) throws -> TrafficSelector {
        try SelectorConversion.selector(try #require(m.address(kind)))
    }

    /// What an SA carries of a selector: the addresses and protocol (its port is 0 by RFC 2367 2.3.3).
    static func withoutPorts(_ ts: [TrafficSelector]) -> SelectorSet {
        SelectorSet(ts.map { TrafficSelector(ipProtocol: $0.ipProtocol, ports: .any, addresses: $0.addresses) })
    }

    /// Asserts that both SAs and both policies, as decoded, carry exactly the narrowing's traffic.
    func expectInstalledAsNarrowed(local: String, peer: String) throws {
        let tsi = SelectorSet(narrowed.tsi), tsr = SelectorSet(narrowed.tsr)
        // Inbound SA (UPDATE): peer -> local; outbound SA (ADD): local -> peer.
        #expect(SelectorSet([try Self.traffic(update, .source)]) == Self.withoutPorts(narrowed.tsr))
        #expect(SelectorSet([try Self.traffic(update, .destination)]) == Self.withoutPorts(narrowed.tsi))
        #expect(SelectorSet([try Self.traffic(add, .source)]) == Self.withoutPorts(narrowed.tsi))
        #expect(SelectorSet([try Self.traffic(add, .destination)]) == Self.withoutPorts(narrowed.tsr))
        // The SA endpoints stay the hosts (transport mode), ports zeroed (RFC 2367 2.3.3).
        #expect(add.address(.source)?.address == SocketAddress(IPAddress(local)!))
        #expect(add.address(.destination)?.address == SocketAddress(IPAddress(peer)!))
        #expect(update.address(.source)?.address == SocketAddress(IPAddress(peer)!))
        #expect(update.address(.destination)?.address == SocketAddress(IPAddress(local)!))
        #expect(update.sequence == acquireSequence && add.sequence == acquireSequence)
        // The policies carry the narrowed selectors whole, ports included, both directions;
        // and the kernel stored what was sent (its reply, decoded).
        #expect(SelectorSet([try Self.traffic(policyOut, .source)]) == tsi)
        #expect(SelectorSet([try Self.traffic(policyOut, .destination)]) == tsr)
        #expect(SelectorSet([try Self.traffic(policyOutReply, .source)]) == tsi)
        #expect(SelectorSet([try Self.traffic(policyOutReply, .destination)]) == tsr)
        #expect(SelectorSet([try Self.traffic(policyIn, .source)]) == tsr)
        #expect(SelectorSet([try Self.traffic(policyIn, .destination)]) == tsi)
        #expect(packetAfterInstall == .protected(spi: 0x8765))
    }
}

@Suite struct ChildSAInstallsTheNarrowingTests {
    static let lan = (local: "10.0.0.0/24", remote: "10.0.0.0/24")

    /// The seed's narrowing: host to subnet (the responder keeps the lower half of the LAN
    /// on the initiator's side, itself on its side).
    @Test func hostToSubnetAsTheSeed() throws {
        let responder = NarrowingPolicy(rules: [NarrowingRule(name: "peer", remote: [try TrafficSelector("10.0.0.0/25")], local: [try TrafficSelector("10.0.0.2/32")])])
        let flow = try InstalledFlow.run(policy: Self.lan, packet: .init(source: IPAddress("10.0.0.1")!, destination: IPAddress("10.0.0.2")!, proto: 17, sourcePort: 40000, destinationPort: 9), responder: responder)
        #expect(SelectorSet(flow.narrowed.tsi) == SelectorSet([try TrafficSelector("10.0.0.0/25")]))
        #expect(SelectorSet(flow.narrowed.tsr) == SelectorSet([try TrafficSelector("10.0.0.2/32")]))
        try flow.expectInstalledAsNarrowed(local: "10.0.0.1", peer: "10.0.0.2")
        // The bytes: ADD's source is 10.0.0.1 with prefix 25, proto 0 (any), port 0.
        let src = try #require(flow.add.address(.source))
        #expect([src.prefixLength, src.proto] == [25, 0] && src.address.port == 0)
        #expect(InstalledFlow.selectorsText(flow.policyOut) == "10.0.0.0/25 255 0 -> 10.0.0.2/32 255 0")
    }

    /// A port-restricted narrowing: TCP to the responder's port 443 only.
    @Test func portRestricted() throws {
        let responder = NarrowingPolicy(rules: [NarrowingRule(name: "https", remote: [try TrafficSelector("10.0.0.1/32", protocol: 6)], local: [try TrafficSelector("10.0.0.2/32", protocol: 6, ports: "443")])])
        let flow = try InstalledFlow.run(policy: Self.lan, packet: .init(source: IPAddress("10.0.0.1")!, destination: IPAddress("10.0.0.2")!, proto: 6, sourcePort: 40000, destinationPort: 443), responder: responder)
        #expect(SelectorSet(flow.narrowed.tsi) == SelectorSet([try TrafficSelector("10.0.0.1/32", protocol: 6)]))
        #expect(SelectorSet(flow.narrowed.tsr) == SelectorSet([try TrafficSelector("10.0.0.2/32", protocol: 6, ports: "443")]))
        try flow.expectInstalledAsNarrowed(local: "10.0.0.1", peer: "10.0.0.2")
        let dst = try #require(flow.add.address(.destination))
        #expect([dst.prefixLength, dst.proto] == [32, 6] && dst.address.port == 0)
        #expect(InstalledFlow.selectorsText(flow.policyOut) == "10.0.0.1/32 6 0 -> 10.0.0.2/32 6 443")
        #expect(InstalledFlow.selectorsText(flow.policyIn) == "10.0.0.2/32 6 443 -> 10.0.0.1/32 6 0")
    }

    @Test func twoDisjointSubnetsAreUnrepresentable() throws {
        let trigger = try AcquireTrigger(acquire: KernelSamples.acquire())
        let keys = try ChildSAKeys(encryption: .aesCBC128, integrity: .hmacSHA1, keymat: Array(repeating: 1, count: 128))
        let narrowed = NarrowingResult(profile: .rfc7296, tsi: [try TrafficSelector("10.0.0.0/25"), try TrafficSelector("10.0.1.0/25")], tsr: [trigger.destination], notify: nil, rule: "two", reasons: [])
        #expect(throws: BridgeError.unrepresentableTraffic) { _ = try ChildSAInstaller(trigger: trigger, narrowed: narrowed, keys: keys, pid: 1) }
        let ranged = NarrowingResult(profile: .rfc7296, tsi: [trigger.source], tsr: [try TrafficSelector("10.0.0.2/32", protocol: 6, ports: "1000-2000")], notify: nil, rule: "range", reasons: [])
        #expect(throws: BridgeError.unrepresentableTraffic) { _ = try ChildSAInstaller(trigger: trigger, narrowed: ranged, keys: keys, pid: 1) }
    }

    @Test func endpointsOutsideTheNarrowingAreAnAddressMismatch() throws {
        let trigger = try AcquireTrigger(acquire: KernelSamples.acquire())
        let keys = try ChildSAKeys(encryption: .aesCBC128, integrity: .hmacSHA1, keymat: Array(repeating: 1, count: 128))
        let narrowed = NarrowingResult(profile: .rfc7296, tsi: [try TrafficSelector("10.0.0.128/25")], tsr: [trigger.destination], notify: nil, rule: "other", reasons: [])
        #expect(throws: BridgeError.addressMismatch) { _ = try ChildSAInstaller(trigger: trigger, narrowed: narrowed, keys: keys, pid: 1) }
    }
}

extension InstalledFlow {
    /// "address/prefix proto port -> ..." of a message's address extensions, as decoded.
    static func selectorsText(_ m: Message) -> String {
        func show(_ a: AddressExtension?) -> String { a.map { "\($0.address.address)/\($0.prefixLength) \($0.proto) \($0.address.port)" } ?? "none" }
        return "\(show(m.address(.source))) -> \(show(m.address(.destination)))"
    }
}
