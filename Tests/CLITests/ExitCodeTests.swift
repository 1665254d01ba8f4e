import Foundation
import Testing
import TestSupport

@Suite struct ExitCodeTests {
    @Test func missingFileExits66() throws {
        let result = try runDraftcheck(["sections", "/nonexistent/draft-none-00.xml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/draft-none-00.xml: no such file"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try runDraftcheck(["no-such-command"])
        #expect(result.status == 64)
    }
}
