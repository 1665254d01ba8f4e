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
        abstract: "Print the catalog's coverage of RFC 7296 sections 2.9 and 3.13 and RFC 2367 sections 2 and 3.",
        discussion: """
        For each document section the catalog targets, the normative and topical statements \
        and how many the checks link to, by status, then by topic and by BCP 14 level. The \
        documents are read from the corpus directory (default ../shared/corpus, or \
        DRAFTCHECK_CORPUS); --rfc7296 and --rfc2367 name the files directly.

        Exit codes: 0 done; 66 a document is missing; 65 a document is malformed; 70 a check errored.
        """
    )

    @Option(help: "RFC 7296 as text (default: CORPUS/rfc7296.txt).")
    var rfc7296: String?

    @Option(help: "RFC 2367 as text (default: CORPUS/rfc2367.txt).")
    var rfc2367: String?

    @Option(help: "Output format: text or json.")
    var format: CoverageReportFormat = .text

    static var corpus: String {
        ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"] ?? "../shared/corpus"
    }

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingErrors {
            let run = CatalogRun.run(Catalog.all)
            let targets = CatalogTargets.coverage(of: run,
                                                  rfc7296: try DocumentReader.read(path: try sources.path(rfc7296 ?? Self.corpus + "/rfc7296.txt")),
                                                  rfc2367: try DocumentReader.read(path: try sources.path(rfc2367 ?? Self.corpus + "/rfc2367.txt")))
            print(try CoverageReport.render(targets, as: format), terminator: "")
            if run.counts[.errored, default: 0] > 0 { throw ExitCode(ExitStatus.software) }
        }
    }
}

extension CoverageReportFormat: ExpressibleByArgument {}
