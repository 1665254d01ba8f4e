import ArgumentParser
import DraftDocument
import Normative
import Reports

/// `draftcheck compare OLD NEW`: what happened to each statement between two revisions.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the statements of two revisions: unchanged, edited (with a word diff), moved, added, removed.",
        discussion: """
        Statements (see `draftcheck review`) are matched exact text first, then normalised \
        text (case, punctuation and white space ignored), then by token similarity (Dice \
        coefficient of the words >= 0.5), preferring the same section; each change says \
        which. A matched statement in another section is "moved". Unchanged statements are \
        counted in the summary and listed with --all. Exit status 0 unless a document cannot \
        be read (65, 66).
        """
    )

    @Argument(help: "The older revision.")
    var old: String

    @Argument(help: "The newer revision.")
    var new: String

    @Option(help: "Output format: text, json or markdown.")
    var format: ReviewFormat = .text

    @Flag(help: "List unchanged statements too.")
    var all = false

    @OptionGroup var colorOptions: ColorOptions

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingErrors {
            let report = CompareReport(old: try DocumentReader.read(path: try sources.path(old), fetchReference: sources.referenceFetcher), new: try DocumentReader.read(path: try sources.path(new), fetchReference: sources.referenceFetcher), includeUnchanged: all)
            try StandardOutput.write(try report.rendered(as: format, color: colorOptions.color.enabled))
        }
    }
}
