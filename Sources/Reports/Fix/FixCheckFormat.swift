import Linking

/// The formats of `errata --check`.
public enum FixCheckFormat: String, Sendable, CaseIterable {
    case text, json

    public func render(_ fix: FixCheck) throws -> String {
        switch self {
        case .text: FixCheckText.render(fix)
        case .json: try StableJSON.encode(FixCheckJSON(fix)) + "\n"
        }
    }
}

/// Before and after, one statement a line, then the verdict.
enum FixCheckText {
    static func render(_ fix: FixCheck) -> String {
        let sections = fix.sections.map { "Section \($0)" }.joined(separator: ", ")
        var out = "\(fix.errata.document), \(sections): each statement before and after the proposed change (\(fix.run.checks.count) checks)\n\n"
        out += "  " + pad("before", 14) + pad("after", 14) + "statement\n"
        for row in fix.rows {
            let before = row.before.map { $0.status.rawValue } ?? "(new)"
            let after = row.after.map { $0.status.rawValue } ?? "(removed)"
            let text = (row.after ?? row.before)?.statement.text ?? ""
            var line = "  " + pad(before, 14) + pad(after, 14) + "\"" + TextCheckReport.clipped(text, 60) + "\""
            let checks = row.after?.checkIDs ?? []
            if !checks.isEmpty { line += " (\(checks.joined(separator: ", ")))" }
            out += line + "\n"
        }
        return out + "\nverdict: \(fix.verdict)\n"
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}

/// `errata --check --format json`.
struct FixCheckJSON: Encodable {
    struct Side: Encodable {
        var id: String
        var status: String
        var checks: [String]
        var line: Int
        var text: String
    }
    struct Row: Encodable {
        var section: String
        var before: Side?
        var after: Side?
    }
    var document: String
    var source: String
    var sections: [String]
    var rows: [Row]
    var verdict: String

    init(_ fix: FixCheck) {
        func side(_ s: LinkedStatement?) -> Side? {
            s.map { Side(id: $0.statement.id, status: $0.status.rawValue, checks: $0.checkIDs, line: $0.statement.location.line, text: $0.statement.text) }
        }
        document = fix.errata.document
        source = fix.sourcePath
        sections = fix.sections
        rows = fix.rows.map { Row(section: $0.section, before: side($0.before), after: side($0.after)) }
        verdict = fix.verdict
    }
}
