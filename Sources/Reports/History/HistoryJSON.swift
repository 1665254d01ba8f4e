import Foundation
import History

/// `draftcheck history --format json`: schema "draftcheck-history" version 1 (README
/// "## History" documents every field, as it does the check report's). Revisions are
/// 1-based numbers ("r1" is 1). Keys sorted, as every JSON output here. Removing or renaming a field bumps `schemaVersion`; adding one does not.
public enum HistoryJSON {
    public static let schemaName = "draftcheck-history"
    public static let schemaVersion = 1

    public struct Root: Codable, Sendable {
        public var schema: String
        public var schemaVersion: Int
        public var tool: JSONCheckReport.Tool
        public var checks: Int
        public var revisions: [Revision]
        public var statements: [Statement]
        public var errata: [Errata]
        public var summary: Summary
    }

    public struct Revision: Codable, Sendable {
        public var number: Int
        public var name: String
        public var series: String
        public var revision: String?
        public var file: String
        public var format: String
        /// As the document writes it.
        public var date: String?
        /// "2009-07-08", "2005-12": what the order used.
        public var sortDate: String?
        public var statements: Int
        /// Every status but absent, with its count.
        public var counts: [String: Int]
    }

    public struct Statement: Codable, Sendable {
        /// The stable id of its last appearance.
        public var key: String
        public var inLatest: Bool
        public var firstRevision: Int
        public var lastRevision: Int
        public var splitFrom: Reference?
        public var splitInto: [Reference]
        public var mergedInto: Reference?
        public var mergedFrom: [Reference]
        /// One entry per revision, absent ones included.
        public var revisions: [Cell]
        public var contradictions: [Span]
        public var clauses: [Clause]
    }

    public struct Reference: Codable, Sendable {
        public var revision: Int
        public var key: String
    }

    public struct Cell: Codable, Sendable {
        public var revision: Int
        /// supported, contradicted, drifted, stale, exempt, unlinked, absent, failed, errored.
        public var status: String
        /// For drifted: supported or contradicted; otherwise the status.
        public var verdict: String
        public var id: String?
        public var section: String?
        public var paragraph: Int?
        public var line: Int?
        public var levels: [String]?
        public var text: String?
        public var checks: [String]?
        /// new, unchanged, edited, moved.
        public var change: String?
        /// stable-id, exact, normalised, similar.
        public var join: String?
        public var similarity: Double?
        public var fromRevision: Int?
        /// wdiff notation against the previous appearance.
        public var diff: String?
    }

    public struct Span: Codable, Sendable {
        public var entered: Int
        public var mended: Int?
        /// reworded, judged-otherwise, removed.
        public var mend: String?
    }

    public struct Clause: Codable, Sendable {
        public var clause: String
        public var checks: [String]
        /// Per revision: null where the statement is absent.
        public var present: [Bool?]
        public var arrived: Int?
        public var gone: Int?

        enum CodingKeys: String, CodingKey { case clause, checks, present, arrived, gone }

        public init(clause: String, checks: [String], present: [Bool?], arrived: Int?, gone: Int?) {
            self.clause = clause
            self.checks = checks
            self.present = present
            self.arrived = arrived
            self.gone = gone
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            clause = try c.decode(String.self, forKey: .clause)
            checks = try c.decode([String].self, forKey: .checks)
            present = try c.decode([Bool?].self, forKey: .present)
            arrived = try c.decodeIfPresent(Int.self, forKey: .arrived)
            gone = try c.decodeIfPresent(Int.self, forKey: .gone)
        }

