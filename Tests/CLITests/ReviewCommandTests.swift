import Foundation
import Testing
import TestSupport

@Suite struct ReviewCommandTests {
    static let bundled = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"
    static let pfkeySentence = "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1), though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3)."

    func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    @Test func topicPfkeyListsThe29SentenceAboutPFKEY() throws {
        let result = try runDraftcheck(["review", Self.bundled, "--topic", "pfkey", "--color", "never"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Section 2.9  Traffic Selector Negotiation"))
        #expect(lines.contains("    " + Self.pfkeySentence))
        #expect(lines.last == "Summary: 1 statement: topical only 1; topics: pfkey 1, spd 1; findings: 0")
    }

    @Test func jsonHasExactlyTheDocumentedShape() throws {
        let result = try runDraftcheck(["review", Self.bundled, "--topic", "pfkey", "--format", "json"])
        #expect(result.status == 0)
        let root = try json(result)
        #expect(Set(root.keys) == ["document", "keywordCount", "statements", "findings"])
        #expect(root["keywordCount"] as? Int == 0)
        let statements = try #require(root["statements"] as? [[String: Any]])
        try #require(statements.count == 1)
        let s = statements[0]
        #expect(Set(s.keys) == ["id", "section", "paragraph", "sentence", "line", "levels", "topics", "text"])
        #expect((s["id"] as? String)?.hasPrefix("draft-ietf-ipsecme-ikev2bis/2.9/") == true)
        #expect((s["id"] as? String)?.count == "draft-ietf-ipsecme-ikev2bis/2.9/".count + 6)
        #expect(s["section"] as? String == "2.9")
        #expect(s["paragraph"] as? Int == 1)
        #expect(s["sentence"] as? Int == 3)
        #expect(s["levels"] as? [String] == [])
        #expect(s["topics"] as? [String] == ["pfkey", "spd"])
        #expect(s["text"] as? String == Self.pfkeySentence)
        let document = try #require(root["document"] as? [String: Any])
        #expect(document["series"] as? String == "draft-ietf-ipsecme-ikev2bis")
        #expect(document["name"] as? String == "draft-ietf-ipsecme-ikev2bis-08")
    }

    @Test func idsAreStableAcrossRuns() throws {
        let a = try json(runDraftcheck(["review", Self.bundled, "--format", "json"]))
        let b = try json(runDraftcheck(["review", Self.bundled, "--format", "json"]))
        let ids = { (r: [String: Any]) in (r["statements"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(!ids(a).isEmpty)
        #expect(ids(a) == ids(b))
        #expect(Set(ids(a)).count == ids(a).count)
    }

    @Test func levelMustKeepsOnlyMustStrengthStatements() throws {
        guard let path = Corpus.path("rfc7296.txt") else {
            let msg = Absence.corpus("rfc7296.txt", neededFor: "review --level must")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let all = try json(runDraftcheck(["review", path, "--format", "json"]))
        let must = try json(runDraftcheck(["review", path, "--level", "must", "--topic", "ts", "--format", "json"]))
        let statements = try #require(must["statements"] as? [[String: Any]])
        #expect(!statements.isEmpty)
        let mustLevels: Set<String> = ["MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT"]
        for s in statements {
            #expect((s["levels"] as? [String] ?? []).contains(where: mustLevels.contains))
            #expect((s["topics"] as? [String] ?? []).contains("ts"))
        }
        #expect(must["keywordCount"] as? Int == all["keywordCount"] as? Int)
        #expect(statements.count < (all["statements"] as? [Any] ?? []).count)
    }

    /// RFC 7296 predates RFC 8174: its lowercase "must"s are English, reported only when asked.
    @Test func lowercaseKeywordsOnlyWhenAskedBeforeRFC8174() throws {
        guard let path = Corpus.path("rfc7296.txt") else {
            let msg = Absence.corpus("rfc7296.txt", neededFor: "review --lowercase-keywords")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        func lowercaseFindings(_ extra: [String]) throws -> Int {
            let findings = try json(runDraftcheck(["review", path, "--format", "json"] + extra))["findings"] as? [[String: Any]] ?? []
            return findings.filter { $0["code"] as? String == "lowercaseKeyword" }.count
        }
        #expect(try lowercaseFindings([]) == 0)
        #expect(try lowercaseFindings(["--lowercase-keywords", "always"]) == 55)
        #expect(try lowercaseFindings(["--lowercase-keywords", "never"]) == 0)
    }

    @Test func colourOnlyWhenAskedAndNeverWithNoColor() throws {
        let always = try runDraftcheck(["review", Self.bundled, "--topic", "pfkey", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}[36mPFKEY\u{1B}[0m"))
        // Standard output is a pipe here, so auto means no colour; NO_COLOR too.
        let auto = try runDraftcheck(["review", Self.bundled, "--topic", "pfkey"])
        #expect(!auto.stdout.contains("\u{1B}["))
        let noColor = try runDraftcheck(["review", Self.bundled, "--topic", "pfkey", "--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    /// On a terminal `auto` colours, and NO_COLOR set to any non-empty value turns it off
    /// (https://no-color.org; set but empty, it is ignored). util-linux's `script` gives the
    /// run a terminal.
    @Test func autoColoursATerminalUnlessNoColorIsSet() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else {
            Issue.record("\(script) (util-linux) is missing: the terminal colour test did not run")
            return
        }
        let command = "\(TestEnvironment.draftcheckBinary.path) review \(Self.bundled) --topic pfkey"
        func onTerminal(_ environment: [String: String]) throws -> String {
            try runProcess(script, ["-qec", command, "/dev/null"], currentDirectory: TestEnvironment.packageRoot.path, environment: environment).stdout
        }
        #expect(try onTerminal(["NO_COLOR": ""]).contains("\u{1B}[36mPFKEY\u{1B}[0m"))
        let off = try onTerminal(["NO_COLOR": "1"])
        #expect(off.contains("PFKEY") && !off.contains("\u{1B}["))
    }

    @Test func markdownGroupsBySectionWithReviewerPositions() throws {
        let result = try runDraftcheck(["review", Self.bundled, "--topic", "pfkey", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Review of draft-ietf-ipsecme-ikev2bis-08\n"))
        #expect(result.stdout.contains("\n## 2.9 Traffic Selector Negotiation\n"))
        #expect(result.stdout.contains("- Section 2.9, paragraph 1 (line "))
        #expect(result.stdout.contains("(see \\[PFKEY\\] for an example programming interface, although it only applies to IKEv1)"))
    }

    @Test func findingsCarryLocations() throws {
        guard let path = Corpus.path("draft-ietf-ipsecme-ikev2-beet-mode-00.xml") else {
            let msg = Absence.corpus("draft-ietf-ipsecme-ikev2-beet-mode-00.xml", neededFor: "review findings")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let result = try runDraftcheck(["review", path, "--color", "never"])
        #expect(result.status == 0)
        // Its boilerplate (line 70) is the RFC 2119 form.
        #expect(result.stdout.contains("\(path):70:1: advisory: the requirements-language boilerplate is the RFC 2119 form"))
    }

    @Test func badTopicIsAUsageError() throws {
        let result = try runDraftcheck(["review", Self.bundled, "--topic", "ipsec"])
        #expect(result.status == 64)
    }

    @Test func missingFileExits66() throws {
        let result = try runDraftcheck(["review", "/nonexistent/draft-x-00.xml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/draft-x-00.xml: no such file"))
    }

    @Test func malformedXMLExits65WithALocation() throws {
        try Scratch.directory("draftcheck-review") { dir in
            let file = dir.appendingPathComponent("broken.xml")
            try Data("<?xml version=\"1.0\"?>\n<rfc><front><title>T</title></front>\n<middle><section></middle></rfc>\n".utf8).write(to: file)
            let result = try runDraftcheck(["review", file.path])
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("\(file.path):3:"))
        }
    }
}
