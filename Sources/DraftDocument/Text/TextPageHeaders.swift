/// Running headers that do not look like one: RFCs of the 1980s print theirs on two
/// lines, the RFC number and date and then the title flush left ("RFC 959  October 1985" /
/// "File Transfer Protocol"), or the date flush left and the title flush right
/// ("September 1981" / "Transmission Control Protocol", RFC 793). A line is a running
/// header when it opens the page (one of the first two text lines after a page break, no
/// blank line before the second) after at least three page breaks and after half of them.
extension TextLines {
    static func recurringPageHeaders(_ lines: [TextLine], formFeeds: Set<Int>) -> Set<Substring> {
        var counts: [Substring: Int] = [:]
        var breaks = 0
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let isBreak = (line.isText && isPageFooter(line.content)) || (formFeeds.contains(i) && !line.isText)
            i += 1
            guard isBreak else { continue }
            breaks += 1
            while i < lines.count, !lines[i].isText, !(formFeeds.contains(i) && lines[i].isText) { i += 1 }
            var seen: Set<Substring> = []
            var j = i
            while j < lines.count, j < i + 2, lines[j].isText, !isPageFooter(lines[j].content) {
                seen.insert(lines[j].content)
                j += 1
            }
            for content in seen { counts[content, default: 0] += 1 }
        }
        return recurring(counts, breaks: breaks)
    }

    /// The lines seen at three page breaks or more, and at half of them.
    private static func recurring(_ counts: [Substring: Int], breaks: Int) -> Set<Substring> {
        guard breaks >= 3 else { return [] }
        return Set(counts.filter { $0.value >= 3 && $0.value * 2 >= breaks }.keys)
    }

    /// A footer as it recurs from page to page: without the page number at its end, when
    /// words stand before it ("Zhu" and the gap, then "8": draft-ietf-krb-wg-gssapi-cfx-06
    /// numbers its pages so, with no "[Page 8]" brackets).
    static func footerKey(_ content: Substring) -> Substring {
        var key = content
        while let last = key.utf8.last, last >= UInt8(ascii: "0"), last <= UInt8(ascii: "9") { key = key.dropLast() }
        guard key.utf8.count < content.utf8.count, content.utf8.count - key.utf8.count <= 4, key.utf8.last == 0x20 else { return content }
        while key.utf8.last == 0x20 { key = key.dropLast() }
        return key.contains(where: \.isLetter) ? key : content
    }

    /// Page footers with no bracketed page number, in columns (a gap of three spaces or more),
    /// recurring on at least three pages and, where form feeds end the pages, above half of
    /// them: the last text line above a form feed ("draft-ietf-cat-kerberos-r-01   Expires
    /// 21 May 1998", then the form feed), or, with no form feeds at all, a flush-left line
    /// standing alone with a running header next below it ("Neuman, Ts'o, Kohl   Expires:
    /// 10 September, 2000", blank lines, "INTERNET-DRAFT   draft-ietf-cat-kerberos-
    /// revisions-05   June 25, 1999"). Each is known by its `footerKey`, so a bare page
    /// number at its end may change from page to page.
    static func recurringPageFooters(_ lines: [TextLine], formFeeds: Set<Int>) -> Set<Substring> {
        var counts: [Substring: Int] = [:]
        var breaks = 0
        for i in lines.indices where formFeeds.contains(i) {
            breaks += 1
            var j = i - 1
            while j >= 0, !lines[j].isText { j -= 1 }
            guard j >= 0, !formFeeds.contains(j), ByteSearch.contains(lines[j].content, "   ") else { continue }
            counts[footerKey(lines[j].content), default: 0] += 1
        }
        if breaks >= 3 { return recurring(counts, breaks: breaks) }
        guard formFeeds.isEmpty else { return [] }
        counts = [:]
        for i in lines.indices where lines[i].isText && lines[i].indent == 0 && (i == 0 || !lines[i - 1].isText) {
            guard i + 1 < lines.count, !lines[i + 1].isText, ByteSearch.contains(lines[i].content, "   ") else { continue }
            var k = i + 1
            while k < lines.count, !lines[k].isText { k += 1 }
            guard k < lines.count, lines[k].indent == 0, looksLikeRunningHeader(lines[k].content) else { continue }
            counts[footerKey(lines[i].content), default: 0] += 1
        }
        return Set(counts.filter { $0.value >= 3 }.keys)
    }
}
