import Testing
@testable import Normative

@Suite struct SegmentationTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var sentences: [String]
        var testDescription: String { rule }
    }

    static let vectors: [Vector] = [
        Vector(rule: "two sentences", text: "The SA is created.  It is used.", sentences: ["The SA is created.", "It is used."]),
        Vector(rule: "e.g. does not end a sentence", text: "Some fields (e.g., the SPI) are set. Others are not.", sentences: ["Some fields (e.g., the SPI) are set.", "Others are not."]),
        Vector(rule: "e.g. without comma before a capital", text: "Use a protocol, e.g. IKEv2 or IKEv1.", sentences: ["Use a protocol, e.g. IKEv2 or IKEv1."]),
        Vector(rule: "i.e. before a capital", text: "The other end, i.e. TSr, is narrowed.", sentences: ["The other end, i.e. TSr, is narrowed."]),
        Vector(rule: "etc. then lowercase continues", text: "ports, protocols, etc. are selectors.", sentences: ["ports, protocols, etc. are selectors."]),
        Vector(rule: "etc. then a capital ends", text: "Ports, protocols, etc. The list goes on.", sentences: ["Ports, protocols, etc.", "The list goes on."]),
        Vector(rule: "Sec. before a number", text: "See Sec. 3 for details. Then go on.", sentences: ["See Sec. 3 for details.", "Then go on."]),
        Vector(rule: "abbreviations of what a number follows hold only before a number or a citation; as words they end sentences (draft-ietf-cat-kerberos-set-passwd-06)",
               text: "See Fig. 3 and No. 5. Set it to yes or no. Clients MUST retry. The list is contained in ref. The array SHOULD be freed. As in Ref. [3] it is. Next.",
               sentences: ["See Fig. 3 and No. 5.", "Set it to yes or no.", "Clients MUST retry.", "The list is contained in ref.", "The array SHOULD be freed.", "As in Ref. [3] it is.", "Next."]),
        Vector(rule: "titles hold only with their capital: \"ms.\" is milliseconds",
               text: "Ask Dr. Smith and Ms. Jones. The default is 500 ms. The timer MUST restart.",
               sentences: ["Ask Dr. Smith and Ms. Jones.", "The default is 500 ms.", "The timer MUST restart."]),
        Vector(rule: "section number inside", text: "As in Section 3.13.1, ranges are inclusive. Done.", sentences: ["As in Section 3.13.1, ranges are inclusive.", "Done."]),
        Vector(rule: "section number at the end", text: "This is described in Section 2.9. The next.", sentences: ["This is described in Section 2.9.", "The next."]),
        Vector(rule: "version number", text: "PF_KEY v2.0 is assumed. Fine.", sentences: ["PF_KEY v2.0 is assumed.", "Fine."]),
        Vector(rule: "citation before the period", text: "Keywords are as in [RFC2119]. Next sentence.", sentences: ["Keywords are as in [RFC2119].", "Next sentence."]),
        Vector(rule: "quoted sentence end", text: "It says \"protect.\" Then it stops.", sentences: ["It says \"protect.\"", "Then it stops."]),
        Vector(rule: "standalone ellipsis is an omission", text: "The text reads ... Then more text.", sentences: ["The text reads ... Then more text."]),
        Vector(rule: "ellipsis after a word ends", text: "And so on... Next one.", sentences: ["And so on...", "Next one."]),
        Vector(rule: "parenthesised sentence stays whole", text: "First. (This is an aside. It has two parts.) Last.", sentences: ["First.", "(This is an aside. It has two parts.)", "Last."]),
        Vector(rule: "parenthesis inside a sentence", text: "Maintenance is outside (see [PFKEY] for an example. Really.) the scope. Next.", sentences: ["Maintenance is outside (see [PFKEY] for an example. Really.) the scope.", "Next."]),
        Vector(rule: "a parenthesis closed by a sentence end, inside a sentence, ends it (RFC 6335 5.1)",
               text: "Avoid redundant words (e.g., \"port\", etc.) Names SHOULD be brief. Next.",
               sentences: ["Avoid redundant words (e.g., \"port\", etc.)", "Names SHOULD be brief.", "Next."]),
        Vector(rule: "... but not when the sentence's keyword comes next (RFC 7296 2.21.2)",
               text: "All errors (invalid ID, revoked certificate, etc.) SHOULD result in a notification. Next.",
               sentences: ["All errors (invalid ID, revoked certificate, etc.) SHOULD result in a notification.", "Next."]),
        Vector(rule: "an omission in a quotation ends nothing (RFC 4718 2)",
               text: "As Section 3.1 says: \"Responder's SPI [...] This value MUST be zero\". Next.",
               sentences: ["As Section 3.1 says: \"Responder's SPI [...] This value MUST be zero\".", "Next."]),
        Vector(rule: "question mark", text: "Is it allowed? Yes.", sentences: ["Is it allowed?", "Yes."]),
        Vector(rule: "dotted initialism", text: "The U.S. Government uses it. OK.", sentences: ["The U.S. Government uses it.", "OK."]),
        Vector(rule: "et al.", text: "Kaufman et al. Wrote it. Yes.", sentences: ["Kaufman et al. Wrote it.", "Yes."]),
        Vector(rule: "no final period", text: "A fragment without end", sentences: ["A fragment without end"]),
        Vector(rule: "IP address", text: "Use 192.0.2.1 as the address. Then stop.", sentences: ["Use 192.0.2.1 as the address.", "Then stop."]),
        Vector(rule: "a closer matches its own kind and closes what opened inside", text: "See [RFC (x]. Then more.", sentences: ["See [RFC (x].", "Then more."]),
        Vector(rule: "a closer of the other kind alone encloses nothing", text: "X [a. B) c. D.", sentences: ["X [a.", "B) c.", "D."]),
        Vector(rule: "nested parentheses are one passage", text: "A ((b. C) d. E) f. G.", sentences: ["A ((b. C) d. E) f.", "G."]),
        Vector(rule: "a pair after a closed one", text: "One (a. B) c (d. E) f. Two.", sentences: ["One (a. B) c (d. E) f.", "Two."]),
        Vector(rule: "a terminator quoted as a character is named, not used (RFC 7542 3.3.1)",
               text: "Then the part before the (non-escaped) '!' MUST be a realm. A \".\" Separates labels. It ends with '.'. Next.",
               sentences: ["Then the part before the (non-escaped) '!' MUST be a realm.", "A \".\" Separates labels.", "It ends with '.'.", "Next."]),
        Vector(rule: "the dot that ends a quoted name ends no sentence (RFC 6762 3); a quoted word's does",
               text: "Any query for a name ending with \".local.\" MUST be sent there. \"254.169.in-addr.arpa.\" SHOULD be too. It says \"protect.\" Then \"a b.\" Ends.",
               sentences: ["Any query for a name ending with \".local.\" MUST be sent there.", "\"254.169.in-addr.arpa.\" SHOULD be too.", "It says \"protect.\"", "Then \"a b.\"", "Ends."]),
    ]

    @Test(arguments: vectors) func segments(_ v: Vector) {
        #expect(SentenceSegmenter.sentences(in: v.text) == v.sentences)
    }
}

