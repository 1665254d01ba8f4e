import DocumentSources
import Foundation
import Synchronization
import Testing
import TestSupport

/// Documents by name against a real HTTP server on loopback (Tests/Fixtures/archive-server.py)
/// serving corpus documents in the archives' layout: what is fetched, what is cached, and
/// each way a fetch fails. Nothing here reaches past 127.0.0.1.
@Suite(.serialized)
struct FetchTests {
    /// A server and an empty cache for one test; nil (said loudly) without python3 or the corpus.
    static func setUp(_ purpose: String, corpus: [String: String] = ["rfc2367.txt": "rfc/rfc2367.txt"]) throws -> (ArchiveServer, String)? {
        guard let server = try ArchiveServer() else {
            let msg = Absence.peer(.python, neededFor: purpose)
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return nil
        }
        for (name, path) in corpus where try !server.publish(corpus: name, at: path) {
            let msg = Absence.corpus(name, neededFor: purpose)
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return nil
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-cache-\(UUID().uuidString)").path
        return (server, cache)
    }

    static func source(_ server: ArchiveServer, cache: String, rfcBase: String? = nil, offline: Bool = false, timeout: Double = 10,
                       notices: NoticeLog? = nil) -> DocumentSource {
        let settings = SourceSettings(rfcBase: rfcBase ?? server.rfcBase, draftBase: server.draftBase, cacheDirectory: cache,
                                      offline: offline, timeout: timeout, environment: [:])
        return DocumentSource(settings: settings) { text in notices?.lines.withLock { $0.append(text) } }
    }

    /// Files under the cache's objects/ (nothing half-written is ever left there).
    static func cachedObjects(_ cache: String) -> [String] {
        (FileManager.default.enumerator(atPath: cache + "/objects")?.allObjects as? [String] ?? []).filter { $0.contains(".") }
    }

    @Test func anRFCPublishedAsTextIsFetchedOnceAndCachedByItsHash() throws {
        guard let (server, cache) = try Self.setUp("fetching an RFC by number") else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let source = Self.source(server, cache: cache)
        let path = try source.localPath(of: .rfc(2367))
        let body = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(body == (try Data(contentsOf: URL(fileURLWithPath: Corpus.path("rfc2367.txt")!))))
        let hash = SHA256.hexDigest(of: body)
        #expect(path == "\(cache)/objects/\(hash)/rfc2367.txt")
        let entry = try #require(try source.cache.entry(for: "rfc2367"))
        #expect(entry.url == server.rfcBase + "/rfc2367.txt")
        #expect(entry.sha256 == hash)
        // Fetched once: with the server gone the cache still answers, and offline too.
        server.stop()
        #expect(try source.localPath(of: .rfc(2367)) == path)
        #expect(try Self.source(server, cache: cache, offline: true).localPath(of: .rfc(2367)) == path)
    }

    @Test func xmlIsPreferredWherePublished() throws {
        guard let (server, cache) = try Self.setUp("XML before text", corpus: ["rfc7911.txt": "rfc/rfc7911.txt", "rfc7911.xml": "rfc/rfc7911.xml"]) else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let fetched = try Self.source(server, cache: cache).fetch(.rfc(7911))
        #expect(fetched.entry.url.hasSuffix("/rfc7911.xml"))
        #expect(fetched.path.hasSuffix("/rfc7911.xml"))
    }

    @Test func offlineWithAnEmptyCacheNamesWhatIsMissing() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-cache-\(UUID().uuidString)").path
        let source = DocumentSource(settings: SourceSettings(rfcBase: "http://127.0.0.1:9/rfc", cacheDirectory: cache, offline: true, environment: [:]))
        let error = try #require(throws: SourceError.self) { try source.localPath(of: .rfc(7296)) }
        #expect(error.code == .notCached)
        #expect(error.category == .missingInput)
        #expect(error.reportLine == "rfc7296: error: not in the cache (--offline); run draftcheck fetch rfc7296")
    }

    @Test func notFoundSaysWhereItWasLookedFor() throws {
        guard let (server, cache) = try Self.setUp("a 404") else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let error = try #require(throws: SourceError.self) { try Self.source(server, cache: cache).localPath(of: .rfc(9999)) }
        #expect(error.code == .notPublished)
        #expect(error.message == "not published at \(server.rfcBase)/rfc9999.xml or \(server.rfcBase)/rfc9999.txt")
        #expect(Self.cachedObjects(cache).isEmpty)
    }

