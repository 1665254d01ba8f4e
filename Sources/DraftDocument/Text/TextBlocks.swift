/// Turning the lines of a section body into blocks: paragraphs (lines joined with single
/// spaces, hyphenated line ends kept), lists ("o", "*", "-", "1.", "(a)", hanging terms),
/// figures (indented art, verbatim) and reference entries.
struct TextBlockBuilder {
    let path: String
    /// The indentation of ordinary paragraphs in this document (3 in RFCs).
    let bodyIndent: Int
    /// The column running text is filled to (72 in RFCs; less in some hand-made ones).
    let fillWidth: Int
    /// The least padding above any page break: what a full page has.
    let fullPagePadding: Int
    /// Whether the document keeps its text within 72 columns, as RFC 7322 asks (next to
    /// none of its lines run past them): then only art or code does.
    let keepsToPage: Bool

    /// A run of lines between blank lines (page breaks joined where the text goes on).
    struct Chunk {
        var lines: [TextLine]
        /// A module's code whose description strings run over blank lines (its `lines`
        /// hold them): a figure, whatever its layout.
        var isModule = false
        var indent: Int { lines[0].indent }
    }

    // MARK: Chunks

    func chunks(_ lines: ArraySlice<TextLine>) -> [Chunk] {
        var out: [Chunk] = []
        var current: [TextLine] = []
        // Whether a line of `current` has art, as far as `artChecked` lines: at a page break
        // only the lines added since the last one are looked at (the whole chunk at each
        // break was quadratic in a chunk that runs over many pages).
        var currentHasArt = false
        var artChecked = 0
        var pageBreak: TextLine?
        // Footnotes at a page's foot wait until the text they interrupt is a chunk.
        var footnotes: [Chunk] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            index += 1
            if line.kind == .text, let notes = footnotesAtPageFoot(lines[(index - 1)...]) {
                footnotes += notes.chunks
                index = notes.end
                continue
            }
            switch line.kind {
            case .blank:
                if !current.isEmpty { out.append(Chunk(lines: current)); current = []; currentHasArt = false; artChecked = 0 }
                out += footnotes
                footnotes = []
                pageBreak = nil
            case .pageBreak:
                pageBreak = line
            case .text:
                if let pageBreak, let previous = current.last {
                    while !currentHasArt, artChecked < current.count {
                        currentHasArt = Self.hasArt(current[artChecked].content)
                        artChecked += 1
                    }
                    if !continuesAcrossPage(previous, line, chunk: current, chunkHasArt: currentHasArt, padding: pageBreak.padding) {
                        out.append(Chunk(lines: current))
                        current = []
                        currentHasArt = false
                        artChecked = 0
                    }
                }
                if current.isEmpty {
                    out += footnotes
                    footnotes = []
                }
                pageBreak = nil
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(Chunk(lines: current)) }
        return out + footnotes
    }

    /// Footnotes at the foot of a page, as nroff set them (RFC 1122 3.3.6: "... All hosts
    /// SHOULD" / "_________________________" / "*4.2BSD Unix and its derivatives, ..." / the
    /// page break / "recognize and accept ..."): a rule of underscores at the body's margin
    /// or left of it, then notes (the first starting with a mark: "*", "[3]", a digit)
    /// and nothing else up to the page break. The notes are chunks of their own, and the
    /// text above them goes on over the page as if they were not there; read as one, the
    /// rule made a figure of the paragraph and its requirements were lost. Nil when `lines`
    /// does not start with such a rule.
    private func footnotesAtPageFoot(_ lines: ArraySlice<TextLine>) -> (chunks: [Chunk], end: Int)? {
        let rule = lines[lines.startIndex]
        guard rule.indent <= bodyIndent, rule.content.utf8.first == UInt8(ascii: "_"), Self.isRule(rule.content) else { return nil }
        var chunks: [Chunk] = []
        var note: [TextLine] = []
        var k = lines.startIndex + 1
        while k < lines.endIndex, k - lines.startIndex <= 30 {
            let line = lines[k]
            switch line.kind {
            case .pageBreak:
                if !note.isEmpty { chunks.append(Chunk(lines: note)) }
                guard let first = chunks.first?.lines.first?.content.utf8.first,
                      first == UInt8(ascii: "*") || first == UInt8(ascii: "[") || TextHeadings.isDigit(first) else { return nil }
                return (chunks, k)
            case .blank:
                if !note.isEmpty { chunks.append(Chunk(lines: note)); note = [] }
            case .text:
                if Self.isRule(line.content) { return nil }
                note.append(line)
            }
            k += 1
        }
        return nil
    }

