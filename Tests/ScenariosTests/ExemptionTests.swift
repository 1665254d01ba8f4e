import Checks
import DraftDocument
import Foundation
import Linking
import Scenarios
import Testing
import TestSupport
import Yams

/// Exemption files (issue 15 section 2): parsed with line and column, refused with the
/// field at fault, each quote found in exactly one statement of its series, and the
/// status `exempt` below every check-based status.
@Suite struct ExemptionTests {
    static let valid = """
    document: rfc2367
    exemptions:
      - section: "3"
        quote: "Applications MUST use the symbolic names in order to be portable"
        reason: not-observable
        note: "Whether an application's source spells a constant by name is not visible in the bytes it sends."

    """

    @Test func aValidFileParses() throws {
        let file = try ExemptionFile.parse(Self.valid, file: "e.yaml", displayName: "checks/exemptions/e.yaml")
        #expect(file.exemptions == [Exemption(document: "rfc2367", section: "3", quote: "Applications MUST use the symbolic names in order to be portable",
                                              reason: .notObservable, note: "Whether an application's source spells a constant by name is not visible in the bytes it sends.",
                                              origin: "checks/exemptions/e.yaml:4:12")])
        #expect(file.quoteFields == ["exemptions[0].quote"])
    }

    /// (name, text, reportLine): each refusal at its field's line and column.
    static let refusals: [(String, String, String)] = [
        ("unknown reason", valid.replacingOccurrences(of: "not-observable", with: "too-hard"),
         "e.yaml:5:13: error: invalidValue: exemptions[0].reason: unknown reason \"too-hard\" (one of other-component, operational-advice, definition-only, not-observable, editorial)"),
        ("missing note", valid.replacingOccurrences(of: "    note: \"Whether an application's source spells a constant by name is not visible in the bytes it sends.\"\n", with: ""),
         "e.yaml:3:5: error: missingField: exemptions[0]: \"note\" is required here"),
        ("empty note", valid.replacingOccurrences(of: "\"Whether an application's source spells a constant by name is not visible in the bytes it sends.\"", with: "\"  \""),
         "e.yaml:6:11: error: missingField: exemptions[0].note: must not be empty"),
        ("unknown field", valid.replacingOccurrences(of: "    reason:", with: "    raeson:"),
         "e.yaml:5:5: error: unknownField: exemptions[0].raeson: unknown field \"raeson\" (expected one of section, quote, reason, note)"),
        ("no document", valid.replacingOccurrences(of: "document: rfc2367", with: "document: my notes"),
         "e.yaml:1:11: error: invalidValue: document: \"my notes\" names no document (RFC N or draft-name)"),
    ]

    @Test(arguments: refusals.map(\.0))
    func aBadFileIsRefusedAtItsField(name: String) throws {
        let (_, text, line) = try #require(Self.refusals.first { $0.0 == name })
        do {
            _ = try ExemptionFile.parse(text, file: "e.yaml")
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.reportLine == line)
            #expect(error.category == .invalidInput)
        }
    }

    static func rfc2367() throws -> Document? {
        guard let path = Corpus.path("rfc2367.txt") else {
            let m = Absence.corpus("rfc2367.txt", neededFor: "the exemption tests")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return nil
        }
        return try DocumentReader.read(path: path)
    }

    @Test func aQuoteFoundNowhereOrAcrossStatementsIsRefused() throws {
        guard let document = try Self.rfc2367() else { return }
        try ExemptionAudit.verify([try ExemptionFile.parse(Self.valid, file: "e.yaml")], against: [document])
        let nowhere = try ExemptionFile.parse(Self.valid.replacingOccurrences(of: "in order to be portable", with: "in order to be frozen forever"), file: "e.yaml")
        #expect(throws: ScenarioError.quoteNotFound) { try ExemptionAudit.verify([nowhere], against: [document]) }
        do { try ExemptionAudit.verify([nowhere], against: [document]) } catch {
            #expect(error.reportLine.hasPrefix("e.yaml:4:12: error: quoteNotFound: exemptions[0].quote: the quote is in no document of RFC 2367 read (RFC 2367)"), "\(error.reportLine)")
        }
        // Two statements of section 3 at once, and a sentence that is no statement: an
        // exemption names one statement.
        let two = try ExemptionFile.parse(Self.valid.replacingOccurrences(of: "Applications MUST use the symbolic names in order to be portable", with: "associated with each symbol. Applications MUST use"), file: "e.yaml")
        #expect(throws: ScenarioError.quoteAmbiguous) { try ExemptionAudit.verify([two], against: [document]) }
        let none = try ExemptionFile.parse(Self.valid.replacingOccurrences(of: "Applications MUST use the symbolic names in order to be portable", with: "shown are for illustrative purposes"), file: "e.yaml")
        do { try ExemptionAudit.verify([none], against: [document]); Issue.record("accepted") } catch {
            #expect(error.reportLine == "e.yaml:4:12: error: quoteAmbiguous: exemptions[0].quote: the quote is found in no statement: an exemption names exactly one statement: \"shown are for illustrative purposes\"")
        }
        // An exemption of a series not read is not judged.
        let other = try ExemptionFile.parse(Self.valid.replacingOccurrences(of: "rfc2367", with: "rfc7296").replacingOccurrences(of: "in order to be portable", with: "nowhere"), file: "e.yaml")
        try ExemptionAudit.verify([other], against: [document])
    }

    @Test func anExemptStatementCarriesItsReasonAndALinkedCheckOutranksIt() throws {
        guard let document = try Self.rfc2367() else { return }
        let exempting = try ExemptionFile.parse(Self.valid, file: "e.yaml").exemptions
        let plain = Linker(run: CatalogRun(checks: [], results: [:])).link(document)
        let linked = Linker(run: CatalogRun(checks: [], results: [:]), exemptions: exempting).link(document)
        let exempt = linked.statements(.exempt)
        #expect(exempt.count == 1)
        let statement = try #require(exempt.first)
        #expect(statement.statement.text == "Applications MUST use the symbolic names in order to be portable.")
        #expect(statement.statement.id == "rfc2367/3/31924b")
        #expect(statement.exemption?.reason == .notObservable)
        #expect(plain.statements.first { $0.statement.id == statement.statement.id }?.status == .unlinked)
        #expect(linked.coverage.total.count(.unlinked) == plain.coverage.total.count(.unlinked) - 1)
        #expect(linked.coverage.total.linked == plain.coverage.total.linked)

        // A check claiming the same statement wins over the exemption.
        let claim = Claim(.supports, "RFC 2367", section: "3", "Applications MUST use the symbolic names")
        let check = Check(id: "t.claim", title: "t", topic: .pfkey, dialects: [], claims: [claim]) { ctx in _ = ctx.expect("x", 1, equals: 1) }
        let both = Linker(run: CatalogRun.run([check]), exemptions: exempting).link(document)
        let s = try #require(both.statements.first { $0.statement.id == statement.statement.id })
        #expect(s.status == .supported)
        #expect(s.exemption == nil)
        #expect(both.statements(.exempt).isEmpty)
    }

    @Test func theGoalsUseTheIssuesExactThresholds() {
        #expect(CoverageGoal(kind: .bcp14Linked, count: 9, total: 10).met)
        #expect(!CoverageGoal(kind: .bcp14Linked, count: 8, total: 10).met)
        #expect(!CoverageGoal(kind: .bcp14Linked, count: 26, total: 29).met) // 89.7%
        #expect(CoverageGoal(kind: .topicalLinked, count: 3, total: 5).met)
        #expect(!CoverageGoal(kind: .topicalLinked, count: 59, total: 100).met)
        #expect(CoverageGoal(kind: .linkedOrExempt, count: 81, total: 81).met)
        #expect(!CoverageGoal(kind: .linkedOrExempt, count: 80, total: 81).met)
        #expect(CoverageGoal(kind: .bcp14Linked, count: 0, total: 0).met)
    }
}

