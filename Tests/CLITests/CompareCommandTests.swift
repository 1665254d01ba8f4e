import Foundation
import Testing
import TestSupport

/// `draftcheck compare` on the corpus's IKEv2 revisions. The summaries are asserted
/// exactly: they move only when the readers or the matcher change, and then the change
/// must be looked at.
@Suite struct CompareCommandTests {
    func compare(_ old: String, _ new: String) throws -> [String: Any]? {
        guard let o = Corpus.path(old), let n = Corpus.path(new) else {
            let msg = Absence.corpus("\(old) or \(new)", neededFor: "draftcheck compare")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return nil
        }
        let result = try runDraftcheck(["compare", o, n, "--format", "json", "--all"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        return try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
    }

    func changes(_ report: [String: Any]) -> [[String: Any]] { report["changes"] as? [[String: Any]] ?? [] }
    func text(_ change: [String: Any], _ side: String) -> String { (change[side] as? [String: Any])?["text"] as? String ?? "" }

    @Test func ikev2bis04ToRFC5996EditsThe29PFKEYSentence() throws {
        guard let report = try compare("draft-ietf-ipsecme-ikev2bis-04.txt", "rfc5996.txt") else { return }
        #expect(report["summary"] as? [String: Int] == ["unchanged": 268, "edited": 154, "moved": 21, "added": 101, "removed": 74])
        let edited = changes(report).filter { text($0, "old").hasPrefix("Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY]") }
        try #require(edited.count == 1)
        let c = edited[0]
        #expect(c["kind"] as? String == "edited")
        #expect(c["match"] as? String == "similar")
        #expect((c["old"] as? [String: Any])?["section"] as? String == "2.9")
        #expect((c["new"] as? [String: Any])?["section"] as? String == "2.9")
        #expect(text(c, "new") == "Maintenance of a system's SPD is outside the scope of IKE, although some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3).")
        #expect(c["diff"] as? String == "Maintenance of a system's SPD is outside the scope of [-IKE (see [PFKEY] for an example programming interface,-] {+IKE,+} although [-it only applies to IKEv1), though-] some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3).")
        // And RFC 5996's replacement sentence about PF_KEY arrives.
        let added = changes(report).filter { $0["kind"] as? String == "added" && text($0, "new").contains("the PF_KEY API [PFKEY] uses the SADB_ACQUIRE message") }
        #expect(added.count == 1)
    }

    @Test func rfc4306ToIkev2bis04ShowsTheIKEv1ClauseArriving() throws {
        guard let report = try compare("rfc4306.txt", "draft-ietf-ipsecme-ikev2bis-04.txt") else { return }
        #expect(report["summary"] as? [String: Int] == ["unchanged": 233, "edited": 110, "moved": 52, "added": 122, "removed": 57])
        let c = try #require(changes(report).first { text($0, "new").contains("although it only applies to IKEv1") && ($0["new"] as? [String: Any])?["section"] as? String == "2.9" })
        #expect(c["kind"] as? String == "edited")
        let segments = c["segments"] as? [[String: String]] ?? []
        #expect(segments.contains { $0["kind"] == "added" && $0["text"] == "programming interface, although it only applies to IKEv1)," })
        #expect(segments.contains { $0["kind"] == "removed" && $0["text"] == "protocol)," })
    }

    /// "Clean" for RFC 5996 -> RFC 7296, precisely: the run succeeds with nothing on
    /// standard error; at least 90% of RFC 5996's statements are unchanged; no matched
    /// statement changes its BCP 14 keyword; every PF_KEY statement is unchanged; the only
    /// statements found in another section are the two known moves (the 1.7 list entry
    /// that RFC 7296 moved to 1.8, and the Traffic Selector acknowledgement); and the only
    /// removed normative statement is the Raw RSA keys SHOULD that RFC 7296 dropped.
    /// (Message-flow diagrams are figures, not statements: their punctuation changes,
    /// "[N(IPCOMP_SUPPORTED)]" to "[N(IPCOMP_SUPPORTED),]", are not edits of the text.)
    @Test func rfc5996ToRFC7296RunsClean() throws {
        guard let report = try compare("rfc5996.txt", "rfc7296.txt") else { return }
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(summary == ["unchanged": 514, "edited": 27, "moved": 2, "added": 8, "removed": 1])
        let oldTotal = summary["unchanged"]! + summary["edited"]! + summary["moved"]! + summary["removed"]!
        #expect(Double(summary["unchanged"]!) / Double(oldTotal) >= 0.9)
        let all = changes(report)
        for c in all {
            guard let o = c["old"] as? [String: Any], let n = c["new"] as? [String: Any] else { continue }
            #expect(o["levels"] as? [String] == n["levels"] as? [String], "keyword changed: \(text(c, "old"))")
            if (o["topics"] as? [String] ?? []).contains("pfkey") { #expect(c["kind"] as? String == "unchanged") }
        }
        let moved = all.filter { $0["kind"] as? String == "moved" }.map { text($0, "old") }
        #expect(moved == ["The new Section 2.9.2 covers Traffic Selectors in rekeying.", "David Faucher and Valery Smyslov helped refine the design of the Traffic Selector negotiation."])
        let removedNormative = all.filter { $0["kind"] as? String == "removed" && !((($0["old"] as? [String: Any])?["levels"] as? [String]) ?? []).isEmpty }.map { text($0, "old") }
        #expect(removedNormative == ["Implementations SHOULD be capable of being configured to send and accept Raw RSA keys."])
    }

    @Test func textFormatEndsWithTheSummary() throws {
        guard let o = Corpus.path("rfc5996.txt"), let n = Corpus.path("rfc7296.txt") else { return }
        let result = try runDraftcheck(["compare", o, n, "--color", "never"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("rfc5996 -> rfc7296\n"))
        #expect(result.stdout.hasSuffix("Summary: unchanged 514, edited 27, moved 2, added 8, removed 1\n"))
        #expect(result.stdout.contains("    If redundant SAs are created [-though-] {+through+} such a collision"))
    }

    /// A sentence with two keywords is two statements; changed, it is shown once in text
    /// and Markdown, with its statements named, and counted twice in the summary (which
    /// counts statements, as the JSON does).
    @Test func aSentenceOfTwoStatementsIsShownOnce() throws {
        try Scratch.directory("draftcheck-compare") { dir in
            let body = "1.  Rekey\n\n   If peers support [I-D.ietf-ipsecme-ikev2-qr-alt] and a PPK was used, they MUST NOT\n   re-use this PPK and MUST re-negotiate it.  Peers SHOULD log.\n"
            let old = dir.appendingPathComponent("old.txt"), new = dir.appendingPathComponent("new.txt")
            try Data(body.utf8).write(to: old)
            try Data(body.replacingOccurrences(of: "[I-D.ietf-ipsecme-ikev2-qr-alt]", with: "[RFC9867]").utf8).write(to: new)
            let text = try runDraftcheck(["compare", old.path, new.path, "--color", "never"])
            #expect(text.status == 0)
            #expect(text.stdout == """
                old -> new

                edited (similar 0.83)  Section 1, paragraph 1, line 3  (2 statements: MUST NOT, MUST)
                    If peers support [-[I-D.ietf-ipsecme-ikev2-qr-alt]-] {+[RFC9867]+} and a PPK was used, they MUST NOT re-use this PPK and MUST re-negotiate it.

                Summary: unchanged 1, edited 2, moved 0, added 0, removed 0

                """)
            let markdown = try runDraftcheck(["compare", old.path, new.path, "--format", "markdown"])
            #expect(markdown.stdout.components(separatedBy: "## edited: Section 1, paragraph 1, line 3  (2 statements: MUST NOT, MUST)\n").count == 2)
            #expect(!markdown.stdout.contains("## edited: Section 1, paragraph 1, line 3\n"))
        }
    }

    @Test func missingOldFileExits66() throws {
        let result = try runDraftcheck(["compare", "/nonexistent/a.txt", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"])
        #expect(result.status == 66)
    }
}
