import Linking

/// A statement's status in one revision of a series (ARCHITECTURE "Statuses"), plus
/// `absent`: the revision does not carry it.
public enum HistoryStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case supported
    case contradicted
    /// Reworded, the decisive clause still there: the verdict (supported or contradicted)
    /// stands; `RevisionStatus.verdict` says which.
    case drifted
    case stale
    case unlinked
    case absent
    /// A linked check failed or errored: a bug on our side, not a finding.
    case failed
    case errored
}

/// What one revision says about one statement: the status shown, and the verdict behind a
/// drifted one (for every other status the two are the same).
public struct RevisionStatus: Hashable, Sendable, Codable {
    public var status: HistoryStatus
    public var verdict: HistoryStatus

    public init(status: HistoryStatus, verdict: HistoryStatus? = nil) {
        self.status = status
        self.verdict = verdict ?? status
    }

    public static let absent = RevisionStatus(status: .absent)

    /// True when the revision's statement is contradicted, drifted or not.
    public var isContradiction: Bool { verdict == .contradicted }

    /// The one place a revision's status is derived from what Linking says about the
    /// statement and the claim links touching it. Linking has no drift label yet, so
    /// `drifted` does not occur today; when ClaimLink or LinkedStatement carries it, this
    /// function maps it (`RevisionStatus(status: .drifted, verdict: .contradicted)`) and
    /// every history output follows.
    public init(from statement: LinkedStatement, links: [ClaimLink]) {
        switch statement.status {
        case .supported: self.init(status: .supported)
        case .contradicted: self.init(status: .contradicted)
        case .failed: self.init(status: .failed)
        case .errored: self.init(status: .errored)
        case .stale: self.init(status: .stale)
        case .unlinked: self.init(status: .unlinked)
        }
    }
}
