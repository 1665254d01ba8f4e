import CommandLineParsing
import DraftDocument
import Foundation
import Reports

/// `draftcheck sections FILE`: the section tree, numbered as xml2rfc numbers it.
struct SectionsCommand: Command {
    static let info = CommandInfo(
        name: "sections",
        abstract: "List a document's sections with their numbers, titles and source lines.",
        discussion: """
        Numbers are those xml2rfc renders ("2.9", "Appendix A" as "A", "A.1"); unnumbered \
        sections show "-" in text and null in JSON. JSON: {"sections": [{"number", "title", \
        "depth", "anchor", "line"}]} in document order. Bibliography entries that cannot be \
        read offline become placeholders; the warnings go to standard error.
        """
    )

    var file: String
    var format: SectionListingFormat
    var includeDirectories: [String]
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        file = try arguments.argument("file", help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
        includeDirectories = try arguments.repeatedOption("include-dir", help: "A directory where xi:include and external entities may be read (repeatable).")
        sources = try SourceOptions(&arguments)
    }

    func run() throws {
        try reportingErrors {
            ParseTreeRelease.leaveSmallTreesToExit()  // one document, then the exit
            // The tree only: section bodies are not built.
            let document = try DocumentReader.read(path: try sources.path(file), includeDirectories: includeDirectories, outline: true, fetchReference: sources.referenceFetcher)
            document.warnings.forEach { printWarning($0.description) }
            try StandardOutput.write(try SectionListing(document).rendered(as: format))
        }
    }
}

extension SectionListingFormat: ArgumentValue {}
