import Diagnostics
import PFKey
import TrafficSelectors

/// The kernel, capture, SPD and Traffic Selector steps.
extension ScenarioParser {
    static func parseKernel(_ value: YAMLValue) throws(ScenarioError) -> KernelStep {
        let m = try value.mapping()
        try m.only(["dialect", "sequence"])
        let items = try m.required("sequence").list()
        guard !items.isEmpty else { throw try m.required("sequence").error(.missingExpectation, "an empty kernel sequence records nothing") }
        var out: [KernelStep.Item] = []
        for item in items {
            let im = try item.mapping()
            let actions = im.keys.filter { ["send", "setkey", "packet", "advance-clock"].contains($0) }
            guard actions.count == 1 else {
                throw item.error(actions.isEmpty ? .unknownStepKind : .invalidValue,
                                 "each kernel item is one of send (a request), setkey (a request as a setkey command), packet or advance-clock, with expect")
            }
            let action: KernelStep.Action
            var extra: [String] = []
            switch actions[0] {
            case "send":
                try im.only(["send", "expect"])
                let send = try im.required("send")
                if case .scalar = send.node { action = .send(.hex(try hex(send))) } else { action = .send(.fields(try fieldTree(send))) }
                extra = ["message-types", "sequence-numbers"]
            case "setkey":
                try im.only(["setkey", "expect"])
                action = .send(try setkey(try im.required("setkey"), sequence: UInt32(out.count + 1)))
                extra = ["message-types", "sequence-numbers"]
            case "packet":
                try im.only(["packet", "expect"])
                let p = try im.required("packet").mapping()
                if let t = try trafficInput(p) {
                    action = .traffic(t)
                    extra = ["action", "spi", "message-types", "sequence-numbers"] + trafficExpectationKeys
                    break
                }
                try p.only(["source", "destination", "protocol", "source-port", "destination-port"])
                action = .packet(source: try address(p.required("source")), destination: try address(p.required("destination")),
                                 proto: try p.optional("protocol")?.integer(UInt8.self) ?? 17,
                                 sourcePort: try p.optional("source-port")?.integer(UInt16.self) ?? 0,
                                 destinationPort: try p.optional("destination-port")?.integer(UInt16.self) ?? 0)
                extra = ["action", "spi", "message-types", "sequence-numbers"]
            default:
                try im.only(["advance-clock", "expect"])
                action = .advanceClock(try im.required("advance-clock").integer(UInt64.self))
                extra = ["message-types", "sequence-numbers"]
            }
            let expect = try messageExpectation(im, extra: extra)
            let em = try im.required("expect").mapping()
            var item = KernelStep.Item(action: action, expect: expect,
                                       packetAction: try em.optional("action")?.word(["protected", "acquiring", "discarded", "bypassed", "no-policy"] + inboundActions),
                                       messageTypes: try em.optional("message-types")?.list().map { v throws(ScenarioError) in try v.string() },
                                       sequenceNumbers: try em.optional("sequence-numbers")?.list().map { v throws(ScenarioError) in try v.integer(UInt32.self) },
                                       path: item.path, packetSPI: try em.optional("spi")?.integer(UInt32.self))
            if case .traffic = action { item.traffic = try trafficExpectation(em) }
            out.append(item)
        }
        return KernelStep(dialect: try dialect(m.optional("dialect")), items: out)
    }

    static func address(_ value: YAMLValue) throws(ScenarioError) -> String {
        let text = try value.string()
        guard IPAddress(text) != nil else { throw value.error(.invalidValue, "\"\(text)\" is not an IPv4 or IPv6 address") }
        return text
    }

