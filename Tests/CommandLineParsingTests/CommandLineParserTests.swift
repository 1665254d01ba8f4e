import CommandLineParsing
import Testing

// A small command tree shaped like draftcheck's: a root group, a command with every kind of
// option and argument, and a nested group.
private enum Format: String, ArgumentValue, CaseIterable { case text, json }

private struct Root: CommandNode {
    static let info = CommandInfo(name: "tool", abstract: "A tool.", discussion: "First paragraph.\n\nSecond paragraph.", version: "1.2.3",
                                  subcommands: [Show.self, Group.self])
}

private struct Group: CommandNode {
    static let info = CommandInfo(name: "group", abstract: "A group of commands.", subcommands: [Show.self])
}

private struct Show: Command {
    static let info = CommandInfo(name: "show", abstract: "Show a file.")

    var file: String
    var more: [String]
    var format: Format
    var output: String?
    var tags: [String]
    var verbose: Bool
    var timeout: Double?

    init(_ arguments: inout ArgumentReader) throws {
        file = try arguments.argument("file", help: "The file.")
        more = arguments.arguments("more", help: "More files.")
        format = try arguments.option("format", default: .text, help: "Output format.")
        output = try arguments.option("output", short: "o", help: "Where to write.")
        tags = try arguments.repeatedOption("tag", valueName: "TAG", help: "A tag (repeatable).")
        verbose = arguments.flag("verbose", help: "Say more.")
        timeout = try arguments.option("timeout", valueName: "SECONDS", help: "Seconds.")
    }

    func validate() throws {
        if !more.isEmpty && format != .json { throw UsageError("several files need --format json.") }
    }

    func run() throws {}
}

private func parsed(_ words: [String]) throws -> Show {
    guard case .run(let command) = CommandLineParser.parse(words, root: Root.self) else {
        Issue.record("not a command: \(words)")
        throw UsageError("not a command")
    }
    return try #require(command as? Show)
}

private func refusal(_ words: [String]) -> String? {
    if case .usageError(let message, _, _) = CommandLineParser.parse(words, root: Root.self) { return message }
    return nil
}

@Suite struct CommandLineParserTests {
    @Test func everyFormOfOptionIsRead() throws {
        let show = try parsed(["show", "a.xml", "--format=json", "-o", "out", "--tag", "x", "--tag=y", "--verbose", "--timeout", "2.5", "b.xml"])
        #expect(show.file == "a.xml")
        #expect(show.more == ["b.xml"])
        #expect(show.format == .json)
        #expect(show.output == "out")
        #expect(show.tags == ["x", "y"])
        #expect(show.verbose)
        #expect(show.timeout == 2.5)
    }

    @Test func defaultsWhenAbsent() throws {
        let show = try parsed(["show", "a.xml"])
        #expect(show.format == .text)
        #expect(show.output == nil)
        #expect(show.tags.isEmpty)
        #expect(!show.verbose)
        #expect(show.timeout == nil)
    }

    @Test func attachedShortValueAndLastValueWins() throws {
        let show = try parsed(["show", "-oout", "--format", "json", "--format", "text", "a.xml"])
        #expect(show.output == "out")
        #expect(show.format == .text)
    }

    @Test func doubleDashEndsOptions() throws {
        let show = try parsed(["show", "--format", "json", "--", "--verbose", "-"])
        #expect(show.file == "--verbose")
        #expect(show.more == ["-"])
        #expect(!show.verbose)
    }

    @Test(arguments: [
        (["show"], "Missing expected argument '<file>'"),
        (["show", "a", "--bogus"], "Unknown option '--bogus'"),
        (["show", "a", "-x"], "Unknown option '-x'"),
        (["show", "a", "--format", "yaml"], "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' or 'json'."),
        (["show", "a", "--timeout", "soon"], "The value 'soon' is invalid for '--timeout <SECONDS>'."),
        (["show", "a", "--timeout", "inf"], "The value 'inf' is invalid for '--timeout <SECONDS>'."),
        (["show", "a", "--output"], "Missing value for '-o <output>'"),
        (["show", "a", "--verbose=yes"], "The flag '--verbose' takes no value"),
        (["show", "a", "b"], "several files need --format json."),
        (["bogus"], "Unexpected argument 'bogus'"),
        (["--bogus"], "Unknown option '--bogus'"),
        (["group", "show"], "Missing expected argument '<file>'"),
    ])
    func refusedCommandLines(words: [String], message: String) {
        #expect(refusal(words) == message)
    }

    @Test func aRefusalNamesTheCommandAndItsUsage() {
        guard case .usageError(_, let command, let usage) = CommandLineParser.parse(["group", "show"], root: Root.self) else {
            Issue.record("accepted")
            return
        }
        #expect(command == "tool group show")
        #expect(usage == "tool group show [<options>] <file> [<more> ...]")
    }

    @Test func versionOnlyAtTheRoot() {
        guard case .version(let text) = CommandLineParser.parse(["--version"], root: Root.self) else {
            Issue.record("no version")
            return
        }
        #expect(text == "1.2.3")
        #expect(refusal(["show", "a", "--version"]) == "Unknown option '--version'")
    }

    @Test(arguments: [["show", "--help"], ["show", "a", "-h"], ["help", "show"]])
    func helpOfACommand(words: [String]) {
        guard case .help(let text) = CommandLineParser.parse(words, root: Root.self) else {
            Issue.record("no help for \(words)")
            return
        }
        #expect(text == """
        OVERVIEW: Show a file.

        USAGE: tool show [<options>] <file> [<more> ...]

        ARGUMENTS:
          <file>                  The file.
          <more> ...              More files.

        OPTIONS:
          --format <format>       Output format. (values: text, json; default: text)
          -o, --output <output>   Where to write.
          --tag <TAG>             A tag (repeatable).
          --verbose               Say more.
          --timeout <SECONDS>     Seconds.
          -h, --help              Show help information.

        """)
    }

    @Test(arguments: [[], ["--help"], ["help"]])
    func helpOfTheRoot(words: [String]) {
        guard case .help(let text) = CommandLineParser.parse(words, root: Root.self) else {
            Issue.record("no help for \(words)")
            return
        }
        #expect(text == """
        OVERVIEW: A tool.

        First paragraph.

        Second paragraph.

        USAGE: tool <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          show                    Show a file.
          group                   A group of commands.

          See 'tool help <subcommand>' for detailed help.

        """)
    }

    @Test func longHelpWrapsUnderTheColumn() {
        guard case .help(let text) = CommandLineParser.parse(["group"], root: Root.self) else {
            Issue.record("no help")
            return
        }
        #expect(text.contains("USAGE: tool group <subcommand>\n"))
        #expect(text.contains("  show                    Show a file.\n"))
        #expect(text.hasSuffix("  See 'tool help group <subcommand>' for detailed help.\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 79 })
    }
}
