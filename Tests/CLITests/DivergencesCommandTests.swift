import Foundation
import Testing
import TestSupport

@Suite struct DivergencesCommandTests {
    @Test func textJSONAndMarkdown() throws {
        let text = try runDraftcheck(["divergences"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("8 divergences of the real Linux 6.1 af_key from RFC 2367"))
        #expect(text.stdout.contains("\nRFC 2367 2.3.3: an ACQUIRE's source and destination address extensions SHOULD carry the ports of the session that triggered it\n  Linux 6.1 sends port 0 in both address extensions of every SADB_ACQUIRE"))
        let json = try runDraftcheck(["divergences", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
        #expect(entries.count == 8)
        #expect(entries.allSatisfy { ($0["count"] as? Int ?? 0) > 0 && !($0["examples"] as? [String] ?? []).isEmpty })
        let markdown = try runDraftcheck(["divergences", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Divergences of Linux 6.1 af_key from RFC 2367\n\n| source | the RFC (strict codec) | Linux 6.1 | evidence |\n"))
    }
}
