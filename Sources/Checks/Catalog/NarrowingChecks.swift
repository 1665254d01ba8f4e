import TrafficSelectors

/// RFC 5996 / RFC 7296 section 2.9: the responder's narrowing, as nine rules R1-R9 read
/// from that section (each check's claim quotes its sentence), run on the Traffic Selector engine's rfc7296 profile.
enum NarrowingChecks {
    /// R1 (ts.narrow.r1-subset-never-null) is a scenario file (checks/).
    static var all: [Check] { [r2, r3, r4, r5, r6, r7, r8, r9] }

    static func ts(_ addresses: String, _ proto: UInt8 = 0, _ ports: String = "any") throws -> TrafficSelector {
        try TrafficSelector(addresses, protocol: proto, ports: ports)
    }

    static func rule(_ name: String, remote: [TrafficSelector], local: [TrafficSelector], singlePair: Bool = false) -> NarrowingPolicy {
        NarrowingPolicy(rules: [NarrowingRule(name: name, remote: remote, local: local, requiresSinglePair: singlePair)])
    }

    static func show(_ list: [TrafficSelector]) -> String { "[" + list.map(\.description).joined(separator: ", ") + "]" }

    static func record(_ ctx: inout CheckContext, _ tsi: [TrafficSelector], _ tsr: [TrafficSelector], _ policy: NarrowingPolicy, _ result: NarrowingResult) {
        ctx.input("proposed TSi", show(tsi))
        ctx.input("proposed TSr", show(tsr))
        for r in policy.rules { ctx.input("responder policy \(r.name)", "remote \(show(r.remote)), local \(show(r.local))\(r.requiresSinglePair ? ", one address pair per SA" : "")") }
        ctx.note("engine: " + result.reasons.joined(separator: "; "))
    }

