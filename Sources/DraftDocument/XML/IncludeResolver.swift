import Foundation

/// Turns a network reference (an `xi:include` href on bib.ietf.org, say) into the path of a
/// local copy, or nil when there is none: how `--fetch-references` reaches the reader.
public typealias ReferenceFetcher = @Sendable (String) -> String?

/// Where xi:include, external SYSTEM entities and `<?rfc include?>` may read from: the
/// draft's own directory (and below) and the directories given with --include-dir.
/// Anything else (http, https, file:///etc/passwd, a path escaping those directories)
/// is refused without being opened.
struct IncludeResolver {
    /// With `--fetch-references`: a network URL's local copy (the document cache), or nil.
    let fetchReference: ReferenceFetcher?
    private let directories: AllowedDirectories

    init(documentPath: String, includeDirectories: [String], fetchReference: ReferenceFetcher? = nil) {
        self.fetchReference = fetchReference
        directories = AllowedDirectories(documentPath: documentPath, includeDirectories: includeDirectories)
    }

    /// The document's directory, then the include directories: standardized, symlinks
    /// resolved, each ending in "/".
    var allowedDirectories: [String] { directories.paths }

    enum Outcome {
        case file(path: String)
        /// A network URL (bib.ietf.org and the like): never fetched.
        case network(String)
        /// Not found in an allowed directory, or outside them.
        case unavailable(reason: String)
    }

    /// Resolves an href or SYSTEM identifier. Relative names are looked up in the
    /// document's directory, then each include directory.
    func resolve(_ reference: String, addingExtension: String? = nil) -> Outcome {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].count > 1 {
            let scheme = trimmed[..<colon].lowercased()
            if scheme == "file" {
                guard let url = URL(string: trimmed), url.isFileURL else {
                    return .unavailable(reason: "unreadable file URL \(trimmed)")
                }
                return check(url.path)
            }
            // Fetched only when the caller gives a fetcher (the command line's
            // --fetch-references, through the document cache); never by libxml2.
            if let local = fetchReference?(trimmed) { return .file(path: local) }
            return .network(trimmed)
        }
        var candidates: [String] = []
        if trimmed.hasPrefix("/") {
            candidates = [trimmed]
        } else {
            candidates = allowedDirectories.map { $0 + trimmed }
        }
        if let ext = addingExtension, !trimmed.hasSuffix(ext) {
            candidates = candidates.flatMap { [$0, $0 + ext] }
        }
        var last: Outcome = .unavailable(reason: "\(trimmed) not found beside the document or in an include directory")
        for candidate in candidates {
            let outcome = check(candidate)
            if case .file = outcome { return outcome }
            // A candidate that is there but refused says more than one that is not there.
            if case .unavailable(let reason) = outcome, !reason.hasSuffix(" not found") { last = outcome }
        }
        return last
    }

    private func check(_ path: String) -> Outcome {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard allowedDirectories.contains(where: { resolved.hasPrefix($0) }) else {
            return .unavailable(reason: "\(path) is outside the document's directory and the include directories; not read")
        }
        var status = stat()
        guard stat(resolved, &status) == 0 else {
            return .unavailable(reason: "\(path) not found")
        }
        // A FIFO or a device would block the read or never end it.
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .unavailable(reason: "\(path) is not a regular file; not read")
        }
        return .file(path: resolved)
    }
}

/// The anchor a placeholder reference carries when its bibliography entry cannot be read
/// offline, derived as the IETF bibxml libraries name their entries:
/// `reference.RFC.2119.xml` -> "RFC2119", `reference.I-D.draft-ietf-quic-tls-34.xml`
/// -> "I-D.ietf-quic-tls", `reference.W3C.REC-xml.xml` -> "W3C.REC-xml", the datatracker's
/// `bibxml3/draft-ietf-httpbis-priority/xml` -> "I-D.ietf-httpbis-priority".
public enum ReferencePlaceholder {
    public static func anchor(forInclude reference: String) -> String? {
        var name = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if let doi = name.range(of: "reference.DOI.") {
            // bibxml-doi: reference.DOI.10.1145/2975159.xml -> "DOI_10.1145_2975159"
            var rest = String(name[doi.upperBound...])
            if rest.hasSuffix(".xml") { rest.removeLast(4) }
            return "DOI_" + rest.replacingOccurrences(of: "/", with: "_")
        }
        if let query = name.firstIndex(of: "?") { name = String(name[..<query]) }
        // The datatracker names an entry by the draft, then the format:
        // .../doc/bibxml3/draft-ietf-httpbis-priority/xml -> "I-D.ietf-httpbis-priority".
        if name.hasSuffix("/xml") { name.removeLast(4) }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        if name.hasSuffix(".xml") { name.removeLast(4) }
        if name.hasPrefix("reference.") { name.removeFirst("reference.".count) }
        guard !name.isEmpty else { return nil }
        for series in ["RFC", "BCP", "STD", "FYI"] where name.hasPrefix(series + ".") {
            let number = name.dropFirst(series.count + 1)
            if let n = Int(number) { return "\(series)\(n)" }
        }
        // bibxml3 entries named by the draft alone ("draft-ietf-quic-tls-34") are I-Ds too.
        if name.hasPrefix("draft-") { name = "I-D." + name }
        if name.hasPrefix("I-D.") {
            var draft = String(name.dropFirst(4))
            if draft.hasPrefix("draft-") { draft.removeFirst(6) }
            let stripped = Metadata.stripRevision(draft)
            return "I-D." + stripped
        }
        return name
    }
}

/// The directories an include may read from, worked out at the first reference resolved:
/// most documents have none, and URL's path handling was a tenth of a millisecond of every
/// XML read.
private final class AllowedDirectories {
    let documentPath: String
    let includeDirectories: [String]

    init(documentPath: String, includeDirectories: [String]) {
        self.documentPath = documentPath
        self.includeDirectories = includeDirectories
    }

    lazy var paths: [String] = {
        let base = URL(fileURLWithPath: documentPath).deletingLastPathComponent()
        return ([base] + includeDirectories.map { URL(fileURLWithPath: $0) })
            .map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
            .map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }()
}
