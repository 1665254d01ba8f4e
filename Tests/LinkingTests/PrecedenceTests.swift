import Checks
import Linking
import Testing

/// Several claims on one statement: the status is the first that applies in the README's
/// order errored, failed, contradicted, supported, stale, unlinked.
@Suite struct PrecedenceTests {
    typealias F = LinkingFixture

    static let fuzzy = "The sender MUST set the reserved field to nil."

    /// (claims as (behaviour, relation, fuzzy?), the status that wins)
    static let cases: [([(F.Behaviour, Claim.Relation, Bool)], StatementStatus)] = [
        ([(.passes, .supports, false), (.passes, .contradicts, false)], .contradicted),
        ([(.passes, .contradicts, false), (.passes, .supports, false)], .contradicted),
        ([(.passes, .supports, false), (.fails, .supports, false)], .failed),
        ([(.passes, .contradicts, false), (.fails, .supports, false)], .failed),
        ([(.fails, .supports, false), (.throwsError, .supports, false)], .errored),
        ([(.passes, .supports, false), (.recordsNothing, .supports, false)], .errored),
        ([(.passes, .supports, false), (.passes, .supports, true)], .supported),
        ([(.fails, .supports, true), (.passes, .supports, true)], .stale),
        ([(.passes, .supports, false), (.passes, .contradicts, false), (.fails, .contradicts, false), (.throwsError, .supports, true)], .failed),
    ]

    @Test(arguments: 0..<cases.count)
    func theStatusAReviewerMustSeeFirstWins(index: Int) {
        let (claims, expected) = Self.cases[index]
        let checks = claims.enumerated().map { i, c in
            F.check("c\(i)", c.0, [F.claim(c.1, c.2 ? Self.fuzzy : F.reserved)])
        }
        let linked = F.link(checks)
        #expect(F.status(of: F.reserved, in: linked) == expected, "\(claims)")
        // Every check whose claim reached the statement is listed, in catalog order.
        #expect(linked.statements.first { $0.statement.text == F.reserved }?.checkIDs == checks.map(\.id))
    }

    @Test func coverageCountsEachStatementOnceByItsStatus() {
        let linked = F.link([
            F.check("a", .passes, [F.claim(.supports, F.reserved), F.claim(.contradicts, F.log)]),
            F.check("b", .fails, [F.claim(.supports, F.ignore)]),
        ])
        let coverage = linked.coverage
        #expect(coverage.total.total == 7)
        #expect(coverage.total.count(.supported) == 1)
        #expect(coverage.total.count(.contradicted) == 1)
        #expect(coverage.total.count(.failed) == 1)
        #expect(coverage.total.count(.unlinked) == 4)
        #expect(coverage.total.linked == 3)
        #expect(coverage.bySection.map(\.key) == ["1", "2"])
        #expect(coverage.byLevel.map(\.key) == ["MUST", "MUST NOT", "SHOULD", "MAY"])
    }
}
