import Foundation
import Testing
@testable import DraftDocument

/// Text documents that are not UTF-8 are read as Windows-1252: every byte has a character,
/// 0x80-0x9F the printable ones Windows-1252 puts there, its five holes their C1 controls.
@Suite struct TextEncodingTests {
    @Test(arguments: [
        (UInt8(0xE9), "\u{E9}"),     // Latin-1: é
        (UInt8(0xA0), "\u{A0}"),     // no-break space
        (UInt8(0x80), "\u{20AC}"),   // €
        (UInt8(0x92), "\u{2019}"),   // right single quotation mark, the usual apostrophe
        (UInt8(0x97), "\u{2014}"),   // em dash
        (UInt8(0x9F), "\u{178}"),    // Ÿ
        (UInt8(0x81), "\u{81}"),     // undefined in Windows-1252: the C1 control
        (UInt8(0x41), "A"),
    ])
    func windows1252MapsEachByte(_ byte: UInt8, _ expected: String) {
        #expect(TextLines.windows1252([byte]) == expected)
    }

    @Test func aDocumentWithALatin1ByteIsReadWithAWarning() throws {
        let data = Data("1.  Introduction\n\n   The caf".utf8) + Data([0xE9]) + Data(" serves it.\n".utf8)
        let document = try DocumentReader.read(data: data, path: "latin1.txt")
        #expect(document.sections.map(\.title) == ["Introduction"])
        #expect(document.warnings.first?.description
            == "latin1.txt:3:11: warning: not UTF-8 text (0xE9 at byte offset 28): read as Windows-1252 (Latin-1)")
    }

    @Test func utf8TextHasNoEncodingWarning() throws {
        let document = try DocumentReader.read(data: Data("1.  Introduction\n\n   The café serves it.\n".utf8), path: "utf8.txt")
        #expect(!document.warnings.contains { $0.message.contains("Windows-1252") })
    }
}
