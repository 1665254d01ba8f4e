import Foundation
import Testing
@testable import DraftDocument

/// Issue 17 section 2: documents built to exhaust time or memory get a typed error with
/// their place, or are read in linear time. The full-size cases are in scripts/hostile.
@Suite struct HostileInputTests {
    static func v3(_ body: String, entities: String = "") -> String {
        let doctype = entities.isEmpty ? "" : "<!DOCTYPE rfc [\n\(entities)]>\n"
        return "<?xml version=\"1.0\"?>\n\(doctype)<rfc version=\"3\" docName=\"draft-hostile-00\">\n<front><title>T</title></front>\n<middle>\n\(body)</middle>\n</rfc>\n"
    }

    /// D1: 2,000 references to one element of 10 KB of text are 2,000 nodes but 20 MB.
    @Test func entityExpansionIsBoundedByBytes() throws {
        let entities = "<!ENTITY a \"<em>\(String(repeating: "A", count: 10_000))</em>\">\n<!ENTITY b \"\(String(repeating: "&a;", count: 2_000))\">\n"
        let xml = Self.v3("<section><name>S</name>\n<t>&b;</t></section>\n", entities: entities)
        let error = try #require(throws: DocumentError.self) { try DocumentReader.read(data: Data(xml.utf8), path: "bomb.xml") }
        #expect(error.code == .refusedUnsafe)
        #expect(error.description.hasPrefix("bomb.xml:10:1:"), "\(error)")
        #expect(error.message.contains("&b;") && error.message.contains("16 MiB"))
    }

    /// Under the byte bound, an entity used many times is still expanded.
    @Test func entitiesUnderTheBoundAreExpanded() throws {
        let entities = "<!ENTITY a \"<em>word</em>\">\n"
        let xml = Self.v3("<section><name>S</name>\n<t>\(String(repeating: "&a; ", count: 100))</t></section>\n", entities: entities)
        let document = try DocumentReader.read(data: Data(xml.utf8), path: "ok.xml")
        #expect(document.sections.first?.blocks.isEmpty == false)
    }

    /// D8: libxml2 2.9 is quadratic in the attributes of one element; past 512 the
    /// document is refused before libxml2 parses it, with the line and column of the tag.
    @Test(arguments: [
        ("an element", "<section \((0..<600).map { "a\($0)=\"x\"" }.joined(separator: " "))><name>S</name></section>\n", "crowded.xml:5:1:"),
        ("an entity value", "<section><name>S</name><t>&e;</t></section>\n", "crowded.xml:"),
        // The scan jumps over text to the next '<': the tag after 50 KB of it is still seen.
        ("an element after long text", "<section><name>S</name><t>\(String(repeating: "text ", count: 10_000))</t></section>\n<section \((0..<600).map { "a\($0)=\"x\"" }.joined(separator: " "))><name>T</name></section>\n", "crowded.xml:6:1:"),
        // Quoted values are jumped over whole: a '>' in one does not end the tag.
        ("an element whose values hold '>' and '='", "<section \((0..<600).map { "a\($0)='x>=y'" }.joined(separator: " "))><name>S</name></section>\n", "crowded.xml:5:1:"),
    ])
    func tooManyAttributesAreRefused(place: String, body: String, location: String) throws {
        let entities = place == "an entity value" ? "<!ENTITY e '<em \((0..<600).map { "a\($0)=\"x\"" }.joined(separator: " "))>x</em>'>\n" : ""
        let xml = Self.v3(body, entities: entities)
        let error = try #require(throws: DocumentError.self) { try DocumentReader.read(data: Data(xml.utf8), path: "crowded.xml") }
        #expect(error.code == .refusedUnsafe)
        #expect(error.description.hasPrefix(location), "\(error)")
        #expect(error.message.contains("more than 512 attributes"))
    }

    @Test func manyAttributesInValuesAndCommentsAreNotCounted() throws {
        let crowd = (0..<600).map { "a\($0)=x" }.joined(separator: " ")
        let xml = Self.v3("<!-- <e \(crowd)> --><section anchor=\"s\" title=\"\(crowd)\"><name>S</name><t>x</t></section>\n")
        #expect(throws: Never.self) { try DocumentReader.read(data: Data(xml.utf8), path: "fine.xml") }
    }

    @Test func manyAttributesInCDATAAndProcessingInstructionsAreNotCounted() throws {
        let crowd = (0..<600).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let xml = Self.v3("<?pi <e \(crowd)>?><section anchor=\"s\"><name>S</name><sourcecode><![CDATA[<e \(crowd)>]]></sourcecode></section>\n")
        #expect(throws: Never.self) { try DocumentReader.read(data: Data(xml.utf8), path: "fine.xml") }
    }

    /// D7: joining a paragraph's lines held a view of the text while appending to it, so
    /// every line copied the whole paragraph.
    @Test func aLongParagraphJoinsInLinearTime() {
        let lines = (0..<40_000).map { Substring("line \($0) of a long paragraph with a hyphen-") }
        let text = TextBlockBuilder.join(lines)
        #expect(text.hasPrefix("line 0 of a long paragraph with a hyphen-line 1 of"))
        #expect(text.utf8.count == lines.reduce(0) { $0 + $1.utf8.count })
    }

    /// D10: a word longer than the line is cut line by line without copying the rest.
    @Test func aLongWordIsCutInLinearTime() {
        let word = String(repeating: "x", count: 1_000_000)
        let lines = TextFill.wrap("A " + word + " end", initial: "   ", subsequent: "   ", width: 72)
        // Linear (scripts/hostile D10 measures it): copying the rest of the word once a
        // line (14,493 lines of a 1 MB word) took minutes.
        // "   A " and 67 x's, then 69 x's a line, the last 54 with " end".
        #expect(lines.count == 1 + (1_000_000 - 67) / 69 + 1)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 72 })
        #expect(lines.map { $0.dropFirst(3) }.joined().filter { $0 == "x" }.count == 1_000_000)
    }
}
