import Checks
import Foundation

/// `draftcheck checks`: the catalog as a list. Each check with its topic, where it is
/// written (Swift or a scenario file), the kinds of evidence its run gathered, and its
/// claims with document and section.
public struct CatalogListing: Sendable, Encodable {
    public enum EvidenceKind: String, Sendable, Encodable {
        /// Our own reference code (codec, reference kernel, TS engine): it agrees with the
        /// rules it was written from, which is weaker than a peer's agreement.
        case referenceModel = "reference model"
        /// Messages recorded from the real Linux 6.1 af_key (Tests/Fixtures/kernel).
        case realKernelCapture = "real kernel capture"
    }

    public struct Entry: Sendable, Encodable {
        public var id: String
        public var title: String
        public var topic: String
        public var dialects: [String]
        /// "swift" or the scenario file (`checks/NAME.yaml`).
        public var source: String
        public var outcome: String
        public var evidence: [EvidenceKind]
        public var kernelCaptures: [String]
        public var claims: [ClaimEntry]
    }

    public struct ClaimEntry: Sendable, Encodable {
        public var document: String
        public var section: String
        public var relation: String
        public var quote: String
    }

    public var schema = "draftcheck-catalog"
    public var schemaVersion = 1
    public var checks: [Entry]

    /// Runs the catalog once (the evidence kinds are what the runs gathered).
    public init(_ catalog: ScenarioCatalog) {
        let files = Dictionary(catalog.scenarios.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let run = CatalogRun.run(catalog.checks)
        checks = catalog.checks.map { check in
            let result = run.result(for: check.id)
            let captures = result?.evidence.kernelCaptures ?? []
            return Entry(id: check.id, title: check.title, topic: check.topic.rawValue, dialects: check.dialects,
                         source: files[check.id] ?? "swift", outcome: result?.outcome.rawValue ?? "errored",
                         evidence: [.referenceModel] + (captures.isEmpty ? [] : [.realKernelCapture]), kernelCaptures: captures,
                         claims: check.claims.map { ClaimEntry(document: $0.document, section: $0.section, relation: $0.relation.rawValue, quote: $0.quote) })
        }
    }

    public var text: String {
        var out = ""
        let scenarios = checks.filter { $0.source != "swift" }.count
        out += "\(checks.count) checks (\(checks.count - scenarios) Swift, \(scenarios) scenario files)\n"
        for c in checks {
            out += "\n\(c.id)  [\(c.topic)]  \(c.source)  \(c.outcome)\n"
            out += "  \(c.title)\n"
            out += "  evidence: \(c.evidence.map(\.rawValue).joined(separator: ", "))\(c.kernelCaptures.isEmpty ? "" : " (\(c.kernelCaptures.joined(separator: ", ")))")\n"
            for claim in c.claims {
                out += "  \(claim.relation) \(claim.document) \(claim.section): \(claim.quote)\n"
            }
        }
        return out
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
