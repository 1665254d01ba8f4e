import DraftDocument
import Foundation
import Testing
@testable import Normative

/// Documents built in the test, so extraction is checked without a reader; and `analyze`
/// for a document read from its source, XML or text.
enum Fixture {
    static func analyze(_ source: String, path: String) throws -> NormativeAnalysis {
        StatementExtractor().analyze(try DocumentReader.read(data: Data(source.utf8), path: path))
    }

    static func loc(_ line: Int) -> DraftDocument.SourceLocation { DraftDocument.SourceLocation(file: "t.xml", line: line) }

    static func paragraph(_ text: String, line: Int) -> Block {
        .paragraph(Paragraph(content: InlineText(plain: text), location: loc(line)))
    }

    static func paragraph(_ spans: [Span], line: Int) -> Block {
        .paragraph(Paragraph(content: InlineText(spans), location: loc(line)))
    }

    static let boilerplate8174 = "The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"NOT RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here."

    static func document(_ sections: [Section], docName: String = "draft-ietf-ipsecme-ikev2bis-08", references: [Reference] = []) -> Document {
        var all = sections
        if !references.isEmpty {
            all.append(Section(number: "9", title: "References", depth: 1, blocks: [.references(ReferenceGroup(entries: references, location: loc(900)))], location: loc(900)))
        }
        return Document(metadata: Metadata(file: "t.xml", format: .xmlV3, docName: docName, title: "IKEv2bis"), sections: all)
    }

    static let rfc2119 = Reference(anchor: "RFC2119", seriesInfo: ["RFC 2119"], location: loc(901))
    static let rfc8174 = Reference(anchor: "RFC8174", seriesInfo: ["RFC 8174"], location: loc(902))

    static let seed = """
    When an RFC4301-compliant IPsec subsystem receives an IP packet that
       matches a "protect" selector in its Security Policy Database (SPD),
       the subsystem protects that packet with IPsec.  When no SA exists
       yet, it is the task of IKE to create it.  Maintenance of a system's
       SPD is outside the scope of IKE (see [PFKEY] for an example
       programming interface, although it only applies to IKEv1), though
       some implementations might update their SPD in connection with the
       running of IKE (for an example scenario, see Section 1.1.3).
    """
}

@Suite struct ExtractionTests {
    @Test func seedSentenceIsATopicalStatementWithStableID() throws {
        let doc = Fixture.document([Section(number: "2.9", title: "Traffic Selector Negotiation", depth: 2, blocks: [Fixture.paragraph(Fixture.seed, line: 100)], location: Fixture.loc(99))])
        let analysis = StatementExtractor().analyze(doc)
        let pfkey = analysis.statements(about: .pfkey)
        try #require(pfkey.count == 1)
        let s = pfkey[0]
        #expect(s.text == "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1), though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3).")
        #expect(s.levels == [])
        #expect(s.topics == [.pfkey, .spd])
        #expect(s.position.paragraph == 1)
        #expect(s.position.sentence == 3)
        #expect(s.position.line == 103)
        #expect(s.id == "draft-ietf-ipsecme-ikev2bis/2.9/" + StatementIdentity.shortHash(s.text))
        #expect(analysis.statements.map(\.position.sentence) == [1, 3])
        #expect(analysis.keywordCount == 0)
        #expect(analysis.findings.isEmpty)
    }

    struct HashVector: Sendable, CustomTestStringConvertible {
        var text: String
        var hash: String
        var testDescription: String { "fnv1a(\(text))" }
    }

    /// Values computed independently (Python) from the FNV-1a 64 definition, folded
    /// h ^ h>>24 ^ h>>48 to 24 bits: the ids must never change between runs or platforms.
    @Test(arguments: [HashVector(text: "", hash: "be0c53"), HashVector(text: "a", hash: "dd0f69"), HashVector(text: "abc", hash: "e3a951")])
    func shortHashIsFNV1aFoldedTo24Bits(_ v: HashVector) {
        #expect(StatementIdentity.shortHash(v.text) == v.hash)
    }

