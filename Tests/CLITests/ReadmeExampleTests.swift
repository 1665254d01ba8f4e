import Foundation
import Testing
import TestSupport

/// Every README code block that shows a `$ draftcheck ...` command followed by its output
/// is run, and its output must be what the README shows, so the examples cannot go stale.
@Suite struct ReadmeExampleTests {
    struct Example: CustomTestStringConvertible {
        var arguments: [String]
        var output: String
        var line: Int
        var testDescription: String { "README line \(line): draftcheck \(arguments.joined(separator: " ").prefix(40))" }
    }

    static let examples: [Example] = {
        let readme = TestEnvironment.packageRoot.appendingPathComponent("README.md")
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Example] = []
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard lines[i] == "```", i + 1 < lines.count, lines[i + 1].hasPrefix("$ draftcheck ") else { continue }
            let command = lines[i + 1].dropFirst("$ draftcheck ".count)
            var body: [String] = []
            var j = i + 2
            while j < lines.count, lines[j] != "```" { body.append(lines[j]); j += 1 }
            out.append(Example(arguments: command.split(separator: " ").map(String.init), output: body.joined(separator: "\n") + "\n", line: i + 2))
            i = j
        }
        return out
    }()

    @Test func theReadmeHasExamples() {
        #expect(Self.examples.count >= 2)
    }

    @Test(arguments: examples)
    func theOutputIsAsShown(_ example: Example) throws {
        let result = try runDraftcheck(example.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == example.output)
    }
}
