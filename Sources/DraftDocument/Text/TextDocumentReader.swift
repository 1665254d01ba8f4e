import Foundation

/// Plain-text RFCs and Internet-Drafts (the RFC Editor's and xml2rfc's paginated layouts,
/// and the unpaginated v3 layout) read into the same model as the XML readers.
///
/// What it recognises: page footers/headers, form feeds and change bars (removed), the
/// first-page header block, title and draft name (metadata), front sections such as
/// "Abstract" and "Status of This Memo" (abstract and notes), the table of contents
/// (skipped), flush-left headings (numbered, appendix and unnumbered), and in bodies
/// paragraphs, lists, hanging terms, figures and reference entries. Headings are judged by
/// numbering order, so a flush-left line of a figure that happens to start with a number is
/// not taken for one.
enum TextDocumentReader {
    /// `blockParts`: how the sections' bodies are shared among the cores (tests compare one
    /// part with many).
    static func read(data: Data, path: String, blockParts: TextBlockParts.Policy = .machine) throws -> Document {
        let (text, encodingWarning) = try TextLines.decode(data, path: path)
        if let source = MarkdownSource.kind(Substring(text)) {
            throw DocumentError(.notADocument, "a \(source) Markdown source, not a draft: convert it to xml2rfc XML first (\(source == "mmark" ? "mmark draft.md > draft.xml" : "kramdown-rfc draft.md > draft.xml")) and read that",
                                at: SourceLocation(file: path, line: 1))
        }
        var split = TextLines.split(text)
        TextLines.removeChangeBars(&split.lines)
        let lines = TextLines.removePagination(split.lines, formFeeds: split.formFeeds)
        guard !lines.isEmpty else {
            throw DocumentError(.notADocument, "no text", at: SourceLocation(file: path, line: 1))
        }
        var document = TextDocumentAssembler(path: path, lines: lines).document(blockParts: blockParts)
        if let encodingWarning { document.warnings.insert(encodingWarning, at: 0) }
        return document
    }
}

/// Finds the headings, then builds metadata, front notes and the section tree from the
/// line ranges between them.
struct TextDocumentAssembler {
    let path: String
    let lines: [TextLine]
    let builder: TextBlockBuilder

    init(path: String, lines: [TextLine]) {
        self.path = path
        self.lines = lines
        self.builder = TextBlockBuilder(path: path, bodyIndent: Self.commonIndent(lines), fillWidth: Self.fillWidth(lines),
                                        fullPagePadding: lines.lazy.filter { $0.kind == .pageBreak }.map(\.padding).min() ?? 0,
                                        keepsToPage: Self.keepsToPage(lines))
    }

    struct Heading {
        var index: Int
        var number: [Substring]
        var title: String
        var isFront: Bool
        /// The first line after the heading (a long title wraps onto a second line).
        lazy var bodyStart = index + 1
        /// The body's first line when it is printed on the heading's line: a numbered
        /// paragraph's title (`titleOpensBody`), or the words after a run-in title.
        var lead: TextLine?
        var titleOpensBody = false

        init(index: Int, number: [Substring], title: String, isFront: Bool) {
            self.index = index
            self.number = number
            self.title = title
            self.isFront = isFront
        }
    }

    /// A run-in heading: the title, then the first words of its paragraph on the same line,
    /// the paragraph going on right under it. The title ends at a gap of four spaces or
    /// more (RFC 2119's "3. SHOULD   This word, ..." has three and stays whole) ("6.4.1. The
    /// contents of inverse queries and responses          Inverse" over "queries reverse
    /// the mappings ...", RFC 1035) or where the table of contents ends it ("5.3.13.1
    /// Unrecognized Options Unrecognized IP options in forwarded" over "packets MUST be
    /// passed through unchanged.", RFC 1812, whose contents list "Unrecognized Options").
    /// The rest is the paragraph's first line: read as title, the requirement lost its
    /// subject.
    func runInTitle(_ i: Int, candidate: TextHeadings.Candidate, contents: [String: String]) -> (title: String, lead: TextLine)? {
        guard i + 1 < lines.count, lines[i + 1].isText, lines[i].content.hasSuffix(candidate.title) else { return nil }
        let content = lines[i].content
        let title = content.suffix(candidate.title.count)
        var cut: (end: Substring.Index, rest: Substring.Index)?
        if let gap = title.range(of: "    ") {
            cut = (gap.lowerBound, title[gap.lowerBound...].firstIndex(where: { $0 != " " }) ?? title.endIndex)
        } else if let number = candidate.number, let listed = contents[number], !listed.isEmpty, TextHeadings.foldedTitle(title) != listed {
            // The words of the title whose letters are the listed title's, then more.
            var end = title.startIndex
            while end < title.endIndex {
                let next = title[end...].dropFirst().firstIndex(of: " ") ?? title.endIndex
                let folded = TextHeadings.foldedTitle(title[..<next])
                if folded == listed { cut = (next, title[next...].firstIndex(where: { $0 != " " }) ?? title.endIndex); break }
                guard listed.hasPrefix(folded), next < title.endIndex else { break }
                end = next
            }
        }
        guard let cut, cut.rest < title.endIndex, title[cut.rest...].contains(where: \.isLetter) else { return nil }
        var lead = lines[i]
        lead.narrow(to: title[cut.rest...])
        lead.indent = lines[i + 1].indent
        return (String(title[..<cut.end]), lead)
    }

    /// The first line of a numbered paragraph, as a line of its body: the heading's title
    /// is a sentence cut where the line was filled, going on right under it at the same
    /// margin or under the title ("4.1. One OPT pseudo-RR can be added to the additional
    /// data section of" / "     either a request or a response.", RFC 2671; its drafts and
    /// RFC 2845 number every paragraph so). Read as a title only, its words were lost to the
    /// paragraph ("Any OPTION-CODE values not understood by a responder or requestor" /
    /// "MUST be ignored." left a statement with no subject). A title whose next word would
    /// have fitted on its line ("2.2 Server requirements of this protocol" over "Every DNS
    /// server ...") is a title over its body, and one with a wide gap is a term over its
    /// definition ("5. MAY   This word, or the adjective ...", RFC 2119). A title of few
    /// lower-case words is a sentence when it ends in a comma ("1.3. The key words "MUST",
    /// "MUST NOT", ..., "SHALL NOT"," over the rest of the boilerplate).
    func numberedParagraphLead(_ i: Int, title: String) -> TextLine? {
        guard i + 1 < lines.count, lines[i + 1].isText, let last = title.last, last != ".", last != ":",
              lines[i + 1].indent == lines[i].indent || lines[i + 1].indent == lines[i].raw.count - title.count,
              TextBlockBuilder.lowercaseWords(Substring(title)) >= 3 || last == ",", !TextBlockBuilder.hasWideGap(Substring(title)),
              lines[i].content.hasSuffix(title) else { return nil }
        guard lines[i].raw.count + 1 + Self.firstUnbreakable(lines[i + 1].content) > 69 else { return nil }
        var lead = lines[i]
        lead.indent += lead.content.count - title.count
        lead.narrow(to: lead.content.suffix(title.count))
        return lead
    }

