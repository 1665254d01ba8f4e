/// The first-page header block of an RFC or Internet-Draft: organisation, RFC number or
/// "Internet-Draft", category on the left; authors, organisations and the date on the right;
/// then the centred title and, for drafts, the draft name.
struct TextFrontMatter {
    var rfcNumber: Int?
    var docName: String?
    var title = ""
    var category: String?
    var submissionType: String?
    var authors: [String] = []
    var date: String?

    /// Reads the lines before the first flush-left heading ("Abstract", "Status of This Memo").
    init(_ lines: ArraySlice<TextLine>) {
        var index = lines.startIndex
        while index < lines.endIndex, !lines[index].isText { index += 1 }
        // The file's name alone above the header ("draft-ietf-dnsop-inaddr-required-06.txt",
        // a blank line, then "INTERNET-DRAFT   D. Senie"): the document's name, and the
        // header is the next run.
        if index < lines.endIndex, index + 1 == lines.endIndex || !lines[index + 1].isText,
           let name = Self.draftName(in: lines[index].content),
           lines[index].content.utf8.count <= name.utf8.count + 6, !ByteSearch.contains(lines[index].content, " ") {
            docName = name
            index += 1
            while index < lines.endIndex, !lines[index].isText { index += 1 }
        }
        var right: [Substring] = []
        var left: [Substring] = []
        let headerStart = index
        // The header block: the first run of lines.
        while index < lines.endIndex, lines[index].isText {
            let line = lines[index]
            if line.indent >= 20 {
                right.append(line.content)
            } else if var gap = ByteSearch.range(of: "  ", in: line.content) {
                // A label and its value set apart ("RFC:  791", RFC 791): one left entry.
                if line.content[..<gap.lowerBound].hasSuffix(":") {
                    let value = line.content[gap.upperBound...].drop(while: { $0 == " " })
                    gap = ByteSearch.range(of: "  ", in: value) ?? (line.content.endIndex..<line.content.endIndex)
                }
                left.append(line.content[..<gap.lowerBound])
                if gap.upperBound < line.content.endIndex { right.append(line.content[gap.upperBound...].drop(while: { $0 == " " })) }
            } else {
                left.append(line.content)
            }
            index += 1
        }
        // A header block is two columns; a first run without one is already the title.
        if right.isEmpty && left.count <= 3 && headerStart < lines.endIndex && lines[headerStart].indent > 0 {
            index = headerStart
            left = []
        }
        readLeft(left)
        readRight(right)
        // Centred lines under it: the title, then the draft name.
        var titleLines: [Substring] = []
        var titleDone = false
        while index < lines.endIndex {
            let line = lines[index]
            index += 1
            if line.kind == .pageBreak { break }
            guard line.isText else {
                if !titleLines.isEmpty { titleDone = true }
                continue
            }
            // A header's field set apart from its block, before the title ("Amends: RFC
            // 1035", "Updates: RFC 1035, RFC 2535, RFC 3008.", DNSEXT drafts of 2000-2003).
            // So is a date standing alone there ("February 2018" under more authors, RFC 8312).
            if titleLines.isEmpty, TextLines.isDate(line.content) {
                if date == nil { date = String(line.content) }
                continue
            }
            if titleLines.isEmpty, Self.isHeaderField(line.content) { continue }
            // Flush left is where the body starts, but for a title set there with the
            // draft's name right under it ("The Kerberos Network Authentication Service
            // (V5)" over "draft-ietf-cat-kerberos-revisions-05.txt").
            if line.indent == 0 {
                guard !titleDone, index < lines.endIndex, lines[index].isText, Self.draftName(in: lines[index].content) != nil else { break }
            }
            if let name = Self.draftName(in: line.content) ?? (titleLines.isEmpty ? nil : Self.bareDocumentName(line.content)) {
                if docName == nil { docName = name }
                titleDone = true
            } else if titleLines.isEmpty, line.indent >= 40, line.indent + line.content.count >= 70 {
                // The header's right column going on after a blank line, flush right: more
                // authors and their organisations (RFC 8312's "L. Eggert" / "R.
                // Scheffenegger" / "NetApp"). A centred title ends well left of the margin.
                if Self.looksLikePersonName(line.content) { authors.append(String(line.content)) }
            } else if !titleDone, !Self.isUnderline(line.content) {
                titleLines.append(line.content)
            }
        }
        title = TextBlockBuilder.join(titleLines)
    }

