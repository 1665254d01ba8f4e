import Checks
import DraftDocument
import Linking

/// A scenario's claims must quote their documents: a claim naming the series of one of
/// the documents read, which Linking finds in none of them (not exactly, not normalised,
/// not even fuzzily in its section), is refused with `quoteNotFound` at the quote's line.
/// A quote found only fuzzily is left to the report (a stale claim: the text changed).
/// The bundled catalog is not audited here: its claims are tested against every corpus
/// document they name, and a later revision that dropped a sentence is a stale claim in
/// the report, not a broken input.
public enum ClaimAudit {
    public static func verify(_ scenarios: [Scenario], against documents: [Document]) throws(ScenarioError) {
        let audited = scenarios.filter { !$0.bundled }
        guard !audited.isEmpty, !documents.isEmpty else { return }
        for s in audited {
            for (claim, location) in zip(s.claims, s.claimLocations) where DocumentIdentity(parsing: claim.document) == nil {
                throw ScenarioError(.invalidValue, "\"\(claim.document)\" names no document (RFC N or draft-name)", at: location, field: "claims.document")
            }
        }
        let run = CatalogRun(checks: audited.map(ScenarioCatalog.check), results: [:])
        let linker = Linker(run: run)
        // (check id, claim index) -> found in some document of its series?
        var found: [String: [Bool]] = [:]
        var named: [String: [String]] = [:]
        for document in documents {
            let linked = linker.link(document)
            var seen: [String: Int] = [:]
            for link in linked.claims {
                let s = audited.first { $0.id == link.checkID }!
                // The n-th link of a check in this document is its n-th claim naming this series.
                let indices = s.claims.indices.filter { i in
                    DocumentIdentity(parsing: s.claims[i].document)?.isSameSeries(as: linked.identity) == true
                }
                let n = seen[link.checkID, default: 0]
                seen[link.checkID] = n + 1
                guard n < indices.count else { continue }
                let i = indices[n]
                found[s.id, default: Array(repeating: false, count: s.claims.count)][i] = found[s.id]?[i] == true || link.match != nil
                named[s.id + "#\(i)", default: []].append(linked.identity.description)
            }
        }
        for s in audited {
            for (i, (claim, location)) in zip(s.claims, s.claimLocations).enumerated() {
                guard let read = named[s.id + "#\(i)"], found[s.id]?[i] != true else { continue }
                throw ScenarioError(.quoteNotFound, "the quote is in no document of \(DocumentIdentity(parsing: claim.document)!) read (\(read.joined(separator: ", "))): \"\(claim.quote)\"",
                                    at: location, field: "claims.quote")
            }
        }
    }
}