    /// A page break inside a block, judged from the text around it:
    /// - running text is filled to the document's width, so had the next page's first word
    ///   fitted on the last line above the break, the block ended there;
    /// - otherwise a line that does not end a sentence, or a next page that starts in
    ///   lower case, goes on;
    /// - a sentence ending above the break and a capital below: the block ended if the page
    ///   was cut short (more bottom padding than a full page has), else it goes on.
    /// The indentation must continue the block: the same as the last line, or the hanging
    /// indentation under a one-line list item or term. A term padded to its definition's
    /// column (three spaces or more: v2's `hangIndent`, "token   REQUIRED.  The ...") is a
    /// whole item when nothing hangs under it: a line at the term's own indentation below
    /// the break is the next item, even when it starts in lower case ("token_type_hint").
    private func continuesAcrossPage(_ previous: TextLine, _ next: TextLine, chunk: [TextLine], chunkHasArt: Bool, padding: Int) -> Bool {
        // A brace left open above the break and closed below it: one message or structure
        // cut by the page ("<--  HDR, SK {SA, Nr, [KEr,]" / "TSi, TSr}", RFC 7296 1.3.1); or
        // left open with the next page going on inside it, further in than its first line
        // (an ASN.1 comment cut mid-sentence: "-- If this field is omitted then the
        // serverDHNonce" / "-- field MUST also be omitted.", RFC 4556 3.2.3).
        if chunk.count <= 40, ByteSearch.contains(next.content, "}") || next.indent > chunk[0].indent, Self.leavesBraceOpen(chunk) { return true }
        if chunkHasArt {
            // Prose out to the left of the whole drawing starts after it (RFC 2401 4.5's
            // header table at a page's foot, then "Note that ... the SA establishment
            // procedure MUST ensure ..." at the list item's margin).
            if next.indent < chunk.lazy.map(\.indent).min()!, Self.lowercaseWords(next.content) >= 4, !Self.isDrawnOrCode(next.content) { return false }
            return Self.hasArt(next.content) || next.indent > bodyIndent
        }
        if chunk.count == 1 {
            let first = chunk[0]
            // Terms as wide as a hanging item's may be (a YANG path, "/keystore/asymmetric-
            // keys/asymmetric-key/private-key:  When writing" over the break).
            let gap = Self.termGap(first.content, width: 64)
            let hangs = Self.listMarker(first.content) != nil || gap != nil
            guard next.indent == first.indent || (hangs && next.indent > first.indent && next.indent <= first.indent + 12) else { return false }
            if let gap, next.indent == first.indent, first.content.utf8[gap.termEnd..<gap.textStart].count >= 3 { return false }
            // The next item of a list labelled by one-word terms, laid out as this one is
            // ("R-11  [RFC4585] MUST be implemented ..." over the break, "R-12  [RFC5761]
            // MUST ..." under it, draft-ietf-rtcweb-jsep): two items are no paragraph.
            if let gap, next.indent == first.indent, let nextGap = Self.termGap(next.content),
               first.content.utf8.distance(from: first.content.startIndex, to: gap.textStart)
                == next.content.utf8.distance(from: next.content.startIndex, to: nextGap.textStart),
               !first.content[..<gap.termEnd].contains(" "), !next.content[..<nextGap.termEnd].contains(" ") {
                return false
            }
        } else if previous.indent == chunk[0].indent, next.indent > previous.indent, next.indent <= previous.indent + 12,
                  chunk.contains(where: { $0.indent > chunk[0].indent }), !chunk.contains(where: { Self.isCodeLike($0.content) }),
                  previous.content.utf8.count <= 48, Self.isTerm(previous.content), previous.content.last != "." {
            // A term of a compact hanging list, its definition on the next page ("Length" /
            // ">=3", draft-ietf-radext-digest-auth-06 4.2).
            return true
        } else {
            guard next.indent == previous.indent else { return false }
        }
        if next.indent == chunk[0].indent, Self.listMarker(next.content) != nil { return false }
        let firstWord = next.content.prefix(while: { $0 != " " }).count
        if previous.raw.count + 1 + firstWord <= fillWidth { return false }
        let last = previous.content.last ?? " "
        guard ".:!?\")]".contains(last) else { return true }
        // A sentence's end, then lower case: the sentence goes on ("e.g." at a page's end),
        // unless the line is code ("id-ce-subjectKeyIdentifier OBJECT IDENTIFIER ::= {",
        // RFC 3280 4.2.1.2, under "This extension MUST NOT be marked critical."), or the
        // page was cut well short under a full stop that abbreviates nothing: the paragraph
        // ended there, and the next opens with a name in lower case ("userPassword values
        // which do not adhere to this syntax MUST NOT be used", draft-howard-rfc2307bis,
        // whose requirement became the previous paragraph's). (Keeping a paragraph's lines
        // together cuts a page short by a line or two; three more is a paragraph's end.)
        if next.content.first?.isLowercase ?? false {
            if Self.isCodeLike(next.content) { return false }
            return padding < fullPagePadding + 3 || last != "." || Self.endsWithAbbreviation(previous.content)
        }
        return padding <= fullPagePadding
    }

