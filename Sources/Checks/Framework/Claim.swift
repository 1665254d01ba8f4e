/// What a check says about one statement of a specification: the document series, the
/// section, the statement quoted verbatim, and whether the check's passing supports or
/// contradicts it. Linking re-finds the quote in each document of the series (awslabs/duvet
/// does the same with comments; here the claim is a value the compiler sees).
public struct Claim: Hashable, Sendable, Codable {
    public enum Relation: String, Hashable, Sendable, Codable, CaseIterable {
        /// The check passing shows the statement holds.
        case supports
        /// The check passing shows the statement is wrong: an errata candidate.
        case contradicts
    }

    /// The document series as a person writes it: "RFC 7296", "rfc2367",
    /// "draft-ietf-ipsecme-ikev2bis" (no revision: the claim applies to every revision
    /// that still carries the quote). Linking normalises it.
    public var document: String
    /// The section number as rendered ("2.9", "3.13.1").
    public var section: String
    /// The statement's words exactly as the document carries them (white space aside).
    public var quote: String
    public var relation: Relation
    /// Why the check bears on the statement, for reports (one sentence).
    public var rationale: String?
    /// The words of the quote the verdict rests on ("it only applies to IKEv1"), which
    /// reports mark in the statement; nil when it is the whole quote.
    public var clause: String?
    /// True when the verdict depends on this document's context: the claim is not
    /// inherited by other documents that restate the statement.
    public var seriesOnly: Bool

    public init(_ relation: Relation, _ document: String, section: String, _ quote: String, rationale: String? = nil, clause: String? = nil, seriesOnly: Bool = false) {
        self.document = document
        self.section = section
        self.quote = quote
        self.relation = relation
        self.rationale = rationale
        self.clause = clause
        self.seriesOnly = seriesOnly
    }

    public static func supports(_ document: String, section: String, _ quote: String, rationale: String? = nil) -> Claim {
        Claim(.supports, document, section: section, quote, rationale: rationale)
    }

    public static func contradicts(_ document: String, section: String, _ quote: String, rationale: String? = nil, clause: String? = nil) -> Claim {
        Claim(.contradicts, document, section: section, quote, rationale: rationale, clause: clause)
    }
}
