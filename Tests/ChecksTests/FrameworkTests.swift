import Checks
import DraftDocument
import Linking
import Testing
import TestSupport

/// The check framework's reading of module errors, and the coverage targets `draftcheck
/// coverage` reports.
@Suite struct FrameworkTests {
    struct PlainError: Error, CustomStringConvertible {
        var description: String { "plain failure" }
    }

    @Test func aRejectionIsJudgedByTheModuleErrorsCode() {
        var context = CheckContext()
        #expect(context.expectRejection("setup", code: "setupFailed") { throw CheckError(.setupFailed, "no fixture") })
        #expect(!context.expectRejection("capture", code: "setupFailed") { throw CheckError(.captureMissing, "gone") })
        let observations = context.evidence.observations
        #expect(observations.map(\.actual) == ["rejected with setupFailed: setupFailed: no fixture",
                                               "rejected with captureMissing: captureMissing: gone"])
    }

    @Test func anErrorWithoutACodeIsNamedByItsDescription() {
        var context = CheckContext()
        #expect(!context.expectRejection("plain", code: "truncated") { throw PlainError() })
        #expect(context.evidence.observations.map(\.actual) == ["rejected with plain failure: plain failure"])
    }

    @Test func coverageTargetsAreRFC7296Sections29And313ThenRFC2367Sections2And3() throws {
        guard let rfc7296 = Corpus.path("rfc7296.txt"), let rfc2367 = Corpus.path("rfc2367.txt") else {
            let msg = Absence.corpus("rfc7296.txt/rfc2367.txt", neededFor: "the coverage targets test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let run = CatalogRun.run(Catalog.all)
        let targets = CatalogTargets.coverage(of: run, rfc7296: try DocumentReader.read(path: rfc7296),
                                              rfc2367: try DocumentReader.read(path: rfc2367))
        #expect(targets.map { "\($0.document) \($0.section)" } == ["RFC 7296 2.9", "RFC 7296 3.13", "RFC 2367 2", "RFC 2367 3"])
        for target in targets {
            #expect(target.coverage.total.total > 0, "\(target.document) \(target.section) has no statements")
            #expect(target.coverage.total.linked > 0, "\(target.document) \(target.section): no statement linked")
        }
    }
}
