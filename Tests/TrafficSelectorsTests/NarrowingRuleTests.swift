import PropertyBased
import Testing
@testable import TrafficSelectors

private func ts(_ a: String, _ proto: UInt8 = 0, _ ports: String = "any") -> TrafficSelector {
    try! TrafficSelector(a, protocol: proto, ports: ports)
}

private func rule(_ name: String, remote: [String], local: [String], single: Bool = false) -> NarrowingRule {
    NarrowingRule(name: name, remote: remote.map { ts($0) }, local: local.map { ts($0) }, requiresSinglePair: single)
}

/// RFC 7296 2.9 narrowing, one test per rule of notes/traffic-selectors.md (R1-R9).
@Suite struct NarrowingRuleTests {
    let initiatorNet = ts("198.51.100.0/24")
    let responderNet = ts("192.0.2.0/24")

    /// R1: the result is a subset of the proposal, and within the policy, for every profile.
    @Test func R1_resultIsASubsetOfTheProposal() async {
        await propertyCheck(count: 150, input: Gens.selector.array(of: 1...3), Gens.selector.array(of: 1...3), Gens.selector.array(of: 1...3), Gens.selector.array(of: 1...3)) { tsi, tsr, remote, local in
            let policy = NarrowingPolicy(rules: [NarrowingRule(name: "p", remote: remote, local: local)])
            for profile in NarrowingProfile.allCases {
                let r = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy, profile: profile)
                #expect(SelectorSet(r.tsi).isSubset(of: SelectorSet(tsi)), "\(profile) TSi")
                #expect(SelectorSet(r.tsr).isSubset(of: SelectorSet(tsr)), "\(profile) TSr")
                #expect(SelectorSet(r.tsi).isSubset(of: SelectorSet(remote)), "\(profile) TSi within policy")
                #expect(SelectorSet(r.tsr).isSubset(of: SelectorSet(local)), "\(profile) TSr within policy")
                // Never the null set: refused, or both sides non-empty.
                #expect(r.isAccepted == (!r.tsi.isEmpty && !r.tsr.isEmpty), "\(profile) \(r)")
            }
        }
    }

    /// R2: an unknown selector type is ignored and not returned; libreswan differs.
    @Test func R2_unknownTypeIsIgnoredNotReturned() throws {
        let tsi = try TSPayload.decode(hex("00 00 0024 02 000000 2a 00 000c 0102030405060708 07 00 0010 0000 ffff c6336400 c63364ff"))
        let tsr = TSPayload(kind: .responder, [responderNet])
        let policy = NarrowingPolicy(rules: [rule("any", remote: ["0.0.0.0/0"], local: ["0.0.0.0/0"])])
        let r = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy, profile: .rfc7296)
        #expect(r.notify == nil)
        #expect(r.tsi == [initiatorNet])
        #expect(r.reasons.first?.hasPrefix("R2") == true)
        #expect(Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy, profile: .strongswan).tsi == [initiatorNet])
        #expect(Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy, profile: .libreswan).notify == .tsUnacceptable)
    }

    /// R3 with R6 and R8: the data-triggered proposal's specific first selectors pick the
    /// rule (the RFC's 198.51.100.43 example), the other rule is left out: ADDITIONAL_TS_POSSIBLE.
    @Test func R3_specificFirstSelectorFromTheTriggeringPacket() {
        let tsi = [ts("198.51.100.43", 6, "1234"), initiatorNet]
        let tsr = [ts("192.0.2.10", 6, "80"), responderNet]
        let policy = NarrowingPolicy(rules: [
            rule("upper", remote: ["198.51.100.64-198.51.100.255"], local: ["192.0.2.0/24"]),
            rule("lower", remote: ["198.51.100.0-198.51.100.63"], local: ["192.0.2.0/24"]),
        ])
        let r = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        #expect(r.rule == "lower")
        #expect(r.tsi == [ts("198.51.100.43", 6, "1234"), ts("198.51.100.0-198.51.100.63")])
        #expect(r.tsr == [ts("192.0.2.10", 6, "80"), responderNet])
        #expect(r.notify == .additionalTSPossible)
    }

    /// R4: nothing acceptable -> TS_UNACCEPTABLE (38), nothing returned.
    @Test func R4_nothingAcceptableIsTS_UNACCEPTABLE() {
        let policy = NarrowingPolicy(rules: [rule("other", remote: ["203.0.113.0/24"], local: ["192.0.2.0/24"])])
        for profile in NarrowingProfile.allCases {
            let r = Narrowing.narrow(proposedTSi: [initiatorNet], proposedTSr: [responderNet], policy: policy, profile: profile)
            #expect(r.notify == .tsUnacceptable, "\(profile)")
            #expect(r.notify?.rawValue == 38)
            #expect(r.tsi.isEmpty && r.tsr.isEmpty)
        }
    }

    /// R5: the whole proposal acceptable -> returned unchanged (order and repeats kept).
    @Test func R5_wholeProposalAcceptableIsReturnedUnchanged() {
        let tsi = [ts("198.51.100.7"), initiatorNet, ts("198.51.100.7")]
        let policy = NarrowingPolicy(rules: [rule("all", remote: ["0.0.0.0/0"], local: ["0.0.0.0/0"])])
        let r = Narrowing.narrow(proposedTSi: tsi, proposedTSr: [responderNet], policy: policy)
        #expect(r.tsi == tsi)
        #expect(r.tsr == [responderNet])
        #expect(r.notify == nil)
        #expect(r.reasons.contains { $0.hasPrefix("R5") })
    }

    /// R6: the first TSi/TSr acceptable -> the result includes them (property over random input).
    @Test func R6_firstSelectorsAcceptableAreIncluded() async {
        await propertyCheck(count: 200, input: Gens.selector.array(of: 1...3), Gens.selector.array(of: 1...3), Gens.selector.array(of: 1...3), Gens.selector.array(of: 1...3)) { tsi, tsr, remote, local in
            let policy = NarrowingPolicy(rules: [NarrowingRule(name: "p", remote: remote, local: local)])
            let firstOK = SelectorSet([tsi[0]]).isSubset(of: SelectorSet(remote)) && SelectorSet([tsr[0]]).isSubset(of: SelectorSet(local))
            guard firstOK else { return }
            let r = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
            #expect(r.tsi.contains(tsi[0]) && r.tsr.contains(tsr[0]), "\(r)")
        }
    }

    /// R7: the first selectors not acceptable -> some acceptable subset.
    @Test func R7_otherwiseNarrowToAnAcceptableSubset() {
        let tsi = [ts("198.51.100.200"), initiatorNet]
        let policy = NarrowingPolicy(rules: [rule("lower", remote: ["198.51.100.0/26"], local: ["192.0.2.0/24"])])
        let r = Narrowing.narrow(proposedTSi: tsi, proposedTSr: [responderNet], policy: policy)
        #expect(r.tsi == [ts("198.51.100.0/26")])
        #expect(r.notify == nil)
        #expect(r.reasons.contains { $0.hasPrefix("R7") })
    }

    /// R8: acceptable subsets whose union is not acceptable -> one chosen, ADDITIONAL_TS_POSSIBLE.
    @Test func R8_unionNotAcceptableAddsADDITIONAL_TS_POSSIBLE() {
        let policy = NarrowingPolicy(rules: [
            rule("a-to-x", remote: ["198.51.100.0/25"], local: ["192.0.2.0/25"]),
            rule("b-to-y", remote: ["198.51.100.128/25"], local: ["192.0.2.128/25"]),
        ])
        let r = Narrowing.narrow(proposedTSi: [initiatorNet], proposedTSr: [responderNet], policy: policy)
        #expect(r.rule == "a-to-x")
        #expect(r.tsi == [ts("198.51.100.0/25")] && r.tsr == [ts("192.0.2.0/25")])
        #expect(r.notify == .additionalTSPossible)
        #expect(r.notify?.rawValue == 16386)
        // One rule covering both halves: the union is acceptable, nothing was cut.
        let whole = NarrowingPolicy(rules: [rule("both", remote: ["198.51.100.0/25", "198.51.100.128/25"], local: ["192.0.2.0/24"])])
        #expect(Narrowing.narrow(proposedTSi: [initiatorNet], proposedTSr: [responderNet], policy: whole).notify == nil)
    }

    /// R9: a rule that wants one address pair: narrowed to the packet's pair when the first
    /// selectors name one (R3), otherwise SINGLE_PAIR_REQUIRED (34).
    @Test func R9_singlePairRequired() {
        let policy = NarrowingPolicy(rules: [rule("pairs", remote: ["198.51.100.0/24"], local: ["192.0.2.0/24"], single: true)])
        let r = Narrowing.narrow(proposedTSi: [initiatorNet], proposedTSr: [responderNet], policy: policy)
        #expect(r.notify == .singlePairRequired)
        #expect(r.notify?.rawValue == 34)
        let packet = Narrowing.narrow(proposedTSi: [ts("198.51.100.9"), initiatorNet], proposedTSr: [ts("192.0.2.1"), responderNet], policy: policy)
        #expect(packet.notify == nil)
        #expect(packet.tsi == [ts("198.51.100.9")])
        #expect(packet.tsr == [ts("192.0.2.1")])
    }
}
