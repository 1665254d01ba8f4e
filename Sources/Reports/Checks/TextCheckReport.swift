import Checks
import DraftDocument
import Linking

/// The terminal report. By default a review in one screen: a summary line per document,
/// then per section each finding (contradicted, failed, errored: the statement, why the
/// claim bears on it, what ran and what came back in a few lines) and one line per other
/// judged statement, stale claims, and the unlinked statements of the sections the
/// document's PF_KEY/TS statements are in. `verbose` gives every input, expectation,
/// capture and note of the evidence instead.
public enum TextCheckReport {
    public struct Options: Sendable {
        /// Every piece of evidence, as the report printed before it was made compact.
        public var verbose: Bool
        /// ANSI colour on the status words.
        public var color: Bool
        /// Every unlinked statement, not only those of the PF_KEY/TS sections.
        public var allUnlinked: Bool

        public init(verbose: Bool = false, color: Bool = false, allUnlinked: Bool = false) {
            self.verbose = verbose
            self.color = color
            self.allUnlinked = allUnlinked
        }
    }

    /// Statement text is filled to this width (the quote is indented four columns).
    static let width = 76

    public static func render(_ report: CheckReport, options: Options = Options()) -> String {
        if options.verbose { return VerboseCheckText.render(report) }
        let p = Palette(color: options.color)
        var out = ""
        let seconds = report.run.results.values.map(\.duration.seconds).reduce(0, +)
        let counts = report.run.counts
        var ran = "\(report.run.checks.count) checks ran in \(String(format: "%.2f", seconds)) s"
        let bad = [CheckOutcome.failed, .errored].compactMap { o in counts[o].flatMap { $0 > 0 ? "\($0) \(o.rawValue)" : nil } }
        if !bad.isEmpty { ran += " (\(bad.joined(separator: ", ")))" }
        for document in report.documents {
            out += "\(p.heading)\(document.identity.series.isEmpty ? document.metadata.file : "\(document.identity)")\(p.reset): \(summary(document)); \(ran)\n"
        }
        if report.documents.isEmpty { out += "\(ran)\n" }
        for (check, result) in report.checkResults where result.outcome != .passed {
            out += "\n\(p.status(.failed))\(result.outcome.rawValue.uppercased())\(p.reset) \(check.id): \(check.title)\n"
            if let error = result.error { out += "  error: \(error)\n" }
            for o in result.evidence.unmet { out += "  \(o.label): expected \(o.expected), got \(o.actual)\n" }
        }
        for document in report.documents {
            out += render(document, report: report, options: options, palette: p)
        }
        return out
    }