    /// The second line of a heading too long for one line: aligned under the title, standing
    /// alone, and only when its first word could not have fitted on the heading's line.
    func wrappedTitle(after i: Int, title: String) -> String? {
        guard i + 1 < lines.count else { return nil }
        let line = lines[i], next = lines[i + 1]
        guard next.isText, next.indent > 0, i + 2 == lines.count || !lines[i + 2].isText else { return nil }
        let titleColumn = line.raw.count - title.count
        guard next.indent == titleColumn else { return nil }
        guard line.raw.count + 1 + Self.firstUnbreakable(next.content) > 69 else { return nil }
        return String(next.content)
    }

    /// The length of a line's first word as a filler saw it: xml2rfc joins a reference to a
    /// section or an appendix to its number with a no-break space, so "(Section 7.5)" could
    /// only have gone up whole (RFC 9549 2.5, "... Electronic Mail Addresses" over it).
    static func firstUnbreakable(_ content: Substring) -> Int {
        let words = content.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        let name = words[0].drop(while: { $0 == "(" })
        guard words.count > 1, ["Section", "Sections", "Appendix"].contains(name), words[1].first?.isNumber == true || words[1].first?.isUppercase == true else {
            return words[0].count
        }
        return words[0].count + 1 + words[1].count
    }

    /// The first heading of a document that takes up another's numbering part way (an
    /// update of one section: draft-morris-java-gssapi-update-for-csharp-00 is "4.17.  C#
    /// Modifications", then 4.17.1 to 4.17.5; read as a document with no headings at all,
    /// its body was one untitled section): a subsection's number standing alone at the
    /// margin, with an upper-case title, where the next numbered line standing alone at the
    /// margin, within 300 lines, is exactly the one after it. Only before any numbered
    /// heading is found; a top-level number alone ("5. ...") is as likely a list's item.
    func opensPartialNumbering(_ i: Int, _ candidate: TextHeadings.Candidate, margin: Int) -> Bool {
        guard candidate.components.count >= 2, !candidate.isAppendix, candidate.title.first?.isUppercase == true else { return false }
        for j in (i + 1)..<min(lines.count, i + 300) where lines[j].isText && lines[j].indent == margin && !lines[j - 1].isText {
            guard let next = TextHeadings.parse(lines[j].content), !next.components.isEmpty else { continue }
            return (j + 1 == lines.count || !lines[j + 1].isText) && TextHeadings.isNextNumber(next.components, after: candidate.components)
        }
        return false
    }

    /// A heading whose number is a misprint of the one missing between its neighbours:
    /// "3.2.  Framed-Interface-Id" between 2.1 and 2.3 (RFC 3162, which has no contents to
    /// say so) stands where 2.2 belongs, one component off by one, its last component the
    /// same. The next numbered line standing alone at the margin, within 300 lines, must be
    /// exactly the one after the missing number. Returns the missing number.
    func misprintedGap(_ i: Int, _ candidate: TextHeadings.Candidate, after previous: [Substring]?, margin: Int) -> [Substring]? {
        guard let previous, !candidate.isAppendix, candidate.title.first?.isUppercase == true,
              candidate.components.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let meant = TextHeadings.nextNumbers(after: previous).filter { TextHeadings.isOneDigitSlip(candidate.components, of: $0) }
        guard !meant.isEmpty else { return nil }
        for j in (i + 1)..<min(lines.count, i + 300) where lines[j].isText && lines[j].indent == margin && !lines[j - 1].isText {
            guard let next = TextHeadings.parse(lines[j].content), !next.components.isEmpty else { continue }
            guard j + 1 == lines.count || !lines[j + 1].isText else { return nil }
            return meant.first { TextHeadings.isNextNumber(next.components, after: $0) }
        }
        return nil
    }

    /// The second line of a heading's title set back at the margin, standing alone, where
    /// the table of contents lists the title whole ("3.4 Algorithms for creating a UUID from
    /// truly random or pseudo-random" over "numbers", draft-leach-uuids-guids-01): at the
    /// margin the line could as well be a paragraph's, so the contents must say so.
    func listedTitleWrap(after i: Int, candidate: TextHeadings.Candidate, contents: [String: String]) -> String? {
        guard i + 1 < lines.count, let number = candidate.number, let listed = contents[number] else { return nil }
        let next = lines[i + 1]
        guard next.isText, next.indent == lines[i].indent, i + 2 == lines.count || !lines[i + 2].isText,
              next.content.contains(where: \.isLetter), // not an underline ("-----")
              TextHeadings.foldedTitle(candidate.title + " " + next.content) == listed else { return nil }
        return String(next.content)
    }

    /// A title underlined with a rule of its own length ("Introduction" over
    /// "------------", RFC 768), standing alone below it.
    func isUnderline(_ j: Int, of title: TextLine) -> Bool {
        guard j < lines.count, lines[j].isText, lines[j].indent == title.indent, j + 1 == lines.count || !lines[j + 1].isText,
              let rule = lines[j].content.first, rule == "-" || rule == "=", lines[j].content.allSatisfy({ $0 == rule }) else { return false }
        return abs(lines[j].content.count - title.content.count) <= 2
    }

