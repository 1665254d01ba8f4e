@testable import DraftDocument
import Foundation
import Testing

/// The model's string helpers work on UTF-8 bytes for speed; each must give exactly what
/// its definition gives: `whitespaceNormalized` what the Character definition gives (every
/// run of Unicode white space one space, ends trimmed), `replacingAll` what Foundation's
/// `replacingOccurrences(of:with:)` gives.
@Suite struct StringUtilityTests {
    static func byCharacters(_ s: String) -> String {
        var out = ""
        var pending = false
        for ch in s {
            if ch.isWhitespace { pending = !out.isEmpty } else {
                if pending { out.append(" "); pending = false }
                out.append(ch)
            }
        }
        return out
    }

    static let pieces = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "a", "Zz", "MUST",
                         ".", "\u{A0}", "\u{2028}", "é", "e\u{301}", " \u{301}", "\u{3000}", "😀", "\u{85}"]

    @Test func asciiAndUnicodeTextFoldAsCharactersDo() {
        // Every string of up to three pieces, and each piece between words.
        var checked = 0
        for a in Self.pieces {
            for b in Self.pieces {
                for c in Self.pieces {
                    let s = a + b + c
                    #expect(s.whitespaceNormalized == Self.byCharacters(s), "\(Array(s.unicodeScalars))")
                    checked += 1
                }
            }
            let inside = "x" + a + "y" + a
            #expect(inside.whitespaceNormalized == Self.byCharacters(inside))
        }
        #expect(checked == Self.pieces.count * Self.pieces.count * Self.pieces.count)
        #expect("  The\tfirst\r\n  line \u{0B}".whitespaceNormalized == "The first line")
        #expect("a\u{1C}b".whitespaceNormalized == "a\u{1C}b")
    }

    @Test(arguments: [
        ("J. Smith, R. Jones", ". ", ".\u{00A0}"), ("Section-2-9", "-", "\u{2011}"), ("aaaa", "aa", "b"),
        ("no match here", "xyz", "q"), ("", "a", "b"), ("{name} and {name}", "{name}", "Zoë"),
        ("é. é. ", ". ", "!"), ("%p.%p", "%p", ""), ("😀-😀", "-", "--"), ("x", "x", ""),
    ])
    func replacingAllMatchesFoundation(_ text: String, _ target: String, _ replacement: String) {
        #expect(text.replacingAll(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
    }
}

/// Titles folded for comparison with the table of contents: ASCII byte by byte, the rest
/// by Unicode's properties; both must fold an ASCII title alike.
@Suite struct FoldedTitleTests {
    static func byProperties(_ title: String) -> String {
        String(String.UnicodeScalarView(title.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    @Test func asciiFoldsAsUnicodeDoes() {
        let every = String(decoding: (0x20...0x7E).map { UInt8($0) }, as: UTF8.self)
        #expect(TextHeadings.foldedTitle(every) == Self.byProperties(every))
        #expect(TextHeadings.foldedTitle(every) == "0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz")
        #expect(TextHeadings.foldedTitle("3.4 Algorithms for creating a UUID (pseudo-random)") == "34algorithmsforcreatingauuidpseudorandom")
        #expect(TextHeadings.foldedTitle("Requesting the Peer\u{2019}s Version") == "requestingthepeersversion")
        #expect(TextHeadings.foldedTitle("Übersicht der Änderungen") == "übersichtderänderungen")
    }
}
