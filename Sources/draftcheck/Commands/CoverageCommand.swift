import CommandLineParsing
import Checks
import DraftDocument
import Foundation
import Linking
import Reports

/// `draftcheck coverage`: how much of the specifications the catalog covers.
struct CoverageCommand: Command {
    static let info = CommandInfo(
        name: "coverage",
        abstract: "Print the catalog's coverage of RFC 7296 2.9 and 3.13, RFC 2367 2 and 3 and RFC 4301 4.4.1 and 4.4.2, or of any sections of any documents.",
        discussion: """
        For each document section the catalog targets, the normative and topical statements \
        and how many the checks link to, by status, then by topic and by BCP 14 level. The \
        documents are read from the corpus directory (default ../shared/corpus, or \
        DRAFTCHECK_CORPUS); --rfc7296, --rfc2367 and --rfc4301 name the files directly. With \
        FILE... --section N..., those sections of those documents are counted instead. \
        Exempt statements (checks/exemptions/, DIR/exemptions/) are counted apart; the three \
        targets of issue 15 (>=90% of BCP 14 statements linked, >=60% of topical ones, 100% \
        linked or exempt) are printed per section, each met or missed. --unlinked lists the \
        statements neither linked nor exempt, with their ids.

        Exit codes: 0 done; 66 a document is missing; 65 a document, scenario or exemption file is malformed; 70 a check errored.
        """
    )

    var files: [String]
    var sections: [String]
    var unlinked: Bool
    var rfc4301: String?
    var rfc7296: String?
    var rfc2367: String?
    var checkDirectories: [String]
    var format: CoverageReportFormat
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        files = arguments.arguments("files", help: "Documents to count instead of the default targets, with --section.")
        sections = try arguments.repeatedOption("section", valueName: "N", help: "With documents: a section to count, with its subsections (repeatable).")
        unlinked = arguments.flag("unlinked", help: "List each section's unlinked statements with their ids.")
        rfc4301 = try arguments.option("rfc4301", help: "RFC 4301 as text (default: CORPUS/rfc4301.txt).")
        rfc7296 = try arguments.option("rfc7296", help: "RFC 7296 as text (default: CORPUS/rfc7296.txt).")
        rfc2367 = try arguments.option("rfc2367", help: "RFC 2367 as text (default: CORPUS/rfc2367.txt).")
        checkDirectories = try arguments.repeatedOption("checks", valueName: "DIR", help: "Also count the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.")
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
        sources = try SourceOptions(&arguments)
    }

    static var corpus: String {
        ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"] ?? "../shared/corpus"
    }

    func validate() throws {
        if !files.isEmpty && sections.isEmpty { throw UsageError("name the sections to count with --section (e.g. --section 2.9).") }
        if files.isEmpty && !sections.isEmpty { throw UsageError("--section needs documents; without them the default targets are counted.") }
    }

    func run() throws {
        try reportingErrors {
            let targets: [(Document, [String])]
            if files.isEmpty {
                targets = [
                    (try DocumentReader.read(path: try sources.path(rfc7296 ?? Self.corpus + "/rfc7296.txt"), fetchReference: sources.referenceFetcher), CatalogTargets.rfc7296Sections),
                    (try DocumentReader.read(path: try sources.path(rfc2367 ?? Self.corpus + "/rfc2367.txt"), fetchReference: sources.referenceFetcher), CatalogTargets.rfc2367Sections),
                    (try DocumentReader.read(path: try sources.path(rfc4301 ?? Self.corpus + "/rfc4301.txt"), fetchReference: sources.referenceFetcher), CatalogTargets.rfc4301Sections),
                ]
            } else {
                targets = try files.map { (try DocumentReader.read(path: try sources.path($0), fetchReference: sources.referenceFetcher), sections) }
            }
            let catalog = try CatalogLoading.load(directories: checkDirectories, auditing: targets.map(\.0))
            let run = CatalogRun.run(catalog.checks)
            let coverage = CatalogTargets.coverage(of: run, documents: targets, exemptions: catalog.exemptions)
            try StandardOutput.write(try CoverageReport.render(coverage, as: format, unlinked: unlinked))
            if run.counts[.errored, default: 0] > 0 { throw ExitCode(ExitStatus.software) }
        }
    }
}

extension CoverageReportFormat: ArgumentValue {}
