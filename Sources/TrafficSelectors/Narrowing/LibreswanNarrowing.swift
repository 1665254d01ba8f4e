/// libreswan's narrowing (after `ikev2_ts.c`): the payload fails as a whole on an unknown
/// TS type (contrary to RFC 7296 2.9), on more than 15 selectors, on an address range that
/// is not a CIDR block or a port range that is neither one port nor all; OPAQUE selectors
/// are dropped. Of the rest, the best-scoring single TSi/TSr pair wins: longest prefixes
/// first, then a specific port, then a specific protocol.
enum LibreswanNarrowing {
    static let maxSelectors = 15

    static func narrow(_ proposal: Proposal, _ policy: NarrowingPolicy) -> NarrowingResult {
        if let t = proposal.unknownTypes.first {
            return .refused(.libreswan, .tsUnacceptable, ["unknown TS type \(t) fails the payload"])
        }
        if proposal.selectorCounts.tsi > maxSelectors || proposal.selectorCounts.tsr > maxSelectors {
            return .refused(.libreswan, .tsUnacceptable, ["more than \(maxSelectors) selectors in a payload"])
        }
        for s in proposal.tsi + proposal.tsr {
            if s.addresses.prefixLength == nil {
                return .refused(.libreswan, .tsUnacceptable, ["\(s.addresses) is not a CIDR block"])
            }
            if !(s.ports.isAny || s.ports.isOpaque || s.ports.isSinglePort) {
                return .refused(.libreswan, .tsUnacceptable, ["port range \(s.ports) is neither one port nor any"])
            }
        }
        let tsi = proposal.tsi.filter { !$0.ports.isOpaque }
        let tsr = proposal.tsr.filter { !$0.ports.isOpaque }
        var best: (score: [Int], rule: String, tsi: TrafficSelector, tsr: TrafficSelector)?
        for rule in policy.rules {
            for cr in rule.remote {
                for ti in tsi {
                    guard let i = ti.intersection(cr) else { continue }
                    for cl in rule.local {
                        for tr in tsr {
                            guard let r = tr.intersection(cl) else { continue }
                            let s = score(i, r)
                            if best == nil || best!.score.lexicographicallyPrecedes(s) {
                                best = (s, rule.name, i, r)
                            }
                        }
                    }
                }
            }
        }
        guard let best else {
            return .refused(.libreswan, .tsUnacceptable, ["no connection fits the proposal"])
        }
        return NarrowingResult(profile: .libreswan, tsi: [best.tsi], tsr: [best.tsr], notify: nil, rule: best.rule,
                               reasons: ["best single pair under connection \(best.rule), score \(best.score)"])
    }

    /// Prefix length (both sides), then ports, then protocol: more specific scores higher.
    static func score(_ a: TrafficSelector, _ b: TrafficSelector) -> [Int] {
        [(a.addresses.prefixLength ?? 0) + (b.addresses.prefixLength ?? 0),
         (a.ports.isAny ? 0 : 1) + (b.ports.isAny ? 0 : 1),
         (a.ipProtocol.isAny ? 0 : 1) + (b.ipProtocol.isAny ? 0 : 1)]
    }
}
