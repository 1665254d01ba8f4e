import Foundation
import Testing
@testable import DraftDocument

/// The text reader on small inputs made here: bad input, line ends, encodings, and each
/// layout rule on a miniature Internet-Draft.
@Suite struct TextReaderTests {
    /// A two-page draft in the xml2rfc layout: header block, title and name, abstract,
    /// status, ToC, a paragraph and a list cut by a page break, art, references.
    static let miniDraft = """



        Network Working Group                                         A. Müller
        Internet-Draft                                               Example Co
        Intended status: Standards Track                               B. Smith
        Expires: January 9, 2010                                  July 8, 2009


                          A Small Example of a Draft
                           draft-example-small-03

        Abstract

           This draft is small.

        Status of this Memo

           This Internet-Draft is submitted in full conformance.

        Table of Contents

           1.  Introduction . . . . . . . . . . . . . . . . . . . . . . .   2
           2.  Rules  . . . . . . . . . . . . . . . . . . . . . . . . . .   2
           3.  References . . . . . . . . . . . . . . . . . . . . . . . .   3
           Author's Address . . . . . . . . . . . . . . . . . . . . . . .   3

        1.  Introduction

           The first of the two TS payloads is known as TSi (Traffic Selector-
           initiator).  The paragraph goes on over the page break, and then it



        Müller & Smith           Expires January 9, 2010                [Page 1]
        \u{0C}
        Internet-Draft              Small Example                    July 2009


           continues here after the break, as one paragraph with “quotes” and
           → arrows.

        2.  Rules

           o  A bullet item that wraps onto
              a second line.

           o  Another item.

           1.  A numbered item.

           (a)  A lettered item.

           SPI:  A hanging term whose definition goes on
              under it.

              +-------+       +-------+
              | Alice | ----> |  Bob  |
              +-------+       +-------+

                        Figure 1: Two Parties

        3.  References

           [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate
                      Requirement Levels", BCP 14, RFC 2119, March 1997.

        Author's Address

           A. Müller
        """

    static func read(_ text: String, path: String = "mini.txt") throws -> Document {
        try DocumentReader.read(data: Data(text.utf8), path: path)
    }

    /// Blocks as text: a paragraph's text, a list as "list: " and its items' texts between
    /// " | ", anything else described.
    static func texts(_ blocks: [Block]) -> [String] {
        blocks.map { block in
            switch block {
            case .paragraph(let p): p.content.plainText
            case .list(let l): "list: " + l.items.map { texts($0.blocks).joined() }.joined(separator: " | ")
            default: "\(block)"
            }
        }
    }

    /// The list of a section that holds a paragraph and then a list, or nil (an issue
    /// recorded) when it holds anything else.
    static func listAfterParagraph(_ section: Section, items: Int? = nil) -> ListBlock? {
        guard section.blocks.count == 2, case .paragraph = section.blocks[0], case .list(let list) = section.blocks[1],
              items.map({ $0 == list.items.count }) ?? true else {
            Issue.record("not a paragraph and a list\(items.map { " of \($0)" } ?? ""): \(section.blocks)")
            return nil
        }
        return list
    }

    // MARK: Bad input

    struct BadInput: CustomTestStringConvertible, Sendable {
        var rule: String
        var bytes: [UInt8]
        var messagePart: String
        var line: Int?
        var testDescription: String { rule }
    }

    static let badInputs: [BadInput] = [
        BadInput(rule: "an empty file is not a document", bytes: [], messagePart: "empty", line: 1),
        BadInput(rule: "white space only is not a document", bytes: Array(" \n\r\n\t\u{0C}\n".utf8), messagePart: "only white space", line: 1),
        BadInput(rule: "a BOM alone is not a document", bytes: [0xEF, 0xBB, 0xBF], messagePart: "only white space", line: 1),
        BadInput(rule: "a NUL byte means binary", bytes: Array("Title\nsome text".utf8) + [0x00, 0x01, 0x02], messagePart: "NUL byte at byte offset 15", line: 2),
        BadInput(rule: "a NUL's byte offset counts the BOM before it", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\nc".utf8) + [0x00], messagePart: "NUL byte at byte offset 7", line: 2),
        BadInput(rule: "control bytes without a NUL mean binary", bytes: Array("ab".utf8) + [0x01, 0x02, 0x03, 0x1B] + Array("cd\n".utf8), messagePart: "4 control bytes in 9", line: 1),
        BadInput(rule: "a PNG header is binary", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], messagePart: "NUL byte", line: 3),
    ]

    @Test(arguments: badInputs)
    func badInputIsNotADocument(_ vector: BadInput) {
        do {
            _ = try DocumentReader.read(data: Data(vector.bytes), path: "bad.txt")
            Issue.record("\(vector.rule): read without error")
        } catch let error as DocumentError {
            #expect(error.code == .notADocument)
            #expect(error.message.contains(vector.messagePart), "message: \(error.message)")
            #expect(error.location?.file == "bad.txt")
            if let line = vector.line { #expect(error.location?.line == line) }
        } catch {
            Issue.record("\(vector.rule): unexpected error \(error)")
        }
    }

    /// Bytes that are not UTF-8 are no longer refused: they are read as Windows-1252 and
    /// the first warning names the first such byte with its offset and place.
    @Test(arguments: [
        ("a Latin-1 byte", Array("Line one\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8),
         "Caf\u{E9} au lait", "bad.txt:2:4: warning: not UTF-8 text (0xE9 at byte offset 12): read as Windows-1252 (Latin-1)"),
        ("a truncated UTF-8 sequence", Array("ab".utf8) + [0xE2, 0x82],
         "ab\u{E2}\u{201A}", "bad.txt:1:3: warning: not UTF-8 text (0xE2 at byte offset 2): read as Windows-1252 (Latin-1)"),
    ])
    func notUTF8IsReadAsWindows1252WithAWarning(_ rule: String, _ bytes: [UInt8], _ text: String, _ warning: String) throws {
        let (decoded, encodingWarning) = try TextLines.decode(Data(bytes), path: "bad.txt")
        #expect(decoded.contains(text), "\(rule): \(decoded)")
        #expect(encodingWarning?.description == warning, "\(rule)")
        let document = try DocumentReader.read(data: Data(bytes), path: "bad.txt")
        #expect(document.warnings.first?.description == warning, "\(rule)")
    }

    // MARK: Line ends and encodings

    @Test(arguments: [
        ("CRLF line ends read like LF", "\r\n", false),
        ("lone CR line ends read like LF", "\r", false),
        ("a UTF-8 BOM is skipped", "\n", true),
        ("CRLF and a BOM together", "\r\n", true),
    ])
    func lineEndsAndBOMReadLikeLF(_ rule: String, _ newline: String, _ bom: Bool) throws {
        let plain = try Self.read(Self.miniDraft)
        let variant = (bom ? "\u{FEFF}" : "") + Self.miniDraft.replacingOccurrences(of: "\n", with: newline)
        let other = try Self.read(variant)
        #expect(other.allSections.map(\.title) == plain.allSections.map(\.title), "\(rule)")
        #expect(other.allSections.map(\.location.line) == plain.allSections.map(\.location.line), "\(rule)")
        #expect(other.allSections.flatMap(\.paragraphs).map(\.content.normalizedText) == plain.allSections.flatMap(\.paragraphs).map(\.content.normalizedText), "\(rule)")
        #expect(other.metadata.title == "A Small Example of a Draft")
    }

    @Test func nonASCIITextIsKept() throws {
        let document = try Self.read(Self.miniDraft)
        #expect(document.metadata.authors == ["A. Müller", "B. Smith"])
        let intro = try #require(document.section(numbered: "1"))
        #expect(intro.paragraphs.count == 1)
        #expect(intro.paragraphs[0].content.plainText.hasSuffix("as one paragraph with “quotes” and → arrows."))
    }

    @Test func textWithoutHeadingsIsOneUntitledSectionWithAWarning() throws {
        let document = try Self.read("Grüße aus Köln.\nZweite Zeile.\n\nNext paragraph.\n")
        #expect(document.sections.count == 1)
        #expect(document.sections[0].paragraphs.map(\.content.plainText) == ["Grüße aus Köln. Zweite Zeile.", "Next paragraph."])
        #expect(document.warnings.count == 1)
    }

    // MARK: Layout rules on the miniature draft

    @Test func frontMatterIsMetadataAbstractAndNotes() throws {
        let document = try Self.read(Self.miniDraft)
        let m = document.metadata
        #expect(m.format == .text)
        #expect(m.docName == "draft-example-small-03")
        #expect(m.revision == "03")
        #expect(m.rfcNumber == nil)
        #expect(m.category == "std")
        #expect(m.submissionType == "IETF")
        #expect(m.date == "July 8, 2009")
        #expect(document.abstract.count == 1)
        #expect(document.notes.map(\.title) == ["Status of this Memo"])
        #expect(!document.allSections.contains { ["Abstract", "Status of this Memo", "Table of Contents"].contains($0.title) })
    }

    /// The first-page headers of 1980-1981: "RFC:  791" (a label and its value set apart),
    /// "RFC 768" alone on the left, a centred title underlined with dashes. Each names its
    /// RFC, and the underline is no part of the title. A draft's name inside a URL in the
    /// text names the document linked to, not this one. A header's date set apart by a
    /// blank line is no title, and a name that is no draft's, centred under the title, is
    /// the document's (xml2rfc's rendering of Pigeonhole's Sieve specifications).
    @Test(arguments: [
        ("\n\nRFC:  791\n\n\n                           INTERNET PROTOCOL\n\n                             September 1981\n\n1.  INTRODUCTION\n\n   Text.\n",
         791, nil, "INTERNET PROTOCOL"),
        ("RFC 768                                                        J. Postel\n                                                                     ISI\n                                                          28 August 1980\n\n\n\n                         User Datagram Protocol\n                         ----------------------\n\nIntroduction\n\n   Text.\n",
         768, nil, "User Datagram Protocol"),
        ("# JA4: TLS Client Fingerprinting\n\nIgnore GREASE values (https://datatracker.ietf.org/doc/html/draft-davidben-tls-grease-01#page-5).\n",
         nil, nil, ""),
        ("\n\n                                                                S. Bosch\n\n                                                          March 19, 2016\n\n\n         Sieve Email Filtering: Sending Abuse Feedback Reports\n                        spec-bosch-sieve-report\n\nAbstract\n\n   Text.\n",
         nil, "spec-bosch-sieve-report", "Sieve Email Filtering: Sending Abuse Feedback Reports"),
        ("INTERNET-DRAFT                                             Reserved TLDs\n                                                     Expires August 1999\n\n\n                      Reserved Top Level DNS Names\n                      -------- --- ----- --- -----\n\nStatus of This Document\n\n        This draft is file name draft-ietf-dnsind-test-tlds-13.txt.\n\n1. Introduction\n\n   Text.\n",
         nil, "draft-ietf-dnsind-test-tlds-13", "Reserved Top Level DNS Names"),
        ("DNSIND Working Group                              Paul Vixie (Ed.) (ISC)\n<draft-ietf-dnsext-tsig-00.txt>                               March 2000\n\nAmends: RFC 1035\n\n\n          Secret Key Transaction Authentication for DNS (TSIG)\n\n\nStatus of this Memo\n\n   Text.\n\n1. Introduction\n\n   Text.\n",
         nil, "draft-ietf-dnsext-tsig-00", "Secret Key Transaction Authentication for DNS (TSIG)"),
        ("INTERNET-DRAFT                                           Clifford Neuman\n                                                          March 10, 2000\n                                              Expires September 10, 2000\n\nThe Kerberos Network Authentication Service (V5)\ndraft-ietf-cat-kerberos-revisions-05.txt\n\nSTATUS OF THIS MEMO\n\n   Text.\n\n1. Introduction\n\n   Text.\n",
         nil, "draft-ietf-cat-kerberos-revisions-05", "The Kerberos Network Authentication Service (V5)"),
        ("IPv6 Working Group                                 John Loughney (ed)\nInternet-Draft                                                  Nokia\n                                                     January 14, 2004\n\nExpires: July 14, 2004\n\n                         IPv6 Node Requirements\n                draft-ietf-ipv6-node-requirements-08.txt\n\nStatus of this Memo\n\n   Text.\n\n1. Introduction\n\n   Text.\n",
         nil, "draft-ietf-ipv6-node-requirements-08", "IPv6 Node Requirements"),
        ("Internet Engineering Task Force (IETF)                           I. Rhee\nRequest for Comments: 8312                                          NCSU\nCategory: Informational                                            L. Xu\nISSN: 2070-1721                                                      UNL\n\n                                                               L. Eggert\n                                                        R. Scheffenegger\n                                                                  NetApp\n                                                           February 2018\n\n\n                 CUBIC for Fast Long-Distance Networks\n\nAbstract\n\n   Text.\n\n1.  Introduction\n\n   Text.\n",
         8312, nil, "CUBIC for Fast Long-Distance Networks"),
        ("draft-ietf-dnsop-inaddr-required-06.txt\n\nINTERNET-DRAFT                                                  D. Senie\nCategory: BCP                                     Amaranth Networks Inc.\nExpires in six months                                      February 2005\n\n                Encouraging the use of DNS IN-ADDR Mapping\n\nStatus of this Memo\n\n   Text.\n\n1. Introduction\n\n   Text.\n",
         nil, "draft-ietf-dnsop-inaddr-required-06", "Encouraging the use of DNS IN-ADDR Mapping"),
    ])
    func firstPageHeadersNameTheirDocument(text: String, rfcNumber: Int?, docName: String?, title: String) throws {
        let document = try DocumentReader.read(data: Data(text.utf8), path: "old.txt")
        #expect(document.metadata.rfcNumber == rfcNumber)
        #expect(document.metadata.docName == docName)
        #expect(document.metadata.title == title)
        if rfcNumber == 8312 {
            #expect(document.metadata.authors == ["I. Rhee", "L. Xu", "L. Eggert", "R. Scheffenegger"])
            #expect(document.metadata.date == "February 2018")
        }
    }

    @Test func tableOfContentsIsNotTakenForSections() throws {
        let document = try Self.read(Self.miniDraft)
        #expect(document.allSections.map { "\($0.number ?? "-") \($0.title)" } == ["1 Introduction", "2 Rules", "3 References", "- Author's Address"])
        // Headings are where the body has them, not the ToC lines.
        #expect(document.allSections.map(\.location.line) == [28, 43, 63, 68])
        #expect(document.allSections.map(\.isBackMatter) == [false, false, true, true])
    }

    @Test func aParagraphCutByAPageBreakIsOneParagraphAndHyphensStay() throws {
        let intro = try #require(try Self.read(Self.miniDraft).section(numbered: "1"))
        let text = intro.paragraphs[0].content.normalizedText
        #expect(text == "The first of the two TS payloads is known as TSi (Traffic Selector-initiator). The paragraph goes on over the page break, and then it continues here after the break, as one paragraph with “quotes” and → arrows.")
        #expect(intro.paragraphs[0].location.line == 30)
    }

    @Test func listsHangingTermsFiguresAndCaptions() throws {
        let rules = try #require(try Self.read(Self.miniDraft).section(numbered: "2"))
        var lists: [ListBlock] = []
        var figures: [Figure] = []
        for block in rules.blocks {
            if case .list(let l) = block { lists.append(l) }
            if case .figure(let f) = block { figures.append(f) }
        }
        #expect(lists.map(\.style) == [.bullet, .ordered, .ordered, .definition])
        #expect(lists[0].items.map(\.marker) == ["o", "o"])
        #expect(lists[0].items[0].location.line == 45)
        #expect(rules.paragraphs.map(\.content.plainText) == [
            "A bullet item that wraps onto a second line.", "Another item.", "A numbered item.",
            "A lettered item.", "A hanging term whose definition goes on under it.",
        ])
        #expect(lists[1].items[0].marker == "1.")
        #expect(lists[2].items[0].marker == "(a)")
        #expect(lists[3].items[0].term?.plainText == "SPI:")
        // The figure sits in the hanging item (it is indented under it) with its caption.
        let hanging = lists[3].items[0]
        guard case .figure(let art)? = hanging.blocks.last else {
            Issue.record("no figure under the hanging term: \(hanging.blocks)")
            return
        }
        #expect(figures.isEmpty)
        #expect(art.verbatim == "   +-------+       +-------+\n   | Alice | ----> |  Bob  |\n   +-------+       +-------+")
        #expect(art.title == "Figure 1: Two Parties")
        #expect(art.location.line == 57)
    }

