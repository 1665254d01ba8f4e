import ArgumentParser
import DraftDocument
import Reports

/// `draftcheck render FILE [--section N]`: text as xml2rfc renders it.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a document, or one section of it, as xml2rfc's text output would.",
        discussion: """
        Sections are rendered with their headings, paragraphs filled to 72 columns at 3 \
        spaces, lists, artwork verbatim and tables, as xml2rfc's text output lays them out \
        (without page breaks, front-page boilerplate or table of contents). An unknown \
        --section is an error (exit 65).
        """
    )

    @Argument(help: "The document.")
    var file: String

    @Option(help: "Only this section, by number (\"2.9\", \"A.1\") or anchor.")
    var section: String?

    @Option(name: .customLong("include-dir"), help: "A directory where xi:include and external entities may be read (repeatable).")
    var includeDirectories: [String] = []

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingErrors {
            let document = try DocumentReader.read(path: try sources.path(file), includeDirectories: includeDirectories, fetchReference: sources.referenceFetcher)
            document.warnings.forEach { printWarning($0.description) }
            try StandardOutput.write(try DocumentText.render(document, section: section, file: file) + "\n")
        }
    }
}
