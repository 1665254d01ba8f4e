import DraftDocument
import Foundation

/// What a statement with no subject of its own is said of: the sentence introducing its
/// list, the term it defines, or the label its paragraph opens with (`Statement.leadIn`).
extension ExtractionRun {
    /// A block after the one before it: a list takes the sentence that introduces it ("A
    /// server compliant with this specification:") as its lead-in, or keeps the lead-in
    /// of the list it is in.
    mutating func walk(_ block: Block, after previous: Block?, _ ctx: inout Context) {
        guard case .list = block else { return walk(block, &ctx) }
        let outer = (ctx.leadIn, ctx.leadInIsTerm)
        if case .paragraph(let p)? = previous, let own = Self.leadIn(p.content) { (ctx.leadIn, ctx.leadInIsTerm) = (own, false) }
        walk(block, &ctx)
        (ctx.leadIn, ctx.leadInIsTerm) = outer
    }

    /// The label a paragraph opens with, set off by " - " or ": " within its first eight
    /// words, before any sentence ends and outside parentheses: "Critical (1 bit)",
    /// "Payload Length (2 octets, unsigned integer)". Nil when it holds a keyword.
    static func runInLabel(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, Bytes.isLetter(bytes[0]) else { return nil }
        var depth = 0, words = 1
        var end: Int?
        for i in 1..<min(bytes.count - 2, 80) {
            let b = bytes[i]
            if b == UInt8(ascii: "(") { depth += 1 }
            if b == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            guard depth == 0 else { continue }
            if b == 0x20, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == 0x20 { end = i; break }
            if b == UInt8(ascii: ":"), bytes[i + 1] == 0x20 { end = i; break }
            if b == UInt8(ascii: "."), bytes[i + 1] == 0x20 { return nil }
            if b == 0x20 {
                words += 1
                if words > 8 { return nil }
            }
        }
        guard let end else { return nil }
        let label = Array(bytes[..<end])
        return KeywordScanner.occurrences(in: label).isEmpty ? String(decoding: label, as: UTF8.self) : nil
    }

    /// The last sentence of a paragraph that ends in a colon, or in a word: a sentence its
    /// list goes on ("A router" over "(1) MUST treat as IP broadcasts ...", RFC 1812
    /// 4.2.3.1).
    static func leadIn(_ content: InlineText) -> String? {
        let bytes = normalize(content).bytes
        guard let last = bytes.lastIndex(where: { $0 != 0x20 }), bytes[last] == UInt8(ascii: ":") || Bytes.isLetter(bytes[last]),
              let sentence = SentenceSegmenter.sentenceRanges(in: bytes).last else { return nil }
        return String(decoding: bytes[sentence], as: UTF8.self)
    }
}
