import Foundation
import Testing
import TestSupport

/// `draftcheck ts agreement DIR` end to end, on the built binary, over the committed
/// captures of real daemons (Tests/Fixtures/daemons) and over altered copies.
@Suite struct TSAgreementCommandTests {
    static let fixtures = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/daemons")

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ts-agreement-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func fixtureCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".json") }.count
    }

    @Test func committedCapturesAgreeInJSON() throws {
        let r = try runDraftcheck(["ts", "agreement", "--format", "json", Self.fixtures.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["scenarios"] as? Int == (try fixtureCount()))
        let rows = try #require(json["profiles"] as? [[String: Any]])
        #expect(rows.map { $0["profile"] as? String } == ["strongswan", "libreswan", "libreswan-narrowing"])
        for row in rows {
            #expect(row["disagreed"] as? Int == 0, "\(row)")
            let total = try #require(row["total"] as? Int)
            #expect(row["agreed"] as? Int == total - (row["explained"] as? Int ?? -1))
        }
        #expect((json["rfc7296"] as? [[String: Any]])?.count == 3)
        #expect((json["rfc7296DiffersFromEveryDaemon"] as? [String])?.contains("two-halves-additional-ts") == true)
    }

    @Test func textNamesEachProfileWithItsFigures() throws {
        let r = try runDraftcheck(["ts", "agreement", Self.fixtures.path])
        #expect(r.status == 0, "\(r.stderr)")
        let n = try fixtureCount()
        #expect(r.stdout.hasPrefix("Narrowing profiles against real daemons: \(n) scenarios\n"))
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("strongswan ") })
        #expect(line.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == ["strongswan", "\(n)/\(n)", "0", "0", "0"])
    }

    /// A capture whose daemon answer the profile does not give: exit 1, listed with the difference.
    @Test func aDisagreementExitsOneAndIsListed() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("wider-both-sides.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var daemons = try #require(json["daemons"] as? [String: Any])
        var s = try #require(daemons["strongswan"] as? [String: Any])
        // Claim strongSwan returned the proposal's /16 TSr unnarrowed.
        s["tsr"] = [["type": 7, "protocol": 0, "startPort": 0, "endPort": 65535, "startAddress": "10.2.0.0", "endAddress": "10.2.255.255"]]
        daemons["strongswan"] = s
        json["daemons"] = daemons
        try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent("altered.json"))
        let r = try runDraftcheck(["ts", "agreement", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Disagreements:\n  strongswan altered: TSr: daemon [any/any/10.2.0.0/16], profile [any/any/10.2.0.0/24]\n"), "\(r.stdout)")
    }

    @Test func missingOrEmptyDirectory() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try runDraftcheck(["ts", "agreement", dir.path])
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("no *.json captures"))
        let missing = try runDraftcheck(["ts", "agreement", dir.appendingPathComponent("none").path])
        #expect(missing.status == 66)
        try "{}".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try runDraftcheck(["ts", "agreement", dir.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.json: error: not a valid file: missing field \"description\""), "\(bad.stderr)")
    }
}
