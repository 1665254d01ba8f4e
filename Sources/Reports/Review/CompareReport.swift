import DraftDocument
import Foundation
import Normative

/// `draftcheck compare OLD NEW` as plain values; its JSON is this struct.
public struct CompareReport: Codable, Hashable, Sendable {
    public var old: ReviewDocument
    public var new: ReviewDocument
    /// Every kind (unchanged, edited, moved, added, removed) with its count.
    public var summary: [String: Int]
    public var changes: [Change]

    public struct Change: Codable, Hashable, Sendable {
        public var kind: String
        /// exact, normalised or similar; nil for added and removed.
        public var match: String?
        public var similarity: Double?
        public var old: ReviewStatement?
        public var new: ReviewStatement?
        /// wdiff notation (`[-old-] {+new+}`) when the texts differ.
        public var diff: String?
        public var segments: [WordDiff.Segment]?
    }

    /// `includeUnchanged: false` leaves unchanged statements out of `changes` (they stay
    /// counted in the summary).
    public init(_ comparison: RevisionComparison, includeUnchanged: Bool = false) {
        old = ReviewDocument(comparison.old)
        new = ReviewDocument(comparison.new)
        summary = Dictionary(uniqueKeysWithValues: comparison.summary.map { ($0.key.rawValue, $0.value) })
        changes = comparison.changes.filter { includeUnchanged || $0.kind != .unchanged }.map { c in
            Change(kind: c.kind.rawValue, match: c.match?.rawValue,
                   similarity: c.similarity.map { ($0 * 1000).rounded() / 1000 },
                   old: c.old.map(ReviewStatement.init), new: c.new.map(ReviewStatement.init),
                   diff: c.diff?.wdiff, segments: c.diff?.segments)
        }
    }

    /// The changes as sentences: a sentence with two keywords is two statements ("they MUST
    /// NOT silently re-use this PPK ... and MUST re-negotiate"), changed together; a reader
    /// reads it once. Consecutive changes of one kind to the same sentence, old and new.
    public var sentenceGroups: [[Change]] {
        var groups: [[Change]] = []
        for c in changes {
            if let last = groups.last?.last, Self.sameSentence(last, c) {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        return groups
    }

    private static func sameSentence(_ a: Change, _ b: Change) -> Bool {
        func key(_ s: ReviewStatement?) -> [String]? {
            s.map { [$0.section, String($0.paragraph), String($0.sentence), String($0.line), $0.text] }
        }
        return a.kind == b.kind && key(a.old) == key(b.old) && key(a.new) == key(b.new)
    }

    /// "(2 statements: MUST NOT, MUST)" after a sentence changed as more than one statement.
    static func statementsNote(_ group: [Change]) -> String {
        guard group.count > 1 else { return "" }
        let levels = group.compactMap { ($0.new ?? $0.old)?.levels.first }
        return "  (\(group.count) statements: \(levels.joined(separator: ", ")))"
    }

    /// "unchanged 812, edited 41, moved 3, added 25, removed 7"
    public var summaryLine: String {
        StatementChange.Kind.allCases.map { "\($0.rawValue) \(summary[$0.rawValue] ?? 0)" }.joined(separator: ", ")
    }
}

/// The comparison for a terminal: each change under its section with the word diff.
public enum CompareTextFormat {
    public static func render(_ report: CompareReport, color: Bool) -> String {
        let p = Palette(color: color)
        var out = ["\(p.heading)\(report.old.name) -> \(report.new.name)\(p.reset)"]
        for group in report.sentenceGroups {
            let c = group[0]
            out.append("")
            let where_ = location(c)
            let how = c.match.map { m in " (\(m)\(c.similarity.map { $0 < 1 ? String(format: " %.2f", $0) : "" } ?? ""))" } ?? ""
            out.append("\(p.heading)\(c.kind)\(p.reset)\(how)  \(where_)\(CompareReport.statementsNote(group))")
            if let segments = c.segments {
                out.append("    " + segments.map { s in
                    switch s.kind {
                    case .same: s.text
                    case .removed: "\(p.removed)[-\(s.text)-]\(p.reset)"
                    case .added: "\(p.added){+\(s.text)+}\(p.reset)"
                    }
                }.joined(separator: " "))
            } else if let s = c.new ?? c.old {
                let style = c.kind == "added" ? p.added : c.kind == "removed" ? p.removed : ""
                out.append("    \(style)\(s.text)\(style.isEmpty ? "" : p.reset)")
            }
        }
        out.append("")
        out.append("Summary: " + report.summaryLine)
        return out.joined(separator: "\n") + "\n"
    }

    static func location(_ c: CompareReport.Change) -> String {
        func at(_ s: ReviewStatement) -> String { "Section \(s.section), paragraph \(s.paragraph), line \(s.line)" }
        switch (c.old, c.new) {
        case let (o?, n?): return o.section == n.section && o.line == n.line ? at(n) : "\(at(o)) -> \(at(n))"
        case let (o?, nil): return at(o)
        case let (nil, n?): return at(n)
        default: return ""
        }
    }
}

/// The comparison as Markdown: OLD/NEW blocks as reviewers quote them in mail.
public enum CompareMarkdownFormat {
    public static func render(_ report: CompareReport) -> String {
        var out = ["# \(report.old.name) -> \(report.new.name)", ""]
        out.append("| " + StatementChange.Kind.allCases.map(\.rawValue).joined(separator: " | ") + " |")
        out.append("|" + String(repeating: "---|", count: StatementChange.Kind.allCases.count))
        out.append("| " + StatementChange.Kind.allCases.map { String(report.summary[$0.rawValue] ?? 0) }.joined(separator: " | ") + " |")
        for group in report.sentenceGroups {
            let c = group[0]
            out.append("")
            out.append("## \(c.kind): \(CompareTextFormat.location(c))\(CompareReport.statementsNote(group))")
            out.append("")
            if let o = c.old, c.kind != "added" { out.append("OLD:"); out.append(""); out.append("> " + ReviewMarkdownFormat.escape(o.text)); out.append("") }
            if let n = c.new, c.kind != "removed" { out.append("NEW:"); out.append(""); out.append("> " + ReviewMarkdownFormat.escape(n.text)); out.append("") }
            if let d = c.diff { out.append("Word diff: `` \(d) ``") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
