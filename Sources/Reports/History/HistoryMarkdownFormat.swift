import History

/// The history as Markdown: the revisions, one table row per statement (its status in each
/// revision), then per statement with a text change, contradiction or clause its story.
public enum HistoryMarkdownFormat {
    public static func render(_ history: SeriesHistory, all: Bool) -> String {
        var out = ["# History of \(history.revisions.map(\.name).joined(separator: ", "))", ""]
        out.append("| revision | document | date | statements | file |")
        out.append("|---|---|---|---|---|")
        for r in history.revisions {
            out.append("| \(r.label) | \(r.name) | \(r.date?.description ?? "") | \(r.statementCount) | `\(r.metadata.file)` |")
        }
        let shown = all ? history.statements : history.statements.filter(\.isTracked)
        out.append("")
        out.append(all ? "Every statement (\(shown.count)):" : "\(shown.count) of \(history.statements.count) statements have a status in some revision:")
        out.append("")
        out.append("| statement | " + history.revisions.map(\.label).joined(separator: " | ") + " | life |")
        out.append("|---|" + String(repeating: "---|", count: history.revisions.count) + "---|")
        for h in shown {
            let cells = (1...max(history.revisions.count, 1)).map { cell(h.status(in: $0)) }
            out.append("| `\(h.key)` | " + cells.joined(separator: " | ") + " | \(ReviewMarkdownFormat.escape(h.lifeLine(revisionCount: history.revisions.count))) |")
        }
        for h in shown where !h.contradictions.isEmpty || !h.clauses.isEmpty || !h.changeLines.isEmpty {
            out.append("")
            out.append("## `\(h.key)`")
            out.append("")
            if let latest = h.latest { out.append("> " + ReviewMarkdownFormat.escape(latest.statement.text)); out.append("") }
            for span in h.contradictions { out.append("- contradicted: " + span.phrase) }
            for c in h.clauses { out.append("- clause \u{201C}\(ReviewMarkdownFormat.escape(c.clause))\u{201D}: " + c.phrase) }
            for c in h.changeLines { out.append("- `` \(c.text) ``") }
        }
        for e in history.errata {
            out.append("")
            out.append("## Errata `\(e.file)`")
            out.append("")
            for b in e.blocks {
                out.append("- \(b.change.heading): " + (b.adoptedIn.map { "**adopted in r\($0) \(history.revisions[$0 - 1].name)**" } ?? "not adopted"))
                for c in b.revisions { out.append("  - r\(c.revision): \(c.phrase)") }
            }
        }
        out.append("")
        out.append(HistoryTextFormat.summaryLine(history))
        return out.joined(separator: "\n") + "\n"
    }

    static func cell(_ s: RevisionStatus) -> String {
        switch s.verdict {
        case .contradicted: "**\(s.phrase)**"
        case .absent: "-"
        default: s.phrase
        }
    }
}
