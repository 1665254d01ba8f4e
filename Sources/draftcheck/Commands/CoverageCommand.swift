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
    var format: CoverageFormat = .text

    enum CoverageFormat: String, ExpressibleByArgument { case text, json }

    struct Target: Encodable {
        var document: String
        var section: String
        var coverage: Coverage
    }

    static var corpus: String {
        ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"] ?? "../shared/corpus"
    }

    func run() throws {
        try reportingErrors {
            let run = CatalogRun.run(Catalog.all)
            let linker = Linker(run: run)
            let documents = [
                (rfc7296 ?? Self.corpus + "/rfc7296.txt", ["2.9", "3.13"]),
                (rfc2367 ?? Self.corpus + "/rfc2367.txt", ["2", "3"]),
            ]
            var targets: [Target] = []
            for (path, sections) in documents {
                let linked = linker.link(try DocumentReader.read(path: path))
                for section in sections {
                    targets.append(Target(document: linked.identity.description, section: section, coverage: Coverage.of(linked.statements, inSection: section)))
                }
            }
            switch format {
            case .json:
                print(try encodeJSON(targets))
            case .text:
                let rows = targets.map { t -> CoverageRow in
                    var row = t.coverage.total
                    row.key = "\(t.document) \(t.section)"
                    return row
                }
                print(CoverageTable.render(title: "Coverage by section (statements linked to at least one check)", rows: rows))
                for t in targets {
                    print(CoverageTable.render(title: "\(t.document) section \(t.section), by topic and level", rows: t.coverage.byTopic + t.coverage.byLevel))
                }
            }
            if run.counts[.errored, default: 0] > 0 { throw ExitCode(ExitStatus.software) }
        }
    }
}