    /// A line ending in an abbreviation's full stop: "e.g.", "i.e.", "etc.", "vs.", "cf.",
    /// "al.", "Fig.", an initial ("J."), and the like.
    static func endsWithAbbreviation(_ content: Substring) -> Bool {
        let word = content.split(separator: " ").last ?? ""
        guard word.hasSuffix(".") else { return false }
        let bare = word.dropLast().drop { $0 == "(" || $0 == "\"" || $0 == "'" }
        if ["etc", "vs", "cf", "al", "Fig", "fig", "No", "no", "approx", "resp", "Sec", "Ref"].contains(bare) { return true }
        // Letters with dots between: "e.g", "i.e", "U.S"; or one capital, an initial.
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 1 && parts.allSatisfy { $0.count == 1 && $0.first!.isLetter } || (bare.count == 1 && bare.first!.isUppercase)
    }

    /// More "{" than "}" in the lines.
    private static func leavesBraceOpen(_ lines: [TextLine]) -> Bool {
        var depth = 0
        for line in lines {
            for b in line.content.utf8 {
                if b == UInt8(ascii: "{") { depth += 1 } else if b == UInt8(ascii: "}") { depth -= 1 }
            }
        }
        return depth > 0
    }

    /// A paragraph that ends in a colon with a list right under it, no blank line between
    /// ("   The following rules apply:" / "      - The peer MUST ..."), and the text that
    /// may go on under the list: a chunk each. Read as one, the two indentations made a
    /// figure and its requirements were lost (draft-ietf-radext-digest-auth-06 section 2,
    /// RFC 2401 4.4.3). A list item's own nested list stays in the item (`listItems`), and
    /// art stays a figure.
    ///
    /// Likewise the tail of a list item's text carried over a page break, with the list's
    /// next items under it further out (draft-ietf-btns-connection-latching-08 2.2: the
    /// item's text at column 9, then "o  CREATE_CONNECTION_LATCH" at 3): the tail, and the
    /// items from the first marker further out than it.
    private func splitAtIntroducedList(_ chunk: Chunk) -> [Chunk] {
        let lines = chunk.lines
        guard lines.count >= 2 else { return [chunk] }
        if Self.listMarker(lines[0].content) != nil { return splitAtParagraphAfterList(lines) ?? [chunk] }
        if let terms = termsAfterTail(lines) { return [Chunk(lines: Array(lines[..<terms])), Chunk(lines: Array(lines[terms...]))] }
        guard lines.dropFirst().contains(where: { Self.listMarker($0.content) != nil }) else {
            return splitAtIntroducedExamples(lines) ?? splitAtOutdentedProse(lines) ?? [chunk]
        }
        // Art and flows are looked for only in a chunk that would be taken apart (few are).
        var drawn: Bool?
        func isDrawing() -> Bool {
            if let drawn { return drawn }
            let found = lines.contains(where: { Self.hasArt($0.content) || Self.hasFlowArrow($0.content) })
            drawn = found
            return found
        }
        var out: [Chunk] = []
        var start = 0
        // The tail over a page break comes first in its chunk.
        var tail = 1
        while tail < lines.count, lines[tail].indent == lines[0].indent { tail += 1 }
        if tail < lines.count, lines[tail].indent < lines[0].indent, Self.listMarker(lines[tail].content) != nil, !isDrawing() {
            out.append(Chunk(lines: Array(lines[..<tail])))
            start = tail
        }
        // Then paragraph, list, paragraph ...: each step takes what it finds, so the whole
        // is one pass however many lists a run of lines holds.
        while start < lines.count - 1, Self.listMarker(lines[start].content) == nil,
              let list = introducedList(lines[start...], textColumn: lines[start].indent), !isDrawing() {
            out.append(Chunk(lines: Array(lines[start..<list.lowerBound])))
            out.append(Chunk(lines: Array(lines[list])))
            start = list.upperBound
        }
        if start < lines.count { out.append(Chunk(lines: Array(lines[start...]))) }
        return out
    }

