import Foundation
import Testing
import TestSupport
@testable import Errata

/// Writing the skeletons `review --propose` makes, and the day their header carries.
@Suite struct ErrataSkeletonFilesTests {
    static func skeleton(section: String) -> ErrataFile {
        ErrataFile(document: "draft-test-mini-00", section: section, type: .technical, reporter: "draftcheck",
                   date: "2026-01-02", checks: ["a.check"], notes: "n",
                   changes: [Change(section: section, paragraphLabel: "paragraph 1", old: Passage("Old text."), new: Passage(""))])
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-skeletons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [(0.0, "1970-01-01"), (1_767_311_999, "2026-01-01"), (1_767_312_000, "2026-01-02")])
    func dayIsTheUTCDate(_ seconds: Double, _ day: String) {
        #expect(ErrataSkeleton.day(of: Date(timeIntervalSince1970: seconds)) == day)
    }

    @Test func writeCreatesTheDirectoryAndNamesEachFileInOrder() throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let directory = base.appendingPathComponent("proposals/new").path
        var written: [String] = []
        try ErrataSkeleton.write([Self.skeleton(section: "2.9"), Self.skeleton(section: "3.13")], into: directory) { written.append($0) }
        #expect(written == [directory + "/draft-test-mini-00-section-2.9.errata", directory + "/draft-test-mini-00-section-3.13.errata"])
        let text = try String(contentsOfFile: written[0], encoding: .utf8)
        #expect(text == Self.skeleton(section: "2.9").formatted)
    }

    @Test func anUnwritableDirectoryFailsBeforeTheSkeletonsAreMade() throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("a-file").path
        try #require(FileManager.default.createFile(atPath: file, contents: Data()))
        var made = false
        func skeletons() -> [ErrataFile] { made = true; return [Self.skeleton(section: "2.9")] }
        #expect(throws: ErrataError.unwritableOutput) {
            try ErrataSkeleton.write(skeletons(), into: file)
        }
        #expect(!made)
    }
}
