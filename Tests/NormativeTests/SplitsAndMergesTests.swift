import DraftDocument
import Normative
import Testing

/// `StatementMatcher.regroupings`: a sentence cut in two, two sentences joined, and a
/// neighbour that only shares common words, which is neither.
@Suite struct SplitsAndMergesTests {
    static func statement(_ text: String, section: String = "2.9", paragraph: Int = 1, sentence: Int = 1) -> Statement {
        Statement(id: "doc/\(section)/\(StatementIdentity.shortHash(text))", document: "doc",
                  position: StatementPosition(section: section, sectionTitle: "", paragraph: paragraph, sentence: sentence,
                                              location: SourceLocation(file: "doc", line: paragraph)),
                  levels: [], topics: [], text: text)
    }

    let long = statement("The responder narrows the traffic selectors to a subset of the proposal, and it includes an ADDITIONAL_TS_POSSIBLE notification when other subsets would also be acceptable to its policy.")
    let firstHalf = statement("The responder narrows the traffic selectors to a subset of the proposal.")
    let secondHalf = statement("It includes an ADDITIONAL_TS_POSSIBLE notification when other subsets would also be acceptable to its policy.", sentence: 2)
    let neighbour = statement("The initiator sends the traffic selectors of the packet that triggered the exchange first.", sentence: 2)

    @Test func aSentenceCutInTwoIsASplit() {
        let matcher = StatementMatcher()
        let result = matcher.match(old: [long], new: [firstHalf, secondHalf])
        // The matcher pairs the longer half (Dice 0.72 against 0.57); the other is split off.
        #expect(result.matches.map(\.new.text) == [secondHalf.text])
        let groups = matcher.regroupings(in: result)
        #expect(groups.map(\.kind) == [.split])
        #expect(groups.first?.old.text == long.text)
        #expect(groups.first?.partner.text == secondHalf.text)
        #expect(groups.first?.other.text == firstHalf.text)
        #expect(groups.first?.containment == 1)
    }

    @Test func twoSentencesJoinedAreAMerge() {
        let matcher = StatementMatcher()
        let result = matcher.match(old: [firstHalf, secondHalf], new: [long])
        let groups = matcher.regroupings(in: result)
        #expect(groups.map(\.kind) == [.merged])
        #expect(groups.first?.old.text == secondHalf.text)
        #expect(groups.first?.other.text == firstHalf.text)
        #expect(groups.first?.partner.text == long.text)
    }

    @Test func aNewNeighbourSharingCommonWordsIsNeither() {
        let matcher = StatementMatcher()
        let result = matcher.match(old: [firstHalf], new: [firstHalf, neighbour])
        #expect(result.unmatchedNew.map(\.text) == [neighbour.text])
        #expect(matcher.regroupings(in: result).isEmpty)
    }

    @Test func anotherSectionIsNeverHalfOfIt() {
        let matcher = StatementMatcher()
        let elsewhere = Self.statement(firstHalf.text, section: "3.13")
        let result = matcher.match(old: [long], new: [secondHalf, elsewhere])
        #expect(matcher.regroupings(in: result).isEmpty)
    }
}