    /// Prose with a rule drawn right above or below it, no blank line between (draft-ietf-
    /// ngtrans-dns-ops-req boxes each requirement between lines of dashes: "Any node SHOULD
    /// be able to query ..." over "-----..."): the rule apart, so the prose is a paragraph
    /// and its requirements are statements; read as one, the rule made a figure of it. A
    /// table's rules stay with its rows (lines in columns or art are not prose).
    ///
    /// Likewise a table's head (column names over a rule) above a row whose description
    /// hangs under it in prose (RFC 7296 3.8: "Mechanism   Value" / "-----" / "RSA Digital
    /// Signature   1" / two SHOULDs further in): the head apart, so the row and its
    /// description are read as the rows below them are, each a term over its definition.
    private func splitOffRules(_ chunk: Chunk) -> [Chunk] {
        let lines = chunk.lines
        guard lines.count >= 2 else { return [chunk] }
        if let rule = lines.prefix(3).dropFirst().firstIndex(where: { Self.isRule($0.content) }), rule + 2 < lines.count,
           lines[..<rule].allSatisfy({ Self.hasWideGap($0.content) }), lines[rule + 1].indent == chunk.indent,
           lines[(rule + 2)...].allSatisfy({ $0.indent > chunk.indent }), Self.readsAsProse(lines[(rule + 2)...]) {
            return [Chunk(lines: Array(lines[...rule])), Chunk(lines: Array(lines[(rule + 1)...]))]
        }
        let start = Self.isRule(lines[0].content) ? 1 : 0
        let end = lines.count - 1 > start && Self.isRule(lines[lines.count - 1].content) ? lines.count - 1 : lines.count
        guard start > 0 || end < lines.count,
              !lines[start..<end].contains(where: { Self.hasArt($0.content) || Self.hasWideGap($0.content) }) else { return [chunk] }
        var out: [Chunk] = []
        if start > 0 { out.append(Chunk(lines: [lines[0]])) }
        out.append(Chunk(lines: Array(lines[start..<end])))
        if end < lines.count { out.append(Chunk(lines: [lines[end]])) }
        return out
    }

