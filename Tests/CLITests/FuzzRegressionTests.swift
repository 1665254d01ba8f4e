import Foundation
import Testing
import TestSupport

/// Every input the fuzzers found (Tests/Fixtures/fuzz/AREA/) goes through the command line
/// once more: read (exit 0) or refused with exit 65 and draftcheck's own error line, never a
/// crash, a hang or a message libxml2 printed by itself.
@Suite struct FuzzRegressionTests {
    static let root = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz")

    struct Input: CustomTestStringConvertible {
        var area: String
        var url: URL
        var testDescription: String { "\(area)/\(url.lastPathComponent)" }
    }

    static let inputs: [Input] = ["xml", "text", "errata", "compare"].flatMap { area -> [Input] in
        let dir = root.appendingPathComponent(area)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { Input(area: area, url: dir.appendingPathComponent($0)) }
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 2)
    }

    @Test(arguments: inputs)
    func readOrRefusedNeverCrashed(_ input: Input) throws {
        let result: ProcessResult
        switch input.area {
        case "errata":
            result = try runDraftcheck(["errata", input.url.path])
        case "compare":
            let data = try Data(contentsOf: input.url)
            let cut = data.firstIndex(of: 0) ?? data.count / 2
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-fuzz-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let old = dir.appendingPathComponent("old.txt"), new = dir.appendingPathComponent("new.txt")
            try data[..<cut].write(to: old)
            try data[min(cut + 1, data.count)...].write(to: new)
            result = try runDraftcheck(["compare", old.path, new.path])
        default:
            result = try runDraftcheck(["review", input.url.path])
        }
        #expect([0, 65].contains(result.status), "exit \(result.status): \(result.stderr.prefix(400))")
        if result.status == 65 {
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(": error: "), "\(result.stderr.prefix(400))")
        }
    }
}
