import Foundation
import Reports
import Testing
import TestSupport

/// SARIF validated against the OASIS SARIF 2.1.0 JSON schema (Tests/Fixtures/sarif, from
/// oasis-tcs/sarif-spec) by the venv's jsonschema, and located at file and line.
@Suite struct SARIFReportTests {
    static let schema = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/sarif/sarif-schema-2.1.0.json")

    @Test func validatesAgainstTheSARIF210Schema() throws {
        guard let python = Peer.python.path else {
            let m = Absence.peer(.python, neededFor: "SARIF schema validation")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let sarif = try SARIFReport.render(ReportFixture.report)
        let file = ReportFixture.temporaryFile("report.sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft4Validator.check_schema(schema)
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
        for e in errors: print("/".join(map(str, e.path)), e.message)
        sys.exit(1 if errors else 0)
        """
        let result = try runProcess(python, ["-c", script, Self.schema.path, file.path])
        #expect(result.status == 0, "SARIF schema violations:\n\(result.stdout)\(result.stderr)")
    }

    @Test func theSchemaRejectsABrokenLog() throws {
        guard let python = Peer.python.path else {
            let m = Absence.peer(.python, neededFor: "the broken-SARIF schema test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        // A result without a message breaks the schema's "required": ["message"].
        let broken = #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r"}]}]}"#
        let script = "import json,sys,jsonschema; jsonschema.validate(json.loads(sys.argv[2]), json.load(open(sys.argv[1])))"
        let result = try runProcess(python, ["-c", script, Self.schema.path, broken])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'message' is a required property"))
    }

    @Test func resultsSitAtTheStatementsFileAndLine() throws {
        let data = Data(try SARIFReport.render(ReportFixture.report).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = run["results"] as? [[String: Any]] ?? []
        let contradicted = try #require(results.first { ($0["properties"] as? [String: Any])?["status"] as? String == "contradicted" })
        #expect(contradicted["level"] as? String == "error")
        #expect(contradicted["ruleId"] as? String == "seed.ikev2-child-sa-via-pfkey")
        let physical = (((contradicted["locations"] as? [[String: Any]])?.first)?["physicalLocation"]) as? [String: Any]
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == ReportFixture.draftPath)
        let statement = try #require(ReportFixture.report.documents.first?.statements(.contradicted).first)
        #expect((physical?["region"] as? [String: Any])?["startLine"] as? Int == statement.statement.location.line)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.count == ReportFixture.report.run.checks.count + 1)
    }

    /// Code scanning keeps a finding's identity across revisions by its fingerprint: the
    /// statement's stable id, which the same sentence keeps when lines move.
    @Test func everyResultCarriesAStableFingerprint() throws {
        let data = Data(try SARIFReport.render(ReportFixture.report).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        #expect(!results.isEmpty)
        for r in results {
            let fingerprints = try #require(r["partialFingerprints"] as? [String: String])
            #expect(fingerprints.count == 1 && (fingerprints["statementId/v1"] != nil || fingerprints["staleClaim/v1"] != nil))
        }
        let statement = try #require(ReportFixture.report.documents.first?.statements(.contradicted).first)
        #expect(results.contains { ($0["partialFingerprints"] as? [String: String])?["statementId/v1"] == statement.statement.id })
    }
}
