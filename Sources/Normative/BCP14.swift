/// The eleven BCP 14 phrases (RFC 2119 section 1-5, RFC 8174): a keyword only when written
/// in capitals. Two-word phrases are one keyword ("MUST NOT" is not MUST plus NOT).
public enum BCP14Keyword: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case mustNot = "MUST NOT"
    case must = "MUST"
    case required = "REQUIRED"
    case shallNot = "SHALL NOT"
    case shall = "SHALL"
    case shouldNot = "SHOULD NOT"
    case should = "SHOULD"
    case notRecommended = "NOT RECOMMENDED"
    case recommended = "RECOMMENDED"
    case may = "MAY"
    case optional = "OPTIONAL"

    /// The three requirement strengths RFC 2119 defines; `--level` filters by these.
    public enum Strength: String, CaseIterable, Hashable, Sendable, Codable {
        /// MUST, MUST NOT, REQUIRED, SHALL, SHALL NOT (RFC 2119 sections 1-2).
        case must
        /// SHOULD, SHOULD NOT, RECOMMENDED, NOT RECOMMENDED (sections 3-4).
        case should
        /// MAY, OPTIONAL (section 5).
        case may
    }

    public var strength: Strength {
        switch self {
        case .must, .mustNot, .required, .shall, .shallNot: .must
        case .should, .shouldNot, .recommended, .notRecommended: .should
        case .may, .optional: .may
        }
    }

    /// The keyword an exact phrase names (white space between words already folded).
    public init?(phrase: String) {
        self.init(rawValue: phrase.whitespaceNormalizedASCII)
    }

    public static func < (lhs: BCP14Keyword, rhs: BCP14Keyword) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The keyword's place in `allCases`: an index into tables by keyword, which are read
    /// for every keyword of a document (a dictionary hashed each one).
    public var ordinal: Int {
        switch self {
        case .mustNot: 0
        case .must: 1
        case .required: 2
        case .shallNot: 3
        case .shall: 4
        case .shouldNot: 5
        case .should: 6
        case .notRecommended: 7
        case .recommended: 8
        case .may: 9
        case .optional: 10
        }
    }

    /// Longest phrase first, so "MUST NOT" wins over "MUST" at the same place.
    /// Each phrase's first two bytes are kept beside its words, to pass over the phrases a
    /// place cannot start without comparing them.
    static let scanOrder: [(keyword: BCP14Keyword, words: [[UInt8]], first: UInt8, second: UInt8)] =
        allCases.sorted { $0.rawValue.utf8.count > $1.rawValue.utf8.count }.map { k in
            let bytes = Array(k.rawValue.utf8)
            return (k, k.rawValue.split(separator: " ").map { Array($0.utf8) }, bytes[0], bytes[1])
        }
}

/// One uppercase keyword in a run of text, by UTF-8 byte offsets into that text.
public struct KeywordOccurrence: Hashable, Sendable {
    public var keyword: BCP14Keyword
    public var range: Range<Int>
    /// Written in quotes (`"MUST"`): the word is mentioned, not used as a requirement.
    public var isQuoted: Bool
    /// Joined by a hyphen to another word: part of a name ("PASSWORD-REQUIRED", an error
    /// code of RFC 9271 4.3.2) or of a compound ("a MUST-have"), not a requirement.
    public var isCompound = false

    /// Used as a requirement's keyword: neither mentioned in quotes nor part of a name.
    public var isUsed: Bool { !isQuoted && !isCompound }
}

/// Finds uppercase BCP 14 phrases in UTF-8 text. Words are bounded like a regular
/// expression's `\b` (letters, digits and `_` are word characters); the words of a
/// two-word phrase may be separated by any run of white space, line breaks and no-break
/// spaces included.
public enum KeywordScanner {
    public static func occurrences(in text: String) -> [KeywordOccurrence] {
        occurrences(in: Array(text.utf8))
    }

