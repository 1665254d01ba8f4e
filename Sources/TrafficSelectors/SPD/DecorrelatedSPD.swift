/// An SPD whose entries are pairwise decorrelated (RFC 4301 4.4.1, Appendix B): order no
/// longer matters, since at most one fragment matches any packet.
public struct DecorrelatedSPD: Sendable {
    /// The fragments; their order carries no meaning.
    public let fragments: [SPDFragment]
    private let index: SelectorSetIndex

    public init(fragments: [SPDFragment]) {
        self.fragments = fragments
        self.index = SelectorSetIndex(fragments.map(\.selectorSet))
    }

    /// The fragment containing `packet`, found through the index.
    public func lookup(_ packet: SPDPacket) -> SPDFragment? {
        index.firstMatch(packet).map { fragments[$0] }
    }

    /// Every fragment containing `packet` (at most one when decorrelation is right).
    public func allMatches(_ packet: SPDPacket) -> [SPDFragment] {
        fragments.filter { $0.selectorSet.contains(packet) }
    }

    /// The fragments of the entry at `origin`: the traffic that entry really governs, e.g.
    /// the Traffic Selectors an initiator may propose for it without violating its own
    /// policy (RFC 7296 2.9.1).
    public func fragments(of origin: Int) -> [SPDFragment] { fragments.filter { $0.origin == origin } }
}
