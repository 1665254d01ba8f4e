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

    public init(_ text: String, _ form: Form = .exact, plural: Bool = false, notAfter: [String] = []) {
        self.text = text
        self.form = form
        self.plural = plural
        self.notAfter = notAfter
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
            TopicTerm("narrowing", .anyCase),
        ]),
        TopicVocabulary(topic: .spd, title: "SPD and SAD", terms: [
            TopicTerm("SPD", plural: true),
            TopicTerm("Security Policy Database", .anyCase, plural: true),
            TopicTerm("SAD"),
            TopicTerm("Security Association Database", .anyCase, plural: true),
            TopicTerm("selector", .anyCase, plural: true, notAfter: ["traffic"]),
        ]),
    ])

    public var topics: [Topic] { vocabularies.map(\.topic) }

    /// Every mention of every topic in `text`, in text order.
    public func mentions(in text: String) -> [TopicMention] { mentions(in: Array(text.utf8)) }

    public func mentions(in bytes: [UInt8]) -> [TopicMention] {
        var out: [TopicMention] = []
        for vocabulary in vocabularies {
            for term in vocabulary.terms {
                for range in Self.find(term, in: bytes) {
                    out.append(TopicMention(topic: vocabulary.topic, range: range))
                }
            }
        }
        return out.sorted { ($0.range.lowerBound, $0.topic) < ($1.range.lowerBound, $1.topic) }
    }

    static func find(_ term: TopicTerm, in bytes: [UInt8]) -> [Range<Int>] {
        let pattern = Array(term.text.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return [] }
        let caseless = term.form == .anyCase
        let firstLower = Bytes.lower(first)
        var out: [Range<Int>] = []
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            let b = bytes[i]
            if caseless ? Bytes.lower(b) != firstLower : b != first { i += 1; continue }
            if i > 0, Bytes.isWord(bytes[i - 1]) { i += 1; continue }
            var ok = true
            for k in 1..<max(1, pattern.count) {
                let c = bytes[i + k], p = pattern[k]
                if caseless ? Bytes.lower(c) != Bytes.lower(p) : c != p {
                    ok = false
                    break
                }
            }
            guard ok else { i += 1; continue }
            var end = i + pattern.count
            switch term.form {
            case .prefix:
                guard end < bytes.count, Bytes.isWord(bytes[end]) else { i += 1; continue }
                while end < bytes.count, Bytes.isWord(bytes[end]) { end += 1 }
            case .exact, .anyCase:
                if term.plural, end < bytes.count, bytes[end] == 0x73 { end += 1 }
                if end < bytes.count, Bytes.isWord(bytes[end]) { i += 1; continue }
            }
            if !term.notAfter.isEmpty, Self.preceded(bytes, at: i, byAnyOf: term.notAfter) { i = end; continue }
            out.append(i..<end)
            i = end
        }
        return out
    }

    private static func preceded(_ bytes: [UInt8], at index: Int, byAnyOf words: [String]) -> Bool {
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
