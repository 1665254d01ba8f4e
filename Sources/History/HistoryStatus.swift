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
    /// No check can judge it, on purpose (an exemption with its reason).
    case exempt
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
    /// statement: a verdict standing on a reworded statement (Linking's drift label) is
    /// `drifted`, with the verdict kept behind it.
    public init(from statement: LinkedStatement) {
        let verdict: HistoryStatus
        switch statement.status {
        case .supported: verdict = .supported
        case .contradicted: verdict = .contradicted
        case .failed: verdict = .failed
        case .errored: verdict = .errored
        case .stale: verdict = .stale
        case .exempt: verdict = .exempt
        case .unlinked: verdict = .unlinked
        }
        self.init(status: statement.isDrifted ? .drifted : verdict, verdict: verdict)
    }
}
