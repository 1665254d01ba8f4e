import Checks
import Linking
import Testing

/// Exact, white-space normalised and fuzzy quotes, each with each outcome; quotes found
/// elsewhere in the document, and not at all.
@Suite struct QuoteMatchTests {
    typealias F = LinkingFixture

    /// The same statement quoted three ways.
    static let quotes: [(String, MatchKind)] = [
        (F.reserved, .exact),
        ("The sender  MUST set the\n   reserved field to zero.", .normalized),
        ("The sender MUST set the reserved field to nil.", .fuzzy),
    ]

    static let outcomes: [(F.Behaviour, StatementStatus)] = [(.passes, .supported), (.fails, .failed), (.throwsError, .errored)]

    @Test(arguments: 0..<3, 0..<3)
    func matchKindAndOutcome(quoteIndex: Int, outcomeIndex: Int) throws {
        let (quote, kind) = Self.quotes[quoteIndex]
        let (behaviour, status) = Self.outcomes[outcomeIndex]
        let linked = F.link([F.check("c", behaviour, [F.claim(.supports, quote)])])
        let link = try #require(linked.claims.first)
        #expect(link.match?.kind == kind)
        // A fuzzy match is stale whatever the check did: the text changed under the claim.
        let expected: StatementStatus = kind == .fuzzy ? .stale : status
        #expect(link.status == expected)
        #expect(F.status(of: F.reserved, in: linked) == expected)
        #expect(linked.staleClaims.count == (kind == .fuzzy ? 1 : 0))
        if kind == .fuzzy {
            #expect(link.match?.label.hasPrefix("fuzzy (0.") == true)
            #expect((link.match?.score ?? 0) >= QuoteFinder.minimumFuzzyScore && (link.match?.score ?? 1) < 1)
        } else {
            #expect(link.match?.score == 1)
        }
    }

    @Test func curlyQuotesInTheDocumentMatchAStraightQuote() throws {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, "A key manager MUST answer each \"acquire\" within thirty seconds.")])])
        let link = try #require(linked.claims.first)
        #expect(link.match?.kind == .normalized)
        #expect(F.status(of: F.acquire, in: linked) == .supported)
    }

    @Test func aQuoteInAnotherSectionIsFoundThereAndSaysSo() throws {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, F.unacceptable, section: "1")])])
        let link = try #require(linked.claims.first)
        #expect(link.foundInSection == "2")
        #expect(link.match?.kind == .exact)
        #expect(F.status(of: F.unacceptable, in: linked) == .supported)
    }

    @Test func aQuoteFoundNowhereIsAStaleClaimAndLinksNothing() throws {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, "Nothing in this document says anything like this sentence at all.")])])
        let link = try #require(linked.claims.first)
        #expect(link.match == nil)
        #expect(link.status == .stale)
        #expect(link.statementIDs.isEmpty)
        #expect(linked.staleClaims.count == 1)
        #expect(linked.statements.allSatisfy { $0.status == .unlinked })
    }

    @Test func aQuoteSpanningTwoSentencesLinksBoth() {
        let linked = F.link([F.check("c", .passes, [F.claim(.supports, F.reserved + " " + F.ignore)])])
        #expect(F.status(of: F.reserved, in: linked) == .supported)
        #expect(F.status(of: F.ignore, in: linked) == .supported)
        #expect(F.status(of: F.log, in: linked) == .unlinked)
    }
}
