import Checks
import DraftDocument
import Foundation
import Normative

/// A statement as Linking needs it: Normative's `Statement` reduced to plain values, so
/// statuses and reports do not depend on how statements were extracted.
public struct LinkStatement: Hashable, Sendable, Codable {
    // `section` comes before `id` so that the memberwise initialiser the public one calls
    // has labels of its own: built by an initialiser that sets its fields one by one, a
    // statement was copied whole where it was stored (as `Statement` was, Normative).
    public var section: String
    public var id: String
    public var sectionTitle: String
    public var paragraph: Int
    public var sentence: Int
    public var location: SourceLocation
    /// BCP 14 keywords ("MUST", "SHOULD NOT"); empty for a topical sentence.
    public var levels: [String]
    /// "pfkey", "ts", "spd".
    public var topics: [String]
    public var text: String
    /// What a statement with no subject of its own is said of (`Statement.leadIn`).
    public var leadIn: String?
}

extension LinkStatement {
    public init(id: String, section: String, sectionTitle: String, paragraph: Int, sentence: Int, location: SourceLocation, levels: [String], topics: [String], text: String, leadIn: String? = nil) {
        self.init(section: section, id: id, sectionTitle: sectionTitle, paragraph: paragraph, sentence: sentence, location: location,
                  levels: levels, topics: topics, text: text, leadIn: leadIn)
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
    /// A claim's quote is not found in this revision, or its statement is found reworded
    /// without the claim's decisive clause.
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
    /// Set when the quote was found only approximately: how far the text moved and
    /// whether the claim's decisive clause is still there.
    public var drift: Drift? = nil
    /// Set when the claim names another series and this document restates its statement
    /// word for word: the document and section the claim was written against.
    public var inheritedFrom: InheritedFrom? = nil

    /// What this link alone says about the statements it touches: the check's verdict when
    /// the quote is found, or found reworded with its clause; stale otherwise.
    public var status: StatementStatus {
        guard let match else { return .stale }
        if match.kind == .fuzzy, drift?.clauseFound == nil { return .stale }
        switch outcome {
        case .errored: return .errored
        case .failed: return .failed
        case .passed: return claim.relation == .supports ? .supported : .contradicted
        }
    }

    /// The verdict stands on a reworded statement: found approximately, clause present.
    public var isDrifted: Bool { match?.kind == .fuzzy && drift?.clauseFound != nil }
}

/// Where an inherited link's claim was written: "rfc7296" section "2.9".
public struct InheritedFrom: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The claim's series, normalised ("rfc7296", "draft-ietf-ipsecme-ikev2bis").
    public var document: String
    public var section: String

    public init(document: String, section: String) {
        self.document = document
        self.section = section
    }

    /// "RFC 7296 section 2.9".
    public var description: String {
        let name = document.hasPrefix("rfc") ? "RFC " + document.dropFirst(3) : document
        return "\(name) section \(section)"
    }
}

/// A claim's quote against the text a document carries now, when they differ: the
/// similarity, the decisive clause and whether it is still there, and the word diff.
public struct Drift: Hashable, Sendable, Codable {
    /// How close the text is to the quote (0...1): the fuzzy match's score, or the Dice
    /// coefficient of the words when the statement was found by its words.
    public var similarity: Double
    /// The claim's decisive clause; its whole quote when it names none.
    public var clause: String
    /// The clause as the document words it now; nil when it is gone (the claim is stale).
    public var clauseFound: String?
    /// The quote against the text found, word by word: `same [-quote's-] {+document's+}`.
    public var wordDiff: String

    public init(similarity: Double, clause: String, clauseFound: String?, wordDiff: String) {
        self.similarity = similarity
        self.clause = clause
        self.clauseFound = clauseFound
        self.wordDiff = wordDiff
    }

    /// "0.91": the similarity as every report prints it.
    public var similarityText: String { String(format: "%.2f", similarity) }

    /// "drifted (0.91)".
    public var label: String { "drifted (\(similarityText))" }
}

public struct LinkedStatement: Hashable, Sendable, Codable {
    // `status` comes before `statement` for the reason `LinkStatement` gives.
    public var status: StatementStatus
    public var statement: LinkStatement
    /// The checks behind the status, in catalog order.
    public var checkIDs: [String]
    /// Set when every link behind the status found the statement only reworded: the
    /// drift of the first of them (its clause present for a verdict, gone when stale).
    public var drift: Drift?
    /// Where the claims behind the status were written when every one of them is
    /// inherited from another document; empty when any is this series' own.
    public var inheritedFrom: [InheritedFrom]
    /// Why the statement is not checked, when its status is `exempt`.
    public var exemption: Exemption?

    /// The status rests only on claims written against other documents.
    public var isInherited: Bool { !inheritedFrom.isEmpty }

    /// The status stands on a reworded statement (the clause is there).
    public var isDrifted: Bool { drift?.clauseFound != nil && status != .stale && status != .unlinked }
}

extension LinkedStatement {
    public init(statement: LinkStatement, status: StatementStatus, checkIDs: [String], drift: Drift? = nil, inheritedFrom: [InheritedFrom] = [],
                exemption: Exemption? = nil) {
        self.init(status: status, statement: statement, checkIDs: checkIDs, drift: drift, inheritedFrom: inheritedFrom, exemption: exemption)
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
    /// Set once: the coverage below is counted from them.
    public private(set) var statements: [LinkedStatement]
    /// Every claim naming this document's series, found or not.
    public var claims: [ClaimLink]
    /// Every exemption naming this document's series, found or not.
    public var exemptions: [ExemptionLink] = []
    /// The statements' coverage, counted once (reports ask for it several times: each
    /// count was a pass over every statement, 871,200 in a 50 MB draft).
    public private(set) var coverage: Coverage

    public init(identity: DocumentIdentity, metadata: Metadata, sections: [SectionOutline], statements: [LinkedStatement],
                claims: [ClaimLink], exemptions: [ExemptionLink] = []) {
        self.identity = identity
        self.metadata = metadata
        self.sections = sections
        self.statements = statements
        self.claims = claims
        self.exemptions = exemptions
        coverage = Coverage(statements: statements)
    }

    /// Statements whose status is `status`.
    public func statements(_ status: StatementStatus) -> [LinkedStatement] {
        statements.filter { $0.status == status }
    }

    /// This series' claims not found in this revision, or found without their clause.
    /// (An inherited claim is only ever listed where it is found.)
    public var staleClaims: [ClaimLink] { claims.filter { $0.status == .stale } }

    /// Every status that occurs, over statements and claims.
    public var statusesPresent: Set<StatementStatus> {
        Set(statements.map(\.status)).union(claims.map(\.status))
    }

}

extension LinkStatement {
    /// The plain values of a Normative statement.
    public init(_ statement: Statement) {
        self.init(id: statement.id, section: statement.position.section, sectionTitle: statement.position.sectionTitle,
                  paragraph: statement.position.paragraph, sentence: statement.position.sentence,
                  location: statement.position.location, levels: statement.levels.map(\.rawValue),
                  topics: statement.topics.map(\.rawValue), text: statement.text, leadIn: statement.leadIn)
    }
}

extension Linker {
    /// Extracts the document's statements (Normative) and links them.
    public func link(_ document: Document) -> LinkedDocument {
        link(document, statements: StatementExtractor().statements(in: document).map(LinkStatement.init))
    }
}
