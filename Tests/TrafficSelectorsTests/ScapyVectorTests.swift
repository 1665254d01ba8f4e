import Foundation
import Testing
import TestSupport
@testable import TrafficSelectors

/// Payloads built by scapy (an encoder independent of ours) via scripts/gen-ts-vectors,
/// committed in Tests/Fixtures/ts/vectors.json: each decodes to the fields scapy reads back
/// and re-encodes byte for byte; the invalid ones fail with the exact code and offset.
@Suite struct ScapyVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var rule: String
        var kind: String
        var hex: String
        var numberOfTSs: Int
        var nextPayload: Int
        var selectors: [SelectorRecord]
        var ignored: [UInt8]
        var testDescription: String { "\(name) (\(rule))" }
    }

    struct Invalid: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var rule: String
        var hex: String
        var code: TSError.Code
        var offset: Int
        var testDescription: String { "\(name) (\(rule))" }
    }

    struct Fixture: Decodable {
        var generator: String
        var vectors: [Vector]
        var invalid: [Invalid]
    }

    static let fixture: Fixture? = {
        let url = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/ts/vectors.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()

    @Test func fixtureIsPresentAndFromScapy() throws {
        let f = try #require(Self.fixture, "Tests/Fixtures/ts/vectors.json missing or unreadable: run .venv/bin/python3 scripts/gen-ts-vectors")
        #expect(f.generator.contains("scapy 2.8.0"))
        #expect(f.vectors.count >= 16)
        #expect(f.invalid.count >= 4)
    }

    @Test(arguments: fixture?.vectors ?? [])
    func scapyVectorDecodesAndReencodesExactly(_ v: Vector) throws {
        let bytes = try #require(HexText.bytes(v.hex))
        let p = try TSPayload.decode(bytes, kind: v.kind == "TSi" ? .initiator : .responder)
        #expect(p.selectors.count + p.ignored.count == v.numberOfTSs)
        #expect(Int(p.nextPayload) == v.nextPayload)
        #expect(try PayloadRecord(p).selectors == v.selectors)
        #expect(p.ignored.map(\.tsType) == v.ignored)
        #expect(try p.encode() == bytes, "re-encoding differs")
        // And the records read back to the same selectors.
        #expect(try v.selectors.map { try $0.selector() } == p.selectors)
    }

    @Test(arguments: fixture?.invalid ?? [])
    func scapyInvalidVectorIsRejected(_ v: Invalid) throws {
        let bytes = try #require(HexText.bytes(v.hex))
        do {
            _ = try TSPayload.decode(bytes)
            Issue.record("\(v.name) decoded")
        } catch let e as TSError {
            #expect(e.code == v.code)
            #expect(e.offset == v.offset)
        }
    }

    /// The committed fixture is what the generator writes now (scapy from the venv).
    @Test func generatorReproducesTheFixture() throws {
        guard let python = Peer.python.path else {
            let msg = Absence.peer(.python, neededFor: "regenerating the scapy TS vectors")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ts-vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Run a copy of the script whose output path points into the temporary directory.
        let script = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("scripts/gen-ts-vectors"), encoding: .utf8)
        let out = dir.appendingPathComponent("vectors.json")
        let patched = script.replacingOccurrences(of: #"OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/Fixtures/ts/vectors.json""#, with: "OUT = pathlib.Path(\"\(out.path)\")")
        #expect(patched != script, "the generator's OUT line changed; update this test")
        let copy = dir.appendingPathComponent("gen.py")
        try patched.write(to: copy, atomically: true, encoding: .utf8)
        let r = try runProcess(python, [copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        let fresh = try Data(contentsOf: out)
        let committed = try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/ts/vectors.json"))
        #expect(fresh == committed, "scapy's vectors changed: rerun scripts/gen-ts-vectors and review")
    }
}
