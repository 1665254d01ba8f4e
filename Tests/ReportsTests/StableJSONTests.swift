import DraftDocument
import Foundation
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

    @Test func theCheckReportMatchesFoundation() throws {
        let root = JSONCheckReport.root(ReportFixture.report)
        #expect(root.documents.isEmpty == false)
        #expect(try JSONCheckReport.render(ReportFixture.report) == Self.foundation(root) + "\n")
    }
}
