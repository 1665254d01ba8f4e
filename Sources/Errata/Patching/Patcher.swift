import DraftDocument

/// The result of applying an errata file to a source.
public struct PatchResult: Sendable {
    /// One replaced stretch: whole source lines, so that the diff reads naturally.
    public struct Replacement: Sendable {
        public var anchored: AnchoredChange
        /// The original bytes replaced (whole lines, without the final line break).
        public var range: Range<Int>
        public var bytes: [UInt8]
    }

    public var source: SourceFile
    public var patched: [UInt8]
    public var replacements: [Replacement]

    public var anchored: [AnchoredChange] { replacements.map(\.anchored) }
}

/// Applying changes: every byte outside the replaced lines stays as it was; the NEW text is
/// written in the source's own style (XML: inline markup re-created; text: reflowed at 72
/// columns with the paragraph's indent).
public enum Patcher {
    /// Applies every block of `errata` to `source`. `document` is read only when there are
    /// blocks to anchor, so an errata file without blocks returns the bytes as they were.
    public static func apply(_ errata: ErrataFile, to source: SourceFile, document: () throws -> Document, errataFile: String? = nil) throws -> PatchResult {
        guard !errata.changes.isEmpty else {
            return PatchResult(source: source, patched: source.bytes, replacements: [])
        }
        let model = try document()
        let names = XrefNames(document: model)
        var replacements: [PatchResult.Replacement] = []
        for change in errata.changes {
            guard !change.new.isEmpty else {
                throw ErrataError(.newTextMissing, "the NEW text of \"\(change.heading)\" is empty: write the proposed text first", file: errataFile, line: change.line == 0 ? nil : change.line)
            }
            let anchored = try Anchoring.anchor(change, in: source, document: model, errataFile: errataFile)
            let replacement: PatchResult.Replacement
            switch source.format {
            case .xml:
                let section = try Anchoring.sectionRange(change.section, in: source, document: model)
                replacement = try XMLStyle.replacement(anchored, source: source, section: section.bytes, names: names, errataFile: errataFile)
            case .text:
                replacement = TextStyle.replacement(anchored, source: source)
            }
            replacements.append(replacement)
        }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (a, b) in zip(replacements, replacements.dropFirst()) where a.range.upperBound >= b.range.lowerBound {
            throw ErrataError(.unsupportedRange, "the blocks \"\(a.anchored.change.heading)\" and \"\(b.anchored.change.heading)\" change the same or adjacent lines (\(a.anchored.lines) and \(b.anchored.lines)); merge them into one block", file: errataFile, line: b.anchored.change.line == 0 ? nil : b.anchored.change.line)
        }
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count + 256)
        var cursor = 0
        for r in replacements {
            out.append(contentsOf: source.bytes[cursor..<r.range.lowerBound])
            out.append(contentsOf: r.bytes)
            cursor = r.range.upperBound
        }
        out.append(contentsOf: source.bytes[cursor...])
        return PatchResult(source: source, patched: out, replacements: replacements)
    }
}

/// A word of NEW text with the spaces that follow it where it was written (1, or 2 after a
/// sentence as RFC text has it).
struct FillWord: Equatable {
    var text: String
    var gap: Int
}

enum Filling {
    /// Words of a paragraph written as `lines`: spacing inside a line kept (at most two
    /// spaces), a line end read as two spaces after a sentence and one otherwise.
    static func words(_ lines: [String]) -> [FillWord] {
        var out: [FillWord] = []
        for line in lines {
            var i = line.startIndex
            var lineWords: [FillWord] = []
            while i < line.endIndex {
                while i < line.endIndex, line[i] == " " || line[i] == "\t" { i = line.index(after: i) }
                guard i < line.endIndex else { break }
                let start = i
                while i < line.endIndex, line[i] != " ", line[i] != "\t" { i = line.index(after: i) }
                var spaces = 0
                var j = i
                while j < line.endIndex, line[j] == " " || line[j] == "\t" { spaces += 1; j = line.index(after: j) }
                lineWords.append(FillWord(text: String(line[start..<i]), gap: min(2, max(1, spaces))))
            }
            out.append(contentsOf: lineWords)
        }
        // Gaps at line ends: decided by the next word.
        var k = 0
        for line in lines {
            let n = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
            k += n
            if n > 0, k - 1 < out.count {
                let next = k < out.count ? out[k].text : nil
                out[k - 1].gap = endsSentence(out[k - 1].text) && next?.first?.isUppercase == true ? 2 : 1
            }
        }
        return out
    }

