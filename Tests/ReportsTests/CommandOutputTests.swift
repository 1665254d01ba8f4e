import Checks
import DraftDocument
import Errata
import Foundation
import Linking
import Normative
import Reports
import Testing
import TestSupport

/// The outputs the commands used to assemble themselves (sections, render, coverage,
/// review, compare, check), now built here; each asserted byte for byte where it is new to unit tests.
@Suite struct CommandOutputTests {
    static let draft08 = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path

    static let mini = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc version="3" docName="draft-test-mini-00" category="info">
          <front><title>Mini</title></front>
          <middle>
            <section anchor="intro"><name>Introduction</name><t>Hello.</t>
              <section anchor="sub"><name>Sub</name><t>More.</t></section>
            </section>
            <section numbered="false" anchor="ack"><name>Acknowledgements</name><t>Thanks.</t></section>
          </middle>
        </rfc>
        """

    @Test func sectionListingAsTextIsNumberTabTitleWithDashWhenUnnumbered() throws {
        let document = try DocumentReader.read(data: Data(Self.mini.utf8), path: "mini.xml", outline: true)
        #expect(try SectionListing(document).rendered(as: .text) == "1\tIntroduction\n1.1\tSub\n-\tAcknowledgements\n")
    }

    @Test func sectionListingAsJSONWritesExplicitNulls() throws {
        let document = try DocumentReader.read(data: Data(Self.mini.utf8), path: "mini.xml", outline: true)
        let json = try SectionListing(document).rendered(as: .json)
        #expect(json == """
            {
              "sections" : [
                {
                  "anchor" : "intro",
                  "depth" : 1,
                  "line" : 5,
                  "number" : "1",
                  "title" : "Introduction"
                },
                {
                  "anchor" : "sub",
                  "depth" : 2,
                  "line" : 6,
                  "number" : "1.1",
                  "title" : "Sub"
                },
                {
                  "anchor" : "ack",
                  "depth" : 1,
                  "line" : 8,
                  "number" : null,
                  "title" : "Acknowledgements"
                }
              ]
            }

            """)
    }

    @Test func documentTextIsEverySectionOrTheOneNamedByNumberOrAnchor() throws {
        let document = try DocumentReader.read(data: Data(Self.mini.utf8), path: "mini.xml")
        #expect(try DocumentText.render(document, file: "mini.xml") == """
            1.  Introduction

               Hello.

            1.1.  Sub

               More.

            Acknowledgements

               Thanks.
            """)
        #expect(try DocumentText.render(document, section: "1.1", file: "mini.xml") == "1.1.  Sub\n\n   More.")
        #expect(try DocumentText.render(document, section: "sub", file: "mini.xml") == "1.1.  Sub\n\n   More.")
        do {
            _ = try DocumentText.render(document, section: "9", file: "mini.xml")
            Issue.record("an unknown section was rendered")
        } catch let error as DocumentError {
            #expect(error.code == .sectionNotFound)
            #expect(error.description == "error: mini.xml: no section 9")
        }
    }

    static let target: CoverageTarget = {
        var coverage = Coverage(statements: [])
        coverage.total = CoverageRow(key: "all", counts: [.supported: 3, .exempt: 1, .unlinked: 1])
        coverage.byTopic = [CoverageRow(key: "ts", counts: [.supported: 3, .exempt: 1])]
        coverage.byLevel = [CoverageRow(key: "MUST", counts: [.supported: 2, .unlinked: 1]),
                            CoverageRow(key: Coverage.topicalLevel, counts: [.supported: 1, .exempt: 1])]
        coverage.bcp14 = CoverageRow(key: "BCP 14", counts: [.supported: 2, .unlinked: 1])
        coverage.topical = CoverageRow(key: "topical", counts: [.supported: 1, .exempt: 1])
        return CoverageTarget(document: "rfc7296", section: "2.9", coverage: coverage)
    }()

    @Test func coverageTextIsTheSectionTableThenOneTablePerSection() throws {
        let text = try CoverageReport.render([Self.target], as: .text)
        #expect(text == """
            Coverage by section (statements linked to at least one check)
                         statements  linked  supported  contradicted  failed  errored  stale  exempt  unlinked  coverage
            -----------  ----------  ------  ---------  ------------  ------  -------  -----  ------  --------  --------
            rfc7296 2.9           5       3          3             0       0        0      0       1         1       60%

