import Checks
import DraftDocument

/// A specification section the check catalog is meant to cover, and how well it does.
public struct CoverageTarget: Hashable, Sendable, Encodable {
    /// The document's identity ("rfc7296").
    public var document: String
    public var section: String
    public var coverage: Coverage
    /// The section's statements no claim links to: the work left, as a list.
    public var unlinked: [UnlinkedStatement]

    public init(document: String, section: String, coverage: Coverage, unlinked: [UnlinkedStatement] = []) {
        self.document = document
        self.section = section
        self.coverage = coverage
        self.unlinked = unlinked
    }
}

/// An unlinked statement as coverage lists it.
public struct UnlinkedStatement: Hashable, Sendable, Encodable {
    public var id: String
    public var section: String
    public var line: Int
    public var levels: [String]
    public var text: String
}

/// The sections the catalog targets: RFC 7296 2.9 and 3.13 (Traffic Selectors), RFC 2367
/// 2 and 3 (the PF_KEY messages and their extensions) and RFC 4301 4.4.1 and 4.4.2 (the
/// SPD and the SAD), or any sections of any documents a reviewer names.
public enum CatalogTargets {
    public static let rfc7296Sections = ["2.9", "3.13"]
    public static let rfc2367Sections = ["2", "3"]
    public static let rfc4301Sections = ["4.4.1", "4.4.2"]

    /// The coverage of each targeted section, RFC 7296's first, each document linked
    /// against `run`. A section takes its subsections ("2" takes 2.1 ... 2.4).
    public static func coverage(of run: CatalogRun, rfc7296: Document, rfc2367: Document) -> [CoverageTarget] {
        coverage(of: run, documents: [(rfc7296, rfc7296Sections), (rfc2367, rfc2367Sections)])
    }

    /// The coverage of the given sections of each document, in the order given.
    public static func coverage(of run: CatalogRun, documents: [(Document, [String])]) -> [CoverageTarget] {
        let linker = Linker(run: run)
        return documents.flatMap { document, sections in
            let linked = linker.link(document)
            return sections.map { section in
                let inSection = linked.statements.filter { Coverage.contains(section: section, $0.statement.section) }
                return CoverageTarget(document: linked.identity.description, section: section,
                                      coverage: Coverage.of(linked.statements, inSection: section),
                                      unlinked: inSection.filter { $0.status == .unlinked }.map {
                                          UnlinkedStatement(id: $0.statement.id, section: $0.statement.section, line: $0.statement.location.line,
                                                            levels: $0.statement.levels, text: $0.statement.text)
                                      })
            }
        }
    }
}
