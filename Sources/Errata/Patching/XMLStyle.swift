import DraftDocument
import Foundation

/// XML: the NEW text written as the source writes running text. Citations and section
/// references the OLD text carried as `<xref>` become the same markup again, any "[X]" whose
/// X is a reference anchor of the document becomes `<xref target="X"/>`, BCP 14 keywords
/// get `<bcp14>` where the section uses it, and paragraph breaks become `</t>` + `<t>`.
enum XMLStyle {
    static let width = 72

    static func replacement(_ anchored: AnchoredChange, source: SourceFile, section: Range<Int>, names: XrefNames, errataFile: String?) throws -> PatchResult.Replacement {
        let bytes = source.bytes
        let tokens = XMLToken.scan(bytes, section)
        let pairs = elementPairs(tokens)
        var s = anchored.range.lowerBound, e = anchored.range.upperBound

        // An inline element cut by the OLD text is replaced whole.
        var changed = true
        while changed {
            changed = false
            for pair in pairs where InlineElements.names.contains(pair.name) {
                let whole = pair.open.lowerBound..<pair.close.upperBound
                let content = pair.open.upperBound..<pair.close.lowerBound
                let overlaps = whole.lowerBound < e && s < whole.upperBound
                let inside = whole.lowerBound >= s && whole.upperBound <= e
                let within = s >= content.lowerBound && e <= content.upperBound
                if overlaps, !inside, !within {
                    s = min(s, whole.lowerBound); e = max(e, whole.upperBound)
                    changed = true
                }
            }
        }

        // Block structure inside the range: only paragraph breaks (`</t>` then `<t>`).
        let inside = tokens.filter { $0.range.lowerBound >= s && $0.range.upperBound <= e }
        var expectingOpen = false
        var separator: [UInt8]?
        var lastClose: XMLToken?
        for token in inside {
            switch token.kind {
            case .start(let name, let selfClosing) where !InlineElements.names.contains(name) && !selfClosing:
                guard name == "t", expectingOpen else { return try unsupported(anchored, errataFile) }
                if separator == nil, token.attributes.isEmpty, let close = lastClose {
                    separator = Array(bytes[close.range.lowerBound..<token.range.upperBound])
                }
                expectingOpen = false
            case .end(let name) where !InlineElements.names.contains(name):
                guard name == "t", !expectingOpen else { return try unsupported(anchored, errataFile) }
                expectingOpen = true
                lastClose = token
            default:
                continue
            }
        }
        if expectingOpen { return try unsupported(anchored, errataFile) }

        let lineStart = source.lineStart(of: s)
        let lineEnd = source.lineEnd(of: max(s, e - 1))
        let prefix = source.string(lineStart..<s)
        let suffix = source.string(e..<lineEnd)
        let firstLine = source.line(of: s), lastLine = source.line(of: max(s, e - 1))
        // Continuation lines are indented like the paragraph's own text lines.
        let continuation: String = {
            if lastLine > firstLine {
                for l in (firstLine + 1)...lastLine {
                    let start = source.lineStarts[l - 1]
                    let indent = source.indentation(ofLineAt: start)
                    let rest = source.bytes[(start + indent.count)..<source.lineEnd(of: start)]
                    if let first = rest.first, first != UInt8(ascii: "<") {
                        return String(decoding: indent, as: UTF8.self)
                    }
                }
            }
            return String(decoding: source.indentation(ofLineAt: s), as: UTF8.self)
        }()
        let width = Self.width

        // The markup the OLD text used, by the text it reads as.
        var markup: [(display: String, xml: String)] = []
        let usesBCP14 = tokens.contains { if case .start("bcp14", _) = $0.kind { true } else { false } }
        for token in inside {
            if case .start(let name, true) = token.kind, name == "xref" || name == "relref" {
                let display = names.display(target: token.attributes["target"] ?? "")
                if !markup.contains(where: { $0.display == display }) {
                    markup.append((display, source.string(token.range)))
                }
            }
        }
        let xrefStyle = markup.first { $0.display.hasPrefix("[") }?.xml
        for anchor in names.references.sorted() where !markup.contains(where: { $0.display == "[\(anchor)]" }) {
            let xml = xrefStyle.map { restyle($0, target: anchor) } ?? "<xref target=\"\(anchor)\"/>"
            markup.append(("[\(anchor)]", xml))
        }

        let ending = String(decoding: source.lineEnding, as: UTF8.self)
        let sep: String = {
            if let separator { return String(decoding: separator, as: UTF8.self) }
            let openT = tokens.last { if case .start("t", _) = $0.kind { $0.range.lowerBound <= s } else { false } }
            let tIndent = openT.map { String(decoding: source.indentation(ofLineAt: $0.range.lowerBound), as: UTF8.self) } ?? continuation
            return "</t>" + ending + ending + tIndent + "<t>"
        }()
        let sepLines = sep.components(separatedBy: ending)

        var paragraphs = Passage.paragraphs(of: anchored.change.new.text).map { lines in
            Filling.words(lines).map { FillWord(text: encode($0.text, markup: markup, bcp14: usesBCP14), gap: $0.gap) }
        }
        mergeMultiwordMarkup(&paragraphs, markup: markup)
        var out: [String] = []
        for (n, words) in paragraphs.enumerated() {
            if n > 0 {
                // The separator's first line closes the paragraph; its last line opens the next.
                out[out.count - 1] += sepLines.first ?? ""
                out.append(contentsOf: sepLines.dropFirst().dropLast())
            }
            let start = n == 0 ? prefix : sepLines.last ?? ""
            out.append(contentsOf: Filling.fill(words, firstLine: start, indent: continuation, width: width))
        }
        out[out.count - 1] += suffix
        let text = out.joined(separator: ending)
        return PatchResult.Replacement(anchored: anchored, range: lineStart..<lineEnd, bytes: Array(text.utf8))
    }

