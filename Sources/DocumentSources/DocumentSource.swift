import Foundation

/// Turns a document name into a local file: from the cache when it is there, else fetched
/// (XML where published, text otherwise) and cached. `--offline` never fetches.
public struct DocumentSource: Sendable {
    public var settings: SourceSettings
    public var cache: DocumentCache
    /// Said on standard error by the command line: a re-fetch that found a changed document.
    public var notice: @Sendable (String) -> Void

    public init(settings: SourceSettings, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.settings = settings
        self.cache = DocumentCache(directory: settings.cacheDirectory)
        self.notice = notice
    }

    /// What `fetch` stored: the name, its entry and whether it changed.
    public struct Fetched: Sendable {
        public var name: String
        public var path: String
        public var entry: DocumentCache.Entry
        public var change: DocumentCache.Change
    }

    /// The local path of `name`'s body: the cached one, fetching it first when absent.
    public func localPath(of name: DocumentName) throws -> String {
        if let entry = try cache.entry(for: name.description) { return cache.path(of: entry) }
        guard !settings.offline else {
            throw SourceError(.notCached, name: name.description, "not in the cache (--offline); run draftcheck fetch \(name.description)")
        }
        return try fetch(name).path
    }

    /// Fetches `name` whether or not it is cached (`draftcheck fetch`), storing it and
    /// saying on `notice` when the body differs from the one cached before.
    @discardableResult
    public func fetch(_ name: DocumentName) throws -> Fetched {
        guard !settings.offline else {
            throw SourceError(.notCached, name: name.description, "cannot fetch with --offline")
        }
        let fetcher = HTTPFetcher(timeout: settings.timeout, maximumRedirects: settings.maximumRedirects)
        var names = [name.description]
        var resolved = name
        if case .draft(let draft, nil) = name {
            let revision = try latestRevision(of: draft, fetcher: fetcher)
            resolved = .draft(name: draft, revision: revision)
            names.append(resolved.description)
        }
        let urls = settings.candidateURLs(for: resolved)
        for url in urls {
            guard case .body(let response) = try fetcher.get(url, name: name.description) else { continue }
            let (entry, change) = try cache.store(response.body, from: url, as: names)
            if case .changed(let previous) = change {
                notice("\(name): changed upstream at \(url) (sha256 \(previous.prefix(12))... -> \(entry.sha256.prefix(12))...); the cache index now points to the new body")
            }
            return Fetched(name: name.description, path: cache.path(of: entry), entry: entry, change: change)
        }
        throw SourceError(.notPublished, name: name.description, "not published at \(urls.joined(separator: " or "))")
    }

    /// The highest revision published, found by asking (HEAD) for -00, -01, ... (text, which
    /// every revision has) until the first miss: the archive keeps every revision, so the first
    /// gap is the end. The datatracker's API would say it in one request, but it is another
    /// service to configure and to stand in for in tests.
    func latestRevision(of draft: String, fetcher: HTTPFetcher) throws -> Int {
        var latest: Int?
        for revision in 0...settings.maximumRevision {
            let url = settings.candidateURLs(for: .draft(name: draft, revision: revision)).last!
            guard case .body = try fetcher.get(url, name: draft, headOnly: true) else { break }
            latest = revision
        }
        guard let latest else {
            throw SourceError(.notPublished, name: draft, "not published at \(settings.draftBase)/\(draft)-00.txt")
        }
        return latest
    }
}