    static let r2 = Check(
        id: "ts.narrow.r2-unknown-type-ignored", title: "A selector of unknown type is ignored and not returned",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "If the type of Traffic Selector proposed is unknown, the responder ignores that Traffic Selector, so that the unknown type is not returned in the narrowed set.")
    ) { ctx in
        // TSi payload: one unknown selector (type 200, 8 bytes) then 198.51.100.0/24.
        let payload: [UInt8] = [0, 0, 0, 32, 2, 0, 0, 0,
                                200, 0, 0, 8, 0xde, 0xad, 0xbe, 0xef,
                                7, 0, 0, 16, 0, 0, 0xff, 0xff, 198, 51, 100, 0, 198, 51, 100, 255]
        ctx.hex("TSi payload", payload)
        let tsiPayload = try TSPayload.decode(payload, kind: .initiator)
        let tsr = [try ts("192.0.2.0/24")]
        let policy = rule("all", remote: [.all(.ipv4)], local: [.all(.ipv4)])
        let result = Narrowing.narrow(proposedTSi: tsiPayload, proposedTSr: TSPayload(kind: .responder, tsr), policy: policy)
        record(&ctx, tsiPayload.addressSelectors, tsr, policy, result)
        ctx.expect("unknown selectors skipped by the decoder", tsiPayload.ignored.map(\.tsType), equals: [200])
        ctx.expect("narrowed TSi", show(result.tsi), equals: show([try ts("198.51.100.0/24")]))
        let encoded = try TSPayload(kind: .initiator, result.tsi).encode()
        ctx.hex("narrowed TSi payload", encoded)
        ctx.expect("types in the narrowed payload", try TSPayload.decode(encoded).selectors.map(\.tsType), equals: [7])
    }

    static let r3 = Check(
        id: "ts.narrow.r3-packet-selectors-first", title: "An ACQUIRE-started proposal puts the triggering packet's selectors first",
        topic: .ts, dialects: ["rfc7296", "linux"],
        claims: Claim.ikev2(.supports, section: "2.9", "To enable the responder to choose the appropriate range in this case, if the initiator has requested the SA due to a data packet, the initiator SHOULD include as the first Traffic Selector in each of TSi and TSr a very specific Traffic Selector including the addresses in the packet triggering the request.")
    ) { ctx in
        let flow = try SeedFlow.run(&ctx)
        ctx.expect("TSi[0] is the packet's source host", flow.proposal.tsi[0].addresses, equals: try IPAddressRange(parsing: "10.0.0.1/32"))
        ctx.expect("TSr[0] is the packet's destination host", flow.proposal.tsr[0].addresses, equals: try IPAddressRange(parsing: "10.0.0.2/32"))
        ctx.expect("TSi[1] is the policy's source", flow.proposal.tsi[1].addresses, equals: try IPAddressRange(parsing: "10.0.0.0/24"))
    }

    static let r4 = Check(
        id: "ts.narrow.r4-ts-unacceptable", title: "Nothing acceptable gives TS_UNACCEPTABLE",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "If the responder's policy does not allow it to accept any part of the proposed Traffic Selectors, it responds with a TS_UNACCEPTABLE Notify message.")
    ) { ctx in
        let tsi = [try ts("198.51.100.0/24")], tsr = [try ts("192.0.2.0/24")]
        let policy = rule("elsewhere", remote: [try ts("203.0.113.0/24")], local: [try ts("192.0.2.0/24")])
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        record(&ctx, tsi, tsr, policy, result)
        ctx.expect("notify", result.notify?.rawValue, equals: TSNotify.tsUnacceptable.rawValue)
        ctx.expect("accepted", result.isAccepted, equals: false)
    }

    static let r5 = Check(
        id: "ts.narrow.r5-whole-set-unchanged", title: "A fully acceptable proposal comes back unchanged",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "If the responder's policy allows the entire set of traffic covered by TSi and TSr, no narrowing is necessary, and the responder can return the same TSi and TSr values.")
    ) { ctx in
        let tsi = [try ts("198.51.100.43/32", 17, "5000"), try ts("198.51.100.0/24")]
        let tsr = [try ts("192.0.2.7/32", 17, "53"), try ts("192.0.2.0/24")]
        let policy = rule("wide", remote: [try ts("198.51.0.0/16")], local: [try ts("192.0.2.0/24")])
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        record(&ctx, tsi, tsr, policy, result)
        ctx.expect("TSi returned", show(result.tsi), equals: show(tsi))
        ctx.expect("TSr returned", show(result.tsr), equals: show(tsr))
    }

    static let r6 = Check(
        id: "ts.narrow.r6-first-choices-kept", title: "Acceptable first selectors are kept in the narrowed result",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "If the responder's policy allows it to accept the first selector of TSi and TSr, then the responder MUST narrow the Traffic Selectors to a subset that includes the initiator's first choices.")
    ) { ctx in
        // RFC 7296 2.9's own example: 198.51.100.43 inside 198.51.100.0/24.
        let tsi = [try ts("198.51.100.43/32", 6, "40000"), try ts("198.51.100.0/24")]
        let tsr = [try ts("192.0.2.10/32", 6, "443"), try ts("192.0.2.0/24")]
        let policy = rule("narrow", remote: [try ts("198.51.100.32/27")], local: [try ts("192.0.2.0/28")])
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        record(&ctx, tsi, tsr, policy, result)
        ctx.expect("TSi includes the first choice", SelectorSet([tsi[0]]).isSubset(of: SelectorSet(result.tsi)),
                   expected: "contains \(tsi[0])", actual: show(result.tsi))
        ctx.expect("TSr includes the first choice", SelectorSet([tsr[0]]).isSubset(of: SelectorSet(result.tsr)),
                   expected: "contains \(tsr[0])", actual: show(result.tsr))
        ctx.expect("TSi is within policy", SelectorSet(result.tsi).isSubset(of: SelectorSet(policy.rules[0].remote)),
                   expected: "within 198.51.100.32/27", actual: show(result.tsi))
    }

    static let r7 = Check(
        id: "ts.narrow.r7-acceptable-subset", title: "Unacceptable first selectors: narrowed to an acceptable subset",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "If the responder's policy does not allow it to accept the first selector of TSi and TSr, the responder narrows to an acceptable subset of TSi and TSr.")
    ) { ctx in
        let tsi = [try ts("198.51.100.200/32"), try ts("198.51.100.0/24")]
        let tsr = [try ts("192.0.2.10/32"), try ts("192.0.2.0/24")]
        let policy = rule("low-half", remote: [try ts("198.51.100.0/25")], local: [try ts("192.0.2.0/24")])
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        record(&ctx, tsi, tsr, policy, result)
        ctx.expect("narrowed TSi", show(result.tsi), equals: show([try ts("198.51.100.0/25")]))
        ctx.expect("accepted", result.isAccepted, equals: true)
        ctx.expect("rule applied", result.reasons.contains { $0.hasPrefix("R7") }, expected: "R7 in the engine's reasons", actual: result.reasons.joined(separator: "; "))
    }

    static let r8 = Check(
        id: "ts.narrow.r8-additional-ts-possible", title: "Several acceptable subsets: one chosen, ADDITIONAL_TS_POSSIBLE",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "In this case, the responder arbitrarily chooses one of them, and MAY include an ADDITIONAL_TS_POSSIBLE notification in the response.")
    ) { ctx in
        let tsi = [try ts("198.51.100.0/24")], tsr = [try ts("192.0.2.0/24")]
        let policy = NarrowingPolicy(rules: [
            NarrowingRule(name: "aes", remote: [try ts("198.51.100.0/26")], local: [try ts("192.0.2.0/24")]),
            NarrowingRule(name: "3des", remote: [try ts("198.51.100.128/26")], local: [try ts("192.0.2.0/24")]),
        ])
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        record(&ctx, tsi, tsr, policy, result)
        ctx.expect("one subset chosen", show(result.tsi), equals: show([try ts("198.51.100.0/26")]))
        ctx.expect("notify", result.notify?.rawValue, equals: TSNotify.additionalTSPossible.rawValue)
    }

    static let r9 = Check(
        id: "ts.narrow.r9-narrow-not-single-pair", title: "A single-pair policy narrows to the packet's pair instead of SINGLE_PAIR_REQUIRED",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "2.9", "Because of this, if only some parts of the TSi and TSr proposed by the initiator are acceptable to the responder, responders SHOULD narrow the selectors to an acceptable subset rather than use SINGLE_PAIR_REQUIRED.")
    ) { ctx in
        let tsi = [try ts("198.51.100.43/32"), try ts("198.51.100.0/24")]
        let tsr = [try ts("192.0.2.10/32"), try ts("192.0.2.0/24")]
        let policy = rule("per-pair", remote: [try ts("198.51.100.0/24")], local: [try ts("192.0.2.0/28")], singlePair: true)
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy)
        record(&ctx, tsi, tsr, policy, result)
        ctx.expect("accepted, not SINGLE_PAIR_REQUIRED", result.isAccepted && result.notify != .singlePairRequired,
                   expected: "narrowed", actual: result.notify?.name ?? "narrowed, no notify")
        ctx.expect("narrowed to the packet's pair", show(result.tsi) + " " + show(result.tsr),
                   equals: show([try ts("198.51.100.43/32")]) + " " + show([try ts("192.0.2.10/32")]))
    }
}
