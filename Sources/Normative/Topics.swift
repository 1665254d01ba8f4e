/// A subject draftcheck tracks. Sentences that mention one are statements even without a
/// BCP 14 keyword (the seed's "... although it only applies to IKEv1" has none).
public struct Topic: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// PF_KEY (RFC 2367) and its SADB messages.
    public static let pfkey = Topic(rawValue: "pfkey")
    /// IKEv2 Traffic Selectors (RFC 7296 sections 2.9, 3.13).
    public static let ts = Topic(rawValue: "ts")
    /// The SPD and SAD of the IPsec architecture (RFC 4301 section 4.4).
    public static let spd = Topic(rawValue: "spd")

    public var description: String { rawValue }
    public static func < (a: Topic, b: Topic) -> Bool { a.rawValue < b.rawValue }
}

/// One way a topic shows up in text.
public struct TopicTerm: Hashable, Sendable {
    public enum Form: Hashable, Sendable {
        /// The exact spelling, on word boundaries ("PF_KEY", "TSi").
        case exact
        /// Any ASCII case ("traffic selector", "Traffic Selector").
        case anyCase
        /// A prefix followed by more word characters ("SADB_" matches "SADB_ACQUIRE").
        case prefix
    }

    public var text: String
    public var form: Form
    /// Also match with a trailing "s" ("SPDs", "Traffic Selectors").
    public var plural: Bool
    /// Not a match when directly preceded by one of these (any case, one space between):
    /// "selectors" belongs to the SPD unless it is "Traffic Selectors".
    public var notAfter: [String]
    /// A common word that names the topic only in a document that names it otherwise too:
    /// "selector" is the SPD's in RFC 4301, a TLSA record's field in RFC 6698 and an IPv6
    /// header field's kind in RFC 8200; "narrowing" is IKEv2's only beside its Traffic
    /// Selectors.
    public var needsContext: Bool

    public init(_ text: String, _ form: Form = .exact, plural: Bool = false, notAfter: [String] = [], needsContext: Bool = false) {
        self.text = text
        self.form = form
        self.plural = plural
        self.notAfter = notAfter
        self.needsContext = needsContext
    }
}

/// A topic and the words that name it.
public struct TopicVocabulary: Hashable, Sendable {
    public var topic: Topic
    public var title: String
    public var terms: [TopicTerm]

    public init(topic: Topic, title: String, terms: [TopicTerm]) {
        self.topic = topic
        self.title = title
        self.terms = terms
    }
}

/// A topic term found in a run of text, by UTF-8 byte offsets.
public struct TopicMention: Hashable, Sendable {
    public var topic: Topic
    public var range: Range<Int>
}

/// The one table of tracked topics. To track another subject, add a row here.
public struct TopicTable: Hashable, Sendable {
    public var vocabularies: [TopicVocabulary]

    public init(_ vocabularies: [TopicVocabulary]) { self.vocabularies = vocabularies }

    public static let standard = TopicTable([
        TopicVocabulary(topic: .pfkey, title: "PF_KEY", terms: [
            TopicTerm("PF_KEY"), TopicTerm("PFKEY"), TopicTerm("PF_KEYv2"), TopicTerm("PFKEYv2"),
            TopicTerm("SADB_", .prefix), TopicTerm("sadb_", .prefix),
        ]),
        TopicVocabulary(topic: .ts, title: "Traffic Selectors", terms: [
            TopicTerm("Traffic Selector", .anyCase, plural: true),
            TopicTerm("TSi"), TopicTerm("TSr"),
            TopicTerm("TS payload", .anyCase, plural: true),
            TopicTerm("narrowing", .anyCase, needsContext: true),
        ]),
        TopicVocabulary(topic: .spd, title: "SPD and SAD", terms: [
            TopicTerm("SPD", plural: true),
            TopicTerm("Security Policy Database", .anyCase, plural: true),
            TopicTerm("SAD"),
            TopicTerm("Security Association Database", .anyCase, plural: true),
            TopicTerm("selector", .anyCase, plural: true, notAfter: ["traffic"], needsContext: true),
        ]),
    ])

    public var topics: [Topic] { vocabularies.map(\.topic) }

    /// Whether `matched` (the text of a mention) is a term that needs context, in any of
    /// the spellings the term matches (a plural's "s" too).
    public func needsContext(_ matched: Substring) -> Bool {
        let lower = matched.lowercased()
        return vocabularies.contains { vocabulary in
            vocabulary.terms.contains { term in
                guard term.needsContext else { return false }
                let text = term.form == .exact ? term.text : term.text.lowercased()
                let seen = term.form == .exact ? String(matched) : lower
                return seen == text || (term.plural && seen == text + "s")
            }
        }
    }

    /// Every mention of every topic in `text`, in text order.
    public func mentions(in text: String) -> [TopicMention] { mentions(in: Array(text.utf8)) }

    public func mentions(in bytes: [UInt8]) -> [TopicMention] { TopicMatcher(self).mentions(in: bytes) }

    static func preceded(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, byAnyOf words: [String]) -> Bool {
        var j = index
        guard j > 0, Bytes.isSpace(bytes[j - 1]) else { return false }
        while j > 0, Bytes.isSpace(bytes[j - 1]) { j -= 1 }
        for word in words {
            let w = Array(word.utf8)
            guard j >= w.count else { continue }
            let start = j - w.count
            if (0..<w.count).allSatisfy({ Bytes.lower(bytes[start + $0]) == Bytes.lower(w[$0]) }),
               start == 0 || !Bytes.isWord(bytes[start - 1]) {
                return true
            }
        }
        return false
    }
}

