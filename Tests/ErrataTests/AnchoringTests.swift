import DraftDocument
import Foundation
import Testing
@testable import Errata

/// Anchoring and applying on small sources whose section lines the model states directly
/// (the readers' own models are used by SeedCaseTests on the real drafts).
@Suite struct AnchoringTests {
    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rfc docName="draft-test-errata-00">
    <middle>
    <section anchor="intro" title="Intro">
      <t>See <xref target="sec-two"/> first.</t>
    </section>
    <section anchor="sec-two" title="Two">
      <t>Maintenance of a system's
      SPD is outside the scope of IKE (see <xref target="PFKEY"/> for an example
      programming interface), though some <bcp14>MUST</bcp14> happen.</t>

      <t>Traffic Selector (TS) payloads allow endpoints &amp; peers
      to communicate (see <xref target="intro"/>).</t>
      <t>Repeat me. Repeat me.</t>
    </section>
    </middle>
    <back>
    <references title="Informative">
    <reference anchor="PFKEY"><front><title>PF_KEY</title></front></reference>
    <reference anchor="RFC4301"><front><title>Arch</title></front></reference>
    </references>
    </back>
    </rfc>

    """

    static func xmlDocument() -> Document {
        let file = "test.xml"
        func p(_ line: Int) -> Block { .paragraph(Paragraph(content: InlineText(), location: SourceLocation(file: file, line: line))) }
        let refs = ReferenceGroup(title: "Informative", entries: [
            Reference(anchor: "PFKEY", location: SourceLocation(file: file, line: 20)),
            Reference(anchor: "RFC4301", location: SourceLocation(file: file, line: 21)),
        ], location: SourceLocation(file: file, line: 19))
        return Document(metadata: Metadata(file: file, format: .xmlV2, docName: "draft-test-errata-00", title: "T"), sections: [
            Section(number: "1", title: "Intro", anchor: "intro", depth: 1, blocks: [p(5)], location: SourceLocation(file: file, line: 4)),
            Section(number: "2", title: "Two", anchor: "sec-two", depth: 1, blocks: [p(8), p(12), p(14)], location: SourceLocation(file: file, line: 7)),
            Section(number: nil, title: "Informative", depth: 1, isBackMatter: true, blocks: [.references(refs)], location: SourceLocation(file: file, line: 19)),
        ])
    }

    static let source = SourceFile(path: "test.xml", bytes: Array(xml.utf8))

    static func errata(_ changes: [Change]) -> ErrataFile {
        ErrataFile(document: "draft-test-errata-00", section: "2", type: .technical, reporter: "r", date: "2020-01-01", changes: changes)
    }

    static func apply(old: String, new: String, section: String = "2") throws -> PatchResult {
        try Patcher.apply(errata([Change(section: section, old: Passage(old), new: Passage(new))]), to: source, document: { xmlDocument() })
    }

    @Test func citationInTextMatchesXrefAndWhitespaceIsIgnored() throws {
        let change = Change(section: "2", old: Passage("Maintenance of a system's SPD is outside the scope\n of IKE (see [PFKEY] for an example programming interface),  though some MUST happen."), new: Passage("x"))
        let anchored = try Anchoring.anchor(change, in: Self.source, document: Self.xmlDocument())
        #expect(Self.source.string(anchored.range).hasPrefix("Maintenance of a system's"))
        #expect(Self.source.string(anchored.range).hasSuffix("<bcp14>MUST</bcp14> happen."))
        #expect(anchored.lines == 8...10)
        #expect(anchored.paragraphs == 1...1)
        #expect(anchored.heading == "Section 2, paragraph 1")
    }

    @Test func sectionXrefReadsAsSectionNumber() throws {
        let change = Change(section: "1", old: Passage("See Section 2 first."), new: Passage("x"))
        let anchored = try Anchoring.anchor(change, in: Self.source, document: Self.xmlDocument())
        #expect(Self.source.string(anchored.range) == "See <xref target=\"sec-two\"/> first.")
    }

    @Test func oldEndingInsideACrossReferenceIsRefused() throws {
        let error = #expect(throws: ErrataError.unsupportedRange) { _ = try Self.apply(old: "See Section", new: "x", section: "1").patched.count }
        #expect(error?.message.contains("inside the cross-reference <xref target=\"sec-two\"/> (line 5)") == true, "\(error?.message ?? "")")
    }

    @Test func entitiesMatchTheirCharacters() throws {
        let change = Change(section: "2", old: Passage("allow endpoints & peers to communicate"), new: Passage("x"))
        let anchored = try Anchoring.anchor(change, in: Self.source, document: Self.xmlDocument())
        #expect(Self.source.string(anchored.range) == "allow endpoints &amp; peers\n  to communicate")
    }

    @Test func replacementRecreatesMarkupAndKeepsOtherBytes() throws {
        let result = try Self.apply(
            old: "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface), though some MUST happen.",
            new: "Maintenance of a system's SPD is outside the scope of IKE, though an API such as [PFKEY] or [RFC4301] MUST carry it & more.")
        let text = String(decoding: result.patched, as: UTF8.self)
        // Width 72, markup counted as written.
        #expect(text.contains("<t>Maintenance of a system's SPD is outside the scope of IKE, though\n  an API such as <xref target=\"PFKEY\"/> or <xref target=\"RFC4301\"/>\n  <bcp14>MUST</bcp14> carry it &amp; more.</t>\n"))
        let replaced = result.replacements[0].range
        #expect(result.patched.prefix(replaced.lowerBound).elementsEqual(Self.source.bytes.prefix(replaced.lowerBound)))
        #expect(result.patched.suffix(Self.source.bytes.count - replaced.upperBound).elementsEqual(Self.source.bytes.suffix(from: replaced.upperBound)))
    }

    @Test func paragraphBreaksBecomeTheSourcesSeparator() throws {
        let result = try Self.apply(
            old: "though some MUST happen. Traffic Selector (TS) payloads allow",
            new: "though some MUST happen soon.\n\nTS payloads allow")
        let text = String(decoding: result.patched, as: UTF8.self)
        #expect(text.contains("  programming interface), though some <bcp14>MUST</bcp14> happen soon.</t>\n\n  <t>TS payloads allow endpoints &amp; peers\n"))
    }

    @Test func fewerParagraphsMergeThem() throws {
        let result = try Self.apply(old: "happen. Traffic Selector", new: "happen, and Traffic Selector")
        let text = String(decoding: result.patched, as: UTF8.self)
        #expect(text.contains("<bcp14>MUST</bcp14> happen, and\n  Traffic Selector (TS) payloads allow endpoints &amp; peers\n  to communicate"))
        #expect(!text.contains("happen.</t>"))
    }

    @Test func inlineElementCutByOldTextIsReplacedWhole() throws {
        let result = try Self.apply(old: "though some MU", new: "though every MUST")
        let text = String(decoding: result.patched, as: UTF8.self)
        #expect(text.contains("programming interface), though every <bcp14>MUST</bcp14> happen.</t>"))
    }

    @Test func notFoundShowsClosestPassageAndSimilarity() throws {
        let error = #expect(throws: ErrataError.oldTextNotFound) {
            _ = try Self.apply(old: "Maintenance of a system's SPD is inside the scope of IKE", new: "x")
        }
        let message = error?.message ?? ""
        #expect(message.contains("the closest passage (line 8, similarity 90%) differs from OLD in 1 place ([-OLD-] {+document+}):\n  ... a system's SPD is [-inside-] {+outside+} the scope of IKE"), "\(message)")
    }

    @Test func ambiguousListsEveryOccurrence() throws {
        let error = #expect(throws: ErrataError.oldTextAmbiguous) { _ = try Self.apply(old: "Repeat me.", new: "x").patched.count }
        #expect(error?.message.contains("occurs 2 times in section 2 of test.xml: at line 14-14 and at line 14-14") == true, "\(error?.message ?? "")")
    }

    @Test func missingSectionIsSectionNotFound() throws {
        let error = #expect(throws: ErrataError.sectionNotFound) { _ = try Self.apply(old: "See", new: "x", section: "9").patched.count }
        #expect(error?.message.contains("section 9 is not in the document") == true)
    }

    @Test func emptyNewIsRefused() throws {
        #expect(throws: ErrataError.newTextMissing) { _ = try Self.apply(old: "Repeat me. Repeat me.", new: "").patched.count }
    }

    @Test func noBlocksLeavesBytesAndNeverReadsTheDocument() throws {
        var read = false
        let result = try Patcher.apply(Self.errata([]), to: Self.source, document: { read = true; return Self.xmlDocument() })
        #expect(result.patched == Self.source.bytes)
        #expect(!read)
    }

    // MARK: plain text

    static let text = """
    1.  Intro

