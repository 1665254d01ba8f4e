import Checks
import DraftDocument
import Errata
import Linking
import Normative

/// Builds a `SeriesHistory`: orders the revisions, links each with one run of the catalog
/// (the pipeline `check` uses), and joins their statements: by the stable id first (the
/// same section and text hash, whatever the series prefix), then with `StatementMatcher`
/// (exact text in another section, normalised, similar words), each revision against the
/// last appearance of every statement seen so far, so a revision that leaves statements
/// out (an excerpt) shows them absent rather than removed and added again.
public struct HistoryBuilder: Sendable {
    public enum Order: Sendable {
        /// By draft revision, RFC number and date (`RevisionOrder`).
        case byRevision
        /// As given, oldest first (`--in-order`).
        case asGiven
    }

    /// An errata file to follow through the series: its parsed form and its path.
    public struct ErrataInput: Sendable {
        public var file: ErrataFile
        public var path: String
        public init(file: ErrataFile, path: String) {
            self.file = file
            self.path = path
        }
    }

    public var catalog: [Check]
    /// Exemptions (checks/exemptions), so an exempt statement's history says so.
    public var exemptions: [Exemption]
    public var matcher: StatementMatcher

    public init(catalog: [Check] = Catalog.all, exemptions: [Exemption] = [], matcher: StatementMatcher = StatementMatcher()) {
        self.catalog = catalog
        self.exemptions = exemptions
        self.matcher = matcher
    }

    /// Reads each revision's source (for the errata's adoption) from the document's path.
    public func history(of documents: [Document], order: Order = .byRevision, errata: [ErrataInput] = []) throws -> SeriesHistory {
        guard !documents.isEmpty else { throw HistoryError(.noRevisions, "no documents: give the revisions of one series") }
        let ordered: [Document]
        switch order {
        case .asGiven:
            try RevisionOrder.checkDistinct(documents.map(\.metadata))
            ordered = documents
        case .byRevision:
            ordered = try RevisionOrder.sorted(documents.map(\.metadata)).map { documents[$0] }
        }
        // The catalog runs while the revisions' statements are extracted; then each revision
        // is linked; both per revision on every core. Only the joining is sequential.
        let catalog = self.catalog
        let runSlot = ParallelWork.Slots<CatalogRun>(count: 1)
        let extractor = StatementExtractor()
        let extracted: [[Statement]] = try ParallelWork.map(ordered.count + 1) { i in
            if i == 0 {
                runSlot.set(0, CatalogRun.run(catalog))
                return []
            }
            return extractor.statements(in: ordered[i - 1])
        }
        let run = runSlot.values[0]!
        let linker = Linker(run: run, exemptions: exemptions)
        let linkedDocuments = try ParallelWork.map(ordered.count) { r in
            linker.link(ordered[r], statements: extracted[r + 1].map(LinkStatement.init))
        }
        var lineages: [Lineage] = []
        var revisions: [HistoryRevision] = []
        for (r, document) in ordered.enumerated() {
            let statements = extracted[r + 1]
            let linked = linkedDocuments[r]
            join(statements, linked: linked, revision: r, revisionCount: ordered.count, into: &lineages)
            var counts: [HistoryStatus: Int] = [:]
            for s in HistoryStatus.allCases where s != .absent { counts[s] = 0 }
            for l in lineages { if let c = l.cells[r] { counts[c.status.status, default: 0] += 1 } }
            revisions.append(HistoryRevision(number: r + 1, identity: linked.identity, metadata: document.metadata,
                                             date: document.metadata.date.flatMap(DocumentDate.init(parsing:)),
                                             counts: counts, statementCount: statements.count))
        }
        let histories = finish(lineages, revisionCount: ordered.count)
        let errataHistories = try errata.map { try ErrataFollower.follow($0, through: ordered, revisions: revisions) }
        return SeriesHistory(revisions: revisions, statements: histories, errata: errataHistories, checks: run.checks.count,
                             erroredChecks: run.checks.map(\.id).filter { run.result(for: $0)?.outcome != .passed && run.result(for: $0)?.outcome != .failed })
    }

