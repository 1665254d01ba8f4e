import Foundation

/// Where names resolve and where fetched documents are kept: flags first, then the
/// environment (DRAFTCHECK_RFC_BASE, DRAFTCHECK_DRAFT_BASE, DRAFTCHECK_CACHE,
/// XDG_CACHE_HOME, HOME), then the published layouts.
public struct SourceSettings: Sendable {
    /// An RFC is BASE/rfcN.xml or BASE/rfcN.txt (the RFC Editor's layout).
    public var rfcBase: String
    /// A draft is BASE/NAME-NN.xml or BASE/NAME-NN.txt (the IETF archive's layout).
    public var draftBase: String
    /// The cache directory (README "Documents by name").
    public var cacheDirectory: String
    /// Use the cache alone; a document not in it is an error.
    public var offline: Bool
    /// Seconds for one request, connection to last byte.
    public var timeout: Double
    /// Redirects followed for one request before giving up.
    public var maximumRedirects: Int
    /// Revisions tried when a draft is named without one (-00, -01, ... until a miss).
    public var maximumRevision: Int

    public static let defaultRFCBase = "https://www.rfc-editor.org/rfc"
    public static let defaultDraftBase = "https://www.ietf.org/archive/id"
    public static let defaultTimeout = 30.0

    public init(rfcBase: String? = nil, draftBase: String? = nil, cacheDirectory: String? = nil, offline: Bool = false,
                timeout: Double? = nil, maximumRedirects: Int = 5, maximumRevision: Int = 99,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        func nonEmpty(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        self.rfcBase = Self.trimmingSlash(rfcBase ?? nonEmpty("DRAFTCHECK_RFC_BASE") ?? Self.defaultRFCBase)
        self.draftBase = Self.trimmingSlash(draftBase ?? nonEmpty("DRAFTCHECK_DRAFT_BASE") ?? Self.defaultDraftBase)
        self.cacheDirectory = cacheDirectory ?? Self.cacheDirectory(environment: environment)
        self.offline = offline
        self.timeout = timeout ?? Self.defaultTimeout
        self.maximumRedirects = maximumRedirects
        self.maximumRevision = maximumRevision
    }

    /// DRAFTCHECK_CACHE, else $XDG_CACHE_HOME/draftcheck, else ~/.cache/draftcheck (the
    /// XDG Base Directory specification's default).
    public static func cacheDirectory(environment: [String: String]) -> String {
        if let dir = environment["DRAFTCHECK_CACHE"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/draftcheck" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/draftcheck"
    }

    /// The URLs that may hold the document, most preferred first: XML where published,
    /// text otherwise. A draft without a revision has none until its latest is known.
    public func candidateURLs(for name: DocumentName) -> [String] {
        switch name {
        case .rfc(let number): ["\(rfcBase)/rfc\(number).xml", "\(rfcBase)/rfc\(number).txt"]
        case .draft(let draft, let revision?):
            ["\(draftBase)/\(draft)-\(DocumentName.twoDigits(revision)).xml", "\(draftBase)/\(draft)-\(DocumentName.twoDigits(revision)).txt"]
        case .draft(_, nil): []
        case .url(let url): [url]
        }
    }

    private static func trimmingSlash(_ base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
