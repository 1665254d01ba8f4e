import Foundation

/// One physical line of a plain-text document, trailing white space and form feeds removed,
/// tabs expanded to 8-column stops.
struct TextLine {
    enum Kind { case text, blank, pageBreak }

    var kind: Kind
    /// 1-based line number in the file.
    var number: Int
    /// Leading spaces.
    var indent: Int
    /// The line as printed without its leading spaces (`raw` without what stands before
    /// the text), without trailing white space.
    private(set) var content: Substring
    /// For a page break: the blank lines that padded the page above it. A page a paragraph
    /// runs off is filled to the last line, so more padding than the document's least means
    /// the text above ended there.
    var padding = 0
    /// The UTF-8 bytes of `raw` before `content`. The line as printed is found from the
    /// content rather than held beside it: a second reference to the text's storage doubled
    /// the reference counting of every copy of a line, which the reader makes on each pass.
    private var rawLead: Int

    /// The line as printed (leading spaces kept), without trailing white space.
    var raw: Substring {
        let base = content.base
        return base[base.utf8.index(content.startIndex, offsetBy: -rawLead)..<content.endIndex]
    }

    var isText: Bool { kind == .text }

    /// A line whose printed form is `content` after `indent` spaces.
    init(kind: Kind, number: Int, indent: Int, content: Substring) {
        self.kind = kind
        self.number = number
        self.indent = indent
        self.content = content
        self.rawLead = indent
    }

    static func pageBreak(at number: Int, padding: Int) -> TextLine {
        var line = TextLine(kind: .pageBreak, number: number, indent: 0, content: "")
        line.padding = padding
        return line
    }

    /// Narrows the content to `part`, a slice of it (a heading's words taken off its
    /// front, a change bar off its end); the line as printed stays whole.
    mutating func narrow(to part: Substring) {
        let base = content.base.utf8
        rawLead += base.distance(from: content.startIndex, to: part.startIndex)
        content = part
    }

    /// Makes the line blank where its content began.
    mutating func makeBlank() {
        kind = .blank
        indent = 0
        rawLead = 0
        content = content[content.startIndex..<content.startIndex]
    }
}

extension TextLine {
    /// `parts`, runs of one text's lines, moved onto a copy of their own of the bytes they
    /// span, in the same runs. Each copy of a line counts a reference to the storage its
    /// content is cut from; threads that build blocks from lines of one storage count on one
    /// object, and on two cores that cost more than the counting itself (RFC 7296: 23 ms of
    /// CPU on two cores, 16 ms on one). A line cut from other storage (a tab-expanded one)
    /// keeps it.
    static func onOwnCopy(_ parts: [ArraySlice<TextLine>]) -> [ArraySlice<TextLine>] {
        let all = Array(parts.joined())
        // The text most lines are cut from is the longest one any is cut from.
        guard let anchor = all.max(by: { $0.content.base.utf8.count < $1.content.base.utf8.count }) else { return parts }
        let base = anchor.content.base
        let utf8 = base.utf8
        let address = anchor.storageAddress
        func offset(_ index: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: index) }
        var low = Int.max, high = 0
        let shared = all.map { $0.storageAddress == address }
        for (line, isShared) in zip(all, shared) where isShared {
            low = min(low, offset(line.content.startIndex) - line.rawLead)
            high = max(high, offset(line.content.endIndex))
        }
        guard low < high else { return parts }
        let copy = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: low)..<utf8.index(utf8.startIndex, offsetBy: high)]))
        let copied = copy.utf8
        var moved: [TextLine] = []
        moved.reserveCapacity(all.count)
        for (line, isShared) in zip(all, shared) {
            guard isShared else { moved.append(line); continue }
            var line = line
            let start = copied.index(copied.startIndex, offsetBy: offset(line.content.startIndex) - low)
            let end = copied.index(copied.startIndex, offsetBy: offset(line.content.endIndex) - low)
            line.content = copy[start..<end]
            moved.append(line)
        }
        var out: [ArraySlice<TextLine>] = []
        out.reserveCapacity(parts.count)
        var at = 0
        for part in parts {
            out.append(moved[at..<at + part.count])
            at += part.count
        }
        return out
    }

    /// Where the bytes of the text this line was cut from are stored (a small text, held
    /// inline, gives a transient address that matches no document's).
    var storageAddress: UnsafeRawPointer? {
        content.base.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }
}

