import Checks
import Foundation
import Linking

/// The JSON report, schema "draftcheck-check-report" version 2 (README "## Checks" documents
/// every field). Keys are sorted so output is stable and diffable. A change that removes or
/// renames a field, or changes what a value means, bumps `schemaVersion`; adding fields does
/// not. Version 2: a claim found only approximately keeps its check's verdict when its
/// decisive clause is still there ("drift"), where version 1 called every such claim stale.
public enum JSONCheckReport {
    public static let schemaName = "draftcheck-check-report"
    public static let schemaVersion = 2

    public struct Root: Codable, Sendable {
        public var schema: String
        public var schemaVersion: Int
        public var tool: Tool
        public var summary: [String: Int]
        public var checks: [CheckEntry]
        public var documents: [DocumentEntry]
    }

    public struct Tool: Codable, Sendable {
        public var name: String
        public var version: String
    }

    public struct CheckEntry: Codable, Sendable {
        public var id: String
        public var title: String
        public var topic: String
        public var dialects: [String]
        public var outcome: String
        public var error: String?
        public var claims: [Claim]
        public var evidence: Evidence
    }

    public struct DocumentEntry: Codable, Sendable {
        public var file: String
        public var series: String
        public var revision: String?
        public var title: String
        public var format: String
        public var summary: [String: Int]
        public var statements: [StatementEntry]
        public var staleClaims: [ClaimEntry]
        public var coverage: Coverage
    }

    /// A statement as `review --format json` writes it (with its status and checks), plus
    /// the claims of the checks linked to it: the same object with one more key.
    public struct StatementEntry: Codable, Sendable {
        public var statement: ReviewStatement
        public var claims: [ClaimEntry]
        /// Set when every claim behind the status found the statement reworded: null
        /// otherwise (the key is always written).
        public var drift: Drift?

        enum CodingKeys: String, CodingKey { case claims, drift }

        public init(statement: ReviewStatement, claims: [ClaimEntry], drift: Drift? = nil) {
            self.statement = statement
            self.claims = claims
            self.drift = drift
        }

        public init(from decoder: any Decoder) throws {
            statement = try ReviewStatement(from: decoder)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            claims = try c.decode([ClaimEntry].self, forKey: .claims)
            drift = try c.decodeIfPresent(Drift.self, forKey: .drift)
        }

        public func encode(to encoder: any Encoder) throws {
            try statement.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(claims, forKey: .claims)
            try c.encode(drift, forKey: .drift)
        }
    }

    public struct ClaimEntry: Codable, Sendable {
        public var check: String
        public var outcome: String
        public var relation: String
        public var section: String
        public var foundInSection: String?
        public var quote: String
        /// "exact", "normalized", "fuzzy", or null when not found.
        public var match: String?
        public var score: Double?
        public var matchedText: String?
        public var line: Int?
        public var status: String
        /// The decisive clause (null when the claim names none: then it is the whole quote).
        public var clause: String?
        /// Set when the quote was found only approximately: similarity, clause found or
        /// gone, word diff.
        public var drift: Drift?
        /// Set when the claim was written against another document that says the same.
        public var inheritedFrom: InheritedFrom?
    }

    public static func root(_ report: CheckReport) -> Root {
        var root = head(report)
        root.documents = report.documents.map { d in
            var entry = documentHead(d)
            entry.statements = d.statements.map { statementEntry($0, in: d) }
            return entry
        }
        return root
    }

    /// The report without its documents.
    static func head(_ report: CheckReport) -> Root {
        let checks = report.checkResults.map { check, result in
            CheckEntry(id: check.id, title: check.title, topic: check.topic.rawValue, dialects: check.dialects,
                       outcome: result.outcome.rawValue, error: result.error, claims: check.claims, evidence: result.evidence)
        }
        var summary: [String: Int] = [:]
        for o in CheckOutcome.allCases { summary[o.rawValue] = report.run.counts[o] ?? 0 }
        summary["checks"] = report.run.checks.count
        return Root(schema: schemaName, schemaVersion: schemaVersion, tool: Tool(name: "draftcheck", version: report.toolVersion),
                    summary: summary, checks: checks, documents: [])
    }