    /// Prose right under a drawing or a message flow with no blank line between, at the
    /// drawing's column or left of it (draft-dukes-ike-mode-cfg-02 5.1: "HDR*, HASH,
    /// ATTR1(REQUEST)  -->" / "<--  HDR*, HASH, ATTR2(REPLY)" over "ATTR1(REQUEST) MUST
    /// contain at least an INTERNAL_ADDRESS attribute" ... "returned in the response."):
    /// the drawing and the prose apart. Read as one, the drawing made a figure of the prose
    /// and its requirements were lost. The prose is two lines or more, starts a sentence and
    /// ends one, reads as a paragraph alone, and none of its lines is art, columns, code or
    /// a flow; the drawing is two lines or more. A caption or a table's description column
    /// (further in) stays, and so does a paragraph justified with wide spaces (RFC 1510's
    /// drafts).
    private func splitOffProseUnderDrawing(_ chunk: Chunk) -> [Chunk] {
        let lines = chunk.lines
        // A drawing over prose changes the indentation somewhere (and a paragraph of one
        // indentation, most chunks, is told apart without reading its lines' bytes).
        guard lines.count >= 3, lines[lines.count - 1].content.last == ".",
              lines.contains(where: { $0.indent != lines[lines.count - 1].indent }) else { return [chunk] }
        var start = lines.count
        while start > 0, !Self.isDrawnOrCode(lines[start - 1].content), !Self.hasFlowArrow(lines[start - 1].content) { start -= 1 }
        guard start >= 2, lines.count - start >= 2, !Self.isCodeLike(lines[start - 1].content) || Self.hasArt(lines[start - 1].content)
                || Self.hasWideGap(lines[start - 1].content) else { return [chunk] }
        let prose = lines[start...]
        let column = lines[..<start].lazy.map(\.indent).min() ?? 0
        guard prose.allSatisfy({ $0.indent <= column + 1 }), prose[start].content.first?.isUppercase == true,
              prose.reduce(0, { $0 + Self.lowercaseWords($1.content) }) >= 8, isFigure(chunk) else { return [chunk] }
        let split = [Chunk(lines: Array(lines[..<start])), Chunk(lines: Array(prose))]
        return isFigure(split[1]) ? [chunk] : split
    }

    /// A line drawn with one character, ten or more of it: "----------", "==========".
    static func isRule(_ content: Substring) -> Bool {
        guard let first = content.utf8.first, "-=_*~".utf8.contains(first), content.utf8.count >= 10 else { return false }
        return content.utf8.allSatisfy { $0 == first }
    }

    /// A list, then a paragraph at the markers' column with no blank line between
    /// (draft-kosters-dnsext-dnssec-opt-in-00 3: "2.  The DNSSEC view ... type." over "If
    /// the query does not follow either case (1) or (2), the non-DNSSEC view MUST be
    /// consulted by default."): the list and the paragraph, which read as one were a
    /// figure. The list has two items or more (RFC 2828's "(D) ISDs SHOULD NOT use this
    /// term ..." is a paragraph with a label), the last ends a sentence and the paragraph
    /// starts one, so an item's text wrapped back to the markers' column is not cut; the
    /// paragraph reads as prose.
    private func splitAtParagraphAfterList(_ lines: [TextLine]) -> [Chunk]? {
        let column = lines[0].indent
        guard let tail = lines.lastIndex(where: { $0.indent == column && Self.listMarker($0.content) != nil }) else { return nil }
        var start = tail + 1
        while start < lines.count, lines[start].indent != column { start += 1 }
        guard start < lines.count,
              let end = lines[start - 1].content.last, ".:;".contains(end),
              lines[start].content.first?.isUppercase == true,
              lines[start...].allSatisfy({ $0.indent == column }), Self.readsAsProse(lines[start...]),
              let items = listItems(Chunk(lines: Array(lines[..<start]))), items.family != nil, items.items.count >= 2 else { return nil }
        return [Chunk(lines: Array(lines[..<start])), Chunk(lines: Array(lines[start...]))]
    }

