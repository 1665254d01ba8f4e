import CommandLineParsing
import Scenarios

/// `draftcheck checks`: lists the catalog (Swift checks and scenario files).
struct ChecksCommand: Command {
    static let info = CommandInfo(
        name: "checks",
        abstract: "List the check catalog: id, topic, Swift or scenario file, evidence kind, and each claim's document and section.",
        discussion: """
        Runs every check once to say what evidence it gathers (reference model; real kernel \
        capture). Formats: text (default) or json (schema "draftcheck-catalog" version 1).

        Exit codes: 0 done; 65 a bad scenario file; 66 a --checks directory is missing.
        """
    )

    enum Format: String, ArgumentValue { case text, json }

    var checkDirectories: [String]
    var format: Format

    init(_ arguments: inout ArgumentReader) throws {
        checkDirectories = try arguments.repeatedOption("checks", valueName: "DIR", help: "Also list the scenario files (*.yaml) of this directory (repeatable); checks/ is always read.")
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
    }

    func run() throws {
        try reportingErrors {
            let listing = CatalogListing(try ScenarioCatalog.load(directories: checkDirectories))
            try StandardOutput.write(format == .json ? try listing.json() : listing.text)
        }
    }
}
