import DraftDocument
import Foundation

/// Requirements in the code of figures: its comments, and the description strings of
/// MIB and YANG modules.
extension ExtractionRun {
    /// The prose of code in a figure (its keywords were counted with the drawing). Its
    /// comments, read for the requirements they hold: ASN.1's "-- If present, version MUST
    /// be v2 or v3" (RFC 5280), C's "/* MUST be zero */", ABNF's "; MUST accept up to 255
    /// octets" (RFC 4616); a run of comment lines is one run of prose, its lead-in the code
    /// it follows ("issuerUniqueID [1] IMPLICIT UniqueIdentifier OPTIONAL,"), so that
    /// "-- REQUIRED" says what is required. And a module's description strings.
    /// `hasKeyword`: whether the figure holds a keyword (its count just taken).
    mutating func proseOfCode(in figure: Figure, hasKeyword: Bool, _ ctx: inout Context) {
        // Most figures hold no keyword and no module: nothing to read.
        let descriptions = ModuleStringScanner.descriptions(in: figure.verbatim)
        guard hasKeyword || !descriptions.isEmpty else { return }
        let outer = (ctx.leadIn, ctx.leadInIsTerm)
        defer { (ctx.leadIn, ctx.leadInIsTerm) = outer }
        // Comments and descriptions, read in the order the figure gives them.
        var prose: [(line: Int, subject: String?, text: InlineText)] = []
        for run in hasKeyword ? Self.commentRuns(in: figure.verbatim) : [] where !KeywordScanner.occurrences(in: run.text).isEmpty {
            let starts = run.lineStarts.map { InlineText.LineStart(offset: $0.offset, line: figure.sourceLine($0.line)) }
            prose.append((run.line, run.code, InlineText(plain: run.text, lineStarts: starts)))
        }
        // The description strings of a module (SMI's DESCRIPTION clause, YANG's description
        // statement) are its prose, every paragraph read as a paragraph is (its topics, a
        // lowercase "must"), said of the object or node it describes ("spdEgressPolicy
        // OBJECT-TYPE", "leaf enable-nacm").
        for description in descriptions {
            for paragraph in description.paragraphs {
                let starts = paragraph.lineStarts.map { InlineText.LineStart(offset: $0.offset, line: figure.sourceLine($0.line)) }
                prose.append((paragraph.line, description.subject, InlineText(plain: paragraph.text, lineStarts: starts)))
            }
        }
        prose.sort { $0.line < $1.line }
        for p in prose {
            (ctx.leadIn, ctx.leadInIsTerm) = (p.subject, p.subject != nil)
            unit(p.text, at: SourceLocation(file: figure.location.file, line: figure.sourceLine(p.line)), &ctx, counted: true, inCode: true)
        }
    }

    /// The runs of comment lines of the code in `verbatim`, each with the line (from 0) it
    /// starts on, the code it is said of, and where each line's comment starts in its text.
    static func commentRuns(in verbatim: String) -> [(line: Int, code: String?, text: String, lineStarts: [InlineText.LineStart])] {
        let lines = verbatim.split(separator: "\n", omittingEmptySubsequences: false)
        let abnf = isABNF(lines)
        var runs: [(line: Int, code: String?, text: String, lineStarts: [InlineText.LineStart])] = []
        var current: (line: Int, code: String?, text: String, lineStarts: [InlineText.LineStart])?
        var code: String?
        func flush() {
            if let run = current { runs.append(run) }
            current = nil
        }
        func add(_ text: String, at line: Int) {
            guard var run = current else {
                current = (line, code, text, [InlineText.LineStart(offset: 0, line: line)])
                return
            }
            current = nil
            run.lineStarts.append(InlineText.LineStart(offset: run.text.utf8.count + 1, line: line))
            run.text += " " + text
            current = run
        }
        var inBlock = false
        for (index, line) in lines.enumerated() {
            // Inside a C comment over several lines: the line is comment up to "*/".
            if inBlock {
                let text = line.range(of: "*/").map { line[..<$0.lowerBound] } ?? line
                inBlock = text.endIndex == line.endIndex
                let trimmed = text.trimmingCharacters(in: .whitespaces).drop { $0 == "*" }.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { add(trimmed, at: index) }
                // A comment closed is whole: the next one is another.
                if !inBlock { flush() }
                continue
            }
            let split = codeComment(line, abnf: abnf)
            inBlock = split.opensBlock
            let before = split.code.split(separator: " ").joined(separator: " ")
            guard let comment = split.comment else {
                flush()
                if !before.isEmpty { code = naming(before) }
                continue
            }
            // A comment after code on its line starts a run of its own, said of that code,
            // unless it goes on with a sentence cut on the line before ("BulkPDU ::= --
            // MUST be identical in" over "SEQUENCE { -- structure to PDU", RFC 1905).
            let goesOn = current != nil && comment.first.map { $0.isLowercase } == true
            if split.isBlock || (!before.isEmpty && !goesOn) {
                flush()
                code = naming(before)
            }
            add(comment, at: index)
            if split.isBlock, !inBlock { flush() }
        }
        flush()
        return runs
    }