    /// Prose that starts left of every line above it in its chunk, right after a sentence's
    /// end, with no blank line between: a paragraph of its own under a term's definition
    /// ("derefAlways: Dereference aliases both in searching and in" / "locating the base
    /// object of the search." at column 8 over "Servers MUST detect looping while
    /// dereferencing aliases in order" at 5, draft-ietf-ldapbis-protocol, three revisions).
    /// Read as one, the mixed indentation made a figure of both and the requirement was
    /// lost. Both parts read as prose (every line but the last of three lower-case words or
    /// more, no art, columns or code), the lower one at one margin and opening with a
    /// capital, and the upper one of two lines or more: a paragraph whose first line alone
    /// is set further in ("A, AAAA: Type A or AAAA RRs SHOULD NOT be placed at AS nodes."
    /// over its text at column 3, draft-ietf-dnssec-as-map-05) is one paragraph. A term and
    /// its definition at one margin, the next term there too, is not such an outdent. Nil
    /// when the chunk is not so.
    private func splitAtOutdentedProse(_ lines: [TextLine]) -> [Chunk]? {
        let margin = lines[0].indent
        guard lines.count >= 3, let start = lines.firstIndex(where: { $0.indent < margin }), start >= 2,
              let end = lines[start - 1].content.utf8.last, end == UInt8(ascii: "."),
              lines[start].content.first?.isUppercase == true,
              lines[start...].allSatisfy({ $0.indent == lines[start].indent }) else { return nil }
        func isProse(_ part: ArraySlice<TextLine>) -> Bool {
            Self.readsAsProse(part) && part.dropLast().allSatisfy { Self.lowercaseWords($0.content) >= 3 }
        }
        guard isProse(lines[..<start]), isProse(lines[start...]) else { return nil }
        return [Chunk(lines: Array(lines[..<start])), Chunk(lines: Array(lines[start...]))]
    }

    /// Prose that introduces an example with a colon, the example right under it further in
    /// with no blank line, and the prose maybe going on below it at its own column
    /// (draft-ietf-dnsext-delegation-signer-05 2.2: "... MUST include the following RR sets in
    /// the authority section in this order:" over "parent NS" at column 8): the prose, each
    /// example and what follows are chunks of their own. Read as one, the mixed indentation
    /// made a figure and the prose's requirements were lost. The prose must read as such (no
    /// art, columns or code, some lower-case words), and it stays one chunk where it has no such
    /// colon. Nil when the chunk does not start so.
    private func splitAtIntroducedExamples(_ lines: [TextLine]) -> [Chunk]? {
        let column = lines[0].indent
        var out: [Chunk] = []
        var start = 0
        while start < lines.count {
            var deeper = start
            while deeper < lines.count, lines[deeper].indent == column { deeper += 1 }
            guard deeper > start, deeper < lines.count, lines[deeper].indent > column,
                  lines[deeper - 1].content.utf8.last == UInt8(ascii: ":") else { break }
            let prose = lines[start..<deeper]
            guard Self.readsAsProse(prose) else { break }
            var end = deeper
            while end < lines.count, lines[end].indent > column { end += 1 }
            guard end == lines.count || lines[end].indent == column else { break }
            out.append(Chunk(lines: Array(prose)))
            out.append(Chunk(lines: Array(lines[deeper..<end])))
            start = end
        }
        guard !out.isEmpty else { return nil }
        if start < lines.count { out.append(Chunk(lines: Array(lines[start...]))) }
        return out
    }

    /// Lines that read as prose for taking a chunk apart: some hold lower-case words, none
    /// is art, columns or code.
    private static func readsAsProse(_ lines: ArraySlice<TextLine>) -> Bool {
        lines.contains(where: { lowercaseWords($0.content) >= 4 })
            && !lines.contains(where: { isDrawnOrCode($0.content) })
    }

    /// Where a compact hanging list's terms start under the tail of a definition: the
    /// definition after a blank line under its term, or carried over a page break, then the
    /// next terms with no blank line (RFC 4590 3.3: "Description", a blank line, its text at
    /// column 9 holding two MUSTs, then "Type" / "105 for Digest-Nonce" / "Length" ... at
    /// column 3; read as one, the mixed indentation made a figure). The tail reads as prose,
    /// the lines from the first term as such a list (`listItems`), and none is code,
    /// columns or art. A term may be a label with its text after it on its line (a
    /// registration template's "Encoding considerations: Identical to those of ..." under
    /// the tail of the item before it carried over a page break).
    private func termsAfterTail(_ lines: [TextLine]) -> Int? {
        let column = lines[0].indent
        var tail = 1
        while tail < lines.count, lines[tail].indent == column { tail += 1 }
        guard tail + 1 < lines.count, lines[tail].indent < column, lines[tail + 1].indent > lines[tail].indent,
              Self.isTerm(lines[tail].content), lines[tail].content.utf8.count <= 48 || Self.labelEnd(lines[tail].content) != nil,
              lines[..<tail].contains(where: { Self.lowercaseWords($0.content) >= 4 }),
              !lines.contains(where: { Self.isCodeLike($0.content) || Self.hasWideGap($0.content) || Self.hasArt($0.content) || Self.hasFlowArrow($0.content) }),
              Self.isLabelledParagraph(lines[tail...]) || listItems(Chunk(lines: Array(lines[tail...])))?.family == .hanging else { return nil }
        return tail
    }

