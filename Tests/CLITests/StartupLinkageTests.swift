import Foundation
import Testing
import TestSupport

/// Issue 17 section 4: libcurl and the thirty libraries FoundationNetworking brings were
/// about half of every start of draftcheck; they now live in draftcheck-fetch, run only
/// when a document comes from the network. (scripts/bench startup measures the time.)
@Suite struct StartupLinkageTests {
    static func linkedLibraries(_ binary: URL) throws -> String? {
        guard let ldd = ["/usr/bin/ldd", "/bin/ldd"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let m = "ldd (libc-bin) is not installed: the linkage test cannot run"
            FileHandle.standardError.write(Data((m + "\n").utf8))
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return nil
        }
        let result = try runProcess(ldd, [binary.path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func draftcheckStartsWithoutTheNetworkingLibraries() throws {
        guard let libraries = try Self.linkedLibraries(TestEnvironment.draftcheckBinary) else { return }
        #expect(!libraries.contains("libcurl"), "\(libraries)")
        #expect(!libraries.contains("FoundationNetworking"), "\(libraries)")
        #expect(libraries.contains("libxml2"))
    }

    @Test func theFetchHelperIsBesideItAndHoldsThem() throws {
        let helper = TestEnvironment.draftcheckBinary.deletingLastPathComponent().appendingPathComponent("draftcheck-fetch")
        #expect(FileManager.default.isExecutableFile(atPath: helper.path))
        guard let libraries = try Self.linkedLibraries(helper) else { return }
        #expect(libraries.contains("libcurl"))
        let usage = try runProcess(helper.path, [])
        #expect(usage.status == 64)
        #expect(usage.stderr == "usage: draftcheck-fetch [--head] --timeout S --max-redirects N --name NAME URL\n")
    }
}
