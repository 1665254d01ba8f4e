import Foundation
import Testing
import TestSupport

/// The recipes for a draft repository's CI, run here against a sample repository layout:
/// the GitHub Action's two steps (scripts/action/install.sh and check.sh, as action.yml runs
/// them) and the i-d-template Makefile snippet (scripts/action/draftcheck.mk).
@Suite struct DraftRepositoryCITests {
    static let root = TestEnvironment.packageRoot

    /// A draft repository holding one draft: the bundled -08 excerpt under a new name.
    static func sampleRepository() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-repo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml"),
                                         to: dir.appendingPathComponent("draft-example-ikev2-ts-00.xml"))
        return dir
    }

    func environment(_ repo: URL, _ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["RUNNER_TEMP"] = repo.appendingPathComponent(".runner").path
        env["GITHUB_PATH"] = repo.appendingPathComponent(".runner-path").path
        env["DRAFTCHECK_BIN"] = TestEnvironment.draftcheckBinary.path
        env["PATH"] = repo.appendingPathComponent(".runner/draftcheck-bin").path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        for (k, v) in extra { env[k] = v }
        return env
    }

    @Test func theActionAnnotatesTheContradictionAndFailsTheStep() throws {
        let repo = try Self.sampleRepository()
        defer { try? FileManager.default.removeItem(at: repo) }
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".runner"), withIntermediateDirectories: true)
        let install = try runProcess("/bin/bash", [Self.root.appendingPathComponent("scripts/action/install.sh").path],
                                     currentDirectory: repo.path, environment: environment(repo, [:]))
        #expect(install.status == 0, "\(install.stderr)")
        #expect(try String(contentsOf: repo.appendingPathComponent(".runner-path"), encoding: .utf8) == repo.appendingPathComponent(".runner/draftcheck-bin").path + "\n")
        let check = try runProcess("/bin/bash", [Self.root.appendingPathComponent("scripts/action/check.sh").path],
                                   currentDirectory: repo.path, environment: environment(repo, ["DRAFTCHECK_SARIF": "draftcheck.sarif"]))
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("::error file=draft-example-ikev2-ts-00.xml,line=142,col=1,title=draftcheck%3A contradicted::Section 2.9: "))
        let sarif = try String(contentsOf: repo.appendingPathComponent("draftcheck.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"uri\" : \"draft-example-ikev2-ts-00.xml\""))
        // Contradictions allowed: the step passes and still annotates.
        let lenient = try runProcess("/bin/bash", [Self.root.appendingPathComponent("scripts/action/check.sh").path],
                                     currentDirectory: repo.path, environment: environment(repo, ["DRAFTCHECK_FAIL_ON": "stale"]))
        #expect(lenient.status == 0)
        #expect(lenient.stdout.hasPrefix("::error file=draft-example-ikev2-ts-00.xml,"))
    }

    @Test func theActionSaysWhenNoDraftMatches() throws {
        let repo = try Self.sampleRepository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let check = try runProcess("/bin/bash", [Self.root.appendingPathComponent("scripts/action/check.sh").path],
                                   currentDirectory: repo.path, environment: environment(repo, ["DRAFTCHECK_FILES": "draft-none-*.xml"]))
        #expect(check.status == 66)
        #expect(check.stdout == "::error title=draftcheck::no file matches \"draft-none-*.xml\" (i-d-template makes draft-*.xml with make)\n")
    }

    /// i-d-template's Makefile names its drafts in `drafts`; the snippet's target checks
    /// their XML and fails make when a contradiction is found.
    @Test func theMakefileSnippetRunsTheCheck() throws {
        guard let make = Peer.make.path else {
            let m = Absence.peer(.make, neededFor: "the i-d-template Makefile snippet test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let repo = try Self.sampleRepository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let snippet = Self.root.appendingPathComponent("scripts/action/draftcheck.mk").path
        try "drafts := draft-example-ikev2-ts-00\ninclude \(snippet)\n".write(to: repo.appendingPathComponent("Makefile"), atomically: true, encoding: .utf8)
        let failing = try runProcess(make, ["draftcheck", "DRAFTCHECK=\(TestEnvironment.draftcheckBinary.path)"], currentDirectory: repo.path)
        #expect(failing.status == 2, "make reports a failed recipe with 2")
        // The document names itself by its docName (the sample is the -08 excerpt renamed).
        #expect(failing.stdout.contains("\ndraft-ietf-ipsecme-ikev2bis-08: 1 contradicted, 5 supported of 6 statements (1 inherited); "))
        let passing = try runProcess(make, ["draftcheck", "DRAFTCHECK=\(TestEnvironment.draftcheckBinary.path)", "DRAFTCHECK_FAIL_ON=stale", "DRAFTCHECK_FORMAT=github"], currentDirectory: repo.path)
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("::error file=draft-example-ikev2-ts-00.xml,line=142,"))
    }
}