    /// Code that names something (a field, a type): a line with a letter; "}" names nothing.
    static func naming(_ code: String) -> String? { code.contains(where: \.isLetter) ? code : nil }

    /// ABNF (RFC 5234): a rule defined ("name = ...", "name =/ ...") and no line ending
    /// as C's do (";", "{", "}"), where ";" ends a statement rather than starting a comment.
    /// A line that starts with ";" is a comment whatever it ends with (a bare ";" spacing
    /// the comments of RFC 9073 6.5's rule; no C line starts so).
    static func isABNF(_ lines: [Substring]) -> Bool {
        var rule = false
        for line in lines {
            if line.utf8.first(where: { $0 != 0x20 }) == UInt8(ascii: ";") { continue }
            let u = line.utf8.reversed().drop { $0 == 0x20 }
            if let last = u.first, last == UInt8(ascii: ";") || last == UInt8(ascii: "{") || last == UInt8(ascii: "}") { return false }
            if !rule {
                let words = line.split(separator: " ", maxSplits: 2)
                // "::=" is the BNF of older grammars with ABNF's comments (RFC 2060 9:
                // "body_extension  ::= nstring" over ";; ... Client implementations MUST
                // accept body_extension fields.").
                rule = words.count >= 2 && (words[1] == "=" || words[1] == "=/" || words[1] == "::=")
                    && words[0].first.map(\.isLetter) == true && words[0].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            }
        }
        return rule
    }

    /// A line of code split at its comment: ASN.1 "--" and C "//" after white space or at
    /// the start, C "/* ... */", and in ABNF ";" (or ";;") to the line's end; the comment's
    /// text is nil when there is none. "-->", "---" and "http://" are no comments.
    static func codeComment(_ line: Substring, abnf: Bool = false) -> (code: Substring, comment: String?, isBlock: Bool, opensBlock: Bool) {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let atWordStart = i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09
            if abnf, atWordStart, b == UInt8(ascii: ";") {
                var start = i
                while start < bytes.count, bytes[start] == UInt8(ascii: ";") { start += 1 }
                let text = String(decoding: bytes[start...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                return (Substring(String(decoding: bytes[..<i], as: UTF8.self)), text.isEmpty ? nil : text, false, false)
            }
            guard i + 1 < bytes.count else { break }
            let next = bytes[i + 1]
            let dashes = b == UInt8(ascii: "-") && next == UInt8(ascii: "-")
            let slashes = b == UInt8(ascii: "/") && next == UInt8(ascii: "/")
            let block = b == UInt8(ascii: "/") && next == UInt8(ascii: "*")
            if atWordStart, dashes || slashes || block {
                let after = i + 2 < bytes.count ? bytes[i + 2] : 0x20
                if after == 0x20 || after == 0x09 || (block && after != UInt8(ascii: "*")) {
                    var end = bytes.count
                    var closed = !block
                    if block, let close = (i + 2..<max(i + 2, bytes.count - 1)).first(where: { bytes[$0] == UInt8(ascii: "*") && bytes[$0 + 1] == UInt8(ascii: "/") }) {
                        end = close
                        closed = true
                    } else if dashes, let close = (i + 2..<max(i + 2, bytes.count - 1)).first(where: { bytes[$0] == UInt8(ascii: "-") && bytes[$0 + 1] == UInt8(ascii: "-") }) {
                        // ASN.1 ends a comment at the next "--" on its line.
                        end = close
                    }
                    let text = String(decoding: bytes[(i + 2)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    // "// http://..." is an address, not a comment's prose.
                    let comment = text.isEmpty || (slashes && text.contains("://")) ? nil : text
                    return (Substring(String(decoding: bytes[..<i], as: UTF8.self)), comment, block, !closed)
                }
            }
            i += 1
        }
        return (line, nil, false, false)
    }
}
