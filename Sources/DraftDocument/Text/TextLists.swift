/// Lists: markers ("o", "*", "-", "1.", "(a)"), hanging terms, and the items' bodies.
extension TextBlockBuilder {
    enum Family: Hashable { case bullet(Character), number(Character), parenthesised, letter(Character), hanging }

    /// The marker a list item starts with and where its text begins (in columns from the
    /// start of `content`).
    static func listMarker(_ content: Substring) -> (marker: Substring, family: Family, textColumn: Int)? {
        guard let first = content.utf8.first else { return nil }
        if first == 0xE2 {
            guard content.hasPrefix("\u{2022}") else { return nil }
            // "•" is three bytes in UTF-8.
            let rest = content.dropFirst()
            let spaces = rest.prefix(while: { $0 == " " }).count
            guard spaces >= 1, rest.count > spaces else { return nil }
            return (content.prefix(1), .bullet("\u{2022}"), 1 + spaces)
        }
        // Read in place: this runs on most lines of a text document, several times.
        let shape = content.utf8.withContiguousStorageIfAvailable { markerShape(UnsafeBufferPointer(rebasing: $0.prefix(8))) }
            ?? Array(content.utf8.prefix(8)).withUnsafeBufferPointer { markerShape($0) }
        guard let (length, family, column) = shape else { return nil }
        return (content.prefix(length), family, column)
    }

    /// A number or parenthesised marker xml2rfc set against its text, the marker as wide as
    /// the list's hang ("10.At any point, the server MAY ...", RFC 8656 7.2; "(a)A
    /// subscription should ...", RFC 8765 6.1): a capital right after it, and the next line
    /// hanging at the column the text starts in. Read as a paragraph, the statement began
    /// "10.At".
    static func gluedMarker(_ lines: [TextLine]) -> (marker: Substring, family: Family, textColumn: Int)? {
        guard lines.count >= 2, lines[1].isText else { return nil }
        let content = lines[0].content
        let bytes = Array(content.utf8.prefix(8))
        guard let (length, family, column) = bytes.withUnsafeBufferPointer({ markerShape($0, glued: true) }), column == length,
              lines[1].indent == lines[0].indent + length else { return nil }
        switch family {
        case .number, .parenthesised: return (content.prefix(length), family, length)
        default: return nil
        }
    }

    /// What a parenthesised marker holds: a number, one letter, or a roman numeral ("(a)",
    /// "(12)", "(iv)"). An acronym in parentheses opening a wrapped line is no marker:
    /// "(ACH) [RFC4385] together with ..." over "(GAL) [RFC5586] MAY be used ...", RFC 8964
    /// 5, read as a list and cut the sentence in two.
    private static func isParenthesisedLabel(_ label: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if label.allSatisfy(TextHeadings.isDigit) || label.count == 1 { return true }
        func isRoman(_ b: UInt8) -> Bool { b == 0x69 || b == 0x76 || b == 0x78 || b == 0x6C || b == 0x63 } // i v x l c
        return label.allSatisfy(isRoman) || label.allSatisfy { TextHeadings.isUpper($0) && isRoman($0 | 0x20) }
    }

