import Foundation
import Testing
@testable import DraftDocument

/// The heading forms of every era of the series, one small document each: the reader's
/// outline ("NUMBER TITLE depth") must be exactly the document's. Issue 17 section 1.
@Suite struct TextHeadingFormsTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var outline: [String]
        var testDescription: String { rule }
    }

    static func outline(_ text: String) throws -> [String] {
        let document = try DocumentReader.read(data: Data(text.utf8), path: "forms.txt")
        return document.allSections.map { "\($0.number ?? "-") \($0.title) d\($0.depth)" }
    }

    static let body = "   Some text of the section, indented as RFC bodies are.\n"

    static let vectors: [Vector] = [
        Vector(rule: "RFC 7322: \"N.  Title\" and \"N.N.  Title\"",
               text: "1.  Introduction\n\n\(body)\n1.1.  Scope\n\n\(body)\n2.  Rules\n\n\(body)",
               outline: ["1 Introduction d1", "1.1 Scope d2", "2 Rules d1"]),
        Vector(rule: "one space after the number, no final dot (RFC 2223 era)",
               text: "1 Introduction\n\n\(body)\n1.1 Scope\n\n\(body)\n2 Rules\n\n\(body)",
               outline: ["1 Introduction d1", "1.1 Scope d2", "2 Rules d1"]),
        Vector(rule: "\"N.N: Title\" and \"N: TITLE\" (RFC 1309)",
               text: "1. INTRODUCTION\n\n\(body)\n2: MODELS\n\n\(body)\n2.1: The telephone directory\n\n\(body)\n3: THE X.500 MODEL\n\n\(body)",
               outline: ["1 INTRODUCTION d1", "2 MODELS d1", "2.1 The telephone directory d2", "3 THE X.500 MODEL d1"]),
        Vector(rule: "\"N - Title\" (RFC 3008)",
               text: "1 - Introduction\n\n\(body)\n2 - The SIG Record\n\n\(body)\n2.1 - Type Covered\n\n\(body)",
               outline: ["1 Introduction d1", "2 The SIG Record d1", "2.1 Type Covered d2"]),
        Vector(rule: "\"2.0 TITLE\" is section 2 and \"3.0.1\" the first child of 3.0 (RFC 2373, RFC 2289)",
               text: "1.0 INTRODUCTION\n\n\(body)\n2.0 ADDRESSING\n\n\(body)\n2.1 Addressing Model\n\n\(body)\n3.0 SECURITY\n\n\(body)\n3.0.1 Threats\n\n\(body)\n4.0 REFERENCES\n\n\(body)",
               outline: ["1.0 INTRODUCTION d1", "2.0 ADDRESSING d1", "2.1 Addressing Model d2", "3.0 SECURITY d1", "3.0.1 Threats d2", "4.0 REFERENCES d1"]),
        Vector(rule: "titled sections with an appendix the only number are the body, not front notes (draft-good-ldap-ldif-05)",
               text: "Status of this Memo\n\n\(body)\nAbstract\n\n\(body)\nBackground and Intended Usage\n\n\(body)\nSecurity Considerations\n\n\(body)\nAppendix A: Differences from previous versions\n\n\(body)",
               outline: ["- Background and Intended Usage d1", "- Security Considerations d1", "A Differences from previous versions d1"]),
        Vector(rule: "familiar titles with a colon after them are titles; a label with one is not (draft-dnsext-opcode-discover-00)",
               text: "Abstract:\n\n\(body)\nIntroduction:\n\n\(body)\nNote:\n\n\(body)\nMethod:\n\n\(body)\nReferences:\n\n\(body)",
               outline: ["- Introduction d1", "- References d1"]),
        Vector(rule: "a title that starts with \"-\" (a change log's \"-00\") or \"<\"",
               text: "1.  Changes\n\n\(body)\n1.1.  -00\n\n\(body)\n1.2.  <draft-x-01>\n\n\(body)",
               outline: ["1 Changes d1", "1.1 -00 d2", "1.2 <draft-x-01> d2"]),
        Vector(rule: "a title that opens with the name it defines: \"[RFC-2822] ...\" (RFC 3501), \"/shared/comment\" (RFC 5464), \"$MDNSent ...\" (RFC 5788), \"_ldap\"",
               text: "1.  Entries\n\n\(body)\n1.1.  [RFC-2822] Size Message Attribute\n\n\(body)\n1.2.  /shared/comment\n\n\(body)\n1.3.  $MDNSent IMAP Keyword Registration\n\n\(body)\n1.4.  _ldap._tcp\n\n\(body)",
               outline: ["1 Entries d1", "1.1 [RFC-2822] Size Message Attribute d2", "1.2 /shared/comment d2", "1.3 $MDNSent IMAP Keyword Registration d2", "1.4 _ldap._tcp d2"]),
        Vector(rule: "a citation alone after a number is a table's row, no title (a list of TLS numbers)",
               text: "1.  Types\n\n\(body)\n2    [*15]\n\n\(body)\n3    [*11] [*15]\n\n\(body)",
               outline: ["1 Types d1"]),
        Vector(rule: "no blank line before the heading, right under a figure",
               text: "1.  Format\n\n\(body)\n      +----+----+\n      | a  | b  |\n      +----+----+\n2.  Processing\n\n\(body)",
               outline: ["1 Format d1", "2 Processing d1"]),
        Vector(rule: "a parent the text never prints: 2.1.1 hangs under 2, keeping its number and depth (RFC 2616's 13.1.1)",
               text: "1.  Introduction\n\n\(body)\n2.  Caching\n\n\(body)\n2.1.1.  Cache Correctness\n\n\(body)\n2.1.2.  Warnings\n\n\(body)\n2.2.  Expiration Model\n\n\(body)\n3.1.  Security\n\n\(body)",
               outline: ["1 Introduction d1", "2 Caching d1", "2.1.1 Cache Correctness d3", "2.1.2 Warnings d3", "2.2 Expiration Model d2", "3.1 Security d2"]),
        Vector(rule: "centred chapter titles over flush-left sections (RFC 791, RFC 793)",
               text: "                            1.  INTRODUCTION\n\n\(body)\n1.1.  Motivation\n\n\(body)\n                             2.  PHILOSOPHY\n\n2.1.  Elements of the System\n\n\(body)",
               outline: ["1 INTRODUCTION d1", "1.1 Motivation d2", "2 PHILOSOPHY d1", "2.1 Elements of the System d2"]),
        Vector(rule: "an item of a list nested deep that happens to sit in the middle of the line is no chapter title: a sentence, or a number the contents give another title (draft-ietf-httpbis-layered-cookies)",
               text: "Table of Contents\n\n   1.  Introduction  . . . . . . . . . . . . . . . . . . . . . . .   2\n   2.  Algorithms  . . . . . . . . . . . . . . . . . . . . . . . .   2\n     2.1.  Parse a Cookie  . . . . . . . . . . . . . . . . . . . .   2\n     2.2.  Store a Cookie  . . . . . . . . . . . . . . . . . . . .   3\n   3.  Implementation Considerations . . . . . . . . . . . . . . .   3\n\n1.  Introduction\n\n\(body)\n2.  Algorithms\n\n\(body)\n2.1.  Parse a Cookie\n\n   1.  For each attribute:\n\n             1.  If _maxAgeSeen_ is true, then continue.\n\n             3.  Set _cookie_'s expiry-time to _expiryTime_.\n\n             3.  Set _cookie_'s expiry-time to _expiry_time\n\n2.2.  Store a Cookie\n\n\(body)\n3.  Implementation Considerations\n\n\(body)",
               outline: ["1 Introduction d1", "2 Algorithms d1", "2.1 Parse a Cookie d2", "2.2 Store a Cookie d2", "3 Implementation Considerations d1"]),
        Vector(rule: "a centred date is not a chapter title",
               text: "1.  Introduction\n\n\(body)\n                                5 June 1978\n\n\(body)",
               outline: ["1 Introduction d1"]),
        Vector(rule: "\"Annex A\" with its title on the next line (RFC 1507)",
               text: "1. Introduction\n\n\(body)\nAnnex A\n\nTypical Usage\n\n\(body)\nA.1 Creating a CA\n\n\(body)",
               outline: ["1 Introduction d1", "A Typical Usage d1", "A.1 Creating a CA d2"]),
        Vector(rule: "\"APPENDIX  A\" with two spaces, its title on the next line (RFC 1508)",
               text: "1. Introduction\n\n\(body)\nAPPENDIX  A\n\nPACS AND AUTHORIZATION SERVICES\n\n\(body)",
               outline: ["1 Introduction d1", "A PACS AND AUTHORIZATION SERVICES d1"]),
        Vector(rule: "appendices numbered in Roman numerals, the first \"I\", a title ending in a parenthesis (RFC 1112)",
               text: "1. Introduction\n\n\(body)\n2. Model\n\n\(body)\nAPPENDIX I. INTERNET GROUP MANAGEMENT PROTOCOL (IGMP)\n\n\(body)\nAPPENDIX II. HOST GROUP ADDRESS ISSUES\n\n\(body)",
               outline: ["1 Introduction d1", "2 Model d1", "I INTERNET GROUP MANAGEMENT PROTOCOL (IGMP) d1", "II HOST GROUP ADDRESS ISSUES d1"]),
        Vector(rule: "a bare \"I.\" after numbered sections opens a list, not a Roman appendix: the heading after it stays (draft-ietf-dnsext-gss-tsig-06)",
               text: "1. Introduction\n\n\(body)\n2. Overview\n\n\(body)\n2.1 Details\n\nThe steps:\n\nI. Establish security context. The Client and Server use the\nGSS interfaces.\n\nII. Once the security context is established it is used.\n\n2.2 Modifications to the TSIG protocol\n\n\(body)",
               outline: ["1 Introduction d1", "2 Overview d1", "2.1 Details d2", "2.2 Modifications to the TSIG protocol d2"]),
        Vector(rule: "a numbered list set flush left, counted from 1 under a heading, goes on as a list though its next number would be a section's (draft-ietf-idn-lace-01, draft-ietf-idn-requirements-09); items marked otherwise (\"1)\") do not (draft-ietf-idn-idna-07)",
               text: "1. Introduction\n\n\(body)\n1.1 Decompressing a string\n\n1. Set the input pointer, called IP, to the first octet of the input\nstring.\n\n2. If the octet at IP is 0xFF, go to step 4.\n\n3. Get the octet at IP, call it COUNT.\n\n4. Output HIGH, then LOW, to the output buffer.\n\n1.2 Compression examples\n\n\(body)\n2. Requirements\n\n1) Whenever a domain name is put into a generic slot, every label\nMUST contain only ASCII characters.\n\n2) ACE labels SHOULD be hidden.\n\n3. Conversion operations\n\n\(body)",
               outline: ["1 Introduction d1", "1.1 Decompressing a string d2", "1.2 Compression examples d2", "2 Requirements d1", "3 Conversion operations d1"]),
        Vector(rule: "a heading right under a paragraph that ended its sentence, numbered exactly next, a blank line after it (draft-ietf-dnsext-axfr-clarify-06's 3.3); a line running on from a sentence, or not numbered next, is prose (draft-ietf-idn-idna-07's \"section\" / \"6.4. Because ...\")",
               text: "1. Introduction\n\n\(body)\n1.1 Delegation Records\n\nThe DNS shouldn't cover this over.\n1.2 Glue Records\n\nAs described in section\n1.3. Because name labels encoded as ACE can be rendered either way,\nthe application MAY offer an option.\n\nThe records go on.\n1.5 Skipped Ahead\n\n\(body)\n2. Transport\n\n\(body)",
               outline: ["1 Introduction d1", "1.1 Delegation Records d2", "1.2 Glue Records d2", "2 Transport d1"]),
        Vector(rule: "\"APPENDIX B\" with its title centred on the next line (RFC 2078)",
               text: "1. Introduction\n\n\(body)\nAPPENDIX A\n\nMECHANISM DESIGN CONSTRAINTS\n\n\(body)\nAPPENDIX B\n\n                         COMPATIBILITY WITH GSS-V1\n\n\(body)",
               outline: ["1 Introduction d1", "A MECHANISM DESIGN CONSTRAINTS d1", "B COMPATIBILITY WITH GSS-V1 d1"]),
        Vector(rule: "a heading's number alone on its line, its title right under it set further in (draft-murchison-sasl-login-00); a list's number over a paragraph, or a number with no dot, is no heading",
               text: "1.  Introduction\n\n\(body)\n2.\n    Security Considerations\n\n\(body)\n3.\n    The mechanism relies upon an underlying encryption layer or\n    other secure channel for security.\n\n4\n    Appendices\n\n\(body)\n3.\n    IANA Considerations\n\n\(body)\n3.1.\n    Registration\n\n\(body)",
               outline: ["1 Introduction d1", "2 Security Considerations d1", "3 IANA Considerations d1", "3.1 Registration d2"]),
        Vector(rule: "back-matter headings the document misnumbered keep their printed numbers: a jump forward at the top (RFC 2377's 12 after 8.0), the next subsection under the neighbouring parent (RFC 3687's 12.2 after 11.1, then 12 again; draft-zhu-pkinit-ecc-01's 9.2 after 10.1)",
               text: "1.0 Introduction\n\n\(body)\n2.0 References\n\n\(body)\n12.  Authors' Addresses\n\n\(body)\n13.  Full Copyright Statement\n\n\(body)\n14.  Normative References\n\n\(body)\n14.1.  Normative\n\n\(body)\n15.2.  Informative References\n\n\(body)\n15.  Intellectual Property Statement\n\n\(body)\n15.1.  Disclaimer\n\n\(body)\n14.2.  Security Considerations\n\n\(body)",
               outline: ["1.0 Introduction d1", "2.0 References d1", "12 Authors' Addresses d1", "13 Full Copyright Statement d1", "14 Normative References d1",
                         "14.1 Normative d2", "15.2 Informative References d2", "15 Intellectual Property Statement d1", "15.1 Disclaimer d2", "14.2 Security Considerations d2"]),
        Vector(rule: "a number misprinted in a gap its neighbours confirm keeps its printed number and stands for the missing one (RFC 3162's 3.2 between 2.1 and 2.3)",
               text: "1.  Introduction\n\n\(body)\n2.  Attributes\n\n\(body)\n2.1.  NAS-IPv6-Address\n\n\(body)\n3.2.  Framed-Interface-Id\n\n\(body)\n2.3.  Framed-IPv6-Prefix\n\n\(body)\n3.  Security\n\n\(body)",
               outline: ["1 Introduction d1", "2 Attributes d1", "2.1 NAS-IPv6-Address d2", "3.2 Framed-Interface-Id d2", "2.3 Framed-IPv6-Prefix d2", "3 Security d1"]),
        Vector(rule: "a slipped number is no heading where the next heading does not follow the missing number, or where the slip is by two",
               text: "1.  Introduction\n\n\(body)\n2.  Attributes\n\n\(body)\n2.1.  First\n\n\(body)\n3.2.  Unconfirmed\n\n\(body)\n2.4.  Fourth\n\n\(body)\n2.5.  Fifth\n\n\(body)\n4.6.  Two Off\n\n\(body)\n2.7.  Seventh\n\n\(body)",
               outline: ["1 Introduction d1", "2 Attributes d1", "2.1 First d2", "2.4 Fourth d2", "2.5 Fifth d2", "2.7 Seventh d2"]),
        Vector(rule: "out of the numbering, a title that is no back matter, a back title not standing alone, a list item's sentence, or a number used before is no heading",
               text: "1.  Introduction\n\n\(body)\n2.  Rules\n\n\(body)\n2.1.  Scope\n\n\(body)\n9.  Protocol Details\n\n\(body)\n9.  References\n   Text right under it.\n\n12.  Security considerations are covered in section 5.\n\n\(body)\n3.  Security Considerations\n\n\(body)\n3.1.  Threats\n\n\(body)\n3.2.  Processing\n\n\(body)\n4.  References\n\n\(body)\n4.1.  Normative\n\n\(body)\n3.2.  Informative References\n\n\(body)\n2.2.  Informative References\n\n\(body)\n1.  Authors' Addresses\n\n\(body)",
               outline: ["1 Introduction d1", "2 Rules d1", "2.1 Scope d2", "3 Security Considerations d1", "3.1 Threats d2", "3.2 Processing d2", "4 References d1", "4.1 Normative d2"]),
        Vector(rule: "\"A  Title\": an appendix letter with a number's two spaces (RFC 2293); \"A GOOD IMPLEMENTATION\" is prose",
               text: "1.  Introduction\n\n\(body)\nA GOOD IMPLEMENTATION\n\n\(body)\nA  Object Identifier Assignment\n\n\(body)",
               outline: ["1 Introduction d1", "- A GOOD IMPLEMENTATION d1", "A Object Identifier Assignment d1"]),
        Vector(rule: "a wrapped title broken after a hyphen joins without a space",
               text: "1.  Introduction\n\n\(body)\n2.  Translated Route-target Extended Communities in [I-D.ietf-idr-\n    legacy-rtc]\n\n\(body)",
               outline: ["1 Introduction d1", "2 Translated Route-target Extended Communities in [I-D.ietf-idr-legacy-rtc] d1"]),
        Vector(rule: "a title wrapped before a section reference, which xml2rfc never breaks (RFC 9549 2.5); one that fitted is a line of its own",
               text: "1.  Introduction\n\n\(body)\n2.  Update in Internationalized Electronic Mail Addresses\n    (Section 7.5)\n\n\(body)\n3.  Update in Internationalized Mail Addresses\n    (Section 7.6)\n\n\(body)",
               outline: ["1 Introduction d1", "2 Update in Internationalized Electronic Mail Addresses (Section 7.5) d1", "3 Update in Internationalized Mail Addresses d1"]),
        Vector(rule: "underlined titles in a document with no numbers and no table of contents start the body (RFC 768)",
               text: "Abstract\n\n\(body)\nIntroduction\n------------\n\n\(body)\nFormat\n======\n\n\(body)\nReferences\n\n\(body)",
               outline: ["- Introduction d1", "- Format d1", "- References d1"]),
        Vector(rule: "an underlined title the contents do not name, in the body of a document whose contents are known, is a figure's (draft-ietf-netconf-zerotouch's \"RESPONSE\"); one they name is a heading",
               text: "Table of Contents\n\n   1.  Example . . . . . 2\n   2.  Rules . . . . . 3\n   Notes . . . . . 4\n\n1.  Example\n\n\(body)\nPOST /restconf/operations/ietf-sztp-bootstrap-server:get-bootstrapping-data\n\nRESPONSE\n--------\n\nHTTP/1.1 200 OK\nDate: Sat, 31 Oct 2015 17:02:40 GMT\n\n2.  Rules\n\n\(body)\nNotes\n-----\n\n\(body)",
               outline: ["1 Example d1", "2 Rules d1", "- Notes d1"]),
        Vector(rule: "a document shifted right as a whole: headings at its own margin (column 2, text at 5)",
               text: "  Abstract\n\n     Text.\n\n  1. Description\n\n     Text.\n\n  2. Proposal\n\n     Text.\n\n[EDNS]  P. Vixie, EDNS.\n",
               outline: ["1 Description d1", "2 Proposal d1"]),
        Vector(rule: "xml2rfc 1's numbered headings set in with the text and its unnumbered titles at column 0: the familiar ones are headings (draft-ietf-dnsext-dnssec-protocol-00)",
               text: "Abstract\n\n   Text.\n\n   1. Introduction\n\n      Text.\n\n   2. Zone Signing\n\n      Text.\n\nReferences\n\n      [1]  Mockapetris, P., \"Domain names\", RFC 1034.\n\nAuthors' Addresses\n\n      R. Arends\n\nA Sentence At Column Zero\n\n      Text.\n\nFull Copyright Statement\n\n   Text.\n",
               outline: ["1 Introduction d1", "2 Zone Signing d1", "- References d1", "- Authors' Addresses d1", "- Full Copyright Statement d1"]),
        Vector(rule: "unnumbered titles at column 0 and a numbered list set in are no shifted document: the titles are its headings (RFC 1033)",
               text: "INTRODUCTION\n\n   Text.\n\nZONES\n\n   Text.\n\nCOMPLAINTS\n\n   1. Complain privately to the responsible person for the domain.\n\n   2. Complain publicly to the responsible person for the domain.\n\nREFERENCES\n\n   [1]  Mockapetris, P., \"Domain names\", RFC 1034.\n",
               outline: ["- INTRODUCTION d1", "- ZONES d1", "- COMPLAINTS d1", "- REFERENCES d1"]),
        Vector(rule: "a document shifted ten columns in, front page and all (draft-ietf-ldapext-acl-model-04)",
               text: "          Internet-Draft                                     E. Stokes\n\n          Abstract\n\n             Text.\n\n          1.  Introduction\n\n             Text.\n\n          2.  Overview\n\n             Text.\n\n          2.1  Terms\n\n             Text.\n",
               outline: ["1 Introduction d1", "2 Overview d1", "2.1 Terms d2"]),
        Vector(rule: "a table of contents with page numbers set off by spaces, not dots, is no heading (draft-ietf-ldapbis-user-schema)",
               text: "Table of Contents\n\n1.  Introduction                                                       4\n    1.1  Situation                                                     4\n\n2.  Attribute Types                                                    5\n\n1.  Introduction\n\n\(body)\n1.1  Situation\n\n\(body)\n2.  Attribute Types\n\n\(body)",
               outline: ["1 Introduction d1", "1.1 Situation d2", "2 Attribute Types d1"]),
        Vector(rule: "headings the body indents are headings where the table of contents lists them, number and title (draft-ietf-dnsext-2929bis-00, RFC 1780)",
               text: "Table of Contents\n\n   1. Introduction.........................3\n   2. Headers..............................4\n   2.1 One Spare Bit?.......................5\n   2.2 Opcodes..............................5\n\n1. Introduction\n\n\(body)\n     2. Headers\n\n\(body)\n     2.1 One Spare Bit?\n\n\(body)\n     2.2 Opcode Assignment\n\n\(body)\n     3. Not Listed\n\n\(body)",
               outline: ["1 Introduction d1", "2 Headers d1", "2.1 One Spare Bit? d2"]),
        Vector(rule: "a document indented as a whole is read at its own margin though its contents list its headings",
               text: "  Table of Contents\n\n  1. Description.........................2\n  2. Proposal............................3\n\n  1. Description\n\n     Text.\n\n  2. Proposal\n\n     Text.\n",
               outline: ["1 Description d1", "2 Proposal d1"]),
        Vector(rule: "a heading pushed in by one stray space, its number the very next one (draft-sermersheim-ldap-distproc's \" 4.13\")",
               text: "1.  Introduction\n\n\(body)\n2.  Mapping\n\n\(body)\n 2.1   Using the control\n\n\(body)\n 3.   Security\n\n\(body)",
               outline: ["1 Introduction d1", "2 Mapping d1", "2.1 Using the control d2", "3 Security d1"]),
        Vector(rule: "one space in, a number that skips ahead or a lower-case line is not a heading",
               text: "1.  Introduction\n\n\(body)\n 3.   Skipped ahead\n\n\(body)\n 2.   and so on\n\n\(body)\n 1.2  Not after 1\n\n\(body)",
               outline: ["1 Introduction d1"]),
        Vector(rule: "references numbered on after the appendices, exactly where the main numbering stopped (xml2rfc v1, draft-ietf-sasl-scram-04)",
               text: "1.  Introduction\n\n\(body)\n2.  Rules\n\n\(body)\n2.1.  More\n\n\(body)\nAppendix A.  Change History\n\n\(body)\n3.  References\n\n\(body)\n3.1.  Normative References\n\n\(body)",
               outline: ["1 Introduction d1", "2 Rules d1", "2.1 More d2", "A Change History d1", "3 References d1", "3.1 Normative References d2"]),
        Vector(rule: "after the appendices, a number that does not take up the main numbering is no heading",
               text: "1.  Introduction\n\n\(body)\n2.  Rules\n\n\(body)\nAppendix A.  Change History\n\n\(body)\n4.  Skipped\n\n\(body)\n2.  Again\n\n\(body)",
               outline: ["1 Introduction d1", "2 Rules d1", "A Change History d1"]),
        Vector(rule: "subsections indented a step a level, each body a step further in, a title wrapped once or quoted (RFC 1122, RFC 1123)",
               text: "1.  INTRODUCTION\n\n\(body)\n   1.1  The Internet Architecture\n\n      General background.\n\n      1.1.1  Internet Hosts\n\n         A host computer.\n\n      1.1.2  Architectural Assumptions\n\n         The assumptions.\n\n      1.1.3  TCP Connection State Diagram: RFC-793 Section 3.2, with more\n         page 23\n\n         The diagram.\n\n      1.1.4  \"QUOTE\" Command\n\n         Quoted.\n\n   1.2  General Considerations\n\n      More text.\n\n2.  LINK LAYER\n\n\(body)",
               outline: ["1 INTRODUCTION d1", "1.1 The Internet Architecture d2", "1.1.1 Internet Hosts d3", "1.1.2 Architectural Assumptions d3", "1.1.3 TCP Connection State Diagram: RFC-793 Section 3.2, with more page 23 d3", "1.1.4 \"QUOTE\" Command d3", "1.2 General Considerations d2", "2 LINK LAYER d1"]),
        Vector(rule: "an indented numbered line is no subsection when its number is not the next, its body is not further in, or its indentation is not the outline's",
               text: "1.  Introduction\n\n\(body)\n   1.7  Numbered paragraph ahead\n\n      Text.\n\n   1.1  Same column below\n\n   Text.\n\n     1.1  Five columns in\n\n        Text.\n\n2.  Rules\n\n\(body)",
               outline: ["1 Introduction d1", "2 Rules d1"]),
        Vector(rule: "text flush left right under a heading, going on below, is the body, not a heading under it (draft-janardhan-dnsext-aging-00; an address under its heading, draft-ihren-dnsext-threshold-validation-00)",
               text: "1.  Introduction\n\n\(body)\n2.  Server requirements\nEvery DNS server hosting a primary zone MUST maintain a timestamp\nfor each record in such zone.\n\n3. Authors' Address\nJohan Ihren\nAutonomica AB\n",
               outline: ["1 Introduction d1", "2 Server requirements d1", "3 Authors' Address d1"]),
        Vector(rule: "an indented numbered sentence wrapped once, or wrapped long, is a numbered requirement, not a subsection (draft-ietf-ldup-replica-req)",
               text: "1.  Introduction\n\n\(body)\n2.  Replication Model\n\n\n    2.1  LDAP Replication MUST be allowed to span different vendors\n         directory services in order to provide interoperability.\n\n    2.2  Replication policies MUST allow replication of changed\n         information to be administratively postponed to a more\n\n         convenient period.\n",
               outline: ["1 Introduction d1", "2 Replication Model d1"]),
        Vector(rule: "appendix subsections numbered with the letter glued to the digits, \"A1.\" and \"A2.1.\" (RFC 4303), and not without the dot",
               text: "1.  Introduction\n\n\(body)\nAppendix A: Extended (64-bit) Sequence Numbers\n\nA1.  Overview\n\n\(body)\nA2.  Anti-Replay Window\n\n\(body)\nA2.1.  Managing the Window\n\n\(body)\nA3 and A4 name the two tests run.\n\n\(body)\nA3.  Loss of Synchronization\n\n\(body)",
               outline: ["1 Introduction d1", "A Extended (64-bit) Sequence Numbers d1", "A.1 Overview d2", "A.2 Anti-Replay Window d2", "A.2.1 Managing the Window d3", "A.3 Loss of Synchronization d2"]),
        Vector(rule: "a paragraph's first line alone at a page's foot under a heading, the sentence going on over the page, is no title (draft-ietf-ldapext-ldapv3-tls, RFC 1034 3.5)",
               text: Self.pageFoot("This section describes the overall procedures clients and servers MUST", then: "follow for TLS establishment."),
               outline: ["1 Introduction d1", "2 Sequencing of the Start TLS Operation d1", "3 Security d1"]),
        Vector(rule: "a sentence's first line alone at a page's foot, eight words or more and few capitalised, is no title (draft-ietf-ipngwg-bsd-api-new-06)",
               text: Self.pageFoot("No changes to the syntax of the socket functions are needed to support", then: "IPv6, since all of them use an opaque pointer."),
               outline: ["1 Introduction d1", "2 Sequencing of the Start TLS Operation d1", "3 Security d1"]),
        Vector(rule: "a flush-left line standing alone that holds an address (\"::\", \"@\") is no title (draft-ietf-dnsext-mdns-29's zone data and contact)",
               text: Self.pageFoot("The responder is configured with:", then: "IN AAAA 2001:0DB8::1:2:3:FF:FE:4:5:6\n\nhost1.example.com. IN A 10.1.1.1\n\nEMail: levone@example.com"),
               outline: ["1 Introduction d1", "2 Sequencing of the Start TLS Operation d1", "3 Security d1"]),
        Vector(rule: "a flush-left sentence cut at its line's end, standing alone over what it leads to, is no title (RFC 768's \"A user interface should allow\", a formula's \"For notational convenience, let\")",
               text: Self.pageFoot("Text.", then: "A user interface should allow\n\n  the creation of new receive ports.\n\nFor notational convenience, let\n\n  X = Y\n\nProtocol Application\n\nThe major uses of this protocol are listed."),
               outline: ["1 Introduction d1", "2 Sequencing of the Start TLS Operation d1", "- Protocol Application d1", "3 Security d1"]),
        Vector(rule: "an appendix heading out of the numbering keeps its printed number, under its appendix (draft-ietf-ldapbis-authmeth: G.1 to G.9 untitled; RFC 2544's C.2.4.6 after C.2.6.2); a number already used stays a title",
               text: "1.  Introduction\n\n\(body)\nAppendix G. Issues to be Resolved\n\n\(body)\nG.1.\n\n\(body)\nG.10 userPassword and simple bind\n\n\(body)\nG.11. Meaning of LDAP Association\n\n\(body)\nG.10 Again\n\n\(body)",
               outline: ["1 Introduction d1", "G Issues to be Resolved d1", "G.10 userPassword and simple bind d2", "G.11 Meaning of LDAP Association d2", "- G.10 Again d1"]),
        Vector(rule: "appendices numbered in Roman numerals, the title after a colon or a dash and a wide space (RFC 2228, RFC 959)",
               text: "1.  Introduction\n\n\(body)\nAppendix I: Specification under the GSSAPI\n\n\(body)\nAppendix II:  Specification under Kerberos version 4\n\n\(body)\nAPPENDIX III - RFCs on FTP\n\n\(body)",
               outline: ["1 Introduction d1", "I Specification under the GSSAPI d1", "II Specification under Kerberos version 4 d1", "III RFCs on FTP d1"]),
        Vector(rule: "a module's BEGIN and END set flush left, and an OR between alternatives, are no titles: the text after them stays in its section (RFC 3280 appendix A, draft-ietf-cat-kerberos-pk-init-21)",
               text: "1.  Introduction\n\n\(body)\nA.1.  Module\n\nPKIX1 { iso(1) } DEFINITIONS ::=\n\nBEGIN\n\n  Version ::= INTEGER\n\nEND\n\nThe text after the module.\n\nOR\n\nThe other choice.\n",
               outline: ["1 Introduction d1", "A.1 Module d2"]),
        Vector(rule: "a label and its value standing alone are no titles (\"Phone: +1 425 706 6605\", draft-ietf-dnsext-mdns-11; \"Function value:  GSS status code\", draft-ietf-cat-gssv2-cbind-04), nor hosts' names alone (RFC 1035 2.3.1)",
               text: "1.  Introduction\n\n\(body)\n2.  Names\n\nFor example, the following strings identify hosts in the Internet:\n\nA.ISI.EDU XX.LCS.MIT.EDU SRI-NIC.ARPA\n\nText.\n\nFunction value:  GSS status code\n\nText.\n\nPhone: +1 425 706 6605\n\nAppendix: SIG(0) Changes from RFC 2535\n\n\(body)",
               outline: ["1 Introduction d1", "2 Names d1", "- Appendix: SIG(0) Changes from RFC 2535 d1"]),
        Vector(rule: "captions, a page's marks left standing, a lone \"None\", a line of code ending in \"(\", data with a comment after it and a sentence whose verb has a comma after it are no titles (RFC 2078, draft-ietf-cat-gssv2-cbind-04, draft-klensin-dns-role-02, draft-ietf-ldapext-matchedval, draft-ietf-ipngwg-bsd-api-new-06)",
               text: "1.  Introduction\n\n\(body)\n2.  Calls\n\nTable 1: GSS-API Major Status Codes\n\nText.\n\nTable 4-1  GSSAPI Credential-management Routines\n\nText.\n\nExpires November 2001\n\nThis draft expires on October 1, 1999\n\nInternet-Draft  Returning Matched Values with LDAPv3 8 September 1999\n\nNone\n\nOM_uint32 gss_import_sec_context (\n\nThat is, porting simple applications to use IPv6 replaces the call\n\nGSS_S_NO_CONTEXT  The context_handle did not refer to a valid context\n\nVersion 1 20020701 # July 2002\n\nTable of Registries\n\n\(body)",
               outline: ["1 Introduction d1", "2 Calls d1", "- Table of Registries d1"]),
        Vector(rule: "a protocol transcript's lines set flush left (\"C: SHOW DB\", \"S: 552 No match\", RFC 2229) and a request to the reader (\"Please send comments to ...\", draft-murray-auth-ftp-ssl-16) are no titles",
               text: "1.  Introduction\n\n\(body)\n2.  Examples\n\nC: SHOW DB\n\nS: 110 2 databases present\nS: 250 ok\n\nS: 552 No match\n\nPlease send comments to Paul Ford-Hutchinson at the address below\n\n        Paul Ford-Hutchinson\n\nAcknowledgements\n\n\(body)",
               outline: ["1 Introduction d1", "2 Examples d1", "- Acknowledgements d1"]),
        Vector(rule: "a number with a doubled dot (\"6.3..8.  LIST Command\", RFC 2060) and a title opening with a \"#\" before a word (\"F.4.  #-literals\", RFC 5321); a \"#\" comment is no title",
               text: "1.  Introduction\n\n\(body)\n1.1.  Commands\n\n\(body)\n1.1..1.  LIST Command\n\n\(body)\n2.  Literals\n\n\(body)\n2.1.  #-literals\n\n\(body)\n3 # a comment\n\n\(body)",
               outline: ["1 Introduction d1", "1.1 Commands d2", "1.1.1 LIST Command d3", "2 Literals d1", "2.1 #-literals d2"]),
        Vector(rule: "a title opening with a typographic quote (\"2.2.1.  \u{201C}w\u{201D}: Word Match Modifier\", draft-fielding-http-key as xml2rfc 3 prints it), and a title's two spaces after a sentence's end kept as one (\"C.2.  No certificate checks?  Really?\", draft-nottingham-http2-encryption)",
               text: "1.  Introduction\n\n\(body)\n2.  Modifiers\n\n\(body)\n2.1.  \u{201C}w\u{201D}: Word Match Modifier\n\n\(body)\n2.2.  \u{2018}p\u{2019} Prefix\n\n\(body)\nAppendix A.  Questions\n\nA.1.  No certificate checks?  Really?\n\n\(body)",
               outline: ["1 Introduction d1", "2 Modifiers d1", "2.1 \u{201C}w\u{201D}: Word Match Modifier d2", "2.2 \u{2018}p\u{2019} Prefix d2", "A Questions d1", "A.1 No certificate checks? Really? d2"]),
        Vector(rule: "a title broken after a slash joins without a space (\"5.2.  Registration of a Content-Format Identifier for application/\" over \"multipart-core\", RFC 8710); titles opening with \"@\" or \".\" before a letter (\"4.1.1.  @type\", RFC 8984; \"10.3.  .alt Subdomains Registry\", RFC 9498)",
               text: "1.  Introduction\n\n\(body)\n2.  Registrations\n\n\(body)\n2.1.  Registration of a Content-Format Identifier for application/\n      multipart-core\n\n\(body)\n2.2.  @type\n\n\(body)\n2.3.  .alt Subdomains Registry\n\n\(body)\n2.4.  ... leader\n\n\(body)",
               outline: ["1 Introduction d1", "2 Registrations d1", "2.1 Registration of a Content-Format Identifier for application/multipart-core d2", "2.2 @type d2", "2.3 .alt Subdomains Registry d2"]),
        Vector(rule: "contents without pages that list unnumbered headings (xml2rfc 3's) list them all: an unlisted line standing alone in an appendix is no title (RFC 9307's data model set flush left); under a listed unnumbered heading one is (toc=\"exclude\", RFC 9030), as are the copyright boilerplate's",
               text: "Table of Contents\n\n   1.  Introduction\n   Appendix A.  Data Taxonomy\n   Acknowledgments\n   Authors' Addresses\n\n1.  Introduction\n\n\(body)\nAppendix A.  Data Taxonomy\n\n\(body)\nNumber of Participants\n\nPatents\n  Organization\n\nAcknowledgments\n\n\(body)\nSpecial Thanks\n\n\(body)\nAuthors' Addresses\n\n\(body)\nDisclaimer of Validity\n\n\(body)",
               outline: ["1 Introduction d1", "A Data Taxonomy d1", "- Acknowledgments d1", "- Special Thanks d1", "- Authors' Addresses d1", "- Disclaimer of Validity d1"]),
        Vector(rule: "a sentence standing alone is no title: an article, then a verb in lower case among six words or more (draft-ietf-ldapext-matchedval), or a clause after a comma with its own subject (draft-ietf-cat-kerberos-revisions-00); a title with an article and no such verb is one",
               text: "1.  Introduction\n\n\(body)\n2.  Control\n\nThe object identifier for this control is 1.2.826.0.1.3344810.2.3\n\nText.\n\nWhen an application receives a KRB_CRED message, it verifies\n\nText.\n\nThe Object Identifier of the Control\n\n\(body)",
               outline: ["1 Introduction d1", "2 Control d1", "- The Object Identifier of the Control d1"]),
        Vector(rule: "a title alone at a page's foot, the next page opening a new sentence, is still a title",
               text: Self.pageFoot("Implementation Notes", then: "The notes follow."),
               outline: ["1 Introduction d1", "2 Sequencing of the Start TLS Operation d1", "- Implementation Notes d1", "3 Security d1"]),
    ]

    /// A flush-left draft whose line `last` stands alone at the foot of page 1, under a
    /// heading; page 2 opens with `then`.
    static func pageFoot(_ last: String, then: String) -> String {
        "1.  Introduction\n\nText of the introduction.\n\n2.  Sequencing of the Start TLS Operation\n\n\(last)\n\n\n\n"
            + "Hodges, Morgan, Wahl                                            [Page 1]\n\u{0C}\n"
            + "RFC DRAFT                                                     April 2000\n\n\n"
            + "\(then)\n\n3.  Security\n\nText of the security section.\n"
    }

    /// A page break as RFCs print it, after a line of text: blank lines, the footer, a form
    /// feed, the next page's header and blank lines.
    static func pageBreak(_ footer: String, _ header: String) -> String {
        "\n\n\n\n" + footer + "\n\u{0C}\n" + header + "\n\n\n"
    }

    /// A drawing at a page's foot inside a list item, then prose on the next page out to the
    /// left of all of it (RFC 2401 4.5, "Case 1."): the prose is a paragraph of its own, not
    /// more of the drawing (its MUST was lost in the figure).
    @Test func proseLeftOfADrawingAfterAPageBreakIsAParagraph() throws {
        let item = "   Case 1.  The case of providing end-to-end security between 2 hosts\n      across the Internet (or an Intranet).\n\n"
            + "                  Transport                  Tunnel\n"
            + "             -----------------          ---------------------\n"
            + "             1. [IP1][AH][upper]        4. [IP2][AH][IP1][upper]\n"
            + "             3. [IP1][AH][ESP][upper]"
        let text = "1.  Introduction\n\n   Text of the introduction.\n\n2.  Combinations\n\n" + item
            + Self.pageBreak("Kent & Atkinson             Standards Track                    [Page 24]",
                             "RFC 2401              Security Architecture for IP         November 1998")
            + "        Note that both AH and ESP can be applied to the packet.  In this\n"
            + "        event, the SA establishment procedure MUST ensure that first ESP,\n        then AH are applied to the packet.\n\n"
            + "3.  Security\n\n   Text of the security section.\n"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "art.txt")
        let section = try #require(document.allSections.first { $0.number == "2" })
        #expect(section.paragraphs.map(\.content.plainText).last
                == "Note that both AH and ESP can be applied to the packet.  In this event, the SA establishment procedure MUST ensure that first ESP, then AH are applied to the packet.")
    }

    /// A message left open at a page's foot ("{SA, Nr, [KEr,]") and closed at the top of the
    /// next ("TSi, TSr}", RFC 7296 1.3.1): one figure; the closing line was a paragraph of
    /// its own, a statement about TSi and TSr.
    @Test func aBraceOpenAtAPageFootClosesInTheSameFigure() throws {
        let text = "1.  Exchanges\n\n   The CREATE_CHILD_SA response for creating a new Child SA is:\n\n"
            + "                                <--  HDR, SK {SA, Nr, [KEr,]"
            + Self.pageBreak("Kaufman, et al.              Standards Track                   [Page 14]",
                             "RFC 7296                        IKEv2bis                    October 2014")
            + "                                         TSi, TSr}\n\n"
            + "   The responder replies (using the same Message ID to respond) with the\n"
            + "   accepted offer in an SA payload, a nonce in the Nr payload, and a\n"
            + "   Diffie-Hellman value in the KEr payload if KEi was included in the\n"
            + "   request and the selected cryptographic suite includes that group.\n"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "flow.txt")
        let section = try #require(document.allSections.first { $0.number == "1" })
        #expect(section.paragraphs.map(\.content.plainText).first == "The CREATE_CHILD_SA response for creating a new Child SA is:")
        #expect(!section.paragraphs.map(\.content.plainText).contains("TSi, TSr}"))
        guard section.blocks.count == 3, case .figure(let figure) = section.blocks[1] else { Issue.record("no figure between: \(section.blocks)"); return }
        #expect(figure.verbatim.hasSuffix("TSi, TSr}"))
    }

    /// A structure left open at a page's foot whose next page goes on inside it, further in
    /// than its first line (an ASN.1 comment cut mid-sentence, RFC 4556 3.2.3): one figure,
    /// its lines as the source has them. A structure still open
    /// whose next page starts at the structure's own margin is not carried on.
    @Test func aStructureOpenAtAPageFootGoesOnInsideIt() throws {
        let text = "1.  Reply\n\n   The reply is:\n\n"
            + "       KDCDHKeyInfo ::= SEQUENCE {\n"
            + "          subjectPublicKey        [0] BIT STRING,\n"
            + "                   -- If this field is omitted then the serverDHNonce"
            + Self.pageBreak("Zhu & Tung                  Standards Track                    [Page 20]",
                             "RFC 4556                         PKINIT                        June 2006")
            + "                   -- field MUST also be omitted.\n"
            + "          ...\n"
            + "       }\n\n"
            // Filled to 72 columns, as the page is.
            + "   The content of the AS-REP is otherwise unchanged from [RFC4120].  The\n"
            + "   KDC encrypts the reply as usual.\n"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "asn1.txt")
        let section = try #require(document.allSections.first { $0.number == "1" })
        guard section.blocks.count == 3, case .figure(let figure) = section.blocks[1] else { Issue.record("not one figure: \(section.blocks)"); return }
        #expect(figure.verbatim == ["    KDCDHKeyInfo ::= SEQUENCE {",
                                    "       subjectPublicKey        [0] BIT STRING,",
                                    "                -- If this field is omitted then the serverDHNonce",
                                    "                -- field MUST also be omitted.",
                                    "       ...",
                                    "    }"].joined(separator: "\n"))

        let atMargin = "1.  Reply\n\n   The reply is:\n\n"
            + "       KDCDHKeyInfo ::= SEQUENCE {\n"
            + "          subjectPublicKey        [0] BIT STRING,"
            + Self.pageBreak("Zhu & Tung                  Standards Track                    [Page 20]",
                             "RFC 4556                         PKINIT                        June 2006")
            + "       Other ::= INTEGER\n\n"
        let split = try DocumentReader.read(data: Data(atMargin.utf8), path: "asn1.txt")
        let blocks = try #require(split.allSections.first { $0.number == "1" }).blocks
        guard blocks.count == 3, case .figure(let cut) = blocks[1], case .paragraph(let after) = blocks[2] else { Issue.record("\(blocks)"); return }
        #expect(cut.verbatim.hasSuffix("BIT STRING,"))
        #expect(after.content.plainText == "Other ::= INTEGER")
    }

    /// A table of contents printed without page numbers (draft-ietf-dnsext-wcard-clarify-08)
    /// is no run of headings: the sections are the body's, each with its text. Read as
    /// headings, the entries took the numbers and the body's own were never plausible after
    /// them: the whole body was the last entry's.
    @Test func aTableOfContentsWithoutPageNumbersIsNoRunOfHeadings() throws {
        let text = "Table of Contents\n\n1.    Introduction\n1.1   Motivation\n2.    Syntax\n\n"
            + "1. Introduction\n\n   Why.\n\n1.1 Motivation\n\n   Because.\n\n2. Syntax\n\n   How.\n"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "toc.txt")
        #expect(document.allSections.map { "\($0.number ?? "-") \($0.location.line) \($0.paragraphs.map(\.content.plainText))" }
                == ["1 7 [\"Why.\"]", "1.1 11 [\"Because.\"]", "2 15 [\"How.\"]"])
    }

    /// An item of a numbered list set flush left, after a page break, whose number the
    /// table of contents gives another heading printed further on, is no heading
    /// (draft-ietf-ldup-model: "4. Security of content ..." took section 4's place, and
    /// 3.2 to 3.7 and the real "4 Directory Model" were then out of order and lost). The
    /// contents here are numbered themselves ("2 Table of Contents").
    @Test func aListItemTheContentsContradictIsNoHeading() throws {
        let text = "1 Abstract\n\n   Short.\n\n2 Table of Contents\n\n"
            + "1    Abstract......................................................1\n"
            + "3    Introduction..................................................2\n"
            + "3.1  Scope.........................................................2\n"
            + "3.2  Objectives....................................................2\n"
            + "4    Directory Model...............................................3\n\n"
            + "3 Introduction\n\n3.1  Scope\n\nThe design is on:\n\n1. Simplicity of operation.\n\n"
            + "Merrells                                                     [Page 1]\n\u{0C}\n"
            + "INTERNET-DRAFT      LDAP Replication Architecture      March 10, 2000\n\n"
            + "4. Security of content and configuration information when LDAP servers\n"
            + "  from more than one administrative authority are interconnected.\n\n"
            + "3.2  Objectives\n\nThe objectives.\n\n4 Directory Model\n\nThe model.\n"
        #expect(try Self.outline(text) == ["1 Abstract d1", "2 Table of Contents d1", "3 Introduction d1", "3.1 Scope d2",
                                           "3.2 Objectives d2", "4 Directory Model d1"])
    }

    /// A heading the contents do not list with its page is no contradiction when the
    /// contents name it at all: a draft may print two sections with one number
    /// (draft-zeilenga-ldap-user-schema: "3.3. buildingName" with no page, then "3.3. co 8"),
    /// or list one number twice (draft-ietf-dnsext-tsig-sha-03: "6. Security
    /// Considerations", "6. Copyright and Disclaimer"). Both headings are read, the second
    /// because the contents list it so.
    @Test func headingsTheContentsNameTwiceUnderOneNumberStay() throws {
        let text = "Table of Contents\n\n"
            + "  1.     Introduction............................................2\n"
            + "  3.     Attributes..............................................3\n"
            + "  3.2.   associatedName\n  3.3.   buildingName\n  3.3.   co                                            8\n"
            + "  5.     Security Considerations.................................8\n"
            + "  5.     Copyright and Disclaimer................................8\n\n"
            + "1. Introduction\n\n   Text.\n\n3. Attributes\n\n   Text.\n\n3.2. associatedName\n\n   Text.\n\n"
            + "3.3.  buildingName\n\n   Text.\n\n3.3. co\n\n   Text.\n\n4. IANA\n\n   Text.\n\n"
            + "5. Security Considerations\n\n   Text.\n\n5. Copyright and Disclaimer\n\n   Text.\n"
        #expect(try Self.outline(text) == ["1 Introduction d1", "3 Attributes d1", "3.2 associatedName d2", "3.3 buildingName d2",
                                           "3.3 co d2", "4 IANA d1", "5 Security Considerations d1", "5 Copyright and Disclaimer d1"])
    }

    /// A title wrapped back to the margin is whole where the contents list it whole, their
    /// entry wrapped too (draft-leach-uuids-guids-01: "3.4 Algorithms for creating a UUID
    /// from truly random or pseudo-random" over "numbers"). An underline under a title is
    /// no second line; without the contents the lines are a numbered paragraph, as before.
    @Test func aTitleWrappedToTheMarginIsWholeWhereTheContentsSaySo() throws {
        let contents = "Table of Contents\n\n 1 Algorithm for creating a name-based UUID.........................10\n"
            + " 1.1 Algorithms for creating a UUID from truly random or pseudo-random\n"
            + " numbers .............................................................11\n\n"
        let body = "1 Algorithm for creating a name-based UUID\n\n  Text.\n\n"
            + "1.1 Algorithms for creating a UUID from truly random or pseudo-random\nnumbers\n\n  Text.\n"
        #expect(try Self.outline(contents + body) == ["1 Algorithm for creating a name-based UUID d1",
                                                      "1.1 Algorithms for creating a UUID from truly random or pseudo-random numbers d2"])
        let document = try DocumentReader.read(data: Data((contents + body).utf8), path: "wrapped.txt")
        #expect(document.section(numbered: "1.1")?.paragraphs.map(\.content.plainText) == ["Text."])
        // No contents: the line under the title goes on at the margin as a numbered
        // paragraph's does, and is read so (`numberedParagraphLead`).
        let bare = try DocumentReader.read(data: Data(body.utf8), path: "bare.txt")
        #expect(bare.section(numbered: "1.1")?.title == "Algorithms for creating a UUID from truly random or pseudo-random")
        #expect(bare.section(numbered: "1.1")?.paragraphs.first?.content.plainText
                == "Algorithms for creating a UUID from truly random or pseudo-random numbers")
        // An underline is no title.
        let underlined = contents.replacingOccurrences(of: "pseudo-random\n numbers", with: "pseudo-random\n ------")
            + body.replacingOccurrences(of: "\nnumbers\n", with: "\n------------\n")
        #expect(try Self.outline(underlined).last == "1.1 Algorithms for creating a UUID from truly random or pseudo-random d2")
    }

    /// A document that takes up another's numbering part way, its first heading a
    /// subsection's number (draft-morris-java-gssapi-update-for-csharp-00: "4.17.  C#
    /// Modifications", then 4.17.1 ...). Its next heading confirms it; a number not
    /// followed by the one after it, or a top-level number alone, is no start (the body is
    /// one untitled section then, with its warning).
    @Test func aDocumentMayStartPartWayThroughANumbering() throws {
        let front = "Abstract\n\n   An update of RFC 2853.\n\n"
        let text = front + "4.17.  C# Modifications\n\n   Text.\n\n4.17.1   C# Assembly Name\n\n   Text.\n\n"
            + "4.17.2   C# Class Definitions\n\n   Text.\n"
        #expect(try Self.outline(text) == ["4.17 C# Modifications d2", "4.17.1 C# Assembly Name d3", "4.17.2 C# Class Definitions d3"])
        // The next numbered line is not the one after it: no heading.
        let unconfirmed = front + "4.17.  C# Modifications\n\n   Text.\n\n4.19   C# Assembly Name\n\n   Text.\n"
        #expect(try Self.outline(unconfirmed) == ["-  d1"])
        // A top-level number: as likely a list's item.
        let topLevel = front + "5.  Modifications\n\n   Text.\n\n6.  Examples\n\n   Text.\n"
        #expect(try Self.outline(topLevel) == ["-  d1"])
    }

    /// Numbered paragraphs (RFC 2671 and its drafts): the heading's title is the first line
    /// of a sentence going on under it, at the margin or under the title. The section keeps
    /// the line as its title, and its first paragraph holds it too, so the sentence and its
    /// keyword are read whole ("MUST be ignored." had no subject). A short title over its
    /// body, and a term with a wide gap over its definition (RFC 2119), stay as they were.
    @Test func aNumberedParagraphsFirstLineIsItsParagraphsToo() throws {
        let text = "1.  Introduction\n\n   Text.\n\n"
            + "1.1. Any OPTION-CODE values not understood by a responder or requestor\n     MUST be ignored.  So, specifications of such options might wish to\n     include some kind of signalled acknowledgement.\n\n"
            + "1.2 Any OPTION-CODE values not understood by a responder or requestor\nMUST be ignored at the margin too.\n\n"
            + "2.  Server requirements of this protocol\nEvery DNS server hosting a primary zone MUST maintain a timestamp.\n\n"
            + "3. MAY   This word, or the adjective \"OPTIONAL\", mean that an item is\n   truly optional.  One vendor may choose to include the item because\n   a particular marketplace requires it.\n\n"
            + "4. The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\",\n\"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this\ndocument are to be interpreted as described in RFC 2119 [RFC2119].\n"
        let sections = try DocumentReader.read(data: Data(text.utf8), path: "edns.txt").allSections
        #expect(sections.map { "\($0.number ?? "-") \($0.titleOpensBody) \($0.paragraphs.first?.content.plainText ?? "")" } == [
            "1 false Text.",
            "1.1 true Any OPTION-CODE values not understood by a responder or requestor MUST be ignored.  So, specifications of such options might wish to include some kind of signalled acknowledgement.",
            "1.2 true Any OPTION-CODE values not understood by a responder or requestor MUST be ignored at the margin too.",
            "2 false Every DNS server hosting a primary zone MUST maintain a timestamp.",
            "3 false truly optional.  One vendor may choose to include the item because a particular marketplace requires it.",
            // Two lower-case words, but a title ending in a comma is a sentence going on
            // (draft-ietf-dnsext-rfc2671bis-edns0-01 1.3): the boilerplate is read whole.
            "4 true The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\", \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"MAY\", and \"OPTIONAL\" in this document are to be interpreted as described in RFC 2119 [RFC2119].",
        ])
        #expect(sections.map(\.title)[1] == "Any OPTION-CODE values not understood by a responder or requestor")
        #expect(sections.map(\.title)[4] == "MAY   This word, or the adjective \"OPTIONAL\", mean that an item is")
        #expect(!sections[4].paragraphs.contains { $0.content.plainText.hasPrefix("MAY") })
    }

    /// Run-in headings: the title, the paragraph's first words on the same line, the rest
    /// right under it. The title ends at a wide gap (RFC 1035 6.4.1) or where the contents
    /// end it (RFC 1812 5.3.13.1); the paragraph's requirement keeps its subject. Three
    /// spaces (RFC 2119's "3. SHOULD   This word") are no such gap.
    @Test func aRunInHeadingsParagraphStartsOnItsLine() throws {
        let text = "Table of Contents\n\n   1.  Options ...........................  2\n   1.1  Unrecognized Options ..............  2\n\n"
            + "1.  Options\n\n   Text.\n\n"
            + "1.1 Unrecognized Options Unrecognized IP options in forwarded\n   packets MUST be passed through unchanged.\n\n"
            + "1.2 The contents of inverse queries and responses          Inverse\nqueries reverse the mappings performed by standard queries.\n\n"
            + "1.3 SHOULD   This word, or the adjective \"RECOMMENDED\", mean that there\n   may exist valid reasons to ignore a particular item in\n   particular circumstances.\n"
        let sections = try DocumentReader.read(data: Data(text.utf8), path: "runin.txt").allSections
        #expect(sections.map { "\($0.number ?? "-") \($0.title) | \($0.paragraphs.first?.content.plainText ?? "")" } == [
            "1 Options | Text.",
            "1.1 Unrecognized Options | Unrecognized IP options in forwarded packets MUST be passed through unchanged.",
            "1.2 The contents of inverse queries and responses | Inverse queries reverse the mappings performed by standard queries.",
            "1.3 SHOULD   This word, or the adjective \"RECOMMENDED\", mean that there | may exist valid reasons to ignore a particular item in particular circumstances.",
        ])
    }

    /// Prose right under a message flow, no blank line between (draft-dukes-ike-mode-cfg-02
    /// 5.1): a paragraph of its own, its MUST and MAY statements; the flow stays a figure.
    /// A justified paragraph whose wide spaces made a row is left as it was.
    @Test func proseRightUnderAFlowIsAParagraph() throws {
        let flow = "    Initiator                           Responder\n   -----------------------------       -------------------------------\n"
            + "    HDR*, HASH, ATTR1(REQUEST)    -->\n                                  <--   HDR*, HASH, ATTR2(REPLY)\n"
        let prose = "    ATTR1(REQUEST) MUST contain at least an INTERNAL_ADDRESS attribute\n"
            + "   (either IPv4 or IPv6) but MAY also contain any number of additional\n   attributes that it wants returned in the response.\n"
        let text = "1.  Requesting an Internal Address\n\n   The remote host requests an address.\n\n" + flow + prose
        let section = try #require(try DocumentReader.read(data: Data(text.utf8), path: "flow.txt").allSections.first)
        #expect(section.paragraphs.map(\.content.plainText) == [
            "The remote host requests an address.",
            "ATTR1(REQUEST) MUST contain at least an INTERNAL_ADDRESS attribute (either IPv4 or IPv6) but MAY also contain any number of additional attributes that it wants returned in the response.",
        ])
        guard section.blocks.count == 3, case .figure(let figure) = section.blocks[1] else { Issue.record("no figure between: \(section.blocks)"); return }
        #expect(figure.verbatim.hasSuffix("ATTR2(REPLY)"))
        // A one-line "row" over prose is no drawing: the chunk stays as it was read.
        let row = "1.  Notes\n\n   [35] In  the  above   specification,   UNTAGGED   OCTET\n   STRING(length) is the notation for an octet string with\n   its tag and length removed.  It is not a valid ASN.1 type.\n"
        let notes = try #require(try DocumentReader.read(data: Data(row.utf8), path: "row.txt").allSections.first)
        #expect(notes.paragraphs.isEmpty)
    }

    /// Footnotes at a page's foot, under a rule of underscores (RFC 1122 3.3.6): the
    /// paragraph they cut goes on over the page, and each note is a paragraph of its own.
    /// Without a mark opening the notes, the rule and the lines under it stay where they are.
    @Test func footnotesAtAPageFootDoNotCutTheParagraph() throws {
        let foot = "         There is a class of hosts* that use non-standard broadcast\n         address forms, substituting 0 for -1.  All hosts SHOULD\n"
            + "_________________________\n*4.2BSD Unix and its derivatives, but not 4.3BSD.\n"
        let text = Self.pageFoot(foot, then: "         recognize and accept any of these non-standard broadcast\n         addresses as the destination address of an incoming datagram.")
        let document = try DocumentReader.read(data: Data(text.utf8), path: "notes.txt")
        let section = try #require(document.allSections.first { $0.number == "2" })
        #expect(section.paragraphs.map(\.content.plainText) == [
            "There is a class of hosts* that use non-standard broadcast address forms, substituting 0 for -1.  All hosts SHOULD recognize and accept any of these non-standard broadcast addresses as the destination address of an incoming datagram.",
            "*4.2BSD Unix and its derivatives, but not 4.3BSD.",
        ])
        let unmarked = Self.pageFoot(foot.replacingOccurrences(of: "*4.2BSD", with: "Unix 4.2BSD"), then: "recognize and accept these.")
        let plain = try #require(try DocumentReader.read(data: Data(unmarked.utf8), path: "notes.txt").allSections.first { $0.number == "2" })
        #expect(!plain.paragraphs.map(\.content.plainText).contains { $0.hasSuffix("All hosts SHOULD recognize and accept these.") })
    }

    /// Footers with no page number are page layout, not text: one whose page a form feed
    /// at the end of the line ends ("draft-ietf-cat-kerberos-r-01    Expires 21 May 1998^L",
    /// draft-ietf-cat-kerberos-revisions-01), recurring above the page breaks; and, with no
    /// form feeds at all, one alone on its line with the next page's running header below
    /// it (draft-ietf-cat-kerberos-revisions-05). The paragraph cut by the page is whole.
    @Test(arguments: [
        ("draft-ietf-cat-kerberos-r-01                        Expires 21 May 1998\u{0C}\n\n", "\n\n"),
        ("Neuman, Ts'o, Kohl                                Expires: 10 September, 2000\n\n\n\n"
            + "INTERNET-DRAFT    draft-ietf-cat-kerberos-revisions-05          June 25, 1999\n\n", "\n"),
    ])
    func aFooterWithNoPageNumberIsLayout(_ footer: String, _ before: String) throws {
        var text = "1.  Introduction\n\nThe basic Kerberos authentication process proceeds as follows: A client\n" + before + footer
            + "sends a request to the authentication server.\n\n"
        for n in 2...4 { text += "\(n).  Part \(n)\n\nText of part \(n), long enough to be a paragraph of its own.\n" + before + footer }
        text += "5.  End\n\nThe end.\n"
        let document = try DocumentReader.read(data: Data(text.utf8), path: "footer.txt")
        #expect(document.allSections.map { "\($0.number ?? "-") \($0.title)" } == ["1 Introduction", "2 Part 2", "3 Part 3", "4 Part 4", "5 End"])
        let texts = document.allSections.flatMap(\.blocks).compactMap { block -> String? in
            switch block {
            case .paragraph(let p): p.content.plainText
            case .figure(let f): f.verbatim
            default: nil
            }
        }
        #expect(texts.first == "The basic Kerberos authentication process proceeds as follows: A client sends a request to the authentication server.")
        #expect(!texts.contains { $0.contains("Expires") || $0.contains("INTERNET-DRAFT") })
    }

    /// The first line of a paragraph at a page's foot is read with the rest of it.
    @Test func aParagraphRunningOverAPageIsOneParagraph() throws {
        let text = Self.pageFoot("This section describes the overall procedures clients and servers MUST", then: "follow for TLS establishment.")
        let document = try DocumentReader.read(data: Data(text.utf8), path: "forms.txt")
        let section = try #require(document.allSections.first { $0.number == "2" })
        guard case .paragraph(let p) = try #require(section.blocks.first) else { Issue.record("not a paragraph"); return }
        #expect(p.content.plainText == "This section describes the overall procedures clients and servers MUST follow for TLS establishment.")
    }

    @Test(arguments: vectors)
    func headingForm(_ vector: Vector) throws {
        #expect(try Self.outline(vector.text) == vector.outline)
    }

    /// D2: a line holding one uppercase letter read past the line's end (SIGILL). Each of
    /// these is read, and the letter is text, not a heading.
    @Test(arguments: ["A", "A\n", "1.  Intro\n\nZ\n\n   text\n", "Z", "Appendix A\n\nB\n", "A.\n", "A:\n", "A \n"])
    func aLoneUppercaseLetterIsText(_ text: String) throws {
        let document = try DocumentReader.read(data: Data(text.utf8), path: "letter.txt")
        #expect(document.allSections.allSatisfy { $0.number != "Z" && $0.number != "B" })
    }
}