    /// A document's entry without its statements.
    static func documentHead(_ d: LinkedDocument) -> DocumentEntry {
        var counts: [String: Int] = [:]
        for s in StatementStatus.allCases { counts[s.rawValue] = d.coverage.total.count(s) }
        counts["statements"] = d.statements.count
        counts["staleClaims"] = d.staleClaims.count
        return DocumentEntry(
            file: d.metadata.file, series: d.identity.series, revision: d.identity.revision, title: d.metadata.title,
            format: d.metadata.format.rawValue, summary: counts, statements: [],
            staleClaims: d.staleClaims.map(claimEntry), coverage: d.coverage)
    }

    static func statementEntry(_ s: LinkedStatement, in d: LinkedDocument) -> StatementEntry {
        StatementEntry(statement: ReviewStatement(s), claims: CheckReport.links(of: s, in: d).map(claimEntry), drift: s.drift)
    }

    static func claimEntry(_ l: ClaimLink) -> ClaimEntry {
        ClaimEntry(check: l.checkID, outcome: l.outcome.rawValue, relation: l.claim.relation.rawValue, section: l.claim.section,
                   foundInSection: l.foundInSection, quote: l.claim.quote, match: l.match?.kind.rawValue,
                   score: l.match?.score, matchedText: l.match?.kind == .fuzzy ? l.match?.matchedText : nil,
                   line: l.location?.line, status: l.status.rawValue, clause: l.claim.clause, drift: l.drift,
                   inheritedFrom: l.inheritedFrom)
    }

    public static func render(_ report: CheckReport) throws -> String {
        var whole = ""
        try write(report) { whole += $0 }
        return whole
    }

    /// The report handed to `emit` in pieces of about 256 KB, each statement encoded as it
    /// is reached: the whole report's tree and text took 585 MB for a 10 MB draft.
    public static func write<E: Error>(_ report: CheckReport, emit: (String) throws(E) -> Void) throws {
        var out = JSONTextWriter()
        try StableJSON.writeObject(head(report), placing: "documents", indent: 0, into: &out) { out in
            out.append(UInt8(ascii: "["))
            for (i, d) in report.documents.enumerated() {
                out.itemPrefix(i, indent: 2)
                try StableJSON.writeObject(documentHead(d), placing: "statements", indent: 4, into: &out) { out in
                    try StableJSON.writeArray(d.statements.lazy.map { statementEntry($0, in: d) }, indent: 6, into: &out, emit: emit)
                }
            }
            out.close(UInt8(ascii: "]"), empty: report.documents.isEmpty, indent: 2)
        }
        out.append(UInt8(ascii: "\n"))
        try emit(out.take())
    }
}

/// A statement entry written directly: its statement's members with "claims" and "drift"
/// among them in key order, the bytes its `Encodable` conformance gives through
/// `StableJSON`. Encoded as a tree, the entries were a third of `check --format json` of
/// a 10 MB draft; the claims (few statements have any) and a drift still are.
extension JSONCheckReport.StatementEntry: DirectJSON {
    func writeJSON(into out: inout JSONTextWriter, indent: Int) throws {
        try statement.writeJSON(into: &out, indent: indent) { (out, count) throws in
            out.memberPrefix(count, key: "claims", indent: indent)
            if claims.isEmpty {
                out.append(UInt8(ascii: "["))
                out.close(UInt8(ascii: "]"), empty: true, indent: indent + 2)
            } else {
                try out.write(JSONValueEncoder.node(of: claims), indent: indent + 2)
            }
            out.memberPrefix(count + 1, key: "drift", indent: indent)
            try out.write(drift.map(JSONValueEncoder.node) ?? .null, indent: indent + 2)
            count += 2
        }
    }
}
