/// RFC 7296 2.9's narrowing rules (the nine the checks r1-r9 in NarrowingChecks name), and nothing more.
enum RFC7296Narrowing {
    struct Candidate {
        /// Position of the rule in the policy.
        var index: Int
        var rule: NarrowingRule
        var tsi: [TrafficSelector]
        var tsr: [TrafficSelector]
        var remoteSet: SelectorSet
        var localSet: SelectorSet
    }

    static func narrow(_ proposal: Proposal, _ policy: NarrowingPolicy) -> NarrowingResult {
        var reasons: [String] = []
        if !proposal.unknownTypes.isEmpty {
            reasons.append("R2: ignored selectors of unknown type \(proposal.unknownTypes.map(String.init).joined(separator: ", "))")
        }
        guard !proposal.tsi.isEmpty, !proposal.tsr.isEmpty else {
            return .refused(.rfc7296, .tsUnacceptable, reasons + ["R4: no address selector left in TSi or TSr"])
        }
        let candidates: [Candidate] = policy.rules.enumerated().compactMap { index, rule in
            let remoteSet = SelectorSet(rule.remote), localSet = SelectorSet(rule.local)
            let tsi = Narrowing.narrowList(proposal.tsi, to: rule.remote, policySet: remoteSet)
            let tsr = Narrowing.narrowList(proposal.tsr, to: rule.local, policySet: localSet)
            guard !tsi.isEmpty, !tsr.isEmpty else { return nil }
            return Candidate(index: index, rule: rule, tsi: tsi, tsr: tsr, remoteSet: remoteSet, localSet: localSet)
        }
        guard !candidates.isEmpty else {
            return .refused(.rfc7296, .tsUnacceptable, reasons + ["R4: the policy accepts no part of the proposal"])
        }
        let proposedTSi = SelectorSet(proposal.tsi), proposedTSr = SelectorSet(proposal.tsr)
        // R5: the whole proposal acceptable under one rule -> the same TSi and TSr.
        if let whole = candidates.first(where: { proposedTSi.isSubset(of: $0.remoteSet) && proposedTSr.isSubset(of: $0.localSet) }) {
            return finish(whole, tsi: proposal.tsi, tsr: proposal.tsr, proposal, reasons + ["R5: the whole proposal is acceptable; returned unchanged"], others: [])
        }
        let firstTSi = SelectorSet(normalised: [proposal.tsi[0]]), firstTSr = SelectorSet(normalised: [proposal.tsr[0]])
        let chosen: Candidate
        if let c = candidates.first(where: { firstTSi.isSubset(of: $0.remoteSet) && firstTSr.isSubset(of: $0.localSet) }) {
            chosen = c
            reasons.append("R6: the first TSi and TSr are acceptable under rule \(c.rule.name); the result includes them")
        } else {
            chosen = candidates[0]
            reasons.append("R7: the first TSi/TSr are not acceptable; narrowed to an acceptable subset (rule \(chosen.rule.name))")
        }
        reasons.append("R1: the result is a subset of the proposal")
        return finish(chosen, tsi: chosen.tsi, tsr: chosen.tsr, proposal, reasons, others: candidates)
    }

    private static func finish(_ chosen: Candidate, tsi: [TrafficSelector], tsr: [TrafficSelector], _ proposal: Proposal, _ reasonsIn: [String], others: [Candidate]) -> NarrowingResult {
        var reasons = reasonsIn
        var tsi = tsi, tsr = tsr
        if chosen.rule.requiresSinglePair, !(isSinglePair(tsi) && isSinglePair(tsr)) {
            // R9 with R3: a very specific first selector pair (from the triggering packet)
            // tells which pair to keep; without one, refuse rather than guess.
            let a = proposal.tsi[0].addresses, b = proposal.tsr[0].addresses
            if a.isSingleAddress, b.isSingleAddress {
                tsi = unique(tsi.compactMap { restrict($0, to: a) })
                tsr = unique(tsr.compactMap { restrict($0, to: b) })
                reasons.append("R9/R3: rule \(chosen.rule.name) needs one address pair; narrowed to the first (packet) pair")
            } else {
                return .refused(.rfc7296, .singlePairRequired, reasons + ["R9: rule \(chosen.rule.name) needs one address pair and the first selectors name none"])
            }
        }
        let chosenTSi = SelectorSet(tsi), chosenTSr = SelectorSet(tsr)
        let cut = others.contains { o in
            o.index != chosen.index && !(SelectorSet(o.tsi).isSubset(of: chosenTSi) && SelectorSet(o.tsr).isSubset(of: chosenTSr))
        }
        var notify: TSNotify?
        if cut {
            notify = .additionalTSPossible
            reasons.append("R8: other acceptable traffic is left out (only in a separate SA): ADDITIONAL_TS_POSSIBLE")
        }
        return NarrowingResult(profile: .rfc7296, tsi: tsi, tsr: tsr, notify: notify, rule: chosen.rule.name, reasons: reasons)
    }

    private static func isSinglePair(_ list: [TrafficSelector]) -> Bool {
        guard let first = list.first?.addresses, first.isSingleAddress else { return false }
        return list.allSatisfy { $0.addresses == first }
    }

    private static func unique(_ list: [TrafficSelector]) -> [TrafficSelector] {
        var seen = Set<TrafficSelector>()
        return list.filter { seen.insert($0).inserted }
    }

    private static func restrict(_ s: TrafficSelector, to a: IPAddressRange) -> TrafficSelector? {
        guard let x = s.addresses.intersection(a) else { return nil }
        return TrafficSelector(ipProtocol: s.ipProtocol, ports: s.ports, addresses: x)
    }
}
