import ArgumentParser
import Checks
import DraftDocument
import Scenarios

/// Loads the catalog: the Swift checks, the bundled checks/ scenario files and those of each
/// directory given; then checks that each scenario's quotes are in the documents read.
enum CatalogLoading {
    static func load(directories: [String], auditing documents: [Document]) throws -> [Check] {
        let catalog = try ScenarioCatalog.load(directories: directories)
        try ClaimAudit.verify(catalog.scenarios, against: documents)
        return catalog.checks
    }
}