    /// The column where a document shifted right as a whole prints its headings: the most
    /// common indentation, 1 to 4, of lines after a blank line that read as numbered headings.
    /// A document whose every line is indented further (draft-ietf-ldapext-acl-model-04:
    /// all of it, front page too, ten columns in) has that least indentation as its margin.
    func shiftedMargin() -> Int? {
        let least = lines.lazy.filter(\.isText).map(\.indent).min() ?? 0
        let margins = least > 4 && least <= 16 ? least...least : 1...4
        var counts = [Int](repeating: 0, count: margins.upperBound + 1)
        for i in lines.indices.dropFirst() where lines[i].isText && !lines[i - 1].isText && margins.contains(lines[i].indent) {
            if let candidate = TextHeadings.parse(lines[i].content), !candidate.components.isEmpty { counts[lines[i].indent] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] >= 2 else { return nil }
        return best
    }

    /// Centred in the page's 72 columns (or the document's own fill width), within a few,
    /// and well in from the margin (a list item at the body's indentation is not).
    func isCentred(_ line: TextLine) -> Bool {
        guard line.indent >= 12 else { return false }
        let width = line.raw.count
        return [72, builder.fillWidth].contains { abs(line.indent - ($0 - width)) <= 3 }
    }

    /// The line holding the title of a heading whose line holds only its number: the next
    /// line, standing alone between blank lines, flush left or centred ("APPENDIX B" over a
    /// centred "COMPATIBILITY WITH GSS-V1", RFC 2078), or the very next line set further in,
    /// a blank line under it ("3." over "    Security Considerations",
    /// draft-murchison-sasl-login-00), that reads as a title.
    func titleBelow(_ i: Int) -> Int? {
        if i + 2 <= lines.count, lines[i + 1].isText, lines[i + 1].indent > lines[i].indent,
           i + 2 == lines.count || !lines[i + 2].isText,
           TextHeadings.isUnnumberedTitle(lines[i + 1].content), TextHeadings.parse(lines[i + 1].content) == nil {
            return i + 1
        }
        guard i + 3 <= lines.count, !lines[i + 1].isText, lines[i + 2].isText,
              lines[i + 2].indent == lines[i].indent || isCentred(lines[i + 2]),
              i + 3 == lines.count || !lines[i + 3].isText, TextHeadings.isUnnumberedTitle(lines[i + 2].content),
              TextHeadings.parse(lines[i + 2].content) == nil else { return nil }
        return i + 2
    }

    /// A heading's number alone on its line ("3.", "5.1."), its title on the very next line
    /// set further in (draft-murchison-sasl-login-00): a candidate with the title to come.
    func numberOverTitle(_ i: Int) -> TextHeadings.Candidate? {
        let content = lines[i].content
        guard content.last == ".", content.first.map({ $0.isNumber }) == true,
              content.utf8.allSatisfy({ TextHeadings.isDigit($0) || $0 == 0x2E }), !ByteSearch.contains(content, ".."),
              titleBelow(i) == i + 1 else { return nil }
        let components = content.split(separator: ".")
        guard components.allSatisfy({ $0.utf8.count <= 3 }) else { return nil }
        return TextHeadings.Candidate(components: components, title: "", isAppendix: false)
    }

    /// An outline's indentation for a heading `depth` levels down: the same step of two to
    /// four columns for each level under the top.
    static func isOutlineIndent(_ indent: Int, depth: Int) -> Bool {
        guard depth >= 2, indent % (depth - 1) == 0 else { return false }
        let step = indent / (depth - 1)
        return step >= 2 && step <= 4
    }

    /// The second line of an indented heading's title: further in than the heading, alone
    /// before a blank line, and too long to have fitted on the first line.
    func outlineTitleWrap(after i: Int) -> String? {
        guard i + 2 < lines.count, lines[i + 1].isText, !lines[i + 2].isText, lines[i + 1].indent > lines[i].indent else { return nil }
        guard lines[i].raw.count + 1 + Self.firstUnbreakable(lines[i + 1].content) > 69 else { return nil }
        return String(lines[i + 1].content)
    }

    /// Whether line `i` stands alone only because its page ends under it: the first line
    /// of a paragraph, not a title, when the next page goes on with the sentence in
    /// lowercase ("This section describes the overall procedures clients and servers MUST"
    /// at the foot of a page under "4.  Sequencing of the Start TLS Operation", draft-ietf-
    /// ldapext-ldapv3-tls; RFC 1034 3.5, 3.6 and 3.7), or when the line reads as a sentence,
    /// eight words or more with at most a third of them capitalised ("No changes to the
    /// syntax of the socket functions are needed to support" over "IPv6, since ...",
    /// draft-ietf-ipngwg-bsd-api-new-06).
    func runsOnOverPage(_ i: Int) -> Bool {
        guard let k = nextTextLine(after: i), lines[(i + 1)..<k].contains(where: { $0.kind == .pageBreak }) else { return false }
        if lines[k].content.first?.isLowercase == true { return true }
        let words = lines[i].content.split(separator: " ")
        return words.count >= 8 && words.filter { $0.first?.isUppercase == true }.count * 3 <= words.count
    }

    /// Whether the next line of text after line `i` is indented further than it.
    func textBelowIsFurtherIn(_ i: Int) -> Bool {
        guard let k = nextTextLine(after: i) else { return false }
        return lines[k].indent > lines[i].indent
    }

    /// The next line of text after line `i`, past blank lines and page breaks.
    func nextTextLine(after i: Int) -> Int? {
        var k = i + 1
        while k < lines.count, !lines[k].isText { k += 1 }
        return k < lines.count ? k : nil
    }

    /// The most common indentation of text lines: where paragraphs start (3 in RFCs).
    static func commonIndent(_ lines: [TextLine]) -> Int {
        var counts = [Int](repeating: 0, count: 9)
        for line in lines where line.isText && line.indent >= 1 && line.indent <= 8 { counts[line.indent] += 1 }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return 3 }
        return best
    }

    /// The widest line of running text, at most 72 columns: the width paragraphs were filled to.
    static func fillWidth(_ lines: [TextLine]) -> Int {
        var widest = 0
        for line in lines where line.isText {
            let width = line.raw.utf8.count
            if width <= 72, width > widest, !TextBlockBuilder.hasWideGap(line.content), !TextBlockBuilder.hasArt(line.content) { widest = width }
        }
        return widest == 0 ? 72 : widest
    }

    /// Whether at most one text line in a hundred runs past 72 columns (documents set 80 or
    /// 90 wide run past on every page).
    static func keepsToPage(_ lines: [TextLine]) -> Bool {
        var text = 0, past = 0
        for line in lines where line.isText {
            text += 1
            if line.raw.utf8.count > 72, line.raw.count > 72 { past += 1 }
        }
        return past * 100 <= text
    }