    private mutating func readLeft(_ left: [Substring]) {
        for entry in left {
            let lower = entry.lowercased()
            if lower.hasPrefix("request for comments:") || lower.hasPrefix("rfc:") {
                let digits = entry.split(separator: ":").last?.drop(while: { $0 == " " }).prefix(while: \.isNumber) ?? ""
                rfcNumber = Int(digits)
            } else if lower.hasPrefix("rfc "), rfcNumber == nil {
                // "RFC 768" alone in the header's left column (RFCs of 1980).
                let digits = entry.dropFirst(4).drop(while: { $0 == " " })
                if !digits.isEmpty, digits.allSatisfy(\.isNumber) { rfcNumber = Int(digits) }
            } else if lower.hasPrefix("category:") || lower.hasPrefix("intended status:") {
                category = Self.categoryCode(entry.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: " ") } ?? "")
            }
        }
        guard let first = left.first?.lowercased() else { return }
        if ByteSearch.contains(first, "(iab)") || first.hasPrefix("internet architecture board") {
            submissionType = "IAB"
        } else if ByteSearch.contains(first, "(irtf)") || first.hasPrefix("internet research task force") {
            submissionType = "IRTF"
        } else if first.hasPrefix("independent submission") {
            submissionType = "independent"
        } else if ByteSearch.contains(first, "(ietf)") || ByteSearch.contains(first, "working group") || first.hasPrefix("internet engineering task force") {
            submissionType = "IETF"
        }
    }

    private mutating func readRight(_ right: [Substring]) {
        guard !right.isEmpty else { return }
        var entries = right
        if let last = entries.last, last.contains(where: \.isNumber), last.split(separator: " ").contains(where: { $0.count == 4 && $0.allSatisfy(\.isNumber) }) {
            date = String(last)
            entries.removeLast()
        }
        authors = entries.filter(Self.looksLikePersonName).map(String.init)
    }

    /// A title's underline ("User Datagram Protocol" over "----------------------", RFC
    /// 768; each word's own, "------ ---- ------ -----", Donald Eastlake's drafts): a row of
    /// one dash or equals sign, spaces between.
    static func isUnderline(_ content: Substring) -> Bool {
        guard let first = content.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "=") else { return false }
        return content.utf8.count >= 3 && content.utf8.allSatisfy { $0 == first || $0 == 0x20 }
    }

    /// A first-page header field ("Updates: RFC 1035", "Expires September 10, 2000").
    static func isHeaderField(_ content: Substring) -> Bool {
        isLabelledHeaderField(content) || ["expires", "expiration date", "updates rfc", "obsoletes rfc"].contains { content.prefix(15).lowercased().hasPrefix($0) }
    }

    /// A header field by its label and colon ("Amends: RFC 1035"): never a section's title.
    static func isLabelledHeaderField(_ content: Substring) -> Bool {
        let lower = content.prefix(20).lowercased()
        return ["updates:", "obsoletes:", "amends:", "category:", "intended status:", "updated by:", "obsoleted by:", "issn:",
                "expires:", "expiration date:"]
            .contains { lower.hasPrefix($0) }
    }

    /// "C. Kaufman", "M. Thomson, Ed.", "D. McDonald", "S. Kent".
    static func looksLikePersonName(_ s: Substring) -> Bool {
        let u = Array(s.utf8.prefix(4))
        guard u.count >= 3, TextHeadings.isUpper(u[0]) else { return false }
        if u[1] == UInt8(ascii: ".") { return true }
        // "J-P. Name" style initials.
        return u[1] == UInt8(ascii: "-") && u.count >= 4 && TextHeadings.isUpper(u[2]) && u[3] == UInt8(ascii: ".")
    }

    /// "draft-ietf-ipsecme-ikev2bis-04" in "draft-ietf-ipsecme-ikev2bis-04" or
    /// "<draft-ietf-ipsecme-ikev2bis-04.txt>". Not a name inside a URL or a longer word
    /// ("https://datatracker.ietf.org/doc/html/draft-davidben-tls-grease-01#page-5" names
    /// the document it links to).
    static func draftName(in content: Substring) -> String? {
        var rest = content
        var found: Range<Substring.Index>?
        while let hit = ByteSearch.range(of: "draft-", in: rest) {
            if let b = content.utf8[..<hit.lowerBound].last, Self.joinsAName(b) {
                rest = content[hit.upperBound...]
                continue
            }
            found = hit
            break
        }
        guard let start = found else { return nil }
        var name = content[start.lowerBound...].prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
        // "... file name draft-ietf-dnsind-test-tlds-13.txt.": the sentence's full stop, then
        // the extension.
        while let last = name.last, last == "." || last == "-" { name = name.dropLast() }
        if name.hasSuffix(".txt") { name = name.dropLast(4) }
        while let last = name.last, last == "." || last == "-" { name = name.dropLast() }
        return name.count > "draft-".count ? String(name) : nil
    }

    /// A document name that is no draft's, centred under the title as xml2rfc prints a
    /// `docName` ("spec-bosch-sieve-report", Pigeonhole's Sieve extensions): one word of
    /// lower-case letters, digits and at least two hyphens.
    static func bareDocumentName(_ content: Substring) -> String? {
        let u = content.utf8
        guard u.count >= 5, u.first != UInt8(ascii: "-"), u.last != UInt8(ascii: "-"),
              u.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }),
              u.lazy.filter({ $0 == UInt8(ascii: "-") }).count >= 2 else { return nil }
        return String(content)
    }

    /// A byte that makes "draft-" after it part of something else: a URL's path or query
    /// ("/", "="), or a longer word.
    private static func joinsAName(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: "=") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    /// The header's words as xml2rfc's `category` values.
    static func categoryCode(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.hasPrefix("standards track") || lower.hasPrefix("proposed standard") || lower.hasPrefix("draft standard") || lower.hasPrefix("internet standard") { return "std" }
        if lower.hasPrefix("informational") { return "info" }
        if lower.hasPrefix("experimental") { return "exp" }
        if lower.hasPrefix("best current practice") || lower.hasPrefix("bcp") { return "bcp" }
        if lower.hasPrefix("historic") { return "historic" }
        return lower
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
