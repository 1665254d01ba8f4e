import Foundation
import Testing
import TestSupport
@testable import PFKey

/// Every message of the real-kernel captures (Tests/Fixtures/kernel/captures.txt, recorded
/// by scripts/uml.d/capture: `SEND hex` lines we sent, `RECV hex` lines the kernel sent)
/// decodes strictly with the linux dialect, in its direction, and re-encodes byte for byte.
/// Read from the text file itself, not the generated Swift copy, so a capture newer than
/// the copy is still judged.
@Suite struct KernelFixtureTests {
    static let file = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/kernel/captures.txt")

    struct Captured: CustomTestStringConvertible {
        var scenario: String
        var line: Int
        var sent: Bool
        var bytes: [UInt8]
        var testDescription: String { "\(scenario) line \(line) \(sent ? "SEND" : "RECV")" }
    }

    static let messages: [Captured] = {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var scenario = ""
        var out: [Captured] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(separator: " ", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { continue }
            switch fields[0] {
            case "SCENARIO": scenario = fields[1]
            case "SEND", "RECV":
                out.append(Captured(scenario: scenario, line: index + 1, sent: fields[0] == "SEND", bytes: unhex(fields[1])))
            default: continue
            }
        }
        return out
    }()

    @Test func theCapturesAreThere() {
        #expect(FileManager.default.fileExists(atPath: Self.file.path), "\(Self.file.path) is missing")
        // 14 scenarios were recorded on 2026-11-29; 13 hold messages (the differential one
        // holds MUT lines only).
        #expect(Set(Self.messages.map(\.scenario)).count == 13)
        #expect(Self.messages.contains { $0.sent } && Self.messages.contains { !$0.sent })
    }

    @Test(arguments: messages)
    func decodesStrictlyAndReencodes(_ m: Captured) throws {
        let options = DecodingOptions(dialect: .linux, direction: m.sent ? .request : .kernel)
        let decoded = try Message(decoding: m.bytes, options: options)
        #expect(try decoded.encode(dialect: .linux) == m.bytes)
    }
}
