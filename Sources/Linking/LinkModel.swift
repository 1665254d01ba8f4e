import Checks
import DraftDocument
import Normative

/// A statement as Linking needs it: Normative's `Statement` reduced to plain values, so
/// statuses and reports do not depend on how statements were extracted.
public struct LinkStatement: Hashable, Sendable, Codable {
    public var id: String
    public var section: String
    public var sectionTitle: String
    public var paragraph: Int
    public var sentence: Int
    public var location: SourceLocation
    /// BCP 14 keywords ("MUST", "SHOULD NOT"); empty for a topical sentence.
    public var levels: [String]
    /// "pfkey", "ts", "spd".
    public var topics: [String]
    public var text: String

    public init(id: String, section: String, sectionTitle: String, paragraph: Int, sentence: Int, location: SourceLocation, levels: [String], topics: [String], text: String) {
        self.id = id
        self.section = section
        self.sectionTitle = sectionTitle
        self.paragraph = paragraph
        self.sentence = sentence
        self.location = location
        self.levels = levels
        self.topics = topics
        self.text = text
    }
}

/// Where a statement stands once the catalog has run (ARCHITECTURE "Statuses").
public enum StatementStatus: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Linked checks ran and confirm what it says.
    case supported
    /// A linked check ran and shows it is wrong: an errata candidate.
    case contradicted
    /// A linked check failed: the reference code disagrees with its own check (our bug).
    case failed
    /// A linked check threw or could not run (our bug).
    case errored
    /// A claim's quote is not found in this revision, or only fuzzily.
    case stale
    /// Deliberately not checked: an exemption (checks/exemptions/) names it, with a reason
    /// and one sentence. Any linked check outranks it; it outranks only unlinked.
    case exempt
    /// A normative or topical statement no claim links to: a coverage gap.
    case unlinked

    /// Which status wins when several claims link to one statement: the one a reviewer
    /// must see first.
    var precedence: Int {
        switch self {
        case .errored: 0
        case .failed: 1
        case .contradicted: 2
        case .supported: 3
        case .stale: 4
        case .exempt: 5
        case .unlinked: 6
        }
    }
}

/// One claim of one check, resolved against one document.
public struct ClaimLink: Hashable, Sendable, Codable {
    public var checkID: String
    public var claim: Claim
    public var outcome: CheckOutcome
    /// Nil when the quote is not in the document at all.
    public var match: QuoteMatch?
    /// The section the quote was found in (differs from `claim.section` when it moved).
    public var foundInSection: String?
    /// The source location of the paragraph the quote starts in (or of the claimed
    /// section, when the quote is not found).
    public var location: SourceLocation?
    /// The statements the quote overlaps.
    public var statementIDs: [String]

    /// What this link alone says about the statements it touches.
    public var status: StatementStatus {
        guard let match, match.kind != .fuzzy else { return .stale }
        switch outcome {
        case .errored: return .errored
        case .failed: return .failed
        case .passed: return claim.relation == .supports ? .supported : .contradicted
        }
    }
}

public struct LinkedStatement: Hashable, Sendable, Codable {
    public var statement: LinkStatement
    public var status: StatementStatus
    /// The checks behind the status, in catalog order.
    public var checkIDs: [String]
    /// Why the statement is not checked, when its status is `exempt`.
    public var exemption: Exemption?

    public init(statement: LinkStatement, status: StatementStatus, checkIDs: [String], exemption: Exemption? = nil) {
        self.statement = statement
        self.status = status
        self.checkIDs = checkIDs
        self.exemption = exemption
    }
}

/// A section heading, for reports that lay out the document.
public struct SectionOutline: Hashable, Sendable, Codable {
    public var number: String?
    public var title: String
    public var depth: Int
    public var location: SourceLocation
}

/// One document judged by the catalog.
public struct LinkedDocument: Sendable {
    public var identity: DocumentIdentity
    public var metadata: Metadata
    public var sections: [SectionOutline]
    public var statements: [LinkedStatement]
    /// Every claim naming this document's series, found or not.
    public var claims: [ClaimLink]
    /// Every exemption naming this document's series, found or not.
    public var exemptions: [ExemptionLink] = []

    /// Statements whose status is `status`.
    public func statements(_ status: StatementStatus) -> [LinkedStatement] {
        statements.filter { $0.status == status }
    }

    /// Claims not found in this revision at all, or only fuzzily.
    public var staleClaims: [ClaimLink] { claims.filter { $0.status == .stale } }

    /// Every status that occurs, over statements and claims.
    public var statusesPresent: Set<StatementStatus> {
        Set(statements.map(\.status)).union(claims.map(\.status))
    }

    public var coverage: Coverage { Coverage(statements: statements) }
}

extension LinkStatement {
    /// The plain values of a Normative statement.
    public init(_ statement: Statement) {
        self.init(id: statement.id, section: statement.position.section, sectionTitle: statement.position.sectionTitle,
                  paragraph: statement.position.paragraph, sentence: statement.position.sentence,
                  location: statement.position.location, levels: statement.levels.map(\.rawValue),
                  topics: statement.topics.map(\.rawValue), text: statement.text)
    }
}

extension Linker {
    /// Extracts the document's statements (Normative) and links them.
    public func link(_ document: Document) -> LinkedDocument {
        link(document, statements: StatementExtractor().statements(in: document).map(LinkStatement.init))
    }
}