    /// A statement's history while it is built: cells, the last appearance's statement
    /// (what the next revision is matched against), and links to other lineages by index.
    struct Lineage {
        var cells: [HistoryAppearance?]
        var last: Statement
        var lastRevision: Int
        var clauses: [(clause: String, checks: [String])] = []
        var splitFrom: (Int, Int)?
        var mergedInto: (Int, Int)?
        /// Order key of the last appearance: (revision, index in it).
        var position: (Int, Int)
    }

    func join(_ statements: [Statement], linked: LinkedDocument, revision r: Int, revisionCount: Int, into lineages: inout [Lineage]) {
        var linkedByID: [String: LinkedStatement] = [:]
        for s in linked.statements where linkedByID[s.statement.id] == nil { linkedByID[s.statement.id] = s }
        var linksByID: [String: [ClaimLink]] = [:]
        for l in linked.claims { for id in l.statementIDs { linksByID[id, default: []].append(l) } }

        var taken = [Bool](repeating: false, count: lineages.count)
        var assigned: [Int?] = Array(repeating: nil, count: statements.count)
        var changes: [HistoryChange?] = Array(repeating: nil, count: statements.count)

        // 1. The stable id without its series prefix: same section, same identity text.
        var bySuffix: [String: Int] = [:]
        for (i, l) in lineages.enumerated() {
            let key = Self.stableSuffix(l.last.id)
            if let j = bySuffix[key], lineages[j].lastRevision >= l.lastRevision { continue }
            bySuffix[key] = i
        }
        for (k, s) in statements.enumerated() {
            guard let i = bySuffix[Self.stableSuffix(s.id)], !taken[i] else { continue }
            taken[i] = true
            assigned[k] = i
            let diff = s.text == lineages[i].last.text ? nil : WordDiff(old: lineages[i].last.text, new: s.text, method: .wdiff)
            changes[k] = HistoryChange(kind: diff == nil ? .unchanged : .edited, join: .stableID, similarity: 1, diff: diff, fromRevision: lineages[i].lastRevision + 1)
        }

        // 2. StatementMatcher over what is left: every open lineage's last appearance.
        let oldIndices = lineages.indices.filter { !taken[$0] }
        let newIndices = statements.indices.filter { assigned[$0] == nil }
        let result = matcher.match(old: oldIndices.map { lineages[$0].last }, new: newIndices.map { statements[$0] })
        // The matcher works on values; find them back by id (unique within one side).
        var oldByID: [String: Int] = [:]
        for i in oldIndices where oldByID[lineages[i].last.id] == nil { oldByID[lineages[i].last.id] = i }
        var newByID: [String: Int] = [:]
        for k in newIndices { newByID[statements[k].id] = k }
        for m in result.matches {
            guard let i = oldByID[m.old.id], let k = newByID[m.new.id], !taken[i] else { continue }
            taken[i] = true
            assigned[k] = i
            let join: HistoryChange.Join = switch m.kind {
            case .exact: .exact
            case .normalised: .normalised
            case .similar: .similar
            }
            let kind: HistoryChange.Kind = m.old.section != m.new.section ? .moved : (m.old.text == m.new.text ? .unchanged : .edited)
            changes[k] = HistoryChange(kind: kind, join: join, similarity: m.similarity,
                                       diff: m.old.text == m.new.text ? nil : WordDiff(old: m.old.text, new: m.new.text, method: .wdiff),
                                       fromRevision: lineages[i].lastRevision + 1)
        }

        // 3. New lineages for what is still unmatched; then splits and merges.
        var lineageOfNewID: [String: Int] = [:]
        for k in statements.indices {
            if let i = assigned[k] {
                lineageOfNewID[statements[k].id] = i
                continue
            }
            lineages.append(Lineage(cells: Array(repeating: nil, count: revisionCount), last: statements[k], lastRevision: r, position: (r, k)))
            taken.append(true)
            assigned[k] = lineages.count - 1
            changes[k] = .new
            lineageOfNewID[statements[k].id] = lineages.count - 1
        }
        for g in matcher.regroupings(in: result) {
            switch g.kind {
            case .split:
                guard let from = oldByID[g.old.id], let to = lineageOfNewID[g.other.id] else { continue }
                lineages[to].splitFrom = (r, from)
            case .merged:
                guard let absorbed = oldByID[g.other.id], let into = lineageOfNewID[g.partner.id] else { continue }
                lineages[absorbed].mergedInto = (r, into)
            }
        }

        // 4. The cells: status from Linking, clauses of the claims touching the statement.
        for (k, s) in statements.enumerated() {
            guard let i = assigned[k], let change = changes[k] else { continue }
            let links = linksByID[s.id] ?? []
            let linkedStatement = linkedByID[s.id] ?? LinkedStatement(statement: LinkStatement(s), status: .unlinked, checkIDs: [])
            lineages[i].cells[r] = HistoryAppearance(revision: r + 1, statement: linkedStatement.statement,
                                                     status: RevisionStatus(from: linkedStatement),
                                                     checkIDs: linkedStatement.checkIDs, change: change)
            lineages[i].last = s
            lineages[i].lastRevision = r
            lineages[i].position = (r, k)
            for l in links {
                guard let clause = l.claim.clause else { continue }
                if let c = lineages[i].clauses.firstIndex(where: { $0.clause == clause }) {
                    if !lineages[i].clauses[c].checks.contains(l.checkID) { lineages[i].clauses[c].checks.append(l.checkID) }
                } else {
                    lineages[i].clauses.append((clause, [l.checkID]))
                }
            }
        }
    }

