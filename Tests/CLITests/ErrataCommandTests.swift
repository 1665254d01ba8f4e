import Foundation
import Testing
import TestSupport

/// `draftcheck errata` end to end: formats, writing, and each documented exit code.
@Suite struct ErrataCommandTests {
    static let errata = "errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"
    static let draft = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("errata-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func unifiedDiffOfTheBundledDraftByDefault() throws {
        let result = try runDraftcheck(["errata", Self.errata])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("--- a/drafts/draft-ietf-ipsecme-ikev2bis-08.xml\n+++ b/drafts/draft-ietf-ipsecme-ikev2bis-08.xml\n@@ -137,19 +137,21 @@\n"))
        #expect(result.stdout.contains("\n-programming interface, although it only applies to IKEv1), though\n"))
        #expect(result.stdout.contains("\n+<xref target=\"PFKEY\"/> uses the SADB_ACQUIRE message).  TS payloads\n"))
    }

    @Test func oldNewBlocksInTheReviewersForm() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--format", "oldnew"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Section 2.9, paragraphs 1-2\n\nOLD:\n\n   When an RFC4301-compliant IPsec subsystem receives an IP packet that\n"))
        // The errata file's NEW lines run to 77 columns; the block is refilled to 72, with
        // two spaces after a sentence as RFC text has them.
        #expect(result.stdout.contains("\n\nNEW:\n\n   When an RFC4301-compliant IPsec subsystem receives an IP packet that\n   matches a \"protect\" selector in its Security Policy Database (SPD),\n   the subsystem protects that packet with IPsec.  When no SA exists\n"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 })
    }

    @Test func errataReportHasTheRFCEditorFields() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--format", "report"])
        #expect(result.status == 0)
        for field in ["Type: Technical\n", "Section: 2.9\n", "Reported by: Dan McDonald <danmcd@sun.com>\n", "Date reported: 2010-03-02\n",
                      "\nOriginal Text\n-------------\n\n   When an", "\nCorrected Text\n--------------\n\n   When an", "\nNotes\n-----\n\n   The OLD text says PF_KEY"] {
            #expect(result.stdout.contains(field), "\(field)")
        }
    }

    @Test func wordDiffPlainAndColoured() throws {
        let plain = try runDraftcheck(["errata", Self.errata, "--format", "word", "--color", "never"])
        let lines = plain.stdout.split(separator: "\n")
        #expect(lines.first == "Section 2.9, paragraphs 1-2")
        #expect(lines.allSatisfy { $0.count <= 72 })
        let joined = lines.joined(separator: " ")
        #expect(joined.contains("outside the scope of [-IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1),-] {+IKE,+} though some"), "\(plain.stdout)")
        #expect(joined.contains("{+These must be communicated to IKE from the SPD (for example the PF_KEY API [PFKEY] uses the SADB_ACQUIRE message).+}"))
        let coloured = try runDraftcheck(["errata", Self.errata, "--format", "word", "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[32mThese\u{1B}[0m \u{1B}[32mmust\u{1B}[0m"))
    }

    @Test func htmlSideBySide() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--format", "html"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("<th>OLD</th>"))
        #expect(result.stdout.contains("<ins>These</ins>"))
        #expect(result.stdout.contains("<del>IKEv1),</del>"))
    }

    @Test func renderedSectionDiff() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--format", "rendered"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n-   SPD is outside the scope of IKE (see [PFKEY] for an example\n"))
        #expect(result.stdout.contains("\n+   communicated to IKE from the SPD (for example the PF_KEY API [PFKEY]\n"))
    }

    @Test func compareWithRFC5996ListsTheDifferences() throws {
        guard let rfc = Corpus.path("rfc5996.txt") else {
            let message = Absence.corpus("rfc5996.txt", neededFor: "--compare-with")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let result = try runDraftcheck(["errata", Self.errata, "--compare-with", rfc])
        #expect(result.status == 0)
        #expect(result.stdout == """
        Section 2.9, paragraphs 1-2: adopted with 2 word-level differences in rfc5996.txt (section 2.9, lines 2230-2254, similarity 98%):
          "though" -> "although"
          "example" -> "example,"

        """)
    }

    @Test func applyWritesTheOutputAndLeavesTheSource() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(Self.draft))
        let out = dir.appendingPathComponent("patched.xml").path
        let result = try runDraftcheck(["errata", Self.errata, "--apply", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let patched = try String(contentsOfFile: out, encoding: .utf8)
        #expect(patched.contains("(for example the PF_KEY API\n<xref target=\"PFKEY\"/> uses the SADB_ACQUIRE message)."))
        #expect(try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(Self.draft)) == before)
    }

    @Test func writeReplacesTheSourceAtomically() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("draft.xml")
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent(Self.draft), to: copy)
        let result = try runDraftcheck(["errata", Self.errata, "--draft", copy.path, "--write"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: copy, encoding: .utf8).contains("These must be\ncommunicated to IKE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["draft.xml"])
    }

    @Test func unwritableOutputExits73AndLeavesTheSource() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("draft.xml")
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent(Self.draft), to: copy)
        let before = try Data(contentsOf: copy)
        let result = try runDraftcheck(["errata", Self.errata, "--draft", copy.path, "--apply", "-o", dir.appendingPathComponent("no/such/dir/out.xml").path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("out.xml: error: cannot write: the directory"))
        #expect(try Data(contentsOf: copy) == before)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var rule: String
        var errata: String
        var extra: [String]
        var status: Int32
        var stderr: String
        var testDescription: String { rule }
    }

    static let header = "---\ndocument: draft-ietf-ipsecme-ikev2bis-08\nsection: \"2.9\"\ntype: technical\nreporter: r\ndate: 2020-01-01\n---\n"

    static let failures: [Failure] = [
        Failure(rule: "malformed errata file: 65 with the line", errata: "---\ndocument: x\n---\n", extra: [], status: 65, stderr: ".errata:2: error: \"document: x\" must name the document with its revision"),
        Failure(rule: "OLD not found: 65 with the closest passage", errata: header + "\nSection 2.9\nOLD:\n   it only applies to IKEv3\nNEW:\n   x\n", extra: [], status: 65, stderr: ".errata:9: error: the OLD text of \"Section 2.9\" is not in section 2.9 of drafts/draft-ietf-ipsecme-ikev2bis-08.xml; the closest passage (line 144, similarity 80%) differs from OLD in 1 place ([-OLD-] {+document+}):\n  it only applies to [-IKEv3-] {+IKEv1),+}"),
        Failure(rule: "OLD ambiguous: 65 listing both", errata: header + "\nSection 2.9\nOLD:\n   the SPD\nNEW:\n   x\n", extra: [], status: 65, stderr: "occurs"),
        Failure(rule: "section missing: 65", errata: header + "\nSection 7.7\nOLD:\n   x\nNEW:\n   y\n", extra: [], status: 65, stderr: "error: section 7.7 is not in the document"),
        Failure(rule: "missing draft: 66", errata: header, extra: ["--draft", "/nonexistent/draft.xml"], status: 66, stderr: "/nonexistent/draft.xml: error: no such file"),
        Failure(rule: "--apply without -o: 64", errata: header, extra: ["--apply"], status: 64, stderr: "--apply needs -o OUT."),
    ]

    @Test(arguments: failures)
    func exitCodes(_ vector: Failure) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("case.errata")
        try vector.errata.write(to: file, atomically: true, encoding: .utf8)
        let result = try runDraftcheck(["errata", file.path] + vector.extra)
        #expect(result.status == vector.status, "\(result.stderr)")
        #expect(result.stderr.contains(vector.stderr), "\(result.stderr)")
    }

    /// Through the command line too: an errata file without blocks, applied with --apply -o,
    /// writes every corpus document back byte for byte.
    @Test func noBlocksAppliedToEveryCorpusDocumentIsByteIdentical() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: TestEnvironment.corpusDirectory.path)) ?? []
        guard !files.isEmpty else {
            let message = Absence.corpus("*", neededFor: "the command-line identity check")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let errata = dir.appendingPathComponent("empty.errata")
        try Self.header.write(to: errata, atomically: true, encoding: .utf8)
        for name in files.sorted() {
            let source = TestEnvironment.corpusDirectory.appendingPathComponent(name)
            let out = dir.appendingPathComponent("out-" + name)
            let result = try runDraftcheck(["errata", errata.path, "--draft", source.path, "--apply", "-o", out.path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(try Data(contentsOf: out) == Data(contentsOf: source), "\(name)")
        }
    }

    @Test func missingErrataFileExits66() throws {
        let result = try runDraftcheck(["errata", "/nonexistent/x.errata"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/x.errata: error: no such file"))
    }
}
