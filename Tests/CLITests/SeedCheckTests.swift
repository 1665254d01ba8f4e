import Foundation
import Testing
import TestSupport

/// The seed's case end to end on the CLI's JSON (issue 8 point 4): the ikev2bis sentence
/// saying PF_KEY "only applies to IKEv1" is contradicted, with the evidence of both flows and
/// the nuance; RFC 5996's published replacement is supported.
@Suite struct SeedCheckTests {
    static let ikev1Clause = "although it only applies to IKEv1"

    static func report(_ path: String) throws -> [String: Any] {
        let result = try runDraftcheck(["check", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    static func statements(_ report: [String: Any]) -> [[String: Any]] {
        let documents = report["documents"] as? [[String: Any]] ?? []
        return documents.first?["statements"] as? [[String: Any]] ?? []
    }

    static func check(_ report: [String: Any], _ id: String) -> [String: Any]? {
        (report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    /// The contradicted statement and the evidence behind it, on one revision of ikev2bis.
    static func assertContradicted(_ path: String) throws {
        let report = try report(path)
        #expect(report["schema"] as? String == "draftcheck-check-report")
        #expect(report["schemaVersion"] as? Int == 2)
        let all = statements(report)
        let sentence = try #require(all.first { ($0["text"] as? String)?.contains(ikev1Clause) == true }, "no statement carries the IKEv1 clause")
        #expect(sentence["section"] as? String == "2.9")
        #expect(sentence["paragraph"] as? Int == 1)
        #expect(sentence["status"] as? String == "contradicted")
        let checks = sentence["checks"] as? [String] ?? []
        #expect(checks == ["seed.ikev2-child-sa-via-pfkey", "seed.acquire-expresses-spd-entry"])
        let claims = sentence["claims"] as? [[String: Any]] ?? []
        #expect(claims.count == 2)
        #expect(claims.allSatisfy { $0["relation"] as? String == "contradicts" && $0["outcome"] as? String == "passed" })
        #expect(claims.allSatisfy { ["exact", "normalized"].contains($0["match"] as? String ?? "") })
        // Nothing else in ikev2bis section 2.9 is contradicted.
        #expect(all.filter { $0["status"] as? String == "contradicted" }.count == 1)

        // (a) The IKEv2 Child SA installed through PF_KEY: narrowed TS, IKEv2 algorithms,
        // GETSPI/UPDATE and ADD bound to the ACQUIRE.
        let install = try #require(check(report, "seed.ikev2-child-sa-via-pfkey"))
        #expect(install["outcome"] as? String == "passed")
        let installEvidence = try #require(install["evidence"] as? [String: Any])
        let observations = installEvidence["observations"] as? [[String: Any]] ?? []
        func actual(_ label: String) -> String? { observations.first { $0["label"] as? String == label }?["actual"] as? String }
        #expect(actual("responder narrowed TSr") == "[any/any/10.0.0.2]")
        #expect(actual("UPDATE algorithms (sadb_sa_encrypt, sadb_sa_auth)") == "12,5")
        func holds(_ label: String) -> Bool { observations.first { $0["label"] as? String == label }?["holds"] as? Bool == true }
        #expect(holds("GETSPI binds to the ACQUIRE (sadb_msg_seq)"))
        #expect(holds("ADD binds to the ACQUIRE (sadb_msg_seq)"))
        #expect(actual("reference kernel: the next packet") == "protected(spi: 34661)")
        let dumps = (installEvidence["hexDumps"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        for label in ["SADB_ACQUIRE from the kernel", "X_SPDGET request", "X_SPDGET reply", "SADB_GETSPI request", "SADB_GETSPI reply", "SADB_UPDATE request", "SADB_ADD request", "SADB_ADD reply"] {
            #expect(dumps.contains(label), "hex dump \(label) missing")
        }
        let inputs = (installEvidence["inputs"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(inputs.contains { $0.contains("ENCR_AES_CBC-256") && $0.contains("AUTH_HMAC_SHA2_256_128") })
        // ... and on the real Linux kernel: the captured GETSPI/UPDATE succeeded and GET found the SA.
        #expect(installEvidence["kernelCaptures"] as? [String] == ["acquire-pfkey-policy-flow", "esp-hmac-sha256-aes-cbc-256"])
        #expect(actual("real kernel: UPDATE reply errno") == "0")
        #expect(actual("real kernel: GET reply errno (the SA is found)") == "0")
        #expect(actual("real kernel: GET reply SA SPI") == actual("real kernel: UPDATE carries the GETSPI's SPI"))
        #expect(holds("real kernel: GET reply SA SPI"))
        #expect(actual("real kernel: GET reply algorithms (sadb_sa_encrypt, sadb_sa_auth)") == "12,5")

        // (b) SADB_ACQUIRE carries the SPD entry: X_POLICY id -> X_SPDGET -> selectors, with the nuance.
        let acquire = try #require(check(report, "seed.acquire-expresses-spd-entry"))
        #expect(acquire["outcome"] as? String == "passed")
        let acquireEvidence = try #require(acquire["evidence"] as? [String: Any])
        let acquireObs = acquireEvidence["observations"] as? [[String: Any]] ?? []
        #expect(acquireObs.first { $0["label"] as? String == "ACQUIRE names the policy the kernel created at X_SPDADD (X_POLICY id)" }?["holds"] as? Bool == true)
        #expect(acquireObs.first { $0["label"] as? String == "ACQUIRE ports (Linux)" }?["actual"] as? String == "0,0")
        // The kernel's own ACQUIRE (capture acquire-pfkey-policy-flow): X_POLICY id 9, which
        // X_SPDGET resolves to the selectors, and ports 0 in the address extensions.
        #expect(acquireEvidence["kernelCaptures"] as? [String] == ["acquire-pfkey-policy-flow"])
        func acquireActual(_ label: String) -> String? { acquireObs.first { $0["label"] as? String == label }?["actual"] as? String }
        #expect(acquireActual("real kernel: ACQUIRE X_POLICY id") == "9")
        #expect(acquireActual("real kernel: X_SPDGET asks for the ACQUIRE's X_POLICY id") == "9")
        #expect(acquireActual("real kernel: X_SPDGET reply selectors (source -> destination)") == "10.0.0.1/32 -> 10.0.0.2/32")
        #expect(acquireActual("real kernel: ACQUIRE ports (Linux)") == "0,0")
        #expect(acquireObs.filter { ($0["label"] as? String)?.hasPrefix("real kernel") == true }.allSatisfy { $0["holds"] as? Bool == true })
        let kernelAcquire = try #require((acquireEvidence["hexDumps"] as? [[String: Any]] ?? []).first { $0["label"] as? String == "real kernel: SADB_ACQUIRE" })
        #expect(kernelAcquire["byteCount"] as? Int == 88)
        let acquireHex = kernelAcquire["hex"] as? String ?? ""
        #expect(acquireHex.hasPrefix("02 06 00 03 0b 00 00 00  01 00 00 00 00 00 00 00"), "a kernel ACQUIRE: type 6, pid 0")
        // Source address extension with port 0 (sockaddr_in: family 2, port 00 00, 10.0.0.1).
        #expect(acquireHex.contains("02 00 00 00 0a 00 00 01"))
        // X_POLICY (type 0x12) of type ipsec, direction out, id 9.
        #expect(acquireHex.contains("02 00 12 00 02 00 02 00  09 00 00 00"))
        let notes = acquireEvidence["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("capture acquire-pfkey-policy-flow") && $0.contains("X_POLICY id 9, ports 0,0") })
        #expect(notes.contains { $0.contains("RFC 2367 core carries no policy") })
        #expect(notes.contains { $0.contains("Linux sends ports 0") })
    }

    @Test func bundledDraft08ContradictsTheIKEv1Clause() throws {
        try Self.assertContradicted("drafts/draft-ietf-ipsecme-ikev2bis-08.xml")
    }

    @Test func corpusDraft04ContradictsTheIKEv1Clause() throws {
        guard let path = Corpus.path("draft-ietf-ipsecme-ikev2bis-04.txt") else {
            let m = Absence.corpus("draft-ietf-ipsecme-ikev2bis-04.txt", neededFor: "the seed case on -04")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        try Self.assertContradicted(path)
    }

    @Test func rfc5996PublishedReplacementIsSupported() throws {
        guard let path = Corpus.path("rfc5996.txt") else {
            let m = Absence.corpus("rfc5996.txt", neededFor: "the seed case on RFC 5996")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let report = try Self.report(path)
        let all = Self.statements(report)
        #expect(!all.contains { ($0["text"] as? String)?.contains(Self.ikev1Clause) == true })
        let maintenance = try #require(all.first { ($0["text"] as? String)?.hasPrefix("Maintenance of a system's SPD is outside the scope of IKE, although") == true })
        #expect(maintenance["section"] as? String == "2.9")
        #expect(maintenance["status"] as? String == "supported")
        #expect(maintenance["checks"] as? [String] == ["seed.ikev2-child-sa-via-pfkey"])
        let acquire = try #require(all.first { ($0["text"] as? String)?.contains("the PF_KEY API [PFKEY] uses the SADB_ACQUIRE message") == true })
        #expect(acquire["status"] as? String == "supported")
        #expect(acquire["checks"] as? [String] == ["seed.acquire-expresses-spd-entry"])
        #expect(all.filter { $0["status"] as? String == "contradicted" }.isEmpty)
        let gated = try runDraftcheck(["check", path, "--fail-on", "contradicted,stale,failed"])
        #expect(gated.status == 0)
    }

    @Test func failOnContradictedExitsOneOnTheBundledDraft() throws {
        let result = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--fail-on", "contradicted"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\n  CONTRADICTED  paragraph 1, line 142\n"))
        let verbose = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--verbose"])
        #expect(verbose.stdout.contains("[contradicted] Section 2.9, paragraph 1"))
        #expect(verbose.stdout.contains("    input packet: UDP 10.0.0.1:40000 -> 10.0.0.2:9\n"))
    }

    /// Colour on the status words only when asked (or on a terminal without NO_COLOR).
    @Test func colourOnlyWhenAsked() throws {
        let plain = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--color", "always"])
        #expect(forced.stdout.contains("  \u{1B}[1;31mCONTRADICTED\u{1B}[0m  paragraph 1, line 142\n"))
        let noColor = try runDraftcheck(["check", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }
}
