import Checks
import DraftDocument

/// A specification section the check catalog is meant to cover, and how well it does.
public struct CoverageTarget: Hashable, Sendable, Encodable {
    /// The document's identity ("rfc7296").
    public var document: String
    public var section: String
    public var coverage: Coverage
    /// The section's statements neither linked nor exempt: the work left, as a list.
    public var unlinked: [UnlinkedStatement]
    /// The three targets (issue 15 section 2), each met or missed.
    public var goals: [CoverageGoal]

    public init(document: String, section: String, coverage: Coverage, unlinked: [UnlinkedStatement] = []) {
        self.document = document
        self.section = section
        self.coverage = coverage
        self.unlinked = unlinked
        goals = CoverageGoal.goals(for: coverage)
    }

    /// Whether every goal is met.
    public var met: Bool { goals.allSatisfy(\.met) }
}

/// One coverage target of a section: a share of its statements that must reach a
/// threshold. A kind of statement the section does not have meets its target.
public struct CoverageGoal: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable, CaseIterable {
        /// BCP 14 statements linked to an executable check: at least 90%.
        case bcp14Linked = "bcp14-linked"
        /// Topical statements (no keyword) linked: at least 60%.
        case topicalLinked = "topical-linked"
        /// Every statement linked or exempt: 100%.
        case linkedOrExempt = "linked-or-exempt"

        public var threshold: Double {
            switch self {
            case .bcp14Linked: 0.9
            case .topicalLinked: 0.6
            case .linkedOrExempt: 1.0
            }
        }

        /// "BCP 14 linked", as the report's table prints it.
        public var label: String {
            switch self {
            case .bcp14Linked: "BCP 14 linked"
            case .topicalLinked: "topical linked"
            case .linkedOrExempt: "linked or exempt"
            }
        }
    }

    public var kind: Kind
    public var threshold: Double
    /// Statements that count towards the target, of `total`.
    public var count: Int
    public var total: Int
    public var met: Bool

    public init(kind: Kind, count: Int, total: Int) {
        self.kind = kind
        threshold = kind.threshold
        self.count = count
        self.total = total
        // Integer arithmetic: 0.9 * 10 must be met by 9 of 10, whatever floating point says.
        let percent = Int((kind.threshold * 100).rounded())
        met = total == 0 || count * 100 >= percent * total
    }

    public var ratio: Double { total == 0 ? 1 : Double(count) / Double(total) }

    public static func goals(for coverage: Coverage) -> [CoverageGoal] {
        [CoverageGoal(kind: .bcp14Linked, count: coverage.bcp14.linked, total: coverage.bcp14.total),
         CoverageGoal(kind: .topicalLinked, count: coverage.topical.linked, total: coverage.topical.total),
         CoverageGoal(kind: .linkedOrExempt, count: coverage.total.linked + coverage.total.exempt, total: coverage.total.total)]
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
    public static func coverage(of run: CatalogRun, rfc7296: Document, rfc2367: Document, exemptions: [Exemption] = []) -> [CoverageTarget] {
        coverage(of: run, documents: [(rfc7296, rfc7296Sections), (rfc2367, rfc2367Sections)], exemptions: exemptions)
    }

    /// The coverage of the given sections of each document, in the order given.
    public static func coverage(of run: CatalogRun, documents: [(Document, [String])], exemptions: [Exemption] = []) -> [CoverageTarget] {
        let linker = Linker(run: run, exemptions: exemptions)
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
