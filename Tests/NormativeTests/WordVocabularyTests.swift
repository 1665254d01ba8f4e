@testable import Normative
import Testing

/// The words statements are compared by: the matching form's words, numbered as first seen.
@Suite struct WordVocabularyTests {
    @Test func wordsOfTheMatchingFormNumberedAsFirstSeen() {
        var vocabulary = WordVocabulary()
        // "the child sa must be see 1 1 3": the 0, child 1, sa 2, must 3, be 4, see 5, 1 6, 3 7.
        #expect(vocabulary.tokens("The CHILD_SA MUST be (see 1.1.3).") == [0, 1, 2, 3, 4, 5, 6, 6, 7])
        #expect(vocabulary.tokens("The CHILD_SA MUST be 1.1.3.") == [0, 1, 2, 3, 4, 6, 6, 7])
        // Punctuation separates; letters outside ASCII stay in a word ("—é" is word 8).
        #expect(vocabulary.tokens("  —é 3, the ") == [0, 7, 8])
        #expect(vocabulary.tokens("") == [])
        #expect(vocabulary.tokens("New words") == [9, 10])
    }

    /// The same numbers as splitting the matching form as a String.
    @Test func theSameAsSplittingTheMatchingForm() {
        let texts = ["A peer MUST NOT send TSi.", "É-à 12ab CD", "x", "", " .. ", "The peer's SA (SA) MUST be sent; SA again.", "Über naïve café SA"]
        var vocabulary = WordVocabulary()
        var reference: [String: Int] = [:]
        for text in texts {
            let expected = StatementIdentity.matchingKey(text).split(separator: " ").map { word -> Int in
                if let id = reference[String(word)] { return id }
                reference[String(word)] = reference.count
                return reference.count - 1
            }.sorted()
            #expect(vocabulary.tokens(text) == expected, "\(text)")
        }
    }
}
