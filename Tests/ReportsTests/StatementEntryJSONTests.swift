import DraftDocument
import Linking
import Normative
@testable import Reports
import Testing

/// `check --format json` writes each statement entry directly (`DirectJSON`): its
/// statement's members, with "claims" and "drift" placed among them in key order. It must
/// be the text Foundation's JSONEncoder writes for the entry's `Encodable` conformance.
@Suite struct StatementEntryJSONTests {
    struct Shell: Encodable {
        var n = 1
        var statements: [JSONCheckReport.StatementEntry]
    }

    @Test func statementEntriesWriteTheJSONFoundationWrites() throws {
        let position = StatementPosition(section: "2.9", sectionTitle: "Traffic Selector Negotiation", paragraph: 3, sentence: 2,
                                         location: DraftDocument.SourceLocation(file: "d.xml", line: 120))
        let statement = Statement(id: "draft-x/2.9/abc123", document: "draft-x", position: position, levels: [.must], topics: [],
                                  text: "The kernel MUST send \"SADB_ACQUIRE\" \\ as [PFKEY] says.", leadIn: "A \"server\":")
        var linked = ReviewStatement(statement)
        linked.status = StatementStatus.contradicted
        linked.checks = ["pfkey.acquire", "ts.narrow"]
        let drift = Drift(similarity: 0.8125, clause: "MUST send", clauseFound: nil, wordDiff: "MUST [-send-] {+sends+}")
        let claim = JSONCheckReport.ClaimEntry(
            check: "pfkey.acquire", outcome: "fail", relation: "supports", section: "2.9", foundInSection: "2.9",
            quote: "MUST send", match: "fuzzy", score: 0.875, matchedText: "MUST sends", line: 121, status: "contradicted",
            clause: "MUST send", drift: drift, inheritedFrom: InheritedFrom(document: "rfc7296", section: "2.9"))
        let bare = JSONCheckReport.ClaimEntry(
            check: "ts.narrow", outcome: "pass", relation: "contradicts", section: "3.13", foundInSection: nil,
            quote: "q", match: nil, score: nil, matchedText: nil, line: nil, status: "supported", clause: nil, drift: nil, inheritedFrom: nil)
        var variants: [JSONCheckReport.StatementEntry] = []
        for s in [ReviewStatement(statement), linked] {
            for claims in [[], [bare], [claim, bare]] {
                for d in [nil, drift] {
                    variants.append(JSONCheckReport.StatementEntry(statement: s, claims: claims, drift: d))
                }
            }
        }
        #expect(variants.count == 12)
        var pretty = ""
        try StableJSON.stream(Shell(statements: []), array: "statements", elements: variants, compact: false) { pretty += $0 }
        #expect(pretty == (try StableJSONTests.foundation(Shell(statements: variants))))
        // The direct path is the one taken (the tree would match Foundation anyway).
        #expect((variants[0] as Any) is any DirectJSON)
        var line = ""
        try StableJSON.stream(Shell(statements: []), array: "statements", elements: variants, compact: true) { line += $0 }
        #expect(line == (try StableJSON.encodeLine(Shell(statements: variants))))
    }
}
