import Foundation
import Linking

/// The coverage table `draftcheck coverage` prints: one row per slice, counts per status.
public enum CoverageTable {
    public static let columns: [StatementStatus] = [.supported, .contradicted, .failed, .errored, .stale, .exempt, .unlinked]

    /// Rows as aligned text, with a header and the linked share.
    public static func render(title: String, rows: [CoverageRow]) -> String {
        let header = ["", "statements", "linked"] + columns.map(\.rawValue) + ["coverage"]
        var table = [header]
        for row in rows {
            table.append([row.key, "\(row.total)", "\(row.linked)"] + columns.map { "\(row.count($0))" }
                         + [row.total == 0 ? "-" : String(format: "%.0f%%", row.ratio * 100)])
        }
        let widths = (0..<header.count).map { c in table.map { $0[c].count }.max() ?? 0 }
        var out = title + "\n"
        for (i, r) in table.enumerated() {
            let cells = r.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - cell.count) + cell
            }
            out += cells.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}
