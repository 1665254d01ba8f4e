import DraftDocument

/// From review to errata: a proposed change waiting for its NEW text, made for a statement
/// the checks contradict.
public enum ErrataSkeleton {
    /// An errata file for `statement` (its text as the review quotes it) in `section` of
    /// `document`: OLD is the whole paragraph of the source that holds the statement (the
    /// statement alone when no paragraph holds it), NEW is left to be written, and `checks`
    /// are listed as the motivation. `date` is a day as YYYY-MM-DD.
    public static func make(document: Document, section number: String, statement: String, checks: [String], reporter: String, date: String, type: ErrataFile.ChangeType = .technical, notes: String = "") throws -> ErrataFile {
        guard let section = document.section(numbered: number) else {
            throw ErrataError(.sectionNotFound, "section \(number) is not in the document", file: document.metadata.file)
        }
        let wanted = statement.whitespaceNormalized
        var old = wanted
        var label: String?
        for (index, block) in section.blocks.enumerated() {
            let paragraphs: [Paragraph] = {
                if case .paragraph(let p) = block { return [p] }
                return Section(number: nil, title: "", depth: 0, blocks: [block], location: block.location).paragraphs
            }()
            if let hit = paragraphs.first(where: { $0.content.normalizedText.contains(wanted) }) {
                old = hit.content.normalizedText
                label = "paragraph \(index + 1)"
                break
            }
        }
        let name = document.metadata.rfcNumber.map { "rfc\($0)" } ?? document.metadata.docName ?? document.metadata.seriesName
        let notesText = notes.isEmpty
            ? "Contradicted by the checks \(checks.joined(separator: ", ")); see the review's evidence."
            : notes
        return ErrataFile(
            document: name, section: number, type: type, reporter: reporter, date: date, checks: checks,
            notes: notesText,
            changes: [Change(section: number, paragraphLabel: label, old: Passage(fill(old)), new: Passage(""))])
    }

    /// One errata file for several statements of one section (file names are per section):
    /// a block per distinct paragraph, in the order given, every check listed once.
    public static func make(document: Document, section number: String, statements: [String], checks: [String], reporter: String, date: String) throws -> ErrataFile {
        guard let first = statements.first else {
            throw ErrataError(.malformed, "no statement to make an errata skeleton for", file: document.metadata.file)
        }
        var file = try make(document: document, section: number, statement: first, checks: checks, reporter: reporter, date: date)
        for statement in statements.dropFirst() {
            for change in try make(document: document, section: number, statement: statement, checks: checks, reporter: reporter, date: date).changes
            where !file.changes.contains(where: { $0.old == change.old }) {
                file.changes.append(change)
            }
        }
        return file
    }

    /// The file name `errata/` uses: "DOCUMENT-section-N".
    public static func fileName(for errata: ErrataFile) -> String {
        "\(errata.document)-section-\(errata.section).errata"
    }

    static func fill(_ text: String) -> String {
        Filling.fill(Filling.words([text]), firstLine: "", indent: "", width: 69).joined(separator: "\n")
    }
}

extension ErrataFile {
    /// The errata file's text, in the format `parse` reads (README "## Errata").
    public var formatted: String {
        var out = ["---"]
        out.append("document: \(document)")
        out.append("section: \"\(section)\"")
        out.append("type: \(type.rawValue)")
        out.append("reporter: \(yamlScalar(reporter))")
        out.append("date: \(date)")
        if checks.isEmpty {
            out.append("checks: []")
        } else {
            out.append("checks:")
            out.append(contentsOf: checks.map { "  - \(yamlScalar($0))" })
        }
        if let source { out.append("source: \(yamlScalar(source))") }
        out.append("---")
        if !notes.isEmpty {
            out.append("")
            out.append("NOTES:")
            out.append("")
            out.append(ErrataFormat.indented(notes))
        }
        for change in changes {
            out.append("")
            out += ErrataFormat.block(change, heading: change.heading, missingNew: nil)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func yamlScalar(_ s: String) -> String {
        let needsQuotes = s.isEmpty || s.contains(where: { ":#[]{},&*!|>'\"%@`".contains($0) }) || s.first == " " || s.last == " "
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
