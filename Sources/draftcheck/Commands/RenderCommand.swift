import ArgumentParser
import DraftDocument

/// `draftcheck render FILE [--section N]`: text as xml2rfc renders it. (Issue 2 completes it.)
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a document, or one section of it, as xml2rfc's text output would."
    )

    @Argument(help: "The document.")
    var file: String

    @Option(help: "Only this section, by number (\"2.9\", \"A.1\").")
    var section: String?

    func run() throws {
        try reportingErrors {
            _ = try DocumentReader.read(path: file)
        }
    }
}