    /// The table of contents: the numbered headings it lists (number to folded title; the
    /// last, where a number is listed twice), its lines, from its title to the body's first
    /// heading (the first entry printed again), the numbers it lists more than once with
    /// different titles, every title it names, folded (with a page, or without one where
    /// its end is known), and the unnumbered titles it lists, where its end is known and it
    /// gives no pages ("Acknowledgments", "Authors' Addresses").
    ///
    /// A contents list printed without page numbers (draft-ietf-dnsext-wcard-clarify-08,
    /// draft-ietf-idn-dude-00) reads line by line as headings, and the body's, numbered from
    /// 1 again after it, were then never plausible: the whole body was the last entry's. The
    /// lines are nil when there is no such title or its first entry is not printed again;
    /// the listing is then read from the 600 lines under the title (a contents list is
    /// shorter; reading the whole document for it cost a review of RFC 7296 a tenth of its
    /// time).
    func tableOfContents() -> (listing: [String: String], lines: Range<Int>?, repeated: Set<String>, named: Set<String>, unnumbered: Set<String>) {
        guard let start = lines.firstIndex(where: { $0.isText && Self.isContentsHeading($0.content) }) else {
            return ([:], nil, [], [], [])
        }
        var range: Range<Int>?
        if let first = lines[(start + 1)...].prefix(4).firstIndex(where: \.isText),
           let entry = TextHeadings.contentsEntry(lines[first].content) ?? TextHeadings.parse(lines[first].content), let number = entry.number {
            let title = TextHeadings.foldedTitle(entry.title)
            for j in (first + 1)..<lines.count where lines[j].isText && lines[j].content.hasPrefix(number) {
                guard let again = TextHeadings.parse(lines[j].content), again.number == number,
                      !TextHeadings.endsWithLeaderAndPage(lines[j].content), TextHeadings.foldedTitle(again.title) == title else { continue }
                range = start..<j
                break
            }
        }
        var listing: [String: String] = [:]
        var repeated = Set<String>(), named = Set<String>(), unnumbered = Set<String>()
        let span = (start + 1)..<(range?.upperBound ?? min(lines.count, start + 600))
        let topIndent = lines[span].first(where: \.isText)?.indent
        for j in span where lines[j].isText {
            let line = lines[j]
            guard let entry = TextHeadings.contentsEntry(line.content) ?? wrappedContentsEntry(j, within: span), let number = entry.number else {
                // A line with no page is the contents' only where their end is known.
                if range != nil {
                    // An unnumbered entry may have its page ("Acknowledgements . . . 67").
                    let text = TextHeadings.withoutLeaderAndPage(line.content) ?? line.content
                    let parsed = TextHeadings.parse(text)
                    named.insert(TextHeadings.foldedTitle(parsed?.title ?? String(text)))
                    // At a top-level entry's indentation (a wrapped title's second line is
                    // further in), unnumbered.
                    if line.indent == topIndent, parsed == nil, line.content.first?.isUppercase == true {
                        unnumbered.insert(TextHeadings.foldedTitle(line.content))
                    }
                }
                continue
            }
            let title = TextHeadings.foldedTitle(entry.title)
            named.insert(title)
            if let earlier = listing.updateValue(title, forKey: number), earlier != title { repeated.insert(number) }
        }
        // Only contents printed without pages, as xml2rfc 3 prints them for every heading:
        // older ones list some unnumbered headings and not others ("Open Issues",
        // "Disclaimer of Validity").
        let paged = lines[span].contains { $0.isText && TextHeadings.endsWithLeaderAndPage($0.content) }
        return (listing, range, repeated, named, paged ? [] : unnumbered)
    }

    /// The last line outside the table of contents, after a break, that prints each listed
    /// heading: its number and the title the contents give it (`listing` holds only the
    /// numbers listed once: a draft's contents may give two sections one number, as its
    /// body does).
    func listedHeadingLines(_ listing: [String: String], outside contents: Range<Int>?) -> [String: Int] {
        guard !listing.isEmpty else { return [:] }
        var at: [String: Int] = [:]
        // Headings stand after a blank line or a page break.
        for i in lines.indices where lines[i].isText && (i == 0 || !lines[i - 1].isText) && contents?.contains(i) != true {
            guard let first = lines[i].content.utf8.first, TextHeadings.isDigit(first) || TextHeadings.isUpper(first),
                  let candidate = TextHeadings.parse(lines[i].content), let number = candidate.number,
                  let listed = listing[number], !TextHeadings.endsWithLeaderAndPage(lines[i].content),
                  TextHeadings.foldedTitle(candidate.title) == listed else { continue }
            at[number] = i
        }
        return at
    }

    /// A numbered line the table of contents contradicts: the contents list its number
    /// with another title, and that heading is printed further on. An item of a numbered
    /// list set flush left ("4. Security of content and configuration information when
    /// LDAP servers", draft-ietf-ldup-model, where the contents list "4 Directory Model",
    /// printed 300 lines below) was taken for section 4, and every heading before the real
    /// one was then out of order and lost. Not when the contents name its title (`named`,
    /// folded): a draft may print two sections with one number and list only one with its
    /// page ("3.3. buildingName", "3.3. co 8", draft-zeilenga-ldap-user-schema).
    static func isContradicted(_ candidate: TextHeadings.Candidate, at i: Int, contents: [String: String], named: Set<String>,
                               printedAt: (String) -> Int?) -> Bool {
        guard let number = candidate.number, let listed = contents[number] else { return false }
        let folded = TextHeadings.foldedTitle(candidate.title)
        // A title wrapped onto the next line is the listed one's start.
        guard !listed.hasPrefix(folded), !named.contains(folded), let printed = printedAt(number) else { return false }
        return printed > i
    }

    /// An entry of the contents whose title wraps onto the next line, the leader and page
    /// there ("   1.7.  Significant Differences between RFC 4306 and This" over "         Document
    /// . . . . 10", as xml2rfc wraps them): its title whole.
    func wrappedContentsEntry(_ j: Int, within span: Range<Int>) -> TextHeadings.Candidate? {
        guard j + 1 < span.upperBound, lines[j + 1].isText, !TextHeadings.endsWithLeaderAndPage(lines[j].content),
              let rest = TextHeadings.withoutLeaderAndPage(lines[j + 1].content),
              TextHeadings.parse(lines[j + 1].content)?.components.isEmpty != false,
              var entry = TextHeadings.parse(lines[j].content), !entry.components.isEmpty else { return nil }
        entry.title += " " + rest
        return entry
    }

    /// "Table of Contents" standing as a heading, numbered as some drafts number it ("2
    /// Table of Contents", draft-ietf-ldup-model) or not.
    static func isContentsHeading(_ content: Substring) -> Bool {
        let n = content.utf8.count
        if n <= 17 { return isTableOfContents(String(content)) }
        guard n <= 25, let first = content.utf8.first, TextHeadings.isDigit(first),
              let heading = TextHeadings.parse(content), heading.components.count == 1 else { return false }
        return isTableOfContents(heading.title)
    }