    /// Found by feeding random text to the reader: a form-feed line that is not a running
    /// header began its page break again for ever (a hang); a document whose only heading
    /// is a front-matter one on its last line indexed past the end (a trap).
    @Test func aFormFeedBeforeContentIsReadAsContent() throws {
        let doc = try Self.read("1.  Scope\n\n   Some text here.\n\u{0C}not a header line\n   more text.\n")
        let section = try #require(doc.section(numbered: "1"))
        // The line after the form feed is kept: a hanging term over the indented line.
        #expect(section.paragraphs.map(\.content.normalizedText) == ["Some text here.", "more text."])
        guard case .list(let list)? = section.blocks.last else {
            Issue.record("no list after the page break: \(section.blocks)")
            return
        }
        #expect(list.items.map { $0.term?.plainText } == ["not a header line"])
    }

    @Test func aLoneFrontHeadingIsADocumentWithoutSections() throws {
        let doc = try Self.read("Abstract\n")
        #expect(doc.sections.isEmpty)
        #expect(doc.warnings.map(\.description) == ["mini.txt:1:1: warning: no section headings found; the text is read as one untitled section"])
    }

    /// IKE message flows are figures: an arrow at a line's end, at its start, or apart by a
    /// gap (which would otherwise read as a hanging term); an arrow in prose is prose.
    /// Lines past 72 columns in a document that otherwise keeps to them: art as wide as its
    /// source wrote it (draft-nottingham-rfc3864bis's registration note, 88 columns), not a
    /// paragraph and not requirements. A document set wider throughout reads them as prose.
    @Test func linesPastThePageAreArtWhereTheDocumentKeepsToIt() throws {
        let note = """
             NOTE: if the specification is available in printed form only, then an Internet draft
             containing full reference to the paper document should be published and cited in the
             registration template. The paper specification MAY be cited under related information.
            """
        // One line in a hundred may run past: 4 here, among 400 and more.
        let prose = (1...400).map { _ in "   The registration template is filled in and sent to IANA." }.joined(separator: "\n")
        let narrow = "1.  Registration\n\n\(prose)\n\n\(note)\n\n   A long name alone on its line is prose:\n   <https://www.iana.org/assignments/message-headers/message-header-index.html> names it.\n"
        let section = try #require(try Self.read(narrow).section(numbered: "1"))
        let figures = section.blocks.compactMap { block -> String? in if case .figure(let f) = block { f.verbatim } else { nil } }
        #expect(figures == [note.split(separator: "\n").map { String($0.dropFirst()) }.joined(separator: "\n")])
        #expect(section.paragraphs.count == 2)
        #expect(section.paragraphs.last?.content.plainText.hasPrefix("A long name alone on its line is prose:") == true)
        // Words too long to break run past as well, in prose: a paragraph.
        let token = "an-extraordinarily-long-compound-word-that-cannot-be-broken-anywhere-at-all"
        let unbreakable = "1.  Registration\n\n\(prose)\n\n   \(token)\n   \(token) and\n   the sentence MUST go on.\n"
        let tokens = try #require(try Self.read(unbreakable).section(numbered: "1"))
        #expect(tokens.paragraphs.last?.content.plainText == "\(token) \(token) and the sentence MUST go on.")
        // Set 90 wide throughout: the same lines are a paragraph.
        let wideProse = (1...400).map { _ in "   The registration template is filled in by the requester and then it is sent on to IANA." }.joined(separator: "\n")
        let wide = try #require(try Self.read("1.  Registration\n\n\(wideProse)\n\n\(note)\n").section(numbered: "1"))
        #expect(wide.blocks.allSatisfy { if case .paragraph = $0 { true } else { false } })
        #expect(wide.paragraphs.last?.content.plainText.hasSuffix("The paper specification MAY be cited under related information.") == true)
    }

