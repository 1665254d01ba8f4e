import Foundation
import Testing
import TestSupport

/// The command line with scenario files: a bad file is exit 65 with FILE:LINE:COL, a
/// missing --checks directory exit 66, and the bundled checks/ is found from elsewhere.
@Suite struct ScenarioCommandLineTests {
    static func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func aBadScenarioFileIsExit65WithItsPlace() throws {
        let dir = try Self.directory(["bad.yaml": ScenarioParserTests.valid.replacingOccurrences(of: "  - pfkey:", with: "  - pfkye:")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--checks", dir.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(dir.path)/bad.yaml:10:5: error: unknownStepKind: steps[0].pfkye: unknown step kind \"pfkye\" (known: pfkey, kernel, capture, spd, ts-narrow, ts-decode, sockets)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aQuoteInNoDocumentReadIsExit65() throws {
        guard let rfc2367 = Corpus.path("rfc2367.txt") else {
            let m = Absence.corpus("rfc2367.txt", neededFor: "the quoteNotFound command-line test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let dir = try Self.directory(["q.yaml": ScenarioParserTests.valid.replacingOccurrences(of: "This MUST be set to PF_KEY_V2.", with: "Nothing of the kind is written in this document at all.")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runDraftcheck(["check", rfc2367, "--checks", dir.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(dir.path)/q.yaml:7:12: error: quoteNotFound: claims.quote: the quote is in no document of RFC 2367 read"), "\(result.stderr)")
    }

    @Test func aMissingDirectoryIsExit66() throws {
        let result = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--checks", "/nonexistent/checks"])
        #expect(result.status == 66)
        #expect(result.stderr == "/nonexistent/checks: error: directoryMissing: no such directory of scenario files\n")
    }

    @Test func aGoodScenarioDirectoryJoinsTheCatalog() throws {
        let dir = try Self.directory(["good.yaml": ScenarioParserTests.valid])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--checks", dir.path, "--check", "test.scenario", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let checks = report?["checks"] as? [[String: Any]]
        #expect(checks?.map { $0["id"] as? String } == ["test.scenario"])
        #expect(checks?.first?["outcome"] as? String == "passed")
    }

    @Test func theBundledCatalogIsFoundFromAnotherDirectory() throws {
        let elsewhere = FileManager.default.temporaryDirectory.path
        let result = try runDraftcheck(["checks", "--format", "json"], currentDirectory: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let sources = (listing?["checks"] as? [[String: Any]])?.compactMap { $0["source"] as? String } ?? []
        #expect(sources.contains("checks/spd.final-discard.yaml"))
    }
}
