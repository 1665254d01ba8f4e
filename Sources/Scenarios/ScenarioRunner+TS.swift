import Checks
import TrafficSelectors

extension ScenarioRunner {
    static func selector(_ s: SelectorInput) throws -> TrafficSelector {
        do { return try TrafficSelector(s.address, protocol: s.proto, ports: s.ports) } catch {
            throw CheckError(.setupFailed, "selector \(s.address) ports \(s.ports) protocol \(s.proto): \(error)")
        }
    }

    static func show(_ selectors: [TrafficSelector]) -> String {
        selectors.isEmpty ? "(none)" : selectors.map(\.description).joined(separator: ", ")
    }

    static func runSPD(_ s: SPDStep, _ label: String, _ ctx: inout CheckContext) throws {
        let spd = try buildSPD(s.entries, label, &ctx)
        let (family, local) = try IPAddressText.parse(s.packet.local), (_, remote) = try IPAddressText.parse(s.packet.remote)
        let packet = SPDPacket(family: family, local: local, remote: remote, ipProtocol: s.packet.proto, localPort: s.packet.localPort, remotePort: s.packet.remotePort)
        ctx.input("\(label): packet", "proto \(s.packet.proto) \(s.packet.local):\(s.packet.localPort) -> \(s.packet.remote):\(s.packet.remotePort)")
        let found = spd.lookup(packet)
        if let name = s.expectEntry { ctx.expect("\(label): entry the packet meets", found.map { spd.entries[$0].name } ?? "none", equals: name) }
        if let action = s.expectAction { ctx.expect("\(label): action", found.map { spd.entries[$0].action.rawValue } ?? "none", equals: action) }
        if let name = s.expectDecorrelatedEntry {
            ctx.expect("\(label): decorrelated SPD: entry of the fragment met", try Decorrelation.decorrelate(spd).lookup(packet)?.originName ?? "none", equals: name)
        }
        try expectDerivedSA(spd, found, packet, s, label, &ctx)
    }

    /// The SPD a scenario writes, its entries recorded as inputs.
    static func buildSPD(_ written: [SPDStep.Entry], _ label: String, _ ctx: inout CheckContext) throws -> SPD {
        var entries: [SPDEntry] = []
        for e in written {
            var sets: [SPDSelectorSet] = []
            for sel in e.selectors {
                sets.append(try SPDSelectorSet(local: sel.local, remote: sel.remote, protocol: sel.proto ?? 0,
                                               localPorts: sel.localPorts ?? "any", remotePorts: sel.remotePorts ?? "any"))
            }
            guard let action = SPDAction(rawValue: e.action) else { throw CheckError(.setupFailed, "unknown SPD action \(e.action)") }
            entries.append(SPDEntry(name: e.name, selectorSets: sets, pfp: try pfpFlags(e.pfp), action: action))
            ctx.input("\(label): entry \(entries.count - 1)", "\(e.name): \(sets.map(\.description).joined(separator: "; ")) \(e.action)\(e.pfp.isEmpty ? "" : " PFP " + e.pfp.joined(separator: ","))")
        }
        return SPD(entries: entries)
    }

    static func runNarrow(_ s: NarrowStep, _ label: String, _ ctx: inout CheckContext) throws {
        var rules: [NarrowingRule] = []
        for r in s.rules {
            rules.append(NarrowingRule(name: r.name, remote: try r.remote.map(selector), local: try r.local.map(selector), requiresSinglePair: r.singlePair))
        }
        if let written = s.spd {
            let spd = try buildSPD(written.entries, label, &ctx)
            rules = (written.decorrelated ? NarrowingPolicy(protecting: try Decorrelation.decorrelate(spd)) : NarrowingPolicy(protecting: spd)).rules
            for r in rules {
                ctx.input("\(label): rule from the \(written.decorrelated ? "decorrelated" : "ordered") SPD", "\(r.name): remote \(show(r.remote)), local \(show(r.local))")
            }
        }
        let tsi = try s.tsi.map(selector), tsr = try s.tsr.map(selector)
        ctx.input("\(label): proposed TSi", show(tsi))
        ctx.input("\(label): proposed TSr", show(tsr))
        for name in s.profiles {
            guard let profile = NarrowingProfile(rawValue: name) else { throw CheckError(.setupFailed, "unknown profile \(name)") }
            // Through the wire: the proposal is encoded as TSi/TSr payloads and decoded back.
            let tsiPayload = try TSPayload.decode(try TSPayload(kind: .initiator, tsi).encode(), kind: .initiator)
            let tsrPayload = try TSPayload.decode(try TSPayload(kind: .responder, tsr).encode(), kind: .responder)
            let result = Narrowing.narrow(proposedTSi: tsiPayload, proposedTSr: tsrPayload, policy: NarrowingPolicy(rules: rules), profile: profile)
            for reason in result.reasons { ctx.note("\(label) \(name): \(reason)") }
            if let e = s.expectTSi { ctx.expect("\(label) \(name): narrowed TSi", show(result.tsi), equals: show(try e.map(selector))) }
            if let e = s.expectTSr { ctx.expect("\(label) \(name): narrowed TSr", show(result.tsr), equals: show(try e.map(selector))) }
            if let n = s.expectNotify { ctx.expect("\(label) \(name): notify", result.notify?.name ?? "none", equals: n) }
        }
    }

    static func runTSDecode(_ s: TSDecodeStep, _ label: String, _ ctx: inout CheckContext) throws {
        ctx.hex("\(label): TS payload", s.bytes)
        let kind: TSPayload.Kind? = s.kind.map { $0 == "tsi" ? .initiator : .responder }
        let decoded = Result { try TSPayload.decode(s.bytes, kind: kind) }
        if let r = s.expectRejected {
            switch decoded {
            case .success: ctx.expect("\(label): verdict", "accepted", equals: "rejected with \(r.code)")
            case .failure(let error):
                let ts = error as? TSError
                ctx.expect("\(label): verdict", "rejected with \(ts?.codeName ?? "\(error)")", equals: "rejected with \(r.code)")
                if let o = r.offset { ctx.expect("\(label): rejection offset", ts?.offset, equals: o) }
            }
            return
        }
        let payload: TSPayload
        switch decoded {
        case .success(let p): payload = p
        case .failure(let error):
            ctx.expect("\(label): verdict", "rejected with \((error as? TSError)?.codeName ?? "\(error)")", equals: "accepted")
            return
        }
        if let e = s.expectSelectors { ctx.expect("\(label): selectors", show(payload.addressSelectors), equals: show(try e.map(selector))) }
        if let t = s.expectIgnoredTypes { ctx.expect("\(label): ignored selector types", payload.ignored.map { Int($0.tsType) }, equals: t) }
    }
}
