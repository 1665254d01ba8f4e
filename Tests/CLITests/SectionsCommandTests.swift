import Foundation
import Testing
import TestSupport

@Suite struct SectionsCommandTests {
    static let draft = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"

    @Test func jsonListsSectionsInDocumentOrder() throws {
        let result = try runDraftcheck(["sections", Self.draft, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(Array(object.keys) == ["sections"])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let s29 = try #require(sections.first { ($0["number"] as? String) == "2.9" })
        #expect(s29["title"] as? String == "Traffic Selector Negotiation")
        #expect(s29["depth"] as? Int == 2)
        #expect(s29["anchor"] as? String == "sec-2.9")
        #expect((s29["line"] as? Int ?? 0) > 1)
        #expect(Set(s29.keys) == ["number", "title", "depth", "anchor", "line"])
        #expect(sections.first?["number"] as? String == "1")
        let last = try #require(sections.last)
        #expect(last["number"] is NSNull)
        #expect(last["title"] as? String == "Authors' Addresses")
        let unanchored = try #require(sections.first { ($0["number"] as? String) == "1.1" })
        #expect(unanchored["anchor"] is NSNull)
    }

    @Test func textListsNumberAndTitle() throws {
        let result = try runDraftcheck(["sections", Self.draft])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "1\tIntroduction")
        #expect(lines.contains("2.9\tTraffic Selector Negotiation"))
        #expect(lines.last == "-\tAuthors' Addresses")
    }

    /// Runs `draftcheck sections` on a file named `name` holding `contents`, in a directory
    /// of its own, and hands `check` the result and the file's path.
    static func sections(ofFile name: String, holding contents: String, _ check: (ProcessResult, String) throws -> Void) throws {
        try Scratch.directory("dc-cli") { dir in
            let file = dir.appendingPathComponent(name)
            try contents.write(to: file, atomically: true, encoding: .utf8)
            try check(try runDraftcheck(["sections", file.path]), file.path)
        }
    }

    @Test func malformedXMLExits65WithFileLineColumn() throws {
        try Self.sections(ofFile: "bad.xml", holding: "<rfc>\n  <front>\n</rfc>\n") { result, path in
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("\(path):3:"))
            #expect(result.stderr.contains(": error: "))
        }
    }

    @Test func notAnRFCDocumentExits65() throws {
        try Self.sections(ofFile: "html.xml", holding: "<html/>") { result, _ in
            #expect(result.status == 65)
            #expect(result.stderr.contains("not <rfc>"))
        }
    }

    @Test func missingFileExits66() throws {
        let result = try runDraftcheck(["sections", "/nonexistent/x.xml", "--format", "json"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
    }

    @Test func includeDirResolvesBareIncludes() throws {
        try Scratch.directory("dc-cli") { dir in
            let inc = dir.appendingPathComponent("bib")
            try FileManager.default.createDirectory(at: inc, withIntermediateDirectories: true)
            try #"<reference anchor="RFC2119"><front><title>K</title></front></reference>"#.write(to: inc.appendingPathComponent("reference.RFC.2119.xml"), atomically: true, encoding: .utf8)
            let file = dir.appendingPathComponent("d.xml")
            try #"<rfc><front><title>T</title></front><middle><section title="S"><t>x</t></section></middle><back><references title="R"><?rfc include="reference.RFC.2119"?></references></back></rfc>"#.write(to: file, atomically: true, encoding: .utf8)
            let without = try runDraftcheck(["sections", file.path])
            #expect(without.status == 0)
            #expect(without.stderr.contains("warning: reference.RFC.2119 not found"))
            let with = try runDraftcheck(["sections", file.path, "--include-dir", inc.path])
            #expect(with.status == 0)
            #expect(with.stderr.isEmpty)
        }
    }
}
