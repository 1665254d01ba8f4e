import Foundation
import Testing
import TestSupport

/// `--fetch-references`: an XML draft's network references read through the document
/// cache; without the flag nothing is fetched, as before.
@Suite(.serialized)
struct FetchReferencesTests {
    static let reference = """
    <reference anchor="RFC2119" target="https://www.rfc-editor.org/info/rfc2119">
    <front><title>Key words for use in RFCs to Indicate Requirement Levels</title>
    <author initials="S." surname="Bradner" fullname="S. Bradner"/><date year="1997" month="March"/></front>
    <seriesInfo name="BCP" value="14"/><seriesInfo name="RFC" value="2119"/>
    </reference>
    """

    @Test func referencesComeThroughTheCacheOnlyWhenAsked() throws {
        guard let server = try ArchiveServer() else {
            let msg = Absence.peer(.python, neededFor: "--fetch-references against the loopback server")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        defer { server.stop() }
        try FileManager.default.createDirectory(at: server.root.appendingPathComponent("bib"), withIntermediateDirectories: true)
        try server.publish(text: Self.reference, at: "bib/reference.RFC.2119.xml")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = server.baseURL + "/bib/reference.RFC.2119.xml"
        let draft = dir.appendingPathComponent("draft-x-00.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc xmlns:xi="http://www.w3.org/2001/XInclude" docName="draft-x-00" version="3">
        <front><title>X</title></front>
        <middle><section><name>One</name><t>The initiator MUST send TSi <xref target="RFC2119"/>.</t></section></middle>
        <back><references><name>Normative References</name>
        <xi:include href="\(url)"/>
        </references></back>
        </rfc>
        """.write(to: draft, atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("cache").path
        let env = ["DRAFTCHECK_CACHE": cache]
        // Without the flag: a placeholder and a warning, nothing fetched.
        let plain = try runDraftcheck(["render", draft.path], environment: env)
        #expect(plain.status == 0)
        #expect(plain.stderr == "\(draft.path):6:1: warning: network reference \(url) not fetched (offline); placeholder reference [RFC2119]\n")
        #expect(!FileManager.default.fileExists(atPath: cache))
        // With it: the reference is read, its title rendered, no warning.
        let fetched = try runDraftcheck(["render", draft.path, "--fetch-references"], environment: env)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stderr.isEmpty, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("   [RFC2119]  Bradner, S., \"Key words for use in RFCs to Indicate\n              Requirement Levels\", BCP 14, RFC 2119, March 1997,\n"))
        // Then from the cache alone, the server gone.
        server.stop()
        let offline = try runDraftcheck(["render", draft.path, "--fetch-references", "--offline"], environment: env)
        #expect(offline.status == 0)
        #expect(offline.stdout == fetched.stdout)
    }
}