    /// The number of a line opening a numbered list's item ("3. Get the octet at IP",
    /// "2) Set the input pointer"): one to three digits, a dot or parenthesis, a space.
    /// "2.1 Title" is a subsection's number, not an item's.
    static func listItemNumber(_ content: Substring) -> (number: Int, mark: UInt8)? {
        let u = content.utf8
        var value = 0, digits = 0
        var index = u.startIndex
        while index != u.endIndex, TextHeadings.isDigit(u[index]), digits < 4 {
            value = value * 10 + Int(u[index] - 0x30)
            digits += 1
            index = u.index(after: index)
        }
        guard digits >= 1, digits <= 3, index != u.endIndex, u[index] == 0x2E || u[index] == 0x29 else { return nil }
        let mark = u[index]
        index = u.index(after: index)
        guard index != u.endIndex, u[index] == 0x20 else { return nil }
        return (value, mark)
    }

    /// A numbered title whose number is exactly the next after `previous` ("3.3 Glue
    /// Records" after 3.2): digits, a capital, no full stop at the end.
    private func isNextHeading(_ content: Substring, after previous: [Substring]?) -> Bool {
        guard let previous, content.utf8.first.map(TextHeadings.isDigit) == true,
              let candidate = TextHeadings.parse(content), candidate.title.first?.isUppercase == true,
              candidate.title.last != "." else { return false }
        return TextHeadings.isNextNumber(candidate.components, after: previous)
    }

    /// Whether the table of contents lists this heading: its number and its title.
    static func isListed(_ candidate: TextHeadings.Candidate, in listing: [String: String]) -> Bool {
        guard let number = candidate.number, let listed = listing[number] else { return false }
        return TextHeadings.foldedTitle(candidate.title) == listed
    }