    static func parseCapture(_ value: YAMLValue) throws(ScenarioError) -> CaptureStep {
        let m = try value.mapping()
        if let mutation = m.optional("mutation") {
            // A request of the differential: what Linux answered, and the codec's verdict.
            try m.only(["mutation", "expect"])
            let e = try messageExpectation(m, extra: ["linux"])
            let linux = try m.required("expect").mapping().optional("linux")?.string()
            guard linux != nil || e.rejected != nil else {
                throw try m.required("expect").error(.missingExpectation, "a mutation's \"expect\" gives linux (what Linux answered) or rejected")
            }
            return CaptureStep(scenario: "differential", type: "", fromKernel: true, nth: 1, expect: e, mutation: try mutation.string(), linux: linux)
        }
        try m.only(["scenario", "type", "from", "nth", "expect"])
        let type = try m.required("type")
        guard MessageType(name: try type.string()) != nil else { throw type.error(.invalidValue, "unknown PF_KEY message type \"\(try type.string())\"") }
        let nth = try m.optional("nth")?.integer(Int.self) ?? 1
        guard nth >= 1 else { throw try m.required("nth").error(.invalidValue, "nth counts from 1") }
        return CaptureStep(scenario: try m.required("scenario").string(), type: try type.string(),
                           fromKernel: try m.optional("from")?.word(["kernel", "us"]) != "us", nth: nth,
                           expect: try messageExpectation(m))
    }

    static func parseSPD(_ value: YAMLValue) throws(ScenarioError) -> SPDStep {
        let m = try value.mapping()
        try m.only(["entries", "packet", "expect"])
        let entries = try spdEntries(m.required("entries"))
        let p = try m.required("packet").mapping()
        try p.only(["local", "remote", "protocol", "local-port", "remote-port"])
        let packet = (try address(p.required("local")), try address(p.required("remote")), try p.optional("protocol")?.integer(UInt8.self) ?? 6,
                      try p.optional("local-port")?.integer(UInt32.self) ?? 0, try p.optional("remote-port")?.integer(UInt32.self) ?? 0)
        guard let ev = m.optional("expect") else { throw m.value.error(.missingExpectation, "\"expect\" is required: a step without one proves nothing") }
        let em = try ev.mapping()
        try em.only(["entry", "action", "decorrelated-entry", "sad-selectors", "fragments"])
        guard !em.entries.isEmpty else { throw ev.error(.missingExpectation, "\"expect\" asks nothing (give entry, action, decorrelated-entry, sad-selectors or fragments)") }
        var step = SPDStep(entries: entries, packet: packet, expectEntry: try em.optional("entry")?.string(),
                           expectAction: try em.optional("action")?.word(["PROTECT", "BYPASS", "DISCARD", "none"]),
                           expectDecorrelatedEntry: try em.optional("decorrelated-entry")?.string())
        step.expectSAD = try em.optional("sad-selectors").map(sadExpectation)
        if let f = em.optional("fragments") {
            let fm = try f.mapping()
            guard !fm.entries.isEmpty else { throw f.error(.missingExpectation, "\"fragments\" names no entry") }
            for (key, count) in fm.entries { step.expectFragments.append((key, try count.integer(Int.self))) }
        }
        return step
    }

    /// `discard`, or a mapping of selector names to their expected text.
    static func sadExpectation(_ value: YAMLValue) throws(ScenarioError) -> SPDStep.SADExpectation {
        if (try? value.word(["discard"])) != nil { return .discard }
        let m = try value.mapping()
        try m.only(["local", "remote", "protocol", "local-ports", "remote-ports"])
        guard !m.entries.isEmpty else { throw value.error(.missingExpectation, "\"sad-selectors\" names no selector") }
        var fields: [(name: String, value: String)] = []
        for (key, v) in m.entries { fields.append((key, try v.string())) }
        return .selectors(fields)
    }

    /// SPD entries as the `spd` step and the `ts-narrow` step's `spd` write them.
    static func spdEntries(_ value: YAMLValue) throws(ScenarioError) -> [SPDStep.Entry] {
        var entries: [SPDStep.Entry] = []
        for e in try value.list() {
            let em = try e.mapping()
            try em.only(["name", "action", "selectors", "pfp"])
            var selectors: [(local: String, remote: String, proto: UInt8?, localPorts: String?, remotePorts: String?)] = []
            for s in try em.required("selectors").list() {
                let sm = try s.mapping()
                try sm.only(["local", "remote", "protocol", "local-ports", "remote-ports"])
                selectors.append((try sm.required("local").string(), try sm.required("remote").string(), try sm.optional("protocol")?.integer(UInt8.self),
                                  try sm.optional("local-ports")?.string(), try sm.optional("remote-ports")?.string()))
            }
            var pfp: [String] = []
            for f in try em.optional("pfp")?.list() ?? [] { pfp.append(try f.word(PFPFlags.names.map(\.0))) }
            entries.append(SPDStep.Entry(name: try em.required("name").string(), action: try em.required("action").word(["PROTECT", "BYPASS", "DISCARD"]),
                                         selectors: selectors, pfp: pfp))
        }
        return entries
    }

