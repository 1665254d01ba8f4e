import Checks
import Linking
import Testing

/// Issue 16 section 1: a claim's decisive clause. A statement found reworded keeps its
/// check's verdict, labelled drifted, while the clause is there; the clause gone makes the
/// claim stale for that statement; the statement gone makes the claim stale as a claim.
@Suite struct ClauseDriftTests {
    typealias F = LinkingFixture

    static let seedClause = "although it only applies to IKEv1"

    /// (text, the clause as found there, or nil when the text no longer carries it)
    static let clauseCases: [(String, String?)] = [
        ("see [PFKEY] for an example programming interface, although it only applies to IKEv1), though", "although it only applies to IKEv1"),
        ("programming interface, although it applies only to IKEv1), though", "although it applies only to IKEv1"),
        ("programming interface, although it really only applies to IKEv1)", "although it really only applies to IKEv1"),
        ("programming interface, although It Only Applies To IKEv1)", "although It Only Applies To IKEv1"),
        // A negation, a restriction dropped, another subject, another protocol: gone.
        ("programming interface, although it does not only apply to IKEv1)", nil),
        ("programming interface, although it not only applies to IKEv1)", nil),
        ("programming interface, although it applies to IKEv1)", nil),
        ("programming interface, although IKE only applies to IKEv1)", nil),
        ("programming interface, although PF_KEY only applies to IKEv1)", nil),
        ("programming interface, although it only applies to IKEv2)", nil),
        ("programming interface, which it only applies to IKEv1)", nil),
        ("programming interface), though some implementations might update their SPD", nil),
    ]

    @Test(arguments: 0..<clauseCases.count)
    func theClauseIsFoundReorderedButNotNegatedOrRenamed(index: Int) {
        let (text, expected) = Self.clauseCases[index]
        #expect(ClauseFinder.find(Self.seedClause, in: text) == expected, "in: \(text)")
    }

    @Test func aReplacedWordIsNotTheClause() {
        #expect(ClauseFinder.find("set the reserved field to zero", in: "The sender MUST set the reserved field to nil.") == nil)
        #expect(ClauseFinder.find("set the reserved field to zero", in: "The sender MUST set reserved field to zero.") == "set reserved field to zero")
    }

    @Test func similarityIsTheDiceCoefficientOfTheWords() {
        #expect(ClauseFinder.similarity("a b c d", "a b c d") == 1)
        #expect(ClauseFinder.similarity("a b c d", "a b x y") == 0.5)
        #expect(ClauseFinder.similarity("The SPD, the SPD.", "the spd") == 2.0 * 2 / 6)
    }

    // MARK: Statuses on a real document

    static let reworded = "Responders MUST reply with TS_UNACCEPTABLE if no selector is acceptable to them."
    static let negated = "Responders MUST NOT reply with TS_UNACCEPTABLE when no selector is acceptable."
    static let gone = "Initiators MUST retransmit the request after two seconds of silence."
    static let reordered = "The receiver MUST on receipt ignore the reserved field."

    /// (quote, clause, relation, check behaviour, expected status of the statement the
    /// quote is about, drifted?)
    static let statusCases: [(String, String?, Claim.Relation, F.Behaviour, StatementStatus, Bool)] = [
        (reworded, "MUST reply with TS_UNACCEPTABLE", .supports, .passes, .supported, true),
        (reworded, "MUST reply with TS_UNACCEPTABLE", .contradicts, .passes, .contradicted, true),
        (reworded, "MUST reply with TS_UNACCEPTABLE", .supports, .fails, .failed, true),
        (reworded, "MUST reply with TS_UNACCEPTABLE", .supports, .throwsError, .errored, true),
        // No clause named: the whole quote is the clause; reordered words keep it.
        (reordered, nil, .supports, .passes, .supported, true),
        (reordered, nil, .contradicts, .passes, .contradicted, true),
        // The clause the verdict rests on is gone from the reworded statement.
        (negated, "MUST NOT reply with TS_UNACCEPTABLE", .contradicts, .passes, .stale, false),
        (negated, "MUST NOT reply with TS_UNACCEPTABLE", .supports, .fails, .stale, false),
        // No clause named and a word of the quote replaced: the whole quote is gone.
        (reworded, nil, .supports, .passes, .stale, false),
    ]

