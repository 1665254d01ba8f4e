import CommandLineParsing
import Diagnostics
import DocumentSources
import DraftDocument
import Foundation

/// Where a command's document argument may come from besides a local file: an RFC number,
/// a draft name or a URL (README "Documents by name"). Every command that reads documents
/// takes these options and passes each argument through `path(_:)`.
struct SourceOptions {
    var rfcBase: String?
    var draftBase: String?
    var offline: Bool
    var timeout: Double?
    var fetchReferences: Bool

    init(_ arguments: inout ArgumentReader) throws {
        rfcBase = try arguments.option("rfc-base", valueName: "URL", help: "Where RFCs are published (BASE/rfcN.xml, BASE/rfcN.txt). Default: DRAFTCHECK_RFC_BASE or \(SourceSettings.defaultRFCBase).")
        draftBase = try arguments.option("draft-base", valueName: "URL", help: "Where drafts are published (BASE/NAME-NN.xml, .txt). Default: DRAFTCHECK_DRAFT_BASE or \(SourceSettings.defaultDraftBase).")
        offline = arguments.flag("offline", help: "Documents named (rfc7296, draft-...) come from the cache alone; nothing is fetched.")
        timeout = try arguments.option("timeout", valueName: "SECONDS", help: "Seconds allowed for fetching one document (default \(Int(SourceSettings.defaultTimeout))).")
        fetchReferences = arguments.flag("fetch-references", help: "Read the network references of an XML draft (xi:include of bib.ietf.org and the like) through the document cache, fetching what is missing (not with --offline). Without it, nothing is fetched for references: they become placeholders with a warning.")
    }

    /// With --fetch-references: what the reader calls for each network reference.
    var referenceFetcher: ReferenceFetcher? {
        guard fetchReferences else { return nil }
        let settings = self.settings
        let seen = ReferenceMemo()
        return { url in
            seen.answer(url) {
                do {
                    return try DocumentSource(settings: settings, notice: printWarning).localPath(of: .url(url))
                } catch {
                    printWarning("warning: reference not fetched: " + ((error as? any Diagnostic)?.message ?? "\(error)"))
                    return nil
                }
            }
        }
    }

    var settings: SourceSettings {
        SourceSettings(rfcBase: rfcBase, draftBase: draftBase, offline: offline, timeout: timeout)
    }

    /// The local file for a document argument: the argument itself when such a file exists
    /// (a local file always wins) or when it names nothing else (the reader then says the
    /// file is missing), else the cached copy of the RFC, draft or URL it names, fetched
    /// first when needed.
    func path(_ argument: String) throws -> String {
        // access(2), not FileManager: making FileManager.default is a fiftieth of a small
        // document's review.
        if access(argument, F_OK) == 0 { return argument }
        guard let name = DocumentName(parsing: argument) else { return argument }
        return try DocumentSource(settings: settings, notice: printWarning).localPath(of: name)
    }
}

/// Each reference is fetched (or found wanting) once per run, however often the reader
/// asks (an outline read and a full read of one document ask twice).
final class ReferenceMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: String?] = [:]

    func answer(_ url: String, _ compute: () -> String?) -> String? {
        if let known = lock.withLock({ answers[url] }) { return known }
        let value = compute()
        lock.withLock { answers[url] = value }
        return value
    }
}