       Nothing here.

    2.  Two

       When an RFC4301-compliant IPsec subsystem receives an IP packet that
       matches a "protect" selector in its Security Policy Database (SPD),
       the subsystem protects that packet with IPsec.  When no SA exists
       yet, it is the task of IKE to create it.  The first of the two TS
       payloads is known as TSi (Traffic Selector-
       initiator).



    Kaufman, et al.          Expires January 9, 2010               [Page 38]
    \u{0C}
    Internet-Draft                  IKEv2bis                       July 2009


       Next paragraph stays.

    """

    static func textDocument() -> Document {
        let file = "test.txt"
        func p(_ line: Int) -> Block { .paragraph(Paragraph(content: InlineText(), location: SourceLocation(file: file, line: line))) }
        return Document(metadata: Metadata(file: file, format: .text, title: "T"), sections: [
            Section(number: "1", title: "Intro", depth: 1, blocks: [p(3)], location: SourceLocation(file: file, line: 1)),
            Section(number: "2", title: "Two", depth: 1, blocks: [p(7), p(21)], location: SourceLocation(file: file, line: 5)),
        ])
    }

    static let textSource = SourceFile(path: "test.txt", bytes: Array(text.utf8))

    @Test func textReflowsAt72WithTheParagraphIndent() throws {
        let change = Change(section: "2", old: Passage("it is the task of IKE to create it."), new: Passage("it is the task of IKE, or of any other key management protocol that the system runs, to create it."))
        let result = try Patcher.apply(Self.errata([change]), to: Self.textSource, document: { Self.textDocument() })
        let text = String(decoding: result.patched, as: UTF8.self)
        #expect(text.contains("""
           the subsystem protects that packet with IPsec.  When no SA exists
           yet, it is the task of IKE, or of any other key management protocol
           that the system runs, to create it.  The first of the two TS
           payloads is known as TSi (Traffic Selector-
        """))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 })
    }

    @Test func textMatchesAcrossHyphenBreaksAndPageFurniture() throws {
        let change = Change(section: "2", old: Passage("known as TSi (Traffic Selector-initiator). Next paragraph stays."), new: Passage("x"))
        let anchored = try Anchoring.anchor(change, in: Self.textSource, document: Self.textDocument())
        #expect(anchored.lines == 11...21)
        #expect(anchored.paragraphs == 1...2)
    }

    @Test func crlfSourcesKeepCRLF() throws {
        let crlf = SourceFile(path: "crlf.txt", bytes: Array(Self.text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let change = Change(section: "2", old: Passage("it is the task of IKE to create it."), new: Passage("it is the task of IKE, or of any other key management protocol that the system runs, to create it."))
        let result = try Patcher.apply(Self.errata([change]), to: crlf, document: { Self.textDocument() })
        let bytes = result.patched
        let bareLF = bytes.indices.filter { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) }
        #expect(bareLF.isEmpty)
        #expect(String(decoding: bytes, as: UTF8.self).contains("   yet, it is the task of IKE, or of any other key management protocol\r\n   that the system runs, to create it."))
    }

    @Test func textSplitsNewParagraphsWithABlankLine() throws {
        let change = Change(section: "2", old: Passage("When an RFC4301-compliant IPsec subsystem"), new: Passage("First.\n\nWhen an RFC4301-compliant IPsec subsystem"))
        let result = try Patcher.apply(Self.errata([change]), to: Self.textSource, document: { Self.textDocument() })
        let text = String(decoding: result.patched, as: UTF8.self)
        #expect(text.contains("2.  Two\n\n   First.\n\n   When an RFC4301-compliant IPsec subsystem receives an IP packet that\n   matches"))
    }
}

/// The closest-passage report: each differing place with four words either side, at most
/// five places.
@Suite struct PassageDifferencesTests {
    @Test func eachPlaceWithItsContext() {
        let old = "one two three four five six seven eight nine ten"
        let passage = "one two three four FIVE six seven eight nine ten"
        #expect(PassageDifferences.describe(old: old, passage: passage) == """
        differs from OLD in 1 place ([-OLD-] {+document+}):
          one two three four [-five-] {+FIVE+} six seven eight nine ...
        """)
    }

    @Test func atMostFivePlacesThenACount() {
        let old = (1...40).map { "w\($0)" }.joined(separator: " ")
        let passage = (1...40).map { $0 % 5 == 0 ? "X\($0)" : "w\($0)" }.joined(separator: " ")
        let text = PassageDifferences.describe(old: old, passage: passage)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "differs from OLD in 8 places ([-OLD-] {+document+}):")
        #expect(lines.count == 7)
        #expect(lines[1] == "  w1 w2 w3 w4 [-w5-] {+X5+} w6 w7 w8 w9 ...")
        #expect(lines.last == "  and 3 more")
    }

    @Test func insertionsOnly() {
        #expect(PassageDifferences.describe(old: "a b c", passage: "a b new c") == """
        differs from OLD in 1 place ([-OLD-] {+document+}):
          a b {+new+} c
        """)
    }
}

/// OLD/NEW blocks at most 72 columns, as RFC Editor errata are.
@Suite struct BlockFillTests {
    @Test func paragraphsThatFitKeepTheirLines() {
        // A figure-like paragraph keeps its shape.
        #expect(BlockFill.indented("a   b\n  c\n\nd") == "   a   b\n     c\n\n   d")
    }

    @Test func aLongLineRefillsItsParagraphKeepingSentenceGaps() {
        let text = String(repeating: "word ", count: 10) + "end.\nNext sentence " + String(repeating: "x", count: 69)
        let filled = BlockFill.indented(text)
        #expect(filled.split(separator: "\n").allSatisfy { $0.count <= 72 })
        #expect(filled.contains("end.  Next sentence"))
        #expect(filled.hasPrefix("   word word"))
        // A word longer than the line stands on a line of its own.
        #expect(filled.hasSuffix("\n   " + String(repeating: "x", count: 69)))
    }
}
