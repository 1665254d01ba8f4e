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
        self.init(head: analysis)
        statements = Self.reviewStatements(filter.apply(analysis.statements))
    }

    /// The report of `analysis` without its statements.
    init(head analysis: NormativeAnalysis) {
        self.init(document: ReviewDocument(analysis.metadata), keywordCount: analysis.keywordCount,
                  statements: [], findings: analysis.findings.map(ReviewFinding.init))
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
                var names = ReviewStatement.Names()
                // Each part fills its own contiguous range of the buffer. Statements are
                // read in place: a copy would retain every field (the file name too, which
                // every statement shares, from both cores at once).
                statements.withUnsafeBufferPointer { all in
                    for i in (n * part / workers)..<(n * (part + 1) / workers) {
                        (base + i).initialize(to: names.review(all.baseAddress! + i))
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
        let named = m.rfcNumber.map { "rfc\($0)" } ?? m.docName ?? m.seriesName
        // A document that names itself nowhere (a fragment, notes) is known by its file.
        name = named.isEmpty ? Self.fileStem(m.file) : named
        series = m.seriesName
        revision = m.revision
        title = m.title
        file = m.file
        format = m.format.rawValue
    }
}

extension ReviewDocument {
    /// "notes" for "/tmp/notes.txt".
    static func fileStem(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
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
    /// What a statement with no subject of its own is said of (`Statement.leadIn`: "A
    /// server compliant with this specification:"); JSON "leadIn", left out while nil.
    public var leadIn: String?
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
        case id, section, paragraph, sentence, line, levels, topics, text, leadIn, status, checks, exemption
    }

    /// Statements as the report shows them, each made as it is read.
    struct Streamed: Sequence {
        let statements: [Statement]

        init(_ statements: [Statement]) { self.statements = statements }

        func makeIterator() -> Iterator { Iterator(statements: statements) }

        struct Iterator: IteratorProtocol {
            let statements: [Statement]
            var index = 0
            var names = Names()

            mutating func next() -> ReviewStatement? {
                guard index < statements.count else { return nil }
                defer { index += 1 }
                // Read in place: the array's subscript copies the statement (a retain and a
                // release of each of its ten references, for fields the report copies anyway),
                // and so does a buffer's.
                return statements.withUnsafeBufferPointer { names.review($0.baseAddress! + index) }
            }
        }
    }

    /// Statements as the report shows them, their keyword and topic names made once per
    /// run of neighbours with the same lists (one sentence, several statements) and shared.
    struct Names {
        private var levels: (of: [BCP14Keyword], names: [String]) = ([], [])
        private var topics: (of: [Topic], names: [String]) = ([], [])

        /// One keyword's name list, shared by the statements of that keyword this one makes:
        /// neighbours of one sentence alternate keywords ("MUST ... SHOULD ... MAY"). Each
        /// maker has its own: a list shared by makers on several cores would have its
        /// reference count written from all of them at once.
        private var keywordNames = [[String]?](repeating: nil, count: BCP14Keyword.allCases.count)

        /// The statement at `p`, read field by field where it lies.
        mutating func review(_ p: UnsafePointer<Statement>) -> ReviewStatement {
            if p.pointee.levels != levels.of {
                let of = p.pointee.levels
                if of.count == 1 {
                    let keyword = of[0]
                    let names = keywordNames[keyword.ordinal] ?? [keyword.rawValue]
                    keywordNames[keyword.ordinal] = names
                    levels = (of, names)
                } else {
                    levels = (of, of.map(\.rawValue))
                }
            }
            if p.pointee.topics != topics.of { topics = (p.pointee.topics, p.pointee.topics.map(\.rawValue)) }
            return ReviewStatement(p, levels: levels.names, topics: topics.names)
        }
    }
}

// The initialisers call the memberwise one, kept by declaring them here: a statement made
// by an initialiser that sets its fields one by one was copied whole and the original
// destroyed where it was returned (a retain and a release of each reference, for every
// statement a report shows).
extension ReviewStatement {
    public init(_ s: Statement) {
        self = withUnsafePointer(to: s) { Self($0, levels: s.levels.map(\.rawValue), topics: s.topics.map(\.rawValue)) }
    }

    /// The statement at `p` with its keyword and topic names already made. Taken by
    /// pointer: passed by value, even `borrowing`, the statement was copied whole to be
    /// read (from an array's or a buffer's subscript).
    init(_ p: UnsafePointer<Statement>, levels: [String], topics: [String]) {
        self.init(id: p.pointee.id, section: p.pointee.position.section, paragraph: p.pointee.position.paragraph,
                  sentence: p.pointee.position.sentence, line: p.pointee.position.line, levels: levels, topics: topics,
                  text: p.pointee.text, leadIn: p.pointee.leadIn, keywordRanges: p.pointee.keywordRanges,
                  topicRanges: p.pointee.topicRanges, sectionTitle: p.pointee.position.sectionTitle)
    }

    /// A linked statement: the same fields, with its status and the checks behind it.
    public init(_ s: LinkedStatement) {
        self.init(id: s.statement.id, section: s.statement.section, paragraph: s.statement.paragraph,
                  sentence: s.statement.sentence, line: s.statement.location.line, levels: s.statement.levels,
                  topics: s.statement.topics, text: s.statement.text, leadIn: s.statement.leadIn, status: s.status,
                  checks: s.checkIDs, exemption: s.exemption.map(ReviewExemption.init), sectionTitle: s.statement.sectionTitle)
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
        var tally = Tally()
        statements.withUnsafeBufferPointer { all in
            for i in all.indices { tally.add(all[i]) }
        }
        self = tally.summary
    }

    /// The counts taken one statement at a time (as a streamed report is written), in
    /// short lists (a few keywords and topics): filtering per keyword and topic copied
    /// every statement ~15 times, and a dictionary hashed every name of every statement
    /// (871,200 in a 50 MB draft).
    struct Tally {
        private var count = 0, topical = 0
        private var levels: [(name: String, count: Int)] = [], topics: [(name: String, count: Int)] = []

        mutating func add(_ s: ReviewStatement) {
            count += 1
            if s.levels.isEmpty { topical += 1 }
            Self.count(s.levels, into: &levels)
            Self.count(s.topics, into: &topics)
        }

        private static func count(_ names: [String], into list: inout [(name: String, count: Int)]) {
            for (i, name) in names.enumerated() where !names[..<i].contains(name) {
                if let k = list.firstIndex(where: { $0.name == name }) { list[k].count += 1 } else { list.append((name, 1)) }
            }
        }

        var summary: ReviewSummary {
            func counted(_ name: String, in list: [(name: String, count: Int)]) -> (String, Int)? {
                list.first { $0.name == name }.map { (name, $0.count) }
            }
            return ReviewSummary(statements: count, byLevel: BCP14Keyword.allCases.compactMap { counted($0.rawValue, in: levels) },
                                 topicalOnly: topical, byTopic: TopicTable.standard.topics.compactMap { counted($0.rawValue, in: topics) })
        }
    }

    /// Walks `statements` in order as the reports lay them out: `section` before the first
    /// statement of each section, `each` for every statement; the counts over them all.
    static func walk<E: Error>(_ statements: some Sequence<ReviewStatement>, section: (ReviewStatement) throws(E) -> Void,
                               each: (ReviewStatement) throws(E) -> Void) throws(E) -> ReviewSummary {
        var current: String?
        var tally = Tally()
        for s in statements {
            tally.add(s)
            if s.section != current {
                current = s.section
                try section(s)
            }
            try each(s)
        }
        return tally.summary
    }

    private init(statements: Int, byLevel: [(level: String, count: Int)], topicalOnly: Int, byTopic: [(topic: String, count: Int)]) {
        self.statements = statements
        self.byLevel = byLevel
        self.topicalOnly = topicalOnly
        self.byTopic = byTopic
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