    public static func occurrences(in bytes: [UInt8]) -> [KeywordOccurrence] {
        var out: [KeywordOccurrence] = []
        var i = 0
        let n = bytes.count
        let order = BCP14Keyword.scanOrder
        while i < n {
            let b = bytes[i]
            // Every phrase starts with M, R, S, N, O.
            guard b == 0x4D || b == 0x52 || b == 0x53 || b == 0x4E || b == 0x4F,
                  i == 0 || !Bytes.isWord(bytes[i - 1]) || Bytes.quoteEnding(bytes, at: i) else {
                i += 1
                continue
            }
            var matched: (BCP14Keyword, Int)?
            // Only the phrases that start with this byte and the next are tried: most
            // capitals at a word start ("RFC", "SPD") begin none.
            let second: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            for entry in order where entry.first == b && entry.second == second {
                if let end = match(entry.words, in: bytes, at: i) { matched = (entry.keyword, end); break }
            }
            if let (keyword, end) = matched {
                out.append(KeywordOccurrence(keyword: keyword, range: i..<end, isQuoted: isQuoted(bytes, i, end), isCompound: Bytes.isHyphenated(bytes, i..<end)))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The end offset when `words` (separated by white space) start at `start` and end on a
    /// word boundary.
    private static func match(_ words: [[UInt8]], in bytes: [UInt8], at start: Int) -> Int? {
        var i = start
        for (w, word) in words.enumerated() {
            if w > 0 {
                let gap = i
                while i < bytes.count {
                    if Bytes.isSpace(bytes[i]) { i += 1 } else if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { i += 2 } else { break }
                }
                if i == gap { return nil }
            }
            guard i + word.count <= bytes.count else { return nil }
            for k in 0..<word.count where bytes[i + k] != word[k] { return nil }
            i += word.count
        }
        if i < bytes.count, Bytes.isWord(bytes[i]), !Bytes.quoteStarting(bytes, at: i) { return nil }
        return i
    }

    private static func isQuoted(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let before = Bytes.quoteEnding(bytes, at: start)
        let after = Bytes.quoteStarting(bytes, at: end)
        return before && after
    }
}

/// Lowercased sentence bytes searched for ASCII phrases.
struct LowercasedBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func contains(_ phrase: StaticString) -> Bool {
        let n = phrase.utf8CodeUnitCount
        guard n > 0, bytes.count >= n else { return n == 0 }
        let needle = UnsafeBufferPointer(start: phrase.utf8Start, count: n)
        let first = needle[0]
        var i = 0
        while i <= bytes.count - n {
            if bytes[i] == first {
                var k = 1
                while k < n, bytes[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}

/// Byte classes for ASCII-structured prose; non-ASCII bytes are letters.
enum Bytes {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || b >= 0x80 }
    /// `\b` word characters: letters, digits, underscore.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == 0x5F }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }

    /// The word at `range` is joined by a hyphen to a word before or after it.
    static func isHyphenated(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let (i, end) = (range.lowerBound, range.upperBound)
        return (i >= 2 && bytes[i - 1] == 0x2D && isWord(bytes[i - 2])) || (end + 1 < bytes.count && bytes[end] == 0x2D && isWord(bytes[end + 1]))
    }

    /// A straight or curly quote ends just before `index`.
    static func quoteEnding(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0 else { return false }
        let b = bytes[index - 1]
        if b == 0x22 || b == 0x27 { return true }
        // U+201C/U+201D/U+2018/U+2019 are E2 80 9C/9D/98/99.
        return index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80 && (0x98...0x9D).contains(b)
    }

    /// A straight or curly quote starts at `index`.
    static func quoteStarting(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let b = bytes[index]
        if b == 0x22 || b == 0x27 { return true }
        return index + 2 < bytes.count && b == 0xE2 && bytes[index + 1] == 0x80 && (0x98...0x9D).contains(bytes[index + 2])
    }
}

extension String {
    /// ASCII white space runs folded to one space, ends trimmed (cheap, for phrases).
    var whitespaceNormalizedASCII: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}

/// Counts by keyword, a slot each, for the extraction's tally of every keyword it reads;
/// a keyword never counted has no entry, as in a dictionary.
struct KeywordTally: Sendable {
    private var counts = [Int?](repeating: nil, count: BCP14Keyword.allCases.count)

    subscript(keyword: BCP14Keyword, default value: Int) -> Int {
        get { counts[keyword.ordinal] ?? value }
        set { counts[keyword.ordinal] = newValue }
    }

    mutating func add(_ other: KeywordTally) {
        for (i, count) in other.counts.enumerated() {
            if let count { counts[i] = (counts[i] ?? 0) + count }
        }
    }

    var dictionary: [BCP14Keyword: Int] {
        var out: [BCP14Keyword: Int] = [:]
        for keyword in BCP14Keyword.allCases {
            if let count = counts[keyword.ordinal] { out[keyword] = count }
        }
        return out
    }
}
