import DraftDocument
import Errata
import Foundation
import Testing
import TestSupport

/// `draftcheck review FILE --checks --propose DIR`: an errata skeleton per section with a
/// contradicted statement, written into DIR, the review itself unchanged on standard output.
@Suite struct ReviewProposeTests {
    static let draft08 = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"
    static let skeletonName = "draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"
    /// Section 2.9, paragraph 1 of -08 as its rendered text reads, white space folded.
    static let paragraph29 = "When an RFC4301-compliant IPsec subsystem receives an IP packet that matches a \"protect\" selector in its Security Policy Database (SPD), the subsystem protects that packet with IPsec. When no SA exists yet, it is the task of IKE to create it. Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1), though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3)."

    static func utcDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    @Test func contradicted29StatementGivesOneSkeletonWithEmptyNew() throws {
        let base = try ErrataCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let dir = base.appendingPathComponent("proposals/new")  // created, parents too
        let before = Self.utcDay(Date())
        let result = try runDraftcheck(["review", Self.draft08, "--checks", "--propose", dir.path, "--color", "never"])
        let after = Self.utcDay(Date())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [Self.skeletonName])
        let path = dir.appendingPathComponent(Self.skeletonName).path
        #expect(result.stderr == "wrote \(path)\n")

        let plain = try runDraftcheck(["review", Self.draft08, "--checks", "--color", "never"])
        #expect(result.stdout == plain.stdout)

        let skeleton = try ErrataFile.read(path: path)
        #expect(skeleton.document == "draft-ietf-ipsecme-ikev2bis-08")
        #expect(skeleton.section == "2.9")
        #expect(skeleton.type == .technical)
        #expect(skeleton.reporter == "draftcheck")
        #expect([before, after].contains(skeleton.date))
        #expect(skeleton.checks == ["seed.ikev2-child-sa-via-pfkey", "seed.acquire-expresses-spd-entry"])
        try #require(skeleton.changes.count == 1)
        let change = skeleton.changes[0]
        #expect(change.section == "2.9")
        #expect(change.paragraphLabel == "paragraph 1")
        #expect(change.old.paragraphs == [Self.paragraph29])
        #expect(change.old.text.contains("although it only applies to IKEv1"))
        #expect(change.new.isEmpty)

        let source = try SourceFile.read(path: Self.draft08)
        #expect(throws: ErrataError.newTextMissing) {
            _ = try Patcher.apply(skeleton, to: source, document: { try DocumentReader.read(path: Self.draft08) }, errataFile: path).patched.count
        }
        let applied = try runDraftcheck(["errata", path, "--draft", Self.draft08])
        #expect(applied.status == 65)
        #expect(applied.stderr.contains("the NEW text of \"Section 2.9, paragraph 1\" is empty"), "\(applied.stderr)")
    }

    @Test func rfc5996HasNothingContradictedSoNothingIsWritten() throws {
        guard let rfc5996 = Corpus.path("rfc5996.txt") else {
            let msg = Absence.corpus("rfc5996.txt", neededFor: "review --propose writes nothing for RFC 5996")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let dir = try ErrataCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runDraftcheck(["review", rfc5996, "--checks", "--propose", dir.path, "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(supported)"))
        #expect(!result.stdout.contains("(contradicted)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
        #expect(result.stderr == "")
    }

    @Test func proposeWithoutChecksIsAUsageError() throws {
        let base = try ErrataCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let dir = base.appendingPathComponent("never")
        let result = try runDraftcheck(["review", Self.draft08, "--propose", dir.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--propose needs --checks."))
        #expect(result.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    /// DIR (or a parent of it) is a regular file: exit 73, the reason on standard error.
    @Test(arguments: ["", "/sub"])
    func unwritableDirectoryExits73(suffix: String) throws {
        let base = try ErrataCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let result = try runDraftcheck(["review", Self.draft08, "--checks", "--propose", file.path + suffix])
        #expect(result.status == 73)
        #expect(result.stderr == "\(file.path): error: cannot write into it: it is not a directory\n")
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }
}
