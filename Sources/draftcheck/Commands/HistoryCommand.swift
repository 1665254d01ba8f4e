import CommandLineParsing
import DraftDocument
import Errata
import History
import Reports

/// `draftcheck history FILE...`: each statement's status across the revisions of a series.
struct HistoryCommand: Command {
    static let info = CommandInfo(
        name: "history",
        abstract: "Follow each statement through the revisions of a document series: its status in every revision, where a contradiction entered and where it was mended.",
        discussion: """
        FILES are the revisions of one series (xml2rfc v2/v3 XML or plain text; an RFC \
        that replaced a draft series counts as its next revision). They are put in order by \
        the draft's -NN within one draft series, by RFC number, and otherwise by the date on \
        the document (a draft before an RFC of the same month); --in-order takes them as given, \
        oldest first. Each revision is judged by one run of the check catalog, as `check` \
        does. Statements are joined by their stable id (section and text hash), then as \
        `compare` matches them (exact, normalised, similar words), each revision against the \
        last appearance of every statement so far; a statement split in two or two merged into \
        one is said so. For every statement of the latest revision and every one removed on \
        the way: where it first appears, its status in each revision (supported, \
        contradicted, drifted, stale, unlinked, absent, failed, errored), where a \
        contradiction entered and where it was mended, and whether the decisive clause of a \
        claim on it is there. --errata FILE shows in the same history the revision that adopted \
        each NEW text of the errata file.

        Formats: text (default: a compact table of the statements linked in some revision; \
        --all for every one), json (schema "draftcheck-history" version 1, see README), \
        markdown, html (a timeline, one self-contained page).

        Exit codes: 0 done; 1 a statement of the latest revision has a status named by \
        --fail-on; 70 a check errored; 64 bad arguments, or revisions that cannot be put in \
        order (use --in-order) or the same revision twice; 65 a malformed document or errata \
        file; 66 a missing document; 73 the output file could not be written.
        """
    )

    var files: [String]
    var inOrder: Bool
    var errataFiles: [String]
    var format: HistoryFormat
    var all: Bool
    var failOn: [String]
    var checkDirectories: [String]
    var output: String?
    var colorOptions: ColorOptions
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        files = arguments.arguments("files", help: "The revisions (xml2rfc v2/v3 XML or plain text), in any order unless --in-order.")
        inOrder = arguments.flag("in-order", help: "Take the revisions in the order given, oldest first, instead of ordering them by revision, RFC number and date.")
        errataFiles = try arguments.repeatedOption("errata", valueName: "FILE", help: "An errata file to follow through the revisions (repeatable).")
        format = try arguments.option("format", default: .text, help: "Output format: text, json, markdown or html.")
        all = arguments.flag("all", help: "Text and Markdown: list every statement, not only those linked in some revision.")
        failOn = try arguments.repeatedOption("fail-on", valueName: "statuses", help: "Exit 1 when a statement of the latest revision has one of these statuses (comma-separated): contradicted, drifted, stale, failed, errored, supported, unlinked.")
        checkDirectories = try arguments.repeatedOption("checks", valueName: "DIR", help: "Also run the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.")
        output = try arguments.option("output", short: "o", help: "Write the history to this file instead of standard output.")
        colorOptions = try ColorOptions(&arguments)
        sources = try SourceOptions(&arguments)
    }

    func validate() throws {
        if files.isEmpty { throw UsageError("give the revisions of one series (at least one document).") }
        _ = try failOnStatuses()
    }

    func failOnStatuses() throws -> Set<HistoryStatus> {
        var out = Set<HistoryStatus>()
        for item in failOn.flatMap({ $0.split(separator: ",") }) {
            let word = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let status = HistoryStatus(rawValue: word), status != .absent else {
                throw UsageError("--fail-on: unknown status \"\(word)\" (use \(HistoryStatus.allCases.filter { $0 != .absent }.map(\.rawValue).joined(separator: ", ")))")
            }
            out.insert(status)
        }
        return out
    }

    func run() throws {
        try reportingErrors {
            let documents = try files.map { try DocumentReader.read(path: try sources.path($0), fetchReference: sources.referenceFetcher) }
            documents.forEach { $0.warnings.forEach { printWarning($0.description) } }
            let errata = try errataFiles.map { HistoryBuilder.ErrataInput(file: try ErrataFile.read(path: $0), path: $0) }
            let catalog = try CatalogLoading.load(directories: checkDirectories, auditing: documents)
            let history = try HistoryBuilder(catalog: catalog.checks, exemptions: catalog.exemptions).history(of: documents, order: inOrder ? .asGiven : .byRevision, errata: errata)
            try ReportOutput.write(try format.render(history, toolVersion: Draftcheck.version, all: all,
                                                     color: output == nil && colorOptions.color.enabled), to: output)
            if !history.erroredChecks.isEmpty { throw ExitCode(ExitStatus.software) }
            let present = history.statusesInLatest
            // A drifted statement also counts under its verdict (contradicted, supported).
            let verdicts = Set(history.statements.compactMap { ($0.cells.last ?? nil)?.status.verdict })
            if !present.union(verdicts).isDisjoint(with: try failOnStatuses()) { throw ExitCode(ExitStatus.findings) }
        }
    }
}

extension HistoryFormat: ArgumentValue {}