    /// One label, its text after it and going on under it at one column further in (the
    /// last item of a registration template, under the tail of the one before it).
    private static func isLabelledParagraph(_ lines: ArraySlice<TextLine>) -> Bool {
        guard lines.count >= 2, labelEnd(lines[lines.startIndex].content) != nil else { return false }
        let hang = lines[lines.startIndex + 1].indent
        return hang > lines[lines.startIndex].indent && lines.dropFirst().allSatisfy { $0.indent == hang }
    }

    // MARK: Blocks

    /// Builds the blocks of a body; `references` reads "[ANCHOR] ..." chunks as entries.
    func blocks(_ lines: ArraySlice<TextLine>, references: Bool, nesting: Int = 0) -> [Block] {
        let chunks = references ? chunks(lines) : joiningModuleStrings(chunks(lines).flatMap(splitOffRules).flatMap(splitOffProseUnderDrawing).flatMap(splitAtIntroducedList), of: lines)
        var top: [Node] = []
        var open: [ListNode] = [] // outermost first
        var referenceEntries: [Reference] = []
        var referencesLocation: SourceLocation?

        func appendTop(_ node: Node) {
            if let group = flushReferences() { top.append(.block(group)) }
            top.append(node)
        }
        func flushReferences() -> Block? {
            guard !referenceEntries.isEmpty, let loc = referencesLocation else { return nil }
            defer { referenceEntries = []; referencesLocation = nil }
            return .references(ReferenceGroup(entries: referenceEntries, location: loc))
        }

        var index = 0
        while index < chunks.count {
            let chunk = chunks[index]
            index += 1
            let indent = chunk.indent
            if references, let entry = reference(chunk) {
                open.removeAll()
                if referencesLocation == nil { referencesLocation = entry.location }
                referenceEntries.append(entry)
                continue
            }
            if references, !referenceEntries.isEmpty, indent > bodyIndent {
                // The tail of an entry cut by a page break.
                var last = referenceEntries.removeLast()
                last = extend(last, with: chunk)
                referenceEntries.append(last)
                continue
            }
            // A caption under a figure.
            if chunk.lines.count <= 2, let caption = Self.caption(chunk), case .block(.figure(var figure))? = lastNode(top: top, open: open), figure.title == nil {
                figure.title = caption
                figure.titleLocation = SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1)
                replaceLast(.block(.figure(figure)), top: &top, open: open)
                continue
            }
            while let list = open.last, indent < list.indent { open.removeLast() }
            // Message flows ("HDR, SK {...}  -->", "<--  HDR, ...") are diagrams, whatever
            // their layout: an arrow's gap would otherwise read as a hanging term.
            // (A block quote holding one is a quote: its bars say so.)
            let isQuote = Self.isBlockquote(chunk)
            let isFlow = !isQuote && chunk.lines.contains(where: { Self.hasFlowArrow($0.content) })
            let items = isFlow || isQuote || chunk.isModule ? nil : listItems(chunk, nesting: nesting)
            if let items, let family = items.family {
                if let list = open.last, list.indent == indent {
                    if list.family == family {
                        list.items.append(contentsOf: items.items)
                        continue
                    }
                    open.removeLast()
                }
                var node = ListNode(family: family, indent: indent, items: items.items, location: items.items[0].location)
                if let parent = open.last, indent > parent.indent, let item = parent.items.last {
                    // The next term of a list a label's item holds (`hangingItem`): one list.
                    if family == .hanging, case .block(.list(let held))? = item.blocks.last, held.style == .definition {
                        node = ListNode(family: family, indent: indent, items: held.items.map(ItemNode.init) + node.items, location: held.location)
                        item.blocks.removeLast()
                    }
                    item.blocks.append(.list(node))
                } else {
                    open.removeAll()
                    appendTop(.list(node))
                }
                open.append(node)
                continue
            }
            // One line of ASN.1 comment between a module's definitions ("-- Note: At least
            // one of the OPTIONAL components MUST be present", RFC 9399 under a SEQUENCE):
            // code too, as the definition above it is.
            var underCode = false
            if chunk.lines.count == 1, Self.isASN1Comment(chunk.lines[0]), case .block(.figure(let above))? = lastNode(top: top, open: open) {
                underCode = ByteSearch.contains(above.verbatim, "::=")
            }
            // Lines of "//" comments next to a line of code ("// if here, ValState must be
            // SECURE" between two blocks of pseudo-code, draft-ietf-dane-protocol-19; under
            // "class IPAddress : string | bytes;", draft-marx-qlog-event-definitions) are the
            // code's, not an editor's comment as xml2rfc 3 prints one standing alone (which
            // may follow a drawing). (`index` is already the next chunk's.)
            if !underCode, Self.editorsComment(chunk.lines) != nil {
                if index >= 2, let before = chunks[index - 2].lines.last, Self.isCodeLike(before.content) { underCode = true }
                if index < chunks.count, let next = chunks[index].lines.first, Self.isCodeLike(next.content) { underCode = true }
            }
            let block = isFlow || chunk.isModule || underCode ? figure(chunk) : isQuote ? blockquote(chunk) : plainBlock(chunk)
            if let list = open.last, indent > list.indent, let item = list.items.last {
                item.blocks.append(.block(block))
            } else {
                open.removeAll()
                appendTop(.block(block))
            }
        }
        if let group = flushReferences() { top.append(.block(group)) }
        return top.map { $0.block() }
    }

    private func lastNode(top: [Node], open: [ListNode]) -> Node? {
        if let list = open.last, let item = list.items.last { return item.blocks.last ?? .list(list) }
        return top.last
    }

    private func replaceLast(_ node: Node, top: inout [Node], open: [ListNode]) {
        if let list = open.last, let item = list.items.last, !item.blocks.isEmpty {
            item.blocks[item.blocks.count - 1] = node
        } else if !top.isEmpty {
            top[top.count - 1] = node
        }
    }
}

