import TrafficSelectors

/// RFC 4301 section 4.4.1: the SPD is an ordered list (first match wins), ends in a
/// discard-everything entry, and decorrelation keeps each entry's fragments linked.
enum SPDChecks {
    /// spd.ordered-first-match and spd.final-discard are scenario files (checks/).
    static var all: [Check] { [decorrelationLinked] }

    static func packet(_ local: String, _ remote: String, proto: UInt8 = 6, localPort: UInt32 = 40000, remotePort: UInt32 = 443) throws -> SPDPacket {
        let (f, l) = try IPAddressText.parse(local), (_, r) = try IPAddressText.parse(remote)
        return SPDPacket(family: f, local: l, remote: r, ipProtocol: proto, localPort: localPort, remotePort: remotePort)
    }

    static var overlapping: [SPDEntry] {
        get throws {
            [
                SPDEntry(name: "bypass-web", selectorSets: [try SPDSelectorSet(local: "10.0.0.0/24", remote: "192.0.2.0/24", protocol: 6, remotePorts: "443")], action: .bypass),
                SPDEntry(name: "protect-lan", selectorSets: [try SPDSelectorSet(local: "10.0.0.0/24", remote: "192.0.2.0/24")], action: .protect),
                SPDEntry(name: "discard-all", selectorSets: [try SPDSelectorSet(local: "0.0.0.0/0", remote: "0.0.0.0/0")], action: .discard),
            ]
        }
    }

    static let decorrelationLinked = Check(
        id: "spd.decorrelation-linked", title: "Decorrelation: fragments stay linked to their entry and lookups agree with the ordered SPD",
        topic: .spd, dialects: ["rfc4301"],
        claims: [.supports("RFC 4301", section: "4.4.1", "Note that when an SPD entry is decorrelated all the resulting entries MUST be linked together, so that all members of the group derived from an individual, SPD entry (prior to decorrelation) can all be placed into caches and into the SAD at the same time.")]
    ) { ctx in
        let entries = try overlapping
        let spd = SPD(entries: entries)
        let decorrelated = try Decorrelation.decorrelate(spd)
        ctx.input("fragments", "\(decorrelated.fragments.count)")
        ctx.expect("every fragment names its original entry", decorrelated.fragments.allSatisfy { $0.originName == entries[$0.origin].name }, equals: true)
        ctx.expect("protect-lan split into linked fragments", decorrelated.fragments(of: 1).count > 1, expected: "more than one", actual: "\(decorrelated.fragments(of: 1).count)")
        var disagreements: [String] = []
        var tried = 0
        for local in ["10.0.0.5", "10.0.1.5"] {
            for remote in ["192.0.2.8", "198.51.100.1"] {
                for (proto, port) in [(6, 443), (6, 80), (17, 443)] as [(UInt8, UInt32)] {
                    let p = try packet(local, remote, proto: proto, remotePort: port)
                    tried += 1
                    let ordered = spd.lookup(p).map { entries[$0].name }
                    let unordered = decorrelated.allMatches(p).map(\.originName)
                    if unordered.count != 1 || unordered.first != ordered { disagreements.append("\(local)->\(remote) \(proto)/\(port): \(ordered ?? "none") vs \(unordered)") }
                }
            }
        }
        ctx.input("packets tried", "\(tried)")
        ctx.expect("packets where the decorrelated SPD has one match, from the same entry", disagreements.joined(separator: "; "), equals: "")
    }
}
