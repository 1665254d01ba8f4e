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

    /// A run of lines between blank lines (page breaks joined where the text goes on).
    struct Chunk {
        var lines: [TextLine]
        var indent: Int { lines[0].indent }
    }

    // MARK: Chunks

    func chunks(_ lines: ArraySlice<TextLine>) -> [Chunk] {
        var out: [Chunk] = []
        var current: [TextLine] = []
        var pageBreak: TextLine?
        for line in lines {
            switch line.kind {
            case .blank:
                if !current.isEmpty { out.append(Chunk(lines: current)); current = [] }
                pageBreak = nil
            case .pageBreak:
                pageBreak = line
            case .text:
                if let pageBreak, let previous = current.last, !continuesAcrossPage(previous, line, chunk: current, padding: pageBreak.padding) {
                    out.append(Chunk(lines: current))
                    current = []
                }
                pageBreak = nil
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(Chunk(lines: current)) }
        return out
    }

    /// A page break inside a block, judged from the text around it:
    /// - running text is filled to the document's width, so had the next page's first word
    ///   fitted on the last line above the break, the block ended there;
    /// - otherwise a line that does not end a sentence, or a next page that starts in
    ///   lower case, goes on;
    /// - a sentence ending above the break and a capital below: the block ended if the page
    ///   was cut short (more bottom padding than a full page has), else it goes on.
    /// The indentation must continue the block: the same as the last line, or the hanging
    /// indentation under a one-line list item or term.
    private func continuesAcrossPage(_ previous: TextLine, _ next: TextLine, chunk: [TextLine], padding: Int) -> Bool {
        let chunkIsArt = chunk.contains { Self.hasArt($0.content) }
        if chunkIsArt { return Self.hasArt(next.content) || next.indent > bodyIndent }
        if chunk.count == 1 {
            let first = chunk[0]
            let hangs = Self.listMarker(first.content) != nil || Self.termGap(first.content) != nil
            guard next.indent == first.indent || (hangs && next.indent > first.indent && next.indent <= first.indent + 12) else { return false }
        } else {
            guard next.indent == previous.indent else { return false }
        }
        if next.indent == chunk[0].indent, Self.listMarker(next.content) != nil { return false }
        let firstWord = next.content.prefix(while: { $0 != " " }).count
        if previous.raw.count + 1 + firstWord <= fillWidth { return false }
        let last = previous.content.last ?? " "
        guard ".:!?\")]".contains(last) else { return true }
        if next.content.first?.isLowercase ?? false { return true }
        return padding <= fullPagePadding
    }

    // MARK: Blocks

    /// Builds the blocks of a body; `references` reads "[ANCHOR] ..." chunks as entries.
    func blocks(_ lines: ArraySlice<TextLine>, references: Bool) -> [Block] {
        let chunks = chunks(lines)
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
                replaceLast(.block(.figure(figure)), top: &top, open: open)
                continue
            }
            while let list = open.last, indent < list.indent { open.removeLast() }
            // Message flows ("HDR, SK {...}  -->", "<--  HDR, ...") are diagrams, whatever
            // their layout: an arrow's gap would otherwise read as a hanging term.
            let isFlow = chunk.lines.contains(where: { Self.hasFlowArrow($0.content) })
            let items = isFlow ? nil : listItems(chunk)
            if let items, let family = items.family {
                if let list = open.last, list.indent == indent {
                    if list.family == family {
                        list.items.append(contentsOf: items.items)
                        continue
                    }
                    open.removeLast()
                }
                let node = ListNode(family: family, indent: indent, items: items.items, location: items.items[0].location)
                if let parent = open.last, indent > parent.indent, let item = parent.items.last {
                    item.blocks.append(.list(node))
                } else {
                    open.removeAll()
                    appendTop(.list(node))
                }
                open.append(node)
                continue
            }
            let block = isFlow ? figure(chunk) : Self.isBlockquote(chunk) ? blockquote(chunk) : plainBlock(chunk)
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

    // MARK: Paragraphs, quotes and figures

    /// xml2rfc v3 prints `<blockquote>` with a bar: "|  quoted text".
    static func isBlockquote(_ chunk: Chunk) -> Bool {
        chunk.lines.allSatisfy { line in
            line.content.first == "|" && (line.content.count == 1 || line.content.dropFirst().first == " ")
        } && chunk.lines.contains { $0.content.count > 3 }
    }

    /// The quote's paragraphs (separated by bar-only lines), bars and their spaces taken off.
    private func blockquote(_ chunk: Chunk) -> Block {
        var blocks: [Block] = []
        var current: [TextLine] = []
        func flush() {
            guard let first = current.first else { return }
            let texts = current.map { $0.content.dropFirst().drop(while: { $0 == " " }) }
            blocks.append(.paragraph(Paragraph(content: Self.paragraphText(texts, numbers: current.map(\.number)), location: SourceLocation(file: path, line: first.number, column: first.indent + 1))))
            current = []
        }
        for line in chunk.lines {
            if line.content.count == 1 { flush() } else { current.append(line) }
        }
        flush()
        return .blockquote(Container(blocks: blocks, location: SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1)))
    }

    /// A chunk that is not a list: prose becomes a paragraph, anything laid out becomes a figure.
    private func plainBlock(_ chunk: Chunk) -> Block {
        if isFigure(chunk) { return figure(chunk) }
        let location = SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1)
        return .paragraph(Paragraph(content: Self.paragraphText(chunk.lines.map(\.content), numbers: chunk.lines.map(\.number)), location: location))
    }

    private func figure(_ chunk: Chunk) -> Block {
        .figure(Figure(kind: .textArt, verbatim: verbatim(chunk.lines),
                       location: SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1)))
    }

    /// Prose has one indentation (a first line may hang out) and no drawing characters.
    private func isFigure(_ chunk: Chunk) -> Bool {
        let lines = chunk.lines
        if lines.contains(where: { Self.hasArt($0.content) || Self.hasWideGap($0.content) }) { return true }
        guard lines.count > 1 else { return false }
        let rest = lines.dropFirst()
        let restIndent = rest.first!.indent
        if rest.contains(where: { $0.indent != restIndent }) { return true }
        // Code: short lines ending in braces or semicolons.
        let codeLike = lines.filter { l in
            let last = l.content.utf8.last
            return last == UInt8(ascii: "{") || last == UInt8(ascii: "}") || last == UInt8(ascii: ";")
        }.count
        return codeLike * 2 >= lines.count
    }

    /// Lines as printed, with the document's paragraph indentation taken off.
    private func verbatim(_ lines: [TextLine]) -> String {
        let strip = min(bodyIndent, lines.map(\.indent).min() ?? 0)
        return lines.map { String($0.raw.dropFirst(strip)) }.joined(separator: "\n")
    }

    /// Lines of running text joined with single spaces; a line ending in a hyphen or slash
    /// after a letter or digit joins the next directly ("Selector-" + "initiator",
    /// "Send/" + "Receive"): xml2rfc breaks lines after both.
    static func join<S: Sequence>(_ lines: S) -> String where S.Element == Substring {
        var ignored: [InlineText.LineStart] = []
        return join(lines, numbers: nil, lineStarts: &ignored)
    }

    /// A paragraph's text from its lines (`texts[i]` printed on source line `numbers[i]`),
    /// joined as `join` does, remembering where each line starts.
    static func paragraphText(_ texts: [Substring], numbers: [Int]) -> InlineText {
        var starts: [InlineText.LineStart] = []
        let text = join(texts, numbers: numbers, lineStarts: &starts)
        return InlineText(plain: text, lineStarts: starts)
    }

    private static func join<S: Sequence>(_ lines: S, numbers: [Int]?, lineStarts: inout [InlineText.LineStart]) -> String where S.Element == Substring {
        var out = ""
        for (i, line) in lines.enumerated() {
            if !out.isEmpty {
                let u = out.utf8
                let endsHyphenated = (u.last == UInt8(ascii: "-") || u.last == UInt8(ascii: "/")) && u.count >= 2 && {
                    let before = u[u.index(u.endIndex, offsetBy: -2)]
                    return (before >= 0x30 && before <= 0x39) || (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A)
                }()
                if !endsHyphenated { out.append(" ") }
            }
            if let numbers, i < numbers.count, !line.isEmpty { lineStarts.append(.init(offset: out.utf8.count, line: numbers[i])) }
            out.append(contentsOf: line)
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
        var bars = 0
        for b in u {
            switch b {
            case UInt8(ascii: "|"):
                bars += 1
                if bars >= 2 || previous == 0 { return true }
                dashes = 0
            case UInt8(ascii: "+"):
                if previous == UInt8(ascii: "-") { return true }
                dashes = 0
            case UInt8(ascii: "-"):
                if previous == UInt8(ascii: "+") { return true }
                dashes += 1
                if dashes >= 4 { return true }
            case UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "*"):
                if previous == b { dashes += 1; if dashes >= 3 { return true } } else { dashes = 1 }
            default:
                dashes = 0
            }
            previous = b
        }
        return u.last == UInt8(ascii: "|")
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

    /// Three or more spaces inside a line: columns, not prose.
    static func hasWideGap(_ s: Substring) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(hasWideGap) ?? Array(s.utf8).withUnsafeBufferPointer(hasWideGap)
    }

    static func hasWideGap(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for b in u {
            if b == 0x20 { run += 1; if run >= 3 { return true } } else { run = 0 }
        }
        return false
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

    // MARK: Lists

    enum Family: Hashable { case bullet(Character), number(Character), parenthesised, letter(Character), hanging }

    /// The marker a list item starts with and where its text begins (in columns from the
    /// start of `content`).
    static func listMarker(_ content: Substring) -> (marker: Substring, family: Family, textColumn: Int)? {
        let u = Array(content.utf8.prefix(8))
        guard let first = u.first else { return nil }
        var markerLength = 0
        var family: Family
        switch first {
        case UInt8(ascii: "o"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            markerLength = 1
            family = .bullet(Character(UnicodeScalar(first)))
        case UInt8(ascii: "("):
            var i = 1
            while i < u.count, i <= 4, (TextHeadings.isDigit(u[i]) || (u[i] >= 0x61 && u[i] <= 0x7A) || TextHeadings.isUpper(u[i])) { i += 1 }
            guard i > 1, i < u.count, u[i] == UInt8(ascii: ")") else { return nil }
            markerLength = i + 1
            family = .parenthesised
        case _ where TextHeadings.isDigit(first):
            var i = 0
            while i < u.count, TextHeadings.isDigit(u[i]) { i += 1 }
            guard i <= 3, i < u.count, u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: ")") else { return nil }
            markerLength = i + 1
            family = .number(Character(UnicodeScalar(u[i])))
        case _ where first >= 0x61 && first <= 0x7A:
            guard u.count > 1, u[1] == UInt8(ascii: ".") || u[1] == UInt8(ascii: ")") else { return nil }
            markerLength = 2
            family = .letter(Character(UnicodeScalar(u[1])))
        default:
            if content.hasPrefix("\u{2022}") {
                // "•" is three bytes in UTF-8.
                let rest = content.dropFirst()
                let spaces = rest.prefix(while: { $0 == " " }).count
                guard spaces >= 1, rest.count > spaces else { return nil }
                return (content.prefix(1), .bullet("\u{2022}"), 1 + spaces)
            }
            return nil
        }
        var spaces = 0
        while markerLength + spaces < u.count, u[markerLength + spaces] == 0x20 { spaces += 1 }
        guard spaces >= 1, markerLength + spaces < u.count else { return nil }
        return (content.prefix(markerLength), family, markerLength + spaces)
    }

    /// The items of a chunk that is a list (several items when the list is compact), or nil.
    private func listItems(_ chunk: Chunk) -> (items: [ItemNode], family: Family?)? {
        let lines = chunk.lines
        let indent = chunk.indent
        if let (marker, family, column) = Self.listMarker(lines[0].content) {
            var items: [ItemNode] = []
            var current: [TextLine] = []
            var currentMarker = marker
            var currentColumn = column
            func finish() {
                guard let first = current.first else { return }
                let texts = [first.content.dropFirst(currentColumn)] + current.dropFirst().map(\.content)
                let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
                let body = bodyBlocks(texts: texts, lines: current, location: location, skip: currentColumn)
                items.append(ItemNode(marker: String(currentMarker), term: nil, blocks: body, location: location))
                current = []
            }
            for line in lines {
                if line.indent == indent, let m = Self.listMarker(line.content), m.family == family, !current.isEmpty {
                    finish()
                    currentMarker = m.marker
                    currentColumn = m.textColumn
                } else if line.indent <= indent, !current.isEmpty {
                    // A flush line that is not an item: not a list after all.
                    return nil
                }
                current.append(line)
            }
            finish()
            return (items, family)
        }
        // Hanging: a term, then the definition indented under it.
        if lines.count == 1 {
            // "Term:  definition" on one line.
            let line = lines[0]
            guard let gap = Self.termGap(line.content), !".!?".contains(line.content[line.content.index(before: gap.termEnd)]) else { return nil }
            let location = SourceLocation(file: path, line: line.number, column: line.indent + 1)
            let item = ItemNode(marker: nil, term: InlineText(plain: String(line.content[..<gap.termEnd])),
                                blocks: [.block(.paragraph(Paragraph(content: Self.paragraphText([line.content[gap.textStart...]], numbers: [line.number]), location: location)))],
                                location: location)
            return ([item], .hanging)
        }
        let rest = lines.dropFirst()
        let hang = rest.first!.indent
        guard hang > indent, rest.allSatisfy({ $0.indent == hang }), !lines.contains(where: { Self.hasArt($0.content) }) else { return nil }
        let first = lines[0]
        let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
        if let gap = Self.termGap(first.content, width: 64) {
            let term = first.content[..<gap.termEnd]
            let texts = [first.content[gap.textStart...]] + rest.map(\.content)
            let item = ItemNode(marker: nil, term: InlineText(plain: String(term)),
                                blocks: [.block(.paragraph(Paragraph(content: Self.paragraphText(texts, numbers: lines.map(\.number)), location: location)))],
                                location: location)
            return ([item], .hanging)
        }
        if first.content.utf8.count <= 48, !".,;".contains(first.content.last ?? ".") {
            let body = Paragraph(content: Self.paragraphText(rest.map(\.content), numbers: rest.map(\.number)),
                                 location: SourceLocation(file: path, line: rest.first!.number, column: hang + 1))
            let item = ItemNode(marker: nil, term: InlineText(plain: String(first.content)), blocks: [.block(.paragraph(body))], location: location)
            return ([item], .hanging)
        }
        return nil
    }

    /// The paragraph of a list item (figures when the item holds art).
    private func bodyBlocks(texts: [Substring], lines: [TextLine], location: SourceLocation, skip: Int) -> [Node] {
        if lines.dropFirst().contains(where: { Self.hasArt($0.content) || Self.hasWideGap($0.content) }) {
            return [.block(.figure(Figure(kind: .textArt, verbatim: verbatim(lines), location: location)))]
        }
        return [.block(.paragraph(Paragraph(content: Self.paragraphText(texts, numbers: lines.map(\.number)), location: location)))]
    }

    /// "Term:  definition": a term of at most `width` columns, then two or more spaces.
    static func termGap(_ content: Substring, width: Int = 40) -> (termEnd: Substring.Index, textStart: Substring.Index)? {
        var run = 0
        var index = content.startIndex
        var runStart = index
        var columns = 0
        while index < content.endIndex, columns <= width {
            if content[index] == " " {
                if run == 0 { runStart = index }
                run += 1
            } else {
                if run >= 2, columns - run > 0 { return (runStart, index) }
                run = 0
            }
            index = content.index(after: index)
            columns += 1
        }
        return nil
    }

    // MARK: References

    /// "[ANCHOR]  Author, "Title", RFC 1234, Month Year." as a reference entry.
    private func reference(_ chunk: Chunk) -> Reference? {
        let first = chunk.lines[0].content
        guard first.hasPrefix("["), let close = first.firstIndex(of: "]") else { return nil }
        let anchor = first[first.index(after: first.startIndex)..<close]
        guard !anchor.isEmpty, !anchor.contains(" ") || anchor.count < 20 else { return nil }
        let firstRest = first[first.index(after: close)...].drop(while: { $0 == " " })
        let text = Self.join(([firstRest] + chunk.lines.dropFirst().map(\.content)).filter { !$0.isEmpty })
        return Self.reference(anchor: String(anchor), text: text, location: SourceLocation(file: path, line: chunk.lines[0].number, column: chunk.indent + 1))
    }

    private func extend(_ entry: Reference, with chunk: Chunk) -> Reference {
        let text = Self.join(chunk.lines.map(\.content))
        var out = entry
        if out.title == nil { out.title = Self.quotedTitle(text) }
        out.seriesInfo += Self.seriesInfo(text)
        if out.target == nil { out.target = Self.target(text) }
        return out
    }

    static func reference(anchor: String, text: String, location: SourceLocation) -> Reference {
        Reference(anchor: anchor, title: quotedTitle(text), seriesInfo: seriesInfo(text), target: target(text), location: location)
    }

    /// The first "quoted" stretch: where RFC Editor style puts the title. Straight or curly
    /// quotes (U+201C ... U+201D); the scan is over UTF-8 bytes, all of whose cut points are
    /// ASCII or whole quote characters.
    static func quotedTitle(_ text: String) -> String? {
        let u = text.utf8
        func quote(at i: String.Index, closing: Bool) -> Int {
            if u[i] == UInt8(ascii: "\"") { return 1 }
            // U+201C is E2 80 9C, U+201D is E2 80 9D.
            guard u[i] == 0xE2, let j = u.index(i, offsetBy: 2, limitedBy: u.index(before: u.endIndex)),
                  u[u.index(after: i)] == 0x80, u[j] == (closing ? 0x9D : 0x9C) else { return 0 }
            return 3
        }
        var i = u.startIndex
        while i < u.endIndex {
            let width = quote(at: i, closing: false)
            if width > 0 {
                let start = u.index(i, offsetBy: width)
                var k = start
                while k < u.endIndex {
                    if quote(at: k, closing: true) > 0 {
                        var title = text[start..<k]
                        if title.utf8.last == UInt8(ascii: ",") { title = title.dropLast() }
                        return String(title)
                    }
                    k = u.index(after: k)
                }
                return nil
            }
            i = u.index(after: i)
        }
        return nil
    }

    /// "RFC 5116", "BCP 14", "STD 79", "DOI 10.17487/RFC5116", draft names.
    static func seriesInfo(_ text: String) -> [String] {
        var out: [String] = []
        let words = text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
        for (i, word) in words.enumerated() {
            let w = word.trimmingTrailingPunctuation
            if w == "RFC" || w == "BCP" || w == "STD" || w == "FYI" || w == "DOI", i + 1 < words.count {
                let value = words[i + 1].trimmingTrailingPunctuation
                if w == "DOI" ? !value.isEmpty : !value.isEmpty && value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    out.append("\(w) \(value)")
                }
            } else if w.utf8.starts(with: "draft-".utf8) {
                out.append(String(w.hasSuffix(".txt") ? w.dropLast(4) : w))
            }
        }
        return out
    }

    /// The URI in angle brackets.
    static func target(_ text: String) -> String? {
        let u = text.utf8
        guard let open = u.firstIndex(of: UInt8(ascii: "<")), let close = u[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let uri = text[u.index(after: open)..<close].filter { $0 != " " }
        return uri.contains(":") ? String(uri) : nil
    }
}

extension Substring {
    fileprivate var trimmingTrailingPunctuation: Substring {
        var s = self
        while let last = s.utf8.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: ";")
                || last == UInt8(ascii: ":") || last == UInt8(ascii: ")") { s = s.dropLast() }
        while s.utf8.first == UInt8(ascii: "(") { s = s.dropFirst() }
        return s
    }
}

// Mutable tree used while lists are open; turned into the value model at the end.
private final class ListNode {
    let family: TextBlockBuilder.Family
    let indent: Int
    var items: [ItemNode]
    let location: SourceLocation

    init(family: TextBlockBuilder.Family, indent: Int, items: [ItemNode], location: SourceLocation) {
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

private final class ItemNode {
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

    func item() -> ListItem {
        ListItem(marker: marker, term: term, blocks: blocks.map { $0.block() }, location: location)
    }
}

private enum Node {
    case block(Block)
    case list(ListNode)

    func block() -> Block {
        switch self {
        case .block(let b): b
        case .list(let l): l.block()
        }
    }
}
