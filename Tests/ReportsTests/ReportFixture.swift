import Checks
import DraftDocument
import Foundation
import Linking
import Reports
import TestSupport

/// One real report shared by the format tests: the whole catalog on the bundled draft
/// (and on RFC 5996 when the corpus is there).
enum ReportFixture {
    static let draftPath = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"

    static let report: CheckReport = {
        let run = CatalogRun.run(Catalog.all)
        let linker = Linker(run: run)
        var documents: [LinkedDocument] = []
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(TestEnvironment.packageRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        if let draft = try? DocumentReader.read(path: draftPath) { documents.append(linker.link(draft)) }
        if let path = Corpus.path("rfc5996.txt"), let rfc = try? DocumentReader.read(path: path) { documents.append(linker.link(rfc)) }
        return CheckReport(run: run, documents: documents, toolVersion: "test")
    }()

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-\(UUID().uuidString)-\(name)")
    }
}