            Targets (issue 15): 3 missed
                         BCP 14 linked (>=90%)  topical linked (>=60%)  linked or exempt (100%)
            -----------  ---------------------  ----------------------  -----------------------
            rfc7296 2.9         2/3 66% MISSED          1/2 50% MISSED           4/5 80% MISSED

            rfc7296 section 2.9, by topic and level
                       statements  linked  supported  contradicted  failed  errored  stale  exempt  unlinked  coverage
            ---------  ----------  ------  ---------  ------------  ------  -------  -----  ------  --------  --------
            ts                  4       3          3             0       0        0      0       1         0       75%
            MUST                3       2          2             0       0        0      0       0         1       67%
            (topical)           2       1          1             0       0        0      0       1         0       50%


            """)
    }

    @Test func coverageJSONIsTheTargetsWithTheirCoverage() throws {
        let json = try CoverageReport.render([Self.target], as: .json)
        #expect(json.hasPrefix("[\n  {\n    \"coverage\" : {\n"))
        #expect(json.contains("\"document\" : \"rfc7296\",\n    \"goals\" : [\n"))
        #expect(json.contains("\"count\" : 4,\n        \"kind\" : \"linked-or-exempt\",\n        \"met\" : false,\n        \"threshold\" : 1,\n        \"total\" : 5\n"))
        #expect(json.contains("\"section\" : \"2.9\",\n    \"unlinked\" : [\n\n    ]\n  }\n]\n"))
        #expect(json.hasSuffix("]\n"))
    }

    @Test func reviewWithChecksTypesTheStatusAndWritesItsName() throws {
        let review = DocumentReview(try DocumentReader.read(path: Self.draft08), runningChecks: true)
        #expect(!review.checkErrored)
        let contradicted = review.report.statements.filter { $0.status == .contradicted }
        #expect(contradicted.map(\.section) == ["2.9"])
        let json = try review.report.rendered(as: .json)
        #expect(json.contains("\"status\" : \"contradicted\""))
        #expect(json.hasSuffix("}\n"))
        #expect(try review.report.rendered(as: .text, color: false).contains("(contradicted)"))
        #expect(try review.report.rendered(as: .markdown).contains("_contradicted_"))
    }

    @Test func reviewWithoutChecksHasNoStatusesAndNoSkeletons() throws {
        let review = DocumentReview(try DocumentReader.read(path: Self.draft08))
        #expect(review.run == nil && review.linked == nil && !review.checkErrored)
        #expect(review.report.statements.allSatisfy { $0.status == nil })
        #expect(try review.errataSkeletons(date: "2026-01-02").isEmpty)
        #expect(!(try review.report.rendered(as: .json)).contains("\"status\""))
    }

    /// `review` without checks writes the report from the analysis, each statement made as
    /// it is written: byte for byte what the whole report writes, in every format and filter.
    @Test func reviewWrittenFromItsAnalysisIsTheWholeReport() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rfc version="3" docName="draft-test-stream-00" category="std">
              <front><title>Streamed</title></front>
              <middle>
                <section anchor="intro"><name>Introduction</name>
                  <t>A responder MUST narrow the Traffic Selectors, it SHOULD log the SPD entry and it MAY reply.</t>
                  <t>PF_KEY carries the SADB_ACQUIRE message. The kernel MUST NOT drop it.</t>
                </section>
                <section anchor="more"><name>More</name><t>An initiator SHOULD retry. It MAY give up.</t></section>
              </middle>
            </rfc>
            """
        let analysis = StatementExtractor().analyze(try DocumentReader.read(data: Data(source.utf8), path: "stream.xml"))
        var all = ""
        try ReviewReport.write(analysis, as: .text) { all += $0 }
        #expect(all.hasSuffix("\nSummary: 7 statements: MUST NOT 1, MUST 1, SHOULD 2, MAY 2, topical only 1; topics: pfkey 1, ts 3, spd 3; findings: 2\n"))
        for filter in [StatementFilter(), StatementFilter(topic: .pfkey), StatementFilter(strength: .should)] {
            let whole = ReviewReport(analysis, filter: filter)
            #expect(!whole.statements.isEmpty, "\(filter)")
            for (format, color) in [(ReviewFormat.text, false), (.text, true), (.json, false), (.jsonl, false), (.markdown, false)] {
                var streamed = "", written = ""
                try ReviewReport.write(analysis, filter: filter, as: format, color: color) { streamed += $0 }
                try whole.write(as: format, color: color) { written += $0 }
                #expect(streamed == written, "\(filter), \(format), color \(color)")
            }
            var text = ""
            try ReviewReport.write(analysis, filter: filter, as: .text) { text += $0 }
            #expect(text.hasSuffix("\nSummary: \(whole.summary.line); findings: \(whole.findings.count)\n"))
            #expect(whole.summary.statements == whole.statements.count)
        }
    }

    /// An item's lead-in is shown before its text (dim on a terminal), and is a JSON
    /// member only where there is one.
    @Test func reviewShowsAnItemsLeadIn() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rfc version="3" docName="draft-test-lead-00" category="std">
              <front><title>Lead</title></front>
              <middle><section anchor="intro"><name>Introduction</name>
                <t>A responder:</t><ul><li>MUST reply.</li></ul>
              </section></middle>
            </rfc>
            """
        let report = ReviewReport(StatementExtractor().analyze(try DocumentReader.read(data: Data(source.utf8), path: "lead.xml")))
        #expect(try report.rendered(as: .text, color: false).contains("\n    A responder: ... MUST reply.\n"))
        #expect(try report.rendered(as: .markdown).contains("\n  _A responder:_ ... **MUST** reply.\n"))
        let json = try report.rendered(as: .json)
        #expect(json.contains("\"leadIn\" : \"A responder:\",\n      \"levels\" : ["))
        let decoded = try JSONDecoder().decode(ReviewReport.self, from: Data(json.utf8))
        #expect(decoded.statements.map(\.leadIn) == ["A responder:"])
    }

    @Test func reviewProposesOneSkeletonPerSectionWithTheContradictingChecks() throws {
        let review = DocumentReview(try DocumentReader.read(path: Self.draft08), runningChecks: true)
        let skeletons = try review.errataSkeletons(date: "2026-01-02")
        try #require(skeletons.count == 1)
        #expect(ErrataSkeleton.fileName(for: skeletons[0]) == "draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata")
        #expect(skeletons[0].date == "2026-01-02")
        #expect(skeletons[0].reporter == "draftcheck")
        #expect(skeletons[0].checks == ["seed.ikev2-child-sa-via-pfkey", "seed.acquire-expresses-spd-entry"])
        #expect(skeletons[0].changes.map(\.paragraphLabel) == ["paragraph 1"])
    }

    @Test func compareOfADocumentWithItselfFindsEveryStatementUnchanged() throws {
        let document = try DocumentReader.read(path: Self.draft08)
        let report = CompareReport(old: document, new: document)
        let count = report.summary["unchanged"] ?? 0
        #expect(count > 0)
        #expect(report.summaryLine == "unchanged \(count), edited 0, moved 0, added 0, removed 0")
        #expect(report.changes.isEmpty)
        #expect(CompareReport(old: document, new: document, includeUnchanged: true).changes.count == count)
        #expect(try report.rendered(as: .json).hasSuffix("}\n"))
    }

    @Test func judgingRunsTheNamedChecksOnly() throws {
        let report = try CheckReport.judging([], checkIDs: ["seed.ikev2-child-sa-via-pfkey"], toolVersion: "test")
        #expect(report.run.checks.map(\.id) == ["seed.ikev2-child-sa-via-pfkey"])
        #expect(report.documents.isEmpty)
        #expect(throws: CheckError.unknownCheck) {
            _ = try CheckReport.judging([], checkIDs: ["no.such.check"], toolVersion: "test")
        }
    }
}
