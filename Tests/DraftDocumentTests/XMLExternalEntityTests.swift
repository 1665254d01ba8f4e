import Foundation
import Testing
@testable import DraftDocument

/// External parsed entities in the body of an XML draft: drafts split into files before
/// xi:include declared `<!ENTITY intro SYSTEM "intro.xml">` and wrote `&intro;` in
/// `<middle>` (ietf-wg-alto/draft-ietf-alto-path-vector builds its whole middle and its
/// abstract so), and xml2rfc reads the files in place. Read under the include rules (beside
/// the draft or in an include directory, never outside, never the network); a file not read
/// is named in a warning, never dropped without a word.
@Suite struct XMLExternalEntityTests {
    /// A fresh directory holding `files`, removed after `body`.
    @discardableResult
    static func withFiles<T>(_ files: [String: [UInt8]], _ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-entity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in files {
            try Data(bytes).write(to: dir.appendingPathComponent(name))
        }
        return try body(dir)
    }

    static func draft(entities: [String: String], abstract: String = "<t>A.</t>", middle: String, back: String = "") -> [UInt8] {
        let declarations = entities.sorted { $0.key < $1.key }.map { "  <!ENTITY \($0.key) SYSTEM \"\($0.value)\">" }.joined(separator: "\n")
        return Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rfc [
        \(declarations)
          <!ENTITY version "7">
        ]>
        <rfc docName="draft-x-00"><front><title>T</title><abstract>\(abstract)</abstract></front><middle>
        \(middle)
        </middle><back>\(back)</back></rfc>
        """.utf8)
    }

    static func read(_ dir: URL, outline: Bool = false) throws -> Document {
        try DocumentReader.read(path: dir.appendingPathComponent("draft.xml").path, outline: outline)
    }

    @Test func sectionsAndAnAbstractFromEntityFilesAreReadInPlace() throws {
        let files: [String: [UInt8]] = [
            "draft.xml": Self.draft(entities: ["abs": "abstract.xml", "intro": "intro.xml", "body": "body.xml"],
                                    abstract: "&abs;", middle: "&intro;\n&body;\n<section title=\"Last\"><t>z</t></section>"),
            "abstract.xml": Array("<t>The abstract, from a file.</t>\n".utf8),
            // A text declaration, then the content: lines are counted as in the file.
            "intro.xml": Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<section title=\"Introduction\">\n<t>Intro text MUST be read (version &version;).</t>\n</section>\n".utf8),
            // Two sections in one entity, the second with a subsection.
            "body.xml": Array("<section title=\"One\"><t>x</t></section>\n<section title=\"Two\"><t>y</t><section title=\"Deep\"><t>w</t></section></section>".utf8),
        ]
        try Self.withFiles(files) { dir in
            let doc = try Self.read(dir)
            #expect(numbering(doc) == ["1 Introduction", "2 One", "3 Two", "3.1 Deep", "4 Last"])
            #expect(doc.warnings.isEmpty, "\(doc.warnings)")
            guard case .paragraph(let abstract)? = doc.abstract.first else { Issue.record("no abstract paragraph"); return }
            #expect(abstract.content.normalizedText == "The abstract, from a file.")
            #expect(doc.sections[0].paragraphs.first?.content.normalizedText == "Intro text MUST be read (version 7).")
            #expect(doc.sections[0].location.file.hasSuffix("/intro.xml"))
            #expect(doc.sections[0].location.line == 2)
            #expect(doc.sections[0].paragraphs.first?.location.line == 3)
            #expect(numbering(try Self.read(dir, outline: true)) == numbering(doc))
        }
    }

    @Test func aLatin1EntityFileIsReadUnderItsDeclaration() throws {
        let files: [String: [UInt8]] = [
            "draft.xml": Self.draft(entities: ["intro": "intro.xml"], middle: "&intro;"),
            "intro.xml": Array("<?xml version='1.0' encoding='ISO-8859-1'?>\n<section title=\"Caf".utf8) + [0xE9] + Array("\"><t>x</t></section>".utf8),
        ]
        try Self.withFiles(files) { dir in
            let doc = try Self.read(dir)
            #expect(numbering(doc) == ["1 Café"])
            #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        }
    }

    struct Unread: CustomTestStringConvertible, Sendable {
        var rule: String
        var system: String
        var files: [String: String] = [:]
        var warning: String
        var testDescription: String { rule }
    }

    @Test(arguments: [
        Unread(rule: "a file that is not there", system: "gone.xml",
               warning: "external entity &e; (\"gone.xml\") not read: gone.xml not found beside the document or in an include directory; its content is missing from this reading"),
        Unread(rule: "the network is never read", system: "https://example.org/s.xml",
               warning: "external entity &e; (\"https://example.org/s.xml\") not read: https://example.org/s.xml is on the network, which is never read; its content is missing from this reading"),
        Unread(rule: "a path outside the draft's directory", system: "/etc/hostname",
               warning: "external entity &e; (\"/etc/hostname\") not read: /etc/hostname is outside the document's directory and the include directories; not read; its content is missing from this reading"),
        Unread(rule: "a file that is not UTF-8 and declares no encoding", system: "bad.xml", files: ["bad.xml": "latin1"],
               warning: "external entity &e; (DIR/bad.xml) not read: neither UTF-8 nor in an encoding its declaration names that the reader knows; its content is missing from this reading"),
        Unread(rule: "content that is not well-formed names its file, line and column", system: "broken.xml", files: ["broken.xml": "<section title=\"S\">\n<t>open</section>"],
               warning: "external entity &e; not read: DIR/broken.xml:2:"),
        Unread(rule: "an entity whose file refers to itself stops at the include depth", system: "self.xml", files: ["self.xml": "<t>again</t>&e;"],
               warning: "external entity &e; (\"self.xml\") not read: includes nest more than 4 deep; its content is missing from this reading"),
    ])
    func whatIsNotReadIsNamed(_ c: Unread) throws {
        var files: [String: [UInt8]] = ["draft.xml": Self.draft(entities: ["e": c.system], middle: "<section title=\"S\"><t>a</t>&e;</section>")]
        for (name, text) in c.files { files[name] = text == "latin1" ? Array("<t>caf".utf8) + [0xE9] + Array("</t>".utf8) : Array(text.utf8) }
        try Self.withFiles(files) { dir in
            let doc = try Self.read(dir)
            let resolved = dir.standardizedFileURL.resolvingSymlinksInPath().path
            let expected = c.warning.replacingOccurrences(of: "DIR", with: resolved)
            #expect(doc.warnings.contains { $0.message.hasPrefix(expected) }, "\(doc.warnings.map(\.message))")
            #expect(numbering(doc) == ["1 S"])
        }
    }

    @Test func aFIFOBesideTheDraftIsNeverOpened() throws {
        // Opening a FIFO for reading blocks until a writer comes: the reader would hang.
        let files: [String: [UInt8]] = ["draft.xml": Self.draft(entities: ["e": "pipe.xml"], middle: "<section title=\"S\"><t>a</t>&e;</section>")]
        try Self.withFiles(files) { dir in
            let pipe = dir.appendingPathComponent("pipe.xml").path
            #expect(mkfifo(pipe, 0o600) == 0)
            let doc = try Self.read(dir)
            let resolved = dir.standardizedFileURL.resolvingSymlinksInPath().path
            #expect(doc.warnings.map(\.message) == ["external entity &e; (\"pipe.xml\") not read: \(resolved)/pipe.xml is not a regular file; not read; its content is missing from this reading"])
        }
    }

    @Test func everyReferenceCountsAgainstTheEntityBudget() throws {
        // 2 MiB of text referenced nine times passes the 16 MiB budget: refused, not expanded.
        let big = Array("<t>".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20) + Array("</t>".utf8)
        let files: [String: [UInt8]] = [
            "draft.xml": Self.draft(entities: ["big": "big.xml"], middle: "<section title=\"S\">" + String(repeating: "&big;", count: 9) + "</section>"),
            "big.xml": big,
        ]
        try Self.withFiles(files) { dir in
            #expect(throws: DocumentError.refusedUnsafe) { try Self.read(dir) }
        }
    }

    @Test func entityFilesInReferencesStayBibliographyEntries() throws {
        let files: [String: [UInt8]] = [
            "draft.xml": Self.draft(entities: ["ref": "reference.RFC.2119.xml"], middle: "<section title=\"S\"><t>a</t></section>",
                                    back: "<references title=\"Normative References\">&ref;</references>"),
            "reference.RFC.2119.xml": Array("<?xml version='1.0' encoding='UTF-8'?>\n<reference anchor='RFC2119'><front><title>Key words</title></front></reference>".utf8),
        ]
        try Self.withFiles(files) { dir in
            let doc = try Self.read(dir)
            let entries = doc.allSections.flatMap(\.blocks).compactMap { if case .references(let group) = $0 { group.entries } else { nil } }.flatMap { $0 }
            #expect(entries.map(\.anchor) == ["RFC2119"])
            #expect(entries.first?.title == "Key words")
            #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        }
    }
}
