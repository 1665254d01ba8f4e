import Checks
import DraftDocument
import Errata
import Linking
import Normative

/// `draftcheck review`'s work on one document: its statements narrowed by a filter and,
/// with checks, each statement's status from a run of the whole catalog.
public struct DocumentReview: Sendable {
    public var document: Document
    public var report: ReviewReport
    /// With checks: the catalog run and the document linked against it.
    public var run: CatalogRun?
    public var linked: LinkedDocument?

    public init(_ document: Document, filter: StatementFilter = StatementFilter(), runningChecks: Bool = false,
                lowercaseKeywords: StatementExtractor.LowercaseKeywords = .auto, catalog: [Check] = Catalog.all,
                exemptions: [Exemption] = []) {
        self.document = document
        report = ReviewReport(StatementExtractor(lowercaseKeywords: lowercaseKeywords).analyze(document), filter: filter)
        run = runningChecks ? CatalogRun.run(catalog) : nil
        linked = run.map { Linker(run: $0, exemptions: exemptions).link(document) }
        if let linked { report = report.withStatuses(from: linked) }
    }

    /// Whether a check of the run errored (a draftcheck bug).
    public var checkErrored: Bool {
        guard let run else { return false }
        return run.counts[.errored, default: 0] > 0
    }

    /// One errata skeleton per section holding a contradicted statement the review shows
    /// (none without checks), in review order.
    public func errataSkeletons(date: String) throws -> [ErrataFile] {
        guard let linked else { return [] }
        return try report.errataSkeletons(linked: linked, document: document, date: date)
    }
}

extension ReviewReport {
    /// One skeleton per section holding a contradicted statement the review shows, listing
    /// the checks whose claims contradict those statements (in catalog order).
    public func errataSkeletons(linked: LinkedDocument, document: Document, date: String) throws -> [ErrataFile] {
        let contradicted = statements.filter { $0.status == .contradicted }
        var sections: [String] = []
        for s in contradicted where !sections.contains(s.section) { sections.append(s.section) }
        return try sections.map { section in
            let statements = contradicted.filter { $0.section == section }
            let ids = Set(statements.map(\.id))
            var checks: [String] = []
            for claim in linked.claims where claim.status == .contradicted && !ids.isDisjoint(with: claim.statementIDs) && !checks.contains(claim.checkID) {
                checks.append(claim.checkID)
            }
            return try ErrataSkeleton.make(document: document, section: section, statements: statements.map(\.text), checks: checks, reporter: "draftcheck", date: date)
        }
    }
}

/// The formats of `draftcheck review` and `draftcheck compare`.
public enum ReviewFormat: String, Sendable, CaseIterable {
    /// `json` on one line (JSON Lines): with several files, `review` writes one record each.
    case text, json, markdown, jsonl
}

extension ReviewReport {
    /// The report as `draftcheck review` writes it; `color` applies to text only.
    public func rendered(as format: ReviewFormat, color: Bool = false) throws -> String {
        switch format {
        case .text: ReviewTextFormat.render(self, color: color)
        case .json: try StableJSON.encode(self) + "\n"
        case .jsonl: try StableJSON.encodeLine(self) + "\n"
        case .markdown: ReviewMarkdownFormat.render(self)
        }
    }

    /// The report written through `emit` in pieces as it is rendered (a 50 MB draft's
    /// review is never held whole).
    public func write<E: Error>(as format: ReviewFormat, color: Bool = false, emit: (String) throws(E) -> Void) throws {
        try write(as: format, color: color, statements: statements, emit: emit)
    }

    /// The review of `analysis` written as `ReviewReport(analysis, filter: filter).write(as:color:emit:)`
    /// writes it, each statement made as it is written: the report's statements are never
    /// held beside the analysis' (871,200 of each in a 50 MB draft: some 150 MB more, every
    /// page of it new memory for the kernel to clear).
    public static func write<E: Error>(_ analysis: NormativeAnalysis, filter: StatementFilter = StatementFilter(), as format: ReviewFormat,
                                       color: Bool = false, emit: (String) throws(E) -> Void) throws {
        let head = ReviewReport(head: analysis)
        let statements = ReviewStatement.Streamed(filter.apply(analysis.statements))
        try head.write(as: format, color: color, statements: statements, emit: emit)
    }

    private func write<E: Error>(as format: ReviewFormat, color: Bool, statements: some Sequence<ReviewStatement>,
                                 emit: (String) throws(E) -> Void) throws {
        switch format {
        case .text: try ReviewTextFormat.render(self, statements: statements, color: color, emit: emit)
        case .json, .jsonl:
            var head = self
            head.statements = []
            try StableJSON.stream(head, array: "statements", elements: statements, compact: format == .jsonl, emit: emit)
            try emit("\n")
        case .markdown: try ReviewMarkdownFormat.render(self, statements: statements, emit: emit)
        }
    }
}

extension CompareReport {
    /// What happened to each statement of `old` in `new` (`draftcheck compare`).
    public init(old: Document, new: Document, includeUnchanged: Bool = false) {
        let extractor = StatementExtractor()
        self.init(RevisionComparison(old: extractor.analyze(old), new: extractor.analyze(new)), includeUnchanged: includeUnchanged)
    }

    /// The report as `draftcheck compare` writes it; `color` applies to text only.
    public func rendered(as format: ReviewFormat, color: Bool = false) throws -> String {
        switch format {
        case .text: CompareTextFormat.render(self, color: color)
        case .json: try StableJSON.encode(self) + "\n"
        case .jsonl: try StableJSON.encodeLine(self) + "\n"
        case .markdown: CompareMarkdownFormat.render(self)
        }
    }
}
