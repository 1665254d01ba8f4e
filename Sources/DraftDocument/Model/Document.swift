/// One IETF document, whatever it was read from: xml2rfc v3, v2, or plain text.
public struct Document: Hashable, Sendable, Codable {
    public var metadata: Metadata
    /// The abstract's blocks (front matter).
    public var abstract: [Block]
    /// Front-matter notes (`<note>` in `<front>`), each as a container with its title.
    public var notes: [Container]
    /// The top-level sections in document order: middle, then back (references, appendices,
    /// unnumbered back sections such as "Acknowledgements" and "Authors' Addresses").
    public var sections: [Section]
    /// What the reader worked around (unresolvable references and the like).
    public var warnings: [DocumentWarning]

    public init(metadata: Metadata, abstract: [Block] = [], notes: [Container] = [], sections: [Section] = [], warnings: [DocumentWarning] = []) {
        self.metadata = metadata
        self.abstract = abstract
        self.notes = notes
        self.sections = sections
        self.warnings = warnings
    }

    /// Every section, depth first, in document order.
    public var allSections: [Section] {
        var out: [Section] = []
        func walk(_ s: Section) {
            out.append(s)
            s.subsections.forEach(walk)
        }
        sections.forEach(walk)
        return out
    }

    /// The section numbered `number` exactly as xml2rfc renders it ("2.9", "A.1").
    public func section(numbered number: String) -> Section? {
        allSections.first { $0.number == number }
    }

    /// The section with this anchor.
    public func section(anchored anchor: String) -> Section? {
        allSections.first { $0.anchor == anchor }
    }
}

public struct Metadata: Hashable, Sendable, Codable {
    public enum SourceFormat: String, Hashable, Sendable, Codable {
        case xmlV3 = "xml-v3"
        case xmlV2 = "xml-v2"
        case text
    }

    /// The path the document was read from, as given.
    public var file: String
    public var format: SourceFormat
    /// `docName` with its revision ("draft-ietf-ipsecme-ikev2bis-08"), when a draft.
    public var docName: String?
    /// The RFC number, when an RFC.
    public var rfcNumber: Int?
    public var title: String
    /// "std", "info", "exp", "bcp", "historic" as the source says; text: from the header.
    public var category: String?
    /// "IETF", "IAB", "IRTF", "independent".
    public var submissionType: String?
    public var authors: [String]
    /// The date as written ("March 2010").
    public var date: String?

    public init(file: String, format: SourceFormat, docName: String? = nil, rfcNumber: Int? = nil, title: String, category: String? = nil, submissionType: String? = nil, authors: [String] = [], date: String? = nil) {
        self.file = file
        self.format = format
        self.docName = docName
        self.rfcNumber = rfcNumber
        self.title = title
        self.category = category
        self.submissionType = submissionType
        self.authors = authors
        self.date = date
    }

    /// The document's series name without its revision: "draft-ietf-ipsecme-ikev2bis" for
    /// draft -08 and -04 alike, "rfc5996" for RFC 5996. Identities of claims and statements
    /// are built on it.
    public var seriesName: String {
        if let rfcNumber { return "rfc\(rfcNumber)" }
        guard let docName else { return title }
        return Self.stripRevision(docName)
    }

    /// The revision of a draft ("08"), nil for RFCs and unversioned names.
    public var revision: String? {
        guard rfcNumber == nil, let docName else { return nil }
        let stripped = Self.stripRevision(docName)
        guard stripped.count < docName.count else { return nil }
        return String(docName.dropFirst(stripped.count + 1))
    }

    /// "draft-foo-bar-08" -> "draft-foo-bar"; names without a two-digit revision unchanged.
    public static func stripRevision(_ name: String) -> String {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count > 1, let last = parts.last, last.count == 2, last.allSatisfy(\.isASCII), last.allSatisfy(\.isNumber) {
            return parts.dropLast().joined(separator: "-")
        }
        return name
    }
}

public struct Section: Hashable, Sendable, Codable {
    /// The number exactly as xml2rfc renders it: "2.9", "A", "A.1"; nil when unnumbered.
    public var number: String?
    public var title: String
    public var anchor: String?
    /// 1 for a top-level section.
    public var depth: Int
    /// True for sections of `<back>` (appendices, references, addresses).
    public var isBackMatter: Bool
    public var blocks: [Block]
    public var subsections: [Section]
    /// Where the heading (or `<section>` element) starts.
    public var location: SourceLocation
    /// The title is the first line of the body's first paragraph, a numbered paragraph
    /// (plain text of RFC 2671's era: "4.1. One OPT pseudo-RR can be added to the" over the
    /// rest of the sentence): the body holds that line too, so its words are read once.
    public var titleOpensBody = false

    public init(number: String?, title: String, anchor: String? = nil, depth: Int, isBackMatter: Bool = false, blocks: [Block] = [], subsections: [Section] = [], location: SourceLocation) {
        self.number = number
        self.title = title
        self.anchor = anchor
        self.depth = depth
        self.isBackMatter = isBackMatter
        self.blocks = blocks
        self.subsections = subsections
        self.location = location
    }

    /// The paragraphs of this section's own body (not subsections), including those inside
    /// lists, asides and blockquotes, in order. Paragraph numbering for "Section 2.9,
    /// paragraph 1" counts top-level blocks instead: see `blocks`.
    public var paragraphs: [Paragraph] {
        var out: [Paragraph] = []
        func walk(_ b: Block) {
            switch b {
            case .paragraph(let p): out.append(p)
            case .list(let l): l.items.forEach { $0.blocks.forEach(walk) }
            case .blockquote(let c), .aside(let c): c.blocks.forEach(walk)
            case .figure, .table, .references: break
            }
        }
        blocks.forEach(walk)
        return out
    }
}
