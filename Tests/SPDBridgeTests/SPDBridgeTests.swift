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
        let installer = ChildSAInstaller(trigger: trigger, keys: keys, pid: 100)
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
