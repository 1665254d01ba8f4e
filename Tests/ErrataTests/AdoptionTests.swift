import Foundation
import Testing
import TestSupport
@testable import Errata

@Suite struct AdoptionTests {
    static func errata(new: String) -> ErrataFile {
        ErrataFile(document: "draft-x-00", section: "1", type: .editorial, reporter: "r", date: "2020-01-01",
                   changes: [Change(section: "1", old: Passage("o"), new: Passage(new))])
    }

    static let later = SourceFile(path: "later.txt", bytes: Array("""
    1.  One

       The quick brown fox jumps over the lazy dog, and then it
       rests.  Nothing else happens here at all.

    """.utf8))

    @Test(arguments: [
        ("verbatim up to reflow", "The quick brown\n fox jumps over the lazy dog, and then it rests.", Adoption.Verdict.verbatim, [String]()),
        ("one word changed", "The quick brown fox leaps over the lazy dog, and then it rests.", .modified, ["\"leaps\" -> \"jumps\""]),
        ("unrelated text", "Routers exchange reachability information with their peers.", .notFound, []),
    ])
    func verdicts(_ rule: String, _ new: String, _ verdict: Adoption.Verdict, _ differences: [String]) {
        let adoption = AdoptionTracker.compare(Self.errata(new: new), with: Self.later, document: nil)[0]
        #expect(adoption.verdict == verdict, "\(rule)")
        #expect(adoption.differences.map(\.description) == differences, "\(rule)")
    }
}
