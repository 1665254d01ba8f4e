import Checks
import Linking
import Testing

/// Issue 16 section 3: a claim written on another document applies where this document
/// restates the statement word for word (white space aside), labelled inherited with its
/// source; reworded text inherits nothing; `seriesOnly` opts out; a claim of this series
/// on the same statement makes the inherited one redundant.
@Suite struct InheritedLinkTests {
    typealias F = LinkingFixture

    static func other(_ relation: Claim.Relation, _ quote: String, seriesOnly: Bool = false) -> Claim {
        Claim(relation, "RFC 9999", section: "4.2", quote, seriesOnly: seriesOnly)
    }

    static let outcomes: [(F.Behaviour, Claim.Relation, StatementStatus)] = [
        (.passes, .supports, .supported), (.passes, .contradicts, .contradicted),
        (.fails, .supports, .failed), (.throwsError, .contradicts, .errored),
    ]

    @Test(arguments: 0..<outcomes.count)
    func aRestatedStatementInheritsTheClaimAndItsVerdict(index: Int) throws {
        let (behaviour, relation, status) = Self.outcomes[index]
        let linked = F.link([F.check("c", behaviour, [Self.other(relation, F.log)])])
        let link = try #require(linked.claims.first)
        #expect(link.inheritedFrom == InheritedFrom(document: "rfc9999", section: "4.2"))
        #expect(link.inheritedFrom?.description == "RFC 9999 section 4.2")
        #expect(link.match?.kind == .exact)
        #expect(link.foundInSection == "1")
        let s = try #require(linked.statements.first { $0.statement.text == F.log })
        #expect(s.status == status)
        #expect(s.inheritedFrom == [InheritedFrom(document: "rfc9999", section: "4.2")])
        #expect(s.isInherited)
        #expect(linked.coverage.total.inherited == 1)
        #expect(linked.staleClaims.isEmpty)
    }

    @Test func whiteSpaceAsideIsStillTheSameWords() throws {
        let linked = F.link([F.check("c", .passes, [Self.other(.supports, "An implementation  SHOULD log\n each unknown extension type it meets.")])])
        #expect(linked.claims.first?.match?.kind == .normalized)
        #expect(F.status(of: F.log, in: linked) == .supported)
    }

    @Test func rewordedTextInheritsNothingAndIsNoStaleClaim() {
        let linked = F.link([F.check("c", .passes, [Self.other(.supports, "An implementation SHOULD log every unknown extension type it meets.")])])
        #expect(linked.claims.isEmpty)
        #expect(F.status(of: F.log, in: linked) == .unlinked)
        #expect(linked.staleClaims.isEmpty)
    }

    @Test func aSeriesOnlyClaimIsNotInherited() {
        let linked = F.link([F.check("c", .passes, [Self.other(.contradicts, F.log, seriesOnly: true)])])
        #expect(linked.claims.isEmpty)
        #expect(F.status(of: F.log, in: linked) == .unlinked)
    }

    @Test func aClaimOfThisSeriesMakesTheInheritedOneRedundant() throws {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, F.log), Self.other(.supports, F.log)])])
        #expect(linked.claims.count == 1)
        #expect(linked.claims.first?.inheritedFrom == nil)
        let s = try #require(linked.statements.first { $0.statement.text == F.log })
        #expect(!s.isInherited)
        #expect(linked.coverage.total.inherited == 0)
    }

    /// Direct and inherited claims of different checks meet: the status follows the
    /// README's order over both; the statement is inherited only when every claim behind
    /// its status is.
    @Test func directAndInheritedClaimsMeetByPrecedence() throws {
        let linked = F.link([F.check("a", .passes, [F.claim(.supports, F.log)]), F.check("b", .passes, [Self.other(.contradicts, F.log)])])
        let s = try #require(linked.statements.first { $0.statement.text == F.log })
        #expect(s.status == .contradicted)
        #expect(s.isInherited)
        #expect(s.checkIDs == ["a", "b"])
        let t = F.link([F.check("a", .passes, [F.claim(.contradicts, F.log)]), F.check("b", .passes, [Self.other(.contradicts, F.log)])])
        #expect(t.statements.first { $0.statement.text == F.log }?.isInherited == false)
    }
}