    @Test(arguments: 0..<statusCases.count)
    func theVerdictStandsWhileTheClauseIsThere(index: Int) throws {
        let (quote, clause, relation, behaviour, status, drifted) = Self.statusCases[index]
        let target = quote == Self.reordered ? F.ignore : F.unacceptable
        let section = quote == Self.reordered ? "1" : "2"
        let claim = Claim(relation, "draft-test-linking", section: section, quote, clause: clause)
        let linked = F.link([F.check("c", behaviour, [claim])])
        let link = try #require(linked.claims.first)
        let statement = try #require(linked.statements.first { $0.statement.text == target })
        #expect(link.match?.kind == .fuzzy)
        #expect(link.status == status)
        #expect(statement.status == status)
        #expect(statement.isDrifted == drifted)
        #expect(link.isDrifted == drifted)
        let drift = try #require(statement.drift)
        #expect(drift.clause == clause ?? quote)
        #expect((drift.clauseFound != nil) == drifted)
        #expect(drift.similarity >= ClauseFinder.minimumStatementSimilarity && drift.similarity <= 1)
        #expect(drift.wordDiff.contains("[-") || drift.wordDiff.contains("{+"))
        // Stale for this statement is not a claim found nowhere.
        #expect(link.statementIDs == [statement.statement.id] || link.statementIDs.contains(statement.statement.id))
    }

    @Test func aStatementFoundNowhereLeavesTheClaimStaleAndLinksNothing() throws {
        let linked = F.link([F.check("c", .passes, [Claim(.supports, "draft-test-linking", section: "2", Self.gone, clause: "MUST retransmit")])])
        let link = try #require(linked.claims.first)
        #expect(link.match == nil)
        #expect(link.drift == nil)
        #expect(link.status == .stale)
        #expect(link.statementIDs.isEmpty)
        #expect(linked.statements.allSatisfy { $0.status == .unlinked })
    }

    @Test func theWordDiffShowsTheQuoteAgainstTheDocument() throws {
        let linked = F.link([F.check("c", .passes, [Claim(.supports, "draft-test-linking", section: "2", Self.negated, clause: "MUST NOT reply with TS_UNACCEPTABLE")])])
        let drift = try #require(linked.claims.first?.drift)
        #expect(drift.wordDiff == "Responders MUST [-NOT-] reply with TS_UNACCEPTABLE when no selector is acceptable.")
        #expect(drift.clauseFound == nil)
    }

    /// Several claims on one statement: the status is the one a reviewer must see first
    /// (README order); the statement is drifted only when every claim behind that status
    /// found it reworded.
    @Test func anExactLinkOfTheWinningStatusIsNotDrifted() throws {
        let exact = Claim(.contradicts, "draft-test-linking", section: "2", F.unacceptable)
        let drifted = Claim(.contradicts, "draft-test-linking", section: "2", Self.reworded, clause: "MUST reply with TS_UNACCEPTABLE")
        let both = F.link([F.check("a", .passes, [drifted]), F.check("b", .passes, [exact])])
        let s = try #require(both.statements.first { $0.statement.text == F.unacceptable })
        #expect(s.status == .contradicted)
        #expect(!s.isDrifted)
        #expect(s.checkIDs == ["a", "b"])

        let supportedExactly = F.link([F.check("a", .passes, [drifted]), F.check("b", .passes, [Claim(.supports, "draft-test-linking", section: "2", F.unacceptable)])])
        let t = try #require(supportedExactly.statements.first { $0.statement.text == F.unacceptable })
        #expect(t.status == .contradicted)
        #expect(t.isDrifted)
    }
}
