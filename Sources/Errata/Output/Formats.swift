import DraftDocument
import Plot

/// The forms reviewers send proposed text in, made from an errata file (and, when it was
/// anchored, the paragraph numbers the source gives).
public enum ErrataFormat {
    /// OLD/NEW blocks as reviewers write them in mail: "Section 2.9, paragraphs 1-2", then
    /// OLD: and NEW: with the text indented three spaces, as the errata file has it.
    public static func oldNew(_ errata: ErrataFile, anchored: [AnchoredChange] = []) -> String {
        var out: [String] = []
        for (n, change) in errata.changes.enumerated() {
            let heading = anchored.first { $0.change == change }?.heading ?? change.heading
            out += block(change, heading: heading, missingNew: "   [NEW TEXT TO BE WRITTEN]")
            if n < errata.changes.count - 1 { out.append("") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One block's lines: heading, OLD:, NEW: and NOTES: (when there are notes), each part's
    /// text indented three spaces; `missingNew` stands for an empty NEW.
    static func block(_ change: Change, heading: String, missingNew: String?) -> [String] {
        var out = [heading, "", "OLD:", "", indented(change.old.text), "", "NEW:", ""]
        if !change.new.isEmpty {
            out.append(indented(change.new.text))
        } else if let missingNew {
            out.append(missingNew)
        }
        if !change.notes.isEmpty { out += ["", "NOTES:", "", indented(change.notes)] }
        return out
    }

    /// An errata report with the fields of the RFC Editor's form (Type, Section, Original
    /// Text, Corrected Text, Notes, reporter, date).
    public static func report(_ errata: ErrataFile, anchored: [AnchoredChange] = []) -> String {
        var out: [String] = []
        out.append("Errata report for \(errata.document)")
        out.append("")
        out.append("Type: \(errata.type.title)")
        let sections = Array(Set(errata.changes.map(\.section) + [errata.section])).sorted()
        out.append("Section: \(sections.joined(separator: ", "))")
        out.append("Reported by: \(errata.reporter)")
        out.append("Date reported: \(errata.date)")
        if !errata.checks.isEmpty { out.append("Motivating checks: \(errata.checks.joined(separator: ", "))") }
        if let source = errata.source { out.append("Source: \(source)") }
        func texts(_ title: String, _ text: (Change) -> String) {
            out.append("")
            out.append(title)
            out.append(String(repeating: "-", count: title.count))
            for change in errata.changes {
                out.append("")
                if errata.changes.count > 1 {
                    out.append(anchored.first { $0.change == change }?.heading ?? change.heading)
                    out.append("")
                }
                out.append(text(change))
            }
        }
        texts("Original Text") { indented($0.old.text) }
        texts("Corrected Text") { $0.new.isEmpty ? "   [NEW TEXT TO BE WRITTEN]" : indented($0.new.text) }
        out.append("")
        out.append("Notes")
        out.append("-----")
        out.append("")
        var notes = errata.notes.isEmpty ? [] : [indented(errata.notes)]
        for change in errata.changes where !change.notes.isEmpty {
            notes.append(indented("\(change.heading): \(change.notes)"))
        }
        out.append(notes.isEmpty ? "   (none)" : notes.joined(separator: "\n\n"))
        return out.joined(separator: "\n") + "\n"
    }

    /// Word diff of each block, for a terminal (colour) or plain (`[-old-]{+new+}`).
    public static func wordDiff(_ errata: ErrataFile, anchored: [AnchoredChange] = [], color: Bool) -> String {
        var out: [String] = []
        for change in errata.changes {
            out.append(anchored.first { $0.change == change }?.heading ?? change.heading)
            out.append("")
            let oldParagraphs = change.old.paragraphs.joined(separator: " \u{B6} ")
            let newParagraphs = change.new.paragraphs.joined(separator: " \u{B6} ")
            out.append(WordDiff(old: oldParagraphs, new: newParagraphs, method: .myers).rendered(color: color))
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// A standalone HTML page: each block's OLD and NEW side by side, word changes marked.
    public static func html(_ errata: ErrataFile, anchored: [AnchoredChange] = []) -> String {
        let rows: [Node<HTML.BodyContext>] = errata.changes.map { change in
            let heading = anchored.first { $0.change == change }?.heading ?? change.heading
            let cells = WordDiff(old: change.old.paragraphs.joined(separator: " \u{B6} "),
                                 new: change.new.paragraphs.joined(separator: " \u{B6} "), method: .myers).htmlCells()
            return .group(
                .h2(.text(heading)),
                .table(
                    .tr(.th(.text("OLD")), .th(.text("NEW"))),
                    .tr(.td(cells.old), .td(cells.new))
                )
            )
        }
        let page = HTML(
            .head(
                .title("Proposed change to \(errata.document), section \(errata.section)"),
                .style("""
                body{font-family:sans-serif;max-width:80em;margin:auto}
                table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.5em;vertical-align:top;width:50%}
                del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
                """)
            ),
            .body(
                .h1(.text("\(errata.document), section \(errata.section) (\(errata.type.rawValue))")),
                .p(.text("Reported by \(errata.reporter) on \(errata.date)")),
                .group(rows),
                .if(!errata.notes.isEmpty, .group(.h2(.text("Notes")), .group(Passage.paragraphs(of: errata.notes).map { .p(.text($0.joined(separator: " "))) })))
            )
        )
        return page.render(indentedBy: .spaces(1))
    }

    static func indented(_ text: String) -> String { BlockFill.indented(text) }
}