    /// Keys, cross references, contradiction spans, clause presence; the order reports use.
    func finish(_ lineages: [Lineage], revisionCount: Int) -> [StatementHistory] {
        let keys = lineages.map(\.last.id)
        var histories = lineages.enumerated().map { i, l -> StatementHistory in
            var h = StatementHistory(key: keys[i], cells: l.cells)
            h.splitFrom = l.splitFrom.map { HistoryReference(revision: $0.0 + 1, key: keys[$0.1]) }
            h.mergedInto = l.mergedInto.map { HistoryReference(revision: $0.0 + 1, key: keys[$0.1]) }
            h.contradictions = Self.contradictions(l.cells)
            h.clauses = l.clauses.map { c in
                ClauseHistory(clause: c.clause, checkIDs: c.checks, present: l.cells.map { $0.map { Self.clause(c.clause, isIn: $0.statement.text) } })
            }
            return h
        }
        for (i, l) in lineages.enumerated() {
            if let (r, from) = l.splitFrom { histories[from].splitInto.append(HistoryReference(revision: r + 1, key: keys[i])) }
            if let (r, into) = l.mergedInto { histories[into].mergedFrom.append(HistoryReference(revision: r + 1, key: keys[i])) }
        }
        let order = lineages.indices.sorted { a, b in
            let la = lineages[a], lb = lineages[b]
            let ina = la.lastRevision == revisionCount - 1, inb = lb.lastRevision == revisionCount - 1
            if ina != inb { return ina }
            return (la.position.0, la.position.1) < (lb.position.0, lb.position.1)
        }
        return order.map { histories[$0] }
    }

    static func contradictions(_ cells: [HistoryAppearance?]) -> [ContradictionSpan] {
        var spans: [ContradictionSpan] = []
        var open: Int?
        var previous: HistoryAppearance?
        for (r, cell) in cells.enumerated() {
            let contradicted = cell?.status.isContradiction ?? false
            if contradicted, open == nil {
                open = r
            } else if !contradicted, let entered = open {
                let mend: ContradictionSpan.Mend
                if let cell {
                    mend = previous.map { $0.statement.text != cell.statement.text } ?? false ? .reworded : .judgedOtherwise
                } else {
                    mend = .removed
                }
                spans.append(ContradictionSpan(entered: entered + 1, mended: r + 1, mend: mend))
                open = nil
            }
            if let cell { previous = cell }
        }
        if let entered = open { spans.append(ContradictionSpan(entered: entered + 1, mended: nil, mend: nil)) }
        return spans
    }

    /// Whether a claim's decisive clause is in a statement's text (white space, case and
    /// curly quotes aside). Linking's own clause finding (tolerant of small rewordings)
    /// replaces this once it exists.
    static func clause(_ clause: String, isIn text: String) -> Bool {
        ClauseFinder.find(clause, in: text) != nil
    }

    /// "rfc5996/2.9/cfa808" -> "2.9/cfa808": the id without its series, so the same
    /// sentence in the same section joins across RFC 4306, the bis drafts and RFC 5996.
    static func stableSuffix(_ id: String) -> String {
        guard let slash = id.firstIndex(of: "/") else { return id }
        return String(id[id.index(after: slash)...])
    }
}
