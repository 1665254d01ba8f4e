import Checks
import Foundation
import Linking
import Normative

/// SARIF 2.1.0 (OASIS): one run, one rule per check plus the stale-claim rule, one result
/// per statement with a status and per stale claim, located at the source file and line so
/// code scanning shows them on the draft's XML. Supported statements are `kind: pass`.
/// Exempt statements, like unlinked ones, are not results (nothing was judged, and code
/// scanning would show a note as an alert); the run's properties list them with their
/// reasons, so they are not silent.
public enum SARIFReport {
    public static let staleRuleID = "draftcheck.stale-claim"

    public static func render(_ report: CheckReport) throws -> String {
        var rules: [[String: Any]] = report.run.checks.map { check in
            ["id": check.id, "name": ruleName(check.id),
             "shortDescription": ["text": check.title],
             "properties": ["topic": check.topic.rawValue, "dialects": check.dialects]]
        }
        rules.append(["id": staleRuleID, "name": "StaleClaim",
                      "shortDescription": ["text": "A check's quote of the specification is not found in this revision"]])
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1["id"] as! String, $0) })
        var results: [[String: Any]] = []
        var artifacts: [String] = []
        for document in report.documents {
            if !artifacts.contains(document.metadata.file) { artifacts.append(document.metadata.file) }
            for s in document.statements where s.status != .unlinked && s.status != .exempt {
                let links = CheckReport.links(of: s, in: document)
                let decisive = links.first { $0.status == s.status } ?? links.first
                let ruleID = s.status == .stale ? staleRuleID : (decisive?.checkID ?? staleRuleID)
                var result: [String: Any] = [
                    "ruleId": ruleID, "ruleIndex": ruleIndex[ruleID] ?? 0,
                    "message": ["text": message(s, decisive, report)],
                    "locations": [location(document.metadata.file, s.statement.location.line, s.statement.location.column, artifacts)],
                    "partialFingerprints": ["statementId/v1": s.statement.id],
                    "properties": ["status": s.status.rawValue, "checks": s.checkIDs, "section": s.statement.section],
                ]
                if s.isInherited {
                    var props = result["properties"] as! [String: Any]
                    props["inheritedFrom"] = s.inheritedFrom.map { ["document": $0.document, "section": $0.section] }
                    result["properties"] = props
                }
                if let drift = s.drift {
                    var props = result["properties"] as! [String: Any]
                    props["drift"] = ["similarity": drift.similarity, "clause": drift.clause,
                                      "clauseFound": drift.clauseFound ?? NSNull(), "wordDiff": drift.wordDiff] as [String: Any]
                    result["properties"] = props
                }
                switch s.status {
                case .supported: result["kind"] = "pass"; result["level"] = "none"
                case .contradicted, .failed, .errored: result["kind"] = "fail"; result["level"] = "error"
                case .stale: result["kind"] = "fail"; result["level"] = "warning"
                case .exempt, .unlinked: break
                }
                results.append(result)
            }
            for l in document.claims where l.match == nil {
                results.append([
                    "ruleId": staleRuleID, "ruleIndex": ruleIndex[staleRuleID]!, "kind": "fail", "level": "warning",
                    "message": ["text": "Check \(l.checkID) quotes Section \(l.claim.section) as saying \"\(l.claim.quote)\", which this revision does not."],
                    "locations": [location(document.metadata.file, l.location?.line ?? 1, l.location?.column ?? 1, artifacts)],
                    // The claim's identity across revisions: its check and the words it quotes.
                    "partialFingerprints": ["staleClaim/v1": "\(l.checkID):\(StatementIdentity.matchingKey(l.claim.quote))"],
                    "properties": ["status": "stale", "checks": [l.checkID], "section": l.claim.section],
                ])
            }
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "draftcheck", "version": report.toolVersion,
                    "informationUri": "https://github.com/draftcheck/draftcheck",
                    "rules": rules,
                ]],
                "artifacts": artifacts.map { ["location": ["uri": uri($0)]] },
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": ["exempt": report.documents.flatMap { d in
                    d.statements(.exempt).map { s -> [String: Any] in
                        ["statementId": s.statement.id, "file": d.metadata.file, "line": s.statement.location.line, "section": s.statement.section,
                         "reason": s.exemption?.reason.rawValue ?? "", "note": s.exemption?.note ?? ""]
                    }
                }],
            ]],
        ]
        let data = try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func message(_ s: LinkedStatement, _ link: ClaimLink?, _ report: CheckReport) -> String {
        let title = link.flatMap { report.run.check(id: $0.checkID)?.title } ?? ""
        switch s.status {
        case .contradicted:
            return "Contradicted by check \(link?.checkID ?? ""): \(title). \"\(s.statement.text)\"" + drifted(s)
        case .supported: return "Supported by check \(link?.checkID ?? ""): \(title)." + drifted(s)
        case .failed, .errored: return "Check \(link?.checkID ?? "") \(s.status.rawValue) (a draftcheck bug): \(title)."
        case .stale:
            if let drift = s.drift {
                return "The statement was reworded (\(drift.similarityText)) and no longer carries the clause the check's verdict rests on: \"\(drift.clause)\"."
            }
            return "The linked claim matches only approximately (\(link?.match?.label ?? "not found")); the text changed."
        case .exempt, .unlinked: return ""
        }
    }

    /// " The statement is reworded (0.83); the clause ... is still there."
    static func drifted(_ s: LinkedStatement) -> String {
        guard s.isDrifted, let d = s.drift else { return "" }
        return " The statement is reworded (\(d.similarityText)); the clause \"\(d.clauseFound ?? d.clause)\" is still there."
    }

    static func location(_ file: String, _ line: Int, _ column: Int, _ artifacts: [String]) -> [String: Any] {
        ["physicalLocation": [
            "artifactLocation": ["uri": uri(file), "index": artifacts.firstIndex(of: file) ?? 0],
            "region": ["startLine": max(1, line), "startColumn": max(1, column)],
        ]]
    }

    /// A relative path stays relative (code scanning resolves it against the repository
    /// root); an absolute one becomes a file URI.
    static func uri(_ path: String) -> String {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).absoluteString : path
    }

    /// "ts.narrow.r6-first-choices" -> "TsNarrowR6FirstChoices".
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
