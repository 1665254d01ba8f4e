import CommandLineParsing
import Foundation

@main
struct Draftcheck: CommandNode {
    static let version = "0.1.0"

    static let info = CommandInfo(
        name: "draftcheck",
        abstract: "Review IETF drafts: normative statements about PF_KEY and IKEv2 Traffic Selectors, judged by running code.",
        discussion: """
        Exit codes: 0 success; 1 the run found what --fail-on names (contradicted, stale, \
        failed statements); 64 bad command line; 65 invalid input (a malformed document, \
        PF_KEY message, Traffic Selector payload or errata file); 66 an input file is missing; \
        69 a document named by RFC number, draft name or URL could not be fetched (timeout, \
        broken transfer); 70 internal error (a check errored); 73 an output file could not be \
        written; 74 writing standard output failed (a full disk; a reader that stops early, as \
        `| head` does, ends the run quietly instead).
        """,
        version: version,
        // One subcommand per file in Commands/; add new ones here.
        subcommands: [
            SectionsCommand.self,
            RenderCommand.self,
            ReviewCommand.self,
            CompareCommand.self,
            HistoryCommand.self,
            ErrataCommand.self,
            TSCommand.self,
            PFKeyCommand.self,
            CheckCommand.self,
            CoverageCommand.self,
            DivergencesCommand.self,
            ChecksCommand.self,
            FetchCommand.self,
        ]
    )

    static func main() {
        StandardOutput.ignoreBrokenPipeSignal()
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// The exit status of one command line.
    static func run(_ arguments: [String]) -> Int32 {
        switch CommandLineParser.parse(arguments, root: Draftcheck.self) {
        case .help(let text), .version(let text):
            do {
                try StandardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
            } catch is StandardOutput.ReaderGone {
            } catch {
                StandardError.write("\(error)\n")
                return ExitStatus.ioError
            }
            return 0
        case .usageError(let message, let command, let usage):
            StandardError.write("Error: \(message)\nUsage: \(usage)\n  See '\(command) --help' for more information.\n")
            return ExitStatus.usage
        case .run(let command):
            do {
                try command.run()
                return 0
            } catch let exit as ExitCode {
                return exit.status
            } catch let usage as UsageError {
                StandardError.write("Error: \(usage.message)\n")
                return ExitStatus.usage
            } catch {
                StandardError.write("error: \(error)\n")
                return ExitStatus.software
            }
        }
    }
}