/// A topic table compiled for scanning: every term is tried in one pass over the text, at
/// word starts whose byte can begin some term, instead of one pass per term. Build it once
/// and reuse it for many runs of text. Matches are those of scanning each term on its own
/// (after a match a term resumes at the match's end), in the same order.
struct TopicMatcher {
    /// One term, as plain values (no references to count in the scanning loop).
    struct Term {
        var topic: Int
        /// The pattern's bytes in `patterns` (lowercased for a case-insensitive term).
        var start: Int
        var count: Int
        var caseless: Bool
        var prefix: Bool
        var plural: Bool
        /// Index in `notAfter`, or -1.
        var notAfter: Int
    }

    private var topics: [Topic] = []
    private var terms: [Term] = []
    private var patterns: [UInt8] = []
    private var notAfter: [[String]] = []
    /// 64-bit words per byte value in `startMasks`.
    private var words = 1
    /// For each byte value b, the bit set of the terms (table order) that can start with b.
    private var startMasks: [UInt64] = []
    /// For each byte value b, the terms whose second byte can be b (terms of one byte are in
    /// every row); row 256 is the end of the text, where only those of one byte can match.
    private var secondMasks: [UInt64] = []

    init(_ table: TopicTable) {
        var firsts: [[UInt8]] = []
        var seconds: [[UInt8]?] = []
        for vocabulary in table.vocabularies {
            let topic = topics.count
            topics.append(vocabulary.topic)
            for term in vocabulary.terms {
                let caseless = term.form == .anyCase
                let pattern = Array(term.text.utf8).map { caseless ? Bytes.lower($0) : $0 }
                guard let first = pattern.first else { continue }
                var na = -1
                if !term.notAfter.isEmpty { na = notAfter.count; notAfter.append(term.notAfter) }
                terms.append(Term(topic: topic, start: patterns.count, count: pattern.count, caseless: caseless,
                                  prefix: term.form == .prefix, plural: term.plural, notAfter: na))
                patterns += pattern
                firsts.append(caseless && Bytes.isLower(first) ? [first, first - 32] : [first])
                seconds.append(pattern.count < 2 ? nil : caseless && Bytes.isLower(pattern[1]) ? [pattern[1], pattern[1] - 32] : [pattern[1]])
            }
        }
        words = max(1, (terms.count + 63) / 64)
        startMasks = [UInt64](repeating: 0, count: 256 * words)
        for (t, bytes) in firsts.enumerated() {
            for b in bytes { startMasks[Int(b) * words + t / 64] |= 1 << UInt64(t % 64) }
        }
        secondMasks = [UInt64](repeating: 0, count: 257 * words)
        for (t, bytes) in seconds.enumerated() {
            for row in bytes.map({ $0.map(Int.init) }) ?? Array(0...256) { secondMasks[row * words + t / 64] |= 1 << UInt64(t % 64) }
        }
    }

    /// Every mention of every topic in `bytes`, in text order (ties: topic, then table order).
    func mentions(in bytes: [UInt8]) -> [TopicMention] {
        var out: [TopicMention] = []
        let n = bytes.count
        guard !terms.isEmpty, n > 0 else { return out }
        // Where each term may next match: a term does not match inside its own last match.
        var resume = [Int](repeating: 0, count: terms.count)
        bytes.withUnsafeBufferPointer { text in
            terms.withUnsafeBufferPointer { terms in
                patterns.withUnsafeBufferPointer { patterns in
                    startMasks.withUnsafeBufferPointer { firstMasks in
                        secondMasks.withUnsafeBufferPointer { secondMasks in
                            for i in 0..<n where i == 0 || !Bytes.isWord(text[i - 1]) {
                                // Only the terms whose first two bytes are these two are tried.
                                let first = Int(text[i]) * words
                                let second = (i + 1 < n ? Int(text[i + 1]) : 256) * words
                                for w in 0..<words {
                                    var mask = firstMasks[first + w] & secondMasks[second + w]
                                    while mask != 0 {
                                        let t = w * 64 + mask.trailingZeroBitCount
                                        mask &= mask - 1
                                        guard resume[t] <= i, let hit = match(terms[t], patterns, text, at: i) else { continue }
                                        resume[t] = hit.resume
                                        if hit.isMention { out.append(TopicMention(topic: topics[terms[t].topic], range: i..<hit.resume)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if out.count > 1 {
            out.sort { ($0.range.lowerBound, $0.topic) < ($1.range.lowerBound, $1.topic) }
        }
        return out
    }

    /// A term matching at `i`: the match's end (where the term's scan resumes), and whether
    /// it is a mention (not when ruled out by the word before it, `notAfter`).
    private func match(_ t: Term, _ patterns: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>,
                       at i: Int) -> (resume: Int, isMention: Bool)? {
        let n = text.count
        guard i + t.count <= n else { return nil }
        if t.caseless {
            for k in 0..<t.count where Bytes.lower(text[i + k]) != patterns[t.start + k] { return nil }
        } else {
            for k in 0..<t.count where text[i + k] != patterns[t.start + k] { return nil }
        }
        var end = i + t.count
        if t.prefix {
            guard end < n, Bytes.isWord(text[end]) else { return nil }
            while end < n, Bytes.isWord(text[end]) { end += 1 }
        } else {
            if t.plural, end < n, text[end] == 0x73 { end += 1 }
            if end < n, Bytes.isWord(text[end]) { return nil }
        }
        if t.notAfter >= 0, TopicTable.preceded(text, at: i, byAnyOf: notAfter[t.notAfter]) { return (end, false) }
        return (end, true)
    }
}
