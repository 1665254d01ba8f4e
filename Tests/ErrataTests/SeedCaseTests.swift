import DraftDocument
import Foundation
import Testing
import TestSupport
@testable import Errata

/// The seed's case on the real documents: the bundled -08 excerpt, -04 as text from the
/// corpus, and RFC 5996 as published.
@Suite struct SeedCaseTests {
    static let errataPath = TestEnvironment.packageRoot.appendingPathComponent("errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata").path
    static let draft08 = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path

    static func corpus(_ name: String, for purpose: String) -> String? {
        if let path = Corpus.path(name) { return path }
        let message = Absence.corpus(name, neededFor: purpose)
        if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
        return nil
    }

    /// A system peer's path, or nil after saying loudly that it is missing (a failure
    /// under CI=true).
    static func tool(_ peer: Peer, for purpose: String) -> String? {
        if let path = peer.path { return path }
        let message = Absence.peer(peer, neededFor: purpose)
        if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
        return nil
    }

    static func apply(to path: String) throws -> PatchResult {
        let errata = try ErrataFile.read(path: errataPath)
        return try Patcher.apply(errata, to: try SourceFile.read(path: path), document: { try DocumentReader.read(path: path) })
    }

    /// The first two paragraphs of section 2.9, as the reader reads them.
    static func firstTwoParagraphs(_ bytes: [UInt8], path: String) throws -> [String] {
        let document = try DocumentReader.read(data: Data(bytes), path: path)
        let section = try #require(document.section(numbered: "2.9"))
        return section.paragraphs.prefix(2).map(\.content.normalizedText)
    }

    @Test func appliedToTheBundledDraftTheNewTextIsTheSeedsReplacement() throws {
        guard SeedText.available() else { return }
        let result = try Self.apply(to: Self.draft08)
        #expect(result.anchored.map(\.heading) == ["Section 2.9, paragraphs 1-2"])
        #expect(try Self.firstTwoParagraphs(result.patched, path: Self.draft08) == SeedText.replacementParagraphs)
        // Markup re-created in the XML: the citation and the section reference.
        let replaced = String(decoding: result.replacements[0].bytes, as: UTF8.self)
        #expect(replaced.contains("(for example the PF_KEY API\n<xref target=\"PFKEY\"/> uses the SADB_ACQUIRE message)."))
        #expect(replaced.contains("<xref target=\"sec-1.1.3\"/>)."))
        #expect(!replaced.contains("[PFKEY]"))
        // Before the change: the reader sees the quoted -08 paragraph.
        let before = try Self.firstTwoParagraphs(try SourceFile.read(path: Self.draft08).bytes, path: Self.draft08)
        #expect(before[0] == SeedText.quotedOldParagraph)
    }

    /// -04's section 2.9 carries both OLD paragraphs word for word (the bundled -08 excerpt
    /// says its second paragraph is -04's), so the same file anchors there unchanged.
    @Test func anchorsInDraft04AsText() throws {
        guard SeedText.available(), let path = Self.corpus("draft-ietf-ipsecme-ikev2bis-04.txt", for: "anchoring in -04") else { return }
        let result = try Self.apply(to: path)
        #expect(result.anchored[0].lines == 2136...2150)
        #expect(result.anchored[0].paragraphs == 1...2)
        #expect(try Self.firstTwoParagraphs(result.patched, path: path) == SeedText.replacementParagraphs)
        let replaced = String(decoding: result.replacements[0].bytes, as: UTF8.self)
        #expect(replaced.split(separator: "\n").allSatisfy { $0.isEmpty || ($0.hasPrefix("   ") && $0.count <= 72) })
    }

