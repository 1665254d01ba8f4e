import DraftDocument

/// A change whose OLD text has been found in the source.
public struct AnchoredChange: Sendable {
    public var change: Change
    /// The source bytes the OLD text occupies (from its first visible character to its
    /// last, markup inside included).
    public var range: Range<Int>
    /// The 1-based source lines of the first and last byte.
    public var lines: ClosedRange<Int>
    /// The section's top-level paragraphs the OLD text covers (1-based), when the
    /// document model places them.
    public var paragraphs: ClosedRange<Int>?

    /// "paragraph 1", "paragraphs 1-2": from the source, else as the errata file says.
    public var paragraphLabel: String? {
        if let paragraphs {
            return paragraphs.count == 1 ? "paragraph \(paragraphs.lowerBound)" : "paragraphs \(paragraphs.lowerBound)-\(paragraphs.upperBound)"
        }
        return change.paragraphLabel
    }

    public var heading: String {
        paragraphLabel.map { "Section \(change.section), \($0)" } ?? "Section \(change.section)"
    }
}

/// Finding OLD text in its section of a source: on the source bytes, insensitive to white
/// space, reflow and inline markup. The document model only says where sections are.
public enum Anchoring {
    /// Finds `change.old` in its section of `source`; `errataFile` names the errata file in
    /// errors.
    public static func anchor(_ change: Change, in source: SourceFile, document: Document, errataFile: String? = nil) throws -> AnchoredChange {
        let section = try sectionRange(change.section, in: source, document: document)
        let visible = visibleText(source, section.bytes, document: document)
        let canonical = visible.canonicalPositions
        let needle = Array(change.old.paragraphs.joined().unicodeScalars.filter { !$0.properties.isWhitespace })
        let hits = occurrences(of: needle, in: canonical.map { visible.scalars[$0] })
        let where_ = "section \(change.section) of \(source.path)"
        guard let hit = hits.first else {
            var message = "the OLD text of \"\(change.heading)\" is not in \(where_)"
            let words = visible.words
            let needleWords = change.old.paragraphs.joined(separator: " ").split(separator: " ").map(String.init)
            if let closest = Alignment.closest(needleWords, in: words.map(\.text)) {
                let scalarRange = words[closest.range.lowerBound].range.lowerBound..<words[closest.range.upperBound - 1].range.upperBound
                let line = source.line(of: visible.starts[scalarRange.lowerBound])
                let percent = Int((closest.similarity * 100).rounded(.down))
                let passage = visible.string(scalarRange).whitespaceFolded
                message += "; the closest passage (line \(line), similarity \(percent)%) "
                message += PassageDifferences.describe(old: needleWords.joined(separator: " "), passage: passage)
            }
            throw ErrataError(.oldTextNotFound, message, file: errataFile, line: change.line == 0 ? nil : change.line)
        }
        guard hits.count == 1 else {
            let listing = hits.map { h -> String in
                let start = visible.starts[canonical[h]]
                let end = visible.ends[canonical[h + needle.count - 1]]
                return "line \(source.line(of: start))-\(source.line(of: max(start, end - 1)))"
            }
            throw ErrataError(.oldTextAmbiguous, "the OLD text of \"\(change.heading)\" occurs \(hits.count) times in \(where_): at \(listing.joined(separator: " and at ")); quote more of the text to make it unique", file: errataFile, line: change.line == 0 ? nil : change.line)
        }
        let start = visible.starts[canonical[hit]]
        let end = visible.ends[canonical[hit + needle.count - 1]]
        // Markup that reads as several characters ("Section 1.1.3" for an xref) is atomic:
        // OLD may not begin or end inside what it reads as.
        func sameToken(_ a: Int, _ b: Int) -> Bool {
            visible.starts[canonical[a]] == visible.starts[canonical[b]] && visible.ends[canonical[a]] == visible.ends[canonical[b]]
        }
        let last = hit + needle.count - 1
        if (hit > 0 && sameToken(hit - 1, hit)) || (last + 1 < canonical.count && sameToken(last, last + 1)) {
            let cut = hit > 0 && sameToken(hit - 1, hit) ? start : visible.starts[canonical[last]]
            let tokenEnd = hit > 0 && sameToken(hit - 1, hit) ? visible.ends[canonical[hit]] : end
            throw ErrataError(.unsupportedRange, "the OLD text of \"\(change.heading)\" begins or ends inside the cross-reference \(source.string(cut..<tokenEnd)) (line \(source.line(of: cut))): quote what it reads as whole", file: errataFile, line: change.line == 0 ? nil : change.line)
        }
        let lines = source.line(of: start)...source.line(of: max(start, end - 1))
        return AnchoredChange(change: change, range: start..<end, lines: lines, paragraphs: paragraphNumbers(section.section, lines: lines))
    }

    struct SectionBytes {
        var section: Section
        var bytes: Range<Int>
    }

    /// The bytes of a section's own body: from its heading (or `<section>` tag) to the next
    /// section in document order.
    static func sectionRange(_ number: String, in source: SourceFile, document: Document) throws -> SectionBytes {
        let all = document.allSections
        guard let index = all.firstIndex(where: { $0.number == number }) else {
            let known = all.compactMap(\.number).prefix(12).joined(separator: ", ")
            throw ErrataError(.sectionNotFound, "section \(number) is not in the document (its sections: \(known)\(all.count > 12 ? ", ..." : ""))", file: source.path)
        }
        let section = all[index]
        let startLine = section.location.line
        let next = all[(index + 1)...].first { $0.location.line > startLine && $0.location.file == section.location.file }
        let endLine = next?.location.line ?? source.lineCount + 1
        return SectionBytes(section: section, bytes: source.byteRange(lines: startLine..<endLine))
    }

    static func visibleText(_ source: SourceFile, _ range: Range<Int>, document: Document?) -> VisibleText {
        switch source.format {
        case .xml: VisibleText.xml(source, range, names: XrefNames(document: document))
        case .text: VisibleText.text(source, range)
        }
    }

    /// Every start position of `needle` in `hay`.
    static func occurrences(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Int] = []
        let first = needle[0]
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(i)
            }
            i += 1
        }
        return out
    }

    /// The numbers of the section's top-level blocks the lines fall in.
    static func paragraphNumbers(_ section: Section, lines: ClosedRange<Int>) -> ClosedRange<Int>? {
        let starts = section.blocks.map(\.location.line)
        guard !starts.isEmpty else { return nil }
        func index(of line: Int) -> Int? {
            starts.lastIndex { $0 <= line }.map { $0 + 1 }
        }
        guard let first = index(of: lines.lowerBound), let last = index(of: lines.upperBound) else { return nil }
        return first...max(first, last)
    }
}
