import CommandLineParsing
import Errata
import Foundation
import Linking
import Reports

/// `draftcheck errata FILE`: a proposed change as the diffs and forms reviewers send.
struct ErrataCommand: Command {
    static let info = CommandInfo(
        name: "errata",
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

    var file: String
    var draft: String?
    var format: ErrataOutputFormat
    var apply: Bool
    var output: String?
    var write: Bool
    var compareWith: String?
    var check: Bool
    var checkFormat: FixCheckFormat
    var failOn: [String]
    var colorOptions: ColorOptions
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        file = try arguments.argument("file", help: "The errata file.")
        draft = try arguments.option("draft", help: "The source to apply it to (default: drafts/DOCUMENT.xml or .txt for the header's document).")
        format = try arguments.option("format", default: .unified, help: "Output: unified, rendered, oldnew, report, word or html.")
        apply = arguments.flag("apply", help: "Write the patched source to the file given with -o.")
        output = try arguments.option("output", short: "o", help: "Where --apply writes the patched source.")
        write = arguments.flag("write", help: "Replace the source itself (atomically).")
        compareWith = try arguments.option("compare-with", help: "A later document: report whether each NEW text was adopted there.")
        check = arguments.flag("check", help: "Prove the fix: apply the change in memory, read the patched source again, run the check catalog on both, and print each statement of the changed sections before and after with its status.")
        checkFormat = try arguments.option("check-format", default: .text, help: "With --check: text or json.")
        failOn = try arguments.repeatedOption("fail-on", valueName: "statuses", help: "With --check: exit 1 when a statement of a changed section has one of these statuses after the change (comma-separated, e.g. contradicted).")
        colorOptions = try ColorOptions(&arguments)
        sources = try SourceOptions(&arguments)
    }

    func validate() throws {
        if check && (apply || write || compareWith != nil) { throw UsageError("--check shows the change judged; it excludes --apply, --write and --compare-with.") }
        if !failOn.isEmpty && !check { throw UsageError("--fail-on needs --check.") }
        _ = try StatementStatus.parseList(failOn)
        if apply && write { throw UsageError("--apply and --write exclude each other.") }
        if apply && output == nil { throw UsageError("--apply needs -o OUT.") }
        if output != nil && !apply { throw UsageError("-o is only used with --apply.") }
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

extension ErrataOutputFormat: ArgumentValue {}

extension FixCheckFormat: ArgumentValue {}