    private static func unsupported(_ anchored: AnchoredChange, _ errataFile: String?) throws -> PatchResult.Replacement {
        throw ErrataError(.unsupportedRange, "the OLD text of \"\(anchored.change.heading)\" (source lines \(anchored.lines)) crosses a list, figure or section boundary; split it into one block per paragraph", file: errataFile, line: anchored.change.line == 0 ? nil : anchored.change.line)
    }

    struct Pair {
        var name: String
        var open: Range<Int>
        var close: Range<Int>
    }

    /// Start and end tags matched by a stack (the scanner does not check well-formedness;
    /// unmatched tags are left out).
    static func elementPairs(_ tokens: [XMLToken]) -> [Pair] {
        var stack: [(String, Range<Int>)] = []
        var out: [Pair] = []
        for token in tokens {
            switch token.kind {
            case .start(let name, false): stack.append((name, token.range))
            case .end(let name):
                if let index = stack.lastIndex(where: { $0.0 == name }) {
                    out.append(Pair(name: name, open: stack[index].1, close: token.range))
                    stack.removeSubrange(index...)
                }
            default: break
            }
        }
        return out
    }

    /// `<xref target="OLD" format="default"/>` -> the same with another target.
    static func restyle(_ xml: String, target: String) -> String {
        xml.replacing(/target\s*=\s*("[^"]*"|'[^']*')/, with: { _ in "target=\"\(target)\"" })
    }

    static let bcp14Keywords = ["NOT RECOMMENDED", "MUST NOT", "SHALL NOT", "SHOULD NOT", "MUST", "SHALL", "SHOULD", "REQUIRED", "RECOMMENDED", "MAY", "OPTIONAL"]

    /// One word of NEW text as XML: escaped, with single-word markup re-created.
    static func encode(_ word: String, markup: [(display: String, xml: String)], bcp14: Bool) -> String {
        var pieces: [(String, isMarkup: Bool)] = [(word, false)]
        for (display, xml) in markup where !display.contains(" ") {
            pieces = pieces.flatMap { piece -> [(String, isMarkup: Bool)] in
                guard !piece.isMarkup, piece.0.contains(display) else { return [piece] }
                let parts = piece.0.components(separatedBy: display)
                var out: [(String, isMarkup: Bool)] = []
                for (i, part) in parts.enumerated() {
                    if i > 0 { out.append((xml, true)) }
                    if !part.isEmpty { out.append((part, false)) }
                }
                return out
            }
        }
        return pieces.map { piece in
            guard !piece.isMarkup else { return piece.0 }
            let escaped = XMLEscaping.escape(piece.0, for: .content)
            let core = escaped.trimmingCharacters(in: CharacterSet.letters.inverted)
            if bcp14, !core.isEmpty, bcp14Keywords.contains(core), let range = escaped.range(of: core) {
                return escaped.replacingCharacters(in: range, with: "<bcp14>\(core)</bcp14>")
            }
            return escaped
        }.joined()
    }

    /// Markup that reads as several words ("Section 1.1.3"): the words joined into one
    /// (markup + what followed the last word, "1.1.3)." -> `<xref .../>).`).
    static func mergeMultiwordMarkup(_ paragraphs: inout [[FillWord]], markup: [(display: String, xml: String)]) {
        for (display, xml) in markup where display.contains(" ") {
            let parts = display.split(separator: " ").map { XMLEscaping.escape(String($0), for: .content) }
            for p in paragraphs.indices {
                var i = 0
                while i + parts.count <= paragraphs[p].count {
                    let window = paragraphs[p][i..<(i + parts.count)].map(\.text)
                    let leading = window[0].hasSuffix(parts[0]) ? String(window[0].dropLast(parts[0].count)) : nil
                    let trailing = window[window.count - 1].hasPrefix(parts[parts.count - 1]) ? String(window[window.count - 1].dropFirst(parts[parts.count - 1].count)) : nil
                    let middle = zip(window.dropFirst().dropLast(), parts.dropFirst().dropLast()).allSatisfy { $0 == $1 }
                    if let leading, let trailing, middle, leading.last.map({ !$0.isLetter && !$0.isNumber }) ?? true, isBoundary(trailing) {
                        let gap = paragraphs[p][i + parts.count - 1].gap
                        paragraphs[p].replaceSubrange(i..<(i + parts.count), with: [FillWord(text: leading + xml + trailing, gap: gap)])
                    }
                    i += 1
                }
            }
        }
    }

    /// True when `rest` cannot continue a section number ("1.1.3" is not "1.1.30" nor "1.1.3.1").
    private static func isBoundary(_ rest: String) -> Bool {
        guard let first = rest.first else { return true }
        if first.isLetter || first.isNumber { return false }
        if first == ".", let second = rest.dropFirst().first, second.isNumber { return false }
        return true
    }
}