    @Test func rfc5996AdoptedTheTextWithTwoWordChanges() throws {
        guard let path = Self.corpus("rfc5996.txt", for: "adoption tracking") else { return }
        let errata = try ErrataFile.read(path: Self.errataPath)
        let adoptions = AdoptionTracker.compare(errata, with: try SourceFile.read(path: path), document: try? DocumentReader.read(path: path))
        #expect(adoptions.count == 1)
        #expect(adoptions[0].verdict == .modified)
        #expect(adoptions[0].differences == [
            WordDifference(removed: ["though"], inserted: ["although"]),
            WordDifference(removed: ["example"], inserted: ["example,"]),
        ])
        #expect(adoptions[0].lines == 2230...2254)
        #expect(adoptions[0].section == "2.9")
    }

    @Test(arguments: ["drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "draft-ietf-ipsecme-ikev2bis-04.txt"])
    func unifiedDiffAppliesWithGitApplyAndPatch(_ name: String) throws {
        guard let git = Self.tool(.git, for: "git apply"), let patch = Self.tool(.patch, for: "patch") else { return }
        let path = name.hasPrefix("drafts/") ? TestEnvironment.packageRoot.appendingPathComponent(name).path : Self.corpus(name, for: "applying the diff")
        guard let path else { return }
        let result = try Self.apply(to: path)
        let label = name.hasPrefix("drafts/") ? name : "corpus/\(name)"
        let diff = UnifiedDiff.make(old: result.source.bytes, new: result.patched, oldLabel: "a/\(label)", newLabel: "b/\(label)")
        for (tool, arguments) in [(git, ["apply", "--verbose", "change.diff"]), (patch, ["-p1", "--input=change.diff", "--no-backup-if-mismatch"])] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("errata-apply-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let target = dir.appendingPathComponent(label)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.source.bytes).write(to: target)
            try Data(diff).write(to: dir.appendingPathComponent("change.diff"))
            let run = try runProcess(tool, arguments, currentDirectory: dir.path)
            #expect(run.status == 0, "\(tool): \(run.stderr)")
            let applied = try Data(contentsOf: target)
            #expect([UInt8](applied) == result.patched, "\(tool)")
            #expect(try Self.firstTwoParagraphs([UInt8](applied), path: target.path) == Passage(try ErrataFile.read(path: Self.errataPath).changes[0].new.text).paragraphs)
        }
    }

    @Test func oldTextNotFoundInTheRealDraftShowsTheClosestPassage() throws {
        var errata = try ErrataFile.read(path: Self.errataPath)
        errata.changes[0].old = Passage("Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv2)")
        let error = #expect(throws: ErrataError.oldTextNotFound) {
            _ = try Patcher.apply(errata, to: try SourceFile.read(path: Self.draft08), document: { try DocumentReader.read(path: Self.draft08) }).patched.count
        }
        #expect(error?.message.contains("the closest passage (line 142, similarity 95%) differs from OLD in 1 place ([-OLD-] {+document+}):\n  ... it only applies to [-IKEv2)-] {+IKEv1),+}") == true, "\(error?.message ?? "")")
    }

    @Test func ambiguousOldTextInDraft04ListsBoth() throws {
        guard let path = Self.corpus("draft-ietf-ipsecme-ikev2bis-04.txt", for: "ambiguity") else { return }
        var errata = try ErrataFile.read(path: Self.errataPath)
        errata.changes[0].old = Passage("the responder might")
        let error = #expect(throws: ErrataError.oldTextAmbiguous) {
            _ = try Patcher.apply(errata, to: try SourceFile.read(path: path), document: { try DocumentReader.read(path: path) }).patched.count
        }
        #expect(error?.message.contains("occurs 2 times in section 2.9 of \(path): at line ") == true, "\(error?.message ?? "")")
    }

    @Test func sectionMissingInTheRealDraft() throws {
        var errata = try ErrataFile.read(path: Self.errataPath)
        errata.changes[0].section = "2.99"
        #expect(throws: ErrataError.sectionNotFound) {
            _ = try Patcher.apply(errata, to: try SourceFile.read(path: Self.draft08), document: { try DocumentReader.read(path: Self.draft08) }).patched.count
        }
    }

    /// An errata file without blocks changes no byte of any corpus document (and never
    /// needs to parse it: fragments and offline-unresolvable sources included).
    @Test func noBlocksIsByteIdenticalOnEveryCorpusDocument() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: TestEnvironment.corpusDirectory.path)) ?? []
        guard !files.isEmpty else {
            let message = Absence.corpus("*", neededFor: "the identity check")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        var errata = try ErrataFile.read(path: Self.errataPath)
        errata.changes = []
        for name in files.sorted() {
            let path = TestEnvironment.corpusDirectory.appendingPathComponent(name).path
            let source = try SourceFile.read(path: path)
            let result = try Patcher.apply(errata, to: source, document: { try DocumentReader.read(path: path) })
            #expect(result.patched == [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), "\(name)")
            #expect(UnifiedDiff.make(old: source.bytes, new: result.patched, oldLabel: "a", newLabel: "b").isEmpty)
        }
    }
}
