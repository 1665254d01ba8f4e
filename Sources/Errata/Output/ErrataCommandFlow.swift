import DraftDocument
import Foundation

/// The ways `draftcheck errata` shows an anchored change.
public enum ErrataOutputFormat: String, Sendable, CaseIterable {
    /// A diff of the source, for `git apply` or `patch -p1`.
    case unified
    /// A diff of the section's rendered text.
    case rendered
    /// The blocks as reviewers write them in mail.
    case oldnew
    /// An RFC Editor errata report.
    case report
    /// A word diff, coloured when asked.
    case word
    /// OLD and NEW side by side on one page.
    case html
}

/// What `draftcheck errata` does with an errata file once its blocks are anchored.
public enum ErrataAction: Sendable, Hashable {
    /// Show the change (the bytes returned are for standard output).
    case show(ErrataOutputFormat, color: Bool)
    /// Write the patched source to this path, atomically.
    case applyTo(String)
    /// Replace the source itself, atomically.
    case writeSource
}

extension ErrataFile {
    /// Reads the errata file at `path`, anchors its blocks in `draft` (default: the bundled
    /// source of its document in `bundled`) and carries out `action`; returns what goes to
    /// standard output (nothing when a file was written).
    public static func perform(_ action: ErrataAction, errataFile path: String, draft: String?, bundled: String = "drafts") throws -> [UInt8] {
        let (errata, sourcePath, result) = try patch(errataFile: path, draft: draft, bundled: bundled)
        switch action {
        case .applyTo(let output):
            try AtomicWrite.write(result.patched, to: output)
            return []
        case .writeSource:
            try AtomicWrite.write(result.patched, to: sourcePath)
            return []
        case .show(let format, let color):
            return try errata.output(of: result, sourcePath: sourcePath, as: format, color: color)
        }
    }

    /// Reads the errata file at `path` and applies it, in memory, to `draft` (default: the
    /// bundled source of its document in `bundled`): the file, the source's path and the
    /// patched bytes.
    public static func patch(errataFile path: String, draft: String?, bundled: String = "drafts") throws -> (ErrataFile, String, PatchResult) {
        let errata = try ErrataFile.read(path: path)
        guard let sourcePath = draft ?? errata.bundledSource(in: bundled) else {
            throw ErrataError(.fileNotFound, "no source given and \(bundled)/\(errata.document).xml (or .txt) does not exist; pass --draft SOURCE", file: path)
        }
        let source = try SourceFile.read(path: sourcePath)
        let result = try Patcher.apply(errata, to: source, document: { try DocumentReader.read(path: sourcePath) }, errataFile: path)
        return (errata, sourcePath, result)
    }

    /// The applied change in `format`: the bytes `draftcheck errata` writes.
    public func output(of result: PatchResult, sourcePath: String, as format: ErrataOutputFormat, color: Bool = false) throws -> [UInt8] {
        switch format {
        case .unified:
            let label = diffLabel(sourcePath)
            return UnifiedDiff.make(old: result.source.bytes, new: result.patched, oldLabel: "a/" + label, newLabel: "b/" + label)
        case .rendered: return Array(try RenderedDiff.make(result, label: diffLabel(sourcePath)).utf8)
        case .oldnew: return Array(ErrataFormat.oldNew(self, anchored: result.anchored).utf8)
        case .report: return Array(ErrataFormat.report(self, anchored: result.anchored).utf8)
        case .word: return Array(ErrataFormat.wordDiff(self, anchored: result.anchored, color: color).utf8)
        case .html: return Array((ErrataFormat.html(self, anchored: result.anchored) + "\n").utf8)
        }
    }

    /// Whether each NEW text of the errata file at `path` was adopted in the document at
    /// `later` (`draftcheck errata --compare-with`), one summary per block.
    public static func adoption(errataFile path: String, later: String) throws -> String {
        let errata = try ErrataFile.read(path: path)
        // A later document that does not read is compared by its source text alone, but
        // one that is no document at all (a binary) is an error, not "nothing adopted";
        // read as a document first, so a binary is refused before its bytes are indexed.
        let model: Document?
        do {
            model = try DocumentReader.read(path: later)
        } catch let error as DocumentError where error.code == .notADocument {
            throw error
        } catch {
            model = nil
        }
        let laterSource = try SourceFile.read(path: later)
        return AdoptionTracker.compare(errata, with: laterSource, document: model)
            .map { $0.summary(laterName: (later as NSString).lastPathComponent) }.joined()
    }
}
