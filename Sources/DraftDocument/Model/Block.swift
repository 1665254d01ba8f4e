/// A block of a section's body. Every block knows where it starts in the source.
public indirect enum Block: Hashable, Sendable, Codable {
    case paragraph(Paragraph)
    case list(ListBlock)
    /// `<figure>`/`<artwork>`/`<sourcecode>` in XML, indented art in text: kept verbatim.
    case figure(Figure)
    case table(Table)
    case blockquote(Container)
    /// v3 `<aside>`, `<note>`, and text "Note:" blocks.
    case aside(Container)
    /// A `<references>` group (possibly nested) or a text references section body.
    case references(ReferenceGroup)

    public var location: SourceLocation {
        switch self {
        case .paragraph(let b): b.location
        case .list(let b): b.location
        case .figure(let b): b.location
        case .table(let b): b.location
        case .blockquote(let b), .aside(let b): b.location
        case .references(let b): b.location
        }
    }
}

public struct Paragraph: Hashable, Sendable, Codable {
    public var content: InlineText
    public var location: SourceLocation
    /// The source's own anchor (`<t anchor=...>`), when it has one.
    public var anchor: String?

    public init(content: InlineText, location: SourceLocation, anchor: String? = nil) {
        self.content = content
        self.location = location
        self.anchor = anchor
    }
}

public struct ListBlock: Hashable, Sendable, Codable {
    public enum Style: Hashable, Sendable, Codable {
        /// `<ul>`, v2 `style="symbols"`, text "o", "*", "-".
        case bullet
        /// `<ol>`, v2 `style="numbers"`/`letters`/format, text "1.", "(a)"; the marker as rendered.
        case ordered
        /// `<dl>`, v2 `style="hanging"`: each item has a term.
        case definition
        /// v2 `style="empty"`, `<ul empty="true">`.
        case plain
    }

    public var style: Style
    public var items: [ListItem]
    public var location: SourceLocation
    /// Columns from the list's left edge to an item's body, as xml2rfc computes it for
    /// `<ol>`/`<ul>` (the `indent` attribute, else room for the widest counter plus two);
    /// a marker longer than this runs into the text. Nil: the widest marker plus two.
    public var bodyIndent: Int?
    /// `spacing="compact"`: items follow each other without a blank line.
    public var isCompact: Bool = false
    /// A definition list's `newline="true"`: every term on a line of its own.
    public var termsOnOwnLine: Bool = false

    public init(style: Style, items: [ListItem], location: SourceLocation) {
        self.style = style
        self.items = items
        self.location = location
    }

    public init(style: Style, items: [ListItem], location: SourceLocation, bodyIndent: Int?) {
        self.init(style: style, items: items, location: location)
        self.bodyIndent = bodyIndent
    }
}

public struct ListItem: Hashable, Sendable, Codable {
    /// The marker as rendered ("o", "*", "1.", "(a)"), or nil where the style has none.
    public var marker: String?
    /// The term of a definition-list item (`<dt>`, v2 `hangText`).
    public var term: InlineText?
    /// The item's body: usually one paragraph, possibly nested lists and figures.
    public var blocks: [Block]
    public var location: SourceLocation

    public init(marker: String? = nil, term: InlineText? = nil, blocks: [Block], location: SourceLocation) {
        self.marker = marker
        self.term = term
        self.blocks = blocks
        self.location = location
    }
}

public struct Figure: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case artwork, sourcecode, textArt }
    public var kind: Kind
    public var title: String?
    public var anchor: String?
    /// Verbatim: no whitespace touched, as the source holds it (CDATA unwrapped).
    public var verbatim: String
    public var location: SourceLocation
    /// Where a caption read from text stands, under the art ("Figure 3: ..."); nil for XML.
    public var titleLocation: SourceLocation?
    /// The figure number xml2rfc gives the enclosing `<figure>`, set on its last artwork,
    /// after which the caption "Figure N: title" is shown; nil for bare artwork.
    public var number: Int?
    /// The artwork's `align` ("center", "right"); nil is left.
    public var alignment: String?
    /// `<sourcecode markers="true">`: shown between "<CODE BEGINS>" and "<CODE ENDS>".
    public var hasCodeMarkers: Bool = false
    /// The `name` of a sourcecode with markers ("<CODE BEGINS> file \"name\"").
    public var fileName: String?
    /// What xml2rfc's text output shows instead of art it cannot show (SVG):
    /// "(Artwork only available as SVG: see URL)"; `verbatim` is then empty.
    public var unavailableNote: String?
    /// Text art that draws a grid table: its cells, read for the requirements they hold
    /// (`verbatim` stays what is shown). Nil for any other figure.
    public var table: Table?
    /// Text art: the source line of each line of `verbatim` (page breaks and their running
    /// headers taken out between them). Nil for XML, where the lines follow one another.
    public var sourceLines: [Int]?

    /// The source line of line `index` (from 0) of `verbatim`.
    public func sourceLine(_ index: Int) -> Int {
        if let lines = sourceLines, index >= 0, index < lines.count { return lines[index] }
        return location.line + index
    }

    public init(kind: Kind, title: String? = nil, anchor: String? = nil, verbatim: String, location: SourceLocation) {
        self.kind = kind
        self.title = title
        self.anchor = anchor
        self.verbatim = verbatim
        self.location = location
    }
}

