import Checks
import Linking
import Testing

/// README "Checks": each statement's status from the outcome of the linked check (passed,
/// failed, errored, no expectation) and the claim's relation (supports, contradicts).
@Suite struct StatusMatrixTests {
    typealias F = LinkingFixture

    static let cases: [(F.Behaviour, Claim.Relation, StatementStatus)] = [
        (.passes, .supports, .supported),
        (.passes, .contradicts, .contradicted),
        (.fails, .supports, .failed),
        (.fails, .contradicts, .failed),
        (.throwsError, .supports, .errored),
        (.throwsError, .contradicts, .errored),
        (.recordsNothing, .supports, .errored),
        (.recordsNothing, .contradicts, .errored),
    ]

    @Test(arguments: 0..<cases.count)
    func outcomeAndRelationGiveTheStatus(index: Int) {
        let (behaviour, relation, expected) = Self.cases[index]
        let linked = F.link([F.check("c", behaviour, [F.claim(relation, F.reserved)])])
        #expect(F.status(of: F.reserved, in: linked) == expected, "\(behaviour) \(relation)")
        // The claim's own status agrees, and the statement lists the check.
        #expect(linked.claims.map(\.status) == [expected])
        #expect(linked.statements.first { $0.statement.text == F.reserved }?.checkIDs == ["c"])
        // Statements no claim reaches stay unlinked.
        #expect(F.status(of: F.ignore, in: linked) == .unlinked)
    }

    @Test func aCheckWithoutExpectationErrorsAndSaysWhy() {
        let result = F.check("quiet", .recordsNothing, []).run()
        #expect(result.outcome == .errored)
        #expect(result.error == "the check recorded no expectation")
    }

    /// Another series' claim whose words this document does not carry is neither linked
    /// nor stale here (one it does carry is inherited: InheritedLinkTests).
    @Test func aClaimOfAnotherSeriesNotRestatedHereIsNotLinked() {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, "The sender MUST set the reserved field to one.", document: "RFC 7296")])])
        #expect(linked.claims.isEmpty)
        #expect(linked.staleClaims.isEmpty)
        #expect(F.status(of: F.reserved, in: linked) == .unlinked)
    }

    @Test func aClaimNamingARevisionStillNamesTheSeries() {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, F.reserved, document: "draft-test-linking-01")])])
        #expect(F.status(of: F.reserved, in: linked) == .supported)
    }
}
