import Checks
import Linking

/// Comments in the form IETF reviewers paste into mail (ietf-reviewtool's "ietf-comments"
/// style): a heading per location, "Section X, paragraph Y", the text quoted, then the
/// comment. Contradicted statements first (they want text changes), then failed/errored
/// checks and stale claims; supported and exempt ones are summarised, not quoted.
public enum MarkdownCheckReport {
    public static func render(_ report: CheckReport) -> String {
        var out = ""
        for document in report.documents {
            out += "# draftcheck review of \(document.identity)\n\n"
            out += "CC @draftcheck \(report.toolVersion): \(report.run.checks.count) executable checks; "
            let c = document.coverage.total
            out += "\(c.total) statements: " + CoverageTable.columns.map { "\(c.count($0)) \($0.rawValue)" }.joined(separator: ", ") + ".\n\n"
            let contradicted = document.statements(.contradicted)
            let broken = document.statements.filter { $0.status == .failed || $0.status == .errored }
            if !contradicted.isEmpty {
                out += "## Comments\n\n"
                for s in contradicted { out += comment(s, document, report) }
            }
            if !broken.isEmpty {
                out += "## Checks that did not run clean (draftcheck's own bugs)\n\n"
                for s in broken { out += comment(s, document, report) }
            }
            let stale = document.staleClaims
            if !stale.isEmpty {
                out += "## Stale links\n\n"
                for l in stale {
                    out += "### Section \(l.claim.section)\n\nCheck `\(l.checkID)` quotes text this revision "
                    if let d = l.drift {
                        out += "carries only reworded (\(d.label)), without the clause its verdict rests on (\"\(d.clause)\"):\n\n"
                    } else {
                        out += l.match == nil ? "no longer carries:\n\n" : "carries only approximately (\(l.match!.label)):\n\n"
                    }
                    out += quoteBlock(l.claim.quote)
                    if let m = l.match, m.kind == .fuzzy { out += "The document says:\n\n" + quoteBlock(m.matchedText) }
                    if let d = l.drift { out += "Word by word: \(d.wordDiff)\n\n" }
                }
            }
            let supported = document.statements(.supported)
            if !supported.isEmpty {
                out += "## Supported by checks\n\n"
                for s in supported {
                    out += "* Section \(s.statement.section), paragraph \(s.statement.paragraph): \(s.checkIDs.map { "`\($0)`" }.joined(separator: ", "))\(s.isDrifted ? " (\(s.drift!.label))" : "")\(s.isInherited ? " (inherited from \(s.inheritedFrom.map(\.description).joined(separator: ", ")))" : "")\n"
                }
                out += "\n"
            }
            let exempt = document.statements(.exempt)
            if !exempt.isEmpty {
                out += "## Not checked on purpose (exempt)\n\n"
                for s in exempt {
                    let e = s.exemption
                    out += "* Section \(s.statement.section), paragraph \(s.statement.paragraph) (\(e?.reason.rawValue ?? "exempt")): \(e?.note ?? "")\n"
                }
                out += "\n"
            }
        }
        return out
    }

    static func comment(_ s: LinkedStatement, _ document: LinkedDocument, _ report: CheckReport) -> String {
        var out = "### Section \(s.statement.section), paragraph \(s.statement.paragraph)\n\n"
        out += quoteBlock(s.statement.text)
        if s.isDrifted, let d = s.drift {
            out += "The check's claim quotes this statement as it read before (\(d.label)); the clause its verdict rests on is still there (\"\(d.clauseFound ?? d.clause)\"). Word by word: \(d.wordDiff)\n\n"
        }
        for link in CheckReport.links(of: s, in: document) where link.status == s.status {
            guard let check = report.run.check(id: link.checkID), let result = report.run.result(for: link.checkID) else { continue }
            out += "\(s.status == .contradicted ? "This is contradicted by" : "The \(s.status.phrase) check") `\(check.id)` (\(check.title)).\n"
            if let from = link.inheritedFrom { out += "The claim was written on \(from); this document says the same.\n" }
            if let why = link.claim.rationale { out += why + "\n" }
            out += "\n"
            for o in result.evidence.observations { out += "* \(o.label): \(o.actual)\(o.holds ? "" : " (expected \(o.expected))")\n" }
            for n in result.evidence.notes { out += "* Note: \(n)\n" }
            for k in result.evidence.kernelCaptures { out += "* Linux af_key capture: `\(k)`\n" }
            out += "\n"
        }
        return out
    }

    /// Quoted text as ietf-comments writes it: a fenced block, indented, wrapped at 72.
    static func quoteBlock(_ text: String) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > 68 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return "```\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n```\n\n"
    }
}
