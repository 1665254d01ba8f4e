import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// `sections` reads XML in outline mode (section bodies not built). Everything it shows must
/// be what a full read gives: the section tree with numbers, titles, depths, anchors and
/// lines, the metadata, and the warnings, on every XML document of the corpus and on the
/// bundled draft.
@Suite struct OutlineReadTests {
    struct Entry: Equatable, CustomStringConvertible {
        var number: String?
        var title: String
        var depth: Int
        var anchor: String?
        var line: Int
        var back: Bool
        var description: String { "\(number ?? "-") \(title) [\(anchor ?? "")] d\(depth) l\(line)\(back ? " back" : "")" }
    }

    static func entries(_ d: Document) -> [Entry] {
        d.allSections.map { Entry(number: $0.number, title: $0.title, depth: $0.depth, anchor: $0.anchor, line: $0.location.line, back: $0.isBackMatter) }
    }

    static func compare(_ path: String) throws {
        let full = try DocumentReader.read(path: path)
        let outline = try DocumentReader.read(path: path, outline: true)
        #expect(Self.entries(outline) == Self.entries(full), "\(path)")
        #expect(outline.metadata == full.metadata, "\(path)")
        #expect(outline.warnings.map(\.description) == full.warnings.map(\.description), "\(path)")
    }

    @Test func corpusXMLOutlinesEqualFullReads() throws {
        let names = Corpus.files(formats: ["xml-v2", "xml-v3"])
        if names.isEmpty {
            let message = Absence.corpus("the corpus XML documents", neededFor: "the outline comparison")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        var compared = 0
        for name in names {
            guard let path = Corpus.path(name) else { continue }
            // Documents the reader refuses are refused in both modes alike.
            guard (try? DocumentReader.read(path: path)) != nil else {
                #expect(throws: DocumentError.self) { try DocumentReader.read(path: path, outline: true) }
                continue
            }
            try Self.compare(path)
            compared += 1
        }
        #expect(compared >= 10)
    }

    @Test func theBundledDraftOutlineEqualsItsFullRead() throws {
        try Self.compare(TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path)
    }

    static func read(_ xml: String, outline: Bool) throws -> Document {
        try DocumentReader.read(data: Data(xml.utf8), path: "t.xml", outline: outline)
    }

    @Test func outlineSkipsBodiesButKeepsTheIndexSection() throws {
        let xml = """
            <rfc version="3" docName="draft-x-00"><front><title>T</title></front><middle>
            <section anchor="a"><name>One</name><t>Text <iref item="word"/> here.</t>
            <section><name>Inner</name><t>More.</t></section></section>
            </middle></rfc>
            """
        let outline = try Self.read(xml, outline: true)
        let full = try Self.read(xml, outline: false)
        #expect(outline.sections[0].blocks.isEmpty)
        #expect(full.sections[0].blocks.count == 1)
        #expect(Self.entries(outline) == Self.entries(full))
        #expect(outline.allSections.map(\.title) == ["One", "Inner", "Index"])
    }

    @Test func aTitleWithACrossReferenceIsReadInFull() throws {
        let xml = """
            <rfc version="3" docName="draft-x-00"><front><title>T</title></front><middle>
            <section><name>See <xref target="f"/></name>
            <figure anchor="f"><name>Pic</name><artwork>x</artwork></figure></section>
            </middle></rfc>
            """
        let outline = try Self.read(xml, outline: true)
        #expect(outline.sections[0].title == "See Figure 1")
        #expect(outline.sections[0].blocks.isEmpty == false, "the fallback builds the bodies")
    }
}