    @Test func redirectsAreFollowedUpToTheLimit() throws {
        guard let (server, cache) = try Self.setUp("redirects") else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let followed = try Self.source(server, cache: cache, rfcBase: server.baseURL + "/redirect/2/rfc").fetch(.rfc(2367))
        #expect(followed.entry.sha256 == SHA256.hexDigest(of: try Data(contentsOf: URL(fileURLWithPath: Corpus.path("rfc2367.txt")!))))
        let error = try #require(throws: SourceError.self) {
            try Self.source(server, cache: cache, rfcBase: server.baseURL + "/redirect/9/rfc").fetch(.rfc(2367))
        }
        #expect(error.code == .tooManyRedirects)
        #expect(error.category == .unavailable)
    }

    @Test func aTruncatedBodyIsAnErrorAndNothingIsCached() throws {
        guard let (server, cache) = try Self.setUp("a truncated body") else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let error = try #require(throws: SourceError.self) {
            try Self.source(server, cache: cache, rfcBase: server.baseURL + "/truncated/rfc").fetch(.rfc(2367))
        }
        #expect(error.code == .truncated)
        #expect(error.category == .unavailable)
        #expect(Self.cachedObjects(cache).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cache + "/index.json"))
    }

    @Test func aSlowServerTimesOut() throws {
        guard let (server, cache) = try Self.setUp("a timeout") else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let start = Date()
        let error = try #require(throws: SourceError.self) {
            try Self.source(server, cache: cache, rfcBase: server.baseURL + "/slow/5/rfc", timeout: 1).fetch(.rfc(2367))
        }
        #expect(error.code == .timedOut)
        #expect(error.message.contains("within 1 s"))
        #expect(Date().timeIntervalSince(start) < 4)
        #expect(Self.cachedObjects(cache).isEmpty)
    }

    @Test func aDocumentChangedUpstreamIsNoticedByItsHash() throws {
        guard let (server, cache) = try Self.setUp("a changed document") else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        let notices = NoticeLog()
        let source = Self.source(server, cache: cache, notices: notices)
        let first = try source.fetch(.rfc(2367))
        #expect(first.change == .added)
        #expect(try source.fetch(.rfc(2367)).change == .unchanged)
        try server.publish(text: "RFC 2367, as changed upstream\n", at: "rfc/rfc2367.txt")
        let second = try source.fetch(.rfc(2367))
        #expect(second.change == .changed(previousSHA256: first.entry.sha256))
        #expect(second.entry.sha256 == SHA256.hexDigest(of: Array("RFC 2367, as changed upstream\n".utf8)))
        #expect(try source.localPath(of: .rfc(2367)) == second.path)
        #expect(notices.lines.withLock { $0 }.count == 1)
        #expect(notices.lines.withLock { $0 }.first?.hasPrefix("rfc2367: changed upstream at \(server.rfcBase)/rfc2367.txt") == true)
        // Both bodies stay, each under its own hash.
        #expect(Self.cachedObjects(cache).count == 2)
    }

    @Test func aDraftWithoutRevisionTakesTheLatestPublished() throws {
        guard let (server, cache) = try Self.setUp("the latest revision of a draft", corpus: [
            "draft-ietf-ipsec-udp-encaps-09.txt": "id/draft-ietf-ipsec-udp-encaps-09.txt",
        ]) else { return }
        defer { server.stop(); try? FileManager.default.removeItem(atPath: cache) }
        for revision in 0..<9 { try server.publish(text: "revision \(revision)\n", at: "id/draft-ietf-ipsec-udp-encaps-0\(revision).txt") }
        let source = Self.source(server, cache: cache)
        let fetched = try source.fetch(.draft(name: "draft-ietf-ipsec-udp-encaps", revision: nil))
        #expect(fetched.entry.url == server.draftBase + "/draft-ietf-ipsec-udp-encaps-09.txt")
        // Recorded under both names; the named revision is read from the cache.
        #expect(try source.cache.entry(for: "draft-ietf-ipsec-udp-encaps-09") == fetched.entry)
        let older = try source.localPath(of: .draft(name: "draft-ietf-ipsec-udp-encaps", revision: 3))
        #expect(try String(contentsOfFile: older, encoding: .utf8) == "revision 3\n")
        let error = try #require(throws: SourceError.self) { try source.fetch(.draft(name: "draft-nobody-nothing", revision: nil)) }
        #expect(error.code == .notPublished)
    }

    @Test func aRefusedConnectionIsUnavailable() throws {
        guard let (server, cache) = try Self.setUp("a refused connection") else { return }
        let base = server.rfcBase
        server.stop()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let source = DocumentSource(settings: SourceSettings(rfcBase: base, cacheDirectory: cache, timeout: 5, environment: [:]))
        let error = try #require(throws: SourceError.self) { try source.fetch(.rfc(2367)) }
        #expect(error.code == .connectionFailed)
        #expect(error.category == .unavailable)
    }
}

/// What a source said on standard error, collected across URLSession's queue.
final class NoticeLog: Sendable {
    let lines = Mutex<[String]>([])
}
