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
            out += goals(targets) + "\n"
            for target in targets {
                out += CoverageTable.render(title: "\(target.document) section \(target.section), by topic and level",
                                            rows: target.coverage.byTopic + target.coverage.byLevel) + "\n"
            }
            if unlinked {
                for target in targets where !target.unlinked.isEmpty {
                    out += "Unlinked in \(target.document) section \(target.section) (\(target.unlinked.count), neither linked nor exempt)\n"
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

    /// The issue's three targets per section, each met or missed:
    /// `RFC 2367 2  BCP 14 linked 43/48 90% >=90% met ...`.
    static func goals(_ targets: [CoverageTarget]) -> String {
        var table = [["", "BCP 14 linked (>=90%)", "topical linked (>=60%)", "linked or exempt (100%)"]]
        for target in targets {
            table.append(["\(target.document) \(target.section)"] + target.goals.map { g in
                "\(g.count)/\(g.total) \(String(format: "%.0f%%", (g.ratio * 100).rounded(.down))) \(g.met ? "met" : "MISSED")"
            })
        }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        let missed = targets.flatMap(\.goals).filter { !$0.met }.count
        var out = "Targets (issue 15): \(missed == 0 ? "all met" : "\(missed) missed")\n"
        for (i, row) in table.enumerated() {
            out += row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}
