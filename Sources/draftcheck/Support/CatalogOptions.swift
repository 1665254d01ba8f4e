import Checks
import DraftDocument
import Scenarios

/// Loads the catalog: the Swift checks, the bundled checks/ scenario files and those of each
/// directory given, and their exemption files; then checks that each scenario's and each
/// exemption's quotes are in the documents read.
enum CatalogLoading {
    static func load(directories: [String], auditing documents: [Document]) throws -> ScenarioCatalog {
        let catalog = try ScenarioCatalog.load(directories: directories)
        try ClaimAudit.verify(catalog.scenarios, against: documents)
        try ExemptionAudit.verify(catalog.exemptionFiles, against: documents)
        return catalog
    }
}
