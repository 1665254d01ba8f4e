import ArgumentParser
import DraftDocument

/// `draftcheck sections FILE`: the section tree. (Issue 2 completes it.)
struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List a document's sections with their numbers, titles and source lines."
    )

    @Argument(help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
    var file: String

    func run() throws {
        try reportingErrors {
            let document = try DocumentReader.read(path: file)
            for section in document.allSections {
                print("\(section.number ?? "-")\t\(section.title)")
            }
        }
    }
}
