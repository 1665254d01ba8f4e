import Diagnostics

/// Why a named document could not be had: not published, not in the cache, or the network
/// failed on the way. Each names the document and, where there is one, the URL.
public struct SourceError: Diagnostic {
    public typealias Code = DiagnosticCode<SourceError>

    public var code: Code
    public var message: String
    /// The document as the user named it.
    public var name: String

    public init(_ code: Code, name: String, _ message: String) {
        self.code = code
        self.name = name
        self.message = message
    }

    public var diagnosticLocation: DiagnosticLocation? { .file(name) }

    public var category: DiagnosticCategory {
        switch code {
        case .notPublished, .notCached: .missingInput
        case .cacheUnusable: .cannotWrite
        default: .unavailable
        }
    }

    /// `NAME: error: MESSAGE`, as the command line prints a missing file.
    public var description: String { "\(name): error: \(message)" }
    public var reportLine: String { description }
}

extension DiagnosticCode where Domain == SourceError {
    /// The server answered 404 (or 410) for every form of the document (exit 66).
    public static var notPublished: Self { Self("notPublished") }
    /// `--offline` and the document is not in the cache (exit 66).
    public static var notCached: Self { Self("notCached") }
    /// Another HTTP status than success or not-found (exit 69).
    public static var httpError: Self { Self("httpError") }
    /// No answer within the time limit (exit 69).
    public static var timedOut: Self { Self("timedOut") }
    /// The body ended before its Content-Length (exit 69).
    public static var truncated: Self { Self("truncated") }
    /// More redirects than the limit, or a redirect to another scheme than http(s) (exit 69).
    public static var tooManyRedirects: Self { Self("tooManyRedirects") }
    /// The connection failed: no route, refused, TLS, DNS (exit 69).
    public static var connectionFailed: Self { Self("connectionFailed") }
    /// The cache directory or its index cannot be written or read (exit 73).
    public static var cacheUnusable: Self { Self("cacheUnusable") }
}