/// The bundled exemption files: valid against the JSON Schema, and every quote found in
/// exactly one statement of its corpus document.
@Suite struct BundledExemptionTests {
    static let directory = TestEnvironment.packageRoot.appendingPathComponent("checks/exemptions")
    static let schema = TestEnvironment.packageRoot.appendingPathComponent("checks/schema/exemptions.schema.json")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

    func validate(_ documents: [(String, Data)]) throws -> ProcessResult? {
        try BundledScenarioTests.validate(documents, against: Self.schema, purpose: "exemption schema validation")
    }

    @Test func theBundledFilesAreValidAgainstTheSchema() throws {
        #expect(Self.files.contains("rfc2367.yaml"))
        let documents = try Self.files.map { name -> (String, Data) in
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            let value = try #require(try Yams.load(yaml: text))
            return (name, try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]))
        }
        if let result = try validate(documents) { #expect(result.status == 0, "schema violations:\n\(result.stdout)\(result.stderr)") }
    }

    @Test func theSchemaRefusesAnUnknownReasonAndAMissingNote() throws {
        let broken = #"{"document": "rfc2367", "exemptions": [{"section": "2", "quote": "q", "reason": "too-hard", "note": "n"}, {"section": "2", "quote": "q", "reason": "editorial"}]}"#
        if let result = try validate([("broken", Data(broken.utf8))]) {
            #expect(result.status == 1)
            #expect(result.stdout.contains("exemptions/0/reason") && result.stdout.contains("exemptions/1 'note' is a required property"), "\(result.stdout)")
        }
    }

    @Test(arguments: ["rfc2367.txt", "rfc7296.txt", "rfc4301.txt"])
    func everyBundledExemptionNamesOneStatementOfItsDocument(name: String) throws {
        guard let path = Corpus.path(name) else {
            let m = Absence.corpus(name, neededFor: "the bundled exemption audit")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let catalog = try ScenarioCatalog.load()
        let document = try DocumentReader.read(path: path)
        try ExemptionAudit.verify(catalog.exemptionFiles, against: [document])
        // An exemption is for a statement no check judges: one a check already links to
        // is a contradiction in the data (the check wins, the exemption misleads).
        let linked = Linker(run: CatalogRun.run(catalog.checks), exemptions: catalog.exemptions).link(document)
        let status = Dictionary(linked.statements.map { ($0.statement.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        for link in linked.exemptions {
            let judged = link.statementIDs.filter { status[$0] != .exempt }
            #expect(judged.isEmpty, "\(name): exempted but linked to a check: \(judged) (\(link.exemption.origin ?? link.exemption.quote))")
        }
    }
}

/// The issue's targets on the default scope, with the issue's thresholds (never lowered):
/// at least 90% of each scoped section's BCP 14 statements linked to a check, at least 60%
/// of its topical ones, and every statement linked or exempt. Where today's catalog falls
/// short the goal is written below as open, with the count it reaches: the test fails when a
/// goal regresses, and also when one improves, until this ledger is brought up to date (the
/// issue stays open while any goal is open).
@Suite struct CoverageTargetTests {
    /// "document section" -> the count/total each goal reaches (BCP 14 linked, topical
    /// linked, linked or exempt), as measured on 2026-12-05.
    static let reached: [String: [String]] = [
        "RFC 7296 2.9": ["8/8", "35/37", "45/45"],
        "RFC 7296 3.13": ["5/5", "19/20", "25/25"],
        "RFC 2367 2": ["50/54", "23/38", "92/92"],
        "RFC 2367 3": ["33/36", "66/92", "128/128"],
        "RFC 4301 4.4.1": ["28/28", "97/143", "171/171"],
        "RFC 4301 4.4.2": ["10/10", "19/28", "38/38"],
    ]

    @Test func everyScopedSectionIsMeasuredAgainstTheThreeTargets() throws {
        var documents: [(Document, [String])] = []
        for (name, sections) in [("rfc7296.txt", CatalogTargets.rfc7296Sections), ("rfc2367.txt", CatalogTargets.rfc2367Sections),
                                 ("rfc4301.txt", CatalogTargets.rfc4301Sections)] {
            guard let path = Corpus.path(name) else {
                let m = Absence.corpus(name, neededFor: "the coverage targets test")
                if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
                return
            }
            documents.append((try DocumentReader.read(path: path), sections))
        }
        let catalog = try ScenarioCatalog.load()
        let targets = CatalogTargets.coverage(of: CatalogRun.run(catalog.checks), documents: documents, exemptions: catalog.exemptions)
        #expect(targets.map { "\($0.document) \($0.section)" } == ["RFC 7296 2.9", "RFC 7296 3.13", "RFC 2367 2", "RFC 2367 3", "RFC 4301 4.4.1", "RFC 4301 4.4.2"])
        var open: [String] = []
        for target in targets {
            let key = "\(target.document) \(target.section)"
            #expect(target.goals.map(\.kind) == [.bcp14Linked, .topicalLinked, .linkedOrExempt])
            #expect(target.goals.map(\.threshold) == [0.9, 0.6, 1.0])
            #expect(target.goals.map { "\($0.count)/\($0.total)" } == Self.reached[key], "\(key): the ledger above is out of date")
            for goal in target.goals {
                // met is the threshold itself, in integers (89.7% is a miss).
                #expect(goal.met == (goal.total == 0 || goal.count * 10 >= Int((goal.threshold * 10).rounded()) * goal.total), "\(key) \(goal.kind.rawValue)")
                if !goal.met { open.append("\(key) \(goal.kind.rawValue)") }
            }
            // Neither linked nor exempt: exactly what the third goal misses.
            #expect(target.unlinked.count == target.goals[2].total - target.goals[2].count)
        }
        #expect(open == [])
        // RFC 7296's sections meet all three.
        #expect(targets.prefix(2).allSatisfy { $0.goals.allSatisfy(\.met) && $0.unlinked.isEmpty })
    }
}
