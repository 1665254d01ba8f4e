import ArgumentParser
import DraftDocument
import Foundation
import Reports

/// `draftcheck sections FILE`: the section tree, numbered as xml2rfc numbers it.
struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List a document's sections with their numbers, titles and source lines.",
        discussion: """
        Numbers are those xml2rfc renders ("2.9", "Appendix A" as "A", "A.1"); unnumbered \
        sections show "-" in text and null in JSON. JSON: {"sections": [{"number", "title", \
        "depth", "anchor", "line"}]} in document order. Bibliography entries that cannot be \
        read offline become placeholders; the warnings go to standard error.
        """
    )

    @Argument(help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: SectionListingFormat = .text

    @Option(name: .customLong("include-dir"), help: "A directory where xi:include and external entities may be read (repeatable).")
    var includeDirectories: [String] = []

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingErrors {
            // The tree only: section bodies are not built.
            let document = try DocumentReader.read(path: try sources.path(file), includeDirectories: includeDirectories, outline: true, fetchReference: sources.referenceFetcher)
            document.warnings.forEach { printWarning($0.description) }
            try StandardOutput.write(try SectionListing(document).rendered(as: format))
        }
    }
}

extension SectionListingFormat: ExpressibleByArgument {}
