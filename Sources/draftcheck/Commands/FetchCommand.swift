import CommandLineParsing
import DocumentSources

/// `draftcheck fetch NAME...`: documents by name into the cache, for later --offline use.
struct FetchCommand: Command {
    static let info = CommandInfo(
        name: "fetch",
        abstract: "Fetch RFCs, drafts or URLs into the cache and print where each is kept.",
        discussion: """
        NAME is an RFC (rfc7296, "RFC 7296"), a draft with or without its revision \
        (draft-ietf-ipsecme-ikev2bis-08; without, the latest published), or an http(s) URL. \
        XML is taken where published, text otherwise. Each body is kept under its sha256 in \
        the cache (DRAFTCHECK_CACHE, else $XDG_CACHE_HOME/draftcheck, else \
        ~/.cache/draftcheck), and the name recorded with its URL and fetch time; a body that \
        changed since the last fetch is said on standard error. Prints one line per name: \
        NAME, the sha256 and the cached file.

        Exit codes: 66 not published (HTTP 404); 69 the network failed (timeout, truncated \
        body, too many redirects, no connection); 73 the cache cannot be written.
        """
    )

    var names: [String]
    var sources: SourceOptions

    init(_ arguments: inout ArgumentReader) throws {
        names = arguments.arguments("names", help: "RFC numbers, draft names or URLs.")
        sources = try SourceOptions(&arguments)
    }

    func validate() throws {
        if names.isEmpty { throw UsageError("Name at least one document.") }
        if sources.offline { throw UsageError("fetch and --offline exclude each other.") }
        for name in names where DocumentName(parsing: name) == nil {
            throw UsageError("\(name): not an RFC number (rfc7296), a draft name (draft-...) or an http(s) URL.")
        }
    }

    func run() throws {
        try reportingErrors {
            let source = DocumentSource(settings: sources.settings, notice: printWarning)
            for name in names.compactMap(DocumentName.init(parsing:)) {
                let fetched = try source.fetch(name)
                try StandardOutput.write("\(fetched.name)\t\(fetched.entry.sha256)\t\(fetched.path)\n")
            }
        }
    }
}
