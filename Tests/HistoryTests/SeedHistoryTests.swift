import DraftDocument
import Checks
import Errata
import Foundation
import History
import Reports
import Scenarios
import Testing
import TestSupport

/// The seed's story as a history (issue 16): RFC 4306 says "see [PFKEY] for an example
/// protocol"; draft-ietf-ipsecme-ikev2bis-04 adds "although it only applies to IKEv1",
/// contradicted there and in the bundled -08; RFC 5996 drops the clause, its replacement
/// sentence is supported, and it adopts the errata's NEW text; RFC 7296 keeps it. Read from
/// ../shared/corpus (absent: said loudly; with CI=true a failure).
@Suite struct SeedHistoryTests {
    static let corpusNames = ["rfc7296.txt", "rfc4306.txt", "draft-ietf-ipsecme-ikev2bis-04.txt", "rfc5996.txt"]
    static let bundled = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path
    static let errata = TestEnvironment.packageRoot.appendingPathComponent("errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata").path

    /// The five documents in a scrambled order (the builder must sort them), or nil.
    static func seedDocuments() throws -> [Document]? {
        var paths: [String] = []
        for name in corpusNames {
            guard let p = Corpus.path(name) else {
                let msg = Absence.corpus(name, neededFor: "the seed series' history")
                if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
                return nil
            }
            paths.append(p)
        }
        paths.insert(bundled, at: 2)
        return try paths.map { try DocumentReader.read(path: $0) }
    }

    /// Built once for the suite's tests (each reads the same five documents).
    static let shared: Result<SeriesHistory?, any Error> = Result {
        guard let documents = try seedDocuments() else { return nil }
        let input = HistoryBuilder.ErrataInput(file: try ErrataFile.read(path: errata), path: errata)
        return try HistoryBuilder(catalog: try catalog()).history(of: documents, errata: [input])
    }

    static func seedHistory() throws -> SeriesHistory? { try shared.get() }

    /// The whole catalog as `check` runs it: the Swift checks and the bundled scenario files.
    static func catalog() throws -> [Checks.Check] {
        try ScenarioCatalog.load(directories: [TestEnvironment.packageRoot.appendingPathComponent("checks").path], bundled: false).checks
    }

    static let ikev1Clause = "although it only applies to IKEv1"

    @Test func theRevisionsAreOrderedOldestFirst() throws {
        guard let h = try Self.seedHistory() else { return }
        #expect(h.revisions.map(\.name) == ["RFC 4306", "draft-ietf-ipsecme-ikev2bis-04", "draft-ietf-ipsecme-ikev2bis-08", "RFC 5996", "RFC 7296"])
        #expect(h.revisions.map { $0.date?.description } == ["2005-12", "2009-07-08", "2010-03", "2010-09", "2014-10"])
        #expect(h.revisions.map(\.statementCount) == [452, 517, 6, 544, 551])
    }

