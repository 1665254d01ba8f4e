import ArgumentParser
import Errata
import Foundation
import Linking
import Reports

/// `draftcheck errata FILE`: a proposed change as the diffs and forms reviewers send.
struct ErrataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "Anchor an errata file's OLD/NEW blocks in a draft and show the change as a diff, OLD/NEW, an errata report or a word diff.",
        discussion: """
        FILE is an errata file (README "## Errata": a YAML header, then "Section N, \
        paragraph P" blocks with OLD:, NEW: and NOTES:). Each OLD text is found in its section \
        of the source, whatever its line breaks and inline markup; the NEW text is written in \
        the source's own style. The source is never changed unless --write is given (then \
        atomically); --apply -o OUT writes the patched source to OUT instead.

        Formats: unified (a diff of the source for git apply or patch -p1), rendered (a diff \
        of the section's rendered text), oldnew (the blocks as reviewers write them in mail), \
        report (an RFC Editor errata report), word (a word diff, coloured on a terminal), html \
        (OLD and NEW side by side). --compare-with LATER tells whether each NEW text was \
        adopted in a later document (verbatim, with word-level differences listed, or not).

        Exit codes: 65 malformed errata file, OLD text not found or ambiguous, section \
        missing; 66 a file is missing; 73 the output could not be written (the source is \
        untouched).
        """
    )

    @Argument(help: "The errata file.")
    var file: String

    @Option(help: "The source to apply it to (default: drafts/DOCUMENT.xml or .txt for the header's document).")
    var draft: String?

    @Option(help: "Output: unified, rendered, oldnew, report, word or html.")
    var format: ErrataOutputFormat = .unified

    @Flag(help: "Write the patched source to the file given with -o.")
    var apply = false

    @Option(name: .short, help: "Where --apply writes the patched source.")
    var output: String?

    @Flag(help: "Replace the source itself (atomically).")
    var write = false

    @Option(name: .customLong("compare-with"), help: "A later document: report whether each NEW text was adopted there.")
    var compareWith: String?

    @Flag(help: "Prove the fix: apply the change in memory, read the patched source again, run the check catalog on both, and print each statement of the changed sections before and after with its status.")
    var check = false

    @Option(name: .customLong("check-format"), help: "With --check: text or json.")
    var checkFormat: FixCheckFormat = .text

    @Option(name: .customLong("fail-on"), parsing: .singleValue, help: ArgumentHelp("With --check: exit 1 when a statement of a changed section has one of these statuses after the change (comma-separated, e.g. contradicted).", valueName: "statuses"))
    var failOn: [String] = []

    @OptionGroup var colorOptions: ColorOptions

    @OptionGroup var sources: SourceOptions

    func validate() throws {
        if check && (apply || write || compareWith != nil) { throw ValidationError("--check shows the change judged; it excludes --apply, --write and --compare-with.") }
        if !failOn.isEmpty && !check { throw ValidationError("--fail-on needs --check.") }
        _ = try StatementStatus.parseList(failOn)
        if apply && write { throw ValidationError("--apply and --write exclude each other.") }
        if apply && output == nil { throw ValidationError("--apply needs -o OUT.") }
        if output != nil && !apply { throw ValidationError("-o is only used with --apply.") }
    }

    func run() throws {
        try reportingErrors {
            if check {
                let fix = try FixCheck.make(errataFile: file, draft: try draft.map { try sources.path($0) }, checks: try CatalogLoading.load(directories: [], auditing: []).checks)
                try StandardOutput.write(try checkFormat.render(fix))
                if !fix.statusesAfter.isDisjoint(with: try StatementStatus.parseList(failOn)) { throw ExitCode(ExitStatus.findings) }
                return
            }
            if let compareWith {
                try StandardOutput.write(try ErrataFile.adoption(errataFile: file, later: try sources.path(compareWith)))
                return
            }
            let action: ErrataAction = if apply, let output { .applyTo(output) } else if write { .writeSource } else {
                .show(format, color: colorOptions.color.enabled)
            }
            try StandardOutput.write(try ErrataFile.perform(action, errataFile: file, draft: try draft.map { try sources.path($0) }))
        }
    }
}

extension ErrataOutputFormat: ExpressibleByArgument {}

extension FixCheckFormat: ExpressibleByArgument {}
