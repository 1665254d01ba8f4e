import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// xi:include in the body of an XML draft (issue 17 section 1): read in place when the
/// file is beside the draft or in an include directory, in full and in outline mode; when
/// not read (network, outside the allowed directories, missing, inside running text), a
/// warning names the href and the reason. Never silently dropped.
@Suite struct XMLBodyIncludeTests {
    /// Runs `body` in a directory of its own holding the files the drafts include.
    static func withDirectory(_ body: (URL) throws -> Void) throws {
        try Scratch.directory("draftcheck-body-inc") { dir in
            try body(try includes(in: dir))
        }
    }

    static func includes(in dir: URL) throws -> URL {
        try #"<section anchor="intro"><name>Introduction</name><t>Included text MUST be read.</t><section><name>Inner</name><t>More.</t></section></section>"#
            .write(to: dir.appendingPathComponent("intro.xml"), atomically: true, encoding: .utf8)
        try #"<t>An included paragraph.</t>"#.write(to: dir.appendingPathComponent("para.xml"), atomically: true, encoding: .utf8)
        try #"<section><name>Extra</name><t>Appendix text.</t></section>"#.write(to: dir.appendingPathComponent("extra.xml"), atomically: true, encoding: .utf8)
        return dir
    }

    static func read(_ middle: String, back: String = "", in dir: URL, outline: Bool = false) throws -> Document {
        let xml = """
        <rfc xmlns:xi="http://www.w3.org/2001/XInclude" version="3" docName="draft-x-00"><front><title>T</title></front><middle>
        \(middle)
        </middle><back>\(back)</back></rfc>
        """
        let path = dir.appendingPathComponent("draft.xml")
        try xml.write(to: path, atomically: true, encoding: .utf8)
        return try DocumentReader.read(path: path.path, outline: outline)
    }

    @Test func aSectionIncludedInTheMiddleIsRead() throws {
        try Self.withDirectory { dir in
            let doc = try Self.read(#"<xi:include href="intro.xml"/><section><name>Second</name><t>x</t></section>"#, in: dir)
            #expect(numbering(doc) == ["1 Introduction", "1.1 Inner", "2 Second"])
            #expect(doc.sections[0].paragraphs.first?.content.normalizedText == "Included text MUST be read.")
            #expect(doc.sections[0].location.file.hasSuffix("intro.xml"), "locations name the included file")
            #expect(doc.warnings.isEmpty, "\(doc.warnings)")
            let outline = try Self.read(#"<xi:include href="intro.xml"/><section><name>Second</name><t>x</t></section>"#, in: dir, outline: true)
            #expect(numbering(outline) == numbering(doc))
        }
    }

    @Test func aParagraphAndASubsectionIncludedInASectionAreRead() throws {
        try Self.withDirectory { dir in
            let doc = try Self.read(#"<section><name>One</name><t>Before.</t><xi:include href="para.xml"/><t>After.</t><xi:include href="extra.xml"/></section>"#, in: dir)
            #expect(numbering(doc) == ["1 One", "1.1 Extra"])
            #expect(doc.sections[0].paragraphs.map(\.content.normalizedText) == ["Before.", "An included paragraph.", "After."])
            #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        }
    }

    /// An included file with a DOCTYPE of its own may use a name nobody declared: kept in
    /// its attributes and text, and warned about at its own file and line, as in the draft.
    @Test func anUndeclaredEntityInAnIncludedFileIsWarnedAboutThere() throws {
        try Self.withDirectory { dir in
            try "<!DOCTYPE section SYSTEM \"rfc2629.dtd\">\n<section anchor=\"x\">\n<name>Own</name>\n<t title=\"A &foo; B\">Text &bar; here.</t></section>"
                .write(to: dir.appendingPathComponent("own.xml"), atomically: true, encoding: .utf8)
            let doc = try Self.read(#"<xi:include href="own.xml"/>"#, in: dir)
            #expect(doc.sections[0].paragraphs.map(\.content.normalizedText) == ["Text &bar; here."])
            #expect(doc.warnings.map { "\(URL(fileURLWithPath: $0.location?.file ?? "").lastPathComponent):\($0.location?.line ?? 0): \($0.message)" } == [
                "own.xml:4: undeclared entity &foo; in the title attribute of <t> left as is",
                "own.xml:4: undeclared entity &bar; left as is",
            ])
        }
    }

    @Test func aSectionIncludedInTheBackIsAnAppendix() throws {
        try Self.withDirectory { dir in
            let doc = try Self.read(#"<section><name>One</name><t>x</t></section>"#, back: #"<xi:include href="extra.xml"/>"#, in: dir)
            #expect(numbering(doc) == ["1 One", "A Extra"])
        }
    }

    struct Unread: CustomTestStringConvertible, Sendable {
        var rule: String
        var include: String
        var reason: String
        var testDescription: String { rule }
    }

    @Test(arguments: [
        Unread(rule: "the network is never read", include: #"<xi:include href="https://example.org/section.xml"/>"#, reason: "https://example.org/section.xml is on the network, which is never read"),
        Unread(rule: "nothing outside the draft's directory", include: #"<xi:include href="/etc/passwd"/>"#, reason: "outside the document's directory"),
        Unread(rule: "a missing file", include: #"<xi:include href="absent.xml"/>"#, reason: "absent.xml not found beside the document"),
        Unread(rule: "an include inside running text", include: #"<section><name>S</name><t>Text <xi:include href="para.xml"/> here.</t></section>"#, reason: "an include inside running text is not expanded"),
        Unread(rule: "text includes outside artwork", include: #"<section><name>S</name><xi:include href="para.xml" parse="text"/></section>"#, reason: "parse=\"text\" is read only inside artwork"),
    ])
    func whatIsNotReadIsSaid(_ vector: Unread) throws {
        try Self.withDirectory { dir in
            let doc = try Self.read(vector.include + #"<section><name>Last</name><t>x</t></section>"#, in: dir)
            let warning = try #require(doc.warnings.first, "no warning for \(vector.include)")
            #expect(doc.warnings.count == 1)
            #expect(warning.message.hasPrefix("xi:include href=\""))
            #expect(warning.message.contains(vector.reason), "\(warning.message)")
            #expect(warning.message.contains("not read"))
            #expect(!String(describing: doc).contains("root:"))
        }
    }
}