    @Test func theIKEv1ClauseArrivesIsContradictedAndIsMendedByRFC5996() throws {
        guard let h = try Self.seedHistory() else { return }
        let carrying = h.statements.filter { $0.cells.contains { $0?.statement.text.contains(Self.ikev1Clause) == true } }
        // The 2.9 statement, and -04's change log (E.11) quoting it: "In 2.9, added ...".
        #expect(carrying.map(\.key) == ["rfc7296/2.9/cfa808", "draft-ietf-ipsecme-ikev2bis/E.11/507fca"])
        let s = try #require(carrying.first)
        #expect(s.key == "rfc7296/2.9/cfa808")
        #expect(s.cells.map { $0?.statement.id } == ["rfc4306/2.9/692348", "draft-ietf-ipsecme-ikev2bis/2.9/f1ba6f",
                                                    "draft-ietf-ipsecme-ikev2bis/2.9/f1ba6f", "rfc5996/2.9/cfa808", "rfc7296/2.9/cfa808"])
        #expect((1...5).map { s.status(in: $0).status } == [.unlinked, .contradicted, .contradicted, .supported, .supported])
        // RFC 4306: the sentence without the clause.
        #expect(s.cells[0]?.statement.text == "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example protocol), though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see section 1.1.3).")
        #expect(s.cells.map { $0?.change.kind } == [.new, .edited, .unchanged, .edited, .unchanged])
        #expect(s.cells.map { $0?.change.join } == [nil, .similar, .stableID, .similar, .stableID])
        #expect(s.cells[1]?.change.diff?.wdiff == "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example [-protocol),-] {+programming interface, although it only applies to IKEv1),+} though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see [-section-] {+Section+} 1.1.3).")
        #expect(s.contradictions == [ContradictionSpan(entered: 2, mended: 4, mend: .reworded)])
        #expect(s.clauses.map(\.clause) == [Self.ikev1Clause])
        #expect(s.clauses.first?.present == [false, true, true, false, false])
        #expect(s.clauses.first?.arrived == 2)
        #expect(s.clauses.first?.gone == 4)
        #expect(s.first == 1 && s.inLatest && s.splitFrom == nil && s.mergedInto == nil)
    }

    @Test func theReplacementSentenceArrivesInRFC5996Supported() throws {
        guard let h = try Self.seedHistory() else { return }
        let s = try #require(h.statements.first { $0.key == "rfc7296/2.9/606ad9" })
        #expect(s.latest?.statement.text == "These must be communicated to IKE from the SPD (for example, the PF_KEY API [PFKEY] uses the SADB_ACQUIRE message).")
        #expect((1...5).map { s.status(in: $0).status } == [.absent, .absent, .absent, .supported, .supported])
        #expect(s.cells[3]?.checkIDs == ["seed.acquire-expresses-spd-entry"])
        #expect(s.contradictions.isEmpty)
    }

    @Test func theBundledExcerptLeavesStatementsAbsentNotRemoved() throws {
        guard let h = try Self.seedHistory() else { return }
        // 2.9's "Each TS payload contains one or more Traffic Selectors." is in every
        // revision but the -08 excerpt (section 2.9's first two paragraphs only); the RFC
        // 7296 claim on it is inherited by RFC 4306, -04 and RFC 5996, which say the same.
        let s = try #require(h.statements.first { $0.key == "rfc7296/2.9/bf4d04" })
        #expect((1...5).map { s.status(in: $0).status } == [.supported, .supported, .absent, .supported, .supported])
        #expect(s.cells[3]?.change.fromRevision == 2)
        #expect(s.cells[3]?.change.join == .stableID)
    }

    @Test func onlyOneContradictionEverAndNoneInTheLatest() throws {
        guard let h = try Self.seedHistory() else { return }
        #expect(h.statements.flatMap(\.contradictions).count == 1)
        #expect(h.contradictedInLatest.isEmpty)
        #expect(h.statements.count == 678)
        #expect(h.statements.filter(\.inLatest).count == 551)
        #expect(h.statements.filter(\.isTracked).count == 67)
        #expect(h.revisions.map { $0.counts[.contradicted] } == [0, 1, 1, 0, 0])
        // Inherited claims give RFC 4306 and -04 the statuses of the text they share with
        // RFC 7296 (issue 16 section 3).
        #expect(h.revisions.map { $0.counts[.supported] } == [10, 26, 5, 60, 67])
    }

    @Test func theErrataIsAdoptedByRFC5996() throws {
        guard let h = try Self.seedHistory() else { return }
        let e = try #require(h.errata.first)
        #expect(e.target == 3)
        let block = try #require(e.blocks.first)
        #expect(block.change.heading == "Section 2.9, paragraphs 1-2")
        #expect(block.adoptedIn == 4)
        #expect(block.revisions.map(\.adopted) == [false, false, false, true, true])
        #expect(block.revisions.map(\.isTarget) == [false, false, true, false, false])
        // Up to -08 (the errata's document) nothing is searched.
        #expect(block.revisions.map { $0.adoption?.verdict } == [nil, nil, nil, .modified, .modified])
        #expect(block.revisions[3].adoption?.differences.map(\.description) == ["\"though\" -> \"although\"", "\"example\" -> \"example,\""])
        #expect(block.revisions[3].adoption?.section == "2.9")
        #expect(Int((block.revisions[3].adoption?.similarity ?? 0) * 100) == 98)
        #expect(Int((block.revisions[3].oldSimilarity ?? 0) * 100) == 88)
    }

    @Test func inOrderTakesTheOrderGiven() throws {
        guard let documents = try Self.seedDocuments() else { return }
        let h = try HistoryBuilder(catalog: try Self.catalog()).history(of: Array(documents.reversed()), order: .asGiven)
        #expect(h.revisions.map(\.name) == ["RFC 5996", "draft-ietf-ipsecme-ikev2bis-04", "draft-ietf-ipsecme-ikev2bis-08", "RFC 4306", "RFC 7296"])
    }

    @Test func theTimelineAndTheMarkdownShowTheSameStory() throws {
        guard let h = try Self.seedHistory() else { return }
        let html = try HistoryFormat.html.render(h, toolVersion: "test")
        // The row of the 2.9 sentence: r1 unlinked, r2 and r3 contradicted, r4 and r5 supported.
        let row = try #require(html.range(of: "rfc7296/2.9/cfa808").map { String(html[$0.upperBound...].prefix(6000)) })
        let cells = row.components(separatedBy: "<td class=\"cell status-").dropFirst().prefix(5).map { String($0.prefix { $0 != "\"" }) }
        #expect(cells == ["unlinked", "contradicted", "contradicted", "supported", "supported"])
        #expect(html.contains("<del>protocol),</del>"))
        #expect(html.contains("<ins>programming interface, although it only applies to IKEv1),</ins>"))
        #expect(html.contains("Section 2.9, paragraphs 1-2: adopted in r4 RFC 5996"))
        let markdown = try HistoryFormat.markdown.render(h, toolVersion: "test")
        #expect(markdown.contains("| `rfc7296/2.9/cfa808` | unlinked | **contradicted** | **contradicted** | supported | supported | first in r1 |"))
        #expect(markdown.contains("- clause \u{201C}although it only applies to IKEv1\u{201D}: arrived r2, gone r4"))
    }

    @Test func withoutItsOwnDocumentEveryRevisionIsSearched() throws {
        guard let documents = try Self.seedDocuments() else { return }
        // RFC 4306 and RFC 5996 alone: the errata's -08 is not among them.
        let two = documents.filter { ["rfc4306", "rfc5996"].contains($0.metadata.rfcNumber.map { "rfc\($0)" } ?? "") }
        let input = HistoryBuilder.ErrataInput(file: try ErrataFile.read(path: Self.errata), path: Self.errata)
        let h = try HistoryBuilder(catalog: try Self.catalog()).history(of: two, errata: [input])
        let block = try #require(h.errata.first?.blocks.first)
        #expect(h.errata.first?.target == nil)
        #expect(block.adoptedIn == 2)
        // RFC 4306 is close to the NEW text (85%) but closer to the OLD (91%): not an adoption.
        #expect(block.revisions.map(\.adopted) == [false, true])
        #expect(Int((block.revisions[0].adoption?.similarity ?? 0) * 100) == 85)
        #expect(Int((block.revisions[0].oldSimilarity ?? 0) * 100) == 91)
    }
}