    /// The headings at the document's left margin: column 0, or where a document shifted
    /// right as a whole has its least indentation (`margin`).
    func headings(margin: Int = 0) -> [Heading] {
        var out: [Heading] = []
        var inFront = true
        var seenContents = false
        var previousNumber: [Substring]?
        var titleLine = -1 // a title read below its heading line
        // What the headings in `out` so far say (`out` only grows), kept up as it grows so
        // that no line looks back through all of them (a document of many headings and many
        // lines that ask was read in quadratic time): the numbers used, and the last number
        // in digits (the main numbering, which references after the appendices take up).
        var numbersUsed = Set<[Substring]>(), numbersCounted = 0
        var lastMainNumber: [Substring]?
        func catchUp() {
            while numbersCounted < out.count {
                let number = out[numbersCounted].number
                numbersUsed.insert(number)
                if number.first?.first?.isNumber == true { lastMainNumber = number }
                numbersCounted += 1
            }
        }
        func isUnused(_ number: [Substring]) -> Bool {
            catchUp()
            return !numbersUsed.contains(number)
        }
        let (contents, contentsLines, repeatedInContents, namedInContents, unnumberedInContents) = tableOfContents()
        // Where each listed heading is printed, found only when a line contradicting the
        // contents asks (most documents have none).
        var listedAt: [String: Int]?
        func printedAt(_ number: String) -> Int? {
            if listedAt == nil { listedAt = listedHeadingLines(contents.filter { !repeatedInContents.contains($0.key) }, outside: contentsLines) }
            return listedAt?[number]
        }
        // A numbered list set where headings are, counted from its first item since the last
        // heading ("1. Set the input pointer ...", "2. If the octet ...", draft-ietf-idn-lace-01):
        // its next item is no heading, though its number would be next. Only items marked
        // alike: "1)" to "3)" under "3. Requirements" lead to "4. Conversion operations"
        // (draft-ietf-idn-idna-07).
        var listRun = (headings: -1, indent: -1, mark: UInt8(0), next: 0)
        for i in lines.indices {
            let line = lines[i]
            guard line.isText, i != titleLine else { continue }
            if let contentsLines, contentsLines.contains(i), i != contentsLines.lowerBound, TextHeadings.parse(line.content)?.components.isEmpty == false {
                continue // an entry of the table of contents
            }
            var continuesList = false
            if let item = Self.listItemNumber(line.content) {
                if item.number == 1 {
                    listRun = (out.count, line.indent, item.mark, 2)
                } else if listRun == (out.count, line.indent, item.mark, item.number) {
                    continuesList = true
                    listRun.next += 1
                }
            }
            let afterBreak = i == 0 || !lines[i - 1].isText
            let afterHeading = out.last?.index == i - 1
            let beforeBreak = i + 1 == lines.count || !lines[i + 1].isText
            if line.indent < margin {
                // xml2rfc 1 set its numbered headings in with the text but its unnumbered
                // titles at column 0 ("   1. Introduction", then "References", "Authors'
                // Addresses", "Full Copyright Statement", draft-ietf-dnsext-dnssec-protocol-00):
                // a familiar front or back title standing alone is a heading left of the margin.
                guard afterBreak, beforeBreak, let title = Self.unnumberedTitle(line.content),
                      Self.isKnownFrontTitle(title) || Self.isKnownBackTitle(title) else { continue }
            }
            if !contents.isEmpty, previousNumber != nil, line.indent > margin, line.indent - margin <= 8, afterBreak || afterHeading, beforeBreak,
               let candidate = TextHeadings.parse(line.content), !candidate.components.isEmpty,
               !TextHeadings.endsWithLeaderAndPage(line.content), Self.isListed(candidate, in: contents),
               let previous = previousNumber, TextHeadings.isPlausible(candidate, after: previous) {
                // A heading the body indents, as the table of contents lists it ("     2.1 One
                // Spare Bit?", draft-ietf-dnsext-2929bis-00; "   4.1.1.  Standard Protocol"
                // under a flush-left 4.1, RFC 1780): the contents name the document's headings.
                // Only after a heading at the margin: a document indented as a whole is read
                // at its own margin.
                out.append(Heading(index: i, number: candidate.components, title: candidate.title, isFront: false))
                previousNumber = candidate.components
                inFront = false
                continue
            }
            if line.indent == margin + 1, afterBreak, beforeBreak, let previous = previousNumber,
               let candidate = TextHeadings.parse(line.content), !candidate.components.isEmpty, !candidate.isAppendix,
               candidate.title.first?.isUppercase == true,
               TextHeadings.isNextNumber(candidate.components, after: previous) {
                // A heading pushed in by one stray space (" 4.13   Using the ManageDsaIT
                // control", draft-sermersheim-ldap-distproc): a line standing alone whose
                // number is exactly the next one, where body text sits further in.
                out.append(Heading(index: i, number: candidate.components, title: candidate.title, isFront: false))
                previousNumber = candidate.components
                inFront = false
                continue
            }
            if line.indent > margin, afterBreak, line.content.utf8.first.map(TextHeadings.isDigit) == true,
               let candidate = TextHeadings.parse(line.content),
               candidate.components.count >= 2, !candidate.isAppendix, candidate.title.drop(while: { $0 == "\"" }).first?.isUppercase == true,
               Self.isOutlineIndent(line.indent - margin, depth: candidate.components.count), textBelowIsFurtherIn(i),
               let previous = previousNumber, TextHeadings.isNextNumber(candidate.components, after: previous) {
                var heading = Heading(index: i, number: candidate.components, title: candidate.title, isFront: false)
                if !beforeBreak {
                    // A title wrapped once, its second line further in ("4.2.2.8  TCP Connection
                    // State Diagram: RFC-793 Section 3.2," / "page 23", RFC 1122): a short tail.
                    // A sentence so wrapped is a numbered requirement ("5.1  LDAP Replication
                    // MUST be allowed to span different vendors" / "directory services in order
                    // to provide interoperability.", draft-ietf-ldup-replica-req).
                    guard let wrapped = outlineTitleWrap(after: i), wrapped.last != ".", wrapped.count <= 30 else { continue }
                    heading.title += " " + wrapped
                    heading.bodyStart = i + 2
                }
                // Subsections indented a step a level, each body a step further in (RFC 1122,
                // RFC 1123: "   1.1  The Internet Architecture" over text at column 6,
                // "      1.1.1  Internet Hosts" over text at 9), numbered exactly next: an
                // indented line standing alone is more often a numbered paragraph or item. A
                // title may open with a quote ("4.1.4.2  \"QUOTE\" Command", RFC 1123).
                out.append(heading)
                previousNumber = candidate.components
                inFront = false
                continue
            }
            if line.indent > margin {
                // A numbered title centred on a line of its own (RFC 791 and RFC 793 print
                // their chapter titles so, their sections flush left).
                // The number ends in a dot there ("1.  INTRODUCTION"): a centred "5 June 1978" is a date.
                // A title, not a sentence, and none the contents contradict: an item of a list
                // nested deep may happen to sit in the middle ("             6.  Set _cookie_'s
                // expiry-time to _expiryTime_.", draft-ietf-httpbis-layered-cookies).
                guard afterBreak, beforeBreak, isCentred(line), line.content.prefix(while: { $0 != " " }).hasSuffix("."),
                      line.content.last != ".",
                      let candidate = TextHeadings.parse(line.content),
                      !candidate.components.isEmpty, !candidate.isAppendix,
                      TextHeadings.isPlausible(candidate, after: previousNumber),
                      !Self.isContradicted(candidate, at: i, contents: contents, named: namedInContents, printedAt: printedAt) else { continue }
                out.append(Heading(index: i, number: candidate.components, title: candidate.title, isFront: false))
                previousNumber = candidate.components
                inFront = false
                continue
            }
            // A numbered heading may also sit right under an indented line (a figure with
            // no blank line after it) when a blank line follows it: running text in an
            // indented document never wraps back to column 0.
            let underIndented = !afterBreak && lines[i - 1].indent > margin && beforeBreak
            // Or right under a paragraph that ended its sentence, numbered exactly next, a
            // blank line after it ("... shouldn't cover this over." over "3.3 Glue Records"
            // after 3.2, draft-ietf-dnsext-axfr-clarify-06): a sentence running on at the
            // margin ends with no full stop ("... is described in section" / "6.4. Because
            // name labels ...", draft-ietf-idn-idna-07) and has no blank line after it.
            let underSentence = !afterBreak && beforeBreak && !afterHeading && lines[i - 1].indent == margin
                && lines[i - 1].content.last == "." && isNextHeading(line.content, after: previousNumber)
            guard afterBreak || afterHeading || underIndented || underSentence else { continue }
            if TextHeadings.endsWithLeaderAndPage(line.content) { continue }
            if let candidate = TextHeadings.parse(line.content) ?? numberOverTitle(i), !candidate.components.isEmpty,
               !(continuesList && !Self.isListed(candidate, in: contents)),
               TextHeadings.isPlausible(candidate, after: previousNumber)
                || TextHeadings.resumesMainNumbering(candidate.components, after: previousNumber,
                                                     lastMain: { catchUp(); return lastMainNumber })
                // The last heading's number again, where the contents list the line so (a
                // draft giving two sections one number: "6. Security Considerations", "6.
                // Copyright and Disclaimer", draft-ietf-dnsext-tsig-sha-03).
                || (candidate.components == out.last?.number && Self.isListed(candidate, in: contents))
                || (previousNumber == nil && afterBreak && beforeBreak && opensPartialNumbering(i, candidate, margin: margin))
                || (afterBreak && beforeBreak && misnumberedBack(candidate, after: previousNumber) && isUnused(candidate.components))
                || (afterBreak && beforeBreak && misprintedGap(i, candidate, after: previousNumber, margin: margin) != nil && isUnused(candidate.components)),
               !Self.isContradicted(candidate, at: i, contents: contents, named: namedInContents, printedAt: printedAt) {
                var heading = Heading(index: i, number: candidate.components, title: candidate.title, isFront: false)
                if let wrapped = wrappedTitle(after: i, title: candidate.title) ?? listedTitleWrap(after: i, candidate: candidate, contents: contents) {
                    // A title broken after a hyphen ("[I-D.ietf-idr-" / "legacy-rtc]") or a
                    // slash ("... for application/" / "multipart-core", RFC 8710) joins
                    // without a space, as paragraph lines do.
                    let hyphenated = (candidate.title.hasSuffix("-") && !candidate.title.hasSuffix(" -"))
                        || (candidate.title.hasSuffix("/") && !candidate.title.hasSuffix(" /"))
                    heading.title += (hyphenated ? "" : " ") + wrapped
                    heading.bodyStart = i + 2
                } else if candidate.title.isEmpty, let below = titleBelow(i) {
                    // "Annex A", then the title on a line of its own (RFC 1507).
                    heading.title = String(lines[below].content)
                    heading.bodyStart = below + 1
                    titleLine = below
                } else if let runIn = runInTitle(i, candidate: candidate, contents: contents) {
                    heading.title = runIn.title
                    heading.lead = runIn.lead
                } else if let lead = numberedParagraphLead(i, title: candidate.title) {
                    heading.lead = lead
                    heading.titleOpensBody = true
                }
                out.append(heading)
                // The numbering goes on from this heading's number, except after a misprint: one
                // in a gap stands for the number the gap wants (RFC 3162's 3.2 between 2.1 and
                // 2.3 is 2.2 to the numbering), and a back-matter subsection under a misprinted
                // parent leaves the numbering where it was ("12. Intellectual Property" follows
                // 11.1 and the misprinted 12.2, RFC 3687).
                let plausible = TextHeadings.isPlausible(candidate, after: previousNumber)
                if !plausible, let meant = misprintedGap(i, candidate, after: previousNumber, margin: margin) {
                    previousNumber = meant
                } else if plausible || !(candidate.components.count >= 2 && misnumberedBack(candidate, after: previousNumber)) {
                    previousNumber = candidate.components
                }
                inFront = false
                continue
            }
            guard afterBreak || afterHeading else { continue }
            let underlined = isUnderline(i + 1, of: line)
            guard beforeBreak || underlined, !runsOnOverPage(i) else { continue }
            let title = Self.unnumberedTitle(line.content)
            // An appendix's heading out of the document's numbering keeps the number it prints
            // ("C.2.4.6 Management Query Frame" after C.2.6.2, RFC 2544; "G.10 userPassword and
            // simple bind" under an appendix G whose G.1 to G.9 have no titles; "Appendix II:
            // Specification under Kerberos version 4", RFC 2228): it is still a heading, as any
            // title standing alone is, and its number is the one a reader cites. Not when an
            // earlier heading has that number: a lookup by number finds one.
            if previousNumber != nil, let candidate = TextHeadings.parse(line.content), candidate.isAppendix,
               !candidate.components.isEmpty, !candidate.title.isEmpty,
               title != nil || TextHeadings.isUnnumberedTitle(Substring(candidate.title)), isUnused(candidate.components) {
                out.append(Heading(index: i, number: candidate.components, title: candidate.title, isFront: false))
                if underlined {
                    titleLine = i + 1
                    out[out.count - 1].bodyStart = i + 2
                }
                inFront = false
                continue
            }
            guard let title else { continue }
            // Contents that list the body's unnumbered headings too (as xml2rfc 3's do:
            // "Acknowledgments", "Authors' Addresses") list them all: a line standing alone in
            // the body that they do not name is a figure's or a list's ("Number of
            // Participants" in RFC 9307's data model set flush left). The familiar back
            // titles and the copyright boilerplate's ("Disclaimer of Validity", "Copyright
            // Statement", which hand-made contents leave out) stay headings whatever, and so
            // does a title under an unnumbered heading: its subsections may be left out of
            // the contents (toc="exclude": "Special Thanks" under "Acknowledgments", RFC 9030).
            let lowerTitle = title.lowercased()
            if previousNumber != nil, out.last?.number.isEmpty == false, !unnumberedInContents.isEmpty,
               !unnumberedInContents.contains(TextHeadings.foldedTitle(title)),
               !Self.isKnownBackTitle(title), !lowerTitle.hasPrefix("disclaimer"), !lowerTitle.hasPrefix("copyright") {
                continue
            }
            // An underlined title is the heading style of documents with no contents list
            // (RFC 768). In the body of one whose contents are known end to end, a title the
            // contents do not name is a figure's, set flush left for its width ("RESPONSE"
            // over "--------" in an HTTP exchange, draft-ietf-netconf-zerotouch).
            if underlined, previousNumber != nil, contentsLines != nil, !namedInContents.contains(TextHeadings.foldedTitle(title)) {
                continue
            }
            if underlined { titleLine = i + 1 }
            // Before the first numbered heading: front sections, except that after the table
            // of contents an unfamiliar title starts the body.
            if inFront, Self.isKnownFrontTitle(title) || (!seenContents && !Self.isKnownBackTitle(title)) {
                if Self.isTableOfContents(title) { seenContents = true }
                out.append(Heading(index: i, number: [], title: title, isFront: true))
            } else {
                inFront = false
                out.append(Heading(index: i, number: [], title: title, isFront: false))
            }
            if underlined { out[out.count - 1].bodyStart = i + 2 }
        }
        // With no numbered heading in the body and no table of contents (RFC 768; an
        // appendix's letter is no body number: draft-good-ldap-ldif-05's body is titled, its
        // only number "Appendix A"), only the familiar front titles are front matter: the
        // first other title starts the body.
        if !seenContents, !out.contains(where: { $0.number.first?.utf8.first.map(TextHeadings.isDigit) == true }),
           let first = out.firstIndex(where: { $0.isFront && !Self.isKnownFrontTitle($0.title) }) {
            for k in first..<out.count { out[k].isFront = false }
        }
        return out
    }

