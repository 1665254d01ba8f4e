/// libreswan 4.10's responder (after `ikev2_ts.c`, measured with pluto 4.10 under
/// scripts/uml-ike: Tests/Fixtures/daemons). Each policy rule is one conn per remote x
/// local selector pair of one family (a conn holds one subnet, one protocol and one port or
/// all ports per end). Every TSi x TSr pair is fitted to every conn, both ends in one mode:
///
/// - narrowing=no (`libreswan`): EQUALS, the TS must equal the conn's end (addresses,
///   protocol and ports); the TS is returned.
/// - narrowing=yes (`libreswan-narrowing`): NARROWER-THAN, the conn's end must fit inside
///   the TS and the conn's end is returned, tried only for the first conn (the one the IKE
///   SA was set up with); and WIDER-THAN for every conn, the TS must fit inside the conn's
///   end and be one port or all ports, and the TS is returned.
///
/// Of the fitting pairs the best scoring one is returned (one TSi, one TSr): address
/// fitness first (prefix length + 1 per end, longer is better), then port fitness (the
/// number of ports, wider is better), then protocol fitness (255 for all, 1 for one). A
/// payload holding an OPAQUE selector, a non-CIDR range, an unknown TS type or more than
/// `maxSelectors` selectors fails whole
/// (pluto 4.10: "TSi contains 16 entries which exceeds hardwired max of 16").
/// No ADDITIONAL_TS_POSSIBLE.
enum LibreswanNarrowing {
    static let maxSelectors = 15

    enum Fit: String { case equals = "EQUALS", narrowerThan = "NARROWER-THAN", widerThan = "WIDER-THAN" }

    struct Conn {
        var rule: String
        var remote: TrafficSelector
        var local: TrafficSelector
    }

    static func narrow(_ proposal: Proposal, _ policy: NarrowingPolicy, narrowing: Bool) -> NarrowingResult {
        let profile: NarrowingProfile = narrowing ? .libreswanNarrowing : .libreswan
        if let t = proposal.unknownTypes.first {
            return .refused(profile, .tsUnacceptable, ["unknown TS type \(t) fails the payload"])
        }
        if proposal.selectorCounts.tsi > maxSelectors || proposal.selectorCounts.tsr > maxSelectors {
            return .refused(profile, .tsUnacceptable, ["more than \(maxSelectors) selectors in a payload"])
        }
        for s in proposal.tsi + proposal.tsr {
            if s.ports.isOpaque {
                return .refused(profile, .tsUnacceptable, ["OPAQUE ports \(s): the payload fails (pluto loses its place in it)"])
            }
            if s.addresses.prefixLength == nil {
                return .refused(profile, .tsUnacceptable, ["\(s.addresses) is not a subnet"])
            }
        }
        var conns: [Conn] = []
        for rule in policy.rules {
            for r in rule.remote {
                for l in rule.local where l.addresses.family == r.addresses.family {
                    conns.append(Conn(rule: rule.name, remote: r, local: l))
                }
            }
        }
        var best: (score: [Int], conn: Conn, fit: Fit, tsi: TrafficSelector, tsr: TrafficSelector)?
        for (k, conn) in conns.enumerated() {
            let fits: [Fit] = narrowing ? (k == 0 ? [.narrowerThan, .widerThan] : [.widerThan]) : [.equals]
            for fit in fits {
                for ti in proposal.tsi {
                    guard let i = Self.fit(end: conn.remote, ts: ti, fit) else { continue }
                    for tr in proposal.tsr {
                        guard let r = Self.fit(end: conn.local, ts: tr, fit) else { continue }
                        let s = score(i, r)
                        if best == nil || best!.score.lexicographicallyPrecedes(s) {
                            best = (s, conn, fit, i, r)
                        }
                    }
                }
            }
        }
        guard let best else {
            return .refused(profile, .tsUnacceptable, ["no conn fits a TSi/TSr pair" + (narrowing ? "" : " exactly (narrowing=no)")])
        }
        return NarrowingResult(profile: profile, tsi: [best.tsi], tsr: [best.tsr], notify: nil, rule: best.conn.rule,
                               reasons: ["best single pair under rule \(best.conn.rule) (\(best.fit.rawValue)), fitness \(best.score)"])
    }

    /// One end of a conn fitted to one TS, or nil when it does not fit.
    static func fit(end e: TrafficSelector, ts t: TrafficSelector, _ fit: Fit) -> TrafficSelector? {
        switch fit {
        case .equals:
            return e == t ? t : nil
        case .narrowerThan:
            guard t.ipProtocol.isAny || t.ipProtocol == e.ipProtocol,
                  t.ports.contains(e.ports), t.addresses.contains(e.addresses) else { return nil }
            return e
        case .widerThan:
            guard t.ports.isAny || t.ports.isSinglePort, e.ipProtocol.isAny || t.ipProtocol == e.ipProtocol,
                  e.ports.contains(t.ports), e.addresses.contains(t.addresses) else { return nil }
            return t
        }
    }

    /// Address fitness (both ends), then port fitness, then protocol fitness.
    static func score(_ a: TrafficSelector, _ b: TrafficSelector) -> [Int] {
        func range(_ s: TrafficSelector) -> Int { (s.addresses.prefixLength ?? 0) + 1 }
        func port(_ s: TrafficSelector) -> Int { s.ports.isAny ? 65536 : 1 }
        func proto(_ s: TrafficSelector) -> Int { s.ipProtocol.isAny ? 255 : 1 }
        return [range(a) + range(b), port(a) + port(b), proto(a) + proto(b)]
    }
}