public struct Table: Hashable, Sendable, Codable {
    public var title: String?
    public var anchor: String?
    public var header: [[InlineText]]
    public var rows: [[InlineText]]
    public var location: SourceLocation
    /// The table number xml2rfc shows in the caption "Table N: title" below the table;
    /// nil for tables read from text.
    public var number: Int?
    /// The table's `align`: nil is xml2rfc's default, centred.
    public var alignment: String?
    /// Per cell, `header` rows first and then `rows`, as the source marks them (`<th>`,
    /// `align`, spans); empty for tables read from text.
    public var cellFormats: [[TableCellFormat]] = []

    public init(title: String? = nil, anchor: String? = nil, header: [[InlineText]], rows: [[InlineText]], location: SourceLocation) {
        self.title = title
        self.anchor = anchor
        self.header = header
        self.rows = rows
        self.location = location
    }
}

/// A block holding other blocks (blockquote, aside, note).
public struct Container: Hashable, Sendable, Codable {
    public var title: String?
    public var blocks: [Block]
    public var location: SourceLocation
    /// A blockquote's `quotedFrom` (shown "-- name" below the quote).
    public var quotedFrom: String?
    /// A blockquote's `cite` address, shown below the quote.
    public var citation: String?

    public init(title: String? = nil, blocks: [Block], location: SourceLocation) {
        self.title = title
        self.blocks = blocks
        self.location = location
    }
}

public struct ReferenceGroup: Hashable, Sendable, Codable {
    public var title: String?
    public var anchor: String?
    public var entries: [Reference]
    public var groups: [ReferenceGroup]
    public var location: SourceLocation

    public init(title: String? = nil, anchor: String? = nil, entries: [Reference], groups: [ReferenceGroup] = [], location: SourceLocation) {
        self.title = title
        self.anchor = anchor
        self.entries = entries
        self.groups = groups
        self.location = location
    }
}

public struct Reference: Hashable, Sendable, Codable {
    /// The citation anchor ("PFKEY", "RFC2119").
    public var anchor: String
    public var title: String?
    /// "RFC 2367", "draft-ietf-...-08": series and number as the reference names them.
    public var seriesInfo: [String]
    public var target: String?
    /// True when the reader could not resolve it (a bib.ietf.org include offline) and made
    /// a placeholder that carries only the anchor.
    public var isPlaceholder: Bool
    public var location: SourceLocation
    /// The name it is cited by when that is not the anchor (`<displayreference>`, or its
    /// number when references are not symbolic).
    public var label: String?
    public var authors: [ReferenceAuthor] = []
    /// The publication date as xml2rfc shows it ("May 2021", "2000"), when given.
    public var date: String?
    /// `<refcontent>` texts ("National Institute of Standards and Technology report").
    public var referenceContent: [String] = []
    public var annotation: String?
    /// xml2rfc's `quoteTitle`: the title shown in double quotes (the default).
    public var quotesTitle: Bool = true

    public init(anchor: String, title: String? = nil, seriesInfo: [String] = [], target: String? = nil, isPlaceholder: Bool = false, location: SourceLocation) {
        self.anchor = anchor
        self.title = title
        self.seriesInfo = seriesInfo
        self.target = target
        self.isPlaceholder = isPlaceholder
        self.location = location
    }
}

/// An author of a bibliography entry, as the source names them; the renderer writes
/// "Surname, I." or "I. Surname" from these as xml2rfc does.
public struct ReferenceAuthor: Hashable, Sendable, Codable {
    public var fullname: String?
    public var initials: String?
    public var surname: String?
    public var asciiFullname: String?
    public var asciiInitials: String?
    public var asciiSurname: String?
    /// The organisation's name (its `abbrev` when it has one), for an author that is one.
    public var organization: String?
    public var organizationASCII: String?
    public var isEditor: Bool

    public init(fullname: String? = nil, initials: String? = nil, surname: String? = nil, asciiFullname: String? = nil,
                asciiInitials: String? = nil, asciiSurname: String? = nil, organization: String? = nil,
                organizationASCII: String? = nil, isEditor: Bool = false) {
        self.fullname = fullname
        self.initials = initials
        self.surname = surname
        self.asciiFullname = asciiFullname
        self.asciiInitials = asciiInitials
        self.asciiSurname = asciiSurname
        self.organization = organization
        self.organizationASCII = organizationASCII
        self.isEditor = isEditor
    }
}

/// How the source marks one table cell: `<th>` (a header cell, ruled with "="), its
/// `align`, and the rows and columns it spans.
public struct TableCellFormat: Hashable, Sendable, Codable {
    public var isHeader: Bool
    /// "left" (the default), "center" or "right".
    public var alignment: String?
    public var columnSpan: Int
    public var rowSpan: Int

    public init(isHeader: Bool = false, alignment: String? = nil, columnSpan: Int = 1, rowSpan: Int = 1) {
        self.isHeader = isHeader
        self.alignment = alignment
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
    }
}
