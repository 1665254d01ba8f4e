/// An SPD entry (RFC 4301 4.4.1.2): a name, one or more selector sets, PFP flags and an action.
public struct SPDEntry: Hashable, Sendable {
    public var name: String
    public var selectorSets: [SPDSelectorSet]
    public var pfp: PFPFlags
    public var action: SPDAction

    public init(name: String, selectorSets: [SPDSelectorSet], pfp: PFPFlags = [], action: SPDAction) {
        self.name = name
        self.selectorSets = selectorSets
        self.pfp = pfp
        self.action = action
    }

    /// Correlated (RFC 4301 Appendix B): some selector set of each intersects in every selector.
    public func isCorrelated(with other: SPDEntry) -> Bool {
        selectorSets.contains { a in other.selectorSets.contains { a.intersects($0) } }
    }
}
