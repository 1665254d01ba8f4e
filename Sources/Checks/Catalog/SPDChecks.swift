import TrafficSelectors

/// RFC 4301 section 4.4.1: the SPD is an ordered list (first match wins), ends in a
/// discard-everything entry, and decorrelation keeps each entry's fragments linked.
enum SPDChecks {
    static var all: [Check] { [ordered, finalDiscard, decorrelationLinked] }

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

    static let ordered = Check(
        id: "spd.ordered-first-match", title: "SPD entries are ordered: the first matching entry decides",
        topic: .spd, dialects: ["rfc4301"],
        claims: [.supports("RFC 4301", section: "4.4.1", "The SPD contains an ordered list of these entries.")]
    ) { ctx in
        let entries = try overlapping
        for (i, e) in entries.enumerated() { ctx.input("entry \(i)", "\(e.name): \(e.selectorSets.map(\.description).joined(separator: "; ")) \(e.action.rawValue)") }
        let spd = SPD(entries: entries)
        let web = try packet("10.0.0.5", "192.0.2.8")
        ctx.expect("HTTPS packet (matches entries 0 and 1)", spd.lookup(web).map { entries[$0].name }, equals: "bypass-web")
        let reversed = SPD(entries: [entries[1], entries[0], entries[2]])
        ctx.expect("same packet with the two entries swapped", reversed.lookup(web).map { reversed.entries[$0].name }, equals: "protect-lan")
        ctx.expect("indexed lookup equals linear scan", spd.lookup(web), equals: spd.linearLookup(web))
    }

    static let finalDiscard = Check(
        id: "spd.final-discard", title: "A final entry matching everything discards what nothing else matched",
        topic: .spd, dialects: ["rfc4301"],
        claims: [.supports("RFC 4301", section: "4.4.1", "Every SPD SHOULD have a nominal, final entry that matches anything that is otherwise unmatched, and discards it.")]
    ) { ctx in
        // What the statement asks of an SPD is that the final entry, not the engine, decides
        // for unmatched traffic: without it a stray packet meets no entry at all; with it the
        // stray packet, and only it, reaches the last entry.
        let entries = try overlapping
        let withoutFinal = SPD(entries: Array(entries.dropLast()))
        let spd = SPD(entries: entries)
        let stray = try packet("172.16.0.1", "198.51.100.1", proto: 17, localPort: 5353, remotePort: 5353)
        let lan = try packet("10.0.0.5", "192.0.2.8", proto: 17, localPort: 5353, remotePort: 5353)
        ctx.input("packet", "UDP 172.16.0.1:5353 -> 198.51.100.1:5353")
        ctx.expect("stray packet, SPD without the final entry: matching entry", withoutFinal.lookup(stray).map { withoutFinal.entries[$0].name }, equals: nil)
        ctx.expect("stray packet: matching entry (index, name)", spd.lookup(stray).map { "\($0) \(spd.entries[$0].name)" }, equals: "2 discard-all")
        ctx.expect("stray packet: action", spd.lookup(stray).map { spd.entries[$0].action.rawValue }, equals: "DISCARD")
        ctx.expect("LAN packet: matching entry (the final entry is not reached)", spd.lookup(lan).map { spd.entries[$0].name }, equals: "protect-lan")
        // The decorrelated SPD agrees: the stray packet's fragment comes from the final entry.
        let decorrelated = Decorrelation.decorrelate(spd)
        ctx.expect("decorrelated SPD: stray packet's entry", decorrelated.lookup(stray).map(\.originName), equals: "discard-all")
    }

    static let decorrelationLinked = Check(
        id: "spd.decorrelation-linked", title: "Decorrelation: fragments stay linked to their entry and lookups agree with the ordered SPD",
        topic: .spd, dialects: ["rfc4301"],
        claims: [.supports("RFC 4301", section: "4.4.1", "Note that when an SPD entry is decorrelated all the resulting entries MUST be linked together, so that all members of the group derived from an individual, SPD entry (prior to decorrelation) can all be placed into caches and into the SAD at the same time.")]
    ) { ctx in
        let entries = try overlapping
        let spd = SPD(entries: entries)
        let decorrelated = Decorrelation.decorrelate(spd)
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
