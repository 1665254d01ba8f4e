/// Paragraphs, block quotes and figures: how a chunk of lines reads as one, and the joined
/// text of its lines.
extension TextBlockBuilder {
    /// xml2rfc v3 prints `<blockquote>` with a bar: "|  quoted text".
    static func isBlockquote(_ chunk: Chunk) -> Bool {
        chunk.lines.allSatisfy { line in
            line.content.first == "|" && (line.content.count == 1 || line.content.dropFirst().first == " ")
        } && chunk.lines.contains { $0.content.count > 3 }
    }

    /// The quote's paragraphs and figures (separated by bar-only lines), bars and their
    /// spaces taken off: a part laid out as art is a figure (a quoted section's diagram,
    /// "|       packet -->  |      [20..63] -+--> forward to DTLS", RFC 9443), prose a
    /// paragraph.
    func blockquote(_ chunk: Chunk) -> Block {
        var blocks: [Block] = []
        var current: [TextLine] = []
        var list: ListNode?
        func flush() {
            guard let first = current.first else { return }
            defer { current = [] }
            // Each line as if the bar were not there: its text and where that starts.
            let inner = current.map { line -> TextLine in
                let after = line.content.dropFirst()
                let text = after.drop(while: { $0 == " " })
                var unbarred = line
                unbarred.narrow(to: text)
                unbarred.indent = line.indent + 1 + after.utf8.count - text.utf8.count
                return unbarred
            }
            if isFigure(Chunk(lines: inner)), case .figure(var art) = figure(Chunk(lines: inner)) {
                let strip = inner.map(\.indent).min() ?? 0
                art.verbatim = inner.map { String(repeating: " ", count: $0.indent - strip) + $0.content }.joined(separator: "\n")
                blocks.append(.figure(art))
                list = nil
                return
            }
            // A quoted list ("|  *  Hosts SHOULD silently discard ...", RFC 9131 4.2; a term
            // over its definition, "|  np:  Requested Mail Receiver policy ...", RFC 9091):
            // its items, marker or term off their text; items parted by bar-only lines are
            // one list.
            if let (items, found) = listItems(Chunk(lines: inner)), let family = found, let firstItem = items.first {
                if let open = list, open.family == family, open.indent == inner[0].indent {
                    open.items += items
                    blocks[blocks.count - 1] = open.block()
                } else {
                    let node = ListNode(family: family, indent: inner[0].indent, items: items, location: firstItem.location)
                    blocks.append(node.block())
                    list = node
                }
                return
            }
            list = nil
            blocks.append(.paragraph(Paragraph(content: Self.paragraphText(inner.map(\.content), numbers: current.map(\.number)), location: SourceLocation(file: path, line: first.number, column: first.indent + 1))))
        }
        for line in chunk.lines {
            if line.content.count == 1 { flush() } else { current.append(line) }
        }
        flush()
        return .blockquote(Container(blocks: blocks, location: SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1)))
    }

    /// A chunk that is not a list: prose becomes a paragraph, anything laid out becomes a figure.
    func plainBlock(_ chunk: Chunk) -> Block {
        if isFigure(chunk) { return figure(chunk) }
        let location = SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1)
        if let comment = Self.editorsComment(chunk.lines) {
            // As the XML reader keeps a `<cref>`: out of the running text, shown when rendered.
            return .paragraph(Paragraph(content: InlineText([Span(comment, kind: .invisible("cref:"))]), location: location))
        }
        return .paragraph(Paragraph(content: Self.paragraphText(chunk.lines.map(\.content), numbers: chunk.lines.map(\.number)), location: location))
    }

    /// A paragraph that is an editor's comment as xml2rfc 3 prints a `<cref>` standing
    /// alone, on lines of "// " ("// Editor note: the peer MUST be told.", "//", "// --
    /// Paul"): the comment as the XML reader holds it, its parts apart by U+2028 twice.
    /// Nil for anything else; such lines inside a paragraph stay its text (xml2rfc 3 runs
    /// the text after the comment on its last line, with no mark between them).
    static func editorsComment(_ lines: [TextLine]) -> String? {
        guard lines.allSatisfy({ $0.content == "//" || $0.content.hasPrefix("// ") }), lines[0].content.count > 3 else { return nil }
        var parts: [[Substring]] = [[]]
        for line in lines {
            if line.content == "//" { parts.append([]) } else { parts[parts.count - 1].append(line.content.dropFirst(3)) }
        }
        return parts.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\u{2028}\u{2028}")
    }

    func figure(_ chunk: Chunk) -> Block {
        var figure = Figure(kind: .textArt, verbatim: verbatim(chunk.lines),
                            location: SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1))
        figure.sourceLines = chunk.lines.map(\.number)
        if !chunk.isModule {
            figure.table = Self.gridTable(chunk.lines, path: path) ?? Self.columnTable(chunk.lines, path: path) ?? Self.ruledTable(chunk.lines, path: path)
        }
        return .figure(figure)
    }

    /// A line of an ASN.1 comment ("-- text"; a rule of dashes is none).
    static func isASN1Comment(_ line: TextLine) -> Bool {
        line.content.hasPrefix("--") && !line.content.hasPrefix("---")
    }

    /// Prose has one indentation (a first line may hang out) and no drawing characters.
    func isFigure(_ chunk: Chunk) -> Bool {
        let lines = chunk.lines
        if keepsToPage, Self.runsPastPage(lines) { return true }
        if Self.isSchemaDefinition(lines[...]) { return true }
        // A block of ASN.1 comments, every line opening with "--" (RFC 8702 6, under an OID
        // assignment), or an assignment over its comment ("GenRepContent ::= SEQUENCE OF
        // InfoTypeAndValue" / "-- The receiver MAY ignore ...", RFC 9480): code, whose
        // comments are read as prose line by line. Joined as a paragraph, each statement
        // ran on through the next line's "--".
        // So is a field's name over its comments ("protection" over "-- If present, the
        // same kind of protection MUST be used ...", RFC 9483 3.1).
        func isASN1(_ line: TextLine) -> Bool { Self.isASN1Comment(line) || ByteSearch.contains(line.content, " ::= ") }
        if lines.count >= 2, lines.contains(where: Self.isASN1Comment), lines.dropFirst().allSatisfy(isASN1),
           isASN1(lines[0]) || !lines[0].content.contains(" ") { return true }
        var gapped = false
        for line in lines {
            if Self.hasArt(line.content) { return true }
            if !gapped, Self.hasWideGap(line.content) { gapped = true }
        }
        if gapped, !Self.isJustified(lines), !Self.isLabelled(lines), !Self.hasSpacedSentencesOnly(lines) { return true }
        guard lines.count > 1 else { return false }
        let rest = lines.dropFirst()
        let restIndent = rest.first!.indent
        if rest.contains(where: { $0.indent != restIndent }), !Self.hasOneStrayIndent(lines) { return true }
        // A definition in code over lines further in: an ASN.1 type and its body
        // ("PKOcspData ::= SEQUENCE OF OcspResponse" over "-- comments", RFC 4557).
        if restIndent > lines[0].indent, Self.opensCodeBlock(lines[0].content) || Self.isABNFRule(lines[...]) { return true }
        // A rule with comments under it at its own margin ("styleddescval   = ( uri / text )"
        // over ";Value MUST match value type", RFC 9073 6.5).
        if Self.isABNFRule(lines[...]), rest.allSatisfy({ $0.content.utf8.first == UInt8(ascii: ";") }) { return true }
        // Code: half the lines ending in braces or semicolons, with a brace among them or two
        // semicolons (one line of two ending in ";" is prose: "Each RR in the RRset MUST have
        // the RR type listed in the" / "SIG RR's Type Covered field;",
        // draft-ietf-dnsext-dnssec-records-03; "... OPTIONAL," over "...  }" is ASN.1).
        var braces = 0, semicolons = 0
        for line in lines {
            switch line.content.utf8.last {
            case UInt8(ascii: "{"), UInt8(ascii: "}"): braces += 1
            case UInt8(ascii: ";"): semicolons += 1
            default: break
            }
        }
        return (braces >= 1 || semicolons >= 2) && (braces + semicolons) * 2 >= lines.count
    }

    /// Prose with one line set a column or two further in than the rest, as a stray space
    /// at a line's start leaves it ("... the 'giaddr' and" over " 'hops' fields in the DHCP
    /// message, the contents of those two fields" over "MUST be set to zero ...",
    /// draft-ietf-dhc-authentication-14; RFC 1826 3.3's four requirements, RFC 6171 3,
    /// RFC 6613 2.6.4). Read as a figure, its statements were lost. Every line but the last
    /// holds three lower-case words or more, the shifted one too, a sentence ends in it, and
    /// it is not a message's header lines ("Name: value", folded a column in).
    static func hasOneStrayIndent(_ lines: [TextLine]) -> Bool {
        guard lines.count >= 3 else { return false }
        let margin = lines[0].indent
        var stray: Int?
        for (i, line) in lines.enumerated() where line.indent != margin {
            guard stray == nil, line.indent - margin == 1 || line.indent - margin == 2 else { return false }
            stray = i
        }
        guard let stray, lowercaseWords(lines[stray].content) >= 3,
              lines.dropLast().allSatisfy({ lowercaseWords($0.content) >= 3 }),
              lines.contains(where: { $0.content.utf8.last == UInt8(ascii: ".") || ByteSearch.contains($0.content, ". ") }) else { return false }
        return lines.count(where: { isHeaderField($0.content) }) * 2 < lines.count
    }

    /// A message header's line: a field name of letters, digits and hyphens, a colon and a
    /// space ("Content-Type: text/plain").
    private static func isHeaderField(_ content: Substring) -> Bool {
        let u = content.utf8
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon != u.startIndex,
              u[u.startIndex..<colon].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || TextHeadings.isDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
        let after = u.index(after: colon)
        return after == u.endIndex || u[after] == 0x20
    }

    /// An ABNF rule (RFC 5234) over lines further in: "alarmprop  = (" over "; the following
    /// are REQUIRED" and "; but MUST NOT occur more than once" (RFC 9074 3): a rule name,
    /// "=" or "=/", and under it a comment, an alternative, a repetition or a literal opening a line,
    /// as prose's continuation lines never open.
    static func isABNFRule(_ lines: ArraySlice<TextLine>) -> Bool {
        guard let opening = lines.first else { return false }
        let u = opening.content.utf8
        guard let first = u.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
        var i = u.startIndex
        while i < u.endIndex, u[i] == UInt8(ascii: "-") || TextHeadings.isDigit(u[i]) || ((u[i] | 0x20) >= 0x61 && (u[i] | 0x20) <= 0x7A) { i = u.index(after: i) }
        guard i < u.endIndex, u[i] == 0x20 else { return false }
        while i < u.endIndex, u[i] == 0x20 { i = u.index(after: i) }
        guard i < u.endIndex, u[i] == UInt8(ascii: "=") else { return false }
        i = u.index(after: i)
        if i < u.endIndex, u[i] == UInt8(ascii: "/") { i = u.index(after: i) }
        guard i == u.endIndex || u[i] == 0x20 else { return false }
        return lines.dropFirst().contains { line in
            guard let b = line.content.utf8.first else { return false }
            return ";/*\"%".utf8.contains(b) || TextHeadings.isDigit(b)
        }
    }

    /// An LDAP schema definition (RFC 4512 4.1): an object identifier and its terms in
    /// parentheses, "NAME" among them ("( 1.3.6.1.1.1.2.9 NAME 'nisMap' SUP top STRUCTURAL"
    /// over "DESC 'A generic abstraction of a NIS map'", "MUST nisMapName", "MAY description
    /// )", draft-howard-rfc2307bis): code, whose MUST and MAY name attributes and require
    /// nothing, as the XML's artwork has it.
    static func isSchemaDefinition(_ lines: ArraySlice<TextLine>) -> Bool {
        guard let first = lines.first?.content else { return false }
        // Its tail on the next page: "MAY ( serialNumber $" over "seeAlso $" ...
        // "description ) )" (draft-ietf-ldapbis-user-schema-06 3.3).
        if first.hasPrefix("MAY ( ") || first.hasPrefix("MUST ( ") {
            return lines.allSatisfy { $0.content.utf8.last == UInt8(ascii: "$") || $0.content.utf8.last == UInt8(ascii: ")") }
        }
        guard first.utf8.first == UInt8(ascii: "(") else { return false }
        let words = lines.prefix(2).flatMap { $0.content.split(separator: " ") }
        // "(" apart or glued to the identifier: "( 2.5.4.15", "(1.3.6.1.4.1.42.2.27.8.1.1",
        // or a placeholder of a draft ("( nisMapName-oid").
        let identifier = words.first == "(" ? words.dropFirst().first : words.first.map { $0.dropFirst() }
        guard let identifier, !identifier.isEmpty, words.contains("NAME") else { return false }
        let numeric = identifier.utf8.allSatisfy { TextHeadings.isDigit($0) || $0 == UInt8(ascii: ".") } && TextHeadings.isDigit(identifier.utf8.first!)
        return numeric || identifier.hasSuffix("-oid") || identifier.hasSuffix("OID")
    }

    /// Most lines of the chunk, two at least, run past 72 columns by more than a few (an
    /// example in artwork as wide as the source wrote it: " NOTE: if the specification is
    /// available in printed form only, then an Internet draft" at 88 columns,
    /// draft-nottingham-rfc3864bis). One long line is a URL or a name that could not be
    /// broken, in prose as well: a line counts only when it could have been broken before
    /// column 72 (a space between words there), as filled text would have been.
    static func runsPastPage(_ lines: [TextLine]) -> Bool {
        guard lines.count >= 2 else { return false }
        var wide = 0
        for line in lines where line.raw.utf8.count > 75 && line.raw.count > 75 {
            let words = line.content.utf8
            if let space = words.firstIndex(of: 0x20), line.indent + words.distance(from: words.startIndex, to: space) < 72 { wide += 1 }
        }
        return wide >= 2 && wide * 2 >= lines.count
    }

    /// Prose justified to both margins, as nroff's ".ad b" set older drafts ("found  which
    /// are  correct, the client MUST abort" over "the   KDC   and    issue,    respectively,",
    /// draft-ietf-krb-wg-kerberos-sam-02): its wide gaps are spacing, not columns. Every
    /// line but the last ends at one column (60 or further), the last is no longer and has
    /// no wide gap, each other line's gaps between words differ by two spaces at most, and
    /// the lines hold lower-case words as prose does (a table of equal-width columns does
    /// not).
    static func isJustified(_ lines: [TextLine]) -> Bool {
        guard lines.count >= 2 else { return false }
        let right = lines[0].indent + lines[0].content.utf8.count
        guard right >= 60 else { return false }
        var words = 0
        for line in lines.dropLast() {
            guard line.indent + line.content.utf8.count == right, hasEvenGaps(line.content) else { return false }
            words += lowercaseWords(line.content)
        }
        let last = lines[lines.count - 1]
        return last.indent + last.content.utf8.count <= right && !hasWideGap(last.content)
            && words >= 3 * (lines.count - 1)
    }

    /// Prose with a few sentences set apart by a typist's wider space ("the lease from the
    /// DHCPACK message.    The client SHOULD perform a", RFC 2131 4.4.1, a paragraph of 13
    /// lines read as a figure, three requirements lost): every wide gap follows a sentence's
    /// end and comes before a capital, at most a third of the lines have one, and the lines
    /// hold lower-case words as prose does (zone data's "EXAMPLE.    PTR" has the gap, but
    /// on most lines and with few words). One line may have a stray gap between two
    /// lower-case words instead ("document are to be interpreted as            described
    /// in [RFC2119].", draft-ietf-dnsext-nsec3-01: read as a figure, the boilerplate's ten
    /// keywords counted as requirements); columns have gaps on many lines.
    static func hasSpacedSentencesOnly(_ lines: [TextLine]) -> Bool {
        guard lines.count >= 3 else { return false }
        var spaced = 0, words = 0, stray = false
        for line in lines {
            words += lowercaseWords(line.content)
            guard hasWideGap(line.content) else { continue }
            spaced += 1
            guard spaced * 3 <= lines.count, let kind = gapKind(Array(line.content.utf8)) else { return false }
            if kind == .betweenWords {
                guard !stray else { return false }
                stray = true
            }
        }
        return words >= 4 * lines.count
    }

    private enum GapKind { case afterSentences, betweenWords }

    /// What the runs of three spaces or more inside the line are: all after ".", "?" or "!"
    /// (and any closing quote or parenthesis) and before a capital letter, or one between
    /// two lower-case words; nil for anything else.
    private static func gapKind(_ u: [UInt8]) -> GapKind? {
        var i = 0, betweenWords = 0
        while i < u.count {
            guard u[i] == 0x20 else { i += 1; continue }
            var end = i
            while end < u.count, u[end] == 0x20 { end += 1 }
            if end - i >= 3, i > 0, end < u.count {
                var k = i - 1
                while k > 0, u[k] == UInt8(ascii: ")") || u[k] == UInt8(ascii: "\"") || u[k] == UInt8(ascii: "'") { k -= 1 }
                if (0x61...0x7A).contains(u[i - 1]), (0x61...0x7A).contains(u[end]) {
                    betweenWords += 1
                } else if !".?!".utf8.contains(u[k]) || !TextHeadings.isUpper(u[end]) {
                    return nil
                }
            }
            i = end
        }
        switch betweenWords {
        case 0: return .afterSentences
        case 1: return .betweenWords
        default: return nil
        }
    }

    /// Fields labelled at the start of their lines, values aligned after the labels and
    /// prose running on under them (RFC 2518 12: "Name:       collection" / "Purpose:
    /// Identifies the associated resource as a collection. The" / "resourcetype property of a
    /// collection resource MUST have this value."): the only wide gaps follow a label, two
    /// lines or more are labelled, and some line reads as prose. A table of values alone
    /// ("Type:      1" / "Length:    8") stays a figure.
    static func isLabelled(_ lines: [TextLine]) -> Bool {
        var labelled = 0, prose = false
        for line in lines {
            if let value = valueAfterLabel(line.content) {
                labelled += 1
                if hasWideGap(value) { return false }
            } else if hasWideGap(line.content) {
                return false
            }
            if !prose, lowercaseWords(line.content) >= 4 { prose = true }
        }
        return labelled >= 2 && prose
    }

    /// The value after a field's label at the start of a line: one to three words, the first
    /// capitalised, then a colon and a space or more ("Purpose:    Identifies ...").
    private static func valueAfterLabel(_ content: Substring) -> Substring? {
        guard let first = content.utf8.first, TextHeadings.isUpper(first),
              let colon = content.utf8.prefix(25).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let label = content[..<colon]
        guard label.split(separator: " ").count <= 3, !label.contains("  "),
              label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) else { return nil }
        let after = content[content.index(after: colon)...]
        guard after.first == " " else { return nil }
        let value = after.drop(while: { $0 == " " })
        return value.isEmpty ? nil : value
    }

    /// Three gaps between words or more, the widest at most two spaces wider than the narrowest.
    private static func hasEvenGaps(_ content: Substring) -> Bool {
        var narrowest = Int.max, widest = 0, gaps = 0, run = 0
        for b in content.utf8 {
            if b == 0x20 {
                run += 1
            } else if run > 0 {
                narrowest = min(narrowest, run)
                widest = max(widest, run)
                gaps += 1
                run = 0
            }
        }
        return gaps >= 3 && widest - narrowest <= 2
    }

    /// Lines as printed, with the document's paragraph indentation taken off.
    func verbatim(_ lines: [TextLine]) -> String {
        let strip = min(bodyIndent, lines.lazy.filter(\.isText).map(\.indent).min() ?? 0)
        return lines.map { String($0.raw.dropFirst(strip)) }.joined(separator: "\n")
    }

    /// Lines of running text joined with single spaces; a line ending in a hyphen or slash
    /// after a letter or digit joins the next directly ("Selector-" + "initiator",
    /// "Send/" + "Receive"), and a hyphen after a bracket or quote ("ESP[-" + "NULL]"):
    /// xml2rfc breaks lines after both.
    static func join<S: Sequence>(_ lines: S) -> String where S.Element == Substring {
        var ignored: [InlineText.LineStart] = []
        return join(lines, numbers: nil, lineStarts: &ignored)
    }

    /// A paragraph's text from its lines (`texts[i]` printed on source line `numbers[i]`),
    /// joined as `join` does, remembering where each line starts.
    static func paragraphText(_ texts: [Substring], numbers: [Int]) -> InlineText {
        var starts: [InlineText.LineStart] = []
        let text = join(texts, numbers: numbers, lineStarts: &starts)
        if ByteSearch.contains(Substring(text), "[["), let withComments = withComments(text, lineStarts: starts) { return withComments }
        return InlineText(plain: text, lineStarts: starts)
    }

    /// Editors' comments as xml2rfc 2 prints a `<cref>` in running text: "[[anchor1:
    /// whitespace between field-name and colon is an error and MUST NOT be accepted]]"
    /// (draft-ietf-httpbis-p1-messaging-05), "[[TODO-not-here: This paragraph does not
    /// belong here. --roy]]": a label before a colon, the comment, no bracket pair inside.
    /// Each becomes an invisible span as the XML reader's `<cref>` is (its text the
    /// comment, out of the running text); the line starts move with the text. Nil when
    /// the text holds none.
    static func withComments(_ text: String, lineStarts: [InlineText.LineStart]) -> InlineText? {
        let u = Array(text.utf8)
        var comments: [(range: Range<Int>, comment: String)] = []
        var i = 0
        // The next "]]", found once and kept while openings come before it: each byte is
        // looked at a bounded number of times ("[[a: [[a: [[a: ..." is no quadratic scan).
        var close = -1
        while i + 1 < u.count {
            // Two brackets, not three ("[[[NOTE: THIS STATEMENT NEEDS TO BE CHECKED]]]",
            // draft-ietf-idn-nameprep-00, is the author's own mark).
            guard u[i] == 0x5B, u[i + 1] == 0x5B, i == 0 || u[i - 1] != 0x5B, hasLabel(u[(i + 2)...]) else { i += 1; continue }
            if close < i + 2 {
                close = i + 2
                while close + 1 < u.count, !(u[close] == 0x5D && u[close + 1] == 0x5D) { close += 1 }
            }
            guard close + 1 < u.count else { break }
            guard let comment = commentText(u[(i + 2)..<close]) else { i += 2; continue }
            // The space xml2rfc set before the comment goes with it, unless the text after it
            // runs on with no space of its own ("padata. [[anchor4: ...]]Typically").
            var start = i
            let after = close + 2 < u.count ? u[close + 2] : 0x20
            if start > 0, u[start - 1] == 0x20, after == 0x20 || ".,;:)]".utf8.contains(after) { start -= 1 }
            comments.append((start..<(close + 2), comment))
            i = close + 2
        }
        guard !comments.isEmpty else { return nil }
        var spans: [Span] = []
        var at = 0
        for c in comments {
            if c.range.lowerBound > at { spans.append(Span(String(decoding: u[at..<c.range.lowerBound], as: UTF8.self))) }
            spans.append(Span(c.comment, kind: .invisible("cref:")))
            at = c.range.upperBound
        }
        if at < u.count { spans.append(Span(String(decoding: u[at...], as: UTF8.self))) }
        // Offsets in the visible text: less what the comments before took; a line that
        // starts inside a comment starts where the comment stood.
        // Both in order: one pass, the comments wholly before a line start summed as it goes
        // (a line start for every comment was quadratic walked comment by comment).
        var content = InlineText(spans)
        var before = 0, removedBefore = 0
        content.lineStarts = lineStarts.map { start in
            while before < comments.count, comments[before].range.upperBound <= start.offset {
                removedBefore += comments[before].range.count
                before += 1
            }
            var removed = removedBefore
            if before < comments.count, comments[before].range.lowerBound < start.offset {
                removed += start.offset - comments[before].range.lowerBound
            }
            return InlineText.LineStart(offset: start.offset - removed, line: start.line)
        }
        return content
    }

    /// A comment's label at the start of `text`: up to 48 letters, digits, spaces, hyphens
    /// or underscores, then a colon and a space ("anchor1: ", "TODO-not-here: "). Not
    /// notation: "[[ ]]", "[[N(HTTP_CERT_LOOKUP_SUPPORTED)], CERTREQ+]".
    private static func hasLabel(_ text: ArraySlice<UInt8>) -> Bool {
        func isLabelByte(_ b: UInt8) -> Bool {
            (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x20 || b == 0x2D || b == 0x5F
        }
        var letters = 0
        for (n, b) in text.prefix(50).enumerated() {
            if b == 0x3A { return letters > 0 && n + 1 < text.count && text[text.startIndex + n + 1] == 0x20 }
            guard n < 48, isLabelByte(b) else { return false }
            if b != 0x20 { letters += 1 }
        }
        return false
    }

    /// The comment inside "[[" and "]]" after its label, which `hasLabel` found: the label
    /// holds no bracket, so its colon is the first and comes before the "]]".
    private static func commentText(_ inner: ArraySlice<UInt8>) -> String? {
        guard let colon = inner.firstIndex(of: 0x3A) else { return nil }
        let body = inner[(colon + 1)...].drop(while: { $0 == 0x20 })
        return String(decoding: body, as: UTF8.self)
    }

    private static func join<S: Sequence>(_ lines: S, numbers: [Int]?, lineStarts: inout [InlineText.LineStart]) -> String where S.Element == Substring {
        var out = ""
        // The last two bytes of `out`, kept aside: a view of `out` held while appending to
        // it makes every append copy the whole string (64k lines took 12 s).
        var last: UInt8 = 0, beforeLast: UInt8 = 0
        for (i, line) in lines.enumerated() {
            if !out.isEmpty {
                let afterWord = (beforeLast >= 0x30 && beforeLast <= 0x39) || (beforeLast | 0x20 >= 0x61 && beforeLast | 0x20 <= 0x7A)
                // A hyphen after a bracket or a quote too: xml2rfc breaks "ESP[-NULL]",
                // "2^(32)-1" and "('index'-M)" after the hyphen (RFC 9099, RFC 9106,
                // draft-ietf-codec-oggopus).
                let afterBracket = "()[]'\"".utf8.contains(beforeLast)
                let endsHyphenated = out.utf8.count >= 2
                    && ((last == UInt8(ascii: "-") && (afterWord || afterBracket)) || (last == UInt8(ascii: "/") && afterWord))
                if !endsHyphenated { out.append(" "); beforeLast = last; last = 0x20 }
            }
            if let numbers, i < numbers.count, !line.isEmpty { lineStarts.append(.init(offset: out.utf8.count, line: numbers[i])) }
            out.append(contentsOf: line)
            var tail = line.utf8.suffix(2).makeIterator()
            switch line.utf8.count {
            case 0: break
            case 1: beforeLast = last; last = tail.next()!
            default: beforeLast = tail.next()!; last = tail.next()!
            }
        }
        return out
    }

    /// Box drawing, bit rulers and arrows that prose does not have (one bar inside a line is
    /// an operator: "0x80 | flags").
    static func hasArt(_ s: Substring) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(hasArt) ?? Array(s.utf8).withUnsafeBufferPointer(hasArt)
    }

    static func hasArt(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var dashes = 0
        var bars = 0, operators = 0
        var magnitudeAtEnd = false
        var parentheses = 0
        var i = 0
        while i < u.count {
            let b = u[i]
            i += 1
            switch b {
            case UInt8(ascii: "|"):
                // A length or an absolute value in bars is mathematics ("0 < |A| + |P| <
                // 2^{n/2}", RFC 9058 4.1).
                if let end = magnitudeEnd(u, at: i - 1) {
                    i = end
                    magnitudeAtEnd = end == u.count
                    dashes = 0
                    previous = b
                    continue
                }
                // "||" inside a line is concatenation, an operator of prose as one bar is
                // ("(packet_length || padding_length || payload)", RFC 4253 6).
                if previous != 0, i < u.count, u[i] == b, i + 1 == u.count || u[i + 1] != b {
                    i += 1
                    dashes = 0
                    previous = b
                    continue
                }
                // So is a bar in parentheses glued to names on both sides, as an
                // expression's concatenation is ("H((Router_A|Router_B)|content_name)", RFC
                // 9344 5.6); a line of bit fields opens with a bar, and "a|b|c" is a row.
                if parentheses > 0, isGluedBar(u, at: i - 1) {
                    dashes = 0
                    previous = b
                    continue
                }
                // So is one bar between single spaces, a word on each side ("{"header" |
                // encrypt(plaintext-data | filler | "header")}", RFC 4121 4.2.4), or at the
                // line's end after a word ("of the format "1" |", RFC 4186 4.2.1.6).
                if isOperatorBar(u, at: i - 1) {
                    operators += 1
                    if bars >= 1 { return true }
                    dashes = 0
                    previous = b
                    continue
                }
                bars += 1
                // Operators and another bar on one line: a row's edges after all.
                if bars >= 2 || previous == 0 || operators >= 1 { return true }
                dashes = 0
            case UInt8(ascii: "+"):
                if previous == UInt8(ascii: "-") { return true }
                dashes = 0
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "*"):
                let hyphen = b == UInt8(ascii: "-")
                if hyphen, previous == UInt8(ascii: "+") { return true }
                dashes = hyphen || previous == b ? dashes + 1 : 1
                // A rule: four hyphens, or three of another, unless quoted as a literal.
                if dashes >= (hyphen ? 4 : 3) {
                    guard let end = quotedRunEnd(u, at: i - 1) else { return true }
                    i = end
                    dashes = 0
                    previous = u[end - 1]
                    continue
                }
            case UInt8(ascii: "("):
                parentheses += 1
                dashes = 0
            case UInt8(ascii: ")"):
                parentheses = max(0, parentheses - 1)
                dashes = 0
            default:
                dashes = 0
            }
            previous = b
        }
        return u.last == UInt8(ascii: "|") && !magnitudeAtEnd && !(u.count >= 2 && u[u.count - 2] == UInt8(ascii: "|")) && !isOperatorBar(u, at: u.count - 1)
    }

    /// Past the closing bar when the bar at `k` opens a length or an absolute value: after
    /// a space or an opening parenthesis inside the line, one name of up to 16 letters,
    /// digits and "_" (never at a line's start, as a bit field's "|R|" is), then the bar, then
    /// a space, closing punctuation or the line's end; or nil.
    private static func magnitudeEnd(_ u: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        guard k >= 1, u[k - 1] == 0x20 || u[k - 1] == UInt8(ascii: "("), k < 2 || u[k - 2] != UInt8(ascii: "|") else { return nil }
        var end = k + 1
        while end < u.count, end - k <= 17, isASCIIAlphanumeric(u[end]) || u[end] == UInt8(ascii: "_") { end += 1 }
        guard end > k + 1, end - k <= 17, end < u.count, u[end] == UInt8(ascii: "|") else { return nil }
        end += 1
        guard end == u.count || " ),.;:".utf8.contains(u[end]) else { return nil }
        return end
    }

    /// The end of the run of one character through `k` when quotes enclose it, as a literal
    /// in prose is ("a base 64 string terminated with \"===\"", RFC 4648 3.3), or
    /// parentheses, as a footnote's mark is ("rights\"(***) is granted", RFC 4314 5.2); or
    /// nil.
    private static func quotedRunEnd(_ u: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        let c = u[k]
        var start = k, end = k + 1
        while start > 0, u[start - 1] == c { start -= 1 }
        while end < u.count, u[end] == c { end += 1 }
        let quote = { (b: UInt8) in b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") }
        let letter = { (b: UInt8) in (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        guard end < u.count else { return nil }
        // A marker opening the line, its opening quote at the end of the line above: closed
        // on this line by a run as long, then the quote ("-----END ENCODED SMD-----\".  Only
        // data inside ...", RFC 9361 6.4). A marker alone on its line is a figure's.
        if start == 0 {
            guard letter(u[end]) else { return nil }
            var j = end
            while j < u.count, letter(u[j]) || u[j] == 0x20 || (u[j] >= 0x30 && u[j] <= 0x39) { j += 1 }
            var close = j
            while close < u.count, u[close] == c { close += 1 }
            return close - j == end - start && close < u.count && quote(u[close]) ? close : nil
        }
        let open = u[start - 1], close = u[end]
        // A PEM-style marker quoted whole: "-----BEGIN ACME RESPONSE-----" (RFC 8823 3.2).
        let quoted = (quote(open) && close == open) || (quote(open) && letter(close)) || (letter(open) && quote(close))
        let marked = c == UInt8(ascii: "*") && open == UInt8(ascii: "(") && close == UInt8(ascii: ")")
        return quoted || marked ? end : nil
    }

    /// A bar inside a line that does not open with one, a name or ")" before it and a name
    /// or "(" after it.
    private static func isGluedBar(_ u: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        guard k >= 1, k + 1 < u.count, u[0] != UInt8(ascii: "|") else { return false }
        let name = { (b: UInt8) in isASCIIAlphanumeric(b) || b == UInt8(ascii: "_") }
        return (name(u[k - 1]) || u[k - 1] == UInt8(ascii: ")")) && (name(u[k + 1]) || u[k + 1] == UInt8(ascii: "("))
    }

    /// A bar with one space before it after a word, and one space after it before a word or
    /// nothing: an operator of prose, not the wall of a box or a column's edge.
    private static func isOperatorBar(_ u: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let space = UInt8(ascii: " ")
        guard k >= 2, u[k - 1] == space, u[k - 2] != space, u[k - 2] != UInt8(ascii: "|"), u[0] != UInt8(ascii: "|") else { return false }
        if k + 1 == u.count { return true }
        return k + 2 < u.count && u[k + 1] == space && u[k + 2] != space && u[k + 2] != UInt8(ascii: "|")
    }

    /// "-->" or "<--" laid out as in IKE message flows: at the start or end of the line, or
    /// apart from the text by two spaces or more ("HDR, SAi1  -->", "<--  HDR, SAr1",
    /// "request   --> IDi"). Prose writes an arrow between single spaces ("header --> SRC
    /// port", RFC 2401).
    static func hasFlowArrow(_ s: Substring) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(hasFlowArrow) ?? Array(s.utf8).withUnsafeBufferPointer(hasFlowArrow)
    }

    static func hasFlowArrow(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count >= 3 else { return false }
        let space = UInt8(ascii: " ")
        for i in 0...(u.count - 3) where u[i + 1] == UInt8(ascii: "-") {
            let arrow = (u[i] == UInt8(ascii: "-") && u[i + 2] == UInt8(ascii: ">")) || (u[i] == UInt8(ascii: "<") && u[i + 2] == UInt8(ascii: "-"))
            guard arrow else { continue }
            let end = i + 3
            let atStart = i == 0, atEnd = end == u.count
            guard (atStart || u[i - 1] == space) && (atEnd || u[end] == space) else { continue }
            let gapBefore = i >= 2 && u[i - 2] == space
            let gapAfter = end + 1 < u.count && u[end + 1] == space
            if atStart || atEnd || gapBefore || gapAfter { return true }
        }
        return false
    }

    /// Three or more spaces inside a line: columns, not prose. Exactly three after a
    /// sentence's end are a typist's extra space ("to LCUP clients.   For cookie schemes",
    /// RFC 3928; RFC 768 and RFC 791 throughout); columns after a dot are wider (zone data:
    /// "10.IN-ADDR.ARPA.           PTR").
    static func hasWideGap(_ s: Substring) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(hasWideGap) ?? Array(s.utf8).withUnsafeBufferPointer(hasWideGap)
    }

    static func hasWideGap(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var before: UInt8 = 0
        for b in u {
            if b == 0x20 {
                run += 1
            } else {
                let sentenceEnd = before == UInt8(ascii: ".") || before == UInt8(ascii: "?") || before == UInt8(ascii: "!")
                if run > 3 || (run == 3 && !sentenceEnd) { return true }
                run = 0
                before = b
            }
        }
        return run >= 3
    }

    /// "Figure 3: Title" (or "Table 1"), centred under art.
    static func caption(_ chunk: Chunk) -> String? {
        let text = join(chunk.lines.map(\.content))
        for word in ["Figure ", "Table "] where text.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            let number = rest.prefix(while: { $0.isNumber })
            guard !number.isEmpty else { return nil }
            let after = rest.dropFirst(number.count)
            if after.isEmpty { return text }
            guard after.hasPrefix(":") || after.hasPrefix(".") else { return nil }
            return text
        }
        return nil
    }
}
