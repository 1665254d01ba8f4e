import Foundation
import Testing
import TestSupport

@Suite struct CheckCommandTests {
    static let draft = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"

    @Test func defaultFilesAreTheBundledDrafts() throws {
        let result = try runDraftcheck(["check"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("draft-ietf-ipsecme-ikev2bis-08: 1 contradicted, 5 supported of 6 statements (1 inherited); "))
        #expect(result.stdout.contains("\nSection 2.9 Traffic Selector Negotiation (drafts/draft-ietf-ipsecme-ikev2bis-08.xml)\n"))
    }

    @Test(arguments: [
        ("markdown", "### Section 2.9, paragraph 1"),
        ("sarif", "\"version\" : \"2.1.0\""),
        ("junit", "<testsuite name=\"catalog\""),
        ("html", "<!DOCTYPE html>"),
        ("github", "::error file=drafts/draft-ietf-ipsecme-ikev2bis-08.xml,line=142,col=1,title=draftcheck%3A contradicted::"),
        ("json", "\"schema\" : \"draftcheck-check-report\""),
    ])
    func formatWritesItsDocument(format: String, marker: String) throws {
        let result = try runDraftcheck(["check", Self.draft, "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(marker))
    }

    @Test func unknownFailOnStatusIsAUsageError() throws {
        let result = try runDraftcheck(["check", Self.draft, "--fail-on", "wrong"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown status \"wrong\""))
    }

    @Test func unknownCheckIsAUsageError() throws {
        let result = try runDraftcheck(["check", Self.draft, "--check", "no.such.check"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: unknownCheck: no check \"no.such.check\" in the catalog (draftcheck checks lists them)\n")
    }

    @Test func anUnknownCheckIdNamesTheCloseOnes() throws {
        let result = try runDraftcheck(["check", Self.draft, "--check", "seed.acquire-expresses-spd-entri"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: unknownCheck: no check \"seed.acquire-expresses-spd-entri\" in the catalog; did you mean \"seed.acquire-expresses-spd-entry\"?\n")
    }

    @Test func onlyTheNamedChecksRunAndOthersLeaveClaimsUnlinked() throws {
        let result = try runDraftcheck(["check", Self.draft, "--check", "seed.ts-carry-spd-selectors", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect((json["checks"] as? [[String: Any]])?.map { $0["id"] as? String } == ["seed.ts-carry-spd-selectors"])
        let statements = ((json["documents"] as? [[String: Any]])?.first?["statements"] as? [[String: Any]]) ?? []
        #expect(statements.first { ($0["text"] as? String)?.contains("only applies to IKEv1") == true }?["status"] as? String == "unlinked")
    }

    /// RFC 2367 2.3.7 read whole (its two names over one definition) and judged by the real
    /// kernel's ACQUIRE: the nonzero-bits rule for encryption is contradicted by
    /// SADB_EALG_NULL at 0-0, the one for authentication supported, and --fail-on says so.
    @Test func rfc2367CombinationBitsAreJudgedOnTheRealKernelsProposal() throws {
        guard let path = Corpus.path("rfc2367.txt") else {
            let m = Absence.corpus("rfc2367.txt", neededFor: "the RFC 2367 2.3.7 check test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let ids = ["pfkey.ext.comb-bits", "pfkey.ext.comb-null-encryption"]
        let result = try runDraftcheck(["check", path, "--format", "json", "--fail-on", "contradicted"] + ids.flatMap { ["--check", $0] })
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let statements = ((json["documents"] as? [[String: Any]])?.first?["statements"] as? [[String: Any]]) ?? []
        func status(_ text: String) -> [String] {
            statements.filter { $0["text"] as? String == text }.map { "\($0["section"] ?? "") \($0["status"] ?? "")" }
        }
        #expect(status("If sadb_comb_encrypt is nonzero, both of these values MUST be nonzero.") == ["2.3.7 contradicted"])
        #expect(status("If sadb_comb_auth is nonzero, both of these values MUST be nonzero.") == ["2.3.7 supported"])
        #expect(status("If sadb_comb_auth is zero, both of these values MUST be zero.") == ["2.3.7 supported"])
        let claim = statements.first { $0["status"] as? String == "contradicted" }.flatMap { ($0["claims"] as? [[String: Any]])?.first }
        #expect(claim?["clause"] as? String == "both of these values MUST be nonzero")
        #expect(claim?["check"] as? String == "pfkey.ext.comb-null-encryption")
    }

    @Test func reviewWithChecksGivesEachStatementItsStatusAndChecks() throws {
        let result = try runDraftcheck(["review", Self.draft, "--checks", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let statements = json["statements"] as? [[String: Any]] ?? []
        #expect(statements.map { $0["status"] as? String ?? "nil" } == ["supported", "contradicted", "supported", "supported", "supported", "supported"])
        let ikev1 = try #require(statements.first { ($0["text"] as? String)?.contains("only applies to IKEv1") == true })
        #expect(ikev1["checks"] as? [String] == ["seed.ikev2-child-sa-via-pfkey", "seed.acquire-expresses-spd-entry"])
        let plain = try runDraftcheck(["review", Self.draft, "--format", "json"])
        #expect(!plain.stdout.contains("\"status\""))
    }

    @Test func missingDocumentExits66() throws {
        let result = try runDraftcheck(["check", "/nonexistent/draft-x-00.xml"])
        #expect(result.status == 66)
    }

    @Test func unwritableOutputExits73() throws {
        let result = try runDraftcheck(["check", Self.draft, "-o", "/nonexistent-dir/report.json", "--format", "json"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("/nonexistent-dir/report.json: cannot write"))
    }

    /// `check` of the draft in `format` with `-o` a fresh temporary file: the run, and what
    /// the file holds (the file removed).
    static func checkIntoFile(format: String) throws -> (result: ProcessResult, written: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-check-\(UUID().uuidString).\(format)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try runDraftcheck(["check", draft, "--format", format, "-o", out])
        return (result, try String(contentsOfFile: out, encoding: .utf8))
    }

    @Test func outputFileGetsTheReport() throws {
        let (result, written) = try Self.checkIntoFile(format: "markdown")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(written.contains("This is contradicted by `seed.ikev2-child-sa-via-pfkey`"))
    }

    /// The JSON report streamed into a file is the one streamed to standard output.
    @Test func jsonOutputFileIsTheStandardOutputReport() throws {
        let (toFile, written) = try Self.checkIntoFile(format: "json")
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        let toStdout = try runDraftcheck(["check", Self.draft, "--format", "json"])
        #expect(written == toStdout.stdout)
        #expect(written.contains("\n  \"schema\" : \"draftcheck-check-report\",\n"))
        #expect(written.hasSuffix("\n}\n"))
    }

    /// Any sections of any documents; --unlinked lists the statements left, with their ids.
    @Test func coverageOfNamedSections() throws {
        guard let rfc5996 = Corpus.path("rfc5996.txt") else {
            let m = Absence.corpus("rfc5996.txt", neededFor: "coverage FILE --section")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let result = try runDraftcheck(["coverage", rfc5996, "--section", "2.9", "--section", "3.13", "--unlinked"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nRFC 5996 2.9 "))
        #expect(result.stdout.contains("\nRFC 5996 3.13 "))
        #expect(result.stdout.contains("\nUnlinked in RFC 5996 section 2.9 ("))
        #expect(result.stdout.contains("\n  rfc5996/2.9/"))
        let missing = try runDraftcheck(["coverage", rfc5996])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("name the sections to count with --section"))
    }

    @Test func coveragePrintsTheTargetSections() throws {
        guard Corpus.path("rfc7296.txt") != nil, Corpus.path("rfc2367.txt") != nil else {
            let m = Absence.corpus("rfc7296.txt/rfc2367.txt", neededFor: "the coverage command test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let result = try runDraftcheck(["coverage", "--format", "json"], environment: ["DRAFTCHECK_CORPUS": TestEnvironment.corpusDirectory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        #expect(rows.map { "\($0["document"] ?? "") \($0["section"] ?? "")" } == ["RFC 7296 2.9", "RFC 7296 3.13", "RFC 2367 2", "RFC 2367 3", "RFC 4301 4.4.1", "RFC 4301 4.4.2"])
        // Each target lists its unlinked statements, as many as its table counts.
        for row in rows {
            let unlinked = row["unlinked"] as? [[String: Any]] ?? []
            let counts = ((row["coverage"] as? [String: Any])?["total"] as? [String: Any])?["counts"] as? [String: Int] ?? [:]
            // A section left with no unlinked statement has no "unlinked" count at all.
            #expect(unlinked.count == counts["unlinked"] ?? 0)
        }
        for row in rows {
            let total = (row["coverage"] as? [String: Any])?["total"] as? [String: Any]
            let counts = total?["counts"] as? [String: Int] ?? [:]
            #expect((counts["supported"] ?? 0) > 0, "\(row["document"] ?? "") \(row["section"] ?? ""): no supported statement")
            // One contradiction, found by running code: RFC 2367 2.3.7 wants nonzero bits for
            // a nonzero sadb_comb_encrypt, and Linux proposes SADB_EALG_NULL with 0-0.
            let key = "\(row["document"] ?? "") \(row["section"] ?? "")"
            #expect((counts["contradicted"] ?? 0) == (key == "RFC 2367 2" ? 1 : 0), "\(key)")
        }
        let text = try runDraftcheck(["coverage"], environment: ["DRAFTCHECK_CORPUS": TestEnvironment.corpusDirectory.path])
        #expect(text.stdout.contains("RFC 7296 2.9"))
        #expect(text.stdout.contains("coverage"))
    }
}

/// What the reader could not read is said by check and review too, on standard error.
@Suite struct DocumentWarningTests {
    @Test(arguments: [["check"], ["review"], ["review", "--checks"]])
    func unresolvedReferencesAreWarned(_ command: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("draft-x-00.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc xmlns:xi="http://www.w3.org/2001/XInclude" docName="draft-x-00" version="3">
        <front><title>X</title></front>
        <middle><section><name>One</name><t>The initiator MUST send TSi.</t></section></middle>
        <back><references><name>Normative References</name>
        <xi:include href="https://bib.ietf.org/public/rfc/bibxml/reference.RFC.2119.xml"/>
        </references></back>
        </rfc>
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try runDraftcheck(command.prefix(1) + [file.path] + command.dropFirst())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "\(file.path):6:1: warning: network reference https://bib.ietf.org/public/rfc/bibxml/reference.RFC.2119.xml not fetched (offline); placeholder reference [RFC2119]\n")
    }
}
