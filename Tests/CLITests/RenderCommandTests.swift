import Foundation
import Testing
import TestSupport

@Suite struct RenderCommandTests {
    @Test func section29OfTheBundledDraft() throws {
        let result = try runDraftcheck(["render", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--section", "2.9"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "2.9.  Traffic Selector Negotiation")
        #expect(result.stdout.contains("""
           SPD is outside the scope of IKE (see [PFKEY] for an example
           programming interface, although it only applies to IKEv1), though
        """))
        #expect(result.stdout.contains("""
           Traffic Selector (TS) payloads allow endpoints to communicate some of
           the information from their SPD to their peers.  TS payloads specify
        """))
        #expect(lines.allSatisfy { $0.count <= 72 })
    }

    @Test func sectionByAnchor() throws {
        let result = try runDraftcheck(["render", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--section", "sec-1.1.3"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("1.1.3.  Endpoint to Security Gateway Tunnel Mode\n"))
    }

    @Test func unknownSectionExits65() throws {
        let result = try runDraftcheck(["render", "drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "--section", "9.9"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no section 9.9"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileExits66() throws {
        let result = try runDraftcheck(["render", "/nonexistent/y.xml"])
        #expect(result.status == 66)
    }
}