/// Turning bytes into lines: the checks that reject what is not a text document, line
/// splitting (LF, CRLF, lone CR), and the removal of the RFC/I-D page layout.
enum TextLines {
    /// The text without its BOM, or `notADocument` for empty or binary input. Bytes that
    /// are not UTF-8 are read as Windows-1252 (the Latin-1 superset text documents used
    /// until about 2010), with a warning naming the first such byte.
    static func decode(_ data: Data, path: String) throws -> (text: String, warning: DocumentWarning?) {
        guard !data.isEmpty else {
            throw DocumentError(.notADocument, "the file is empty", at: SourceLocation(file: path, line: 1))
        }
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // A NUL is looked for in the bytes as read, before any copy of them is made: a
        // 130 MB executable given as a document was held twice over (scripts/hostile D11d).
        let nul = data.withUnsafeBytes { raw in
            withUnsafeBytes(of: UInt8(0)) { ByteSearch.first($0, in: raw, from: bom) }
        }
        if let nul {
            let before = data.withUnsafeBytes { [UInt8]($0[bom ..< nul]) }
            throw DocumentError(.notADocument, "binary content, not a text document: NUL byte at byte offset \(nul)",
                                at: location(ofByte: before.count, in: before, path: path))
        }
        let bytes = [UInt8](data.dropFirst(bom))
        // Text has no control characters beyond tab, line ends, form feed and the odd
        // backspace; a file where they are common is binary even without a NUL.
        let controls = bytes.reduce(0) { n, b in b < 0x20 && !(b >= 0x08 && b <= 0x0D) || b == 0x7F ? n + 1 : n }
        if controls * 100 > bytes.count {
            throw DocumentError(.notADocument, "binary content, not a text document: \(controls) control bytes in \(bytes.count)", at: SourceLocation(file: path, line: 1))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            guard text.utf8.contains(where: { !isSpaceByte($0) }) else {
                throw DocumentError(.notADocument, "the file holds only white space", at: SourceLocation(file: path, line: 1))
            }
            return (text, nil)
        }
        // Not UTF-8: find the first bad byte for the warning.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: break loop
            case .error:
                break loop
            }
        }
        let text = windows1252(bytes)
        guard text.utf8.contains(where: { !isSpaceByte($0) }) else {
            throw DocumentError(.notADocument, "the file holds only white space", at: SourceLocation(file: path, line: 1))
        }
        let byte = offset < bytes.count ? "0x\(String(bytes[offset], radix: 16, uppercase: true))" : "a truncated sequence"
        let warning = DocumentWarning("not UTF-8 text (\(byte) at byte offset \(offset + bom)): read as Windows-1252 (Latin-1)",
                                      at: location(ofByte: min(offset, bytes.count), in: bytes, path: path))
        return (text, warning)
    }

    /// Windows-1252 to Unicode: Latin-1 with printable characters in 0x80-0x9F. The five
    /// bytes it leaves undefined map to the C1 control of the same value, as the WHATWG
    /// Encoding Standard does, so no byte is lost.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let value: UInt32 = (0x80...0x9F).contains(b) ? UInt32(windows1252High[Int(b) - 0x80]) : UInt32(b)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Code points of Windows-1252 bytes 0x80-0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D undefined).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1, column = 1
        for b in bytes[..<offset] {
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    static func isSpaceByte(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B
    }

    /// Splits on LF, CRLF and lone CR; marks the lines (by index) that open a page: those
    /// that began with a form feed, or followed a line that ended with one.
    static func split(_ text: String) -> (lines: [TextLine], formFeeds: Set<Int>) {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        let source = contiguous
        var lines: [TextLine] = []
        var formFeeds = Set<Int>()
        contiguous.withUTF8 { bytes in split(source, bytes: bytes, into: &lines, formFeeds: &formFeeds) }
        return (lines, formFeeds)
    }

    /// The scan over `text`'s UTF-8 bytes: every boundary it cuts at is an ASCII byte (line
    /// ends, form feeds, spaces), so the byte offsets are valid String indices.
    private static func split(_ text: String, bytes: UnsafeBufferPointer<UInt8>, into lines: inout [TextLine], formFeeds: inout Set<Int>) {
        lines.reserveCapacity(bytes.count / 50)
        let utf8 = text.utf8
        let base = utf8.startIndex
        var number = 0
        func emit(_ lineStart: Int, _ lineEnd: Int) {
            number += 1
            var start = lineStart
            // A form feed inside a line, text on both sides of it, ends a page there: the
            // footer before it, the next page's header after it ("... Standards Track
            // [Page 65]^Ldraft-ietf-tls-rfc4346-bis-03.txt  TLS  March 2007", the TLS
            // drafts of 2006-2007 and a dozen DNS drafts). Each side is a line of its own,
            // both numbered as the source line.
            while let base = bytes.baseAddress, start < lineEnd,
                  let hit = memchr(base + start + 1, 0x0C, lineEnd - start - 1) {
                let formFeed = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let before = bytes[start..<formFeed].contains { !isSpaceByte($0) }
                let after = bytes[(formFeed + 1)..<lineEnd].contains { !isSpaceByte($0) }
                guard before, after else { break }
                piece(start, formFeed)
                start = formFeed
            }
            piece(start, lineEnd)
        }
        func piece(_ lineStart: Int, _ lineEnd: Int) {
            var start = lineStart
            var hadFormFeed = false
            while start < lineEnd, bytes[start] == 0x0C { hadFormFeed = true; start += 1 }
            // Trailing white space, CR and form feeds. A form feed ending a line ends its
            // page ("draft-ietf-cat-kerberos-r-01    Expires 21 May 1998^L"): the next line
            // opens the next one.
            var end = lineEnd
            while end > start {
                let b = bytes[end - 1]
                guard b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B else { break }
                if b == 0x0C { formFeeds.insert(lines.count + 1) }
                end -= 1
            }
            if hadFormFeed { formFeeds.insert(lines.count) }
            var contentStart = start
            var hasTab = false
            for j in start..<end {
                if bytes[j] == 0x09 { hasTab = true; break }
            }
            if hasTab {
                let expanded = Substring(expandTabs(text[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: end)]))
                let indent = expanded.utf8.prefix(while: { $0 == 0x20 }).count
                let content = expanded[expanded.utf8.index(expanded.startIndex, offsetBy: indent)...]
                lines.append(TextLine(kind: content.isEmpty ? .blank : .text, number: number, indent: indent, content: content))
                return
            }
            while contentStart < end, bytes[contentStart] == 0x20 { contentStart += 1 }
            let content = text[utf8.index(base, offsetBy: contentStart)..<utf8.index(base, offsetBy: end)]
            lines.append(TextLine(kind: contentStart == end ? .blank : .text, number: number, indent: contentStart - start, content: content))
        }
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                emit(start, i)
                i += 1
                start = i
            } else if b == 0x0D {
                emit(start, i)
                i += (i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { emit(start, bytes.count) }
    }

    private static func expandTabs(_ s: Substring) -> String {
        var out = ""
        var column = 0
        for ch in s {
            if ch == "\t" {
                let pad = 8 - column % 8
                out.append(String(repeating: " ", count: pad))
                column += pad
            } else {
                out.append(ch)
                column += 1
            }
        }
        return out
    }

    /// Removes page footers ("Kaufman, et al.  Standards Track  [Page 12]"), form feeds,
    /// running headers ("RFC 7296  IKEv2bis  October 2014") and the blank padding around
    /// them; leaves one `.pageBreak` line where a page ended inside the text.
    static func removePagination(_ lines: [TextLine], formFeeds: Set<Int>) -> [TextLine] {
        var out: [TextLine] = []
        out.reserveCapacity(lines.count)
        var pendingBreak = false
        var breakLine = 0
        var runningHeader: Substring?
        var padding = 0
        // A form-feed line that is not a running header is content: once its page break is
        // taken, it is read again as an ordinary line (without this it began the break anew,
        // for ever).
        var breakTakenAt = -1
        let recurring = recurringPageHeaders(lines, formFeeds: formFeeds)
        let footers = recurringPageFooters(lines, formFeeds: formFeeds)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let startsPage = formFeeds.contains(i) && i != breakTakenAt
            if line.isText && (isPageFooter(line.content) || (!footers.isEmpty && footers.contains(footerKey(line.content)))) {
                padding = beginBreak(&out)
                pendingBreak = true
                breakLine = line.number
                i += 1
                continue
            }
            if startsPage {
                if !pendingBreak { padding = beginBreak(&out); breakLine = line.number }
                pendingBreak = true
            }
            if pendingBreak {
                if !line.isText { i += 1; continue }
                // A header set in with the whole document ("   INTERNET-DRAFT   draft-ietf-
                // dnsind-verify-00.txt   February 1998", a draft shifted three columns) is
                // known by its columns and its date: "   RFC 2119 defines ..." at a page's top
                // is the text going on, and so is a figure's "NAME   0x00000002".
                let header = line.content == runningHeader
                    || (line.indent == 0 ? looksLikeRunningHeader(line.content) : line.indent <= 8 && isColumnsAndDate(line.content))
                if recurring.contains(line.content) || header {
                    if runningHeader == nil { runningHeader = line.content }
                    i += 1
                    // The rest of a header of two to four lines (RFC 959, RFC 793): the lines
                    // right under it, up to the blank line every header has below it, when
                    // they or the first line open most pages.
                    var k = i
                    while k < lines.count, k < i + 3, lines[k].isText, !formFeeds.contains(k) { k += 1 }
                    if k > i, k == lines.count || !lines[k].isText,
                       recurring.contains(line.content) || lines[i..<k].allSatisfy({ recurring.contains($0.content) }) {
                        i = k
                    }
                    // The blank lines under the header are padding too.
                    while i < lines.count, !lines[i].isText, !formFeeds.contains(i) { i += 1 }
                } else {
                    breakTakenAt = i
                }
                pendingBreak = false
                if !out.isEmpty { out.append(.pageBreak(at: breakLine, padding: padding)) }
                continue
            }
            out.append(line)
            i += 1
        }
        while let last = out.last, !last.isText { out.removeLast() }
        return out
    }

    /// Drops the blank lines at the bottom of a page; returns how many there were.
    private static func beginBreak(_ out: inout [TextLine]) -> Int {
        var count = 0
        while let last = out.last, last.kind == .blank { out.removeLast(); count += 1 }
        return count
    }

    /// "... [Page 12]" at the end of a line; front matter may number its pages in lower-case
    /// roman numerals ("[Page i]", "[Page iii]": RFC 791, RFC 1448).
    ///
    /// Read as UTF-8 bytes (a footer is ASCII): this runs on every line of a text document,
    /// twice, and on characters it was 6% of the instructions of a review of RFC 7296.
    static func isPageFooter(_ content: Substring) -> Bool {
        let utf8 = content.utf8
        guard utf8.last == UInt8(ascii: "]"), let open = utf8.lastIndex(of: UInt8(ascii: "[")) else { return isBareFooter(content) }
        let inner = utf8[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)]
        let parts = inner.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].elementsEqual("page".utf8, by: { $0 == $1 || $0 == $1 - 32 }) else { return false }
        return parts[1].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            || (parts[1].count <= 8 && parts[1].allSatisfy { "ivxlc".utf8.contains($0) })
    }

    /// A footer with no brackets, in three columns: "Sermersheim       Internet-Draft -
    /// Expires Jun 2004               Page 10" (draft-ietf-ldapbis-protocol). The columns
    /// keep it from prose, which may end a line in "page 10" but not after a wide gap twice.
    static func isBareFooter(_ content: Substring) -> Bool {
        // Read as bytes (a footer is ASCII), from the end: most lines are turned away by
        // their last byte.
        content.utf8.withContiguousStorageIfAvailable(isBareFooter) ?? Array(content.utf8).withUnsafeBufferPointer(isBareFooter)
    }

    private static func isBareFooter(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = u.count - 1
        func skip(_ test: (UInt8) -> Bool) -> Int {
            let from = i
            while i >= 0, test(u[i]) { i -= 1 }
            return from - i
        }
        let digits = skip { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits >= 1, digits <= 4, skip({ $0 == 0x20 }) >= 1, i >= 3 else { return false }
        let word = (u[i - 3] | 0x20, u[i - 2] | 0x20, u[i - 1] | 0x20, u[i] | 0x20)
        guard word == (UInt8(ascii: "p"), UInt8(ascii: "a"), UInt8(ascii: "g"), UInt8(ascii: "e")) else { return false }
        i -= 4
        guard skip({ $0 == 0x20 }) >= 3, i >= 0 else { return false }
        // Two columns before the page: a gap of three spaces or more between them, and no
        // dot leaders (a contents line).
        var run = 0, gap = false
        while i >= 0 {
            if u[i] == UInt8(ascii: "."), i > 0, u[i - 1] == UInt8(ascii: ".") { return false }
            run = u[i] == 0x20 ? run + 1 : 0
            if run >= 3 { gap = true }
            i -= 1
        }
        return gap
    }

    /// A running header: flush left, three columns apart ("RFC 7296   IKEv2bis   October 2014",
    /// "Internet-Draft   IKEv2bis   July 2009").
    static func looksLikeRunningHeader(_ content: Substring) -> Bool {
        let starts = ["RFC ", "Internet-Draft", "INTERNET-DRAFT", "Internet Draft", "INTERNET DRAFT"]
        if starts.contains(where: { content.hasPrefix($0) }) { return true }
        return isColumnsAndYear(content)
    }

    /// Words in columns (a gap of three spaces) and a year at the end, as every running
    /// header has ("draft-ietf-x-00.txt       February 1998").
    static func isColumnsAndYear(_ content: Substring) -> Bool {
        guard content.utf8.count > 20, ByteSearch.contains(content, "   ") else { return false }
        let tail = content.suffix(4)
        return tail.count == 4 && tail.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Columns and a date at the end: a month's name, a day perhaps, a year of the series
    /// ("February 1998", "June 25, 1999", "FEB 1998").
    static func isColumnsAndDate(_ content: Substring) -> Bool {
        guard isColumnsAndYear(content) else { return false }
        let words = content.split(separator: " ").suffix(3)
        guard let year = words.last, year.hasPrefix("19") || year.hasPrefix("20") else { return false }
        return words.dropLast().contains(where: isMonthName)
    }

    /// "Feb", "February", "FEB", "FEBRUARY": a month's name by its first three letters.
    private static func isMonthName(_ word: Substring) -> Bool {
        let w = word.prefix(3)
        return monthAbbreviations.contains(w) || monthAbbreviations.contains(w.prefix(1) + w.dropFirst().lowercased())
    }

    /// A date alone: a month's name, a day perhaps, a year of the series ("March 19, 2016",
    /// "19 March 2016", "March 2016").
    static func isDate(_ content: Substring) -> Bool {
        let words = content.split(separator: " ")
        guard words.count == 2 || words.count == 3, let year = words.last, year.utf8.count == 4,
              year.hasPrefix("19") || year.hasPrefix("20"), year.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        var month = false
        for word in words.dropLast() {
            if isMonthName(word) {
                guard !month else { return false }
                month = true
            } else {
                let day = word.hasSuffix(",") ? word.dropLast() : word
                guard (1...2).contains(day.utf8.count), day.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            }
        }
        return month
    }

    private static let monthAbbreviations: Set<Substring> = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
