import Checks
import DraftDocument

/// A specification section the check catalog is meant to cover, and how well it does.
public struct CoverageTarget: Hashable, Sendable, Encodable {
    /// The document's identity ("rfc7296").
    public var document: String
    public var section: String
    public var coverage: Coverage

    public init(document: String, section: String, coverage: Coverage) {
        self.document = document
        self.section = section
        self.coverage = coverage
    }
}

/// The sections the catalog targets: RFC 7296 2.9 and 3.13 (Traffic Selectors) and RFC
/// 2367 2 and 3 (the PF_KEY messages and their extensions).
public enum CatalogTargets {
    public static let rfc7296Sections = ["2.9", "3.13"]
    public static let rfc2367Sections = ["2", "3"]

    /// The coverage of each targeted section, RFC 7296's first, each document linked
    /// against `run`. A section takes its subsections ("2" takes 2.1 ... 2.4).
    public static func coverage(of run: CatalogRun, rfc7296: Document, rfc2367: Document) -> [CoverageTarget] {
        let linker = Linker(run: run)
        return [(rfc7296, rfc7296Sections), (rfc2367, rfc2367Sections)].flatMap { document, sections in
            let linked = linker.link(document)
            return sections.map { section in
                CoverageTarget(document: linked.identity.description, section: section,
                               coverage: Coverage.of(linked.statements, inSection: section))
            }
        }
    }
}
