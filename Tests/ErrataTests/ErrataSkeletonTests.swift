import DraftDocument
import Foundation
import Testing
import TestSupport
@testable import Errata

@Suite struct ErrataSkeletonTests {
    static let draft08 = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path

    /// A contradicted statement becomes a file whose OLD is its paragraph, anchorable in the
    /// source, with NEW left to write and the checks listed.
    @Test func skeletonForTheContradictedSentence() throws {
        let document = try DocumentReader.read(path: Self.draft08)
        let skeleton = try ErrataSkeleton.make(
            document: document, section: "2.9",
            statement: "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1)",
            checks: ["seed.acquire-expresses-spd-entry"], reporter: "draftcheck", date: "2026-11-29")
        #expect(ErrataSkeleton.fileName(for: skeleton) == "draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata")
        #expect(skeleton.changes.count == 1)
        #expect(skeleton.changes[0].paragraphLabel == "paragraph 1")
        #expect(skeleton.changes[0].new.isEmpty)
        #expect(skeleton.checks == ["seed.acquire-expresses-spd-entry"])

        let reparsed = try ErrataFile.parse(skeleton.formatted, file: "skeleton.errata")
        if SeedText.available() {
            #expect(reparsed.changes[0].old.paragraphs == [SeedText.quotedOldParagraph])
        }
        let source = try SourceFile.read(path: Self.draft08)
        let anchored = try Anchoring.anchor(reparsed.changes[0], in: source, document: document)
        #expect(anchored.lines == 139...146)
        #expect(throws: ErrataError.newTextMissing) {
            _ = try Patcher.apply(reparsed, to: source, document: { document }).patched.count
        }
    }

    @Test func unknownSectionIsSectionNotFound() throws {
        let document = try DocumentReader.read(path: Self.draft08)
        #expect(throws: ErrataError.sectionNotFound) {
            _ = try ErrataSkeleton.make(document: document, section: "9.9", statement: "x", checks: [], reporter: "r", date: "2026-01-01").changes.count
        }
    }
}

@Suite struct ErrataSkeletonMergeTests {
    /// Statements of one section share one file (names are per section): one block per
    /// distinct paragraph, in the order given.
    @Test func statementsOfOneSectionShareAFileWithABlockPerParagraph() throws {
        let document = try DocumentReader.read(path: ErrataSkeletonTests.draft08)
        let skeleton = try ErrataSkeleton.make(
            document: document, section: "2.9",
            statements: ["Maintenance of a system's SPD is outside the scope of IKE",
                         "When no SA exists yet, it is the task of IKE to create it.",
                         "In others, it guides the dynamic update of the SPD."],
            checks: ["a", "b"], reporter: "draftcheck", date: "2026-11-29")
        #expect(skeleton.changes.map(\.paragraphLabel) == ["paragraph 1", "paragraph 2"])
        #expect(skeleton.changes[1].old.paragraphs.first?.hasPrefix("Traffic Selector (TS) payloads allow endpoints") == true)
        #expect(skeleton.checks == ["a", "b"])
        let reparsed = try ErrataFile.parse(skeleton.formatted, file: "merged.errata")
        #expect(reparsed.changes.map(\.old) == skeleton.changes.map(\.old))
    }

    @Test func noStatementIsRefused() throws {
        let document = try DocumentReader.read(path: ErrataSkeletonTests.draft08)
        #expect(throws: ErrataError.malformed) {
            _ = try ErrataSkeleton.make(document: document, section: "2.9", statements: [], checks: [], reporter: "r", date: "2026-01-01").changes.count
        }
    }
}
