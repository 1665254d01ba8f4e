import DraftDocument
import Foundation
import Linking
import Normative

/// The review of one document as plain values: what `draftcheck review --format json`
/// writes, and what the text and Markdown formats render. Its JSON keys are exactly
/// `document`, `keywordCount`, `statements`, `findings`; each statement has `id`,
/// `section`, `paragraph`, `sentence`, `line`, `levels`, `topics`, `text`, and, once
/// checks are linked, `status` and `checks` (omitted while nil).
public struct ReviewReport: Codable, Hashable, Sendable {
    public var document: ReviewDocument
    /// Uppercase BCP 14 keyword occurrences outside the boilerplate, whole document
    /// (not affected by the filter).
    public var keywordCount: Int
    public var statements: [ReviewStatement]
    public var findings: [ReviewFinding]

    public init(document: ReviewDocument, keywordCount: Int, statements: [ReviewStatement], findings: [ReviewFinding]) {
        self.document = document
        self.keywordCount = keywordCount
        self.statements = statements
        self.findings = findings
    }

    /// The report of `analysis`, statements narrowed by `filter`; findings are all shown.
    public init(_ analysis: NormativeAnalysis, filter: StatementFilter = StatementFilter()) {
        self.init(document: ReviewDocument(analysis.metadata), keywordCount: analysis.keywordCount,
                  statements: Self.reviewStatements(filter.apply(analysis.statements)),
                  findings: analysis.findings.map(ReviewFinding.init))
    }

    /// The statements as the report shows them, made on every core when there are many
    /// (871,200 in a 50 MB draft). Neighbours mostly share their keyword and topic lists
    /// (one sentence, several statements): the names are made once per list and shared,
    /// not once per statement.
    static func reviewStatements(_ statements: [Statement]) -> [ReviewStatement] {
        let n = statements.count
        let workers = n >= 1 << 16 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        return [ReviewStatement](unsafeUninitializedCapacity: n) { buffer, initialized in
            let out = SharedBuffer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: workers) { part in
                guard let base = out.base else { return }
                var levels: (of: [BCP14Keyword], names: [String]) = ([], [])
                var topics: (of: [Topic], names: [String]) = ([], [])
                // Each part fills its own contiguous range of the buffer. Statements are
                // read in place: a copy would retain every field (the file name too, which
                // every statement shares, from both cores at once).
                statements.withUnsafeBufferPointer { all in
                    for i in (n * part / workers)..<(n * (part + 1) / workers) {
                        if all[i].levels != levels.of { levels = (all[i].levels, all[i].levels.map(\.rawValue)) }
                        if all[i].topics != topics.of { topics = (all[i].topics, all[i].topics.map(\.rawValue)) }
                        (base + i).initialize(to: ReviewStatement(all[i], levels: levels.names, topics: topics.names))
                    }
                }
            }
            initialized = n
        }
    }

    /// The start of a buffer that several threads fill, each its own range.
    private struct SharedBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<ReviewStatement>?
    }

    /// Counts by keyword and by topic over the statements shown.
    public var summary: ReviewSummary { ReviewSummary(statements) }
}

public struct ReviewDocument: Codable, Hashable, Sendable {
    /// The document's full name: docName with revision, or "rfcNNNN".
    public var name: String
    /// The name without revision: the first part of statement ids.
    public var series: String
    public var revision: String?
    public var title: String
    public var file: String
    public var format: String

    public init(_ m: Metadata) {
        name = m.rfcNumber.map { "rfc\($0)" } ?? m.docName ?? m.seriesName
        series = m.seriesName
        revision = m.revision
        title = m.title
        file = m.file
        format = m.format.rawValue
    }
}

public struct ReviewStatement: Codable, Hashable, Sendable {
    public var id: String
    public var section: String
    public var paragraph: Int
    public var sentence: Int
    public var line: Int
    /// BCP 14 phrases as written ("MUST NOT").
    public var levels: [String]
    public var topics: [String]
    public var text: String
    /// Set by linking (JSON: "supported", "contradicted", "stale", "unlinked", ...).
    public var status: StatementStatus?
    /// Set by linking: the ids of the checks linked to this statement.
    public var checks: [String]?
    /// Set by linking when the status is `exempt`: why no check judges it.
    public var exemption: ReviewExemption?

    /// Where the keywords and topic terms are in `text` (UTF-8 offsets), for highlighting;
    /// not part of the JSON.
    public var keywordRanges: [Range<Int>] = []
    public var topicRanges: [Range<Int>] = []
    /// The section's title, for headings; not part of the JSON.
    public var sectionTitle: String = ""

    enum CodingKeys: String, CodingKey {
        case id, section, paragraph, sentence, line, levels, topics, text, status, checks, exemption
    }

