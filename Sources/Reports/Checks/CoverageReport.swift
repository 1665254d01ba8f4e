import Linking

/// `draftcheck coverage`'s output formats.
public enum CoverageReportFormat: String, Sendable {
    case text, json
}

/// The catalog's coverage of its target sections, as `draftcheck coverage` writes it: a
/// table with a row per section, then a table per section by topic and level (text), or
/// the targets themselves (JSON: `[{"document", "section", "coverage"}]`).
public enum CoverageReport {
    /// `unlinked`: after the tables, each section's unlinked statements (text; JSON always
    /// carries them).
    public static func render(_ targets: [CoverageTarget], as format: CoverageReportFormat, unlinked: Bool = false) throws -> String {
        switch format {
        case .json:
            return try StableJSON.encode(targets) + "\n"
        case .text:
            let rows = targets.map { target -> CoverageRow in
                var row = target.coverage.total
                row.key = "\(target.document) \(target.section)"
                return row
            }
            var out = CoverageTable.render(title: "Coverage by section (statements linked to at least one check)", rows: rows)
            // Links a section has only through claims written on other documents.
            for row in rows where row.inherited > 0 {
                out += "  \(row.key): \(row.inherited) of the \(row.linked) linked through claims inherited from other documents\n"
            }
            out += "\n"
            for target in targets {
                out += CoverageTable.render(title: "\(target.document) section \(target.section), by topic and level",
                                            rows: target.coverage.byTopic + target.coverage.byLevel) + "\n"
            }
            if unlinked {
                for target in targets where !target.unlinked.isEmpty {
                    out += "Unlinked in \(target.document) section \(target.section) (\(target.unlinked.count))\n"
                    for s in target.unlinked {
                        let level = s.levels.isEmpty ? "" : " [\(s.levels.joined(separator: ", "))]"
                        out += "  \(s.id)  line \(s.line)\(level): \"\(TextCheckReport.clipped(s.text, 64))\"\n"
                    }
                    out += "\n"
                }
            } else if targets.contains(where: { !$0.unlinked.isEmpty }) {
                out += "(--unlinked lists the \(targets.map(\.unlinked.count).reduce(0, +)) unlinked statements with their ids)\n"
            }
            return out
        }
    }
}
