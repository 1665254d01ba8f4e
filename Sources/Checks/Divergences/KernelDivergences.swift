import PFKey
import PFKeyReference
import WireCore

/// Where the real Linux kernel (the committed captures of Linux 6.1's af_key) does something
/// other than RFC 2367 says, each with the bytes behind it: `draftcheck divergences`.
/// Every entry rests on bytes decoded now: the kernel's own messages, and the differential's
/// malformed requests decoded again by the strict codec and set beside what the kernel
/// answered to each.
public struct KernelDivergence: Hashable, Sendable, Codable {
    /// The statement's source: "RFC 2367 2.3.3".
    public var source: String
    /// What the specification (or the strict codec, following it) says.
    public var specification: String
    /// What Linux 6.1 did.
    public var linux: String
    /// How many messages show it, and examples (capture scenario or mutation names).
    public var count: Int
    public var examples: [String]
    /// The evidence's origin: a capture scenario, or "differential".
    public var capture: String
}

public enum KernelDivergences {
    public static var all: [KernelDivergence] { acquirePorts() + differential() + addState() }

    /// RFC 2367 asks the ACQUIRE's address extensions to carry the session's ports; Linux
    /// sends 0. Read from every ACQUIRE the kernel sent in the captures.
    static func acquirePorts() -> [KernelDivergence] {
        var scenarios: [String] = []
        var count = 0
        for scenario in KernelCaptures.scenarios {
            for m in scenario.messages where !m.sent {
                guard let message = try? Message(decoding: m.bytes, options: DecodingOptions(dialect: .linux, direction: .kernel)),
                      message.type == .acquire,
                      message.address(.source)?.address.port == 0, message.address(.destination)?.address.port == 0 else { continue }
                count += 1
                if !scenarios.contains(scenario.name) { scenarios.append(scenario.name) }
            }
        }
        guard count > 0 else { return [] }
        return [KernelDivergence(
            source: "RFC 2367 2.3.3", specification: "an ACQUIRE's source and destination address extensions SHOULD carry the ports of the session that triggered it",
            linux: "sends port 0 in both address extensions of every SADB_ACQUIRE, so the packet's ports are lost to TSi[0]/TSr[0]",
            count: count, examples: scenarios, capture: scenarios.joined(separator: ", "))]
    }

    /// The differential: each malformed request the strict codec refuses and the kernel
    /// accepted, or the other way round, grouped by the codec's rule.
    static func differential() -> [KernelDivergence] {
        struct Group { var source: String; var rule: String; var linux: String; var kinds: [String] }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for mutation in KernelCaptures.mutations {
            guard let bytes = try? Hex.decode(mutation.hex, skip: { _ in false }) else { continue }
            let ours: PFKeyError?
            do {
                _ = try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: .request))
                ours = nil
            } catch {
                ours = error
            }
            let kernelAccepted = mutation.kernel == "ok"
            let key: String
            let group: Group
            switch (ours, kernelAccepted) {
            case (let error?, true):
                key = "accepts:" + error.code.rawValue
                group = Group(source: error.source, rule: "the strict codec refuses it as \(error.code.rawValue) (first: \(error.detail))",
                              linux: "accepts it (no error reply)", kinds: [])
            case (nil, false):
                key = "refuses:" + mutation.kernel
                group = Group(source: "RFC 2367 2", rule: "the strict codec accepts it",
                              linux: "refuses it (\(describe(kernelVerdict: mutation.kernel)))", kinds: [])
            default:
                continue
            }
            if groups[key] == nil { groups[key] = group; order.append(key) }
            groups[key]!.kinds.append("\(mutation.base)/\(mutation.kind)")
        }
        return order.map { key in
            let g = groups[key]!
            return KernelDivergence(source: g.source, specification: g.rule, linux: g.linux, count: g.kinds.count,
                                    examples: Array(g.kinds.prefix(4)), capture: "differential")
        }
    }

    /// RFC 2367 3.1.3 asks the kernel to refuse an SADB_ADD whose SA is not MATURE; Linux
    /// ignores sadb_sa_state (af_key.c: KAME setkey sends LARVAL). Read from the
    /// differential's ADDs that decode with another state and that the kernel accepted.
    static func addState() -> [KernelDivergence] {
        var kinds: [String] = []
        for mutation in KernelCaptures.mutations where mutation.kernel == "ok" {
            guard let bytes = try? Hex.decode(mutation.hex, skip: { _ in false }),
                  let message = try? Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: .request)),
                  message.type == .add, let state = message.sa?.state, state != .mature else { continue }
            kinds.append("\(mutation.base)/\(mutation.kind) with state \(state.rawValue)")
        }
        guard !kinds.isEmpty else { return [] }
        return [KernelDivergence(
            source: "RFC 2367 3.1.3", specification: "the sadb_sa_state of an SADB_ADD MUST be SADB_SASTATE_MATURE and the kernel MUST return an error if it is not",
            linux: "accepts an SADB_ADD whatever its sadb_sa_state (no error reply)",
            count: kinds.count, examples: Array(kinds.prefix(4)), capture: "differential, kernel verdicts")]
    }

    /// "errno:22" -> "a reply with errno 22"; "send:90" -> "send(2) fails with errno 90".
    static func describe(kernelVerdict: String) -> String {
        let parts = kernelVerdict.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return kernelVerdict }
        switch parts[0] {
        case "errno": return "a reply with errno \(parts[1])"
        case "send": return "send(2) fails with errno \(parts[1])"
        default: return kernelVerdict
        }
    }
}
