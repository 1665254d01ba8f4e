import DraftDocument
import Foundation
import Linking
import Normative
import PropertyBased
import Reports
import Testing
import TestSupport

/// StableJSON must write exactly what Foundation's JSONEncoder writes with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`: the JSON contract every command
/// documents was set by it. These tests hold the two byte for byte.
@Suite struct StableJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    struct Edges: Encodable {
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[Int]] = [[], [1, 2], []]
        var keys: [String: Int] = ["a": 1, "B": 2, "a10": 3, "a9": 4, "_x": 5, "Z": 6, "ab": 7, "aB": 8, "é": 9, "": 10]
        var integral = 1.0
        var fraction = 0.1
        var large = 1e21
        var small = 2.5e-7
        var negative = -0.0
        var text = "a/b \"q\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} é \u{2028} 😀"
        var missing: Int? = nil
        var present: Int? = 3
        var bools = [true, false]
        var extremes: [Int64] = [.min, .max]
        var unsigned: UInt64 = .max
        var small8: Int8 = -128
        var inner = Inner()
    }

    struct Inner: Encodable {
        var explicitNull: String? = nil
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(explicitNull, forKey: .explicitNull)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            var object = list.nestedContainer(keyedBy: CodingKeys.self)
            try object.encode(2, forKey: .z)
            try object.encode(1, forKey: .a)
            var sub = c.nestedContainer(keyedBy: CodingKeys.self, forKey: .sub)
            try sub.encodeNil(forKey: .a)
            try "super".encode(to: c.superEncoder(forKey: .parent))
        }
        enum CodingKeys: String, CodingKey { case explicitNull, list, z, a, sub, parent }
    }

    @Test func edgeCasesMatchFoundation() throws {
        #expect(try StableJSON.encode(Edges()) == Self.foundation(Edges()))
    }

    @Test func topLevelScalarsAndEmptyContainers() throws {
        #expect(try StableJSON.encode(Optional<Int>.none) == "null")
        #expect(try StableJSON.encode([Int]()) == "[\n\n]")
        #expect(try StableJSON.encode([String: Int]()) == "{\n\n}")
        #expect(try StableJSON.encode("x") == Self.foundation("x"))
        #expect(try StableJSON.encode([["k": [Int]()]]) == "[\n  {\n    \"k\" : [\n\n    ]\n  }\n]")
    }

    @Test func nonFiniteNumbersAreRefusedWithTheirKey() {
        #expect(throws: JSONEncodingError.nonFiniteNumber(key: "x")) { try StableJSON.encode(["x": Double.nan]) }
        #expect(throws: JSONEncodingError.nonFiniteNumber(key: nil)) { try StableJSON.encode([Double.infinity]) }
    }

    /// A random JSON-shaped value: the property test's input.
    indirect enum Tree: Encodable {
        case int(Int), double(Double), string(String), bool(Bool), null
        case list([Tree]), object([String: Tree])

        func encode(to encoder: Encoder) throws {
            switch self {
            case .int(let v): try v.encode(to: encoder)
            case .double(let v): try v.encode(to: encoder)
            case .string(let v): try v.encode(to: encoder)
            case .bool(let v): try v.encode(to: encoder)
            case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
            case .list(let v): try v.encode(to: encoder)
            case .object(let v): try v.encode(to: encoder)
            }
        }

        static let alphabet = Array("aZ_9/\"\\\n\u{1}é😀 .".unicodeScalars)
        static let text = Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...6).map { String(String.UnicodeScalarView($0.map { alphabet[$0] })) }
        static let leaf = zip(Gen.int(in: 0...4), Gen.int(in: -1_000_000...1_000_000), text).map { kind, n, s -> Tree in
            switch kind {
            case 0: return .int(n)
            case 1: return .double(Double(n) / 64)
            case 2: return .string(s)
            case 3: return .bool(n % 2 == 0)
            default: return .null
            }
        }
    }

    @Test func randomTreesMatchFoundation() async {
        let leaves = zip(Tree.leaf.array(of: 0...4), Tree.text.array(of: 0...4), Tree.leaf.array(of: 0...4))
        await propertyCheck(count: 300, input: leaves) { input in
            let (items, keys, values) = input
            let object = Tree.object(Dictionary(zip(keys, values), uniquingKeysWith: { a, _ in a }))
            let tree = Tree.list(items + [object, .list([]), .object([:]), .list([object])])
            do {
                #expect(try StableJSON.encode(tree) == Self.foundation(tree))
            } catch {
                Issue.record(error)
            }
        }
    }

    /// The real reports: every corpus text and XML document's review JSON, written both ways.
    @Test func reviewReportsOfTheCorpusMatchFoundation() throws {
        for name in ["rfc7296.txt", "rfc2367.txt", "rfc9001.canonical.xml", "draft-ietf-ipsecme-ikev2bis-04.txt"] {
            guard let path = Corpus.path(name) else {
                let message = Absence.corpus(name, neededFor: "the review JSON comparison")
                if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
                continue
            }
            let document = try DocumentReader.read(path: path)
            let report = ReviewReport(StatementExtractor().analyze(document))
            #expect(report.statements.count > 50, "\(name)")
            #expect(try StableJSON.encode(report) == Self.foundation(report), "\(name)")
        }
    }

    /// A member streamed element by element (`review --format json` on a 50 MB draft) is
    /// the same text as the whole value encoded at once: pretty and on one line, with the
    /// streamed key sorting first, in the middle and last, empty and not.
    @Test func streamingAnArrayMemberWritesTheSameText() throws {
        struct Shell: Encodable {
            var b = "x"
            var items: [Edges]
            var m = [1, 2]
            var z: [String: Int] = ["k": 1]
        }
        for count in [0, 1, 3] {
            let whole = Shell(items: Array(repeating: Edges(), count: count))
            var pieces: [String] = []
            try StableJSON.stream(Shell(items: []), array: "items", elements: whole.items, compact: false) { pieces.append($0) }
            let expected = try Self.foundation(whole)
            #expect(pieces.joined() == expected, "\(count) items")
            var line = ""
            try StableJSON.stream(Shell(items: []), array: "items", elements: whole.items, compact: true) { line += $0 }
            let expectedLine = try StableJSON.encodeLine(whole)
            #expect(line == expectedLine, "\(count) items, one line")
            struct First: Encodable { var a: [Int]; var b = 1 }
            struct Last: Encodable { var b = 1; var zz: [Int] }
            let numbers = Array(0..<count)
            var first = ""
            try StableJSON.stream(First(a: []), array: "a", elements: numbers, compact: false) { first += $0 }
            let expectedFirst = try Self.foundation(First(a: numbers))
            #expect(first == expectedFirst)
            var last = ""
            try StableJSON.stream(Last(zz: []), array: "zz", elements: numbers, compact: false) { last += $0 }
            let expectedLast = try Self.foundation(Last(zz: numbers))
            #expect(last == expectedLast)
        }
    }

    /// A streamed value as a member of an outer object (a JSON Lines record `{"file",
    /// "review"}` whose review is streamed): the same text as the whole record encoded at
    /// once, the member sorting first, in the middle and last, pretty and on one line.
    @Test func streamingAMemberHoldingAStreamedArrayWritesTheSameText() throws {
        struct Inside: Encodable { var head = "h"; var items: [Int]; var tail = [true] }
        struct Middle: Encodable { var a = "x"; var m: Inside?; var z = 2 }
        struct First: Encodable { var a: Inside?; var b = "y" }
        struct Last: Encodable { var file = "f.xml"; var review: Inside? }
        for count in [0, 1, 4] {
            let items = Array(0..<count)
            let inside = Inside(items: items)
            func check<T: Encodable>(_ whole: T, _ shell: T, member: String) throws {
                for compact in [false, true] {
                    var text = ""
                    try StableJSON.stream(shell, member: member, holding: Inside(items: []), array: "items",
                                          elements: items, compact: compact) { text += $0 }
                    let expected = compact ? try StableJSON.encodeLine(whole) : try Self.foundation(whole)
                    #expect(text == expected, "\(T.self), \(count) items, compact \(compact)")
                }
            }
            try check(Middle(m: inside), Middle(m: nil), member: "m")
            try check(First(a: inside), First(a: nil), member: "a")
            try check(Last(review: inside), Last(review: nil), member: "review")
        }
    }

    /// A review statement writes its own JSON when streamed: the same bytes as Foundation's
    /// encoding, whichever of status, checks and exemption it has, with text that needs
    /// escapes, at the indents of a pretty report and on one line.
    @Test func aReviewStatementWritesTheJSONFoundationWrites() throws {
        let source = """
            <?xml version="1.0" encoding="utf-8"?>
            <rfc version="3" docName="draft-x-json-00" ipr="trust200902"><front><title>J</title></front><middle>
            <section><name>One</name>
            <t>The kernel MUST send "SADB_ACQUIRE" \\ as [PFKEY] says.</t>
            <t>The peer SHOULD NOT narrow TSi, and it MAY send TSr.</t>
            <t>Traffic Selectors are narrowed.</t>
            </section></middle></rfc>
            """
        let analysis = StatementExtractor().analyze(try DocumentReader.read(data: Data(source.utf8), path: "t.xml"))
        let base = ReviewReport(analysis).statements
        #expect(base.count == 4)
        #expect(base.map(\.levels) == [["MUST"], ["SHOULD NOT"], ["MAY"], []])
        let exemption = ReviewExemption(Exemption(document: "RFC 1", section: "1", quote: "q", reason: .operationalAdvice, note: "A \"note\"."))
        var variants: [ReviewStatement] = []
        for (i, statement) in base.enumerated() {
            for status in [nil, StatementStatus.contradicted] {
                for checks in [nil, [], ["pfkey.acquire", "ts.narrow"]] as [[String]?] {
                    for exempt in [nil, exemption] {
                        var s = statement
                        s.status = status
                        s.checks = checks
                        s.exemption = exempt
                        s.line = i == 0 ? -3 : s.line
                        if i == 1 { s.text += " \u{1}\t\"é\u{7F}" }
                        variants.append(s)
                    }
                }
            }
        }
        struct Shell: Encodable { var n = 1; var statements: [ReviewStatement] }
        var pretty = ""
        try StableJSON.stream(Shell(statements: []), array: "statements", elements: variants, compact: false) { pretty += $0 }
        #expect(pretty == (try Self.foundation(Shell(statements: variants))))
        var line = ""
        try StableJSON.stream(Shell(statements: []), array: "statements", elements: variants, compact: true) { line += $0 }
        #expect(line == (try StableJSON.encodeLine(Shell(statements: variants))))
    }

    /// `review --format json` written in pieces is the text of the whole report.
    @Test func aStreamedReviewIsTheWholeReport() throws {
        guard let path = Corpus.path("rfc7296.txt") else {
            let message = Absence.corpus("rfc7296.txt", neededFor: "the streamed review JSON")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let report = ReviewReport(StatementExtractor().analyze(try DocumentReader.read(path: path)))
        var pieces: [String] = []
        try report.write(as: .json) { pieces.append($0) }
        let whole = try report.rendered(as: .json)
        #expect(pieces.joined() == whole)
        var line = ""
        try report.write(as: .jsonl) { line += $0 }
        let wholeLine = try report.rendered(as: .jsonl)
        #expect(line == wholeLine)
    }

    @Test func theCheckReportMatchesFoundation() throws {
        let root = JSONCheckReport.root(ReportFixture.report)
        #expect(root.documents.isEmpty == false)
        #expect(try JSONCheckReport.render(ReportFixture.report) == Self.foundation(root) + "\n")
    }
}
