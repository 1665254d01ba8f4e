import DraftDocument
import Foundation
import Testing
import TestSupport
@testable import Errata

/// `draftcheck errata`'s flow, now in Errata: finding the source, applying, and each output.
@Suite struct ErrataCommandFlowTests {
    static let root = TestEnvironment.packageRoot.path
    static let errata = root + "/errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"
    static let draft = root + "/drafts/draft-ietf-ipsecme-ikev2bis-08.xml"

    static func patched() throws -> (ErrataFile, PatchResult) {
        let file = try ErrataFile.read(path: errata)
        let result = try Patcher.apply(file, to: try SourceFile.read(path: draft), document: { try DocumentReader.read(path: draft) }, errataFile: errata)
        return (file, result)
    }

    @Test(arguments: ErrataOutputFormat.allCases)
    func eachFormatIsTheFormattersOutput(_ format: ErrataOutputFormat) throws {
        let (file, result) = try Self.patched()
        let expected: [UInt8] = switch format {
        case .unified: UnifiedDiff.make(old: result.source.bytes, new: result.patched,
                                        oldLabel: "a/draft-ietf-ipsecme-ikev2bis-08.xml", newLabel: "b/draft-ietf-ipsecme-ikev2bis-08.xml")
        case .rendered: Array(try RenderedDiff.make(result, label: "draft-ietf-ipsecme-ikev2bis-08.xml").utf8)
        case .oldnew: Array(ErrataFormat.oldNew(file, anchored: result.anchored).utf8)
        case .report: Array(ErrataFormat.report(file, anchored: result.anchored).utf8)
        case .word: Array(ErrataFormat.wordDiff(file, anchored: result.anchored, color: true).utf8)
        case .html: Array((ErrataFormat.html(file, anchored: result.anchored) + "\n").utf8)
        }
        #expect(try ErrataFile.perform(.show(format, color: true), errataFile: Self.errata, draft: Self.draft) == expected)
    }

    @Test func unifiedDiffOfAnAbsolutePathIsLabelledByFileName() throws {
        let out = String(decoding: try ErrataFile.perform(.show(.unified, color: false), errataFile: Self.errata, draft: Self.draft), as: UTF8.self)
        #expect(out.hasPrefix("--- a/draft-ietf-ipsecme-ikev2bis-08.xml\n+++ b/draft-ietf-ipsecme-ikev2bis-08.xml\n@@ -137,19 +137,21 @@\n"))
    }

    @Test func applyToWritesThePatchedSourceAndPrintsNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-applied-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try ErrataFile.perform(.applyTo(output), errataFile: Self.errata, draft: Self.draft).isEmpty)
        #expect(FileManager.default.contents(atPath: output).map(Array.init) == (try Self.patched().1.patched))
    }

    @Test func writeSourceReplacesTheSourceItself() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-source-\(UUID().uuidString).xml").path
        try FileManager.default.copyItem(atPath: Self.draft, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        #expect(try ErrataFile.perform(.writeSource, errataFile: Self.errata, draft: copy).isEmpty)
        #expect(FileManager.default.contents(atPath: copy).map(Array.init) == (try Self.patched().1.patched))
    }

    @Test func withoutADraftTheBundledSourceIsUsedOrNamedAsMissing() throws {
        let found = try ErrataFile.perform(.show(.oldnew, color: false), errataFile: Self.errata, draft: nil, bundled: Self.root + "/drafts")
        #expect(found == (try ErrataFile.perform(.show(.oldnew, color: false), errataFile: Self.errata, draft: Self.draft)))
        do {
            _ = try ErrataFile.perform(.show(.oldnew, color: false), errataFile: Self.errata, draft: nil, bundled: "/nonexistent")
            Issue.record("a missing bundled source was accepted")
        } catch let error as ErrataError {
            #expect(error.code == .fileNotFound)
            #expect(error.description == "\(Self.errata): error: no source given and /nonexistent/draft-ietf-ipsecme-ikev2bis-08.xml (or .txt) does not exist; pass --draft SOURCE")
        }
    }

    @Test func adoptionIsOneSummaryPerBlock() throws {
        let file = try ErrataFile.read(path: Self.errata)
        let expected = AdoptionTracker.compare(file, with: try SourceFile.read(path: Self.draft), document: try DocumentReader.read(path: Self.draft))
            .map { $0.summary(laterName: "draft-ietf-ipsecme-ikev2bis-08.xml") }.joined()
        #expect(try ErrataFile.adoption(errataFile: Self.errata, later: Self.draft) == expected)
        #expect(!expected.isEmpty)
    }
}
