import Foundation
import History

/// The output formats of `draftcheck history`.
public enum HistoryFormat: String, Sendable, CaseIterable {
    case text, json, markdown, html

    /// `all`: text and Markdown list every statement, not only those linked in some revision
    /// (JSON and HTML always hold every one).
    public func render(_ history: SeriesHistory, toolVersion: String, all: Bool = false, color: Bool = false) throws -> String {
        switch self {
        case .text: HistoryTextFormat.render(history, all: all, color: color)
        case .json: try HistoryJSON.render(history, toolVersion: toolVersion)
        case .markdown: HistoryMarkdownFormat.render(history, all: all)
        case .html: HistoryHTMLFormat.render(history, toolVersion: toolVersion)
        }
    }
}

extension RevisionStatus {
    /// Four columns: "sup", "CON", "sup~"/"CON~" when drifted, "stal", "exm", "unl", "-", "FAIL", "ERR".
    var code: String {
        let base: String = switch verdict {
        case .supported: "sup"
        case .contradicted: "CON"
        case .drifted: "drf"
        case .stale: "stal"
        case .exempt: "exm"
        case .unlinked: "unl"
        case .absent: "-"
        case .failed: "FAIL"
        case .errored: "ERR"
        }
        return status == .drifted ? base + "~" : base
    }

    /// "contradicted", "drifted (contradicted)".
    var phrase: String { status == .drifted ? "drifted (\(verdict.rawValue))" : status.rawValue }
}

extension ContradictionSpan {
    /// "entered r2, mended r4 (reworded)", "entered r2, still contradicted in the latest".
    var phrase: String {
        guard let mended else { return "entered r\(entered), still contradicted in the latest revision" }
        return "entered r\(entered), mended r\(mended) (\(mend?.rawValue ?? ""))"
    }
}

extension ClauseHistory {
    /// "arrived r2, gone r4", "arrived r1, still there", "never present".
    var phrase: String {
        guard let arrived else { return "never present" }
        let head = arrived > 1 || present.first == nil ? "arrived r\(arrived)" : "present from r1"
        if let gone { return "\(head), gone r\(gone)" }
        return "\(head), still there"
    }
}

extension StatementHistory {
    /// "new in r1", "split from KEY in r3"; then "merged into KEY in r4" / "removed after r3".
    func lifeLine(revisionCount: Int) -> String {
        var parts = [splitFrom.map { "split from \($0.key) in r\($0.revision)" } ?? "first in r\(first)"]
        for s in splitInto { parts.append("split into \(s.key) in r\(s.revision)") }
        for m in mergedFrom { parts.append("absorbed \(m.key) in r\(m.revision)") }
        if let m = mergedInto {
            parts.append("merged into \(m.key) in r\(m.revision)")
        } else if !inLatest {
            parts.append("removed after r\(last)")
        }
        return parts.joined(separator: "; ")
    }

    /// The text changes, each "r2 edited (similar 0.87): wdiff".
    var changeLines: [(revision: Int, text: String)] {
        cells.compactMap { $0 }.compactMap { cell -> (Int, String)? in
            let c = cell.change
            guard c.kind != .new, c.kind != .unchanged || c.diff != nil else { return nil }
            let how = c.join.map { $0 == .similar ? "similar \(String(format: "%.2f", c.similarity))" : $0.rawValue } ?? ""
            let from = c.fromRevision.map { $0 == cell.revision - 1 ? "" : " from r\($0)" } ?? ""
            return (cell.revision, "r\(cell.revision) \(c.kind.rawValue)\(from) (\(how))" + (c.diff.map { ": " + $0.wdiff } ?? ""))
        }
    }
}

extension ErrataAdoptionCell {
    /// "adopted verbatim", "adopted with 2 word-level differences (NEW 98%, OLD 88%)",
    /// "proposed against this revision", "before the errata's document", "not adopted (...)".
    var phrase: String {
        let pct = { (d: Double) in "\(Int((d * 100).rounded(.down)))%" }
        if isTarget { return "proposed against this revision" }
        guard let adoption else { return "before the errata's document" }
        let measures = "NEW \(pct(adoption.similarity))" + (oldSimilarity.map { ", OLD \(pct($0))" } ?? "")
        if adopted {
            if adoption.verdict == .verbatim { return "adopted verbatim" }
            let n = adoption.differences.count
            return "adopted with \(n) word-level difference\(n == 1 ? "" : "s") (\(measures))"
        }
        return "not adopted (\(measures))"
    }
}

