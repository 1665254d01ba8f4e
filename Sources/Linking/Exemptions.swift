import Checks
import DraftDocument

/// Why a statement is deliberately left without a check (issue 15 section 2; the fixed
/// list of /work/helper-briefs/exemption-format.md). No other reasons: a reviewer must be
/// able to tell at a glance which kind of gap it is.
public enum ExemptionReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// Describes another component (IPsec processing, IKE itself, an application, a
    /// manager), not what PF_KEY or the TS payload/SPD does.
    case otherComponent = "other-component"
    /// Advice to operators or administrators; nothing a protocol exchange shows.
    case operationalAdvice = "operational-advice"
    /// Defines a term or introduces the text; makes no testable claim.
    case definitionOnly = "definition-only"
    /// Cannot be observed through PF_KEY messages, the TS payload or the SPD's decisions.
    case notObservable = "not-observable"
    /// Document structure, history, references to other documents, examples as examples.
    case editorial
}

/// One statement deliberately not checked: found by its quote the way a claim is found,
/// with a reason and one sentence saying why no check can judge it. Exemptions are data
/// (checks/exemptions/SERIES.yaml), shown in every report, never silent.
public struct Exemption: Hashable, Sendable, Codable {
    /// The document series, as claims name it ("rfc2367").
    public var document: String
    public var section: String
    public var quote: String
    public var reason: ExemptionReason
    public var note: String
    /// Where the exemption is written (`checks/exemptions/rfc2367.yaml:12:5`), for reports.
    public var origin: String?

    public init(document: String, section: String, quote: String, reason: ExemptionReason, note: String, origin: String? = nil) {
        self.document = document
        self.section = section
        self.quote = quote
        self.reason = reason
        self.note = note
        self.origin = origin
    }
}

/// One exemption resolved against one document, as `ClaimLink` is for a claim.
public struct ExemptionLink: Hashable, Sendable, Codable {
    public var exemption: Exemption
    /// Nil when the quote is not in the document, or only fuzzily (an exemption must name
    /// its statement exactly: a fuzzy one would silently exempt a reworded statement).
    public var match: QuoteMatch?
    public var foundInSection: String?
    /// The statements the quote overlaps. Well written, they are one sentence's: one
    /// statement, or several when the sentence carries several BCP 14 levels.
    public var statementIDs: [String]
    /// How many sentences those statements are: exactly one when the exemption is well written.
    public var sentences: Int
}

extension Linker {
    /// Resolves each exemption naming `identity`'s series with the claims' own search
    /// (`resolve`: the named section first, then the whole document).
    func resolveExemptions(identity: DocumentIdentity, index: SectionTextIndex, spans: StatementSpans) -> [ExemptionLink] {
        exemptions.compactMap { exemption in
            guard let named = DocumentIdentity(parsing: exemption.document), named.isSameSeries(as: identity) else { return nil }
            let claim = Claim(.supports, exemption.document, section: exemption.section, exemption.quote)
            let link = resolve(claim, checkID: "", outcome: .passed, in: index, spans: spans)
            guard let match = link.match, match.kind != .fuzzy else {
                return ExemptionLink(exemption: exemption, match: nil, foundInSection: nil, statementIDs: [], sentences: 0)
            }
            let touched = spans.statements.filter { link.statementIDs.contains($0.id) }
            let sentences = Set(touched.map { "\($0.section)/\($0.paragraph)/\($0.sentence)" }).count
            return ExemptionLink(exemption: exemption, match: match, foundInSection: link.foundInSection, statementIDs: link.statementIDs, sentences: sentences)
        }
    }

    /// The exemption of each statement an exemption names without doubt (found exactly or
    /// normalised, overlapping that one sentence alone); the first written wins.
    static func exemptionsByStatement(_ links: [ExemptionLink]) -> [String: Exemption] {
        var out: [String: Exemption] = [:]
        for link in links where link.match != nil && link.sentences == 1 {
            for id in link.statementIDs where out[id] == nil { out[id] = link.exemption }
        }
        return out
    }
}
