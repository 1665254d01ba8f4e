import Checks
import TrafficSelectors

extension ScenarioRunner {
    static func pfpFlags(_ names: [String]) throws -> PFPFlags {
        var flags: PFPFlags = []
        for name in names {
            guard let f = PFPFlags.names.first(where: { $0.0 == name })?.1 else { throw CheckError(.setupFailed, "unknown PFP flag \(name)") }
            flags.insert(f)
        }
        return flags
    }

    /// The SAD entry the engine derives from the entry the packet met (RFC 4301 4.4.2.2),
    /// and the decorrelated SPD's fragments per entry (4.4.1, Appendix B).
    static func expectDerivedSA(_ spd: SPD, _ found: Int?, _ packet: SPDPacket, _ s: SPDStep, _ label: String, _ ctx: inout CheckContext) throws {
        if let e = s.expectSAD {
            let derived: SPDSelectorSet? = found.flatMap { i in
                let entry = spd.entries[i]
                return entry.selectorSets.first { $0.contains(packet) }?.sadSelectors(for: packet, pfp: entry.pfp)
            }
            switch e {
            case .discard:
                ctx.expect("\(label): SAD entry derived", derived.map(\.description) ?? "discard", equals: "discard")
            case .selectors(let fields):
                guard let d = derived else {
                    ctx.expect("\(label): SAD entry derived", found == nil ? "no entry matched" : "discard", equals: "an SAD entry")
                    return
                }
                for (name, value) in fields {
                    let actual: String
                    switch name {
                    case "local": actual = d.local.description
                    case "remote": actual = d.remote.description
                    case "protocol": actual = d.ipProtocol.description
                    case "local-ports": actual = d.localPorts.description
                    default: actual = d.remotePorts.description
                    }
                    ctx.expect("\(label): SAD entry \(name)", actual, equals: value)
                }
            }
        }
        if !s.expectFragments.isEmpty {
            let decorrelated = try Decorrelation.decorrelate(spd)
            for (name, count) in s.expectFragments {
                let fragments = spd.entries.indices.filter { spd.entries[$0].name == name }.flatMap { decorrelated.fragments(of: $0) }
                ctx.note("\(label): fragments of \(name): \(fragments.map(\.selectorSet.description).joined(separator: "; "))")
                ctx.expect("\(label): decorrelated fragments of \(name)", fragments.count, equals: count)
            }
        }
    }
}
