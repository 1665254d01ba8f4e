/// IKEv2's "mix and match" reading of an SPD entry with several selector sets (RFC 4301
/// 4.4.1.2): negotiated as TSi = every set's local side and TSr = every set's remote side,
/// an SA carries any local side with any remote side, not only the pairs the entry lists.
/// An entry's access control intent aligns with those semantics when its selector sets
/// already cover every such pairing.
public enum SelectorSetAlignment {
    /// The traffic the negotiated SA admits: for each local side i and remote side j, the
    /// set of local i x remote j with the protocols both allow (none when they share none).
    public static func mixAndMatch(_ entry: SPDEntry) -> [SPDSelectorSet] {
        var out: [SPDSelectorSet] = []
        for i in entry.selectorSets {
            for j in entry.selectorSets where i.family == j.family {
                guard let p = i.ipProtocol.intersection(j.ipProtocol) else { continue }
                out.append(SPDSelectorSet(unchecked: i.local, j.remote, p, i.localPorts, j.remotePorts))
            }
        }
        return out
    }

    /// The traffic mix and match admits that none of the entry's selector sets does: empty
    /// when the entry aligns with IKEv2's semantics (always, for one selector set).
    public static func misaligned(_ entry: SPDEntry) -> [SPDSelectorSet] {
        var rest: [SPDSelectorSet] = []
        for box in mixAndMatch(entry) {
            var parts = [box]
            for s in entry.selectorSets where !parts.isEmpty {
                parts = parts.flatMap { $0.intersects(s) ? $0.subtracting(s) : [$0] }
            }
            rest.append(contentsOf: parts)
        }
        return Decorrelation.merge(rest)
    }
}

/// A management interface's handling of entries with several selector sets whose syntax
/// conflicts with IKEv2's mix and match (RFC 4301 4.4.1.2: users "MUST NOT" create them
/// unless their intent aligns; an implementation "MAY warn users").
public enum MultipleSelectorSetPolicy: String, Hashable, Sendable, CaseIterable {
    /// Take the entry silently.
    case accept
    /// Take the entry and return a warning naming the traffic IKEv2 would add.
    case warn
    /// Refuse the entry (`entryRefused`).
    case refuse

    /// The warnings for `entry` (empty: it aligns); throws `entryRefused` under `.refuse`.
    public func admit(_ entry: SPDEntry) throws -> [String] {
        let extra = SelectorSetAlignment.misaligned(entry)
        guard !extra.isEmpty, self != .accept else { return [] }
        let text = "entry \(entry.name): IKEv2 mix and match of its \(entry.selectorSets.count) selector sets also admits \(extra.map(\.description).joined(separator: "; "))"
        if self == .refuse { throw TSError(.entryRefused, text, rule: "RFC 4301 4.4.1.2") }
        return [text]
    }
}
