import Foundation
import Testing
@testable import DraftDocument

/// Change bars in the right margin (nroff's `.mc |`, draft-ietf-tls-rfc2246-bis-01 to -06):
/// page layout, not text. Left in, the changed lines of a paragraph read as a drawing and
/// its requirements were lost (6 statements of 66 in -01).
@Suite struct TextChangeBarTests {
    /// `text` padded to column 73, then the bar in column 74.
    static func barred(_ text: String) -> String {
        text + String(repeating: " ", count: max(2, 73 - text.count)) + "|"
    }

    static func read(_ text: String) throws -> Section {
        let document = try DocumentReader.read(data: Data(text.utf8), path: "barred.txt")
        return try #require(document.section(numbered: "1"))
    }

    static func paragraphs(_ section: Section) -> [String] {
        section.blocks.compactMap { if case .paragraph(let p) = $0 { p.content.plainText } else { nil } }
    }

    static func figures(_ section: Section) -> [String] {
        section.blocks.compactMap { if case .figure(let f) = $0 { f.verbatim } else { nil } }
    }

    @Test func barsPastTheTextAreRemovedAndTheParagraphIsProse() throws {
        let text = [
            "1.  Fragmentation",
            "",
            "   The record layer fragments information blocks into TLSPlaintext",
            Self.barred("   records of 2^14 bytes or less. Client message boundaries"),
            Self.barred("   are not preserved: multiple client messages MAY be coalesced"),
            Self.barred(""),
            // A changed line as long as the page pushes its bar out, right after the text.
            "   into a single record, and the IV for the first block MUST be generated|",
            "   at random.",
            "",
            "       +------+------+                                                   |",
            "       | type | len  |",
            "       +------+------+",
            "",
        ].joined(separator: "\n")
        let section = try Self.read(text)
        #expect(Self.paragraphs(section) == [
            "The record layer fragments information blocks into TLSPlaintext records of 2^14 bytes or less. Client message boundaries are not preserved: multiple client messages MAY be coalesced",
            "into a single record, and the IV for the first block MUST be generated at random.",
        ])
        #expect(Self.figures(section) == ["    +------+------+\n    | type | len  |\n    +------+------+"])
    }

    /// A drawing wider than the page, each line ending in "|" in the same column, holds
    /// other bars too: it stays as drawn; and two set-off bars are too few to be the
    /// document's.
    @Test func drawingsAndStrayBarsStayAsPrinted() throws {
        let rule = "   +" + String(repeating: "-", count: 35) + "+" + String(repeating: "-", count: 36) + "+"
        let row = "   |" + String(repeating: " ", count: 14) + "Next Header" + String(repeating: " ", count: 10) + "|" + String(repeating: " ", count: 36) + "|"
        let drawing = ["1.  Format", "", "   Text before the drawing.", "", rule, row, row, row, rule, ""]
        let section = try Self.read(drawing.joined(separator: "\n"))
        #expect(Self.figures(section) == [[rule, row, row, row, rule].map { String($0.dropFirst(3)) }.joined(separator: "\n")])

        let stray = ["1.  Notes", "", Self.barred("   One line ending in a bar."), "", Self.barred("   Another one."), ""]
        let notes = try Self.read(stray.joined(separator: "\n"))
        let blocks = Self.paragraphs(notes) + Self.figures(notes)
        #expect(blocks.count == 2)
        #expect(blocks.allSatisfy { $0.hasSuffix("|") })
    }
}
