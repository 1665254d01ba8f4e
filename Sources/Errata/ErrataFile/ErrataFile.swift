/// One proposed change to one document, as an errata file holds it (README "## Errata").
public struct ErrataFile: Hashable, Sendable {
    public enum ChangeType: String, Hashable, Sendable, CaseIterable {
        case technical, editorial

        /// "Technical" / "Editorial", as the RFC Editor's errata form spells them.
        public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// The document with its revision: "draft-ietf-ipsecme-ikev2bis-08", "rfc5996".
    public var document: String
    /// The section the change is about ("2.9"); blocks default to it.
    public var section: String
    public var type: ChangeType
    public var reporter: String
    /// ISO 8601 day, "2010-03-02".
    public var date: String
    /// Ids of the checks whose results motivate the change (may be empty).
    public var checks: [String]
    /// Where the proposal was made (a mail archive URL), when known.
    public var source: String?
    /// Sentences of the NEW text and the checks the reviewer says support them: what
    /// `errata --check` links in the patched document (the catalog's claims are about
    /// published text; these are about the proposal).
    public var supportedBy: [NewTextSupport] = []
    /// Notes on the whole change (the rationale); paragraphs separated by blank lines.
    public var notes: String
    public var changes: [Change]

    public init(document: String, section: String, type: ChangeType, reporter: String, date: String, checks: [String] = [], source: String? = nil, notes: String = "", changes: [Change] = []) {
        self.document = document
        self.section = section
        self.type = type
        self.reporter = reporter
        self.date = date
        self.checks = checks
        self.source = source
        self.notes = notes
        self.changes = changes
    }
}

/// One OLD/NEW block: the text to find in a section and the text to put in its place.
public struct Change: Hashable, Sendable {
    /// The section the OLD text is in ("2.9").
    public var section: String
    /// The paragraph label as written ("paragraph 1", "paragraphs 1-2"), if any.
    public var paragraphLabel: String?
    public var old: Passage
    public var new: Passage
    /// Notes on this block alone.
    public var notes: String
    /// The line of the block's "Section ..." heading in the errata file (1-based; 0 when
    /// the block was made in memory).
    public var line: Int

    public init(section: String, paragraphLabel: String? = nil, old: Passage, new: Passage, notes: String = "", line: Int = 0) {
        self.section = section
        self.paragraphLabel = paragraphLabel
        self.old = old
        self.new = new
        self.notes = notes
        self.line = line
    }

    /// "Section 2.9, paragraphs 1-2", the heading reviewers write above OLD/NEW.
    public var heading: String {
        if let paragraphLabel { return "Section \(section), \(paragraphLabel)" }
        return "Section \(section)"
    }
}

/// A passage of OLD or NEW text as the author wrote it, indentation removed.
public struct Passage: Hashable, Sendable {
    /// The lines as written, common indentation removed, no leading or trailing blank lines.
    public var text: String

    public init(_ text: String) {
        self.text = Passage.dedent(text)
    }

    /// Paragraphs (separated by blank lines), each with white space folded to single spaces.
    public var paragraphs: [String] {
        Passage.paragraphs(of: text).map { $0.joined(separator: " ").whitespaceFolded }
    }

    public var isEmpty: Bool { paragraphs.isEmpty }

    /// The paragraphs' lines as written.
    static func paragraphs(of text: String) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { out.append(current); current = [] }
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Removes the indentation common to all non-blank lines, trailing spaces, and blank
    /// lines at both ends.
    static func dedent(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            return l
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.isEmpty ? "" : String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
}

extension StringProtocol {
    /// White space runs folded to one space, ends trimmed.
    var whitespaceFolded: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One `supported-by:` entry of an errata header: a sentence of the NEW text, quoted as
/// written, and the check whose passing supports it.
public struct NewTextSupport: Hashable, Sendable {
    public var check: String
    public var quote: String
    /// The errata file's line of the entry.
    public var line: Int

    public init(check: String, quote: String, line: Int) {
        self.check = check
        self.quote = quote
        self.line = line
    }
}