// Mutable tree used while lists are open; turned into the value model at the end.
extension TextBlockBuilder {
    final class ListNode {
        let family: Family
        let indent: Int
        var items: [ItemNode]
        let location: SourceLocation

        init(family: Family, indent: Int, items: [ItemNode], location: SourceLocation) {
            self.family = family
            self.indent = indent
            self.items = items
            self.location = location
        }

        func block() -> Block {
            let style: ListBlock.Style = switch family {
            case .bullet: .bullet
            case .number, .parenthesised, .letter: .ordered
            case .hanging: .definition
            }
            return .list(ListBlock(style: style, items: items.map { $0.item() }, location: location))
        }
    }

    final class ItemNode {
        let marker: String?
        let term: InlineText?
        var blocks: [Node]
        let location: SourceLocation

        init(marker: String?, term: InlineText?, blocks: [Node], location: SourceLocation) {
            self.marker = marker
            self.term = term
            self.blocks = blocks
            self.location = location
        }

        convenience init(_ item: ListItem) {
            self.init(marker: item.marker, term: item.term, blocks: item.blocks.map(Node.block), location: item.location)
        }

        func item() -> ListItem {
            ListItem(marker: marker, term: term, blocks: blocks.map { $0.block() }, location: location)
        }
    }

    enum Node {
        case block(Block)
        case list(ListNode)

        func block() -> Block {
            switch self {
            case .block(let b): b
            case .list(let l): l.block()
            }
        }
    }
}