    /// A word ending in ".", "?" or "!", any of `closers` after it aside (the patcher's
    /// default: closing quotes and brackets).
    static func endsSentence<S: StringProtocol>(_ word: S, closers: String = "\"')]") -> Bool {
        let closing = Set(closers.utf8)
        return word.utf8.reversed().first { !closing.contains($0) }.map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") } ?? false
    }

    /// Greedy fill: the first line continues `firstLine` (the first word follows it
    /// directly), later lines start with `indent`; a line exceeds `width` only for a word
    /// that alone does not fit.
    static func fill(_ words: [FillWord], firstLine: String, indent: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = firstLine
        var hasWord = false
        for (n, word) in words.enumerated() {
            if !hasWord {
                line += word.text
                hasWord = true
                continue
            }
            let gap = words[n - 1].gap
            if line.count + gap + word.text.count > width {
                lines.append(line)
                line = indent + word.text
            } else {
                line += String(repeating: " ", count: gap) + word.text
            }
        }
        lines.append(line)
        return lines
    }
}

/// Plain text: the paragraph reflowed at 72 columns with its own indent.
enum TextStyle {
    static let width = 72

    static func replacement(_ anchored: AnchoredChange, source: SourceFile) -> PatchResult.Replacement {
        let s = anchored.range.lowerBound, e = anchored.range.upperBound
        let lineStart = source.lineStart(of: s)
        let lineEnd = source.lineEnd(of: max(s, e - 1))
        let indent = String(decoding: source.indentation(ofLineAt: s), as: UTF8.self)
        let prefix = source.string((lineStart + indent.utf8.count)..<s)
        let suffix = source.string(e..<lineEnd)
        var paragraphs = Passage.paragraphs(of: anchored.change.new.text).map(Filling.words)
        attach(prefix: prefix, suffix: suffix, to: &paragraphs)
        let ending = String(decoding: source.lineEnding, as: UTF8.self)
        let text = paragraphs.map { Filling.fill($0, firstLine: indent, indent: indent, width: width).joined(separator: ending) }
            .joined(separator: ending + ending)
        return PatchResult.Replacement(anchored: anchored, range: lineStart..<lineEnd, bytes: Array(text.utf8))
    }

    /// Text before the OLD text on its first line and after it on its last line stays in the
    /// paragraph, joined to the NEW words the way the source joined it to the OLD ones.
    static func attach(prefix: String, suffix: String, to paragraphs: inout [[FillWord]]) {
        guard !paragraphs.isEmpty else { return }
        let before = Filling.words([prefix])
        if !before.isEmpty {
            if prefix.last.map({ $0 == " " }) == false, !paragraphs[0].isEmpty {
                paragraphs[0][0].text = before[before.count - 1].text + paragraphs[0][0].text
                paragraphs[0].insert(contentsOf: before.dropLast(), at: 0)
            } else {
                var b = before
                b[b.count - 1].gap = min(2, max(1, prefix.reversed().prefix { $0 == " " }.count))
                paragraphs[0].insert(contentsOf: b, at: 0)
            }
        }
        let after = Filling.words([suffix])
        if !after.isEmpty {
            let last = paragraphs.count - 1
            if suffix.first.map({ $0 == " " }) == false, !paragraphs[last].isEmpty {
                paragraphs[last][paragraphs[last].count - 1].text += after[0].text
                paragraphs[last].append(contentsOf: after.dropFirst())
            } else {
                if !paragraphs[last].isEmpty {
                    paragraphs[last][paragraphs[last].count - 1].gap = min(2, max(1, suffix.prefix { $0 == " " }.count))
                }
                paragraphs[last].append(contentsOf: after)
            }
        }
    }
}