    @Test func twoLevelsMakeTwoStatementsWithDistinctIDs() throws {
        let doc = Fixture.document([Section(number: "3", title: "Rules", depth: 1, blocks: [
            Fixture.paragraph(Fixture.boilerplate8174, line: 10),
            Fixture.paragraph("The initiator MUST NOT send TSi, but it SHOULD log the event, and it MUST NOT retry.", line: 20),
        ], location: Fixture.loc(9))], references: [Fixture.rfc2119, Fixture.rfc8174])
        let a = StatementExtractor().analyze(doc)
        try #require(a.statements.count == 2)
        #expect(a.statements.map(\.levels) == [[.mustNot], [.should]])
        #expect(a.statements[0].text == a.statements[1].text)
        #expect(a.statements[0].id != a.statements[1].id)
        #expect(a.statements[0].keywordRanges.count == 2)
        #expect(a.keywordCount == 3)
        #expect(a.requirementsLanguage?.form == .rfc8174)
        #expect(a.findings.isEmpty)
    }

    @Test func tagsDecideInATaggedDocument() throws {
        let doc = Fixture.document([Section(number: "1", title: "T", depth: 1, blocks: [
            Fixture.paragraph([Span("The responder "), Span("MUST", kind: .bcp14), Span(" reply.")], line: 5),
            Fixture.paragraph("The initiator SHOULD wait.", line: 7),
            // A tagged keyword joined to a word names a level (RFC 9325 A).
            Fixture.paragraph([Span("This adds "), Span("MUST", kind: .bcp14), Span("-level guidance.")], line: 9),
        ], location: Fixture.loc(4))], references: [Fixture.rfc2119])
        let a = StatementExtractor().analyze(doc)
        #expect(a.usesBCP14Tags)
        #expect(a.statements.map(\.levels) == [[.must]])
        #expect(a.keywordCount == 3)
        let codes = a.findings.map(\.code)
        #expect(codes.contains(.untaggedKeyword))
        #expect(codes.contains(.boilerplateMissing))
        #expect(a.findings.first { $0.code == .untaggedKeyword }?.location.line == 7)
    }

    /// A field's name standing alone over its definition (draft-schilcher-mobike-pfkey-
    /// extension: "sadb_x_sa2_len:", a blank line, "The sadb_x_sa2_len contains ...") names
    /// PF_KEY but says nothing of it: the definition is the statement, the label is none.
    @Test func aLabelAloneIsNoStatement() {
        let doc = Fixture.document([Section(number: "3", title: "SA2", depth: 1, blocks: [
            Fixture.paragraph("sadb_x_sa2_len:", line: 373),
            Fixture.paragraph("The sadb_x_sa2_len contains the length of the structure in 8 Byte blocks.", line: 375),
            Fixture.paragraph("SADB_X_SPDADD:", line: 380),
        ], location: Fixture.loc(370))])
        let a = StatementExtractor().analyze(doc)
        #expect(a.statements.map(\.text) == ["The sadb_x_sa2_len contains the length of the structure in 8 Byte blocks."])
        #expect(a.statements.first?.topics == [.pfkey])
    }

    /// A numbered paragraph's title is its first paragraph's first line (`titleOpensBody`):
    /// its keyword is counted once, in the paragraph, where its statement is.
    @Test func aTitleThatOpensTheBodyIsCountedOnce() {
        var section = Section(number: "4.1", title: "One OPT pseudo-RR MAY be added to the additional", depth: 2, blocks: [
            Fixture.paragraph("One OPT pseudo-RR MAY be added to the additional data section of a request.", line: 96),
        ], location: Fixture.loc(96))
        section.titleOpensBody = true
        let a = StatementExtractor().analyze(Fixture.document([section]))
        #expect(a.keywordCount == 1)
        #expect(a.statements.map(\.text) == ["One OPT pseudo-RR MAY be added to the additional data section of a request."])
        section.titleOpensBody = false
        #expect(StatementExtractor().analyze(Fixture.document([section])).keywordCount == 2)
    }