    public init(_ s: Statement) {
        self.init(s, levels: s.levels.map(\.rawValue), topics: s.topics.map(\.rawValue))
    }

    /// `s` with its keyword and topic names already made.
    init(_ s: Statement, levels: [String], topics: [String]) {
        id = s.id
        section = s.position.section
        paragraph = s.position.paragraph
        sentence = s.position.sentence
        line = s.position.line
        self.levels = levels
        self.topics = topics
        text = s.text
        keywordRanges = s.keywordRanges
        topicRanges = s.topicRanges
        sectionTitle = s.position.sectionTitle
    }

    /// A linked statement: the same fields, with its status and the checks behind it.
    public init(_ s: LinkedStatement) {
        id = s.statement.id
        section = s.statement.section
        paragraph = s.statement.paragraph
        sentence = s.statement.sentence
        line = s.statement.location.line
        levels = s.statement.levels
        topics = s.statement.topics
        text = s.statement.text
        status = s.status
        checks = s.checkIDs
        exemption = s.exemption.map(ReviewExemption.init)
        sectionTitle = s.statement.sectionTitle
    }
}

/// An exempt statement's reason (one of the fixed list) and its one sentence.
public struct ReviewExemption: Codable, Hashable, Sendable {
    public var reason: String
    public var note: String

    public init(_ e: Exemption) {
        reason = e.reason.rawValue
        note = e.note
    }
}

public struct ReviewFinding: Codable, Hashable, Sendable {
    public var code: String
    public var severity: String
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    public var section: String?

    public init(_ f: NormativeFinding) {
        code = f.code.rawValue
        severity = f.severity.rawValue
        message = f.message
        file = f.location.file
        line = f.location.line
        column = f.location.column
        section = f.section
    }

    /// `FILE:LINE:COL: warning: message [code]`, the form editors and CI annotate.
    public var compilerStyle: String { "\(file):\(line):\(column): \(severity): \(message) [\(code)]" }
}

/// Counts over the statements a review shows.
public struct ReviewSummary: Hashable, Sendable {
    public var statements: Int
    /// Per BCP 14 phrase, in RFC 2119 order, only those present.
    public var byLevel: [(level: String, count: Int)]
    /// Statements without a keyword (topical only).
    public var topicalOnly: Int
    public var byTopic: [(topic: String, count: Int)]

    init(_ statements: [ReviewStatement]) {
        self.statements = statements.count
        // One pass, read in place, counting in short lists (a few keywords and topics):
        // filtering per keyword and topic copied every statement ~15 times, and a
        // dictionary hashed every name of every statement (871,200 in a 50 MB draft).
        var levels: [(name: String, count: Int)] = [], topics: [(name: String, count: Int)] = []
        var topical = 0
        func count(_ names: [String], into list: inout [(name: String, count: Int)]) {
            for (i, name) in names.enumerated() where !names[..<i].contains(name) {
                if let k = list.firstIndex(where: { $0.name == name }) { list[k].count += 1 } else { list.append((name, 1)) }
            }
        }
        statements.withUnsafeBufferPointer { all in
            for i in all.indices {
                if all[i].levels.isEmpty { topical += 1 }
                count(all[i].levels, into: &levels)
                count(all[i].topics, into: &topics)
            }
        }
        topicalOnly = topical
        func counted(_ name: String, in list: [(name: String, count: Int)]) -> (String, Int)? {
            list.first { $0.name == name }.map { (name, $0.count) }
        }
        byLevel = BCP14Keyword.allCases.compactMap { counted($0.rawValue, in: levels) }
        byTopic = TopicTable.standard.topics.compactMap { counted($0.rawValue, in: topics) }
    }

    public static func == (a: ReviewSummary, b: ReviewSummary) -> Bool {
        a.statements == b.statements && a.topicalOnly == b.topicalOnly
            && a.byLevel.map(\.level) == b.byLevel.map(\.level) && a.byLevel.map(\.count) == b.byLevel.map(\.count)
            && a.byTopic.map(\.topic) == b.byTopic.map(\.topic) && a.byTopic.map(\.count) == b.byTopic.map(\.count)
    }

    public func hash(into h: inout Hasher) { h.combine(statements) }

    /// "12 statements: MUST 4, SHOULD 2, topical only 6; topics: pfkey 1, spd 3"
    public var line: String {
        var parts = byLevel.map { "\($0.level) \($0.count)" }
        if topicalOnly > 0 { parts.append("topical only \(topicalOnly)") }
        var out = "\(statements) statement\(statements == 1 ? "" : "s")"
        if !parts.isEmpty { out += ": " + parts.joined(separator: ", ") }
        if !byTopic.isEmpty { out += "; topics: " + byTopic.map { "\($0.topic) \($0.count)" }.joined(separator: ", ") }
        return out
    }
}
