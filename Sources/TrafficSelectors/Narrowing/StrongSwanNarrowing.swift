/// strongSwan's narrowing (after `peer_cfg.c` select_child_cfg and `child_cfg`'s
/// get_traffic_selectors with `traffic_selector_t.get_subset`): a configuration is chosen
/// by score, then each side is the union of the pairwise intersections of configured and
/// received selectors, in configuration order, with selectors contained in another
/// removed. Non-CIDR ranges are kept. No ADDITIONAL_TS_POSSIBLE, no preference for the
/// first selector beyond the score's weight.
enum StrongSwanNarrowing {
    static func narrow(_ proposal: Proposal, _ policy: NarrowingPolicy) -> NarrowingResult {
        guard !proposal.tsi.isEmpty, !proposal.tsr.isEmpty else {
            return .refused(.strongswan, .tsUnacceptable, ["no address selector received"])
        }
        var best: (rule: NarrowingRule, score: Int)?
        for rule in policy.rules {
            let a = score(configured: rule.remote, received: proposal.tsi)
            let b = score(configured: rule.local, received: proposal.tsr)
            guard a > 0, b > 0 else { continue }
            if best == nil || a + b > best!.score { best = (rule, a + b) }
        }
        guard let rule = best?.rule else {
            return .refused(.strongswan, .tsUnacceptable, ["no configuration matches the received selectors"])
        }
        let tsi = subsets(configured: rule.remote, received: proposal.tsi)
        let tsr = subsets(configured: rule.local, received: proposal.tsr)
        guard !tsi.isEmpty, !tsr.isEmpty else {
            return .refused(.strongswan, .tsUnacceptable, ["configuration \(rule.name) narrows a side to nothing"])
        }
        return NarrowingResult(profile: .strongswan, tsi: tsi, tsr: tsr, notify: nil, rule: rule.name,
                               reasons: ["configuration \(rule.name) scored \(best!.score); union of pairwise intersections in configuration order"])
    }

    /// Equal selectors score 5, intersecting ones 1, each times the received selector's
    /// weight: its position from the end, so the first received weighs most.
    static func score(configured: [TrafficSelector], received: [TrafficSelector]) -> Int {
        var total = 0
        for (c, r) in OverlapJoin.pairs(configured, received) {
            let weight = received.count - r
            if configured[c] == received[r] { total += 5 * weight } else if configured[c].intersects(received[r]) { total += weight }
        }
        return total
    }

    /// get_subset over configured x received, configuration order outermost; then a
    /// selector equal to or contained in another is dropped (the first copy stays).
    static func subsets(configured: [TrafficSelector], received: [TrafficSelector]) -> [TrafficSelector] {
        let all = OverlapJoin.pairs(configured, received).compactMap { configured[$0.0].intersection(received[$0.1]) }
        var redundant = Array(repeating: false, count: all.count)
        for (i, j) in OverlapJoin.pairs(all, all) where i != j && all[j].contains(all[i]) && (all[j] != all[i] || j < i) {
            redundant[i] = true
        }
        return all.indices.filter { !redundant[$0] }.map { all[$0] }
    }
}
