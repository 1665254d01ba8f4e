import DraftDocument
import Foundation
import Testing
@testable import Normative

/// Issue 17 D9: matching two revisions of thousands of statements that share common words
/// ("MUST", "the") compared every pair (8000 x 8000: 31 s, 1 GB). The similarity stage is
/// exhaustive for real revisions and bounded past a million pairs.
@Suite struct StatementMatcherScaleTests {
    static func statement(_ text: String, section: String, paragraph: Int) -> Statement {
        Statement(id: "d/\(section)/\(paragraph)", document: "d",
                  position: StatementPosition(section: section, sectionTitle: "", paragraph: paragraph, sentence: 1, location: SourceLocation(file: "d", line: paragraph)),
                  levels: [.must], topics: [], text: text)
    }

    /// `count` statements each side: every other one edited (a word added), the rest new.
    static func revisions(_ count: Int) -> (old: [Statement], new: [Statement]) {
        let old = (0..<count).map { statement("The sender MUST set field \($0) to value \($0) before it sends the message.", section: "\($0 / 100)", paragraph: $0) }
        let new = (0..<count).map { i in
            statement(i % 2 == 0 ? "The sender MUST set field \(i) to value \(i) before it sends the message again."
                                 : "A new rule \(i * 7 + 1): the receiver MUST log record \(i * 3 + 2) and then discard it.",
                      section: "\(i / 100)", paragraph: i)
        }
        return (old, new)
    }

    @Test func editedStatementsAreFoundAmongThousands() {
        let (old, new) = Self.revisions(3000)
        let result = StatementMatcher().match(old: old, new: new)
        // Each edited statement is found through its numbers, and with its own partner.
        #expect(result.matches.count == 1500)
        #expect(result.matches.allSatisfy { $0.kind == .similar && $0.old.position.paragraph == $0.new.position.paragraph })
        #expect(result.unmatchedNew.count == 1500)
        // Every pair through "MUST" and "the" was 9 million comparisons (tens of seconds in
        // a debug build); scripts/bench measures the time, this the result.
    }

    /// Few statements: every pair sharing a word is compared, so a statement made only of
    /// words that every statement has still finds its edited self (as before the bound).
    @Test func fewStatementsAreComparedExhaustively() {
        let common = "the sender MUST send the message to the peer"
        let old = [Self.statement(common + ".", section: "1", paragraph: 1)] + (2..<80).map { Self.statement("The sender MUST send the message \($0).", section: "1", paragraph: $0) }
        let new = [Self.statement(common + " now.", section: "1", paragraph: 1)] + (2..<80).map { Self.statement("The sender MUST send the message to the peer \($0) later.", section: "1", paragraph: $0) }
        let result = StatementMatcher().match(old: old, new: new)
        #expect(result.matches.contains { $0.old.position.paragraph == 1 && $0.new.position.paragraph == 1 && $0.kind == .similar })
    }
}
