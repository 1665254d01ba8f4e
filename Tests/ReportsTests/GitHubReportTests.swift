import Foundation
@testable import Reports
import Testing

/// `--format github`: one workflow command per finding, escaped as the runner expects.
@Suite struct GitHubReportTests {
    @Test func theContradictedStatementIsAnErrorAtItsLine() throws {
        let text = GitHubReport.render(ReportFixture.report)
        let lines = text.split(separator: "\n").map(String.init)
        let draft = try #require(lines.first { $0.contains("file=drafts/draft-ietf-ipsecme-ikev2bis-08.xml,") })
        #expect(draft.hasPrefix("::error file=drafts/draft-ietf-ipsecme-ikev2bis-08.xml,line=142,col=1,title=draftcheck%3A contradicted::Section 2.9: \"Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY]"))
        #expect(draft.hasSuffix(" is contradicted by seed.ikev2-child-sa-via-pfkey, seed.acquire-expresses-spd-entry. PF_KEY installed the SAs of an IKEv2 Child SA: it does not only apply to IKEv1."))
        // Supported statements say nothing: only errors and warnings.
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
    }

    @Test func escaping() {
        #expect(GitHubReport.data("50% a\nb\r") == "50%25 a%0Ab%0D")
        #expect(GitHubReport.property("a:b,c%") == "a%3Ab%2Cc%25")
        #expect(GitHubReport.command("warning", file: "d,1.xml", line: 0, column: 3, title: "t", message: "m") == "::warning file=d%2C1.xml,line=1,col=3,title=t::m\n")
    }
}
