import Checks
import Foundation
import Scenarios
import Testing

/// `draftcheck checks`: every check listed once, its source and the evidence its run gathered.
@Suite struct CatalogListingTests {
    static let catalog = try? ScenarioCatalog.load()

    @Test func listsEveryCheckWithItsSourceAndEvidence() throws {
        let catalog = try #require(Self.catalog)
        let listing = CatalogListing(catalog)
        #expect(listing.checks.map(\.id) == catalog.checks.map(\.id))
        #expect(listing.checks.filter { $0.source == "swift" }.count == Catalog.all.count)
        let scenario = try #require(listing.checks.first { $0.id == "pfkey.ext.supported-algorithms" })
        #expect(scenario.source == "checks/pfkey.ext.supported-algorithms.yaml")
        #expect(scenario.evidence.map(\.rawValue) == ["reference model", "real kernel capture"])
        #expect(scenario.kernelCaptures == ["register-esp", "esp-hmac-sha1-aes-cbc"])
        let referenceOnly = try #require(listing.checks.first { $0.id == "spd.final-discard" })
        #expect(referenceOnly.evidence.map(\.rawValue) == ["reference model"])
        #expect(referenceOnly.claims.map { "\($0.document) \($0.section) \($0.relation)" } == ["RFC 4301 4.4.1 supports"])
        #expect(listing.text.hasPrefix("\(catalog.checks.count) checks (\(Catalog.all.count) Swift, \(catalog.scenarios.count) scenario files)\n"))
    }

    @Test func theJSONFormNamesItsSchema() throws {
        let listing = CatalogListing(try #require(Self.catalog))
        let object = try JSONSerialization.jsonObject(with: Data(try listing.json().utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "draftcheck-catalog")
        #expect(object?["schemaVersion"] as? Int == 1)
        #expect((object?["checks"] as? [Any])?.count == listing.checks.count)
    }
}
