import Foundation
import Testing
import TestSupport

/// `draftcheck sections` and `render` on plain-text documents: the format is found from
/// the content, so a text RFC under any name is read as text.
@Suite struct TextCommandTests {
    /// Runs `body` with the path of a file of `bytes` named `name`, in a directory of its own.
    static func withFile(_ name: String, _ bytes: Data, _ body: (String) throws -> Void) throws {
        try Scratch.directory("draftcheck-text-cli") { dir in
            let url = dir.appendingPathComponent(name)
            try bytes.write(to: url)
            try body(url.path)
        }
    }

    @Test func sectionsListsATextRFC() throws {
        guard let path = Corpus.path("rfc7911.txt") else {
            let message = Absence.corpus("rfc7911.txt", neededFor: "sections on a text RFC")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let result = try runDraftcheck(["sections", path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "1\tIntroduction")
        #expect(lines.contains("1.1\tSpecification of Requirements"))
        #expect(lines.contains("2\tHow to Identify a Path"))
        #expect(!lines.contains { $0.contains("Table of Contents") || $0.contains("Abstract") })
    }

    @Test func formatIsDetectedFromContentNotTheExtension() throws {
        let text = "Abstract\n\n   Short.\n\n1.  Introduction\n\n   Hello.\n\n2.  Second\n\n   Bye.\n"
        try Self.withFile("looks-like.xml", Data(text.utf8)) { path in
            let result = try runDraftcheck(["sections", path])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout == "1\tIntroduction\n2\tSecond\n")
        }
    }

    @Test func renderAcceptsAText() throws {
        let text = "1.  Introduction\n\n   Hello.\n"
        try Self.withFile("tiny.txt", Data(text.utf8)) { path in
            let result = try runDraftcheck(["render", path])
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
    }

    @Test(arguments: [
        ("an empty .txt file", Data(), "the file is empty"),
        ("a binary file", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]), "NUL byte"),
    ])
    func notADocumentExits65WithLocation(_ rule: String, _ bytes: Data, _ message: String) throws {
        try Self.withFile("bad.txt", bytes) { path in
            let result = try runDraftcheck(["sections", path])
            #expect(result.status == 65, "\(rule): exit \(result.status)")
            #expect(result.stderr.contains("\(path):1:"), "\(rule): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(rule): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    /// Text that is not UTF-8 (Latin-1 was common until about 2010) is read as Windows-1252,
    /// and a warning says so with the first such byte, instead of refusing the document.
    @Test func latin1TextIsReadWithAWarning() throws {
        let bytes = Data("1.  Introduction\n\n   The caf".utf8) + Data([0xE9]) + Data(" serves it.\n".utf8)
        try Self.withFile("latin1.txt", bytes) { path in
            let sections = try runDraftcheck(["sections", path])
            #expect(sections.status == 0, "\(sections.stderr)")
            #expect(sections.stdout == "1\tIntroduction\n")
            #expect(sections.stderr.contains("\(path):3:11: warning: not UTF-8 text (0xE9 at byte offset 28): read as Windows-1252 (Latin-1)\n"), "\(sections.stderr)")
            let render = try runDraftcheck(["render", path])
            #expect(render.status == 0, "\(render.stderr)")
            #expect(render.stdout.contains("The caf\u{E9} serves it."), "\(render.stdout)")
        }
    }
}
