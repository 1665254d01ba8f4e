import ArgumentParser
import Checks
import DraftDocument
import Linking
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
    var file: String

    @Option(help: "Only statements about this topic: pfkey, ts, spd or all.")
    var topic: TopicChoice = .all

    @Option(help: "Only statements of this strength: must (MUST, MUST NOT, REQUIRED, SHALL, SHALL NOT), should, may, or any (topical sentences included).")
    var level: LevelChoice = .any

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "Run the check catalog: each statement gains its status (supported, contradicted, failed, errored, stale, unlinked) and the ids of the checks behind it. Exit 70 when a check errored.")
    var checks = false

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        try reportingErrors {
            let document = try DocumentReader.read(path: file)
            let analysis = StatementExtractor().analyze(document)
            var report = ReviewReport(analysis, filter: StatementFilter(topic: topic.topic, strength: level.strength))
            let run = checks ? CatalogRun.run(Catalog.all) : nil
            if let run { report = report.withStatuses(from: Linker(run: run).link(document)) }
            switch format {
            case .text: print(ReviewTextFormat.render(report, color: colorOptions.color.enabled), terminator: "")
            case .json: print(try encodeJSON(report))
            case .markdown: print(ReviewMarkdownFormat.render(report), terminator: "")
            }
            if let run, run.counts[.errored, default: 0] > 0 { throw ExitCode(ExitStatus.software) }
        }
    }
}
