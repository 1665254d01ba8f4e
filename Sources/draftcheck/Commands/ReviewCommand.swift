import CommandLineParsing
import Diagnostics
import DraftDocument
import Errata
import Foundation
import Normative
import Reports

/// `draftcheck review FILE`: the normative statements and topical sentences of a document.
struct ReviewCommand: Command {
    static let info = CommandInfo(
        name: "review",
        abstract: "List a document's normative statements and its statements about PF_KEY, Traffic Selectors and the SPD.",
        discussion: """
        A statement is a sentence (or list item) with an uppercase BCP 14 keyword (RFC 2119, \
        RFC 8174; in a v3 document that uses <bcp14>, the tags decide), or a sentence about \
        a tracked topic: pfkey (PF_KEY, [PFKEY], SADB_*), ts (Traffic Selectors, TSi/TSr, \
        narrowing), spd (SPD, SAD, selectors). A sentence with two keywords is one statement \
        per keyword; a table row with a cell that opens with a keyword ("Name: ENCR_DES; \
        Status: MUST NOT") is one. Comments in code (ASN.1 "--", C "/* */" and "//", ABNF ";") \
        and the description strings of MIB and YANG modules are read as prose; figures are \
        not. Each statement has a stable id \
        <series>/<section>/<hash> that survives revisions while its text does. The \
        requirements-language boilerplate is left out.

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

    enum TopicChoice: String, ArgumentValue, CaseIterable {
        case pfkey, ts, spd, all
        var topic: Topic? { self == .all ? nil : Topic(rawValue: rawValue) }
    }

    enum LevelChoice: String, ArgumentValue, CaseIterable {
        case must, should, may, any
        var strength: BCP14Keyword.Strength? { BCP14Keyword.Strength(rawValue: rawValue) }
    }

    var file: String
    var more: [String]
    var topic: TopicChoice
    var level: LevelChoice
    var format: ReviewFormat
    var checks: Bool
    var checkDirectories: [String]
    var propose: String?
    var lowercaseKeywords: StatementExtractor.LowercaseKeywords
    var colorOptions: ColorOptions
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        file = try arguments.argument("file", help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
        more = arguments.arguments("more", help: "More documents, with --format jsonl: one JSON Lines record each ({\"file\", \"review\"} or {\"file\", \"error\"}), in the order given, read on every core.")
        topic = try arguments.option("topic", default: .all, help: "Only statements about this topic: pfkey, ts, spd or all.")
        level = try arguments.option("level", default: .any, help: "Only statements of this strength: must (MUST, MUST NOT, REQUIRED, SHALL, SHALL NOT), should, may, or any (topical sentences included).")
        format = try arguments.option("format", default: .text, help: "Output format: text, json or markdown.")
        checks = arguments.flag("checks", help: "Run the check catalog: each statement gains its status (supported, contradicted, failed, errored, stale, unlinked) and the ids of the checks behind it. Exit 70 when a check errored.")
        checkDirectories = try arguments.repeatedOption("checks-dir", valueName: "DIR", help: "With --checks: also run the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.")
        propose = try arguments.option("propose", valueName: "DIR", help: "With --checks: write an errata skeleton into DIR for each section with a contradicted statement.")
        lowercaseKeywords = try arguments.option("lowercase-keywords", valueName: "WHEN", default: .auto, help: "Report lowercase must/should/may that read as requirements: auto (only in documents that cite RFC 8174, which made only the capitals normative), always, or never.")
        colorOptions = try ColorOptions(&arguments)
        sources = try SourceOptions(&arguments)
    }

    func validate() throws {
        if !more.isEmpty && format != .jsonl { throw UsageError("several documents need --format jsonl.") }
        if format == .jsonl && (checks || propose != nil) { throw UsageError("--format jsonl reviews statements only: no --checks or --propose.") }
        if propose != nil && !checks { throw UsageError("--propose needs --checks.") }
        if !checkDirectories.isEmpty && !checks { throw UsageError("--checks-dir needs --checks.") }
    }

    func run() throws {
        try reportingErrors {
            let filter = StatementFilter(topic: topic.topic, strength: level.strength)
            if format == .jsonl {
                let paths = try ([file] + more).map { try sources.path($0) }
                let failed = try CorpusReview.run(paths, filter: filter, lowercaseKeywords: lowercaseKeywords, exitCode: { error in
                    (error as? any Diagnostic).map { ExitStatus.code(for: $0.category) } ?? ExitStatus.software
                }, emit: { try StandardOutput.write($0) })
                if failed { throw ExitCode(ExitStatus.dataError) }
                return
            }
            ParseTreeRelease.leaveSmallTreesToExit()  // one document, then the exit
            let document = try DocumentReader.read(path: try sources.path(file), fetchReference: sources.referenceFetcher)
            document.warnings.forEach { printWarning($0.description) }
            guard checks else {
                // Without checks nothing needs the report whole: it is written from the analysis.
                let analysis = StatementExtractor(lowercaseKeywords: lowercaseKeywords).analyze(document)
                KeptUntilExit.keep((document, analysis))
                try ReviewReport.write(analysis, filter: filter, as: format, color: colorOptions.color.enabled) { try StandardOutput.write($0) }
                return
            }
            let catalog = try CatalogLoading.load(directories: checkDirectories, auditing: [document])
            let review = DocumentReview(document, filter: filter, runningChecks: true, lowercaseKeywords: lowercaseKeywords,
                                        catalog: catalog.checks, exemptions: catalog.exemptions)
            KeptUntilExit.keep((document, review))
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

extension ReviewFormat: ArgumentValue {}

extension StatementExtractor.LowercaseKeywords: ArgumentValue {}
