import ArgumentParser
import DraftDocument
import Errata
import Foundation

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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case unified, rendered, oldnew, report, word, html
    }

    @Argument(help: "The errata file.")
    var file: String

    @Option(help: "The source to apply it to (default: drafts/DOCUMENT.xml or .txt for the header's document).")
    var draft: String?

    @Option(help: "Output: unified, rendered, oldnew, report, word or html.")
    var format: Format = .unified

    @Flag(help: "Write the patched source to the file given with -o.")
    var apply = false

    @Option(name: .short, help: "Where --apply writes the patched source.")
    var output: String?

    @Flag(help: "Replace the source itself (atomically).")
    var write = false

    @Option(name: .customLong("compare-with"), help: "A later document: report whether each NEW text was adopted there.")
    var compareWith: String?

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
        if apply && write { throw ValidationError("--apply and --write exclude each other.") }
        if apply && output == nil { throw ValidationError("--apply needs -o OUT.") }
        if output != nil && !apply { throw ValidationError("-o is only used with --apply.") }
    }

    func run() throws {
        try reportingErrors {
            let errata = try ErrataFile.read(path: file)
            if let compareWith {
                let later = try SourceFile.read(path: compareWith)
                let model = try? DocumentReader.read(path: compareWith)
                for adoption in AdoptionTracker.compare(errata, with: later, document: model) {
                    print(adoption.summary(laterName: (compareWith as NSString).lastPathComponent), terminator: "")
                }
                return
            }
            guard let sourcePath = draft ?? errata.bundledSource(in: "drafts") else {
                throw ErrataError(.fileNotFound, "no source given and drafts/\(errata.document).xml (or .txt) does not exist; pass --draft SOURCE", file: file)
            }
            let source = try SourceFile.read(path: sourcePath)
            let result = try Patcher.apply(errata, to: source, document: { try DocumentReader.read(path: sourcePath) }, errataFile: file)
            if apply, let output {
                try AtomicWrite.write(result.patched, to: output)
                return
            }
            if write {
                try AtomicWrite.write(result.patched, to: sourcePath)
                return
            }
            switch format {
            case .unified:
                let label = diffLabel(sourcePath)
                FileHandle.standardOutput.write(Data(UnifiedDiff.make(old: source.bytes, new: result.patched, oldLabel: "a/" + label, newLabel: "b/" + label)))
            case .rendered:
                print(try RenderedDiff.make(result, label: diffLabel(sourcePath)), terminator: "")
            case .oldnew:
                print(ErrataFormat.oldNew(errata, anchored: result.anchored), terminator: "")
            case .report:
                print(ErrataFormat.report(errata, anchored: result.anchored), terminator: "")
            case .word:
                print(ErrataFormat.wordDiff(errata, anchored: result.anchored, color: colorOptions.color.enabled), terminator: "")
            case .html:
                print(ErrataFormat.html(errata, anchored: result.anchored))
            }
        }
    }
}
