import Foundation
import Testing
import TestSupport

/// Documents by name through the command line, against the loopback archive server: the
/// issue's walk-through (`check rfc7296 --offline` fails on an empty cache, works after
/// `fetch rfc7296`) and the exit codes of each failure.
@Suite(.serialized)
struct FetchCommandTests {
    struct Setup {
        var server: ArchiveServer
        var cache: String
        var environment: [String: String]

        func tearDown() {
            server.stop()
            try? FileManager.default.removeItem(atPath: cache)
        }
    }

    static func setUp(_ purpose: String) throws -> Setup? {
        guard let server = try ArchiveServer() else {
            let msg = Absence.peer(.python, neededFor: purpose)
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return nil
        }
        guard try server.publish(corpus: "rfc7296.txt", at: "rfc/rfc7296.txt") else {
            let msg = Absence.corpus("rfc7296.txt", neededFor: purpose)
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return nil
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-cli-cache-\(UUID().uuidString)").path
        return Setup(server: server, cache: cache, environment: [
            "DRAFTCHECK_CACHE": cache, "DRAFTCHECK_RFC_BASE": server.rfcBase, "DRAFTCHECK_DRAFT_BASE": server.draftBase,
        ])
    }

    @Test func checkOfflineFailsOnAnEmptyCacheAndWorksAfterFetch() throws {
        guard let setup = try Self.setUp("check rfc7296 --offline") else { return }
        defer { setup.tearDown() }
        let empty = try runDraftcheck(["check", "rfc7296", "--offline"], environment: setup.environment)
        #expect(empty.status == 66)
        #expect(empty.stderr == "rfc7296: error: not in the cache (--offline); run draftcheck fetch rfc7296\n")
        #expect(empty.stdout.isEmpty)

        let fetch = try runDraftcheck(["fetch", "rfc7296"], environment: setup.environment)
        #expect(fetch.status == 0)
        let fields = fetch.stdout.split(separator: "\t").map(String.init)
        #expect(fields.count == 3)
        #expect(fields.first == "rfc7296")
        let hash = fields.count == 3 ? fields[1] : ""
        #expect(fields.last == "\(setup.cache)/objects/\(hash)/rfc7296.txt\n")

        // The server is gone: the cache alone answers, in each spelling of the name.
        setup.server.stop()
        for spelling in ["rfc7296", "RFC 7296", "RFC7296"] {
            let offline = try runDraftcheck(["check", spelling, "--offline", "--format", "json"], environment: setup.environment)
            #expect(offline.status == 0, "\(spelling): \(offline.stderr)")
            #expect(offline.stdout.contains("objects/\(hash)/rfc7296.txt"))
        }
        let sections = try runDraftcheck(["sections", "rfc7296", "--offline"], environment: setup.environment)
        #expect(sections.status == 0)
        #expect(sections.stdout.contains("Traffic Selector Negotiation"))
    }

    @Test func failuresHaveTheirExitCodes() throws {
        guard let setup = try Self.setUp("fetch failures") else { return }
        defer { setup.tearDown() }
        let missing = try runDraftcheck(["fetch", "rfc9999"], environment: setup.environment)
        #expect(missing.status == 66)
        #expect(missing.stderr == "rfc9999: error: not published at \(setup.server.rfcBase)/rfc9999.xml or \(setup.server.rfcBase)/rfc9999.txt\n")

        let slow = try runDraftcheck(["review", "rfc7296", "--timeout", "1", "--rfc-base", setup.server.baseURL + "/slow/4/rfc"], environment: setup.environment)
        #expect(slow.status == 69)
        #expect(slow.stderr == "rfc7296: error: no complete answer from \(setup.server.baseURL)/slow/4/rfc/rfc7296.xml within 1 s (--timeout)\n")

        let usage = try runDraftcheck(["fetch", "notes.txt"], environment: setup.environment)
        #expect(usage.status == 64)
    }

    /// A local file always wins over a name: a file called rfc7296 is read, not fetched.
    @Test func aLocalFileWinsOverAName() throws {
        guard let setup = try Self.setUp("local files before names") else { return }
        defer { setup.tearDown() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: setup.server.root.appendingPathComponent("rfc/rfc7296.txt").path, toPath: dir.appendingPathComponent("rfc7296").path)
        let result = try runDraftcheck(["sections", "rfc7296", "--offline"], currentDirectory: dir.path, environment: setup.environment)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: setup.cache))
    }
}
