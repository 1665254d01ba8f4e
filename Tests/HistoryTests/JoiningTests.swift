import DraftDocument
import Foundation
import History
import Linking
import Testing

/// Joining statements across revisions on small xml2rfc v3 drafts of one invented series:
/// a sentence split in two, the halves merged again, a revision that leaves a statement out,
/// a statement removed for good.
@Suite struct JoiningTests {
    static func draft(_ revision: String, month: String, _ sentences: [String]) throws -> Document {
        let body = sentences.map { "<t>\($0)</t>" }.joined(separator: "\n")
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc xmlns:xi="http://www.w3.org/2001/XInclude" version="3" docName="draft-test-history-\(revision)" category="std" submissionType="IETF">
        <front><title>History test</title><date month="\(month)" year="2024"/></front>
        <middle><section title="Narrowing"><name>Narrowing</name>
        \(body)
        </section></middle>
        </rfc>
        """
        return try DocumentReader.read(data: Data(xml.utf8), path: "draft-test-history-\(revision).xml")
    }

    static let whole = "The responder MUST narrow the traffic selectors to a subset of the proposal, and it includes an ADDITIONAL_TS_POSSIBLE notification when other subsets would also be acceptable to its policy."
    static let firstHalf = "The responder MUST narrow the traffic selectors to a subset of the proposal."
    static let secondHalf = "It MUST include an ADDITIONAL_TS_POSSIBLE notification when other subsets would also be acceptable to its policy."
    static let steady = "The initiator SHOULD send the traffic selectors of the packet that triggered the exchange first."
    static let dropped = "Implementations MAY log every narrowing decision."

    static func history() throws -> SeriesHistory {
        // Given out of order: -02 first.
        let documents = [
            try draft("02", month: "March", [whole, steady]),
            try draft("00", month: "January", [whole, steady, dropped]),
            try draft("01", month: "February", [firstHalf, secondHalf]),
        ]
        return try HistoryBuilder().history(of: documents)
    }

    func history(containing text: String, in h: SeriesHistory) throws -> StatementHistory {
        try #require(h.statements.first { $0.cells.contains { $0?.statement.text == text } })
    }

    @Test func aSplitIsNamedAndTheHalvesMergeAgain() throws {
        let h = try Self.history()
        #expect(h.revisions.map(\.name) == ["draft-test-history-00", "draft-test-history-01", "draft-test-history-02"])
        let main = try history(containing: Self.whole, in: h)
        let half = try history(containing: Self.firstHalf, in: h)
        // The matcher follows the whole sentence into its longer half; the shorter half is split off.
        #expect(main.cells.map { $0?.statement.text } == [Self.whole, Self.secondHalf, Self.whole])
        #expect(half.cells.map { $0?.statement.text } == [nil, Self.firstHalf, nil])
        #expect(half.splitFrom == HistoryReference(revision: 2, key: main.key))
        #expect(half.mergedInto == HistoryReference(revision: 3, key: main.key))
        #expect(main.splitInto == [HistoryReference(revision: 2, key: half.key)])
        #expect(main.mergedFrom == [HistoryReference(revision: 3, key: half.key)])
        #expect(!half.inLatest)
    }

    @Test func aRevisionLeavingAStatementOutShowsItAbsent() throws {
        let h = try Self.history()
        let s = try history(containing: Self.steady, in: h)
        #expect((1...3).map { s.status(in: $0).status } == [.unlinked, .absent, .unlinked])
        #expect(s.cells[2]?.change.fromRevision == 1)
        #expect(s.cells[2]?.change.join == .stableID)
        let gone = try history(containing: Self.dropped, in: h)
        #expect((1...3).map { gone.status(in: $0).status } == [.unlinked, .absent, .absent])
        #expect(gone.last == 1 && !gone.inLatest && gone.mergedInto == nil)
        // The latest revision's statements first, then the removed ones.
        #expect(h.statements.map(\.inLatest) == [true, true, false, false])
    }

    @Test func theStatusComesFromLinkingAlone() {
        let statement = LinkStatement(id: "draft-x/2.9/abcdef", section: "2.9", sectionTitle: "", paragraph: 1, sentence: 1,
                                      location: SourceLocation(file: "x", line: 1), levels: [], topics: ["pfkey"], text: "PF_KEY only applies to IKEv1.")
        let linked = LinkedStatement(statement: statement, status: .contradicted, checkIDs: ["seed.ikev2-child-sa-via-pfkey"])
        #expect(RevisionStatus(from: linked) == RevisionStatus(status: .contradicted))
        #expect(RevisionStatus(from: linked).isContradiction)
        #expect(RevisionStatus(status: .drifted, verdict: .contradicted).isContradiction)
        #expect(!RevisionStatus(status: .drifted, verdict: .supported).isContradiction)
    }
}
