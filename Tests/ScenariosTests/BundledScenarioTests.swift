import Checks
import DraftDocument
import Foundation
import Linking
import Scenarios
import Testing
import TestSupport
import Yams

/// The bundled catalog (checks/): every file is valid against the checked-in JSON Schema,
/// every scenario passes, and every claim is found (exactly or normalised, in its section,
/// on a statement) in every available document of its series.
@Suite struct BundledScenarioTests {
    static let directory = TestEnvironment.packageRoot.appendingPathComponent("checks")
    static let schema = directory.appendingPathComponent("schema/scenario.schema.json")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func theBundledDirectoryIsFoundFromTheBuild() throws {
        let found = try #require(ScenarioCatalog.bundledDirectory())
        #expect(URL(fileURLWithPath: found).standardizedFileURL.path == Self.directory.standardizedFileURL.path)
        #expect(Self.files.count >= 10)
    }

    /// The YAML as JSON (Yams resolves the scalars' types), for the schema validator.
    static func json(_ file: String) throws -> Data {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let value = try #require(try Yams.load(yaml: text))
        return try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }

    static let validator = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        for e in sorted(v.iter_errors(json.load(open(path))), key=lambda e: list(e.path)):
            print(path, "/".join(map(str, e.path)), e.message); bad += 1
    sys.exit(1 if bad else 0)
    """

    func validate(_ documents: [(String, Data)]) throws -> ProcessResult? {
        try Self.validate(documents, against: Self.schema, purpose: "scenario schema validation")
    }

    /// Runs `validator` (Python's jsonschema, from the venv scripts/test makes) on each
    /// document; nil, said loudly (a failure under CI=true), when Python is missing.
    static func validate(_ documents: [(String, Data)], against schema: URL, purpose: String) throws -> ProcessResult? {
        guard let python = Peer.python.path else {
            let m = Absence.peer(.python, neededFor: purpose)
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return nil
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-json-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (name, data) in documents {
            let p = dir.appendingPathComponent(name + ".json")
            try data.write(to: p)
            paths.append(p.path)
        }
        return try runProcess(python, ["-c", validator, schema.path] + paths)
    }

    @Test func everyBundledScenarioIsValidAgainstTheSchema() throws {
        let result = try validate(try Self.files.map { ($0, try Self.json($0)) })
        if let result { #expect(result.status == 0, "schema violations:\n\(result.stdout)\(result.stderr)") }
    }

    @Test func theSchemaRefusesABrokenScenario() throws {
        // A step of an unknown kind and a kernel item without expect.
        let broken = #"{"id": "x", "title": "t", "topic": "pfkey", "claims": [{"document": "RFC 2367", "section": "2", "quote": "q", "relation": "supports"}], "steps": [{"pfkye": {}}, {"kernel": {"sequence": [{"send": "02"}]}}]}"#
        let result = try validate([("broken", Data(broken.utf8))])
        if let result {
            #expect(result.status == 1)
            #expect(result.stdout.contains("steps/0") && result.stdout.contains("steps/1/kernel/sequence/0"), "\(result.stdout)")
        }
    }

    static let catalog = try? ScenarioCatalog.load(directories: [], bundled: true)

    @Test(arguments: (catalog?.scenarios ?? []).map(\.id))
    func bundledScenarioPasses(id: String) throws {
        let check = try #require(Self.catalog?.checks.first { $0.id == id })
        let result = check.run()
        #expect(result.outcome == .passed, "\(id): \(result.error ?? "") \(result.evidence.unmet.map { "\($0.label): expected \($0.expected), got \($0.actual)" })")
    }

    static let documents = ["rfc2367.txt", "rfc7296.txt", "rfc5996.txt", "rfc4301.txt"]

    @Test(arguments: documents)
    func everyScenarioClaimIsFoundInItsDocument(name: String) throws {
        guard let path = Corpus.path(name) else {
            let m = Absence.corpus(name, neededFor: "the scenario claim-is-found test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let catalog = try #require(Self.catalog)
        let document = try DocumentReader.read(path: path)
        try ClaimAudit.verify(catalog.scenarios, against: [document])
        let scenarioIDs = Set(catalog.scenarios.map(\.id))
        let run = CatalogRun(checks: catalog.checks.filter { scenarioIDs.contains($0.id) }, results: [:])
        for link in Linker(run: run).link(document).claims {
            #expect(link.match != nil && link.match?.kind != .fuzzy, "\(name): \(link.checkID): \(link.match?.label ?? "not found"): \(link.claim.quote)")
            #expect(link.foundInSection == link.claim.section, "\(name): \(link.checkID): found in \(link.foundInSection ?? "-"), claimed \(link.claim.section)")
            #expect(!link.statementIDs.isEmpty, "\(name): \(link.checkID): no statement overlaps: \(link.claim.quote)")
        }
    }
}

/// The README's two complete examples parse, validate and pass as written.
@Suite struct ReadmeExampleTests {
    static func examples() throws -> [String] {
        let whole = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        // The "Scenario files" section only (other sections show other YAML).
        guard let start = whole.range(of: "\n## Scenario files\n") else { return [] }
        let rest = whole[start.upperBound...]
        let readme = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var out: [String] = []
        var current: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" { current = [] } else if line == "```", let block = current {
                out.append(block.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return out
    }

    @Test func theTwoExamplesRun() throws {
        let examples = try Self.examples()
        #expect(examples.count == 2)
        for (i, text) in examples.enumerated() {
            let scenario = try ScenarioParser.parse(text, file: "README.md example \(i + 1)")
            let result = ScenarioCatalog.check(scenario).run()
            #expect(result.outcome == .passed, "README example \(i + 1): \(result.error ?? "") \(result.evidence.unmet)")
            #expect(result.evidence.observations.count >= 2)
        }
    }
}
