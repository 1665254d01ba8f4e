import Checks
import DraftDocument
import Linking

/// A scenario's claims must quote their documents: a claim naming the series of one of
/// the documents read, whose quote (exactly, or white-space normalised) none of them
/// carries, is refused with `quoteNotFound` at the quote's line. Claims of series not read
/// are not judged here (linking lists them as stale claims elsewhere).
public enum ClaimAudit {
    public static func verify(_ scenarios: [Scenario], against documents: [Document]) throws(ScenarioError) {
        let texts: [(identity: DocumentIdentity, text: String)] = documents.map { d in
            let text = d.allSections.flatMap(\.paragraphs).map { QuoteFinder.normalize($0.content.plainText) }.joined(separator: " ")
            return (DocumentIdentity(d.metadata), text)
        }
        for s in scenarios {
            for (claim, location) in zip(s.claims, s.claimLocations) {
                guard let named = DocumentIdentity(parsing: claim.document) else {
                    throw ScenarioError(.invalidValue, "\"\(claim.document)\" names no document (RFC N or draft-name)", at: location, field: "claims.document")
                }
                let sameSeries = texts.filter { $0.identity.isSameSeries(as: named) }
                guard !sameSeries.isEmpty else { continue }
                let quote = QuoteFinder.normalize(claim.quote)
                if !sameSeries.contains(where: { $0.text.contains(quote) }) {
                    throw ScenarioError(.quoteNotFound, "the quote is in no document of \(named) read (\(sameSeries.map(\.identity.description).joined(separator: ", "))): \"\(claim.quote)\"",
                                        at: location, field: "claims.quote")
                }
            }
        }
    }
}