    /// An unnumbered title's text: the line, or a familiar title with a colon after it as
    /// hand-made drafts print them ("Abstract:", "Introduction:", "References:",
    /// draft-dnsext-opcode-discover-00, whose body was front matter without them). Other
    /// lines ending in a colon are labels or sentences ("Note:", "Footnotes:", "FIXES:", "The
    /// message fields are:"), not titles. Nil when the line is no title.
    static func unnumberedTitle(_ content: Substring) -> String? {
        // A first-page header field set apart ("Amends: RFC 1035", draft-ietf-dnsext-tsig-00).
        if TextFrontMatter.isLabelledHeaderField(content) { return nil }
        if TextHeadings.isUnnumberedTitle(content) { return String(content) }
        guard content.last == ":", TextHeadings.isUnnumberedTitle(content.dropLast()) else { return nil }
        let title = String(content.dropLast())
        let lower = title.lowercased()
        // "Note:" and "Notice:" open remarks inside sections (RFC 2553's drafts).
        guard lower != "note", lower != "notice" else { return nil }
        let familiar = ["introduction", "security considerations", "iana considerations"].contains(lower)
        return familiar || isKnownFrontTitle(title) || isKnownBackTitle(title) ? title : nil
    }

    /// A back-matter heading standing alone whose number the document misprinted: a jump
    /// forward at the top ("12.  Authors' Addresses" after "8.0 References", RFC 2377), or
    /// the next subsection under a neighbouring parent ("12.2.  Informative References"
    /// after "11.1.  Normative References", RFC 3687, whose contents list it as 11.2; "9.2"
    /// after "10.1", draft-zhu-pkinit-ecc-01). Its title must be one that only the end of
    /// a document has, so a numbered list's item set flush left is not taken for it; the
    /// number is kept as printed, the one a reader cites.
    func misnumberedBack(_ candidate: TextHeadings.Candidate, after previous: [Substring]?) -> Bool {
        // A title, not a list item's sentence ("12. Security considerations are covered in
        // section 5."): a few words, no full stop.
        guard let previous, !candidate.isAppendix, Self.isBackMatterTitle(candidate.title), !candidate.title.hasSuffix("."),
              candidate.title.split(separator: " ").count <= 6 else { return false }
        return TextHeadings.isMisnumbering(candidate.components, after: previous)
    }

