/// What inbound processing does with a packet (RFC 4301 4.4.1, 5.2).
public enum InboundVerdict: Hashable, Sendable, CustomStringConvertible {
    /// Let through without IPsec, by the named SPD-I entry.
    case bypass(entry: String)
    /// Dropped: by the named entry, or (nil) because no entry matched.
    case discard(entry: String?)
    /// Traffic that arrived on an SA and is consistent with the SPD: the PROTECT entry.
    case accept(entry: String)

    public var description: String {
        switch self {
        case .bypass(let e): return "bypass by \(e)"
        case .discard(let e?): return "discard by \(e)"
        case .discard(nil): return "discard (no entry matched)"
        case .accept(let e): return "accept by \(e)"
        }
    }
}

/// The SPD-I (RFC 4301 4.4.1): the part of the SPD for inbound traffic that is bypassed or
/// discarded, consulted without SPD-S. `SPDPacket.local` is the receiver's address here.
public struct InboundSPD: Sendable {
    public let spd: SPD

    /// Throws `entryRefused` for a PROTECT entry: SPD-I entries bypass or discard.
    public init(entries: [SPDEntry]) throws {
        if let e = entries.first(where: { $0.action == .protect }) {
            throw TSError(.entryRefused, "SPD-I entry \(e.name) protects; SPD-I holds BYPASS and DISCARD entries", rule: "RFC 4301 4.4.1")
        }
        spd = SPD(entries: entries)
    }

    /// An unprotected inbound packet: the first matching entry's action; a packet that
    /// matches no entry is discarded ("Since the SPD-I is just a part of the SPD").
    public func process(_ packet: SPDPacket) -> InboundVerdict {
        guard let i = spd.lookup(packet) else { return .discard(entry: nil) }
        let e = spd.entries[i]
        return e.action == .bypass ? .bypass(entry: e.name) : .discard(entry: e.name)
    }
}

/// Traffic that arrived on an SA, after IPsec processing, checked against the access
/// control policy of the SPD (RFC 4301 4.4.1, end of "Decorrelation").
public enum InboundSACheck {
    /// With a correlated (ordered) SPD no cache may stand in for it: an ordered search of
    /// the whole SPD must find, first, the PROTECT entry the SA was created for.
    public static func orderedSearch(_ packet: SPDPacket, arrivedOnSAOf entryName: String, spd: SPD) -> InboundVerdict {
        guard let i = spd.lookup(packet) else { return .discard(entry: nil) }
        let e = spd.entries[i]
        return e.action == .protect && e.name == entryName ? .accept(entry: e.name) : .discard(entry: e.name)
    }

    /// With a decorrelated SPD, the SA's linked fragments are its cache: the packet must
    /// lie in one of them (no other fragment can claim it, as fragments are disjoint).
    public static func decorrelatedCache(_ packet: SPDPacket, arrivedOnSAOf entryName: String, spd: DecorrelatedSPD) -> InboundVerdict {
        guard let f = spd.lookup(packet) else { return .discard(entry: nil) }
        return f.action == .protect && f.originName == entryName ? .accept(entry: f.originName) : .discard(entry: f.originName)
    }

    /// What a cache of the SA's own selectors would decide (only the SAD entry): the check
    /// RFC 4301 rules out for a correlated SPD, kept to show what it would let through.
    public static func saSelectorsOnly(_ packet: SPDPacket, sa selectors: SPDSelectorSet, entryName: String) -> InboundVerdict {
        selectors.contains(packet) ? .accept(entry: entryName) : .discard(entry: nil)
    }
}
