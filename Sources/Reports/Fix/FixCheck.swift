import Checks
import DraftDocument
import Errata
import Foundation
import Linking
import Normative

/// `draftcheck errata FILE --check`: the proposed change applied in memory, the patched
/// source read again and judged by the same catalog run as the original, and the changed
/// sections' statements set side by side, before and after. A fix is proved when the
/// contradiction is gone and no new one appears.
public struct FixCheck: Sendable {
    /// One statement of a changed section, before and after the change: the same
    /// statement on both sides when its text is unchanged (white space and case aside).
    public struct Row: Sendable, Equatable {
        public var section: String
        public var before: LinkedStatement?
        public var after: LinkedStatement?
    }

    public var errata: ErrataFile
    public var sourcePath: String
    public var sections: [String]
    public var rows: [Row]
    public var run: CatalogRun

    /// Statuses of the changed sections' statements after the change.
    public var statusesAfter: Set<StatementStatus> { Set(rows.compactMap { $0.after?.status }) }

    public static func make(errataFile path: String, draft: String?, checks: [Check] = Catalog.all, bundled: String = "drafts") throws -> FixCheck {
        let (errata, sourcePath, result) = try ErrataFile.patch(errataFile: path, draft: draft, bundled: bundled)
        let original = try DocumentReader.read(path: sourcePath)
        let patched = try DocumentReader.read(data: Data(result.patched), path: sourcePath)
        let run = CatalogRun.run(try proposalClaims(errata, file: path, added: checks))
        let linker = Linker(run: run)
        let before = linker.link(original), after = linker.link(patched)
        var sections: [String] = []
        for change in result.anchored.map(\.change) where !sections.contains(change.section) { sections.append(change.section) }
        var rows: [Row] = []
        for section in sections {
            let old = before.statements.filter { $0.statement.section == section }
            var new = after.statements.filter { $0.statement.section == section }
            for statement in old {
                let key = StatementIdentity.matchingKey(statement.statement.text)
                if let i = new.firstIndex(where: { StatementIdentity.matchingKey($0.statement.text) == key }) {
                    // Statements of the new text before this one were added.
                    rows += new[..<i].map { Row(section: section, before: nil, after: $0) }
                    rows.append(Row(section: section, before: statement, after: new[i]))
                    new.removeSubrange(...i)
                } else {
                    rows.append(Row(section: section, before: statement, after: nil))
                }
            }
            rows += new.map { Row(section: section, before: nil, after: $0) }
        }
        return FixCheck(errata: errata, sourcePath: sourcePath, sections: sections, rows: rows, run: run)
    }

    /// The catalog with the errata's `supported-by:` entries added as claims of their
    /// checks on the document's series, in the section the change is about.
    static func proposalClaims(_ errata: ErrataFile, file: String, added checks: [Check]) throws -> [Check] {
        var checks = checks
        let series = DocumentIdentity(parsing: errata.document)?.series ?? errata.document
        for support in errata.supportedBy {
            guard let i = checks.firstIndex(where: { $0.id == support.check }) else {
                throw ErrataError(.malformed, "supported-by: no check \"\(support.check)\" in the catalog", file: file, line: support.line)
            }
            guard errata.changes.contains(where: { StatementIdentity.matchingKey($0.new.paragraphs.joined(separator: " ")).contains(StatementIdentity.matchingKey(support.quote)) }) else {
                throw ErrataError(.malformed, "supported-by: \"\(support.quote)\" is not in any NEW text of the file", file: file, line: support.line)
            }
            checks[i].claims.append(.supports(series, section: errata.section, support.quote, rationale: "The proposed text, as \(errata.reporter) wrote it."))
        }
        return checks
    }

    /// The verdict in one sentence.
    public var verdict: String {
        let was = rows.filter { $0.before?.status == .contradicted }.count
        let remains = rows.filter { $0.after?.status == .contradicted && $0.before?.status == .contradicted }.count
        let new = rows.filter { $0.after?.status == .contradicted && $0.before?.status != .contradicted }.count
        switch (was, remains, new) {
        case (0, _, 0): return "no statement of the changed section\(sections.count == 1 ? " was" : "s were") contradicted before or after the change."
        case (_, 0, 0): return "the change removes the contradiction\(was == 1 ? "" : "s") (\(was) contradicted before, none after)."
        default:
            var parts: [String] = []
            if remains > 0 { parts.append("\(remains) contradiction\(remains == 1 ? "" : "s") remain\(remains == 1 ? "s" : "")") }
            if new > 0 { parts.append("the new text makes \(new) new contradiction\(new == 1 ? "" : "s")") }
            return "the change does not fix everything: " + parts.joined(separator: "; ") + "."
        }
    }
}
