import ArgumentParser
import Checks
import DraftDocument
import Foundation
import Linking
import Reports

/// `draftcheck coverage`: how much of the specifications the catalog covers.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
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

    @Argument(help: "Documents to count instead of the default targets, with --section.")
    var files: [String] = []

    @Option(name: .customLong("section"), help: ArgumentHelp("With documents: a section to count, with its subsections (repeatable).", valueName: "N"))
    var sections: [String] = []

    @Flag(help: "List each section's unlinked statements with their ids.")
    var unlinked = false

    @Option(help: "RFC 4301 as text (default: CORPUS/rfc4301.txt).")
    var rfc4301: String?

    @Option(help: "RFC 7296 as text (default: CORPUS/rfc7296.txt).")
    var rfc7296: String?

    @Option(help: "RFC 2367 as text (default: CORPUS/rfc2367.txt).")
    var rfc2367: String?

    @Option(name: .customLong("checks"), help: ArgumentHelp("Also count the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.", valueName: "DIR"))
    var checkDirectories: [String] = []

    @Option(help: "Output format: text or json.")
    var format: CoverageReportFormat = .text

    static var corpus: String {
        ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"] ?? "../shared/corpus"
    }

    @OptionGroup var sources: SourceOptions

    func validate() throws {
        if !files.isEmpty && sections.isEmpty { throw ValidationError("name the sections to count with --section (e.g. --section 2.9).") }
        if files.isEmpty && !sections.isEmpty { throw ValidationError("--section needs documents; without them the default targets are counted.") }
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

extension CoverageReportFormat: ExpressibleByArgument {}
