import DraftDocument
import Testing
@testable import Normative

/// The extraction's byte scanners run over every byte of a document, so they are written
/// for speed (runs copied whole, tables, skips to the bytes that can matter). Each is held
/// here to the plain definition it replaces, on every input of a small alphabet or on many
/// generated ones: the fast form must give the same answer everywhere.
@Suite struct ByteScanTests {
    /// A fixed-seed generator (xorshift64*): the same inputs in every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
    }

    /// Every string of up to `length` pieces from `alphabet`.
    static func all(_ alphabet: [String], upTo length: Int) -> [String] {
        var out = [""]
        var level = [""]
        for _ in 0..<length {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            out += level
        }
        return out
    }

    // MARK: - "word", fed in pieces

    @Test func wordFinderFindsWordInAnyCaseAcrossPieces() {
        var checked = 0
        for text in Self.all(["w", "W", "o", "O", "r", "d", "D", "x", " "], upTo: 5) {
            let bytes = Array(text.utf8)
            let expected = text.lowercased().contains("word")
            for cut in 0...bytes.count {
                var finder = SplitBoilerplate.WordFinder()
                let first = bytes[..<cut].withUnsafeBufferPointer { finder.feed($0) }
                let found = first || bytes[cut...].withUnsafeBufferPointer { finder.feed($0) }
                #expect(found == expected, "\(text.debugDescription) cut at \(cut)")
                checked += 1
            }
        }
        #expect(checked == 390_277)
    }

    @Test func wordFinderExamples() {
        func found(_ pieces: String...) -> Bool {
            var finder = SplitBoilerplate.WordFinder()
            return pieces.contains { piece in Array(piece.utf8).withUnsafeBufferPointer { finder.feed($0) } }
        }
        #expect(found("The key ", "WORDS \"MUST\""))
        #expect(found("these w", "ords"))
        #expect(found("wwword"))
        #expect(!found("wor", "k", "d"))
        #expect(!found("swor"))
        #expect(found("sWoRd"))
    }

    // MARK: - "2119", "8174" or "BCP"

    @Test func citesKeywordRFCMatchesItsDefinition() {
        var checked = 0
        for text in Self.all(["b", "B", "c", "C", "p", "P", "1", "2", "4", "7", "8", "9", " "], upTo: 4)
            + ["BCP 14", "bcp14", "RFC 2119", "RFC2119", "[RFC8174]", "RFC 8175", "2118", "B C P", "é2119", "xxbc", "81 74"] {
            let lower = text.lowercased()
            let expected = lower.contains("bcp") || lower.contains("2119") || lower.contains("8174")
            let got = Array(text.utf8).withUnsafeBufferPointer { ExtractionRun.citesKeywordRFC($0) }
            #expect(got == expected, "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked == 30_952)
    }

    // MARK: - Letters and capitals beside the keywords

    /// The definition: every byte outside the keyword ranges, walked one at a time.
    static func besideReference(_ sentence: ArraySlice<UInt8>, _ ranges: [Range<Int>]) -> (word: Int, letters: Int, capitals: Int) {
        var word = 0, letters = 0, capitals = 0, k = 0
        var i = sentence.startIndex
        while i < sentence.endIndex {
            if k < ranges.count, i == ranges[k].lowerBound {
                i = ranges[k].upperBound
                k += 1
                continue
            }
            let b = sentence[i]
            if Bytes.isWord(b) { word += 1 }
            if Bytes.isUpper(b) { capitals += 1; letters += 1 } else if Bytes.isLower(b) { letters += 1 }
            i += 1
        }
        return (word, letters, capitals)
    }

    @Test func besideKeywordsCountsWhatItsDefinitionCounts() {
        var rng = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let pieces = ["MUST", "NOT", "a", "Z", "_", "7", " ", ".", "\u{E9}", "\"", "-", "IN NO EVENT"]
        for round in 0..<4000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let all = Array(("xx " + text + " yy").utf8)
            // A sentence in the middle of its paragraph's bytes, as the extraction passes it.
            let sentence = all[3..<(all.count - 3)]
            var ranges: [Range<Int>] = []
            var at = sentence.startIndex
            while at < sentence.endIndex, Int.random(in: 0..<3, using: &rng) > 0 {
                let start = Int.random(in: at...sentence.endIndex, using: &rng)
                let end = Int.random(in: start...min(sentence.endIndex, start + 6), using: &rng)
                ranges.append(start..<end)
                at = end
            }
            // Now and then a range out of order, or past the end: the walk must still agree.
            if round % 50 == 0, let first = ranges.first { ranges.append(first) }
            if round % 70 == 0 { ranges.append(sentence.endIndex..<(sentence.endIndex + 2)) }
            let got = ExtractionRun.besideKeywords(sentence, ranges)
            let expected = Self.besideReference(sentence, ranges)
            #expect(got == expected, "\(text.debugDescription) \(ranges)")
        }
        let licence = Array("IN NO EVENT SHALL THE AUTHORS BE LIABLE".utf8)
        #expect(ExtractionRun.besideKeywords(licence[...], [12..<17]) == (word: 27, letters: 27, capitals: 27))
    }

    // MARK: - Normalisation

    /// The definition of `ExtractionRun.normalize`: byte by byte, white space folded, line
    /// breaks counted, no-break spaces and line separators as spaces, invisible characters
    /// dropped, a hyphen at a line's end joined to a lower-case word or digit after it.
    static func normalizeReference(_ inline: InlineText) -> ExtractionRun.Normalized {
        let text = inline.scriptsShown
        var out: [UInt8] = []
        var tagged: [Range<Int>] = []
        var breaks: [(offset: Int, newlines: Int)] = []
        var lines: [(offset: Int, line: Int)] = []
        var pendingSpace = false, pendingNewlines = 0, total = 0
        let lineStarts = text.lineStarts
        var nextLine = 0
        var pendingLine: Int?
        var plainOffset = 0
        for span in text.spans {
            if case .invisible = span.kind { continue }
            let isTag = span.kind == .bcp14
            var start: Int?
            let utf8 = Array(span.text.utf8)
            var k = 0
            while k < utf8.count {
                while nextLine < lineStarts.count, plainOffset + k >= lineStarts[nextLine].offset {
                    pendingLine = lineStarts[nextLine].line
                    nextLine += 1
                }
                var b = utf8[k]
                k += 1
                if b == 0xC2, k < utf8.count, utf8[k] == 0xA0 {
                    k += 1
                    b = 0x20
                } else if b == 0xE2, k + 1 < utf8.count, utf8[k] == 0x80, utf8[k + 1] == 0xA8 {
                    k += 2
                    b = 0x20
                } else if (b == 0xE2 && k + 1 < utf8.count && ((utf8[k] == 0x81 && utf8[k + 1] == 0xA0) || (utf8[k] == 0x80 && utf8[k + 1] == 0x8B)))
                            || (b == 0xC2 && k < utf8.count && utf8[k] == 0xAD) {
                    k += b == 0xE2 ? 2 : 1
                    continue
                }
                if Bytes.isSpace(b) {
                    if !out.isEmpty { pendingSpace = true }
                    if b == 0x0A { pendingNewlines += 1 }
                    continue
                }
                if pendingSpace || pendingNewlines > 0 {
                    let c = out.count
                    let rejoin = pendingNewlines > 0 && c >= 2 && out[c - 1] == 0x2D
                        && (Bytes.isLetter(out[c - 2]) || Bytes.isDigit(out[c - 2]))
                        && (Bytes.isLower(b) || Bytes.isDigit(b))
                    if pendingSpace, !rejoin { out.append(0x20) }
                    if pendingNewlines > 0 {
                        total += pendingNewlines
                        breaks.append((out.count, total))
                    }
                    pendingSpace = false
                    pendingNewlines = 0
                }
                if isTag, start == nil { start = out.count }
                if let line = pendingLine {
                    lines.append((out.count, line))
                    pendingLine = nil
                }
                out.append(b)
            }
            plainOffset += utf8.count
            if isTag, let start { tagged.append(start..<out.count) }
        }
        return ExtractionRun.Normalized(bytes: out, tagged: tagged, breaks: breaks, lines: lines)
    }

    @Test func normalizeGivesItsDefinitionsBytesBreaksAndLines() {
        var rng = Generator(state: 0xD1B5_4A32_D192_ED03)
        let pieces = ["keyword", "MUST", "a", "-", "x-", "\n", " ", "  ", "\t", "\u{A0}", "\u{2028}", "\u{2060}", "\u{200B}", "\u{AD}",
                      "\u{E9}t\u{E9}", "2119", ".", "\"quoted\"", "Z", "\r\n", "\u{2011}"]
        var withLines = 0
        for round in 0..<3000 {
            var spans: [Span] = []
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let text = (0..<Int.random(in: 1...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                let kind: Span.Kind = switch Int.random(in: 0..<6, using: &rng) {
                case 0: .bcp14
                case 1: .invisible("comment")
                default: .text
                }
                spans.append(Span(text, kind: kind))
            }
            var inline = InlineText(spans)
            // Source lines starting anywhere in the text, mid-word too, as the text reader's
            // joined lines and a figure's do.
            if round % 2 == 0 {
                let length = inline.spans.reduce(0) { $0 + $1.text.utf8.count }
                var offset = 0
                var line = 10
                while offset <= length {
                    inline.lineStarts.append(.init(offset: offset, line: line))
                    offset += Int.random(in: 1...12, using: &rng)
                    line += Int.random(in: 1...2, using: &rng)
                }
                withLines += 1
            }
            let got = ExtractionRun.normalize(inline)
            let expected = Self.normalizeReference(inline)
            #expect(got.bytes == expected.bytes, "\(inline.spans.map(\.text))")
            #expect(got.tagged == expected.tagged)
            #expect(got.breaks.map(\.offset) == expected.breaks.map(\.offset) && got.breaks.map(\.newlines) == expected.breaks.map(\.newlines))
            #expect(got.lines.map(\.offset) == expected.lines.map(\.offset) && got.lines.map(\.line) == expected.lines.map(\.line),
                    "\(inline.spans.map(\.text)) \(inline.lineStarts)")
        }
        #expect(withLines == 1500)
    }
}
