import Checks
import Foundation
import PFKey
import PFKeyReference
import SPDBridge
import Testing

/// The committed captures of a real Linux 6.1 af_key (Tests/Fixtures/kernel): decoded by
/// the codec with no error, no UML needed.
@Suite struct KernelFixtureTests {
    let capture = CaptureFile.committed

    @Test func everyScenarioOfTheIssueIsCaptured() {
        #expect(capture.result == "PASS")
        for name in requiredScenarios {
            #expect(!(capture.scenarios[name] ?? []).isEmpty, "scenario \(name) missing from captures.txt")
        }
    }

    @Test(arguments: requiredScenarios)
    func everyMessageDecodesStrictly(_ scenario: String) throws {
        for m in capture.scenarios[scenario] ?? [] {
            let options = DecodingOptions(dialect: .linux, direction: m.sent ? .request : .kernel)
            let decoded = try Message(decoding: m.bytes, options: options)
            #expect(try decoded.encode(dialect: .linux) == m.bytes, "\(scenario): \(decoded.type.name) re-encodes byte for byte")
        }
    }

    func kernelMessages(_ scenario: String, type: MessageType) throws -> [Message] {
        try (capture.scenarios[scenario] ?? []).filter { !$0.sent }.map {
            try Message(decoding: $0.bytes, options: DecodingOptions(dialect: .linux, direction: .kernel))
        }.filter { $0.type == type }
    }

    @Test func acquireForAPFKeyPolicyReferencesThePolicyWithoutCombs() throws {
        let acquire = try #require(try kernelMessages("acquire-pfkey-policy-flow", type: .acquire).first)
        #expect(try acquire.encode().count == 88)
        #expect(acquire.pid == 0)
        #expect(acquire.address(.source)?.address.port == 0)
        #expect(acquire.policy?.direction == .outbound)
        #expect(acquire.proposal?.combinations.isEmpty == true)
        // The seed's flow: the X_POLICY id leads to the policy's selectors by X_SPDGET.
        let trigger = try AcquireTrigger(acquire: acquire)
        let spdGet = try #require(try kernelMessages("acquire-pfkey-policy-flow", type: .spdGet).first)
        let selectors = try AcquireFlow.policySelectors(spdGet)
        #expect(selectors.policyID == trigger.policyID)
        #expect(try kernelMessages("acquire-pfkey-policy-flow", type: .get).first?.errno == 0)
    }

    @Test func acquireForAnIPXfrmPolicyProposesTwentyCombs() throws {
        let acquire = try #require(try kernelMessages("acquire-ip-xfrm-policy", type: .acquire).first)
        #expect(try acquire.encode().count == 1528)
        #expect(acquire.proposal?.combinations.count == 20)
    }

    @Test func errorRepliesCarryOnlyTheBaseHeader() throws {
        let errors = try kernelMessages("errors", type: .get) + kernelMessages("errors", type: .dump) + kernelMessages("errors", type: .add)
        #expect(errors.map(\.errno).filter { $0 != 0 } == [3, 2, 17]) // GET unknown SPI ESRCH, empty DUMP ENOENT, ADD again EEXIST
        #expect(errors.filter { $0.errno != 0 }.allSatisfy { $0.extensions.isEmpty })
    }

    @Test func expireComesSoftThenHard() throws {
        let expires = try kernelMessages("expire", type: .expire)
        #expect(expires.count == 2)
        #expect(expires.first?.lifetime(.soft) != nil && expires.first?.lifetime(.hard) == nil)
        #expect(expires.last?.lifetime(.hard) != nil)
    }

    @Test func theGeneratedSwiftCapturesAreTheFixture() {
        let generated = KernelCaptures.scenarios
        #expect(generated.map(\.name) == capture.scenarioNames.filter { $0 != "differential" })
        for s in generated {
            let fixture = capture.scenarios[s.name] ?? []
            #expect(s.messages.map(\.bytes) == fixture.map(\.bytes), "\(s.name): regenerate with scripts/gen-kernel-captures")
            #expect(s.messages.map(\.sent) == fixture.map(\.sent))
        }
    }
}

/// Differential strictness: the kernel's verdict on each recorded mutation against our
/// strict request decoding, recomputed with the current codec.
@Suite struct DifferentialTests {
    let mutations = CaptureFile.committed.mutations

    @Test func aFewHundredMutationsWereSent() {
        #expect(mutations.count >= 300)
        #expect(Set(mutations.map(\.family)).isSuperset(of: [
            "msg-len-plus-1", "msg-len-minus-1", "version-1", "duplicate-extension", "unknown-extension-30", "prefix-33",
            "family-inet6-in-inet-length", "key-bits-0", "src-without-dst", "bitflip",
        ]))
    }

    @Test func ourVerdictIsStillTheRecordedOne() {
        for m in mutations {
            let ours: String
            do { _ = try Message(decoding: m.bytes, options: DecodingOptions(dialect: .linux, direction: .request)); ours = "ok" }
            catch { ours = error.code.rawValue }
            #expect(ours == m.ours, "\(m.base) \(m.kind)")
        }
    }

    @Test func agreementRateIsPinned() {
        let agree = mutations.filter(\.agrees).count
        #expect(agree == 287 && mutations.count == 378, "agreement \(agree) of \(mutations.count)")
    }

    /// Every targeted mutation (not a bit flip) gets the same verdict from both sides.
    @Test func targetedMutationsAllAgree() {
        for m in mutations where m.family != "bitflip" {
            #expect(m.agrees, "\(m.base) \(m.kind): kernel \(m.kernel), ours \(m.ours)")
        }
    }

    @Test func everyDisagreementHasAnExplainedKind() {
        var counts: [Disagreement: Int] = [:]
        for m in mutations where !m.agrees {
            let kind = Disagreement.classify(m)
            #expect(kind != nil, "unexplained disagreement: \(m.base) \(m.kind) kernel \(m.kernel) ours \(m.ours)")
            if let kind { counts[kind, default: 0] += 1 }
        }
        #expect(counts == [.kernelIgnoresExtensionReserved: 76, .kernelIgnoresPortWithoutProtocol: 8,
                           .kernelChecksMinimumLengthOnly: 1, .kernelSemanticRefusal: 6])
    }

    @Test(arguments: [
        ("add", "bitflip-3-3", "errno:22"),    // SA type 3 -> 11: no such SA type
        ("add", "bitflip-27-3", "errno:38"),   // sadb_sa_encrypt 12 -> 4: algorithm not in the kernel
        ("spdadd", "bitflip-1-1", "errno:95"), // type X_SPDADD 14 -> 12 X_PCHANGE: not implemented
        ("spdadd", "bitflip-82-2", "errno:22"),// ipsecrequest proto 50 -> 54
        ("spdadd", "bitflip-84-4", "errno:22"),// ipsecrequest mode 1 -> 17
    ])
    func semanticRefusalsAreWhereExpected(base: String, kind: String, kernel: String) throws {
        let m = try #require(mutations.first { $0.base == base && $0.kind == kind })
        #expect(m.kernel == kernel && m.ours == "ok")
    }
}
