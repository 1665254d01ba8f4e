import ArgumentParser
import Diagnostics
import DraftDocument
import Errata
import Foundation
import Normative
import Reports

/// `draftcheck review FILE`: the normative statements and topical sentences of a document.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List a document's normative statements and its statements about PF_KEY, Traffic Selectors and the SPD.",
        discussion: """
        A statement is a sentence (or list item) with an uppercase BCP 14 keyword (RFC 2119, \
        RFC 8174; in a v3 document that uses <bcp14>, the tags decide), or a sentence about \
        a tracked topic: pfkey (PF_KEY, [PFKEY], SADB_*), ts (Traffic Selectors, TSi/TSr, \
        narrowing), spd (SPD, SAD, selectors). A sentence with two keywords is one statement \
        per keyword. Each statement has a stable id <series>/<section>/<hash> that survives \
        revisions while its text does. The requirements-language boilerplate is left out.

        Output is grouped by section and ends with counts by keyword and topic, then the \
        findings (untagged keywords, lowercase must/should/may that read as requirements, \
        missing or pre-RFC 8174 boilerplate, RFC 2119 not referenced). --format json writes \
        {"document", "keywordCount", "statements", "findings"}. Exit status 0 unless the \
        document cannot be read (65, 66).

        --propose DIR (with --checks) writes an errata skeleton (README "## Errata") into \
        DIR for each section with a contradicted statement: OLD is the statement's paragraph \
        from the source, NEW is left to write, the contradicting checks are listed. DIR is \
        created if missing; each file written is named on standard error. Exit 73 when DIR \
        cannot be written.
        """
    )

    enum TopicChoice: String, ExpressibleByArgument, CaseIterable {
        case pfkey, ts, spd, all
        var topic: Topic? { self == .all ? nil : Topic(rawValue: rawValue) }
    }

    enum LevelChoice: String, ExpressibleByArgument, CaseIterable {
        case must, should, may, any
        var strength: BCP14Keyword.Strength? { BCP14Keyword.Strength(rawValue: rawValue) }
    }

    @Argument(help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
    var file: String

    @Argument(help: "More documents, with --format jsonl: one JSON Lines record each ({\"file\", \"review\"} or {\"file\", \"error\"}), in the order given, read on every core.")
    var more: [String] = []

    @Option(help: "Only statements about this topic: pfkey, ts, spd or all.")
    var topic: TopicChoice = .all

    @Option(help: "Only statements of this strength: must (MUST, MUST NOT, REQUIRED, SHALL, SHALL NOT), should, may, or any (topical sentences included).")
    var level: LevelChoice = .any

    @Option(help: "Output format: text, json or markdown.")
    var format: ReviewFormat = .text

    @Flag(help: "Run the check catalog: each statement gains its status (supported, contradicted, failed, errored, stale, unlinked) and the ids of the checks behind it. Exit 70 when a check errored.")
    var checks = false

    @Option(name: .customLong("checks-dir"), help: ArgumentHelp("With --checks: also run the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.", valueName: "DIR"))
    var checkDirectories: [String] = []

    @Option(help: ArgumentHelp("With --checks: write an errata skeleton into DIR for each section with a contradicted statement.", valueName: "DIR"))
    var propose: String?

    @Option(help: ArgumentHelp("Report lowercase must/should/may that read as requirements: auto (only in documents that cite RFC 8174, which made only the capitals normative), always, or never.", valueName: "WHEN"))
    var lowercaseKeywords: StatementExtractor.LowercaseKeywords = .auto

    @OptionGroup var colorOptions: ColorOptions

    @OptionGroup var sources: SourceOptions

    func validate() throws {
        if !more.isEmpty && format != .jsonl { throw ValidationError("several documents need --format jsonl.") }
        if format == .jsonl && (checks || propose != nil) { throw ValidationError("--format jsonl reviews statements only: no --checks or --propose.") }
        if propose != nil && !checks { throw ValidationError("--propose needs --checks.") }
        if !checkDirectories.isEmpty && !checks { throw ValidationError("--checks-dir needs --checks.") }
    }

    func run() throws {
        try reportingErrors {
            let filter = StatementFilter(topic: topic.topic, strength: level.strength)
            if format == .jsonl {
                let paths = try ([file] + more).map { try sources.path($0) }
                let (lines, failed) = CorpusReview.run(paths, filter: filter, lowercaseKeywords: lowercaseKeywords) { error in
                    (error as? any Diagnostic).map { ExitStatus.code(for: $0.category) } ?? ExitStatus.software
                }
                try StandardOutput.write(lines.map { $0 + "\n" }.joined())
                if failed { throw ExitCode(ExitStatus.dataError) }
                return
            }
            let document = try DocumentReader.read(path: try sources.path(file), fetchReference: sources.referenceFetcher)
            document.warnings.forEach { printWarning($0.description) }
            let catalog = checks ? try CatalogLoading.load(directories: checkDirectories, auditing: [document]) : nil
            let review = DocumentReview(document, filter: filter, runningChecks: checks, lowercaseKeywords: lowercaseKeywords,
                                        catalog: catalog?.checks ?? [], exemptions: catalog?.exemptions ?? [])
            try review.report.write(as: format, color: colorOptions.color.enabled) { try StandardOutput.write($0) }
            if let propose, review.linked != nil {
                try ErrataSkeleton.write(try review.errataSkeletons(date: ErrataSkeleton.day(of: Date())), into: propose) {
                    printWarning("wrote \($0)")
                }
            }
            if review.checkErrored { throw ExitCode(ExitStatus.software) }
        }
    }
}

extension ReviewFormat: ExpressibleByArgument {}

extension StatementExtractor.LowercaseKeywords: ExpressibleByArgument {}