    /// An ASCII marker at the start of `u` (a line's first bytes): its length, family and
    /// the column its text starts at. `glued`: a marker with a capital letter right after
    /// it, no space between, is one too (its text starts at once).
    private static func markerShape(_ u: UnsafeBufferPointer<UInt8>, glued: Bool = false) -> (length: Int, family: Family, textColumn: Int)? {
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
            guard i > 1, i < u.count, u[i] == UInt8(ascii: ")"), isParenthesisedLabel(u[1..<i]) else { return nil }
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
            return nil
        }
        var spaces = 0
        while markerLength + spaces < u.count, u[markerLength + spaces] == 0x20 { spaces += 1 }
        if glued, spaces == 0, markerLength < u.count, TextHeadings.isUpper(u[markerLength]) { return (markerLength, family, markerLength) }
        guard spaces >= 1, markerLength + spaces < u.count else { return nil }
        return (markerLength, family, markerLength + spaces)
    }

    /// The items of a chunk that is a list (several items when the list is compact), or nil.
    func listItems(_ chunk: Chunk, nesting: Int = 0) -> (items: [ItemNode], family: Family?)? {
        let lines = chunk.lines
        let indent = chunk.indent
        if lines[0].content.utf8.first == UInt8(ascii: "*"), let notes = starredNotes(lines) { return (notes, .bullet("*")) }
        if let (marker, family, column) = Self.listMarker(lines[0].content) ?? Self.gluedMarker(lines) {
            var items: [ItemNode] = []
            var current: [TextLine] = []
            var currentMarker = marker
            var currentColumn = column
            func finish() {
                guard let first = current.first else { return }
                let texts = [first.content.dropFirst(currentColumn)] + current.dropFirst().map(\.content)
                let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
                let body = bodyBlocks(texts: texts, lines: current, location: location, skip: currentColumn, nesting: nesting)
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
            // Numbered steps of code, one a line, half or more assigning ("5. tv4 =
            // sqrt(-g(Z) * (3 * Z^2 + 4 * A))    # can be precomputed", RFC 9380 6.6.1's
            // artwork): code, not a list; its comments require nothing.
            if items.count >= 3, items.count == lines.count, lines.count(where: { Self.isCodeLike($0.content) }) * 2 >= lines.count { return nil }
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
        // Art is looked for once the shape fits (the looking is what costs).
        if let item = hangingItem(lines[...]) {
            return lines.contains(where: { Self.hasArt($0.content) }) ? nil : ([item], .hanging)
        }
        if let items = sideBySideTerms(lines, indent: indent) { return (items, .hanging) }
        if let items = termsBeforeHangingText(lines, indent: indent) { return (items, .hanging) }
        if let items = labelledHangingItems(lines, indent: indent, nesting: nesting) { return (items, .hanging) }
        // Several terms with no blank line between, each over its definition (xml2rfc v1's
        // compact hanging lists: "Description" / "Type" / "Length" over lines further in,
        // draft-ietf-radext-digest-auth-06 section 4). The shape is checked first (cheap, and
        // what most chunks fail): terms at the chunk's indentation, each with lines further in
        // under it. Code has that shape too ("Type ::= INTEGER {" over its members): a term
        // here is a word or a name, no line is code-like or in columns, and some definition
        // reads as prose.
        let starts = lines.indices.filter { lines[$0].indent == indent }
        guard starts.count >= 2, lines.last!.indent > indent, !zip(starts, starts.dropFirst()).contains(where: { $1 == $0 + 1 }),
              starts.allSatisfy({ Self.isTerm(lines[$0].content) }),
              !lines.contains(where: { Self.isDrawnOrCode($0.content) }),
              lines.contains(where: { $0.indent > indent && Self.lowercaseWords($0.content) >= 4 }) else { return nil }
        var items: [ItemNode] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : lines.count
            guard end - start >= 2, let item = hangingItem(lines[start..<end]) else { return nil }
            items.append(item)
        }
        return (items, .hanging)
    }

    /// Notes marked with one star, two, three ..., the stars set right so that every note's
    /// text starts in one column (RFC 4301 4.4.2.2 under its PFP tables: "   * ..." / "  **
    /// 0 (zero) is used by IKE ..." / " *** Use of PFP=1 with an OPAQUE value is an error
    /// and" / "SHOULD be prohibited ..." at the text's column). Read as a figure (the marks
    /// move the lines' indentation), the SPD's SHOULD was lost. Two notes or more, one mark
    /// of two stars or more (one-star bullets are lists as they are), and prose.
    private func starredNotes(_ lines: [TextLine]) -> [ItemNode]? {
        var column: Int?
        var groups: [(marker: Substring, lines: [TextLine], texts: [Substring])] = []
        for line in lines {
            let stars = line.content.prefix(while: { $0 == "*" })
            if !stars.isEmpty {
                let text = line.content.dropFirst(stars.count)
                let gap = text.prefix(while: { $0 == " " }).count
                guard stars.count <= 4, gap >= 1, gap < text.count else { return nil }
                let at = line.indent + stars.count + gap
                guard column == nil || column == at else { return nil }
                column = at
                groups.append((stars, [line], [text.dropFirst(gap)]))
            } else {
                guard let column, line.indent == column, !groups.isEmpty else { return nil }
                groups[groups.count - 1].lines.append(line)
                groups[groups.count - 1].texts.append(line.content)
            }
        }
        guard groups.count >= 2, groups.contains(where: { $0.marker.count >= 2 }),
              !groups.contains(where: { $0.texts.contains(where: Self.isDrawnOrCode) }),
              groups.contains(where: { $0.texts.contains { Self.lowercaseWords($0) >= 4 } }) else { return nil }
        return groups.map { group in
            let first = group.lines[0]
            let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
            let body = Paragraph(content: Self.paragraphText(group.texts, numbers: group.lines.map(\.number)), location: location)
            return ItemNode(marker: String(group.marker), term: nil, blocks: [.block(.paragraph(body))], location: location)
        }
    }

    /// Terms and their definitions side by side, every definition starting in one column
    /// and going on under itself there (RFC 3928 4.1.1: "updateType         - MUST be set to
    /// syncOnly or syncAndPersist" / "sendCookieInterval - MAY be set"; a "-" or ":" may
    /// stand between). Each term is one word; a line at the chunk's indentation is a term
    /// and its definition, every other line is further in, at the definitions' column. A
    /// table of two columns has that shape too: read so only when some definition reads as
    /// prose and none is in columns, art or code (a registry's "0      Reserved" stays a
    /// figure, as a table of more columns does).
    private func sideBySideTerms(_ lines: [TextLine], indent: Int) -> [ItemNode]? {
        guard lines.count >= 2, lines[1].indent >= indent else { return nil }
        var starts: [(line: Int, termEnd: Substring.Index, textStart: Substring.Index)] = []
        var column: Int?
        var setOff = 0, colons = 0
        for (k, line) in lines.enumerated() where line.indent == indent {
            guard let split = Self.sideBySideSplit(line.content) else { return nil }
            let at = indent + split.column
            guard column == nil || column == at else { return nil }
            guard split.setOff || !Self.isLowercaseWord(line.content[..<split.termEnd]) else { return nil }
            column = at
            if split.setOff { setOff += 1 }
            if line.content.utf8[line.content.utf8.index(before: split.termEnd)] == UInt8(ascii: ":") { colons += 1 }
            starts.append((k, split.termEnd, split.textStart))
        }
        // One space may part the longest term from its definition ("sendCookieInterval MAY
        // be set"), when the others' wider gaps line their definitions up with it: most
        // terms are set off, and the one-space ones are names, not prose ("U8.  Control of
        // access ... (not" over "just the whole directory entry) MUST be supported.", RFC
        // 2820, lines up by chance). Or every term ends in a colon and some definition goes
        // on under itself (RFC 2535 3.1.2: "00: Use of the key ..." over "is permitted. ..."
        // at the definitions' column); "Note: With regard to ..." over "IPsec system MUST"
        // lines up by chance.
        guard starts.count >= 2, starts[0].line == 0, let column,
              setOff * 2 >= starts.count || (colons == starts.count && lines.contains { $0.indent == column && column != indent }),
              lines.allSatisfy({ $0.indent == indent || $0.indent == column }) else { return nil }
        var items: [ItemNode] = []
        var prose = false
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].line : lines.count
            let first = lines[start.line]
            let texts = [first.content[start.textStart...]] + lines[(start.line + 1)..<end].map(\.content)
            // A value in braces ("OID   { id-pe 4 }", an ASN.1 object identifier) is a value,
            // not code.
            guard !texts.contains(where: { Self.isDrawnOrCode($0) && !Self.isBracedValue($0) }) else { return nil }
            // A value that opens with a keyword is a rule of its term ("criticality    MUST be
            // TRUE" under "name  id-pe-ac-auditIdentity", draft-ietf-pkix-ac509prof-05).
            prose = prose || texts.contains { Self.lowercaseWords($0) >= 3 } || Self.opensWithKeyword(texts[0])
            let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
            let definition = Paragraph(content: Self.paragraphText(texts, numbers: lines[start.line..<end].map(\.number)), location: location)
            items.append(ItemNode(marker: nil, term: InlineText(plain: String(first.content[..<start.termEnd])),
                                  blocks: [.block(.paragraph(definition))], location: location))
        }
        return prose ? items : nil
    }

    /// Terms each followed by one space and their definition's first sentence, the
    /// definition going on under it a few columns further in, every item two lines or more
    /// (xml2rfc v1's hanging lists with no hang indent, draft-ietf-dnsext-trustupdate-timers
    /// 4: "Valid The key has been seen at the resolver and has been included in" over
    /// "all validated DNSKEY RRSets ..." at three columns further in). Read as one, the
    /// mixed indentation made a figure and the states' MUSTs were lost. A term is one word,
    /// not all lower case, and its definition starts with a capital; no line is art,
    /// columns or code, and some definition reads as prose.
    private func termsBeforeHangingText(_ lines: [TextLine], indent: Int) -> [ItemNode]? {
        guard lines.count >= 4, let hang = lines.first(where: { $0.indent != indent })?.indent,
              hang >= indent + 2, hang <= indent + 5, lines.allSatisfy({ $0.indent == indent || $0.indent == hang }) else { return nil }
        let starts = lines.indices.filter { lines[$0].indent == indent }
        guard starts.count >= 2, starts[0] == 0, lines.last!.indent == hang,
              !zip(starts, starts.dropFirst()).contains(where: { $1 == $0 + 1 }) else { return nil }
        var items: [ItemNode] = []
        var prose = false
        for (n, start) in starts.enumerated() {
            let first = lines[start]
            guard let split = Self.sideBySideSplit(first.content), !split.setOff,
                  !Self.isLowercaseWord(first.content[..<split.termEnd]),
                  first.content[split.textStart...].first?.isUppercase == true,
                  Self.opensDefinition(first.content[split.textStart...]) else { return nil }
            let end = n + 1 < starts.count ? starts[n + 1] : lines.count
            let texts = [first.content[split.textStart...]] + lines[(start + 1)..<end].map(\.content)
            guard !texts.contains(where: Self.isDrawnOrCode) else { return nil }
            prose = prose || texts.contains { Self.lowercaseWords($0) >= 4 }
            let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
            let definition = Paragraph(content: Self.paragraphText(texts, numbers: lines[start..<end].map(\.number)), location: location)
            items.append(ItemNode(marker: nil, term: InlineText(plain: String(first.content[..<split.termEnd])),
                                  blocks: [.block(.paragraph(definition))], location: location))
        }
        return prose ? items : nil
    }

    /// Labels each ending in a colon with their text after one or two spaces on its line, the
    /// text going on under it further in: xml2rfc v1's hanging list whose hang text is wider
    /// than its hang indent, as registration templates were set ("MIME media type name:
    /// application", "Security considerations: Because SOAP can carry application defined"
    /// over "data whose semantics ..." three columns in, draft-baker-soap-media-reg-05). A
    /// label with nothing after its colon ("Optional parameters:") has its text under it,
    /// which may be such a list again ("\"charset\": This parameter has ..."). Read as one,
    /// the several indentations made a figure and the template's RECOMMENDED, MAY and SHOULD
    /// NOT were lost; so were the MUSTs of draft-ietf-atompub-format-00 3.1.2's values
    /// ("\"escaped\":  A mode attribute with the value ..."). Every line at the chunk's
    /// indentation is a label's, some item has lines under it, some label is of several words
    /// or quoted (a message's header fields, "Content-Type:", are one word each: an example
    /// stays a figure), no line is art, columns or code, and some text reads as prose.
    private func labelledHangingItems(_ lines: [TextLine], indent: Int, nesting: Int, underLabel: Bool = false) -> [ItemNode]? {
        guard lines.count >= 3, nesting < Self.deepestNestedList, lines.allSatisfy({ $0.indent >= indent }) else { return nil }
        let starts = lines.indices.filter { lines[$0].indent == indent }
        guard starts.count >= 2, starts.count < lines.count else { return nil }
        var labels: [Substring.Index] = []
        for start in starts {
            guard let colon = Self.labelEnd(lines[start].content) else { return nil }
            labels.append(colon)
        }
        guard underLabel || zip(starts, labels).contains(where: { start, colon in
                  lines[start].content[..<colon].contains(" ") || lines[start].content.first == "\"" }),
              !lines.contains(where: { Self.isDrawnOrCode($0.content) }),
              lines.contains(where: { Self.lowercaseWords($0.content) >= 4 }) else { return nil }
        var items: [ItemNode] = []
        for (n, start) in starts.enumerated() {
            let first = lines[start], colon = labels[n]
            let end = n + 1 < starts.count ? starts[n + 1] : lines.count
            let under = Array(lines[(start + 1)..<end])
            let text = first.content[first.content.index(after: colon)...].drop(while: { $0 == " " })
            let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
            let body: [Node]
            if text.isEmpty, let nested = under.first.flatMap({ labelledHangingItems(under, indent: $0.indent, nesting: nesting + 1, underLabel: true) }) {
                // A list of labels under a label is one whatever its labels' words ("\"charset\":").
                body = [.list(ListNode(family: .hanging, indent: under[0].indent, items: nested, location: nested[0].location))]
            } else if text.isEmpty {
                body = under.isEmpty ? [] : blocks(under[...], references: false, nesting: nesting + 1).map(Node.block)
            } else {
                let skip = first.content.distance(from: first.content.startIndex, to: text.startIndex)
                body = bodyBlocks(texts: [text] + under.map(\.content), lines: [first] + under, location: location, skip: skip, nesting: nesting)
            }
            items.append(ItemNode(marker: nil, term: InlineText(plain: String(first.content[...colon])), blocks: body, location: location))
        }
        return items
    }

    /// Where a label ends: its colon, after a name of words (letters first, or a quoted
    /// name; parentheses and "&" allowed, "Magic number(s)", "Person & email address to
    /// contact for further information"), with one or two spaces or nothing after it
    /// (three are columns). Not a time, a URL's scheme, nor a sentence (no ". " or ", "
    /// before the colon).
    static func labelEnd(_ content: Substring) -> Substring.Index? {
        guard let first = content.first, first.isLetter || first == "\"",
              let colon = content.firstIndex(of: ":") else { return nil }
        let label = content[..<colon]
        guard label.count <= 64, label.split(separator: " ").count <= 10, label.last != " ",
              !ByteSearch.contains(label, ". "), !ByteSearch.contains(label, ", "),
              label.allSatisfy({ $0.isLetter || $0.isNumber || " -_/()&'\"+.".contains($0) }) else { return nil }
        let after = content[content.index(after: colon)...]
        guard after.isEmpty || (after.first == " " && after.dropFirst(after.hasPrefix("  ") ? 2 : 1).first != " ") else { return nil }
        return colon
    }

    /// A word of ASCII lower-case letters only: prose's, not a term's ("the", not "QR" or
    /// "sendCookieInterval").
    static func isLowercaseWord(_ word: Substring) -> Bool {
        word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// The first line of a definition after a one-word term and one space: a sentence's
    /// words, not more of a longer term ("Pre-publish Key Rollover: This rollover ...",
    /// "KEY RR  At a delegation point": a word with a colon among the first four, or two
    /// spaces before a word), nor a title ("3.1 Endpoint Address Lookup").
    static func opensDefinition(_ text: Substring) -> Bool {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard !words.prefix(4).contains(where: { $0.hasSuffix(":") }) else { return false }
        for (k, word) in words.enumerated().dropFirst() where word.isEmpty && !(words[k - 1].last.map { ".?!:".contains($0) } ?? true) {
            return false
        }
        return lowercaseWords(text) >= 2
    }

    /// A one-word term, then spaces, or a "-" or ":" set off by spaces, then the definition:
    /// where the term ends and the definition starts (and its column in the line), and
    /// whether they are set off (two spaces or more, or the mark) rather than parted by one
    /// space. Read as ASCII bytes, so offsets are columns: this looks at a line of most
    /// chunks of a document.
    static func sideBySideSplit(_ content: Substring) -> (termEnd: Substring.Index, textStart: Substring.Index, column: Int, setOff: Bool)? {
        let u = content.utf8
        var i = u.startIndex
        var column = 0
        func step() { i = u.index(after: i); column += 1 }
        guard i < u.endIndex, Self.isASCIIAlphanumeric(u[i]) else { return nil }
        var previous: UInt8 = 0
        while i < u.endIndex, u[i] != 0x20 {
            let b = u[i]
            // Not an arrow ("KMd->Kernel:", a message exchange, RFC 2367 3.1).
            guard b < 0x80, column < 32, !(previous == UInt8(ascii: "-") && b == UInt8(ascii: ">")),
                  !(previous == UInt8(ascii: "<") && b == UInt8(ascii: "-")) else { return nil }
            previous = b
            step()
        }
        // Not a sentence's end ("specify.  Extensions ...").
        guard i < u.endIndex, previous != UInt8(ascii: "."), isTerm(content[..<i]) else { return nil }
        let termEnd = i
        var gap = 0
        while i < u.endIndex, u[i] == 0x20 { step(); gap += 1 }
        var setOff = gap >= 2
        if i < u.endIndex, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: ":") {
            step()
            guard i < u.endIndex, u[i] == 0x20 else { return nil }
            while i < u.endIndex, u[i] == 0x20 { step() }
            setOff = true
        }
        // A value in braces ("{ id-pe 4 }") is read as one when nothing in it is code.
        guard i < u.endIndex, Self.isASCIIAlphanumeric(u[i]) || u[i] == UInt8(ascii: "\"") || u[i] == UInt8(ascii: "(")
                || (u[i] == UInt8(ascii: "{") && isBracedValue(content[i...])) else { return nil }
        return (termEnd, i, column, setOff)
    }

    /// The term of a compact hanging list: it starts with a letter or digit, and does not
    /// end as code does (an opening bracket, an assignment).
    static func isTerm(_ content: Substring) -> Bool {
        guard let first = content.first, first.isLetter || first.isNumber, let last = content.last else { return false }
        return !"{[(=,;".contains(last) && !ByteSearch.contains(content, "::=")
    }

    /// Code and data, not prose: a statement's end or a brace at the end of the line, an
    /// assignment, a comment's mark at the start (";" in RFC 2228's reply codes).
    static func isCodeLike(_ content: Substring) -> Bool {
        guard let first = content.first, let last = content.last else { return false }
        return ";{}".contains(last) || ";#".contains(first) || content.hasPrefix("//")
            || ByteSearch.contains(content, " = ") || ByteSearch.contains(content, "::=")
    }

    /// A line that opens a definition in code: an ASN.1 assignment ("::="), or a line
    /// ending in an opening brace. An ABNF rule ("name = definition"), a comment's mark or
    /// a "6 = Destination Network Unknown" may be a term (RFC 2616 2.1, RFC 1812).
    static func opensCodeBlock(_ content: Substring) -> Bool {
        content.utf8.last == UInt8(ascii: "{") || ByteSearch.contains(content, "::=")
    }

    /// One group in braces and nothing else, no statement in it: "{ id-pe 4 }".
    static func isBracedValue(_ text: Substring) -> Bool {
        let u = text.utf8
        guard u.first == UInt8(ascii: "{"), u.last == UInt8(ascii: "}"), u.count >= 3 else { return false }
        return u.dropFirst().dropLast().allSatisfy { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "=") }
    }

    /// Not prose: art, text in columns, or code.
    static func isDrawnOrCode(_ content: Substring) -> Bool {
        hasArt(content) || hasWideGap(content) || isCodeLike(content)
    }

    /// Whether `text` opens with a BCP 14 keyword in capitals ("MUST NOT" opens with "MUST")
    /// and goes on after it.
    static func opensWithKeyword(_ text: Substring) -> Bool {
        let words = text.split(separator: " ", maxSplits: 1)
        guard words.count == 2, let first = words.first else { return false }
        return ["MUST", "SHALL", "SHOULD", "MAY", "REQUIRED", "RECOMMENDED", "OPTIONAL"].contains(first)
    }

    /// Words of two lower-case letters or more: prose has them, zone files and examples few.
    static func lowercaseWords(_ content: Substring) -> Int {
        content.split(separator: " ").count { word in word.count >= 2 && word.allSatisfy { $0.isLowercase } }
    }

    /// A term over its definition, the definition's lines all at one indentation further
    /// in; or a term and two spaces, then the definition, its other lines under it.
    private func hangingItem(_ lines: ArraySlice<TextLine>) -> ItemNode? {
        let first = lines[lines.startIndex]
        if let item = stackedTermsItem(lines) { return item }
        let rest = lines.dropFirst()
        let location = SourceLocation(file: path, line: first.number, column: first.indent + 1)
        if let item = wrappedTermItem(lines, location: location) ?? termOverNextLineDefinition(lines, location: location) { return item }
        guard let hang = rest.first?.indent, hang > first.indent else { return nil }
        // A field's name over ASN.1 comments is code (`isFigure`), no term.
        if rest.allSatisfy(Self.isASN1Comment) { return nil }
        guard rest.allSatisfy({ $0.indent == hang }) else {
            // A heading term over a list of its own ("Ethernet Header:" over "Destination
            // MAC:  A Management VNI ... SHOULD be used in this field.", its definition
            // further in, RFC 8971 5): the term's item holds that list.
            // Labels both, words and a colon: not code ("/* followed by:" over a C
            // declaration, RFC 2367 2.3.7). Or v3's nested `<dl>` without colons: the label
            // over a term alone on its line over a definition in prose further in ("Request
            // Processing Parameters" over "maxEvents" over "An OPTIONAL integer value ...",
            // RFC 8936 2.2).
            guard first.content.utf8.count <= 48, first.content.first?.isLetter == true,
                  !Self.isCodeLike(first.content), rest.allSatisfy({ $0.indent >= hang }),
                  case .list(let inner)? = blocks(rest, references: false, nesting: 1).first, let innerFirst = inner.items.first,
                  let innerTerm = innerFirst.term?.plainText else { return nil }
            // A label of words with no colon of its own over such a list is one too ("KLO:
            // KeyLocator TLV" over "0:  If the included SignatureType requires ...", RFC
            // 9139 5.4.2), when the inner definition is prose.
            let labelEnd = first.content.last ?? ":"
            let wordLabel = (labelEnd.isLetter || labelEnd.isNumber) && !Self.isDrawnOrCode(first.content)
                && rest.contains(where: { Self.lowercaseWords($0.content) >= 4 })
            let colons = (labelEnd == ":" || wordLabel) && innerTerm.last == ":"
            guard colons || Self.isLabelOverStackedTerm(first.content, rest) else { return nil }
            return ItemNode(marker: nil, term: InlineText(plain: String(first.content)), blocks: [.block(.list(inner))], location: location)
        }
        // An ABNF rule's name is no term ("alarmprop  = (" over its comments, RFC 9074),
        // nor an LDAP definition's opening (its lines at one indentation when a page break
        // cuts it, draft-ietf-ldapbis-user-schema-06 3.3), nor an ASN.1 type's name beside
        // its "::=" ("ECC-CMS-SharedInfo  ::=  SEQUENCE {" over its members, RFC 8755
        // 6.1.1: a member's OPTIONAL was read as a requirement).
        if Self.isABNFRule(lines) || Self.isSchemaDefinition(lines) || Self.opensCodeBlock(first.content) { return nil }
        let gap = Self.termGap(first.content, width: 64)
        if let gap, !Self.isRowOverDescription(first, gap: gap, hang: hang) {
            let term = first.content[..<gap.termEnd]
            let texts = [first.content[gap.textStart...]] + rest.map(\.content)
            return ItemNode(marker: nil, term: InlineText(plain: String(term)),
                            blocks: [.block(.paragraph(Paragraph(content: Self.paragraphText(texts, numbers: lines.map(\.number)), location: location)))],
                            location: location)
        }
        // A definition in code is no term ("BasicConstraints ::= SEQUENCE {" over its
        // members, RFC 3280's module: its "OPTIONAL }" was read as a requirement).
        if gap != nil || ((first.content.utf8.count <= 48 || Self.endsWellShortOfFill(first, over: rest))
                          && !".,;".contains(first.content.last ?? ".") && !Self.opensCodeBlock(first.content)) {
            return termItem(String(first.content), over: rest, at: location)
        }
        return nil
    }

    /// A longer line standing over lines three columns further in, as xml2rfc sets a `<dl>`
    /// and glossaries their entries, is a term too where the first word under it would
    /// have fitted beside it, measured by the width the lines under it are filled to: prose
    /// so filled would have taken that word up ("\"availableFieldSets\":
    /// \"AvailableFieldSet[]\" (OPTIONAL)" over "an array of objects, ...", RFC 8982 2.1,
    /// v3's `<dl newline="true">`; "$ Challenge Handshake Authentication Protocol (CHAP)",
    /// RFC 2828). Text hung under a label or a marker ("Case 2: Original (cleartext) packet
    /// is IPv4 and has the DF" over "bit set. ...", RFC 4301 8.2.1; "[2] Where a DNS server
    /// ...", draft-ietf-dnsext-mdns-20) is hand-filled and hangs by the label's width.
    private static func endsWellShortOfFill(_ line: TextLine, over rest: ArraySlice<TextLine>) -> Bool {
        guard line.content.utf8.count <= 64, let next = rest.first, next.indent == line.indent + 3,
              let filled = rest.lazy.map({ $0.raw.utf8.count }).max() else { return false }
        let firstWord = next.content.utf8.prefix(while: { $0 != 0x20 }).count
        return line.raw.utf8.count + 1 + firstWord <= filled - 2
    }

    /// A label of words with no closing mark over a term alone on its line, whose
    /// definition, further in, is prose: the label is a term whose definition is a list.
    private static func isLabelOverStackedTerm(_ label: Substring, _ rest: ArraySlice<TextLine>) -> Bool {
        guard let last = label.last, last.isLetter || last.isNumber, !isDrawnOrCode(label),
              rest.count >= 2, let term = rest.first, rest[rest.startIndex + 1].indent > term.indent,
              term.content.utf8.count <= 40, !".,;".contains(term.content.last ?? "."), !isDrawnOrCode(term.content) else { return false }
        let definition = rest.dropFirst().prefix { $0.indent > term.indent }
        return definition.contains { lowercaseWords($0.content) >= 4 } && !definition.contains { isDrawnOrCode($0.content) }
    }

    /// A term too long for one line, as xml2rfc 3 sets a long `<dt>`: its second line at
    /// the term's margin ending in a colon, the definition after two spaces there and
    /// hanging further in ("If the MAC Size field is greater than the keyed hash output"
    /// over "length:  This case MUST NOT be generated and, if received, MUST cause" over
    /// "the DNS message to be dropped ...", RFC 8945 5.2.2.1: read as one figure, its
    /// requirements were lost).
    private func wrappedTermItem(_ lines: ArraySlice<TextLine>, location: SourceLocation) -> ItemNode? {
        guard lines.count >= 3 else { return nil }
        let first = lines[lines.startIndex], second = lines[lines.startIndex + 1]
        let tail = lines.dropFirst(2)
        guard second.indent == first.indent, let hang = tail.first?.indent, hang > first.indent, hang <= first.indent + 6,
              tail.allSatisfy({ $0.indent == hang }), let last = first.content.last, last.isLetter || last.isNumber,
              let gap = Self.termGap(second.content, width: 64), second.content[..<gap.termEnd].last == ":",
              !Self.isCodeLike(first.content), !Self.isDrawnOrCode(second.content) else { return nil }
        let term = first.content + " " + second.content[..<gap.termEnd]
        let texts = [second.content[gap.textStart...]] + tail.map(\.content)
        let body = Paragraph(content: Self.paragraphText(texts, numbers: lines.dropFirst().map(\.number)), location: location)
        return ItemNode(marker: nil, term: InlineText(plain: String(term)), blocks: [.block(.paragraph(body))], location: location)
    }

    /// A long `<dt>` whose `<dd>` starts on the next line (v3's `newline="true"`): the
    /// term's two or three lines at the margin, with no full stop at its end, over the
    /// definition further in ("User Data Words: The length of User Data Words MUST match
    /// the" over "value specified in the Length field" over "The User Data Words section
    /// contains ...", RFC 8759 4.1, read as a figure). The definition is prose, and so is
    /// the term, unless a colon or a parenthesis ends it ("Replace Leftmost Random Bits with
    /// Increased Clock Precision" over "(Method 3):", RFC 9562 6.2; "progress: String
    /// (optional; only allowed for participants of a" over "Task)", RFC 8984 4.4.6).
    private func termOverNextLineDefinition(_ lines: ArraySlice<TextLine>, location: SourceLocation) -> ItemNode? {
        let first = lines[lines.startIndex]
        let termLines = lines.prefix { $0.indent == first.indent }
        let tail = lines.dropFirst(termLines.count)
        guard (2...3).contains(termLines.count), let hang = tail.first?.indent, hang > first.indent, hang <= first.indent + 6,
              tail.allSatisfy({ $0.indent == hang }), let last = termLines.last?.content.last, last != ".", last != ",", last != ";",
              // Not terms side by side ("10: Use of the key is prohibited ..." over "00: ...").
              !termLines.dropLast().contains(where: { $0.content.last == "." }),
              !termLines.dropFirst().contains(where: { Self.sideBySideSplit($0.content)?.setOff == true }),
              !termLines.contains(where: { Self.isDrawnOrCode($0.content) }), !tail.contains(where: { Self.isDrawnOrCode($0.content) }),
              last == ":" || last == ")" || termLines.allSatisfy({ Self.lowercaseWords($0.content) >= 2 }),
              tail.contains(where: { Self.lowercaseWords($0.content) >= 4 }) else { return nil }
        return termItem(termLines.map(\.content).joined(separator: " "), over: tail, at: location)
    }

    /// Several terms, one per line, over the definition they share (RFC 2367 2.3.7:
    /// "sadb_comb_auth_minbits;" / "sadb_comb_auth_maxbits;" over "The minimum and maximum
    /// ... If sadb_comb_auth is zero, both of these values MUST be zero."; v3's several
    /// `<dt>` to one `<dd>`). Each term is one name (letters, digits, "_", "-", ".", a final
    /// ";" or ":"), the definition's lines are at one column further in and read as prose.
    private func stackedTermsItem(_ lines: ArraySlice<TextLine>) -> ItemNode? {
        let first = lines[lines.startIndex]
        var end = lines.startIndex
        while end < lines.endIndex, lines[end].indent == first.indent, Self.isName(lines[end].content) { end += 1 }
        guard end - lines.startIndex >= 2, end < lines.endIndex else { return nil }
        let rest = lines[end...]
        let hang = rest[end].indent
        guard hang > first.indent, rest.allSatisfy({ $0.indent == hang }),
              rest.contains(where: { Self.lowercaseWords($0.content) >= 4 }), !rest.contains(where: { Self.isDrawnOrCode($0.content) }) else { return nil }
        return termItem(lines[..<end].map(\.content).joined(separator: " "), over: rest,
                        at: SourceLocation(file: path, line: first.number, column: first.indent + 1))
    }

    /// A hanging list's item: `term` over its definition, one paragraph of `definition`'s
    /// lines (at one indentation), located where they start.
    private func termItem(_ term: String, over definition: ArraySlice<TextLine>, at location: SourceLocation) -> ItemNode {
        let start = definition[definition.startIndex]
        let body = Paragraph(content: Self.paragraphText(definition.map(\.content), numbers: definition.map(\.number)),
                             location: SourceLocation(file: path, line: start.number, column: start.indent + 1))
        return ItemNode(marker: nil, term: InlineText(plain: term), blocks: [.block(.paragraph(body))], location: location)
    }

    /// One name standing as a term: letters, digits, "_", "-" and ".", maybe ending in ";"
    /// or ":", at most 40 characters.
    private static func isName(_ content: Substring) -> Bool {
        var body = content.utf8[...]
        if let last = body.last, last == UInt8(ascii: ";") || last == UInt8(ascii: ":") { body = body.dropLast() }
        guard let first = body.first, body.count <= 40, !TextHeadings.isDigit(first), isASCIIAlphanumeric(first) else { return false }
        return body.allSatisfy { isASCIIAlphanumeric($0) || "_-.".utf8.contains($0) }
    }

    /// A table's row, a name and a value in columns, over its description further in (RFC
    /// 7296 3.10.1: "INVALID_SELECTORS                        39" over "MAY be sent in an
    /// IKE INFORMATIONAL exchange ..."): the whole row is the term; the value is no word of
    /// the description. The value stands well to the right of the description's column and
    /// is short, a number or a name with no lower-case word (a definition's first words,
    /// "Term  The ...", are where its other lines are, or near; ASN.1's "::= SEQUENCE {" is
    /// code, not a value).
    private static func isRowOverDescription(_ first: TextLine, gap: (termEnd: Substring.Index, textStart: Substring.Index), hang: Int) -> Bool {
        let value = first.content[gap.textStart...]
        let column = first.indent + first.content.utf8.distance(from: first.content.startIndex, to: gap.textStart)
        // A name ending in a colon is a term, its definition's first word beside it
        // ("/ipsec-ikeless/sad/sad-entry/ipsec-sa-config/esp-sa:  This", RFC 9061 7.3).
        guard first.content[..<gap.termEnd].last != ":" else { return false }
        return column >= hang + 12 && value.utf8.count <= 16 && lowercaseWords(value) == 0
            && value.utf8.allSatisfy { isASCIIAlphanumeric($0) || " -_.()".utf8.contains($0) }
    }

    /// An ASCII letter or digit.
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        TextHeadings.isDigit(b) || TextHeadings.isUpper(b) || (b >= 0x61 && b <= 0x7A)
    }

    /// The paragraph of a list item (figures when the item holds art), and the list nested
    /// in it with no blank line between: a line ending in a colon, then lines starting
    /// with markers at or past the item's text column (RFC 4301 4.4.1.2: "o ... Each
    /// selector set contains:" over "- Local Address" / "- Remote Address" ...), and the
    /// item's text that may go on below the nested list.
    private func bodyBlocks(texts: [Substring], lines: [TextLine], location: SourceLocation, skip: Int, nesting: Int) -> [Node] {
        var out: [Node] = []
        var start = 0
        var textColumn = lines[0].indent + skip
        // Lists nested in lists are read to a depth no document needs; deeper, the lines
        // stay the item's text (a staircase of thousands of items must not exhaust the stack).
        while nesting < Self.deepestNestedList, start < lines.count - 1,
              let nested = introducedList(lines[start...], textColumn: textColumn) {
            out += textBlocks(texts: texts[start..<nested.lowerBound], lines: lines[start..<nested.lowerBound],
                              location: start == 0 ? location : SourceLocation(file: path, line: lines[start].number, column: lines[start].indent + 1))
            out += blocks(lines[nested], references: false, nesting: nesting + 1).map(Node.block)
            start = nested.upperBound
            if start < lines.count { textColumn = lines[start].indent }
        }
        if start < lines.count {
            out += textBlocks(texts: texts[start...], lines: lines[start...],
                              location: start == 0 ? location : SourceLocation(file: path, line: lines[start].number, column: lines[start].indent + 1))
        }
        return out
    }

    /// How deep lists set in an item's text with no blank line are nested into it.
    static let deepestNestedList = 8

    /// An item's text: a paragraph, or a figure when it holds art or columns.
    private func textBlocks(texts: ArraySlice<Substring>, lines: ArraySlice<TextLine>, location: SourceLocation) -> [Node] {
        // Lines of ASN.1 comments are code's, as `isFigure` has it.
        if lines.dropFirst().contains(where: { Self.hasArt($0.content) || Self.hasWideGap($0.content) })
            || (lines.count >= 2 && lines.allSatisfy(Self.isASN1Comment)) {
            return [.block(.figure(Figure(kind: .textArt, verbatim: verbatim(Array(lines)), location: location)))]
        }
        return [.block(.paragraph(Paragraph(content: Self.paragraphText(Array(texts), numbers: lines.map(\.number)), location: location)))]
    }

    /// The lines of a list set in running text with no blank line before it: from a line
    /// at or past `textColumn` that starts with a list marker, while lines are items of that
    /// marker's family at its indentation or their continuations further in, up to the first
    /// other line (the text going on). It must look like a list: two items or more, or an
    /// item whose text hangs further in, or, under a line ending in a colon, one item further
    /// in. A single line at the text's column is prose that happens to wrap before "(1) each
    /// party ..." (RFC 8422 5.10); the sentence before a list need not end in a colon ("...
    /// identified by the User-Name attribute" / "o  is authorized ...", RFC 5090's draft).
    func introducedList(_ lines: ArraySlice<TextLine>, textColumn: Int) -> Range<Int>? {
        guard lines.count >= 2 else { return nil }
        for k in (lines.startIndex + 1)..<lines.endIndex where lines[k].indent >= textColumn {
            let indent = lines[k].indent
            guard let marker = Self.listMarker(lines[k].content) else { continue }
            var end = k + 1, items = 1, hangs = false
            while end < lines.endIndex {
                if lines[end].indent > indent {
                    hangs = true
                } else if lines[end].indent == indent, Self.listMarker(lines[end].content)?.family == marker.family {
                    items += 1
                } else {
                    break
                }
                end += 1
            }
            guard items >= 2 || hangs || (indent > textColumn && lines[k - 1].content.last == ":") else { continue }
            // An enumeration in running text, wrapped so that its markers open lines: items
            // not opening with a capital, hanging nothing, and the sentence going on in their column
            // right under them ("... MUST be either" / "(1) the same as ... or" / "(2) a
            // subset of ... the conventional" / "configuration datastores.", a definition's
            // lines in RFC 8808 2). A list would end in a blank line. (Items whose lines do
            // not hang, "- every recursive DNS server SHOULD ... or dual" / "stack," / "-
            // every single DNS zone ...", have another marker a few lines down: looked for
            // within 40, so that a chunk of many such lines is not read over and over.)
            if !hangs, end < lines.endIndex, lines[end].indent == indent, Self.listMarker(lines[end].content) == nil,
               lines[k].content.dropFirst(marker.textColumn).first?.isUppercase != true,
               !lines[end..<min(lines.endIndex, end + 40)].contains(where: { $0.indent == indent && Self.listMarker($0.content)?.family == marker.family }) { continue }
            return k..<end
        }
        return nil
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
}
