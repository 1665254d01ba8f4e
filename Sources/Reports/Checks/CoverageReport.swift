import Linking

/// `draftcheck coverage`'s output formats.
public enum CoverageReportFormat: String, Sendable {
    case text, json
}

/// The catalog's coverage of its target sections, as `draftcheck coverage` writes it: a
/// table with a row per section, then a table per section by topic and level (text), or
/// the targets themselves (JSON: `[{"document", "section", "coverage"}]`).
public enum CoverageReport {
    public static func render(_ targets: [CoverageTarget], as format: CoverageReportFormat) throws -> String {
        switch format {
        case .json:
            return try StableJSON.encode(targets) + "\n"
        case .text:
            let rows = targets.map { target -> CoverageRow in
                var row = target.coverage.total
                row.key = "\(target.document) \(target.section)"
                return row
            }
            var out = CoverageTable.render(title: "Coverage by section (statements linked to at least one check)", rows: rows) + "\n"
            for target in targets {
                out += CoverageTable.render(title: "\(target.document) section \(target.section), by topic and level",
                                            rows: target.coverage.byTopic + target.coverage.byLevel) + "\n"
            }
            return out
        }
    }
}
