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
            let isBreak = (line.isText && isPageFooter(line.content)) || (formFeeds.contains(line.number) && !line.isText)
            i += 1
            guard isBreak else { continue }
            breaks += 1
            while i < lines.count, !lines[i].isText, !(formFeeds.contains(lines[i].number) && lines[i].isText) { i += 1 }
            var seen: Set<Substring> = []
            var j = i
            while j < lines.count, j < i + 2, lines[j].isText, !isPageFooter(lines[j].content) {
                seen.insert(lines[j].content)
                j += 1
            }
            for content in seen { counts[content, default: 0] += 1 }
        }
        guard breaks >= 3 else { return [] }
        return Set(counts.filter { $0.value >= 3 && $0.value * 2 >= breaks }.keys)
    }

    /// Page footers with no page number ("draft-ietf-cat-kerberos-r-01      Expires 21 May
    /// 1998", then a form feed): the last text line above a form feed, in columns (a gap
    /// of three spaces or more), the same above at least three page breaks and half of them.
    static func recurringPageFooters(_ lines: [TextLine], formFeeds: Set<Int>) -> Set<Substring> {
        guard formFeeds.count >= 3 else { return [] }
        var counts: [Substring: Int] = [:]
        var breaks = 0
        for i in lines.indices where formFeeds.contains(lines[i].number) {
            breaks += 1
            var j = i - 1
            while j >= 0, !lines[j].isText { j -= 1 }
            guard j >= 0, !formFeeds.contains(lines[j].number), ByteSearch.contains(lines[j].content, "   ") else { continue }
            counts[lines[j].content, default: 0] += 1
        }
        guard breaks >= 3 else { return [] }
        return Set(counts.filter { $0.value >= 3 && $0.value * 2 >= breaks }.keys)
    }
}
