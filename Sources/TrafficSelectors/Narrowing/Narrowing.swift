/// Narrowing as a responder (RFC 7296 2.9) under a named profile.
public enum Narrowing {
    /// Narrows the initiator's proposal against `policy`. Unknown selector types and
    /// security labels in the payloads take no part (R2); libreswan refuses a payload
    /// with an unknown type instead.
    public static func narrow(proposedTSi: TSPayload, proposedTSr: TSPayload, policy: NarrowingPolicy, profile: NarrowingProfile = .rfc7296) -> NarrowingResult {
        let proposal = Proposal(
            tsi: proposedTSi.addressSelectors, tsr: proposedTSr.addressSelectors,
            unknownTypes: (proposedTSi.ignored + proposedTSr.ignored).map(\.tsType),
            selectorCounts: (proposedTSi.selectors.count + proposedTSi.ignored.count, proposedTSr.selectors.count + proposedTSr.ignored.count))
        switch profile {
        case .rfc7296: return RFC7296Narrowing.narrow(proposal, policy)
        case .strongswan: return StrongSwanNarrowing.narrow(proposal, policy)
        case .libreswan: return LibreswanNarrowing.narrow(proposal, policy, narrowing: false)
        case .libreswanNarrowing: return LibreswanNarrowing.narrow(proposal, policy, narrowing: true)
        }
    }

    /// The same for bare selector lists (no unknown types).
    public static func narrow(proposedTSi: [TrafficSelector], proposedTSr: [TrafficSelector], policy: NarrowingPolicy, profile: NarrowingProfile = .rfc7296) -> NarrowingResult {
        narrow(proposedTSi: TSPayload(kind: .initiator, proposedTSi), proposedTSr: TSPayload(kind: .responder, proposedTSr), policy: policy, profile: profile)
    }

    /// Selectors in `proposal` narrowed to `policy`, in proposal order: a proposed selector
    /// the policy covers whole stays as it is, otherwise its intersections with each
    /// policy selector follow. Exact repeats are dropped.
    static func narrowList(_ proposal: [TrafficSelector], to policy: [TrafficSelector], policySet: SelectorSet) -> [TrafficSelector] {
        // Only selectors whose addresses overlap can meet: find those pairs once.
        var pieces = Array(repeating: [TrafficSelector](), count: proposal.count)
        for (i, k) in OverlapJoin.pairs(proposal, policySet.selectors) { pieces[i].append(policySet.selectors[k]) }
        var meets = Array(repeating: [Int](), count: proposal.count)
        for (i, j) in OverlapJoin.pairs(proposal, policy) { meets[i].append(j) }
        var out: [TrafficSelector] = []
        var seen = Set<TrafficSelector>()
        for (i, p) in proposal.enumerated() {
            if SelectorSet.subtract(pieces[i], from: p).isEmpty {
                if seen.insert(p).inserted { out.append(p) }
                continue
            }
            for j in meets[i] {
                if let x = p.intersection(policy[j]), seen.insert(x).inserted { out.append(x) }
            }
        }
        return out
    }
}

/// The address selectors of a proposal and what the profiles that refuse more need.
struct Proposal {
    var tsi: [TrafficSelector]
    var tsr: [TrafficSelector]
    var unknownTypes: [UInt8]
    var selectorCounts: (tsi: Int, tsr: Int)
}