@Suite struct KeywordScannerTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var keywords: [String]
        var quoted: [Bool]
        var compound: [Bool]? = nil
        var testDescription: String { rule }
    }

    static let vectors: [Vector] = [
        Vector(rule: "MUST NOT is one keyword", text: "It MUST NOT send.", keywords: ["MUST NOT"], quoted: [false]),
        Vector(rule: "MUST NOT across a line break", text: "It MUST\n   NOT send.", keywords: ["MUST NOT"], quoted: [false]),
        Vector(rule: "MUST NOT with a no-break space (xml2rfc's &nbsp;)", text: "It MUST\u{00A0}NOT send.", keywords: ["MUST NOT"], quoted: [false]),
        Vector(rule: "NOT RECOMMENDED longest first", text: "This is NOT RECOMMENDED.", keywords: ["NOT RECOMMENDED"], quoted: [false]),
        Vector(rule: "lowercase is not a keyword", text: "It must not and may.", keywords: [], quoted: []),
        Vector(rule: "word boundary: MAYBE", text: "MAYBE MUSTARD SHOULDER", keywords: [], quoted: []),
        Vector(rule: "underscore is a word character", text: "FLAG_REQUIRED", keywords: [], quoted: []),
        Vector(rule: "two levels", text: "It MUST NOT send, but SHOULD log.", keywords: ["MUST NOT", "SHOULD"], quoted: [false, false]),
        Vector(rule: "quoted keyword", text: "the word \"MUST\" here", keywords: ["MUST"], quoted: [true]),
        Vector(rule: "curly quoted keyword", text: "the word \u{201C}SHOULD\u{201D} here", keywords: ["SHOULD"], quoted: [true]),
        Vector(rule: "SHALL NOT", text: "X SHALL NOT Y; Z SHALL.", keywords: ["SHALL NOT", "SHALL"], quoted: [false, false]),
        Vector(rule: "NOT alone is nothing", text: "NOT this, OPTIONAL that", keywords: ["OPTIONAL"], quoted: [false]),
        Vector(rule: "MUST NOTIFY is MUST", text: "It MUST NOTIFY.", keywords: ["MUST"], quoted: [false]),
        Vector(rule: "a keyword joined by a hyphen is part of a name", text: "PASSWORD-REQUIRED, a MUST-have, NOT-OPTIONAL; -MAY, SHOULD- and (MUST)",
               keywords: ["REQUIRED", "MUST", "OPTIONAL", "MAY", "SHOULD", "MUST"], quoted: [false, false, false, false, false, false],
               compound: [true, true, true, false, false, false]),
    ]

    @Test(arguments: vectors) func scans(_ v: Vector) {
        let found = KeywordScanner.occurrences(in: v.text)
        #expect(found.map(\.keyword.rawValue) == v.keywords)
        #expect(found.map(\.isQuoted) == v.quoted)
        #expect(found.map(\.isCompound) == (v.compound ?? v.keywords.map { _ in false }))
    }
}

