import DraftDocument
import Testing
import TestSupport
@testable import Normative

/// A large document's sections are walked in parts on several cores (SectionParts); the
/// analysis must be exactly the one walk from the start would give: statements and their
/// ids (repeats numbered in document order across parts), counts, findings and the
/// requirements language.
@Suite struct SectionPartsTests {
    static let onePart = SectionParts.Policy(workers: 1, minimumPartBytes: 1)
    static let manyParts = SectionParts.Policy(workers: 4, minimumPartBytes: 1)

    static func analyze(_ document: Document, _ policy: SectionParts.Policy) -> NormativeAnalysis {
        var extractor = StatementExtractor(lowercaseKeywords: .always)
        extractor.sectionParts = policy
        return extractor.analyze(document)
    }

    static func expectSame(_ a: NormativeAnalysis, _ b: NormativeAnalysis, _ name: String) {
        #expect(a.statements == b.statements, "\(name): statements")
        #expect(a.keywordCount == b.keywordCount, "\(name): keyword count")
        #expect(a.keywordCounts == b.keywordCounts, "\(name): counts by keyword")
        #expect(a.findings == b.findings, "\(name): findings")
        #expect(a.requirementsLanguage == b.requirementsLanguage, "\(name): requirements language")
    }

    @Test func partsCoverTheSectionsInOrder() {
        let sections = (1...10).map { n in
            Section(number: "\(n)", title: "S\(n)", depth: 1, blocks: [Fixture.paragraph(String(repeating: "word ", count: n * 100), line: n)], location: Fixture.loc(n))
        }
        let parts = SectionParts.split(sections, SectionParts.Policy(workers: 3, minimumPartBytes: 1))
        #expect(parts.count == 3)
        #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == 10)
        #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
        // Too little text for a second part: one.
        #expect(SectionParts.split(sections, SectionParts.Policy(workers: 3, minimumPartBytes: 1 << 20)) == [0..<10])
    }

    /// The boilerplate in the first part, a split boilerplate pair in a later part (joined
    /// only until the boilerplate is found: that part is walked again), and one sentence
    /// repeated in two unnumbered sections of the same title in different parts ("-2").
    @Test func laterPartsKnowWhatEarlierPartsFound() {
        func section(_ title: String, number: String?, _ texts: [String], line: Int) -> Section {
            Section(number: number, title: title, depth: 1,
                    blocks: texts.enumerated().map { Fixture.paragraph($0.element, line: line + $0.offset) }, location: Fixture.loc(line))
        }
        let doc = Fixture.document([
            section("Conventions", number: "1", [Fixture.boilerplate8174], line: 10),
            section("Notes", number: nil, ["The node MUST drop the packet."], line: 20),
            section("Split", number: "2", ["The key words \"MUST\", \"SHOULD\" and \"MAY\" in this",
                                          "document are to be interpreted as described in RFC 2119."], line: 30),
            section("Notes", number: nil, ["The node MUST drop the packet.", "The node MUST drop the packet."], line: 40),
        ], references: [Fixture.rfc2119, Fixture.rfc8174])
        #expect(SectionParts.split(doc.allSections, Self.manyParts).count == 4)
        let one = Self.analyze(doc, Self.onePart)
        let many = Self.analyze(doc, Self.manyParts)
        Self.expectSame(one, many, "fixture")
        // One walk does not join the split pair once the boilerplate is found: its three
        // keywords count, beside the three MUSTs (joined, they would be left out: 3).
        #expect(many.keywordCount == 6)
        #expect(many.requirementsLanguage?.section == "1")
        let repeated = many.statements.filter { $0.section == "notes" }.map(\.id)
        // The last part numbers its own two "-2" locally; joined, they follow the first.
        #expect(repeated.count == 3 && repeated[1] == repeated[0] + "-2" && repeated[2] == repeated[0] + "-3", "\(repeated)")
    }

    /// Real documents, every section its own part where it can be: the same analysis.
    @Test func corpusDocumentsInPartsAreTheOneWalk() throws {
        var names = ["rfc7296.txt", "rfc2367.txt", "rfc4301.txt", "rfc9001.canonical.xml", "draft-ietf-ipsecme-ikev2bis-04.txt"]
        // Those the corpus-wide oracle leaves out whole are not documents (malformed XML).
        names += CorpusWide.documents.filter { ($0.hasPrefix("rfc2") || $0.hasPrefix("draft-ietf-ipsec")) && !CorpusWide.isExcluded($0, from: "all") }
        var compared = 0
        for name in names {
            guard let path = Corpus.path(name) ?? CorpusWide.path(name) else {
                if TestEnvironment.isStrict && !name.hasPrefix("rfc2") { Issue.record(Comment(rawValue: Absence.corpus(name, neededFor: "the parts comparison"))) }
                continue
            }
            let document = try DocumentReader.read(path: path)
            Self.expectSame(Self.analyze(document, Self.onePart), Self.analyze(document, Self.manyParts), name)
            compared += 1
        }
        #expect(compared >= 5)
    }
}