        /// `present` keeps its nulls (one entry per revision).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(clause, forKey: .clause)
            try c.encode(checks, forKey: .checks)
            var list = c.nestedUnkeyedContainer(forKey: .present)
            for p in present {
                if let p { try list.encode(p) } else { try list.encodeNil() }
            }
            try c.encodeIfPresent(arrived, forKey: .arrived)
            try c.encodeIfPresent(gone, forKey: .gone)
        }
    }

    public struct Errata: Codable, Sendable {
        public var file: String
        public var document: String
        public var section: String
        /// The revision the errata was written against, when given.
        public var target: Int?
        public var blocks: [Block]
    }

    public struct Block: Codable, Sendable {
        public var heading: String
        public var adoptedIn: Int?
        public var revisions: [Adoption]
    }

    public struct Adoption: Codable, Sendable {
        public var revision: Int
        /// How the NEW text is found: verbatim, modified, notFound; absent up to the
        /// errata's own document (not searched).
        public var verdict: String?
        public var similarity: Double?
        public var oldSimilarity: Double?
        public var adopted: Bool
        public var target: Bool
        public var section: String?
        public var differences: [String]
    }

    public struct Summary: Codable, Sendable {
        public var revisions: Int
        public var statements: Int
        public var inLatest: Int
        public var removed: Int
        public var contradictedInLatest: Int
        public var contradictionsEntered: Int
        public var contradictionsMended: Int
    }

    static func rounded(_ d: Double) -> Double { (d * 1000).rounded() / 1000 }

    public static func root(_ h: SeriesHistory, toolVersion: String) -> Root {
        let revisions = h.revisions.map { r in
            Revision(number: r.number, name: r.name, series: r.identity.series, revision: r.identity.revision, file: r.metadata.file,
                     format: r.metadata.format.rawValue, date: r.metadata.date, sortDate: r.date?.description,
                     statements: r.statementCount,
                     counts: Dictionary(uniqueKeysWithValues: r.counts.map { ($0.key.rawValue, $0.value) }))
        }
        let statements = h.statements.map { s in
            Statement(
                key: s.key, inLatest: s.inLatest, firstRevision: s.first, lastRevision: s.last,
                splitFrom: s.splitFrom.map(reference), splitInto: s.splitInto.map(reference),
                mergedInto: s.mergedInto.map(reference), mergedFrom: s.mergedFrom.map(reference),
                revisions: s.cells.enumerated().map { r, cell in
                    guard let cell else {
                        return Cell(revision: r + 1, status: HistoryStatus.absent.rawValue, verdict: HistoryStatus.absent.rawValue)
                    }
                    let c = cell.change
                    return Cell(revision: r + 1, status: cell.status.status.rawValue, verdict: cell.status.verdict.rawValue,
                                id: cell.statement.id, section: cell.statement.section, paragraph: cell.statement.paragraph,
                                line: cell.statement.location.line, levels: cell.statement.levels, text: cell.statement.text,
                                checks: cell.checkIDs, change: c.kind.rawValue, join: c.join?.rawValue,
                                similarity: c.join == nil ? nil : rounded(c.similarity), fromRevision: c.fromRevision,
                                diff: c.diff?.wdiff)
                },
                contradictions: s.contradictions.map { Span(entered: $0.entered, mended: $0.mended, mend: $0.mend?.rawValue) },
                clauses: s.clauses.map { Clause(clause: $0.clause, checks: $0.checkIDs, present: $0.present, arrived: $0.arrived, gone: $0.gone) })
        }
        let errata = h.errata.map { e in
            Errata(file: e.file, document: e.errata.document, section: e.errata.section, target: e.target, blocks: e.blocks.map { b in
                Block(heading: b.change.heading, adoptedIn: b.adoptedIn, revisions: b.revisions.map { c in
                    Adoption(revision: c.revision, verdict: c.adoption?.verdict.rawValue, similarity: c.adoption.map { rounded($0.similarity) },
                             oldSimilarity: c.oldSimilarity.map(rounded), adopted: c.adopted, target: c.isTarget,
                             section: c.adoption?.section, differences: c.adoption?.differences.map(\.description) ?? [])
                })
            })
        }
        let spans = h.statements.flatMap(\.contradictions)
        let inLatest = h.statements.filter(\.inLatest).count
        let summary = Summary(revisions: h.revisions.count, statements: h.statements.count, inLatest: inLatest,
                              removed: h.statements.count - inLatest, contradictedInLatest: h.contradictedInLatest.count,
                              contradictionsEntered: spans.count, contradictionsMended: spans.filter { $0.mended != nil }.count)
        return Root(schema: schemaName, schemaVersion: schemaVersion, tool: JSONCheckReport.Tool(name: "draftcheck", version: toolVersion),
                    checks: h.checks, revisions: revisions, statements: statements, errata: errata, summary: summary)
    }

    static func reference(_ r: HistoryReference) -> Reference { Reference(revision: r.revision, key: r.key) }

    public static func render(_ h: SeriesHistory, toolVersion: String) throws -> String {
        try StableJSON.encode(root(h, toolVersion: toolVersion)) + "\n"
    }
}
