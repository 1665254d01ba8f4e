import Foundation
import Testing
import TestSupport

/// Issue 16 "Must show": the seed's sentence on four revisions of ikev2bis. Where the
/// sentence is reworded around "although it only applies to IKEv1" the contradiction
/// stands, labelled drifted with a word diff; where the clause is removed the claim is
/// stale for that statement, with the word diff. The reworded revisions are edited
/// excerpts under Tests/Fixtures/revisions (see its README).
@Suite struct DriftRevisionsTests {
    static let revisions = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/revisions").path

    static func json(_ path: String) throws -> [String: Any] {
        let result = try runDraftcheck(["check", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    /// The statement of section 2.9 paragraph 1 that starts "Maint..." (Maintenance, Maintaining).
    static func spdSentence(_ report: [String: Any]) throws -> [String: Any] {
        let documents = try #require(report["documents"] as? [[String: Any]])
        let statements = try #require(documents.first?["statements"] as? [[String: Any]])
        return try #require(statements.first {
            $0["section"] as? String == "2.9" && ($0["text"] as? String)?.hasPrefix("Maint") == true
        })
    }

    /// (file, status, drifted, the clause as found or nil, similarity rounded to 2 places)
    static let cases: [(String, String, Bool, String?, Double?)] = [
        ("draft-ietf-ipsecme-ikev2bis-04-reworded.txt", "contradicted", true, "although it applies only to IKEv1", 0.88),
        ("draft-ietf-ipsecme-ikev2bis-08-reworded.xml", "contradicted", true, "although it only applies to IKEv1", 0.92),
        ("draft-ietf-ipsecme-ikev2bis-08-clause-removed.xml", "stale", false, nil, 0.87),
    ]

    @Test(arguments: 0..<cases.count)
    func aRewordedRevisionKeepsOrLosesTheVerdictByItsClause(index: Int) throws {
        let (file, status, drifted, clauseFound, similarity) = Self.cases[index]
        let report = try Self.json(Self.revisions + "/" + file)
        let sentence = try Self.spdSentence(report)
        #expect(sentence["status"] as? String == status)
        let drift = try #require(sentence["drift"] as? [String: Any], "no drift on \(file)")
        #expect(drift["clause"] as? String == "although it only applies to IKEv1")
        #expect(drift["clauseFound"] as? String == clauseFound)
        #expect((drift["similarity"] as? Double).map { ($0 * 100).rounded() / 100 } == similarity)
        #expect((drift["wordDiff"] as? String)?.contains("[-") == true)
        let claims = try #require(sentence["claims"] as? [[String: Any]])
        #expect(claims.map { $0["check"] as? String } == ["seed.ikev2-child-sa-via-pfkey", "seed.acquire-expresses-spd-entry"])
        #expect(claims.allSatisfy { $0["match"] as? String == "fuzzy" && $0["status"] as? String == status })
        #expect(claims.allSatisfy { ($0["drift"] as? [String: Any])?["clauseFound"] as? String == clauseFound })
        _ = drifted
    }

    @Test func theAsPublishedRevisionsAreNotDrifted() throws {
        let bundled = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path
        let sentence = try Self.spdSentence(try Self.json(bundled))
        #expect(sentence["status"] as? String == "contradicted")
        #expect(sentence["drift"] is NSNull)
    }

    @Test func theTextReportLabelsTheDriftAndShowsTheWords() throws {
        let result = try runDraftcheck(["check", Self.revisions + "/draft-ietf-ipsecme-ikev2bis-04-reworded.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("draft-ietf-ipsecme-ikev2bis-04: 1 contradicted, 19 supported, 21 unlinked of 41 statements (1 drifted, 15 inherited);") == true)
        #expect(lines.contains("  CONTRADICTED  paragraph 1, line 172, drifted (0.88)"))
        #expect(lines.contains("    [PFKEY] for an example programming interface, \u{BB}although it applies only"))
        #expect(lines.contains("    reworded: [-Maintenance-] {+Maintaining the SPD+} of a [-system's SPD-]"))
    }

    @Test func theClauseRemovedIsStaleWithTheWordDiff() throws {
        let result = try runDraftcheck(["check", Self.revisions + "/draft-ietf-ipsecme-ikev2bis-08-clause-removed.xml"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("draft-ietf-ipsecme-ikev2bis-08: 1 stale, 5 supported of 6 statements (1 inherited);") == true)
        #expect(lines.contains("    clause gone: \"although it only applies to IKEv1\""))
        #expect(lines.contains("    [PFKEY] for an example programming [-interface, although it only applies"))
        #expect(lines.contains("    to IKEv1),-] {+interface),+} though some implementations might update"))
    }

    @Test func failOnStaleFailsTheClauseRemovedRevisionOnly() throws {
        let removed = try runDraftcheck(["check", Self.revisions + "/draft-ietf-ipsecme-ikev2bis-08-clause-removed.xml", "--fail-on", "stale"])
        let reworded = try runDraftcheck(["check", Self.revisions + "/draft-ietf-ipsecme-ikev2bis-08-reworded.xml", "--fail-on", "stale"])
        #expect(removed.status == 1)
        #expect(reworded.status == 0)
    }
}

extension DriftRevisionsTests {
    @Test func failOnDriftedFailsARewordedRevisionOnly() throws {
        let reworded = try runDraftcheck(["check", Self.revisions + "/draft-ietf-ipsecme-ikev2bis-08-reworded.xml", "--fail-on", "drifted"])
        let bundled = try runDraftcheck(["check", TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path, "--fail-on", "drifted"])
        #expect(reworded.status == 1)
        #expect(bundled.status == 0)
    }
}

/// Issue 16 section 3 on the CLI: a made-up draft restating three RFC 7296 2.9 sentences
/// inherits their checks; its reworded and its own sentences stay unlinked.
@Suite struct InheritedLinksCommandTests {
    static let draft = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/inherited/draft-example-ts-restated-00.xml").path

    @Test func aDraftQuotingRFC7296InheritsItsChecks() throws {
        let result = try runDraftcheck(["check", Self.draft])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("draft-example-ts-restated-00: 3 supported, 3 unlinked of 6 statements (3 inherited);") == true, "\(lines.first ?? "")")
        #expect(lines.contains("  supported  paragraph 1, line 20: \"Each TS payload contains one or more Traffic Selectors.\" (ts.wire.payload-fields; inherited from RFC 7296 section 2.9)"))
        #expect(lines.contains("  supported  paragraph 2, line 22: \"If the responder's policy allows it to accept the first ...\" (ts.narrow.r6-first-choices-kept; inherited from RFC 5996 section 2.9, RFC 7296 section 2.9)"))
        #expect(lines.contains("  draft-example-ts-restated/3/49d484  line 28: \"An example responder MUST log every Traffic Selector it ...\""))
    }

    @Test func theJSONNamesEachInheritedClaimsSource() throws {
        let result = try runDraftcheck(["check", Self.draft, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let document = try #require((report["documents"] as? [[String: Any]])?.first)
        let statements = try #require(document["statements"] as? [[String: Any]])
        let supported = statements.filter { $0["status"] as? String == "supported" }
        #expect(supported.count == 3)
        let sources = supported.flatMap { ($0["claims"] as? [[String: Any]] ?? []).compactMap { $0["inheritedFrom"] as? [String: String] } }
        #expect(sources.contains(["document": "rfc7296", "section": "2.9"]))
        #expect(sources.allSatisfy { $0["section"] == "2.9" && ["rfc5996", "rfc7296"].contains($0["document"] ?? "") })
        let coverage = try #require(document["coverage"] as? [String: Any])
        #expect((coverage["total"] as? [String: Any])?["inherited"] as? Int == 3)
        #expect(document["staleClaims"] as? [Any] != nil && (document["staleClaims"] as? [Any])?.isEmpty == true)
    }
}