    /// RFC 2180 titles its options as requirements: such a title is a statement of its
    /// section, counted once; a title that names a keyword states nothing.
    @Test func aTitleThatStatesARequirementIsAStatement() {
        let doc = Fixture.document([
            Section(number: "3.1", title: "The server MAY fail the DELETE/RENAME command of a multi-accessed mailbox", depth: 2, blocks: [
                Fixture.paragraph("In some cases, this behavior may not be practical.", line: 94),
            ], location: Fixture.loc(91)),
            Section(number: "3.2", title: "Server Failure (OPTIONAL)", depth: 2, location: Fixture.loc(120)),
            Section(number: "3.3", title: "DNS IPv6 Transport RECOMMENDED Guidelines", depth: 2, location: Fixture.loc(130)),
        ])
        let a = StatementExtractor().analyze(doc)
        #expect(a.keywordCount == 3)
        #expect(a.statements.map { "\($0.position.section) \($0.position.location.line) \($0.levels.map(\.rawValue)) \($0.text)" } == [
            "3.1 91 [\"MAY\"] The server MAY fail the DELETE/RENAME command of a multi-accessed mailbox",
        ])
    }

    /// A caption under text art is read as a title is (draft-ietf-dhc-failover-12: "Table
    /// 7.1.1-2: Options which SHOULD be sent in the client-request-options option in a
    /// BNDUPD message" was lost with its keyword): counted, a statement at its own line
    /// when it states a requirement, and rendered under the art where it stood. XML
    /// captions are counted too ("Table 2: MSF Constants and Their RECOMMENDED Values",
    /// RFC 9033), and state nothing.
    @Test func aCaptionIsReadAsATitleIs() throws {
        let text = "1.  Options\n\n   A server SHOULD send these.\n\n"
            + "         number          name\n         -------------------------\n         12              host-name\n\n"
            + "           Table 1: Options which SHOULD be sent in\n           the client-request-options option.\n\n"
            + "   More text MUST follow.\n"
        let a = try Fixture.analyze(text, path: "caption.txt")
        #expect(a.keywordCount == 3)
        #expect(a.statements.map { "\($0.position.location.line) \($0.text)" } == [
            "3 A server SHOULD send these.",
            "9 Table 1: Options which SHOULD be sent in the client-request-options option.",
            "12 More text MUST follow.",
        ])
        let section = try #require(try DocumentReader.read(data: Data(text.utf8), path: "caption.txt").sections.first)
        let rendered = TextRenderer.render(section)
        #expect(rendered.contains("         12              host-name\n\n           Table 1: Options which SHOULD be sent in the client-request-\n           options option.\n"))
        let xml = """
        <rfc><front><title>T</title></front><middle><section title="S"><t>It MUST.</t>
        <texttable title="MSF Constants and Their RECOMMENDED Values"><ttcol>Name</ttcol><c>a</c></texttable>
        <figure title="Values that MAY be sent by the server"><artwork>x</artwork></figure></section></middle></rfc>
        """
        let x = try Fixture.analyze(xml, path: "caption.xml")
        #expect(x.keywordCount == 3)
        #expect(x.statements.map(\.text) == ["It MUST.", "Values that MAY be sent by the server"])
    }

    /// A draft whose template tags the boilerplate's keywords and whose own text tags none
    /// (draft-ietf-httpbis-http2bis) does not tag its keywords: they are read in capitals,
    /// as statements, not reported untagged. One tag outside the boilerplate makes the
    /// tags decide.
    @Test func tagsOnlyInTheBoilerplateDoNotMakeATaggedDocument() throws {
        func xml(_ body: String) -> String {
            """
            <rfc version="3"><front><title>T</title></front><middle><section><name>Conventions</name>
            <t>The key words "<bcp14>MUST</bcp14>", "<bcp14>SHOULD</bcp14>", and "<bcp14>MAY</bcp14>" in this document are to be interpreted as described in BCP 14 <xref target="RFC2119"/> <xref target="RFC8174"/> when, and only when, they appear in all capitals, as shown here.</t>
            </section><section><name>Rules</name>\(body)</section></middle>
            <back><references><name>Normative References</name>
            <reference anchor="RFC2119"><front><title>Key words for use in RFCs to Indicate Requirement Levels</title></front></reference>
            <reference anchor="RFC8174"><front><title>Ambiguity of Uppercase vs Lowercase in RFC 2119 Key Words</title></front></reference>
            </references></back></rfc>
            """
        }
        let untagged = try Fixture.analyze(xml("<t>A server MUST reply. A client MAY retry.</t>"), path: "untagged.xml")
        #expect(!untagged.usesBCP14Tags)
        #expect(untagged.statements.map(\.text) == ["A server MUST reply.", "A client MAY retry."])
        #expect(untagged.findings.map(\.code) == [])
        let tagged = try Fixture.analyze(xml("<t>A server <bcp14>MUST</bcp14> reply. A client MAY retry.</t>"), path: "tagged.xml")
        #expect(tagged.usesBCP14Tags)
        #expect(tagged.statements.map(\.text) == ["A server MUST reply."])
        #expect(tagged.findings.map(\.code) == [.untaggedKeyword])
    }

    /// A statement's text shows what xml2rfc's text shows: superscripts and subscripts with
    /// their marks ("2^16", "D_(n-1)"; the plain text ran "216" together, RFC 8755), and
    /// nothing for a word joiner, a zero-width space or a soft hyphen ("ELI/&wj;EL",
    /// RFC 8662).
    @Test func aStatementShowsScriptsAndNotInvisibleCharacters() throws {
        let xml = """
        <rfc version="3"><front><title>T</title></front><middle><section><name>S</name>
        <t>The exponent e MUST satisfy 2<sup>16</sup> &lt; e &lt; 2<sup>256</sup>.</t>
        <t>Processing of D<sub>n-1</sub> MUST stop at E<sub>n</sub>.</t>
        <t>An implementation MAY require an ELI/&#x2060;EL, a&#x200B;b and c&#xAD;d.</t>
        </section></middle></rfc>
        """
        let a = try Fixture.analyze(xml, path: "scripts.xml")
        #expect(a.statements.map(\.text) == [
            "The exponent e MUST satisfy 2^16 < e < 2^256.",
            "Processing of D_(n-1) MUST stop at E_n.",
            "An implementation MAY require an ELI/EL, ab and cd.",
        ])
    }

    /// ASN.1 comments set apart from their code are read as a figure's comments: one
    /// statement per sentence, the dashes of each line left out (RFC 8702 6).
    @Test func asn1CommentsSetApartAreReadWithoutTheirDashes() throws {
        let text = "1.  Module\n\n"
            + "      -- When the id-RSASSA-PSS-* algorithm identifiers are used\n"
            + "      -- for a public key, the parameters field MUST be absent.  The mask\n"
            + "      -- generation function MUST be SHAKE128.\n"
        let a = try Fixture.analyze(text, path: "asn1.txt")
        #expect(a.statements.map { "\($0.position.location.line) \($0.text)" } == [
            "3 When the id-RSASSA-PSS-* algorithm identifiers are used for a public key, the parameters field MUST be absent.",
            "4 The mask generation function MUST be SHAKE128.",
        ])
    }

    /// RFC 4251 section 3's form: the keywords are listed in one sentence ("shall use the
    /// keywords ... to describe requirements") and interpreted in the next; the list is
    /// boilerplate, not ten requirements.
    @Test func boilerplateThatListsTheKeywordsBeforeInterpretingThem() {
        let doc = Fixture.document([Section(number: "3", title: "Conventions Used in This Document", depth: 1, blocks: [
            Fixture.paragraph("All documents related to the SSH protocols shall use the keywords \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" to describe requirements.  These keywords are to be interpreted as described in [RFC2119].", line: 177),
            Fixture.paragraph("The server MUST reply.", line: 190),
        ], location: Fixture.loc(175))], references: [Fixture.rfc2119])
        let a = StatementExtractor().analyze(doc)
        #expect(a.keywordCount == 1)
        #expect(a.requirementsLanguage?.form == .rfc2119)
        #expect(a.requirementsLanguage?.location.line == 177)
        #expect(a.statements.map(\.levels) == [[.must]])
    }

    /// Requirements language with fewer than three keywords, or none, is still the
    /// boilerplate when it names "key words" and cites the RFC that defines them: its
    /// keywords are not counted and no "boilerplate missing" is reported. A sentence that
    /// only mentions the keywords and RFC 2119 ("does not use [RFC2119] keywords such as
    /// "MUST" ..., except in quotations", RFC 4718) is not the boilerplate.
    @Test(arguments: [
        ("The key word \"SHOULD\" in this document is to be interpreted as described in BCP 14, RFC 2119.", 1, true),
        ("The key words \"REQUIRED\" and \"MAY\" in this document are to be interpreted as described in RFC-2119 [1].", 1, true),
        ("Imperative keywords defined in [RFC2119] are used in this document, and carry the meanings described there.", 1, true),
        ("This document does not use [RFC2119] keywords such as \"MUST\" and \"SHOULD\", except in quotations.", 3, false),
        ("The server SHOULD log it as described in RFC 2119 terms.", 2, false),
    ])
    func boilerplateWithFewKeywords(_ sentence: String, _ counted: Int, _ isBoilerplate: Bool) {
        let doc = Fixture.document([Section(number: "1", title: "T", depth: 1, blocks: [
            Fixture.paragraph(sentence, line: 3),
            Fixture.paragraph("The responder MUST reply.", line: 5),
        ], location: Fixture.loc(2))], references: [Fixture.rfc2119])
        let a = StatementExtractor().analyze(doc)
        #expect(a.keywordCount == counted)
        #expect((a.requirementsLanguage?.location.line == 3) == isBoilerplate)
        #expect(a.findings.contains { $0.code == .boilerplateMissing } == !isBoilerplate, "\(a.findings)")
    }

    /// Capitals counted that require nothing ask for no boilerplate and no RFC 2119: a
    /// flag's name ("MAY-POSTDATE", RFC 1510), a quotation, a licence in capitals. One
    /// keyword used as a requirement does.
    @Test(arguments: [
        (["The MAY-POSTDATE flag is normally only interpreted by the ticket-granting service.",
          "The word \"MUST\" is not used here.",
          "IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DAMAGES."], 3, [NormativeFinding.Code]()),
        (["The MAY-POSTDATE flag is normally only interpreted by the ticket-granting service.",
          "The server MUST reject it."], 2, [.boilerplateMissing, .requirementsReferenceMissing]),
    ])
    func boilerplateAskedForOnlyWhereAKeywordRequires(_ paragraphs: [String], _ counted: Int, _ codes: [NormativeFinding.Code]) {
        let doc = Fixture.document([Section(number: "1", title: "T", depth: 1, blocks: paragraphs.enumerated().map { Fixture.paragraph($1, line: 3 + 2 * $0) },
                                            location: Fixture.loc(2))])
        let a = StatementExtractor().analyze(doc)
        #expect(a.keywordCount == counted)
        #expect(a.findings.map(\.code) == codes, "\(a.findings)")
    }

    @Test func preRFC8174BoilerplateAndMissingReference() {
        let doc = Fixture.document([Section(number: "1", title: "T", depth: 1, blocks: [
            Fixture.paragraph("Keywords \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHOULD\", \"SHOULD NOT\" and \"MAY\" that appear in this document are to be interpreted as described in [Bra97].", line: 3),
            Fixture.paragraph("The responder must reply. It MAY wait.", line: 5),
        ], location: Fixture.loc(2))], references: [Reference(anchor: "IKEV1", location: Fixture.loc(800))])
        // Before RFC 8174 a lowercase "must" is English: reported only when asked for.
        let a = StatementExtractor().analyze(doc)
        #expect(a.keywordCount == 1)
        #expect(a.findings.map(\.code) == [.boilerplatePre8174, .requirementsReferenceMissing])
        let forced = StatementExtractor(lowercaseKeywords: .always).analyze(doc)
        #expect(forced.findings.map(\.code) == [.boilerplatePre8174, .requirementsReferenceMissing, .lowercaseKeyword])
        #expect(forced.findings.last?.location.line == 5)
    }

    /// RFC 2119 listed in references the reader does not take apart into entries is
    /// referenced all the same ("RFC 2119 - S. Bradner, ...", draft-ietf-dnsind-tkey-01;
    /// "BCP 14: Bradner, S., ...", draft-ietf-dnsind-rfc2052bis-02); cited in the text but
    /// missing from the references (RFC 3226), it is not.
    @Test(arguments: [
        ("   RFC 2119 - S. Bradner, \"Key words for use in RFCs to Indicate\n   Requirement Levels\", March 1997.\n", false),
        ("   BCP 14: Bradner, S., \"Key words for use in RFCs to Indicate\n        Requirement Levels\", BCP 14, RFC 2119, March 1997.\n", false),
        ("   [1] Bradner, S., \"Key words for use in RFCs to Indicate Requirement\n       Levels\", BCP 14, RFC 2119, March 1997.\n", false),
        ("   RFC 1035 - P. Mockapetris, \"Domain Names - Implementation and\n   Specification\", November 1987.\n", true),
    ])
    func rfc2119ListedInReferencesOfAnyForm(_ entry: String, _ missing: Bool) throws {
        let text = "1.  Introduction\n\n   The key words \"MUST\", \"SHOULD\" and \"MAY\" in this document are to be\n   interpreted as described in RFC 2119.\n\n"
            + "2.  Protocol\n\n   The server MUST reply.\n\n3.  References\n\n" + entry
        let a = try Fixture.analyze(text, path: "refs.txt")
        #expect(a.statements.map(\.levels) == [[.must]])
        #expect(a.findings.contains { $0.code == .requirementsReferenceMissing } == missing, "\(a.findings)")
    }

    /// A boilerplate that cites RFC 8174 needs it among the references; the same "only
    /// when they appear in all upper case" written before RFC 8174 existed (RFC 6811, RFC
    /// 7313) cites RFC 2119 alone, and is not told that RFC 8174 is missing.
    @Test(arguments: [
        (Fixture.boilerplate8174, ["the boilerplate cites RFC 8174 but RFC 8174 is not referenced"]),
        ("The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this document are to be interpreted as described in [RFC2119] only when they appear in all upper case.", []),
    ])
    func rfc8174MustBeReferencedOnlyWhereCited(_ boilerplate: String, _ messages: [String]) {
        let doc = Fixture.document([Section(number: "1", title: "T", depth: 1, blocks: [
            Fixture.paragraph(boilerplate, line: 3),
            Fixture.paragraph("The responder MUST reply.", line: 5),
        ], location: Fixture.loc(2))], references: [Fixture.rfc2119])
        let a = StatementExtractor().analyze(doc)
        #expect(a.requirementsLanguage?.form == .rfc8174)
        #expect(a.findings.filter { $0.code == .requirementsReferenceMissing }.map(\.message) == messages)
    }

    /// A document that cites RFC 8174 made only the capitals normative: there a lowercase
    /// "must" that reads as a requirement is reported by default, and `never` silences it.
    @Test func lowercaseKeywordsAreReportedWhereRFC8174IsCited() {
        let doc = Fixture.document([Section(number: "1", title: "T", depth: 1, blocks: [
            Fixture.paragraph("The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"NOT RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.", line: 3),
            Fixture.paragraph("The responder must reply. It MAY wait.", line: 5),
        ], location: Fixture.loc(2))], references: [Fixture.rfc2119, Reference(anchor: "RFC8174", location: Fixture.loc(801))])
        let a = StatementExtractor().analyze(doc)
        #expect(a.requirementsLanguage?.form == .rfc8174)
        #expect(a.findings.map(\.code) == [.lowercaseKeyword])
        #expect(a.findings.first?.location.line == 5)
        #expect(StatementExtractor(lowercaseKeywords: .never).analyze(doc).findings.isEmpty)
    }

    @Test func listItemsAreStatementsOfTheirOwn() {
        let item = { (t: String, l: Int) in ListItem(marker: "o", blocks: [Fixture.paragraph(t, line: l)], location: Fixture.loc(l)) }
        let doc = Fixture.document([Section(number: "2", title: "L", depth: 1, blocks: [
            Fixture.paragraph("Implementations:", line: 1),
            .list(ListBlock(style: .bullet, items: [item("MUST accept TSi", 2), item("SHOULD log narrowing", 3)], location: Fixture.loc(2))),
        ], location: Fixture.loc(1))])
        let a = StatementExtractor().analyze(doc)
        #expect(a.statements.map(\.text) == ["MUST accept TSi", "SHOULD log narrowing"])
        #expect(a.statements.map(\.position.paragraph) == [2, 2])
        #expect(a.statements.map(\.position.sentence) == [1, 2])
        #expect(a.statements.map(\.position.line) == [2, 3])
    }

    @Test func matcherStagesSayWhichMatched() {
        func st(_ text: String, _ section: String, _ levels: [BCP14Keyword] = []) -> Statement {
            Statement(id: "d/\(section)/\(StatementIdentity.shortHash(text))", document: "d", position: StatementPosition(section: section, sectionTitle: "", paragraph: 1, sentence: 1, location: Fixture.loc(1)), levels: levels, topics: [], text: text)
        }
        let old = [st("The SA MUST be deleted.", "1", [.must]), st("See the CHILD_SA rules in section 2.", "2"), st("Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example protocol).", "2.9"), st("Removed sentence about nothing at all.", "4")]
        let new = [st("The SA MUST be deleted.", "5", [.must]), st("See the Child SA rules in Section 2.", "2"), st("Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface).", "2.9")]
        let r = StatementMatcher().match(old: old, new: new)
        #expect(r.matches.map(\.kind) == [.exact, .normalised, .similar])
        #expect(r.unmatchedOld.map(\.text) == ["Removed sentence about nothing at all."])
        #expect(r.unmatchedNew.isEmpty)
        #expect(StatementMatcher().find("the sa must be deleted", in: new)?.kind == .normalised)
    }

    @Test func wordDiffShowsTheArrivingClause() {
        let d = WordDiff(old: "(see [PFKEY] for an example protocol), though some", new: "(see [PFKEY] for an example programming interface, although it only applies to IKEv1), though some", method: .wdiff)
        #expect(d.wdiff == "(see [PFKEY] for an example [-protocol),-] {+programming interface, although it only applies to IKEv1),+} though some")
        #expect(d.additions == ["programming interface, although it only applies to IKEv1),"])
    }

    /// An editor's comment is no requirement, in the XML (`<cref>`) and in the text xml2rfc
    /// made of it: version 3's "//" lines standing alone, version 2's "[[anchor: ...]]" in
    /// running text. The same statements, the same ids, the same keyword count.
    @Test func editorsCommentsAreNoStatementsInXMLOrText() throws {
        let xml = """
            <rfc version="3" docName="draft-x-notes-00"><front><title>Notes</title></front><middle>
            <section><name>Rekey</name>
            <t><cref anchor="c1" source="Paul">Editor note: the peer MUST be told.</cref></t>
            <t>The initiator MUST rekey. <cref anchor="c2">Or SHOULD it?</cref> The responder MAY refuse.</t>
            </section></middle></rfc>
            """
        let front = "Internet-Draft                                              January 2024\n\n\n                                  Notes\n                             draft-x-notes-00\n\n"
        let v3 = front + "1.  Rekey\n\n   // Editor note: the peer MUST be told.\n   //\n   // -- Paul\n\n   The initiator MUST rekey. [[c2: Or SHOULD it?]] The responder MAY\n   refuse.\n"
        let fromXML = try Fixture.analyze(xml, path: "draft-x-notes-00.xml")
        let fromText = try Fixture.analyze(v3, path: "draft-x-notes-00.txt")
        #expect(fromXML.statements.map(\.text) == ["The initiator MUST rekey.", "The responder MAY refuse."])
        #expect(fromText.statements.map(\.text) == fromXML.statements.map(\.text))
        #expect(fromText.statements.map(\.id) == fromXML.statements.map(\.id))
        #expect(fromText.keywordCount == 2)
        #expect(fromXML.keywordCount == 2)
        #expect(fromText.statements.map(\.position.line) == [13, 13])
    }
}