    /// "1 contradicted, 4 supported, 1 unlinked of 6 statements"
    static func summary(_ document: LinkedDocument) -> String {
        let c = document.coverage.total
        let order: [StatementStatus] = [.contradicted, .failed, .errored, .stale, .supported, .exempt, .unlinked]
        let parts = order.filter { c.count($0) > 0 }.map { "\(c.count($0)) \($0.rawValue)" }
        let labels = [(indices(of: document.statements) { $0.pointee.isDrifted }.count, "drifted"), (c.inherited, "inherited")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return (parts.isEmpty ? "no" : parts.joined(separator: ", ") + " of") + " \(c.total) statement\(c.total == 1 ? "" : "s")"
            + (labels.isEmpty ? "" : " (\(labels.joined(separator: ", ")))")
    }

    static func render(_ document: LinkedDocument, report: CheckReport, options: Options, palette p: Palette) -> String {
        var out = ""
        // By position: a large draft's statements are mostly unlinked, and a copy of them all
        // (871,200 in a 50 MB draft) was a third of its check's memory.
        let statements = document.statements
        let judged = indices(of: statements) { $0.pointee.status != .unlinked && $0.pointee.status != .exempt }
        // Exempt statements are counted in the summary line; --unlinked lists them.
        let exempt = options.allUnlinked ? document.statements(.exempt) : []
        // Sections of the document's PF_KEY/TS statements: their unlinked statements are
        // the coverage gap a reviewer of this document cares about.
        var topical = Set<String>()
        for i in indices(of: statements, where: { !$0.pointee.statement.topics.isEmpty }) { topical.insert(statements[i].statement.section) }
        let unlinked = indices(of: statements) { $0.pointee.status == .unlinked && (options.allUnlinked || topical.contains($0.pointee.statement.section)) }
        let unlinkedCount = unlinked.count
        var section: String?
        for i in judged {
            let s = statements[i]
            let st = s.statement
            if st.section != section {
                section = st.section
                out += "\n\(p.heading)Section \(st.section)\(st.sectionTitle.isEmpty ? "" : " \(st.sectionTitle)")\(p.reset) (\(document.metadata.file))\n"
            }
            let links = CheckReport.links(of: s, in: document).filter { $0.status == s.status }
            let word = s.status == .contradicted || s.status == .failed || s.status == .errored ? s.status.phrase.uppercased() : s.status.phrase
            let place = "paragraph \(st.paragraph), line \(st.location.line)"
            switch s.status {
            case .contradicted, .failed, .errored:
                out += "  \(p.status(s.status))\(word)\(p.reset)  \(place)\(s.drift.map { ", \($0.label)" } ?? "")\n"
                out += quoted(marking(links.compactMap { $0.drift?.clauseFound ?? $0.claim.clause }, in: st.text), indent: "    ")
                if let drift = s.drift { out += reworded(drift) }
                for link in links {
                    if let why = link.claim.rationale { out += "    why: \(why)\n" }
                    let title = report.run.check(id: link.checkID)?.title ?? link.checkID
                    out += "    ran: \(link.checkID): \(title)\n"
                    if let from = link.inheritedFrom { out += "    inherited: the claim was written on \(from); this document says the same\n" }
                    if let result = report.run.result(for: link.checkID) {
                        out += "    came back: \(cameBack(result))\n"
                    }
                }
            default:
                let ids = s.checkIDs.joined(separator: ", ") + inherited(s)
                let label = s.isDrifted ? ", \(s.drift!.label)" : ""
                out += "  \(p.status(s.status))\(word)\(p.reset)  \(place)\(label): \"\(clipped(st.text, 60))\" (\(ids))\n"
                if s.status == .stale, let drift = s.drift {
                    out += "    clause gone: \"\(drift.clause)\"\n" + reworded(drift)
                }
            }
        }
        let stale = document.claims.filter { $0.match == nil }
        if !stale.isEmpty {
            out += "\n\(p.heading)Stale claims\(p.reset) (\(document.metadata.file): the quote is in no section)\n"
            for link in stale {
                out += "  \(link.checkID): Section \(link.claim.section) no longer says \"\(clipped(link.claim.quote, 60))\"\n"
            }
        }
        if !exempt.isEmpty {
            out += "\n\(p.heading)Exempt\(p.reset) (not checked on purpose: reason, then why)\n"
            for s in exempt {
                out += "  \(s.statement.id)  line \(s.statement.location.line): \"\(clipped(s.statement.text, 56))\"\n"
                if let e = s.exemption { out += "    \(e.reason.rawValue): \(e.note)\n" }
            }
        }
        if unlinkedCount > 0 {
            let all = document.coverage.total.count(.unlinked)
            let scope = options.allUnlinked || all == unlinkedCount ? "" : " in the sections above (--unlinked lists all \(all))"
            out += "\n\(p.heading)Unlinked\(p.reset)\(scope)\n"
            for i in unlinked {
                let st = statements[i].statement
                out += "  \(st.id)  line \(st.location.line): \"\(clipped(st.text, 56))\"\n"
            }
        }
        return out
    }

    /// The positions of the statements `test` accepts, each read where it lies: a
    /// statement passed by value, even from a buffer's subscript, is copied whole (a retain
    /// and a release of each of its references, four passes over every statement here).
    static func indices(of statements: [LinkedStatement], where test: (UnsafePointer<LinkedStatement>) -> Bool) -> [Int] {
        statements.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return [] }
            return all.indices.filter { test(base + $0) }
        }
    }

    /// What the check's expectations read, in one line: how many held, and how many of
    /// them on a real kernel's replies (the captures named).
    static func cameBack(_ result: CheckResult) -> String {
        let e = result.evidence
        if let error = result.error { return "errored: \(error)" }
        let held = e.observations.filter(\.holds)
        let unmet = e.unmet
        var line = "\(held.count) expectation\(held.count == 1 ? "" : "s") held"
        if !unmet.isEmpty { line += ", \(unmet.count) not (--verbose shows them)" }
        let real = held.filter { $0.label.hasPrefix("real kernel") }.count
        if real > 0 {
            line += "; \(real) on a real Linux kernel's replies"
            if !e.kernelCaptures.isEmpty { line += " (capture\(e.kernelCaptures.count == 1 ? "" : "s") \(e.kernelCaptures.joined(separator: ", ")))" }
        }
        return line
    }

    /// "; inherited from RFC 7296 section 2.9" when the status rests only on claims
    /// written against other documents.
    static func inherited(_ s: LinkedStatement) -> String {
        s.isInherited ? "; inherited from " + s.inheritedFrom.map(\.description).joined(separator: ", ") : ""
    }

    /// The claim's quote against the statement as it reads now, word by word.
    static func reworded(_ drift: Drift) -> String {
        TextRenderer.fill("reworded: " + drift.wordDiff, indent: 4, width: width) + "\n"
    }

    /// `text` with the first occurrence of each clause between » and «: the words the
    /// verdict rests on.
    static func marking(_ clauses: [String], in text: String) -> String {
        var out = text
        for clause in Set(clauses).sorted() {
            guard let range = out.range(of: clause) else { continue }
            out.replaceSubrange(range, with: "\u{BB}" + clause + "\u{AB}")
        }
        return out
    }

    /// `text` in quotes, filled to the report's width under `indent`.
    static func quoted(_ text: String, indent: String) -> String {
        TextRenderer.fill("\"\(text)\"", indent: indent.count, width: width) + "\n"
    }

    /// At most `limit` characters, cut at a word with "...". Walks at most `limit`
    /// characters: counting a long statement's characters first was 3% of a 10 MB check.
    static func clipped(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit, let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              limitIndex != text.endIndex else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " ..."
    }
}

extension Palette {
    /// The style of a status word.
    func status(_ status: StatementStatus) -> String {
        switch status {
        case .contradicted, .failed, .errored: keyword
        case .stale: topic
        case .supported: added
        case .exempt, .unlinked: dim
        }
    }
}