/// The compact table for a terminal: the revisions, then one row per statement with its
/// status in each revision, and under it where it came from, its word diffs, its
/// contradictions and its decisive clauses; then the errata.
public enum HistoryTextFormat {
    public static func render(_ history: SeriesHistory, all: Bool, color: Bool) -> String {
        let p = Palette(color: color)
        let n = history.revisions.count
        var out = ["\(p.heading)History of \(n) revision\(n == 1 ? "" : "s"), oldest first (\(history.checks) checks ran)\(p.reset)"]
        let nameWidth = history.revisions.map(\.name.count).max() ?? 0
        for r in history.revisions {
            let date = r.date?.description ?? (r.metadata.date ?? "no date")
            out.append("  \(r.label.padding(toLength: 4, withPad: " ", startingAt: 0))\(r.name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0))\(date.padding(toLength: 12, withPad: " ", startingAt: 0))\(String(r.statementCount).historyLeftPadded(4)) statements  \(r.metadata.file)")
        }
        let shown = all ? history.statements : history.statements.filter(\.isTracked)
        out.append("")
        if all {
            out.append("\(shown.count) statements (the latest revision's, then those removed on the way):")
        } else {
            out.append("\(shown.count) of \(history.statements.count) statements have a status in some revision (--all lists every one):")
        }
        let idWidth = max(9, shown.map(\.key.count).max() ?? 0)
        out.append(("statement".padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                   + history.revisions.map { $0.label.padding(toLength: 5, withPad: " ", startingAt: 0) }.joined()).historyTrimmingTrailingSpaces)
        for h in shown {
            let cells = (1...max(n, 1)).map { h.status(in: $0).code.padding(toLength: 5, withPad: " ", startingAt: 0) }.joined()
            let style = h.contradictions.isEmpty ? "" : (h.contradictions.contains { $0.mended == nil } ? p.removed : p.heading)
            out.append("\(style)\(h.key.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0))\(cells)\(style.isEmpty ? "" : p.reset)".historyTrimmingTrailingSpaces)
            if let latest = h.latest {
                out.append("    \"\(latest.statement.text.historyShortened(to: 96))\"")
            }
            out.append("    " + h.lifeLine(revisionCount: n))
            for c in h.changeLines { out.append("    " + colorDiff(c.text, p)) }
            for span in h.contradictions { out.append("    contradicted: " + span.phrase) }
            for c in h.clauses { out.append("    clause \"\(c.clause)\": " + c.phrase) }
        }
        out.append("")
        out.append("sup supported, CON contradicted, ~ drifted (reworded, the decisive clause still there), stal stale, exm exempt, unl unlinked, - absent, FAIL/ERR a check failed/errored")
        for e in history.errata {
            out.append("")
            out.append("\(p.heading)Errata \(e.file)\(p.reset) (against \(e.errata.document)\(e.target.map { ", r\($0)" } ?? ", not among the revisions"))")
            for b in e.blocks {
                out.append("  \(b.change.heading): " + (b.adoptedIn.map { "adopted in r\($0) \(history.revisions[$0 - 1].name)" } ?? "not adopted in any revision"))
                for c in b.revisions { out.append("    r\(c.revision): \(c.phrase)") }
            }
        }
        out.append("")
        out.append(summaryLine(history))
        return out.joined(separator: "\n") + "\n"
    }

    /// "Latest (r5 RFC 7296): 55 supported, 0 contradicted, ...; 1 contradiction entered, 1 mended."
    public static func summaryLine(_ history: SeriesHistory) -> String {
        guard let latest = history.revisions.last else { return "No revisions." }
        let counts = [HistoryStatus.supported, .contradicted, .drifted, .stale, .failed, .errored, .exempt, .unlinked]
            .map { "\(latest.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let spans = history.statements.flatMap(\.contradictions)
        let removed = history.statements.filter { !$0.inLatest }.count
        return "Latest (\(latest.label) \(latest.name)): \(counts); \(removed) statement\(removed == 1 ? "" : "s") removed on the way; contradictions: \(spans.count) entered, \(spans.filter { $0.mended != nil }.count) mended."
    }

    static func colorDiff(_ text: String, _ p: Palette) -> String {
        guard !p.reset.isEmpty else { return text }
        return text.replacingOccurrences(of: "[-", with: p.removed + "[-").replacingOccurrences(of: "-]", with: "-]" + p.reset)
            .replacingOccurrences(of: "{+", with: p.added + "{+").replacingOccurrences(of: "+}", with: "+}" + p.reset)
    }
}

extension String {
    func historyLeftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }

    var historyTrimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    /// At most `limit` characters, cut at a word with "..." when longer.
    func historyShortened(to limit: Int) -> String {
        guard count > limit else { return self }
        var cut = String(prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " ..."
    }
}
