import DraftDocument
import Errata
import Linking
import Normative

/// The statements of a document series followed through its revisions (`draftcheck
/// history`): every statement of the latest revision and every one removed on the way, with
/// its status in each revision, where a contradiction entered and where it was mended, and
/// the errata given, with the revision that adopted each proposed text. Plain values: every
/// output format (Reports) is a function of this.
public struct SeriesHistory: Sendable {
    /// Oldest first.
    public var revisions: [HistoryRevision]
    /// The latest revision's statements in document order, then those removed on the way
    /// (by the revision they were last seen in, then position).
    public var statements: [StatementHistory]
    public var errata: [ErrataHistory]
    /// How many checks the catalog run had.
    public var checks: Int
    /// The checks that errored in the run (a draftcheck bug: `check` exits 70 for it).
    public var erroredChecks: [String] = []

    /// Statements contradicted in the latest revision.
    public var contradictedInLatest: [StatementHistory] {
        statements.filter { ($0.cells.last ?? nil)?.status.isContradiction == true }
    }

    /// Every status of a statement of the latest revision (what `--fail-on` looks at).
    public var statusesInLatest: Set<HistoryStatus> {
        Set(statements.compactMap { ($0.cells.last ?? nil)?.status.status })
    }
}

/// One revision: the document and how many of its statements have each status.
public struct HistoryRevision: Hashable, Sendable {
    /// 1-based: "r1" is the oldest.
    public var number: Int
    public var identity: DocumentIdentity
    public var metadata: Metadata
    public var date: DocumentDate?
    /// Every status (absent aside) with its count among this revision's statements.
    public var counts: [HistoryStatus: Int]
    public var statementCount: Int

    public var name: String { identity.description }
    public var label: String { "r\(number)" }
}

/// How a statement came to be what it is in a revision, from its previous appearance.
public struct HistoryChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Its first appearance.
        case new
        /// The same text (joined by the stable id, or matched exactly in the same section).
        case unchanged
        /// Same section, other words (matched normalised or by similarity).
        case edited
        /// Another section.
        case moved
    }

    public enum Join: String, Hashable, Sendable, Codable {
        /// The same stable id (section and text hash) in the previous appearance.
        case stableID = "stable-id"
        case exact, normalised, similar
    }

    public var kind: Kind
    public var join: Join?
    /// 1 unless joined by similarity.
    public var similarity: Double
    /// Word diff against the previous appearance when the words differ.
    public var diff: WordDiff?
    /// The revision the previous appearance is in (not always the one before: a revision
    /// that left the statement out, such as an excerpt, is skipped).
    public var fromRevision: Int?

    public static let new = HistoryChange(kind: .new, join: nil, similarity: 1, diff: nil, fromRevision: nil)
}

/// A statement in one revision.
public struct HistoryAppearance: Hashable, Sendable {
    public var revision: Int
    public var statement: LinkStatement
    public var status: RevisionStatus
    public var checkIDs: [String]
    public var change: HistoryChange
}

/// A contradiction's life: the revision it entered and the one that mended it (nil while
/// the latest revision still carries it).
public struct ContradictionSpan: Hashable, Sendable {
    public enum Mend: String, Hashable, Sendable, Codable {
        /// The statement is still there, reworded, and no longer contradicted.
        case reworded
        /// The same words, judged otherwise (another series' claims, another catalog).
        case judgedOtherwise = "judged-otherwise"
        /// The statement is gone (or merged into another: see `mergedInto`).
        case removed
    }

    public var entered: Int
    public var mended: Int?
    public var mend: Mend?
    public init(entered: Int, mended: Int?, mend: Mend?) {
        self.entered = entered
        self.mended = mended
        self.mend = mend
    }
}

/// A decisive clause of a claim on the statement, present or not in each revision.
public struct ClauseHistory: Hashable, Sendable {
    public var clause: String
    public var checkIDs: [String]
    /// Per revision: nil where the statement is absent.
    public var present: [Bool?]

    /// The first revision carrying it after one that did not (or its first appearance).
    public var arrived: Int? { present.firstIndex { $0 == true }.map { $0 + 1 } }
    /// The first revision after `arrived` where the statement stands without it.
    public var gone: Int? {
        guard let a = arrived else { return nil }
        return present[a...].firstIndex { $0 == false }.map { $0 + 1 }
    }
}

/// A link to another statement's history at a revision ("split from", "merged into").
public struct HistoryReference: Hashable, Sendable {
    public var revision: Int
    /// The key of the other statement's history.
    public var key: String
    public init(revision: Int, key: String) {
        self.revision = revision
        self.key = key
    }
}

/// One statement across the series.
public struct StatementHistory: Hashable, Sendable {
    /// The stable id of its last appearance.
    public var key: String
    /// One per revision, nil where absent.
    public var cells: [HistoryAppearance?]
    public var splitFrom: HistoryReference?
    public var splitInto: [HistoryReference] = []
    public var mergedInto: HistoryReference?
    public var mergedFrom: [HistoryReference] = []
    public var contradictions: [ContradictionSpan] = []
    public var clauses: [ClauseHistory] = []

    public var first: Int { (cells.firstIndex { $0 != nil } ?? 0) + 1 }
    public var last: Int { (cells.lastIndex { $0 != nil } ?? 0) + 1 }
    public var inLatest: Bool { (cells.last ?? nil) != nil }
    public var latest: HistoryAppearance? { cells.last { $0 != nil } ?? nil }

    public func status(in revision: Int) -> RevisionStatus {
        cells[revision - 1]?.status ?? .absent
    }

    /// True when some revision gives it a status other than unlinked (or absent): the
    /// statements the compact views list.
    public var isTracked: Bool {
        cells.contains { c in c.map { $0.status.status != .unlinked } ?? false }
    }
}

/// An errata file followed through the series.
public struct ErrataHistory: Sendable {
    public var file: String
    public var errata: ErrataFile
    /// The revision the errata was written against, when it is one of the revisions.
    public var target: Int?
    public var blocks: [ErrataBlockHistory]
}

public struct ErrataBlockHistory: Sendable {
    public var change: Change
    /// Per revision.
    public var revisions: [ErrataAdoptionCell]
    /// The first revision after the target that adopted the NEW text.
    public var adoptedIn: Int? { revisions.first { $0.adopted }?.revision }
}

/// Whether one revision carries a block's NEW text, and how close it stays to the OLD.
public struct ErrataAdoptionCell: Sendable {
    public var revision: Int
    /// How the NEW text is found (`errata --compare-with`); nil up to the errata's own
    /// document (when it is one of the revisions), which is not searched.
    public var adoption: Adoption?
    /// The similarity of the OLD text to the passage found for the NEW.
    public var oldSimilarity: Double?
    /// True when the revision comes after the target (when the target is given) and holds
    /// the NEW text, verbatim or closer to it than to the OLD.
    public var adopted: Bool
    /// The revision the errata was written against.
    public var isTarget: Bool
}
