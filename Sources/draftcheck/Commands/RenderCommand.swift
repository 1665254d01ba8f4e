import CommandLineParsing
import DraftDocument
import Reports

/// `draftcheck render FILE [--section N]`: text as xml2rfc renders it.
struct RenderCommand: Command {
    static let info = CommandInfo(
        name: "render",
        abstract: "Render a document, or one section of it, as xml2rfc's text output would.",
        discussion: """
        Sections are rendered with their headings, paragraphs filled to 72 columns at 3 \
        spaces, lists, artwork verbatim and tables, as xml2rfc's text output lays them out \
        (without page breaks, front-page boilerplate or table of contents). An unknown \
        --section is an error (exit 65).
        """
    )

    var file: String
    var section: String?
    var includeDirectories: [String]
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        file = try arguments.argument("file", help: "The document.")
        section = try arguments.option("section", help: "Only this section, by number (\"2.9\", \"A.1\") or anchor.")
        includeDirectories = try arguments.repeatedOption("include-dir", help: "A directory where xi:include and external entities may be read (repeatable).")
        sources = try SourceOptions(&arguments)
    }

    func run() throws {
        try reportingErrors {
            ParseTreeRelease.leaveSmallTreesToExit()  // one document, then the exit
            let document = try DocumentReader.read(path: try sources.path(file), includeDirectories: includeDirectories, fetchReference: sources.referenceFetcher)
            document.warnings.forEach { printWarning($0.description) }
            try StandardOutput.write(try DocumentText.render(document, section: section, file: file) + "\n")
        }
    }
}