    static func selectors(_ value: YAMLValue) throws(ScenarioError) -> [SelectorInput] {
        var out: [SelectorInput] = []
        for s in try value.list() {
            let m = try s.mapping()
            try m.only(["address", "ports", "protocol"])
            out.append(SelectorInput(address: try m.required("address").string(), ports: try m.optional("ports")?.string() ?? "any",
                                     proto: try m.optional("protocol")?.integer(UInt8.self) ?? 0))
        }
        return out
    }

    static func parseNarrow(_ value: YAMLValue) throws(ScenarioError) -> NarrowStep {
        let m = try value.mapping()
        try m.only(["profiles", "policy", "spd", "tsi", "tsr", "expect"])
        var profiles: [String] = []
        for p in try m.optional("profiles")?.list() ?? [] { profiles.append(try p.word(["rfc7296", "strongswan", "libreswan", "libreswan-narrowing"])) }
        // The responder's policy: rules as written, or the PROTECT entries of an SPD.
        var spd: (entries: [SPDStep.Entry], decorrelated: Bool)?
        if let s = m.optional("spd") {
            guard m.optional("policy") == nil else { throw s.error(.invalidValue, "give either \"policy\" or \"spd\", not both") }
            let sm = try s.mapping()
            try sm.only(["entries", "decorrelated"])
            spd = (try spdEntries(sm.required("entries")), try sm.optional("decorrelated")?.bool() ?? false)
        }
        var rules: [NarrowStep.Rule] = []
        for r in spd == nil ? try m.required("policy").list() : [] {
            let rm = try r.mapping()
            try rm.only(["name", "remote", "local", "single-pair"])
            rules.append(NarrowStep.Rule(name: try rm.required("name").string(), remote: try selectors(rm.required("remote")),
                                         local: try selectors(rm.required("local")), singlePair: try rm.optional("single-pair")?.bool() ?? false))
        }
        guard let ev = m.optional("expect") else { throw m.value.error(.missingExpectation, "\"expect\" is required: a step without one proves nothing") }
        let em = try ev.mapping()
        try em.only(["tsi", "tsr", "notify"])
        guard !em.entries.isEmpty else { throw ev.error(.missingExpectation, "\"expect\" asks nothing (give tsi, tsr or notify)") }
        var step = NarrowStep(profiles: profiles.isEmpty ? ["rfc7296"] : profiles, rules: rules,
                              tsi: try selectors(m.required("tsi")), tsr: try selectors(m.required("tsr")),
                              expectTSi: try em.optional("tsi").map { v throws(ScenarioError) in try selectors(v) },
                              expectTSr: try em.optional("tsr").map { v throws(ScenarioError) in try selectors(v) },
                              expectNotify: try em.optional("notify")?.word(["TS_UNACCEPTABLE", "SINGLE_PAIR_REQUIRED", "ADDITIONAL_TS_POSSIBLE", "none"]))
        step.spd = spd
        return step
    }

    static func parseTSDecode(_ value: YAMLValue) throws(ScenarioError) -> TSDecodeStep {
        let m = try value.mapping()
        try m.only(["hex", "kind", "expect"])
        guard let ev = m.optional("expect") else { throw m.value.error(.missingExpectation, "\"expect\" is required: a step without one proves nothing") }
        let em = try ev.mapping()
        try em.only(["selectors", "ignored-types", "rejected"])
        guard !em.entries.isEmpty else { throw ev.error(.missingExpectation, "\"expect\" asks nothing (give selectors, ignored-types or rejected)") }
        return TSDecodeStep(bytes: try hex(m.required("hex")), kind: try m.optional("kind")?.word(["tsi", "tsr"]),
                            expectSelectors: try em.optional("selectors").map { v throws(ScenarioError) in try selectors(v) },
                            expectIgnoredTypes: try em.optional("ignored-types")?.list().map { v throws(ScenarioError) in try v.integer(Int.self) },
                            expectRejected: try em.optional("rejected").map { v throws(ScenarioError) in try rejection(v) })
    }
}
