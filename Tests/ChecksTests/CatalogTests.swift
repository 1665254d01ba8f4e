import Checks
import DraftDocument
import Foundation
import Linking
import Testing
import TestSupport

/// Every check of the catalog passes, and every claim is found (exactly or after white-space
/// normalisation, never only fuzzily) in every available document of the series it names.
@Suite struct CatalogTests {
    static let catalog = Catalog.all
    static let run = CatalogRun.run(catalog)

    @Test func catalogHasAtLeastThirtyChecksWithUniqueIDsAndClaims() {
        #expect(Self.catalog.count >= 30)
        #expect(Set(Self.catalog.map(\.id)).count == Self.catalog.count)
        for check in Self.catalog {
            #expect(!check.claims.isEmpty, "\(check.id) has no claim")
            for claim in check.claims { #expect(DocumentIdentity(parsing: claim.document) != nil, "\(check.id): \(claim.document)") }
        }
    }

    @Test(arguments: catalog.map(\.id))
    func checkPasses(id: String) {
        let result = Self.run.result(for: id)
        #expect(result?.outcome == .passed, "\(id): \(result?.error ?? "") \(result?.evidence.unmet.map { "\($0.label): expected \($0.expected), got \($0.actual)" } ?? [])")
    }

    /// The documents claims name, where they are: the bundled draft and the corpus.
    static let documents: [(name: String, path: String?)] = [
        ("drafts/draft-ietf-ipsecme-ikev2bis-08.xml", TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path),
        ("draft-ietf-ipsecme-ikev2bis-04.txt", Corpus.path("draft-ietf-ipsecme-ikev2bis-04.txt")),
        ("rfc5996.txt", Corpus.path("rfc5996.txt")),
        ("rfc7296.txt", Corpus.path("rfc7296.txt")),
        ("rfc2367.txt", Corpus.path("rfc2367.txt")),
        ("rfc4301.txt", Corpus.path("rfc4301.txt")),
    ]

    @Test(arguments: documents.map(\.name))
    func everyClaimIsFoundInItsDocument(name: String) throws {
        guard let path = Self.documents.first(where: { $0.name == name })?.path else {
            let message = Absence.corpus(name, neededFor: "the claim-is-found test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let document = try DocumentReader.read(path: path)
        let linked = Linker(run: Self.run).link(document)
        #expect(!linked.claims.isEmpty, "no claim names \(linked.identity)")
        for link in linked.claims {
            #expect(link.match != nil && link.match?.kind != .fuzzy,
                    "\(name): \(link.checkID) section \(link.claim.section): \(link.match?.label ?? "not found"): \(link.claim.quote)")
            #expect(link.foundInSection == link.claim.section, "\(name): \(link.checkID): found in \(link.foundInSection ?? "-"), claimed \(link.claim.section)")
            #expect(!link.statementIDs.isEmpty, "\(name): \(link.checkID): quote found but no statement overlaps it: \(link.claim.quote)")
        }
    }
}
