import Linking
import PropertyBased
import Testing

/// `QuoteFinder.normalize` reads UTF-8 bytes; it must answer as the scalar-by-scalar
/// definition does (Unicode's White_Space folded, quotes and hyphens straightened).
@Suite struct QuoteNormalizeTests {
    /// The definition, scalar by scalar, with the standard library's White_Space.
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            switch s.value {
            case 0x201C, 0x201D: s = "\""
            case 0x2018, 0x2019: s = "'"
            case 0x2010, 0x2011: s = "-"
            default: break
            }
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }

    /// Every scalar of the Basic Multilingual Plane, and every seventh beyond, between two
    /// letters and alone.
    @Test func everyScalarAsTheDefinitionHasIt() {
        var wrong: [String] = []
        for value in Array(0..<0x1_0000) + Array(stride(from: 0x1_0000, to: 0x11_0000, by: 7)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a\(Character(scalar))b", String(Character(scalar)), "\(Character(scalar)) x \(Character(scalar))"]
            where QuoteFinder.normalize(text) != Self.reference(text) {
                wrong.append(String(value, radix: 16))
            }
        }
        #expect(wrong.isEmpty)
    }

    static let alphabet = Array("a Z.\t\n\r\u{0B}\u{0C}\u{85}\u{A0}\u{1680}\u{2000}\u{200A}\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{2010}\u{2011}\u{2012}\u{2018}\u{2019}\u{201C}\u{201D}é😀\u{E000}\u{0301}".unicodeScalars)

    @Test func randomTextAsTheDefinitionHasIt() async {
        let text = Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...12).map { String(String.UnicodeScalarView($0.map { Self.alphabet[$0] })) }
        await propertyCheck(count: 2000, input: text) { text in
            #expect(QuoteFinder.normalize(text) == Self.reference(text))
            #expect(QuoteFinder.normalize(text.dropFirst()) == Self.reference(String(text.dropFirst())))
        }
    }
}
