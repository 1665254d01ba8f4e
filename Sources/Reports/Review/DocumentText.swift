import DraftDocument

/// A document, or one section of it, as xml2rfc's text output lays it out
/// (`draftcheck render`).
public enum DocumentText {
    /// `section` is a number ("2.9", "A.1") or an anchor; an unknown one throws
    /// `DocumentError.sectionNotFound` naming `file`. Sections are separated by a blank line.
    public static func render(_ document: Document, section: String? = nil, file: String) throws -> String {
        guard let section else {
            return document.sections.map { TextRenderer.render($0) }.joined(separator: "\n\n")
        }
        guard let found = document.section(numbered: section) ?? document.section(anchored: section) else {
            throw DocumentError(.sectionNotFound, "\(file): no section \(section)")
        }
        return TextRenderer.render(found)
    }
}
