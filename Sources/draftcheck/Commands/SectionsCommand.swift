import ArgumentParser
import DraftDocument
import Foundation

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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The document: xml2rfc v3 or v2 XML, or a plain-text RFC or Internet-Draft.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .customLong("include-dir"), help: "A directory where xi:include and external entities may be read (repeatable).")
    var includeDirectories: [String] = []

    struct Entry: Encodable {
        var number: String?
        var title: String
        var depth: Int
        var anchor: String?
        var line: Int

        // Explicit nulls: "number": null for unnumbered sections, as the JSON contract says.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(title, forKey: .title)
            try c.encode(depth, forKey: .depth)
            try c.encode(anchor, forKey: .anchor)
            try c.encode(line, forKey: .line)
        }

        enum CodingKeys: String, CodingKey { case number, title, depth, anchor, line }
    }

    struct Listing: Encodable { var sections: [Entry] }

    func run() throws {
        try reportingErrors {
            // The tree only: section bodies are not built.
            let document = try DocumentReader.read(path: file, includeDirectories: includeDirectories, outline: true)
            document.warnings.forEach { printWarning($0.description) }
            let entries = document.allSections.map {
                Entry(number: $0.number, title: $0.title, depth: $0.depth, anchor: $0.anchor, line: $0.location.line)
            }
            switch format {
            case .json:
                print(try encodeJSON(Listing(sections: entries)))
            case .text:
                // One line per section: NUMBER<TAB>TITLE ("-" when unnumbered).
                for e in entries { print("\(e.number ?? "-")\t\(e.title)") }
            }
        }
    }
}
