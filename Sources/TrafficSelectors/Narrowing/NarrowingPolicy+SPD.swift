/// A responder's narrowing policy taken from its SPD (RFC 4301 4.4.1): one rule per
/// selector set of each PROTECT entry, in order. From the ordered SPD the entries are used
/// as written (the correlated entries); from the decorrelated SPD only the fragments, the
/// traffic each entry really protects once earlier entries have taken theirs, so a
/// proposal overlapping an earlier BYPASS or DISCARD entry is narrowed around it. A rule
/// per selector set keeps IKEv2's "mix and match" from joining two sets of one entry.
extension NarrowingPolicy {
    public init(protecting spd: SPD) {
        var rules: [NarrowingRule] = []
        for entry in spd.entries where entry.action == .protect {
            for set in entry.selectorSets {
                rules.append(NarrowingRule(name: entry.name, remote: [set.remoteSelector], local: [set.localSelector]))
            }
        }
        self.init(rules: rules)
    }

    public init(protecting decorrelated: DecorrelatedSPD) {
        let fragments = decorrelated.fragments.filter { $0.action == .protect }.sorted { $0.origin < $1.origin }
        self.init(rules: fragments.map {
            NarrowingRule(name: $0.originName, remote: [$0.selectorSet.remoteSelector], local: [$0.selectorSet.localSelector])
        })
    }
}