    /// Prose with one line a column further in (a stray space at its start: RFC 1826 3.3)
    /// is a paragraph, its requirements read; read as a figure, all four were lost. Header
    /// lines folded a column in, and art, stay figures.
    @Test func proseWithOneStrayIndentIsAParagraph() throws {
        let text = """
            1.  Calculation

               occurs PRIOR to processing by the local IP Authentication Header
               implementation.  The "more" bit is of course cleared upon reassembly.
                Hence, no other fields in the IPv4 header will vary in transit from
               the perspective of the IP Authentication Header implementation.  The
               "TIME TO LIVE" and "HEADER CHECKSUM" fields of the IPv4 base header
               MUST be set to all zeros for the Authentication Data calculation.

               Subject: the results of the meeting in the city
                and what was said there by everyone
               From: the chair of the working group

            """
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "occurs PRIOR to processing by the local IP Authentication Header implementation.  The \"more\" bit is of course cleared upon reassembly. Hence, no other fields in the IPv4 header will vary in transit from the perspective of the IP Authentication Header implementation.  The \"TIME TO LIVE\" and \"HEADER CHECKSUM\" fields of the IPv4 base header MUST be set to all zeros for the Authentication Data calculation.",
        ])
        guard case .figure(let header)? = section.blocks.last else {
            Issue.record("header lines not a figure: \(section.blocks)")
            return
        }
        #expect(header.verbatim.hasPrefix("Subject: the results"))
    }

    /// A paragraph that starts left of a term's definition right under it, no blank line
    /// between (draft-ietf-ldapbis-protocol 4.5.1.3), is a paragraph of its own and its
    /// requirement is read; read with the term, the mixed margins made a figure of both. A
    /// paragraph whose first line alone is further in (draft-ietf-dnssec-as-map-05) stays one.
    @Test func proseOutdentedUnderATermIsAParagraph() throws {
        let text = """
            1.  Dereferencing

                    derefAlways: Dereference aliases both in searching and in
                    locating the base object of the search.
                 Servers MUST detect looping while dereferencing aliases in order
                 to prevent denial of service attacks of this nature.

                    A, AAAA: Type A or AAAA RRs SHOULD NOT be placed at AS nodes.
               AS domain names are reserved for Autonomous Systems only and should
               NOT be used for a host or any type of end entity.

            """
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "derefAlways: Dereference aliases both in searching and in locating the base object of the search.",
            "Servers MUST detect looping while dereferencing aliases in order to prevent denial of service attacks of this nature.",
            "A, AAAA: Type A or AAAA RRs SHOULD NOT be placed at AS nodes. AS domain names are reserved for Autonomous Systems only and should NOT be used for a host or any type of end entity.",
        ])
    }

    /// A quoted section as xml2rfc 3 prints `<blockquote>` ("|  " before every line) holding
    /// a diagram with a flow arrow (RFC 9443 3, quoting RFC 7983): a quote whose prose is
    /// paragraphs (its requirements read) and whose diagram is a figure; the arrow made the
    /// whole quote one figure and its requirements were lost.
    @Test func aQuoteHoldingADiagramIsAQuote() throws {
        let text = """
            1.  Updates

               OLD TEXT

              |  The receiver looks at the first byte of the packet.  If the value
              |  does not match, then the packet MUST be dropped.
              |
              |                   +----------------+
              |       packet -->  |      [20..63] -+--> forward to DTLS
              |                   +----------------+
              |
              |  Figure 3: The receiver's demultiplexing algorithm.

               END OLD TEXT

            """
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard case .blockquote(let quote)? = section.blocks.dropFirst().first else {
            Issue.record("no quote: \(section.blocks)")
            return
        }
        #expect(quote.blocks.count == 3)
        guard quote.blocks.count == 3, case .paragraph(let prose) = quote.blocks[0], case .figure(let art) = quote.blocks[1], case .paragraph(let caption) = quote.blocks[2] else { return }
        #expect(prose.content.plainText == "The receiver looks at the first byte of the packet.  If the value does not match, then the packet MUST be dropped.")
        #expect(art.verbatim == "            +----------------+\npacket -->  |      [20..63] -+--> forward to DTLS\n            +----------------+")
        #expect(caption.content.plainText == "Figure 3: The receiver's demultiplexing algorithm.")
    }

    /// A list quoted as xml2rfc 3 prints it (RFC 9131 4.2: "|  *  Hosts SHOULD silently
    /// discard ..."; RFC 9091: "|  np:  Requested Mail Receiver policy ..."): items, marker
    /// or term off their text, the items parted by bar-only lines one list. The marker
    /// stood in each statement ("* Hosts SHOULD ...", "np: Requested ...").
    @Test func aQuotedListIsAList() throws {
        let text = """
            1.  Updates

              |  If no entry exists:
              |
              |  *  Hosts SHOULD silently discard the advertisement.  There is no
              |     need to create an entry.
              |
              |  *  Routers SHOULD create a new entry for the target address.
              |
              |  np:  Requested Mail Receiver policy for non-existent subdomains
              |     (plain-text; OPTIONAL).

            """
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard case .blockquote(let quote)? = section.blocks.first, quote.blocks.count == 3,
              case .list(let bullets) = quote.blocks[1], case .list(let terms) = quote.blocks[2] else {
            Issue.record("not a quote of a paragraph and two lists: \(section.blocks)")
            return
        }
        #expect(bullets.items.map { Self.texts($0.blocks) } == [
            ["Hosts SHOULD silently discard the advertisement.  There is no need to create an entry."],
            ["Routers SHOULD create a new entry for the target address."],
        ])
        #expect(terms.items.map { $0.term?.plainText } == ["np:"])
        #expect(terms.items.map { Self.texts($0.blocks) } == [["Requested Mail Receiver policy for non-existent subdomains (plain-text; OPTIONAL)."]])
    }

    /// xml2rfc sets a marker as wide as the list's hang right against its text ("10.At any
    /// point ...", RFC 8656 7.2; "(a)A subscription ...", RFC 8765 6.1): an item, the text
    /// after the marker. Without the hang under it the line is prose.
    @Test func aMarkerSetAgainstItsTextIsAnItem() throws {
        let text = "1.  Rules\n\n   The server does this:\n\n"
            + "   9. The server checks the request.\n\n"
            + "   10.At any point, the server MAY choose to reject the request with a\n"
            + "      486 (Allocation Quota Reached) error.\n\n"
            + "   (a)A subscription SHOULD be canceled as soon as the need for that\n"
            + "      data ends.\n\n"
            + "   (C)Copyright notices stay where they are, and this line\n"
            + "   is prose.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(Self.texts(section.blocks) == [
            "The server does this:",
            "list: The server checks the request. | At any point, the server MAY choose to reject the request with a 486 (Allocation Quota Reached) error.",
            "list: A subscription SHOULD be canceled as soon as the need for that data ends.",
            "(C)Copyright notices stay where they are, and this line is prose.",
        ])
    }

    /// An enumeration in running text whose markers open lines is no list: "(1) the same
    /// ... or" / "(2) a subset of ..." with the sentence going on under them in their
    /// column (RFC 8808 2), nor are acronyms in parentheses opening lines ("(ACH)
    /// [RFC4385] together with ..." / "(GAL) [RFC5586] MAY be used ...", RFC 8964 5).
    /// Both cut the sentence, and its statement, in two. A list introduced so still is one.
    @Test func anEnumerationInRunningTextIsNoList() throws {
        let text = "1.  Rules\n\n"
            + "   YANG modules:  The \"factory-default\" datastore schema MUST be either\n"
            + "      (1) the same as the conventional configuration datastores or\n"
            + "      (2) a subset of the datastore schema for the conventional\n"
            + "      configuration datastores.\n\n"
            + "   To support OAM at the service sub-layer level, an OAM Associated\n"
            + "   Channel Header\n"
            + "   (ACH) [RFC4385] together with a Generic Associated Channel Label\n"
            + "   (GAL) [RFC5586] MAY be used in place of a d-CW.\n\n"
            + "   Legend:\n"
            + "    +     - The right is required\n"
            + "    *     - Only one of the rights marked with * is required\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 5, case .list(let term) = section.blocks[0] else {
            Issue.record("not a term, two paragraphs and two lists: \(section.blocks)")
            return
        }
        #expect(Self.texts(term.items[0].blocks) == ["The \"factory-default\" datastore schema MUST be either (1) the same as the conventional configuration datastores or (2) a subset of the datastore schema for the conventional configuration datastores."])
        #expect(Self.texts(Array(section.blocks[1...2])) == [
            "To support OAM at the service sub-layer level, an OAM Associated Channel Header (ACH) [RFC4385] together with a Generic Associated Channel Label (GAL) [RFC5586] MAY be used in place of a d-CW.",
            "Legend:",
        ])
        // The legend's first entry, a line of another family under it, is a list still.
        guard case .list(let plus) = section.blocks[3], case .list(let star) = section.blocks[4] else { return }
        #expect((plus.items.count, star.items.count) == (1, 1))
        #expect(TextBlockBuilder.listMarker("(iv) fourth")?.marker == "(iv)")
        #expect(TextBlockBuilder.listMarker("(12) twelfth")?.marker == "(12)")
        #expect(TextBlockBuilder.listMarker("(ACH) [RFC4385]") == nil)
    }

    /// ASN.1 comments set apart from their module's code are code too (RFC 8702 6: lines
    /// of "-- When the id-RSASSA-PSS-* ... MUST be absent."; RFC 9480: an assignment over
    /// its comment; RFC 9483 3.1: a field's name over its comments; RFC 9399: one line of
    /// comment under a definition): figures, whose
    /// comments are read as prose without their dashes. As paragraphs, each statement ran
    /// on through the next line's "--".
    @Test func asn1CommentsAreCode() throws {
        let text = "1.  Module\n\n"
            + "      -- When the id-RSASSA-PSS-* algorithm identifiers are used\n"
            + "      -- for a public key, the parameters field MUST be absent.\n\n"
            + "   GenRepContent ::= SEQUENCE OF InfoTypeAndValue\n"
            + "   -- The receiver MAY ignore any contained OIDs that it does not\n"
            + "   -- recognize.\n\n"
            + "   protection\n"
            + "       -- If present, the same kind of protection MUST be used for all\n"
            + "       --   messages of that PKI management operation.\n\n"
            + "   -- Not a figure: one line alone may be a signature.\n\n"
            + "   LogotypeData ::= SEQUENCE {\n      image  SEQUENCE OF LogotypeImage OPTIONAL }\n\n"
            + "   -- Note: At least one of the OPTIONAL components MUST be present\n"
        let document = try Self.read(text)
        let section = try #require(document.section(numbered: "1"))
        // One line of comment is code under a definition (RFC 9399), not elsewhere.
        #expect(section.blocks.map { if case .figure = $0 { "figure" } else if case .paragraph = $0 { "paragraph" } else { "other" } }
                == ["figure", "figure", "figure", "paragraph", "figure", "figure"])
    }

    @Test func messageFlowsAreFiguresAndProseArrowsAreNot() throws {
        let text = """
            1.  Flows

               The first exchange:

               HDR, SK {IDi, [CERT,]
                   TSi, TSr}  -->

                                        <--  HDR, SK {IDr, AUTH,
                                                 SAr2, TSi, TSr}

               request             --> IDi, [CERT+,]
                                       SA, TSi, TSr

               If there is a transport layer header --> SRC port and DST port.

            """
        let section = try #require(try Self.read(text).section(numbered: "1"))
        var figures: [String] = []
        for block in section.blocks {
            if case .figure(let f) = block { figures.append(f.verbatim) }
        }
        #expect(figures == [
            "HDR, SK {IDi, [CERT,]\n    TSi, TSr}  -->",
            String(repeating: " ", count: 25) + "<--  HDR, SK {IDr, AUTH,\n" + String(repeating: " ", count: 34) + "SAr2, TSi, TSr}",
            "request             --> IDi, [CERT+,]\n                        SA, TSi, TSr",
        ])
        #expect(section.paragraphs.map(\.content.plainText) == [
            "The first exchange:", "If there is a transport layer header --> SRC port and DST port.",
        ])
    }

    @Test func referencesAreEntries() throws {
        let references = try #require(try Self.read(Self.miniDraft).section(numbered: "3"))
        guard case .references(let group)? = references.blocks.first else {
            Issue.record("no references block: \(references.blocks)")
            return
        }
        let entry = try #require(group.entries.first)
        #expect(entry.anchor == "RFC2119")
        #expect(entry.title == "Key words for use in RFCs to Indicate Requirement Levels")
        #expect(entry.seriesInfo == ["BCP 14", "RFC 2119"])
        #expect(entry.location.line == 65)
    }

    /// The list `block` is; an error naming what stands there instead.
    static func heldList(_ block: Block?) throws -> ListBlock {
        guard case .list(let list)? = block else { throw ListExpected(block: "\(String(describing: block))") }
        return list
    }

    struct ListExpected: Error { let block: String }

    /// A page's end after `padding` blank lines: footer, form feed, the next page's header.
    static func page(_ n: Int, padding: Int) -> String {
        String(repeating: "\n", count: padding) + "Author                   Expires January 9, 2010                [Page \(n)]\n\u{0C}\nInternet-Draft              Small Example                    July 2009\n\n\n"
    }

    /// Three page breaks, three rules: a line that does not end a sentence goes on; a
    /// sentence ending on a page cut short (more padding than a full page) ends the
    /// paragraph; a next word that would have fitted on the last line ends it too. Under a
    /// full stop on a page cut well short, a next page opening in lower case is a new
    /// paragraph that starts with a name ("userPassword values which ... MUST NOT be used",
    /// draft-howard-rfc2307bis), not the sentence going on; under "e.g." or a full page (or
    /// one cut a line short, as keeping a paragraph together does) the sentence goes on.
    @Test func pageBreaksAreJudgedByFillPunctuationAndPadding() throws {
        let text = "1.  Rules\n\n"
            + "   The first paragraph runs to the bottom of a full page and it goes on\n" + Self.page(1, padding: 3)
            + "   across the break.  This sentence ends right at the bottom of a page.\n" + Self.page(2, padding: 8)
            + "   Because that page was cut short, this is a new paragraph that ends\n   with a short line.\n" + Self.page(3, padding: 3)
            + "   Next page, next paragraph.\n\n"
            + "   The hashed password is the base64 encoding of the SHA-1 digest of the\n   plaintext password, written out in full on this line to fill it here.\n" + Self.page(4, padding: 8)
            + "   userPassword values which do not adhere to this syntax MUST NOT be\n   used for authentication.  Some of these values are kept, as in e.g.\n" + Self.page(5, padding: 8)
            + "   those written by older clients, as they are.  The paragraph goes on\n   to the bottom of a full page with a sentence that is finished there.\n" + Self.page(6, padding: 3)
            + "   userPassword values go on too.  This page was cut one line short for\n   the last lines of the paragraph, as keeping them together does, now.\n" + Self.page(7, padding: 4)
            + "   and the sentence still goes on.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "The first paragraph runs to the bottom of a full page and it goes on across the break.  This sentence ends right at the bottom of a page.",
            "Because that page was cut short, this is a new paragraph that ends with a short line.",
            "Next page, next paragraph.",
            "The hashed password is the base64 encoding of the SHA-1 digest of the plaintext password, written out in full on this line to fill it here.",
            "userPassword values which do not adhere to this syntax MUST NOT be used for authentication.  Some of these values are kept, as in e.g. those written by older clients, as they are.  The paragraph goes on to the bottom of a full page with a sentence that is finished there. userPassword values go on too.  This page was cut one line short for the last lines of the paragraph, as keeping them together does, now. and the sentence still goes on.",
        ])
        #expect(section.paragraphs.map(\.location.line).prefix(3) == [3, 26, 36])
    }

    /// A term too long for its line, as xml2rfc 3 sets a long `<dt>` (RFC 8945 5.2.2.1): its
    /// second line at the term's margin ends in a colon, the definition follows two spaces
    /// and hangs further in. One item, its requirements read (it was one figure). So is a
    /// long term whose definition starts on the next line (RFC 8759 4.1, v3's
    /// `newline="true"`): its lines at the margin, with no full stop, over the definition;
    /// a title-case term ending in a colon too (RFC 9562 6.2).
    @Test func aTermWrappedAtItsMarginIsOneTerm() throws {
        let text = "1.  Truncation\n\n   Processing of a truncated MAC follows these rules:\n\n"
            + "   If the MAC Size field is less than the larger of 10 (octets) and\n   half the length of the hash function in use:  With the exception of\n"
            + "      certain TSIG error messages, this case MUST NOT be generated.\n\n"
            + "   Otherwise:  This is sent when the signer has truncated the keyed hash\n      output to an allowable length.\n\n"
            + "   User Data Words: The length of User Data Words MUST match the\n   value specified in the Length field\n"
            + "      The User Data Words section contains the text of the whole\n      document being transmitted.\n\n"
            + "   Replace Leftmost Random Bits with Increased Clock Precision\n   (Method 3):\n"
            + "      With this method, the additional time precision bits MUST follow\n      the timestamp.\n\n"
            + "   progress: String (optional; only allowed for participants of a\n   Task)\n"
            + "      This represents the progress of the participant.  It MUST NOT be\n      set otherwise.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        let terms = section.blocks.compactMap { block -> [String?]? in if case .list(let l) = block { l.items.map { $0.term?.plainText } } else { nil } }.flatMap { $0 }
        #expect(terms == ["If the MAC Size field is less than the larger of 10 (octets) and half the length of the hash function in use:", "Otherwise:",
                          "User Data Words: The length of User Data Words MUST match the value specified in the Length field",
                          "Replace Leftmost Random Bits with Increased Clock Precision (Method 3):",
                          "progress: String (optional; only allowed for participants of a Task)"])
        #expect(section.blocks.allSatisfy { if case .figure = $0 { false } else { true } })
    }

    /// A term of up to 64 characters alone on its line over its definition further in (v3's
    /// `newline="true"`, RFC 8982 2.1) is a term where the definition's first word would
    /// have fitted beside it: its "(OPTIONAL)" makes no requirement. A line the word would
    /// not have fitted on is a paragraph's first line, the fill measured by the lines under
    /// it (draft-ietf-dnsext-mdns-20 fills its hanging paragraphs to 60 columns), and so is
    /// text hung under a label by hand (RFC 4301 8.2.1).
    @Test func aLongTermAloneOverItsDefinitionIsATerm() throws {
        let text = "1.  Members\n\n"
            + "   \"availableFieldSets\": \"AvailableFieldSet[]\" (OPTIONAL)\n      an array of objects, with each element describing an available\n      field set.\n\n"
            + "   Implementations that receive the structure described here MUST\n      discard members they do not know.\n\n"
            + "   Where a DNS server is configured, by default a sender\n      SHOULD send LLMNR queries only for names that are either\n      unqualified or exist within the default domain.\n\n"
            + "       Case 2: Original (cleartext) packet is IPv4 and has the DF\n               bit clear.  The implementation SHOULD fragment (before or\n               after encryption per its configuration).\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(Self.texts(section.blocks) == [
            "list: an array of objects, with each element describing an available field set.",
            "Implementations that receive the structure described here MUST discard members they do not know.",
            "Where a DNS server is configured, by default a sender SHOULD send LLMNR queries only for names that are either unqualified or exist within the default domain.",
            "Case 2: Original (cleartext) packet is IPv4 and has the DF bit clear.  The implementation SHOULD fragment (before or after encryption per its configuration).",
        ])
        let list = try Self.heldList(section.blocks.first)
        #expect(list.items.map { $0.term?.plainText } == ["\"availableFieldSets\": \"AvailableFieldSet[]\" (OPTIONAL)"])
    }

    /// A label over a list of its own, the definitions further in (RFC 8971 5: "Ethernet
    /// Header:" over "Destination MAC:  A Management VNI, ..." and its lines): the label's
    /// item holds the list, and the requirements in it are read (the three indentations
    /// made a figure of it). A comment over code ("/* followed by:", RFC 2367 2.3.7) is no
    /// such label; words with no colon over a term with one are (RFC 9139 5.4.2).
    @Test func aLabelOverItsOwnListHoldsIt() throws {
        let text = "1.  Format\n\n"
            + "   Ethernet Header:\n      Destination MAC:  A Management VNI, which does not have any\n         tenants.  The value 00-52-02 SHOULD be used in this field.\n\n"
            + "   Source MAC:  MAC address associated with the originating VTEP.\n\n"
            + "   KLO: KeyLocator TLV\n       0:  If the included SignatureType requires a KeyLocator TLV, then\n           the message MUST be sent uncompressed.\n\n"
            + "   For the IKE-less case (ietf-i2nsf-ikeless):\n      /ipsec-ikeless/sad/sad-entry/ipsec-sa-config/esp-sa:  This\n         container includes symmetric keys.  Those values MUST NOT be read.\n\n"
            + "           /* followed by:\n              struct sadb_comb sadb_combs[(sadb_prop_len *\n                  sizeof(uint64_t))]; */\n\n"
            + "2.  Polling\n\n"
            + "   Request Processing Parameters\n      maxEvents\n         An OPTIONAL integer value indicating the maximum number of\n"
            + "         unacknowledged SETs to be returned.  The SET Transmitter SHOULD\n         NOT send more SETs than the specified maximum.\n\n"
            + "      returnImmediately\n         An OPTIONAL JSON boolean value.\n\n"
            + "   Tree\n      Branch\n         leaf-one\n         leaf-two\n"
        let document = try Self.read(text)
        let section = try #require(document.section(numbered: "1"))
        let labels = try Self.heldList(section.blocks.first)
        let inner = try Self.heldList(labels.items.first?.blocks.first)
        #expect(labels.items.map { $0.term?.plainText } == ["Ethernet Header:", "Source MAC:", "KLO: KeyLocator TLV", "For the IKE-less case (ietf-i2nsf-ikeless):"])
        #expect(inner.items.map { $0.term?.plainText } == ["Destination MAC:"])
        // A label of words with no colon at its end over such a list (RFC 9139 5.4.2).
        let klo = try Self.heldList(labels.items[2].blocks.first)
        #expect(Self.texts(klo.items[0].blocks) == ["If the included SignatureType requires a KeyLocator TLV, then the message MUST be sent uncompressed."])
        // A term ending in a colon, one word of its definition beside it, is no table row
        // with its value (RFC 9061 7.3).
        let paths = try Self.heldList(labels.items[3].blocks.first)
        #expect(paths.items.map { $0.term?.plainText } == ["/ipsec-ikeless/sad/sad-entry/ipsec-sa-config/esp-sa:"])
        #expect(Self.texts(paths.items[0].blocks) == ["This container includes symmetric keys.  Those values MUST NOT be read."])
        #expect(Self.texts(inner.items[0].blocks) == ["A Management VNI, which does not have any tenants.  The value 00-52-02 SHOULD be used in this field."])
        // The comment, set further in, falls under the last item: as a figure.
        guard case .figure(let code)? = labels.items.last?.blocks.last else {
            Issue.record("the C comment is no figure: \(section.blocks)")
            return
        }
        #expect(code.verbatim.trimmingCharacters(in: .whitespaces).hasPrefix("/* followed by:"))

        // v3's nested `<dl>` with no colons: a label over a term alone on its line over a
        // definition further in (RFC 8936 2.2; three requirements were lost in one
        // figure). The next term at the inner margin joins the label's list. An outline of
        // names with no prose under them stays a figure.
        let polling = try #require(document.section(numbered: "2"))
        let parameters = try Self.heldList(polling.blocks.first)
        let nested = try Self.heldList(parameters.items.first?.blocks.first)
        #expect(parameters.items.map { $0.term?.plainText } == ["Request Processing Parameters"])
        #expect(nested.items.map { $0.term?.plainText } == ["maxEvents", "returnImmediately"])
        #expect(Self.texts(nested.items[0].blocks) == ["An OPTIONAL integer value indicating the maximum number of unacknowledged SETs to be returned.  The SET Transmitter SHOULD NOT send more SETs than the specified maximum."])
        guard case .figure(let tree)? = polling.blocks.last else {
            Issue.record("the outline is no figure: \(polling.blocks)")
            return
        }
        #expect(tree.verbatim.contains("leaf-two"))
    }

    /// Numbered steps of code, one a line, most of them assignments, are code (RFC 9380
    /// 6.6.1's artwork: "6. If sgn0(tv4) == 1, set tv4 = -tv4        # sgn0(tv4) MUST equal
    /// 0" made a statement of a comment). Steps in prose stay a list.
    @Test func numberedStepsOfCodeAreAFigure() throws {
        let text = "1.  Steps\n\n"
            + "   1. tv1 = u^2 * g(Z)\n   2. tv2 = 1 + tv1\n   3. If sgn0(tv2) == 1, set tv2 = -tv2     # sgn0(tv2) MUST equal 0\n   4. return tv2\n\n"
            + "   1. The sender MUST set x = 0.\n   2. The receiver checks it.\n   3. The receiver MAY log it.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard case .figure(let code)? = section.blocks.first, case .list(let steps)? = section.blocks.last else {
            Issue.record("\(section.blocks)")
            return
        }
        #expect(code.verbatim.contains("# sgn0(tv2) MUST equal 0"))
        #expect(steps.items.map(\.marker) == ["1.", "2.", "3."])
    }

    /// LDAP schema definitions (RFC 4512 4.1) are code: their MUST and MAY name attributes.
    /// Set with the first line out to the left of the rest, they read as prose before; cut
    /// by a page break (draft-ietf-ldapbis-user-schema-06 3.3), the first half was a term
    /// over a requirement and the second half prose.
    @Test func anLDAPSchemaDefinitionIsAFigure() throws {
        let text = "1.  Object Classes\n\n"
            + "     ( 1.3.6.1.1.1.2.9 NAME 'nisMap' SUP top STRUCTURAL\n         DESC 'A generic abstraction of a NIS map'\n         MUST nisMapName\n         MAY description )\n\n"
            + "     ( nisKeyObject-oid NAME 'nisKeyObject' SUP top AUXILIARY\n         MUST ( cn $ nisPublicKey ) )\n\n"
            + "     ( 2.5.6.14 NAME 'device'\n        SUP top\n        STRUCTURAL\n        MUST cn\n" + Self.page(1, padding: 2)
            + "        MAY ( serialNumber $\n              description ) )\n\n"
            + "   Entries of class nisMap MUST hold a name (a parenthesis closes this).\n   ( It is no definition )\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        let figures = section.blocks.filter { if case .figure = $0 { true } else { false } }
        // A definition a page break cuts is two figures, its halves.
        #expect(figures.count == 4)
        #expect(section.blocks.count == 5)
        #expect(section.paragraphs.map(\.content.plainText) == ["Entries of class nisMap MUST hold a name (a parenthesis closes this). ( It is no definition )"])
    }

    /// A list labelled by one-word terms, cut by a page break under a one-line item
    /// (draft-ietf-rtcweb-jsep 5.1.1: "R-11  [RFC4585] MUST be implemented ..." over the
    /// break, "R-12  [RFC5761] MUST ..." under it, a full page's padding between): two
    /// items, each with its requirement. They were one figure, and both MUSTs were lost.
    @Test func theNextItemOfATermListAfterAPageBreakIsAnItem() throws {
        let text = "1.  Usage Requirements\n\n"
            + "   All implementations MUST support the following:\n\n"
            + "   R-10  [RFC5576] MUST be implemented to signal RTP SSRC values and\n         grouping semantics.\n\n"
            + "   R-11  [RFC4585] MUST be implemented to signal RTCP based feedback.\n"
            + "\n\n\nUberti, et al.          Expires 10 September 2015              [Page 25]\n\u{0C}\n"
            + "Internet-Draft                    JSEP                        March 2015\n\n\n"
            + "   R-12  [RFC5761] MUST be implemented to signal multiplexing of RTP and\n         RTCP.\n\n"
            + "   R-13  [RFC5506] MUST be implemented to signal reduced-size RTCP\n         messages.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard let list = Self.listAfterParagraph(section) else { return }
        #expect(list.items.map { $0.term?.plainText } == ["R-10", "R-11", "R-12", "R-13"])
        #expect(list.items.map { Self.texts($0.blocks) }[1...2] == [
            ["[RFC4585] MUST be implemented to signal RTCP based feedback."],
            ["[RFC5761] MUST be implemented to signal multiplexing of RTP and RTCP."],
        ])
    }

    /// A term wider than 40 columns with the first words of its definition beside it, the
    /// rest on the next page further in (draft-ietf-netconf-keystore: "/keystore/asymmetric-
    /// keys/asymmetric-key/private-key:  When writing" over a padded page break, "this node,
    /// implementations MUST ensure ..." under it): one item. The definition was cut after
    /// "When writing" and its requirements went to a paragraph of their own.
    @Test func aWideTermsDefinitionGoesOnOverAPageBreak() throws {
        let text = "1.  Security\n\n"
            + "   /keystore/asymmetric-keys/asymmetric-key/private-key:  When writing\n"
            + String(repeating: "\n", count: 11)
            + "Watsen                     Expires 9 June 2027                  [Page 5]\n\u{0C}\n"
            + "Internet-Draft      A YANG Data Model for a Keystore       December 2026\n\n\n"
            + "         this node, implementations MUST ensure that the strength of the\n"
            + "         key being configured is not greater than the strength of the\n"
            + "         underlying secure transport connection.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 1, case .list(let list) = section.blocks[0] else {
            Issue.record("not one list: \(section.blocks)")
            return
        }
        #expect(list.items.map { $0.term?.plainText } == ["/keystore/asymmetric-keys/asymmetric-key/private-key:"])
        #expect(list.items.map { Self.texts($0.blocks) } == [["When writing this node, implementations MUST ensure that the strength of the key being configured is not greater than the strength of the underlying secure transport connection."]])
    }

    /// xml2rfc v2's hanging list (`hangIndent="8"`), cut by a page break between two items
    /// (draft-ietf-oauth-revocation-09, section 2.1): the first item is one line, its term
    /// padded to the definitions' column; the second starts the next page in lower case.
    /// They are two items, and the keywords of both are read (they were one "figure").
    @Test func aPaddedOneLineTermBeforeAPageBreakEndsItsItem() throws {
        let text = "2.1.  Revocation Request\n\n"
            + "   The client includes the following parameters:\n\n"
            + "   token   REQUIRED.  The token that the client wants to get revoked.\n"
            + "\n\n\n\n\nLodderstedt, et al.    Expires November 20, 2013                [Page 3]\n\u{0C}\n"
            + "Internet-Draft              Token Revocation                    May 2013\n\n\n"
            + "   token_type_hint  OPTIONAL.  A hint about the type of the token\n"
            + "           submitted for revocation.  Clients MAY pass this parameter.\n"
        let section = try #require(try Self.read(text).section(numbered: "2.1"))
        guard let list = Self.listAfterParagraph(section) else { return }
        #expect(list.items.map { $0.term?.plainText } == ["token", "token_type_hint"])
        #expect(list.items.map { Self.texts($0.blocks) } == [
            ["REQUIRED.  The token that the client wants to get revoked."],
            ["OPTIONAL.  A hint about the type of the token submitted for revocation.  Clients MAY pass this parameter."],
        ])
    }

    /// RFC 4301 4.4.1.2 (hand-formatted, no blank lines): a bullet whose text ends in a
    /// colon, then a list of its own further in. The inner items are a list nested in the
    /// item, not words of its sentence ("Each selector set contains: - Local Address - ...");
    /// an item ending in a full stop keeps its dashes as text.
    @Test func aListRightUnderAnItemEndingInAColonIsNestedInIt() throws {
        let text = "1.  Selectors\n\n   An SPD entry holds:\n\n"
            + "           o One to N selector sets that correspond to the \"condition\"\n"
            + "             for applying a particular IPsec action.  Each selector set\n"
            + "             contains:\n"
            + "                - Local Address\n"
            + "                - Local Port, or ICMP message type/code or Mobility\n"
            + "                  Header type (depending on the next layer protocol)\n"
            + "           o A processing info field.  It is one of these.\n"
            + "                - BYPASS\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard let outer = Self.listAfterParagraph(section, items: 2) else { return }
        #expect(Self.texts(outer.items[0].blocks) == [
            "One to N selector sets that correspond to the \"condition\" for applying a particular IPsec action.  Each selector set contains:",
            "list: Local Address | Local Port, or ICMP message type/code or Mobility Header type (depending on the next layer protocol)",
        ])
        #expect(Self.texts(outer.items[1].blocks) == ["A processing info field.  It is one of these. - BYPASS"])
    }

    /// draft-ietf-radext-digest-auth-06 section 2 (no blank lines): a paragraph ending in a
    /// colon, a list at the paragraph's own indentation, and the paragraph's text going on
    /// under it; then a list further in under a short line. Each is its own block, so every
    /// requirement is a statement (the whole was one "figure" and eight keywords were lost).
    @Test func aListRightUnderAParagraphIsABlockOfItsOwn() throws {
        let text = "2.  Rules\n\n"
            + "   RADIUS clients and servers MUST support both modes.  The operator MUST\n"
            + "   make sure of this:\n"
            + "   o  If the server generates nonces, its clients MUST NOT\n"
            + "      try to generate nonces.\n"
            + "   o  If it does not, its clients MUST generate nonces.\n"
            + "   RADIUS implementations MUST offer configuration options.\n\n"
            + "   Short intro:\n"
            + "      - The peer MAY do Z.\n"
            + "      - The peer MUST NOT do W.\n"
        let section = try #require(try Self.read(text).section(numbered: "2"))
        #expect(Self.texts(section.blocks) == [
            "RADIUS clients and servers MUST support both modes.  The operator MUST make sure of this:",
            "list: If the server generates nonces, its clients MUST NOT try to generate nonces. | If it does not, its clients MUST generate nonces.",
            "RADIUS implementations MUST offer configuration options.",
            "Short intro:",
            "list: The peer MAY do Z. | The peer MUST NOT do W.",
        ])
        // The same draft, 3.2: the sentence runs on into the list, no colon.
        let runOn = "1.  Server\n\n   The RADIUS server MUST check if the user identified by the User-Name\n   attribute\n"
            + "   o  is authorized to access the protection space defined by the\n      Digest-URI and Digest-Realm attributes,\n"
            + "   o  is authorized to use the URI included in the SIP-AOR attribute.\n"
            + "   If any of those checks fails, the RADIUS server MUST send an Access-\n   Reject.\n"
        let server = try #require(try Self.read(runOn).section(numbered: "1"))
        #expect(server.blocks.count == 3)
        #expect(server.paragraphs.map(\.content.plainText) == [
            "The RADIUS server MUST check if the user identified by the User-Name attribute",
            "is authorized to access the protection space defined by the Digest-URI and Digest-Realm attributes,",
            "is authorized to use the URI included in the SIP-AOR attribute.",
            "If any of those checks fails, the RADIUS server MUST send an Access-Reject.",
        ])
        // RFC 8422 5.10: prose that wraps before "(1)" is not a list.
        let prose = "1.  X25519\n\n   An ECDHE key exchange using X25519 goes as follows:\n"
            + "   (1) each party picks a secret key d and computes\n"
            + "   the public key; (2) if either party obtains zeroes, it MUST abort.\n"
        let wrapped = try #require(try Self.read(prose).section(numbered: "1"))
        #expect(wrapped.paragraphs.map(\.content.plainText) == [
            "An ECDHE key exchange using X25519 goes as follows: (1) each party picks a secret key d and computes the public key; (2) if either party obtains zeroes, it MUST abort.",
        ])
    }

    /// draft-ietf-btns-connection-latching-08 2.2: an item's text carried over a page
    /// break (column 9) with the list's next item under it (column 3) in one run of lines.
    /// The tail goes to the item, the next item to the list: both requirements are read
    /// (they were a figure).
    @Test func anItemsTailOverAPageBreakAndTheNextItemAreNotAFigure() throws {
        let text = "1.  Interfaces\n\n   The interfaces are as follows:\n"
            + "   o  CREATE_LATCH(3-tuple) -> latch handle\n"
            + "         If there is no conflicting latch, then this operation\n"
            + "         creates one for the given 3-tuple.\n"
            + "\n\n\nWilliams                   Expires May 7, 2009                 [Page 11]\n\u{0C}\n"
            + "Internet-Draft          IPsec Connection Latching          November 2008\n\n\n"
            + "         When a child SA matches the latch, the key manager MUST\n"
            + "         inform the holder of the latch.\n"
            + "   o  RELEASE_LATCH(latch handle)\n"
            + "         The key manager SHOULD inform the peer.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard let list = Self.listAfterParagraph(section) else { return }
        let items = list.items.map { Self.texts($0.blocks) }
        #expect(items == [
            ["CREATE_LATCH(3-tuple) -> latch handle If there is no conflicting latch, then this operation creates one for the given 3-tuple.",
             "When a child SA matches the latch, the key manager MUST inform the holder of the latch."],
            ["RELEASE_LATCH(latch handle) The key manager SHOULD inform the peer."],
        ])
    }

    /// xml2rfc v1's compact hanging list, no blank lines (draft-ietf-radext-digest-auth-06
    /// 4.2, RFC 1997 3): each term over its definition is an item, one definition carried
    /// over a page break; the MUST in the first was lost in a "figure". Code of the same
    /// shape (an ASN.1 type over its members, RFC 4301 appendix) stays a figure.
    @Test func compactHangingTermsAreItems() throws {
        let text = "1.  Digest-Realm attribute\n\n"
            + "   Description\n"
            + "         This attribute describes a protection space of the RADIUS\n"
            + "         server.  It MUST only be used in Access-Request packets.\n"
            + "   Type\n"
            + "         [IANA: use 103 if possible] for Digest-Realm\n"
            + "   Length\n"
            + "\n\n\nSterman, et al.          Expires April 17, 2006                [Page 14]\n\u{0C}\n"
            + "Internet-Draft        RADIUS Digest Authentication          October 2005\n\n\n"
            + "         >=3\n\n"
            + "2.  Types\n\n"
            + "       IntegrityAlgType ::= INTEGER {\n"
            + "           none              (0),\n"
            + "           auth-HMAC-MD5-96  (1)\n"
            + "       --  tbd (6..65535)\n"
            + "           }\n"
        let document = try Self.read(text)
        let section = try #require(document.section(numbered: "1"))
        guard section.blocks.count == 1, case .list(let list) = section.blocks[0] else {
            Issue.record("not one list: \(section.blocks)")
            return
        }
        #expect(list.items.map { $0.term?.plainText } == ["Description", "Type", "Length"])
        #expect(list.items.map { Self.texts($0.blocks) } == [
            ["This attribute describes a protection space of the RADIUS server.  It MUST only be used in Access-Request packets."],
            ["[IANA: use 103 if possible] for Digest-Realm"],
            [">=3"],
        ])
        let code = try #require(document.section(numbered: "2"))
        guard code.blocks.count == 1, case .figure = code.blocks[0] else {
            Issue.record("ASN.1 is not a figure: \(code.blocks)")
            return
        }
    }

    /// Three spaces after a sentence's end are a typist's, not a column's (RFC 3928 3.1: the
    /// paragraph holding "MUST be unique" was a figure); four, or three after a word, are
    /// columns, as zone data after a name's final dot is.
    @Test(arguments: [
        ("to LCUP clients.   For cookie schemes", false), ("length.   This information", false),
        ("10.IN-ADDR.ARPA.           PTR MILNET-GW.ISI.EDU.", true), ("uint32   packet_length", true),
        ("done.    Next", true), ("a  b", false), ("trailing   ", true),
    ])
    func wideGaps(_ line: String, _ wide: Bool) {
        #expect(TextBlockBuilder.hasWideGap(Substring(line)) == wide)
    }

    /// A footer with no brackets and a form feed at its end (draft-ietf-ldapbis-protocol:
    /// "Sermersheim  Internet-Draft - Expires Jun 2004  Page 10"): the page's layout is
    /// taken off and the sentence it cut is one (it was cut in two, the footer's words
    /// inside one half). Prose ending in "page 10", or a contents line, is no footer.
    @Test func aFooterWithoutBracketsEndsAPage() throws {
        func page(_ n: Int) -> String {
            "\n\nSermersheim       Internet-Draft - Expires Jun 2004               Page \(n) \u{0C}\n"
                + "              Lightweight Directory Access Protocol Version 3 \n\n"
        }
        let text = "1.  Scope\n\n   A client MUST NOT send a request with the same message ID as an earlier\n"
            + "   request unless it can be determined that the server is no longer\n" + page(1)
            + "   servicing the earlier request.\n" + page(2) + "   Another paragraph.\n" + page(3) + "   The end.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "A client MUST NOT send a request with the same message ID as an earlier request unless it can be determined that the server is no longer servicing the earlier request.",
            "Another paragraph.", "The end.",
        ])
        #expect(TextLines.isPageFooter("Sermersheim       Internet-Draft - Expires Jun 2004               Page 10"))
        #expect(!TextLines.isPageFooter("the values are given on page 10"))
        #expect(!TextLines.isPageFooter("1. Introduction ............................   Page 3"))
        #expect(!TextLines.isPageFooter("Name                 Page 3"))
    }

    /// "||" inside a line is concatenation, not a box's two walls (RFC 4253 6: the
    /// definition of "random padding" and its MUST and SHOULD were a figure). A length or
    /// an absolute value in bars is mathematics (RFC 9058 4.1: "... MUST be such that 0 <
    /// |A| + |P| < 2^{n/2}." was a figure); a bit field's "|R|" opening a line stays art.
    @Test func concatenationBarsAreProse() throws {
        let text = "1.  Packets\n\n      random padding\n"
            + "         Arbitrary-length padding, such that the total length of\n"
            + "         (packet_length || padding_length || payload || random padding)\n"
            + "         is a multiple of 8.  There MUST be at least four bytes of padding.\n\n"
            + "   The length of the associated data A and of the plaintext P MUST be\n   such that 0 < |A| + |P| < 2^{n/2}.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "Arbitrary-length padding, such that the total length of (packet_length || padding_length || payload || random padding) is a multiple of 8.  There MUST be at least four bytes of padding.",
            "The length of the associated data A and of the plaintext P MUST be such that 0 < |A| + |P| < 2^{n/2}.",
        ])
        #expect(TextBlockBuilder.hasArt("| a | b |") && TextBlockBuilder.hasArt("+--+") && !TextBlockBuilder.hasArt("x || y"))
        for prose in ["0 < |A| + |P| <", "(|C_i|) octets", "where |x_1| is", "len |M|"] {
            #expect(!TextBlockBuilder.hasArt(Substring(prose)), "\(prose)")
        }
        for art in ["|R|  Reserved  |", "Flags |A|B|", "x |A| |", "Reserved |A|  x  |", "a |ABCDEFGHIJKLMNOPQ|"] {
            #expect(TextBlockBuilder.hasArt(Substring(art)), "\(art)")
        }
    }

    /// One bar between single spaces, or at a line's end after a word, is an operator too
    /// (RFC 4121 4.2.4: four SHALLs and a MAY were a figure; RFC 4186 4.2.1.6). Walls and
    /// column edges stay art.
    @Test func operatorBarsAreProse() throws {
        let text = "1.  Wrap\n\n"
            + "   Filler octets MAY be inserted between the plaintext data and the\n"
            + "   \"header.\"  The resulting Wrap token is {\"header\" |\n"
            + "   encrypt(plaintext-data | filler | \"header\")}, where encrypt() is the\n"
            + "   encryption operation.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "Filler octets MAY be inserted between the plaintext data and the \"header.\"  The resulting Wrap token is {\"header\" | encrypt(plaintext-data | filler | \"header\")}, where encrypt() is the encryption operation.",
        ])
        for prose in ["a | b | c", "of the format \"1\" |", "x | y", "0x80 | flags", "a |", "value such as H((Router_A|Router_B)|content_name),"] {
            #expect(!TextBlockBuilder.hasArt(Substring(prose)), "\(prose)")
        }
        for art in ["| a | b |", "|  x", "Client |  | Server", "abc  |", "a|b|c", "a | | b", "a |  b | c", "|(a|b)|", "(x)  |a|b|"] {
            #expect(TextBlockBuilder.hasArt(Substring(art)), "\(art)")
        }
    }

    /// A run of "=" or "-" in quotes is a literal of prose, not a rule (RFC 4648 3.3: the
    /// paragraph holding "Implementations MUST reject ..." and two MAYs was a figure).
    @Test func quotedRunsAreProse() throws {
        let text = "1.  Padding\n\n"
            + "   Implementations MUST reject the encoded data.  If more than the allowed number\n"
            + "   of pad characters is found at the end of the string (e.g., a base 64\n"
            + "   string terminated with \"===\"), the excess pad characters MAY also be\n"
            + "   ignored.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.count == 1)
        for prose in ["terminated with \"===\"), the", "the '----' marker", "x \"***\"", "the line \"-----BEGIN ACME RESPONSE-----\", followed",
                      "-----END ENCODED SMD-----\".  Only data inside the encapsulation"] {
            #expect(!TextBlockBuilder.hasArt(Substring(prose)), "\(prose)")
        }
        for art in ["====", "a \"==== b", "----\" x", "'-----", "\"===\" =====", "-----END ENCODED SMD-----",
                    "-----END SMD----- after", "-----END SMD---\" after"] {
            #expect(TextBlockBuilder.hasArt(Substring(art)), "\(art)")
        }
    }

    /// A footnote's mark in parentheses is prose, not a rule (RFC 4314 5.2: "The server
    /// SHOULD include a READ-WRITE response code ... rights\"(***) is granted" was a figure).
    @Test func aFootnoteMarkIsProse() throws {
        let text = "1.  Codes\n\n"
            + "   The server SHOULD include a READ-WRITE response code in the tagged OK\n"
            + "   response if at least one of the \"shared flag rights\"(***) is granted.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "The server SHOULD include a READ-WRITE response code in the tagged OK response if at least one of the \"shared flag rights\"(***) is granted.",
        ])
        for prose in ["rights\"(***) is granted", "(**) Note", "(***)"] {
            #expect(!TextBlockBuilder.hasArt(Substring(prose)), "\(prose)")
        }
        for art in ["(*** x", "***)", "(----)", "(===)", "a *** b"] {
            #expect(TextBlockBuilder.hasArt(Substring(art)), "\(art)")
        }
    }

    /// Prose justified to both margins (nroff's ".ad b": RFC 2367 3.4, draft-ietf-krb-wg-
    /// kerberos-sam-02 2.2) has gaps of three spaces and more between words: a paragraph,
    /// its MUST read (it was a figure). A table of equal-width columns, every row as long
    /// as the others, stays a figure.
    @Test func justifiedProseIsAParagraph() throws {
        let text = "1.  Checksums\n\n"
            + "   If no checksum is included, or is of the wrong type,  or  none  are\n"
            + "   found  which  are  correct, the client MUST abort the dialogue with\n"
            + "   the   KDC   and    issue,    respectively,    KRB5_SAM_NO_CHECKSUM,\n"
            + "   or KRB5_SAM_BAD_CHECKSUM.\n\n"
            + "   SADB_SATYPE_ESP  is  for  the  IP  Encapsulating   Security   Payload\n"
            + "   [Atk95c].\n\n"
            + "   0x01   0x02   0x03   0x04   0x05   0x06   0x07   0x08   0x09   0x0a\n"
            + "   0x11   0x12   0x13   0x14   0x15   0x16   0x17   0x18   0x19   0x1a\n"
            + "   0x21   0x22\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.normalizedText) == [
            "If no checksum is included, or is of the wrong type, or none are found which are correct, the client MUST abort the dialogue with the KDC and issue, respectively, KRB5_SAM_NO_CHECKSUM, or KRB5_SAM_BAD_CHECKSUM.",
            "SADB_SATYPE_ESP is for the IP Encapsulating Security Payload [Atk95c].",
        ])
        #expect(section.blocks.count == 3)
        guard case .figure = section.blocks.last else {
            Issue.record("the table of columns is not a figure: \(section.blocks)")
            return
        }
    }

    /// A sentence set apart from the one before it by four spaces in a paragraph of prose
    /// (RFC 2131 4.4.1: three requirements were lost in a figure): a paragraph. Zone data,
    /// a gap after a dotted name on every line, stays a figure.
    @Test func proseWithAWiderSpaceBetweenSentencesIsAParagraph() throws {
        let text = "1.  Allocation\n\n"
            + "   The client records the lease expiration time as the sum of the time\n"
            + "   at which the original request was sent and the duration of\n"
            + "   the lease from the DHCPACK message.    The client SHOULD perform a\n"
            + "   check on the suggested address to ensure that the address is not\n"
            + "   already in use.\n\n"
            + "   EXAMPLE.              NS     ns1.example.\n"
            + "   WWW.EXAMPLE.          A      192.0.2.1\n"
            + "   MAIL.EXAMPLE.         A      192.0.2.2\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.normalizedText) == [
            "The client records the lease expiration time as the sum of the time at which the original request was sent and the duration of the lease from the DHCPACK message. The client SHOULD perform a check on the suggested address to ensure that the address is not already in use.",
        ])
        #expect(section.blocks.count == 2)
        guard case .figure = section.blocks.last else {
            Issue.record("the zone data is not a figure: \(section.blocks)")
            return
        }
    }

    /// Editors' comments as xml2rfc prints a `<cref>`: version 2 in running text between
    /// "[[" and "]]" after a label and a colon, version 3 on "//" lines standing alone.
    /// Each is an invisible span holding the comment, as the XML reader has it; the line
    /// of the text after it is still its own. Brackets that are notation stay text.
    @Test func editorsCommentsAreInvisibleSpans() throws {
        let text = "1.  Notes\n\n"
            + "   [[anchor1: whitespace between field-name and colon is an error and\n"
            + "   MUST NOT be accepted]]\n\n"
            + "   Bind the padata. [[anchor4: Is this\n"
            + "   enough? --sam]]Typically the reply key is used [[anchor5: really?]].\n\n"
            + "   // Editor note: the peer MUST be told.\n   //\n   // -- Paul\n\n"
            + "   Optional parts are enclosed in \"[[ ]]\" and [[N(X)], CERTREQ+] lists.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        let contents = section.paragraphs.map(\.content)
        #expect(contents.map(\.plainText) == ["", "Bind the padata. Typically the reply key is used.", "",
                                              "Optional parts are enclosed in \"[[ ]]\" and [[N(X)], CERTREQ+] lists."])
        let comments = contents.flatMap(\.spans).compactMap { span -> String? in
            if case .invisible("cref:") = span.kind { return span.text } else { return nil }
        }
        #expect(comments == ["whitespace between field-name and colon is an error and MUST NOT be accepted",
                             "Is this enough? --sam", "really?", "Editor note: the peer MUST be told.\u{2028}\u{2028}-- Paul"])
        // "Typically" is on the second line of its paragraph (line 7).
        let second = contents[1]
        let offset = second.plainText.utf8.count - "Typically the reply key is used.".utf8.count
        #expect(second.line(atOffset: offset) == 7)
        #expect(second.line(atOffset: offset - 1) == 6)
        #expect(second.line(atOffset: 0) == 6)
    }

    /// "//" lines between pieces of code, or next to a line of code, are the code's
    /// comments (a figure, whose comments are read for requirements), not an editor's
    /// comment (draft-ietf-dane-protocol-19's pseudo-code, a qlog draft's type definition).
    /// Under a drawing, one is an editor's comment.
    @Test func slashCommentsBesideCodeAreCode() throws {
        let text = "1.  Algorithm\n\n"
            + "   The algorithm follows.\n\n"
            + "   // if here, ValState MUST be SECURE\n\n"
            + "   for each R in TLSArecords {\n     remove R\n   }\n\n"
            + "   class IPAddress : string | bytes;\n\n"
            + "   // an IPAddress is either form\n\n"
            + "   The text goes on.\n\n"
            + "   +-----+\n   | box |\n   +-----+\n\n"
            + "   // Editor: is this enough?\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        let figures = section.blocks.compactMap { block -> String? in
            if case .figure(let f) = block { return f.verbatim } else { return nil }
        }
        #expect(figures.contains("// if here, ValState MUST be SECURE"))
        #expect(figures.contains("// an IPAddress is either form"))
        #expect(section.paragraphs.map(\.content.plainText) == ["The algorithm follows.", "class IPAddress : string | bytes;", "The text goes on.", ""])
    }

    /// One stray gap between two words of a paragraph's prose (draft-ietf-dnsext-nsec3-01's
    /// boilerplate, "interpreted as            described in"): a paragraph, so the
    /// boilerplate is the boilerplate. Lines with two stray gaps stay a figure.
    @Test func oneStrayGapBetweenWordsIsStillProse() throws {
        let text = "1.  Notation\n\n"
            + "   The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\",\n"
            + "   \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this\n"
            + "   document are to be interpreted as            described in [RFC2119].\n\n"
            + "   The first line of prose with a gap in it is here   and the\n"
            + "   second line has none in it but goes on as prose does for\n"
            + "   a while, and the third line has one as the first   had so\n"
            + "   it goes on for a fourth line of prose that has no gap in\n"
            + "   it, and for a fifth line that has no gap in it either, and\n"
            + "   for a sixth line that ends the paragraph with its stop.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.normalizedText) == [
            "The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this document are to be interpreted as described in [RFC2119].",
        ])
        #expect(section.blocks.count == 2)
        guard case .figure = section.blocks.last else {
            Issue.record("the lines with two stray gaps are not a figure: \(section.blocks)")
            return
        }
    }

    /// Fields labelled at the start of their lines with their values aligned, prose running
    /// on under them (RFC 2518 12: 21 requirements of WebDAV's XML elements were figures):
    /// prose. Labels over values alone stay a figure.
    @Test func labelledFieldsWithProseAreProse() throws {
        let text = "1.  Elements\n\n"
            + "   Name:       propstat\n"
            + "   Namespace:  DAV:\n"
            + "   Purpose:    Groups together a prop and status element.\n"
            + "   Description: The propstat XML element MUST contain one prop XML\n"
            + "   element and one status XML element.\n\n"
            + "   Type:       1\n"
            + "   Length:     8\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "Name:       propstat Namespace:  DAV: Purpose:    Groups together a prop and status element. Description: The propstat XML element MUST contain one prop XML element and one status XML element.",
        ])
        guard section.blocks.count == 2, case .figure = section.blocks[1] else {
            Issue.record("the labels over values are not a figure: \(section.blocks)")
            return
        }
    }

    /// Prose introducing an example with a colon, the example right under it with no blank
    /// line, and the prose going on at its own column (draft-ietf-dnsext-delegation-signer-05
    /// 2.2): paragraph, figure, paragraph (the whole was a figure and three MUSTs were lost).
    /// Code of that shape (a comment, then "if ...:" over its body) stays one figure.
    @Test func proseIntroducingAnExampleIsNotAFigure() throws {
        let text = "1.  Protocol change\n\n"
            + "   Each secure delegation MUST contain a DS RR set.  The server MUST\n"
            + "   include the following RR sets in the authority section in this order:\n"
            + "        parent NS\n"
            + "        DS and SIG(DS)\n"
            + "   The TC bit MUST be set if they do not fit.\n\n"
            + "   A server MUST include the following RRsets in this order:\n"
            + "   If DS RRset is present:\n"
            + "        parent's copy of child's NS RRset\n\n"
            + "2.  Code\n\n"
            + "       # Otherwise, the length of the array MUST be odd\n"
            + "       if len(nodes) % 2 == 0:\n"
            + "           raise Exception(\"Malformed node array\")\n"
        let document = try Self.read(text)
        let section = try #require(document.section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == [
            "Each secure delegation MUST contain a DS RR set.  The server MUST include the following RR sets in the authority section in this order:",
            "parent NS DS and SIG(DS)",
            "The TC bit MUST be set if they do not fit.",
            "A server MUST include the following RRsets in this order: If DS RRset is present:",
            "parent's copy of child's NS RRset",
        ])
        let code = try #require(document.section(numbered: "2"))
        guard code.blocks.count == 1, case .figure = code.blocks[0] else {
            Issue.record("the code is not one figure: \(code.blocks)")
            return
        }
    }

    /// A list, then a paragraph at the markers' column with no blank line between
    /// (draft-kosters-dnsext-dnssec-opt-in-00 3): list and paragraph (the whole was a
    /// figure). An item whose text wraps back to the markers' column is not cut there, nor
    /// a paragraph that opens with a label (RFC 2828's "(D)").
    @Test func aParagraphRightUnderAListIsNotAFigure() throws {
        let text = "1.  Views\n\n"
            + "   1.  The DNSSEC view is to be queried when the DO bit is set.\n"
            + "   2.  The DNSSEC view is to be queried when the query type is SIG,\n"
            + "       KEY, or NXT.\n"
            + "   If the query does not follow either case (1) or (2), the non-DNSSEC\n"
            + "   view MUST be consulted by default.\n\n"
            + "2.  Wrapped\n\n"
            + "   o  This is a bullet item whose text\n"
            + "   Wraps back to the marker column.\n\n"
            + "   (D) ISDs SHOULD NOT use this term to refer to a signed CRL or CKL.\n"
            + "   Although the recommended definition can be interpreted to include\n"
            + "   those items, the security community does not use the term so.\n"
        let document = try Self.read(text)
        let section = try #require(document.section(numbered: "1"))
        guard section.blocks.count == 2, case .list(let list) = section.blocks[0] else {
            Issue.record("no list first: \(section.blocks)")
            return
        }
        #expect(list.items.map { Self.texts($0.blocks) } == [
            ["The DNSSEC view is to be queried when the DO bit is set."],
            ["The DNSSEC view is to be queried when the query type is SIG, KEY, or NXT."],
        ])
        #expect(Self.texts(Array(section.blocks.dropFirst())) == [
            "If the query does not follow either case (1) or (2), the non-DNSSEC view MUST be consulted by default.",
        ])
        let wrapped = try #require(document.section(numbered: "2"))
        #expect(wrapped.blocks.count == 2)
        #expect(wrapped.paragraphs.last?.content.plainText.hasPrefix("(D) ISDs SHOULD NOT use this term") == true)
    }

    /// One line of two ending in ";" is prose (draft-ietf-dnsext-dnssec-records-03 7: each
    /// "Each RR ... MUST have ...;" was a figure); two lines ending so are code, and so is
    /// one ending in a brace ("searchedSubtrees [0] SearchedSubtrees OPTIONAL," over "...  }",
    /// draft-sermersheim-ldap-distproc).
    @Test func oneSemicolonIsProseTwoOrABraceAreCode() throws {
        let text = "1.  Rules\n\n"
            + "      Each RR in the RRset MUST have the RR type listed in the\n"
            + "      SIG RR's Type Covered field;\n\n"
            + "      x = 1;\n"
            + "      y = 2;\n\n"
            + "         searchedSubtrees [0] SearchedSubtrees OPTIONAL,\n"
            + "         ...  }\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText) == ["Each RR in the RRset MUST have the RR type listed in the SIG RR's Type Covered field;"])
        guard section.blocks.count == 3, case .figure = section.blocks[1], case .figure = section.blocks[2] else {
            Issue.record("the code is not two figures: \(section.blocks)")
            return
        }
    }

    /// A sentence's end at the foot of a page, then code in lower case at the top of the
    /// next (RFC 3280 4.2.1.2: "This extension MUST NOT be marked critical." over
    /// "id-ce-subjectKeyIdentifier OBJECT IDENTIFIER ::= { id-ce 14 }"): two blocks, not one
    /// paragraph.
    @Test func codeAfterAPageBreakDoesNotGoOnTheSentence() throws {
        let text = "1.  Subject Key Identifier\n\n"
            + "   Where a key identifier has been previously established, the CA\n"
            + "   SHOULD use the previously established identifier.\n\n"
            + "   This extension MUST NOT be marked critical.\n"
            + "\n\n\nHousley, et. al.            Standards Track                    [Page 27]\n\u{0C}\n"
            + "RFC 3280        Internet X.509 Public Key Infrastructure      April 2002\n\n\n"
            + "   id-ce-subjectKeyIdentifier OBJECT IDENTIFIER ::=  { id-ce 14 }\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(section.paragraphs.map(\.content.plainText).contains("This extension MUST NOT be marked critical."))
        #expect(!section.paragraphs.contains { $0.content.plainText.contains("critical. id-ce") })
    }

    /// Terms and definitions side by side, the definitions lined up in one column (RFC
    /// 3928 4.1.1, with " - "; a RADIUS attribute table's legend, RFC 2865 5.44; a DNS
    /// header's fields, draft-ietf-dnsext-axfr-clarify; terms ending in a colon, RFC 2535
    /// 3.1.2): a list of terms, each definition a
    /// paragraph whose requirements are statements. It was a figure, and they were lost.
    @Test(arguments: [
        ("   updateType         - MUST be set to syncOnly or syncAndPersist\n   sendCookieInterval - MAY be set\n   scheme             - MAY be set - if set, the server MUST use this\n                        specified scheme\n   cookie             - MUST NOT be set\n",
         ["updateType", "sendCookieInterval", "scheme", "cookie"],
         ["MUST be set to syncOnly or syncAndPersist", "MAY be set", "MAY be set - if set, the server MUST use this specified scheme", "MUST NOT be set"]),
        ("   0     This attribute MUST NOT be present in packet.\n   0+    Zero or more instances of this attribute MAY be present in packet.\n   1     Exactly one instance of this attribute MUST be present in packet.\n",
         ["0", "0+", "1"],
         ["This attribute MUST NOT be present in packet.", "Zero or more instances of this attribute MAY be present in packet.", "Exactly one instance of this attribute MUST be present in packet."]),
        ("   QR        MUST be 0 (Query)\n   OPCODE    MUST be 0 (Standard Query)\n   AA        The server MUST set this to 1 in an answer\n",
         ["QR", "OPCODE", "AA"],
         ["MUST be 0 (Query)", "MUST be 0 (Standard Query)", "The server MUST set this to 1 in an answer"]),
        // No definition reads as prose, but some open with a keyword: rules of their
        // fields (draft-ietf-dnsext-axfr-clarify-07 2.1.1).
        ("   QR          MUST be 0 (Query)\n   AA          See note 2.1.1.b\n   RCODE       MUST be 0 (No error)\n   QDCOUNT     MUST be 1\n",
         ["QR", "AA", "RCODE", "QDCOUNT"],
         ["MUST be 0 (Query)", "See note 2.1.1.b", "MUST be 0 (No error)", "MUST be 1"]),
        // A value in braces is a value (an object identifier), not code (RFC 3281 4.3.1).
        ("   name           id-pe-ac-auditIdentity\n   OID            { id-pe 4 }\n   syntax         OCTET STRING\n   criticality    MUST be TRUE\n",
         ["name", "OID", "syntax", "criticality"],
         ["id-pe-ac-auditIdentity", "{ id-pe 4 }", "OCTET STRING", "MUST be TRUE"]),
        ("   10: Use of the key is prohibited for authentication.\n   00: Use of the key for authentication is\n       permitted. Implementations MAY require that the\n       bit be on for keys they serve.\n",
         ["10:", "00:"],
         ["Use of the key is prohibited for authentication.", "Use of the key for authentication is permitted. Implementations MAY require that the bit be on for keys they serve."]),
    ])
    func termsSideBySideAreAList(_ body: String, _ terms: [String], _ definitions: [String]) throws {
        let section = try #require(try Self.read("1.  Fields\n\n   The fields are set as follows:\n\n" + body).section(numbered: "1"))
        guard section.blocks.count == 2, case .list(let list) = section.blocks[1] else {
            Issue.record("no list of terms: \(section.blocks)")
            return
        }
        #expect(list.items.map { $0.term?.plainText } == terms)
        #expect(list.items.map { Self.texts($0.blocks).joined() } == definitions)
    }

    /// A requirement boxed between rules with no blank line between (draft-ietf-ngtrans-
    /// dns-ops-req): the rules apart, the requirement a paragraph; a table's rules stay.
    @Test func rulesDrawnAgainstProseAreApart() throws {
        let rule = "   --------------------------------------------------------------------\n"
        let text = "1.  Requirements\n\n" + rule + "   Requirement 2:\n\n   Any node SHOULD be able to query any data from the DNS regardless of\n   the IP versions used.\n" + rule
            + "\n" + rule + "   Value   Meaning\n" + rule + "   1       The node MUST answer\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(Self.texts(section.blocks).filter { !$0.hasPrefix("figure") }.contains("Any node SHOULD be able to query any data from the DNS regardless of the IP versions used."))
        guard case .figure(let table) = try #require(section.blocks.last) else { Issue.record("the table is not a figure: \(section.blocks)"); return }
        #expect(table.verbatim.contains("Value   Meaning") && table.verbatim.contains("The node MUST answer"))
    }

    /// A table whose rows are described in prose under them (RFC 7296 3.8, 3.10.1): the
    /// head and its rule are a figure, each row is a term (name and value), its description
    /// the definition. The first row's description was in the figure (two SHOULDs lost) and
    /// the others began with the row's value ("39 MAY be sent").
    @Test func rowsDescribedUnderATableHeadAreTerms() throws {
        let text = "1.  Values\n\n"
            + "   Mechanism                              Value\n"
            + "   -----------------------------------------------------------------\n"
            + "   RSA Digital Signature                  1\n"
            + "      Computed as specified in Section 2.15.  Implementations SHOULD\n"
            + "      support signatures that use SHA-1 as the hash function.\n\n"
            + "   INVALID_SELECTORS                        39\n"
            + "       MAY be sent in an IKE INFORMATIONAL exchange when a node\n"
            + "       receives a packet whose selectors do not match.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 2, case .figure(let head) = section.blocks[0], case .list(let rows) = section.blocks[1] else {
            Issue.record("not a figure and a list: \(section.blocks)")
            return
        }
        #expect(head.verbatim == "Mechanism                              Value\n-----------------------------------------------------------------")
        #expect(rows.items.map { $0.term?.plainText } == ["RSA Digital Signature                  1", "INVALID_SELECTORS                        39"])
        #expect(rows.items.map { Self.texts($0.blocks).joined() } == [
            "Computed as specified in Section 2.15.  Implementations SHOULD support signatures that use SHA-1 as the hash function.",
            "MAY be sent in an IKE INFORMATIONAL exchange when a node receives a packet whose selectors do not match.",
        ])
    }

    /// Two names over the definition they share (RFC 2367 2.3.7, six times): one term
    /// holding both, the definition a paragraph (it was a figure: four MUSTs lost). Names
    /// over lines of code stay a figure.
    @Test func stackedTermsShareTheirDefinition() throws {
        let text = "1.  Combinations\n\n"
            + "   sadb_comb_auth_minbits;\n"
            + "   sadb_comb_auth_maxbits;\n"
            + "                   The minimum and maximum acceptable authentication\n"
            + "                   key lengths, in bits. If sadb_comb_auth is zero,\n"
            + "                   both of these values MUST be zero.\n\n"
            + "   init;\n"
            + "   run;\n"
            + "                   x = y + 1;\n"
            + "                   return x;\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 2, case .list(let list) = section.blocks[0], case .figure = section.blocks[1] else {
            Issue.record("not a list and a figure: \(section.blocks)")
            return
        }
        #expect(list.items.map { $0.term?.plainText } == ["sadb_comb_auth_minbits; sadb_comb_auth_maxbits;"])
        #expect(list.items.map { Self.texts($0.blocks).joined() } == [
            "The minimum and maximum acceptable authentication key lengths, in bits. If sadb_comb_auth is zero, both of these values MUST be zero.",
        ])
    }

    /// Terms followed by one space and their definition, its other lines three columns in
    /// (draft-ietf-dnsext-trustupdate-timers 4): a hanging list, each state's MUST in its
    /// definition (they were in a figure). A longer term ("Zone Administrator: The ...",
    /// "KEY RR  At ...") or a title over notes ("3.1 Endpoint Address Lookup") is not cut
    /// after its first word.
    @Test func termsBeforeOneSpaceAndAHangingDefinition() throws {
        let text = "1.  States\n\n"
            + "    Start The key doesn't yet exist as a trust anchor at the resolver.\n"
            + "       It may or may not exist at the zone server.\n"
            + "    Revoked This is the state a key moves to once the resolver sees\n"
            + "       its REVOKE bit set.  Once in this state, this key MUST\n"
            + "       permanently be considered invalid as a trust anchor.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 1, case .list(let list) = section.blocks[0] else { Issue.record("not a list: \(section.blocks)"); return }
        #expect(list.items.map { $0.term?.plainText } == ["Start", "Revoked"])
        #expect(list.items.map { Self.texts($0.blocks).joined() } == [
            "The key doesn't yet exist as a trust anchor at the resolver. It may or may not exist at the zone server.",
            "This is the state a key moves to once the resolver sees its REVOKE bit set.  Once in this state, this key MUST permanently be considered invalid as a trust anchor.",
        ])
        for (word, first) in [("Zone", "Zone Administrator: The 'role' that is responsible for signing a zone"),
                              ("KEY", "KEY RR  At a delegation point, the zone maintainer needs to"), ("3.1", "3.1 Endpoint Address Lookup")] {
            let other = "1.  Terms\n\n   \(first)\n      and publishing it on the primary authoritative server.\n"
                + "   \(first)\n      all the data of the zone in question.\n"
            let blocks = try #require(try Self.read(other).section(numbered: "1")).blocks
            if case .list(let list) = blocks.first { #expect(!list.items.contains { $0.term?.plainText == word }, "cut after \(word)") }
        }
    }

    /// Notes marked with stars set right, their text in one column (RFC 4301 4.4.2.2 under
    /// its PFP tables): a list of notes, the SPD's SHOULD a statement. It was a figure.
    @Test func notesMarkedWithStarsSetRightAreAList() throws {
        let text = "1.  Tables\n\n"
            + "            * \"List of protocols\" is the information, not the way\n              that the SPD or SAD or IKEv2 have to represent this\n              information.\n"
            + "           ** 0 (zero) is used by IKE to indicate ANY for\n              protocol.\n"
            + "          *** Use of PFP=1 with an OPAQUE value is an error and\n              SHOULD be prohibited by an IPsec implementation.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 1, case .list(let notes) = section.blocks[0] else { Issue.record("not a list: \(section.blocks)"); return }
        #expect(notes.items.map(\.marker) == ["*", "**", "***"])
        #expect(section.paragraphs.map(\.content.plainText) == [
            "\"List of protocols\" is the information, not the way that the SPD or SAD or IKEv2 have to represent this information.",
            "0 (zero) is used by IKE to indicate ANY for protocol.",
            "Use of PFP=1 with an OPAQUE value is an error and SHOULD be prohibited by an IPsec implementation.",
        ])
    }

    /// An ASN.1 type over its members or comments (RFC 3280's module, RFC 4557) is code, a
    /// figure: read as a term over its definition, "pathLenConstraint INTEGER (0..MAX)
    /// OPTIONAL }" was a statement. So is an ABNF rule whose lines hang under its name
    /// (RFC 9074 3: "alarmprop  = (" over "; the following are REQUIRED"), or with comments
    /// at its own margin under it (RFC 9073 6.5). A term that only looks like code ("#rule",
    /// RFC 2616 2.1; "6 = Destination Network Unknown", RFC 1812) still has its definition,
    /// and "SpecDest = specific-destination address" over "(defined in ...)" (RFC 1122 3.4)
    /// stays prose.
    @Test func anASN1TypeOrAnABNFRuleOverItsMembersIsCode() throws {
        let text = "1.  Module\n\n"
            + "BasicConstraints ::= SEQUENCE {\n     cA                      BOOLEAN DEFAULT FALSE,\n     pathLenConstraint       INTEGER (0..MAX) OPTIONAL }\n\n"
            + "      ECC-CMS-SharedInfo  ::=  SEQUENCE {\n         keyInfo      AlgorithmIdentifier,\n         entityUInfo  [0] EXPLICIT OCTET STRING OPTIONAL,\n         suppPubInfo  [2] EXPLICIT OCTET STRING }\n\n"
            + "PKOcspData ::= SEQUENCE OF OcspResponse\n    -- If more than one OcspResponse is\n    -- included, the first OcspResponse\n    -- MUST contain the OCSP response\n\n"
            + "   alarmprop  = (\n                ;\n                ; the following are REQUIRED\n                ; but MUST NOT occur more than once\n                ;\n                action / trigger\n                )\n\n"
            + "   styleddescval   = ( uri / text )\n   ;Value MUST match value type\n\n"
            + "   SpecDest = specific-destination address of datagram\n               (defined in Section 3.2.1.3)\n\n"
            + "#rule\n     A construct \"#\" is defined, similar to \"*\", for defining lists\n     of elements with OPTIONAL linear white space.\n\n"
            + "6 = Destination Network Unknown\n     This code SHOULD NOT be generated by a router.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        guard section.blocks.count == 7, case .figure(let type) = section.blocks[0], case .figure(let named) = section.blocks[1], case .figure(let comments) = section.blocks[2],
              case .figure(let rule) = section.blocks[3], case .figure(let commented) = section.blocks[4], case .list(let terms) = section.blocks[6] else {
            Issue.record("not five figures, prose and a list: \(section.blocks)")
            return
        }
        #expect(type.verbatim.hasPrefix("BasicConstraints ::= SEQUENCE {"))
        // A type's name set off from its "::=" is no term (RFC 8755 6.1.1).
        #expect(named.verbatim.trimmingCharacters(in: .whitespaces).hasPrefix("ECC-CMS-SharedInfo  ::=  SEQUENCE {"))
        #expect(comments.verbatim.hasPrefix("PKOcspData ::= SEQUENCE OF OcspResponse"))
        #expect(rule.verbatim.hasPrefix("alarmprop  = (\n             ;"))
        #expect(commented.verbatim == "styleddescval   = ( uri / text )\n;Value MUST match value type")
        #expect(terms.items.map { $0.term?.plainText } == ["#rule", "6 = Destination Network Unknown"])
        #expect(section.paragraphs.map(\.content.plainText) == [
            "SpecDest = specific-destination address of datagram (defined in Section 3.2.1.3)",
            "A construct \"#\" is defined, similar to \"*\", for defining lists of elements with OPTIONAL linear white space.",
            "This code SHOULD NOT be generated by a router.",
        ])
    }

    /// What lines up so by chance, or is not prose, stays as it was: a paragraph whose
    /// second line's first word ends where the first line's label does (RFC 2820), a
    /// sentence's end and two spaces (RFC 4521), a message exchange (RFC 2367 3.1), a
    /// registry of one-word names, a note whose second line's first word ends where "Note:"
    /// does (RFC 4301 5.1).
    @Test(arguments: [
        "   U8.  Control of access to individual directory entry attributes (not\n   just the whole directory entry) MUST be supported.\n",
        "   Designers SHOULD consider the extensibility of extensions they\n   specify.  Extensions to LDAP SHOULD themselves be extensible.\n",
        "     KMd->Kernel:         SADB_ACQUIRE for AH, assoc (with an error)\n     Kernel->All:         SADB_ACQUIRE for AH, assoc (same error)\n",
        "   0      Reserved\n   1      IKE_SA_INIT\n   2      IKE_AUTH\n",
        "   Note: With regard to determining and enforcing the PMTU of an SA, the\n   IPsec system MUST follow the steps described in Section 8.2.\n",
    ])
    func linesThatOnlyLineUpAreNoTerms(_ body: String) throws {
        let section = try #require(try Self.read("1.  Fields\n\n   The fields are set as follows:\n\n" + body).section(numbered: "1"))
        #expect(section.blocks.count == 2)
        if case .list = section.blocks.last { Issue.record("read as terms: \(section.blocks[1])") }
    }

    /// A definition set apart from its term by a blank line, then the list's next terms with
    /// no blank line (RFC 4590 3.3, RFC 5090 3.x over a page break): the definition is a
    /// paragraph and the terms a list (the whole was a figure and two MUSTs were lost).
    @Test func aDefinitionsTailThenCompactTermsAreNotAFigure() throws {
        let text = "1.  Digest-Nonce Attribute\n\n   Description\n\n"
            + "         This attribute holds a nonce to be used in the HTTP Digest\n"
            + "         calculation.  The RADIUS server MUST put a Digest-Nonce\n"
            + "         attribute into its Access-Challenge packet.\n"
            + "   Type\n"
            + "         105 for Digest-Nonce\n"
            + "   Text\n"
            + "         In Access-Requests, the RADIUS client takes the value of the\n"
            + "         nonce directive.\n"
        let section = try #require(try Self.read(text).section(numbered: "1"))
        #expect(Self.texts(section.blocks).prefix(2) == [
            "Description",
            "This attribute holds a nonce to be used in the HTTP Digest calculation.  The RADIUS server MUST put a Digest-Nonce attribute into its Access-Challenge packet.",
        ])
        guard section.blocks.count == 3, case .list(let list) = section.blocks[2] else {
            Issue.record("no list after the definition: \(section.blocks)")
            return
        }
        #expect(list.items.map { $0.term?.plainText } == ["Type", "Text"])
        #expect(list.items.map { Self.texts($0.blocks) } == [
            ["105 for Digest-Nonce"],
            ["In Access-Requests, the RADIUS client takes the value of the nonce directive."],
        ])
    }

    /// A registration template as xml2rfc v1 set a hanging list whose labels are wider than
    /// its hang indent (draft-baker-soap-media-reg-05 3): each label, a colon and its text on
    /// one line, the text going on three columns in; a label alone over labels of its own
    /// ("Optional parameters:" over "\"action\": ..."); an item's text carried over a page
    /// break, then the next label further out. A list whose requirements are statements;
    /// it was a figure, and seven keywords were in no statement. A message's header fields
    /// (one word each) stay an example; quoted values with two spaces after their colon
    /// are labels too.
    @Test func aRegistrationTemplateIsAListOfLabels() throws {
        let text = "1.  Registration\n\n"
            + "   MIME media type name: application\n"
            + "   Required parameters: none\n"
            + "   Optional parameters:\n"
            + "      \"charset\": This parameter has identical semantics to the charset\n"
            + "         parameter of the \"application/xml\" media type.\n"
            + "      \"action\": This optional parameter can be used to specify the URI\n"
            + "         that identifies the intent of the message.  It is strongly\n"
            + "         RECOMMENDED that the URI be globally unique.\n"
            + "\n\n\n\nBaker & Nottingham      Expires October 28, 2004                [Page 2]\n\u{0C}\n"
            + "Internet-Draft    The \"application/soap+xml\" media type       April 2004\n\n\n"
            + "         Use of the action parameter is OPTIONAL.  SOAP Receivers MAY use\n"
            + "         it as a hint.\n"
            + "   Security considerations: Because SOAP can carry application defined\n"
            + "      data, it is strongly RECOMMENDED that the security implications\n"
            + "      be understood.\n"
            + "\n2.  Example\n\n"
            + "   Host: www.example.com\n"
            + "   Content-Type: text/plain; the client MUST send\n"
            + "      a body of several words in this header\n"
            + "\n3.  Modes\n\n"
            + "   \"xml\":  A mode attribute with the value \"xml\" indicates that the\n"
            + "      element's content is inline xml.\n"
            + "   \"escaped\":  A mode attribute with the value \"escaped\" indicates that\n"
            + "      the element's content is an escaped string.  Processors MUST\n"
            + "      unescape the element's content.\n"
        let document = try Self.read(text)
        let section = try #require(document.section(numbered: "1"))
        guard case .list(let list)? = section.blocks.first else { Issue.record("not a list: \(section.blocks)"); return }
        #expect(list.items.map { $0.term?.plainText } == ["MIME media type name:", "Required parameters:", "Optional parameters:"])
        guard case .list(let parameters)? = list.items.last?.blocks.first else { Issue.record("no list under the label: \(list.items)"); return }
        #expect(parameters.items.map { $0.term?.plainText } == ["\"charset\":", "\"action\":"])
        #expect(section.paragraphs.map(\.content.plainText) == [
            "application", "none",
            "This parameter has identical semantics to the charset parameter of the \"application/xml\" media type.",
            "This optional parameter can be used to specify the URI that identifies the intent of the message.  It is strongly RECOMMENDED that the URI be globally unique.",
            "Use of the action parameter is OPTIONAL.  SOAP Receivers MAY use it as a hint.",
            // The last label alone after the tail is a paragraph whose first line hangs out.
            "Security considerations: Because SOAP can carry application defined data, it is strongly RECOMMENDED that the security implications be understood.",
        ])
        let example = try #require(document.section(numbered: "2"))
        guard example.blocks.count == 1, case .figure = example.blocks[0] else { Issue.record("the example is no figure: \(example.blocks)"); return }
        // Quoted labels, two spaces after the colon (draft-ietf-atompub-format-00 3.1.2).
        let modes = try #require(document.section(numbered: "3"))
        guard modes.blocks.count == 1, case .list(let values) = modes.blocks[0] else { Issue.record("not a list: \(modes.blocks)"); return }
        #expect(values.items.map { $0.term?.plainText } == ["\"xml\":", "\"escaped\":"])
        #expect(modes.paragraphs.map(\.content.plainText) == [
            "A mode attribute with the value \"xml\" indicates that the element's content is inline xml.",
            "A mode attribute with the value \"escaped\" indicates that the element's content is an escaped string.  Processors MUST unescape the element's content.",
        ])
    }

    /// The format comes from the content: markup that XML opens with, or a start tag closed
    /// later (a fragment, refused by the XML reader), is XML; a text draft whose first line
    /// is bracketed ("<Network Working Group>", draft-ietf-krb-wg-gssapi-cfx-07) is text.
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<rfc/>", true), ("\u{FEFF}  <!DOCTYPE rfc>", true), ("<rfc ipr=\"trust200902\">", true),
        ("<rfc>", true), ("<section anchor=\"a\">\n<t>x</t>\n</section>\n", true), ("<!-- a comment -->", true),
        ("<html/>", true), ("<html lang = 'en'>", true), ("<x\n  a=\"1\">", true),
        ("<Network Working Group>                                       Larry Zhu\nInternet Draft\n", false),
        ("<draft-foo-00.txt>\n\n1.  Introduction\n", false), ("<", false), ("<>", false), ("  plain text", false),
    ])
    func formatIsSniffedFromTheContent(_ text: String, _ isXML: Bool) {
        #expect((DocumentReader.detectFormat(Data(text.utf8)) == .xml) == isXML, "\(text)")
    }

    @Test(arguments: [
        ("a letter or digit before the hyphen joins", ["Selector-", "initiator"], "Selector-initiator"),
        ("an em dash made of hyphens keeps the space", ["it --", "then"], "it -- then"),
        ("plain lines join with one space", ["one", "two"], "one two"),
        ("a lone hyphen keeps the space", ["a -", "b"], "a - b"),
        ("a hyphen after a bracket joins (RFC 9099's \"ESP[-NULL]\")", ["support ESP[-", "NULL] and"], "support ESP[-NULL] and"),
        ("a hyphen after a closing parenthesis joins (RFC 9106's \"2^(32)-1\")", ["from 4 to 2^(32)-", "1."], "from 4 to 2^(32)-1."),
        ("a hyphen after a quote joins (oggopus's \"('index'-M)\")", ["decoding stream ('index'-", "M) as mono"], "decoding stream ('index'-M) as mono"),
    ])
    func joiningLines(_ rule: String, _ lines: [String], _ expected: String) {
        #expect(TextBlockBuilder.join(lines.map { Substring($0) }) == expected, "\(rule)")
    }
}
