import CommandLineParsing
import DraftDocument
import Normative
import Reports

/// `draftcheck compare OLD NEW`: what happened to each statement between two revisions.
struct CompareCommand: Command {
    static let info = CommandInfo(
        name: "compare",
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

    var old: String
    var new: String
    var format: ReviewFormat
    var all: Bool
    var colorOptions: ColorOptions
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        old = try arguments.argument("old", help: "The older revision.")
        new = try arguments.argument("new", help: "The newer revision.")
        format = try arguments.option("format", default: .text, help: "Output format: text, json or markdown.")
        all = arguments.flag("all", help: "List unchanged statements too.")
        colorOptions = try ColorOptions(&arguments)
        sources = try SourceOptions(&arguments)
    }

    func run() throws {
        try reportingErrors {
            let report = CompareReport(old: try DocumentReader.read(path: try sources.path(old), fetchReference: sources.referenceFetcher), new: try DocumentReader.read(path: try sources.path(new), fetchReference: sources.referenceFetcher), includeUnchanged: all)
            try StandardOutput.write(try report.rendered(as: format, color: colorOptions.color.enabled))
        }
    }
}
