import CommandLineParsing
import DraftDocument
import Errata
import Foundation
import Linking
import Reports

/// `draftcheck check [FILES...]`: runs the check catalog and judges each document's statements.
struct CheckCommand: Command {
    static let info = CommandInfo(
        name: "check",
        abstract: "Run the executable checks and report each statement as supported, contradicted, stale or unlinked.",
        discussion: """
        Runs every check of the catalog (PF_KEY codec, Traffic Selector engine, the SPD -> \
        ACQUIRE -> TS -> SA flow) once, finds each check's claims in the documents (exact, \
        white-space normalised, or fuzzy, which counts as stale), and gives every normative or \
        topical statement a status: supported, contradicted, failed, errored, stale, exempt (an \
        exemption in checks/exemptions/ names it, with a reason) or unlinked. \
        Without FILES, the bundled drafts/ are checked.

        Formats: text (default), json (schema "draftcheck-check-report" version 1, see README), \
        markdown (comments in the ietf-comments style), sarif (SARIF 2.1.0, results at file and \
        line, fingerprinted by stable statement ids), junit (each check a test case), html (one \
        self-contained page), github (GitHub Actions ::error/::warning annotations for \
        contradicted, failed, errored and stale statements and stale claims).

        Exit codes: 0 done; 1 a status named by --fail-on occurs; 70 a check errored (a \
        draftcheck bug; takes precedence); 64 bad arguments; 65 a malformed document; 66 a \
        missing document; 73 the output file could not be written.
        """
    )

    var files: [String]
    var format: CheckReportFormat
    var failOn: [String]
    var checkIDs: [String]
    var checkDirectories: [String]
    var output: String?
    var verbose: Bool
    var unlinked: Bool
    var colorOptions: ColorOptions
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        files = arguments.arguments("files", help: "Documents to check (xml2rfc v2/v3 XML or plain text). Default: drafts/*.xml and drafts/*.txt.")
        format = try arguments.option("format", default: .text, help: "Output format: text, json, markdown, sarif, junit, html or github.")
        failOn = try arguments.repeatedOption("fail-on", valueName: "statuses", help: "Exit 1 when a statement or claim has one of these statuses (comma-separated): contradicted, stale, failed, errored, supported, exempt, unlinked; or drifted: a verdict stands on a statement found reworded.")
        checkIDs = try arguments.repeatedOption("check", valueName: "id", help: "Run only this check (repeatable).")
        checkDirectories = try arguments.repeatedOption("checks", valueName: "DIR", help: "Also run the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.")
        output = try arguments.option("output", short: "o", help: "Write the report to this file instead of standard output.")
        verbose = arguments.flag("verbose", help: "Text: every input, expectation, kernel capture and note of each check's evidence.")
        unlinked = arguments.flag("unlinked", help: "Text: list every unlinked statement, not only those of the sections holding PF_KEY/TS statements.")
        colorOptions = try ColorOptions(&arguments)
        sources = try SourceOptions(&arguments)
    }

    func validate() throws {
        _ = try failOnStatuses()
    }

    func failOnStatuses() throws -> Set<StatementStatus> { try StatementStatus.parseList(failOnWords.filter { $0 != Self.drifted }) }

    /// "drifted" is a label on a verdict, not a status: asked for by its own word.
    static let drifted = "drifted"
    var failOnWords: [String] {
        failOn.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    func run() throws {
        try reportingErrors {
            let paths = files.isEmpty ? try BundledDrafts.paths() : files
            let documents = try paths.map { try DocumentReader.read(path: try sources.path($0), fetchReference: sources.referenceFetcher) }
            // What the readers could not read (an unresolved reference, an include left
            // out) bears on the judgement: standard error, as sections and render say it.
            documents.forEach { $0.warnings.forEach { printWarning($0.description) } }
            let catalog = try CatalogLoading.load(directories: checkDirectories, auditing: documents)
            let report = try CheckReport.judging(documents, catalog: catalog.checks, exemptions: catalog.exemptions, checkIDs: checkIDs,
                                                 toolVersion: Draftcheck.version)
            // Colour only on a terminal: never into a file.
            let text = TextCheckReport.Options(verbose: verbose, color: output == nil && colorOptions.color.enabled, allUnlinked: unlinked)
            try ReportOutput.write(to: output) { emit in try format.write(report, text: text, emit: emit) }
            let present = report.statusesPresent
            if present.contains(.errored) { throw ExitCode(ExitStatus.software) }
            if !present.isDisjoint(with: try failOnStatuses()) { throw ExitCode(ExitStatus.findings) }
            if failOnWords.contains(Self.drifted), report.documents.contains(where: { $0.statements.contains(where: \.isDrifted) }) {
                throw ExitCode(ExitStatus.findings)
            }
        }
    }
}

extension CheckReportFormat: ArgumentValue {}

/// The bundled default: the drafts in drafts/ (the README's main job).
enum BundledDrafts {
    static func paths(directory: String = "drafts") throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw DocumentError(.fileNotFound, "\(directory): no such directory (give documents to check)")
        }
        let drafts = names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".txt") }.sorted()
        guard !drafts.isEmpty else { throw DocumentError(.fileNotFound, "\(directory): no .xml or .txt drafts") }
        return drafts.map { directory + "/" + $0 }
    }
}

/// Writes a report to standard output or a file; a file that cannot be written is exit 73
/// and nothing else is touched.
enum ReportOutput {
    static func write(_ text: String, to path: String?) throws {
        try write(to: path) { emit in try emit(text) }
    }

    /// The report `produce` hands over in pieces, written as they come.
    static func write(to path: String?, producing produce: (_ emit: (String) throws -> Void) throws -> Void) throws {
        guard let path else {
            try produce { try StandardOutput.write($0) }
            return
        }
        // Errata's writer: atomic for a regular file, through a symbolic link, in place for
        // a device or FIFO.
        do {
            try AtomicWrite.write(to: path) { piece in
                try withoutActuallyEscaping(piece) { piece in
                    try produce { text in
                        var text = text
                        try text.withUTF8 { try piece(UnsafeRawBufferPointer($0)) }
                    }
                }
            }
        } catch let error as ErrataError {
            throw CommandLineError(.cannotWrite, error.message.replacingOccurrences(of: "cannot write: ", with: ""), file: path)
        }
    }
}

extension StatementStatus {
    /// `--fail-on` values: comma-separated statuses, repeatable.
    static func parseList(_ items: [String]) throws -> Set<StatementStatus> {
        var out = Set<StatementStatus>()
        for item in items.flatMap({ $0.split(separator: ",") }) {
            let word = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let status = StatementStatus(rawValue: word) else {
                throw UsageError("--fail-on: unknown status \"\(word)\" (use \(StatementStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            out.insert(status)
        }
        return out
    }
}
