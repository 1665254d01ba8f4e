import DraftDocument

/// `draftcheck sections`'s output formats.
public enum SectionListingFormat: String, Sendable, CaseIterable {
    case text, json
}

/// A document's section tree as `draftcheck sections` lists it. JSON: `{"sections":
/// [{"number", "title", "depth", "anchor", "line"}]}` in document order, with explicit
/// nulls; text: one `NUMBER<TAB>TITLE` line per section ("-" when unnumbered).
public struct SectionListing: Encodable, Hashable, Sendable {
    public struct Entry: Encodable, Hashable, Sendable {
        public var number: String?
        public var title: String
        public var depth: Int
        public var anchor: String?
        public var line: Int

        // Explicit nulls: "number": null for unnumbered sections, as the JSON contract says.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(title, forKey: .title)
            try c.encode(depth, forKey: .depth)
            try c.encode(anchor, forKey: .anchor)
            try c.encode(line, forKey: .line)
        }

        enum CodingKeys: String, CodingKey { case number, title, depth, anchor, line }
    }

    public var sections: [Entry]

    public init(_ document: Document) {
        sections = document.allSections.map {
            Entry(number: $0.number, title: $0.title, depth: $0.depth, anchor: $0.anchor, line: $0.location.line)
        }
    }

    public func rendered(as format: SectionListingFormat) throws -> String {
        switch format {
        case .json:
            return try StableJSON.encode(self) + "\n"
        case .text:
            // Appended in a loop: `joined()` over an array of strings costs a scan of the
            // binary's protocol conformances at its first use, a tenth of a millisecond.
            var text = ""
            for entry in sections { text += "\(entry.number ?? "-")\t\(entry.title)\n" }
            return text
        }
    }
}
