import ArgumentParser
import Foundation

@main
struct Draftcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draftcheck",
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
        version: "0.1.0",
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
        main(nil)
    }
}