    /// Titles only a document's end has: the familiar back titles (`isKnownBackTitle`)
    /// narrowed to those no body section has (an author's address, not "Authorization ...";
    /// not "Index"), and the considerations sections.
    static func isBackMatterTitle(_ title: String) -> Bool {
        let t = title.lowercased()
        if t.hasPrefix("author") {
            return ["author's address", "authors' address", "authors address", "author address"].contains { t.hasPrefix($0) }
        }
        return ByteSearch.contains(t, "considerations") || (t != "index" && isKnownBackTitle(title))
    }

    static func isKnownFrontTitle(_ title: String) -> Bool {
        let t = title.lowercased()
        return ["abstract", "status of this memo", "copyright notice", "table of contents", "contents",
                "copyright statement", "iesg note", "ietf note", "note", "notice"].contains(t)
            || t.hasPrefix("status of this")
    }

    static func isKnownBackTitle(_ title: String) -> Bool {
        let t = title.lowercased()
        return ByteSearch.contains(t, "references") || t.hasPrefix("author") || t.hasPrefix("acknowledg") || t.hasPrefix("full copyright")
            || t.hasPrefix("intellectual property") || t == "index" || t.hasPrefix("contributors")
    }

    static func isTableOfContents(_ title: String) -> Bool {
        let t = title.lowercased()
        return t == "table of contents" || t == "contents"
    }

    func document(blockParts: TextBlockParts.Policy = .machine) -> Document {
        var heads = headings()
        if !heads.contains(where: { !$0.number.isEmpty }), let margin = shiftedMargin() {
            // No numbered heading flush left: a document indented as a whole (its headings
            // at column 2, its text at 5) is read at its own margin.
            // Not when the shifted reading finds fewer headings than the flush-left one: RFC
            // 1033's titles stand unnumbered at column 0, and its only numbered lines are a
            // list's items set in ("   1. Complain privately to the responsible person").
            let shifted = headings(margin: margin)
            if shifted.contains(where: { !$0.number.isEmpty }), shifted.count >= heads.count { heads = shifted }
        }
        let firstHeading = heads.first?.index ?? lines.count
        let front = TextFrontMatter(lines[0..<firstHeading])
        var metadata = Metadata(file: path, format: .text, docName: front.docName, rfcNumber: front.rfcNumber,
                                title: front.title, category: front.category, submissionType: front.submissionType,
                                authors: front.authors, date: front.date)
        if metadata.docName == nil, metadata.rfcNumber == nil {
            metadata.docName = lines.lazy.compactMap { TextFrontMatter.draftName(in: $0.content) }.first
        }
        // Where each front note and section begins and ends, found in order; their bodies
        // are then built (on every core for a large document: `TextBlockParts`).
        enum Place { case abstract, note(String, SourceLocation), section(Section) }
        var places: [Place] = []
        var bodies: [TextBlockParts.Body] = []
        var shallower: [(depth: Int, titledReferences: Bool)] = []
        var back = false
        for (n, var heading) in heads.enumerated() {
            let end = n + 1 < heads.count ? heads[n + 1].index : lines.count
            var body = lines[min(heading.bodyStart, end)..<end]
            if let lead = heading.lead { body = ArraySlice([lead] + body) }
            let location = SourceLocation(file: path, line: lines[heading.index].number)
            if heading.isFront {
                if Self.isTableOfContents(heading.title) { continue }
                places.append(heading.title.lowercased() == "abstract" ? .abstract : .note(heading.title, location))
                bodies.append(.init(lines: body, references: false))
                continue
            }
            let depth = TextHeadings.depth(heading.number)
            let lowerTitle = heading.title.lowercased()
            // The last section shallower than this one (its parent, printed or not): the
            // sections before it that are no shallower are popped, as none can be that for a
            // later section (this one comes after them and is shallower).
            while let top = shallower.last, top.depth >= depth { shallower.removeLast() }
            let isReferences = ByteSearch.contains(lowerTitle, "references") || ByteSearch.contains(lowerTitle, "bibliography")
                || (depth > 1 && shallower.last?.titledReferences == true)
            shallower.append((depth, ByteSearch.contains(lowerTitle, "references")))
            if depth == 1, isReferences || heading.number.first.map({ !TextHeadings.isDigit($0.utf8.first!) }) ?? false {
                back = true
            }
            var section = Section(number: heading.number.isEmpty ? nil : heading.number.joined(separator: "."),
                                  title: TextHeadings.singleSpacedSentences(heading.title), depth: depth, isBackMatter: back, blocks: [], location: location)
            section.titleOpensBody = heading.titleOpensBody
            places.append(.section(section))
            bodies.append(.init(lines: body, references: isReferences))
        }
        var abstract: [Block] = []
        var notes: [Container] = []
        var warnings: [DocumentWarning] = []
        var flat: [Section] = []
        for (place, blocks) in zip(places, TextBlockParts.build(bodies, with: builder, policy: blockParts)) {
            switch place {
            case .abstract: abstract = blocks
            case .note(let title, let location): notes.append(Container(title: title, blocks: blocks, location: location))
            case .section(var section):
                section.blocks = blocks
                flat.append(section)
            }
        }
        if flat.isEmpty {
            // Text with no headings: its body as one untitled section, said in a warning.
            let start = heads.last.map { $0.index + 1 } ?? lines.firstIndex(where: \.isText) ?? 0
            let blocks = builder.blocks(lines[start...], references: false)
            if !blocks.isEmpty {
                flat.append(Section(number: nil, title: "", depth: 1, blocks: blocks, location: blocks[0].location))
            }
            let line = start < lines.count ? lines[start].number : (lines.last?.number ?? 1)
            warnings.append(DocumentWarning("no section headings found; the text is read as one untitled section", at: SourceLocation(file: path, line: line)))
        }
        return Document(metadata: metadata, abstract: abstract, notes: notes, sections: Self.nest(flat), warnings: warnings)
    }

    /// Flat sections in document order, nested by depth (a skipped level hangs under the
    /// nearest shallower section).
    static func nest(_ flat: [Section]) -> [Section] {
        var roots: [Section] = []
        var stack: [Section] = []
        func close() {
            let done = stack.removeLast()
            if stack.isEmpty { roots.append(done) } else { stack[stack.count - 1].subsections.append(done) }
        }
        for section in flat {
            while let top = stack.last, top.depth >= section.depth { close() }
            stack.append(section)
        }
        while !stack.isEmpty { close() }
        return roots
    }
}
