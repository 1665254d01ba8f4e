import DraftDocument
#if canImport(Glibc)
import Glibc
#endif

/// Where a statement stands in its document, in the terms reviewers write in mail
/// ("Section 2.9, paragraph 1").
public struct StatementPosition: Hashable, Sendable, Codable {
    /// The section number as xml2rfc renders it ("2.9", "A.1"); "abstract" for the
    /// abstract; for an unnumbered section its anchor, or its title in lowercase with
    /// dashes ("acknowledgements").
    public var section: String
    public var sectionTitle: String
    /// 1-based index of the top-level block in the section (a list counts as one).
    public var paragraph: Int
    /// 1-based index of the sentence within that block (list items continue the count).
    public var sentence: Int
    /// Source location of the sentence's first line.
    public var location: SourceLocation

    public var line: Int { location.line }

    public init(section: String, sectionTitle: String, paragraph: Int, sentence: Int, location: SourceLocation) {
        self.section = section
        self.sectionTitle = sectionTitle
        self.paragraph = paragraph
        self.sentence = sentence
        self.location = location
    }
}

/// A normative statement: one sentence (or list item) with a BCP 14 keyword, or about a
/// tracked topic. A sentence with two different keywords ("MUST NOT ... but SHOULD ...")
/// is one statement per keyword, each keeping the whole sentence.
public struct Statement: Hashable, Sendable, Codable, Identifiable {
    // `document` is declared before `id` so that the memberwise initialiser the public one
    // calls (in the extension below) has labels of its own. A statement made by an
    // initialiser that sets its fields one by one was copied whole and the original
    // destroyed wherever one was appended (a retain and a release of each of its ten
    // references; a tenth of a 50 MB draft's extraction); made by the memberwise
    // initialiser it is moved.

    /// The document's series name (revision stripped).
    public var document: String
    /// `<seriesName>/<section>/<hash>` (for example `draft-ietf-ipsecme-ikev2bis/2.9/3f9a1c`):
    /// the same for the same sentence in the same section of any revision. The hash is six
    /// hex digits of FNV-1a over the identity text (see `StatementIdentity`); where a
    /// sentence yields several statements the keyword is hashed too; a repeat of the same
    /// sentence in one section gets `-2`, `-3`.
    public var id: String
    public var position: StatementPosition
    /// The BCP 14 keyword of this statement (at most one); empty for a topical sentence.
    public var levels: [BCP14Keyword]
    public var topics: [Topic]
    /// The sentence, white space folded, line-break hyphenation rejoined.
    public var text: String
    /// UTF-8 byte ranges in `text` of the keywords (requirement uses, not quotations).
    public var keywordRanges: [Range<Int>]
    /// UTF-8 byte ranges in `text` of the topic terms.
    public var topicRanges: [Range<Int>]
    /// For a statement with no subject of its own (it opens with its keyword or a
    /// lower-case word), what it is said of: the term it defines ("grant_type" over
    /// "REQUIRED."), the label its paragraph opens with ("Critical (1 bit)"), the code its
    /// comment follows, or the sentence ending in a colon that introduces its list ("A
    /// server compliant with this specification:" over "MUST be able to ..."). Not part of
    /// the id.
    public var leadIn: String?

    public var section: String { position.section }

    /// The strongest requirement strength among `levels`, nil for a topical sentence.
    public var strength: BCP14Keyword.Strength? { levels.map(\.strength).min { $0.rank < $1.rank } }
}

extension Statement {
    public init(id: String, document: String, position: StatementPosition, levels: [BCP14Keyword], topics: [Topic], text: String, keywordRanges: [Range<Int>] = [], topicRanges: [Range<Int>] = [], leadIn: String? = nil) {
        self.init(document: document, id: id, position: position, levels: levels, topics: topics, text: text,
                  keywordRanges: keywordRanges, topicRanges: topicRanges, leadIn: leadIn)
    }
}

extension BCP14Keyword.Strength {
    var rank: Int {
        switch self {
        case .must: 0
        case .should: 1
        case .may: 2
        }
    }
}

/// The text forms a statement is identified and matched by.
public enum StatementIdentity {
    /// The text the id hashes: `text` as xml2rfc's text output prints it, so that a
    /// statement read from XML and from the text made of it has one id: curly quotes
    /// straightened, a non-breaking hyphen (`&nbhy;`) a hyphen, a no-break space (`&nbsp;`)
    /// a space, and the word joiner (`&wj;`) and zero-width space (`&zwsp;`) gone.
    public static func identityText(_ text: String) -> String {
        // All of them are E2 or C2 A0 in UTF-8: without those bytes there is nothing to do.
        var probe = text
        let special = probe.withUTF8 { utf8 -> Bool in
            guard let base = utf8.baseAddress else { return false }
            return memchr(base, 0xE2, utf8.count) != nil || memchr(base, 0xC2, utf8.count) != nil
        }
        guard special else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{2011}": out.append("-")
            case "\u{00A0}": out.append(" ")
            case "\u{2060}", "\u{200B}": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The "normalised" matching form: lowercase letters and digits only, every other run
    /// of characters one space ("CHILD_SA" and "Child SA" agree; "section 1.1.3" and
    /// "Section 1.1.3." agree).
    public static func matchingKey(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for b in text.utf8 {
            if Bytes.isLetter(b) || Bytes.isDigit(b) {
                if pending, !out.isEmpty { out.append(0x20) }
                pending = false
                out.append(Bytes.lower(b))
            } else {
                pending = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Six hex digits of the identity text's FNV-1a hash (64-bit, folded to 24 bits).
    /// Written here rather than with `Hasher`, which is seeded per process.
    public static func shortHash(_ text: String) -> String {
        hex(FNV1a().adding(text))
    }

    /// FNV-1a, 64-bit, fed in parts: a sentence's hash is taken once and continued with
    /// each keyword of a sentence that makes several statements.
    struct FNV1a {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325

        func adding(_ text: String) -> FNV1a {
            var copy = text
            return copy.withUTF8 { adding($0) }
        }

        func adding(_ bytes: UnsafeBufferPointer<UInt8>) -> FNV1a {
            var h = state
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            return FNV1a(state: h)
        }

        func adding(_ byte: UInt8) -> FNV1a {
            FNV1a(state: (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3)
        }

        /// Folded to 24 bits.
        var folded: UInt32 { UInt32(truncatingIfNeeded: (state ^ (state >> 24) ^ (state >> 48)) & 0xFF_FFFF) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Six lowercase hex digits, zero-padded.
    static func hex(_ hash: FNV1a) -> String {
        let v = hash.folded
        return String(unsafeUninitializedCapacity: 6) { buffer in
            for i in 0..<6 { buffer[i] = hexDigits[Int((v >> (20 - 4 * UInt32(i))) & 0xF)] }
            return 6
        }
    }
}
