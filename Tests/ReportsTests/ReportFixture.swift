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
        // Read from the package root but named by the relative path, as a user in the root
        // names it (the reports' locations are relative); the working directory is never
        // changed, since tests run in parallel.
        let drafts = TestEnvironment.packageRoot.appendingPathComponent("drafts")
        if let data = try? Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(draftPath)),
           let draft = try? DocumentReader.read(data: data, path: draftPath, includeDirectories: [drafts.path]) {
            documents.append(linker.link(draft))
        }
        if let path = Corpus.path("rfc5996.txt"), let rfc = try? DocumentReader.read(path: path) { documents.append(linker.link(rfc)) }
        return CheckReport(run: run, documents: documents, toolVersion: "test")
    }()

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-\(UUID().uuidString)-\(name)")
    }
}