@Suite struct TopicTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var topics: [String]
        var testDescription: String { rule }
    }

    static let vectors: [Vector] = [
        Vector(rule: "PF_KEY", text: "the PF_KEY API", topics: ["pfkey"]),
        Vector(rule: "[PFKEY] citation", text: "see [PFKEY] for", topics: ["pfkey"]),
        Vector(rule: "SADB_ prefix", text: "uses the SADB_ACQUIRE message", topics: ["pfkey"]),
        Vector(rule: "sadb_ prefix", text: "the sadb_x_policy extension", topics: ["pfkey"]),
        Vector(rule: "SADB alone is not SADB_", text: "the SADB holds SAs", topics: []),
        Vector(rule: "Traffic Selectors plural, any case", text: "two traffic selectors", topics: ["ts"]),
        Vector(rule: "Traffic Selectors is not the SPD's selectors", text: "Traffic Selectors are sent", topics: ["ts"]),
        Vector(rule: "TSi and TSr", text: "TSi and TSr are narrowed", topics: ["ts"]),
        Vector(rule: "narrowing", text: "Narrowing happens", topics: ["ts"]),
        Vector(rule: "TS payloads", text: "Two TS payloads appear", topics: ["ts"]),
        Vector(rule: "SPD and SPDs", text: "the SPDs are consistent", topics: ["spd"]),
        Vector(rule: "Security Policy Database", text: "its Security Policy Database (SPD)", topics: ["spd"]),
        Vector(rule: "SAD word", text: "the SAD entry", topics: ["spd"]),
        Vector(rule: "selector alone", text: "a \"protect\" selector in", topics: ["spd"]),
        Vector(rule: "TSIG is not TSi", text: "TSIG records", topics: []),
    ]

    @Test(arguments: vectors) func tags(_ v: Vector) {
        let topics = Set(TopicTable.standard.mentions(in: v.text).map(\.topic.rawValue))
        #expect(topics == Set(v.topics))
    }
}
