/// Recognising section headings in a plain-text RFC or draft. Headings are flush left:
/// "2.9.  Traffic Selector Negotiation", "2.1 Foo" (older RFCs), "Appendix A.  Title",
/// "A.1.  Title", and unnumbered ones such as "Authors' Addresses".
enum TextHeadings {
    struct Candidate {
        /// Number components ("2", "9"; "A", "1"); empty when unnumbered.
        var components: [Substring]
        var title: String
        /// Written as "Appendix A" (or "A." alone at top level).
        var isAppendix: Bool
        /// The word printed before the number ("Appendix A", "APPENDIX I", "Annex B").
        var isSpelledAppendix = false

        var number: String? { components.isEmpty ? nil : components.joined(separator: ".") }
    }

    /// A ToC entry printed flush left: dot leaders and a page ("1. Introduction.........3"),
    /// or a page number set off by a wide gap ("1.  Introduction            4",
    /// draft-ietf-ldapbis-user-schema): a title never ends so.
    static func endsWithLeaderAndPage(_ content: Substring) -> Bool {
        let u = Array(content.utf8.suffix(80))
        var i = u.count - 1
        guard i >= 0, isDigit(u[i]) else { return false }
        while i >= 0, isDigit(u[i]) { i -= 1 }
        var spaces = 0
        while i >= 0, u[i] == 0x20 { i -= 1; spaces += 1 }
        if spaces >= 3, i >= 0, u.count - 1 - i - spaces <= 3 { return true }
        var dots = 0
        while i >= 0, u[i] == 0x2E || u[i] == 0x20 {
            if u[i] == 0x2E { dots += 1 }
            i -= 1
        }
        return dots >= 2
    }

    /// The heading a table-of-contents line lists ("2.1 One Spare Bit?.........5",
    /// "8.1.     Object Identifier          26"): the line without its leader and page.
    static func contentsEntry(_ content: Substring) -> Candidate? {
        guard let text = withoutLeaderAndPage(content), let entry = parse(text.drop(while: { $0 == " " })), !entry.components.isEmpty else { return nil }
        return entry
    }

    /// A table-of-contents line without its leader and page; nil when it has none.
    static func withoutLeaderAndPage(_ content: Substring) -> Substring? {
        guard endsWithLeaderAndPage(content) else { return nil }
        // Trimmed from the end byte by byte (dropLast on a Substring is not constant time).
        let u = content.utf8
        var end = u.endIndex
        while end > u.startIndex, TextHeadings.isDigit(u[u.index(before: end)]) { end = u.index(before: end) }
        while end > u.startIndex, u[u.index(before: end)] == 0x20 || u[u.index(before: end)] == UInt8(ascii: ".") { end = u.index(before: end) }
        return content[..<end]
    }

    /// A title folded for comparison with the table of contents: its letters and digits, lower case.
    static func foldedTitle(_ title: some StringProtocol) -> String {
        // ASCII, as titles mostly are, byte by byte; otherwise by Unicode's properties.
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(title.utf8.count)
            for b in title.utf8 {
                if isDigit(b) || (b >= 0x61 && b <= 0x7A) { bytes.append(b) } else if isUpper(b) { bytes.append(b | 0x20) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(String.UnicodeScalarView(title.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// The heading a flush-left line would be, before plausibility is judged.
    static func parse(_ content: Substring) -> Candidate? {
        // "Annex A" is the ISO word for an appendix, used by RFCs of the X.500 era (RFC 1507).
        for word in ["Appendix ", "APPENDIX ", "Annex ", "ANNEX "] where content.hasPrefix(word) {
            return parseAppendix(content.dropFirst(word.count))
        }
        let bytes = content.utf8
        guard let first = bytes.first else { return nil }
        if isDigit(first) || isUpper(first) {
            if let numbered = parseNumbered(content) { return numbered }
        }
        return nil
    }

    /// "2.9.  Title", "2.1 Title", "A.1.  Title", "3 Title", and the older separators
    /// "2.1: Title", "4: TITLE" (RFC 1309) and "2.1 - Title" (RFC 3008).
    private static func parseNumbered(_ content: Substring) -> Candidate? {
        let u = content.utf8
        var components: [Substring] = []
        var index = content.startIndex
        let end = content.endIndex
        while index < end {
            var componentEnd = index
            if isDigit(u[index]) {
                while componentEnd < end, isDigit(u[componentEnd]) {
                    componentEnd = u.index(after: componentEnd)
                }
                guard content.distance(from: index, to: componentEnd) <= 3 else { return nil }
            } else if components.isEmpty, isUpper(u[index]) {
                componentEnd = u.index(after: index)
            } else {
                break
            }
            components.append(content[index..<componentEnd])
            index = componentEnd
            // "A1.", "A2.1.": an appendix letter with its first digit group glued on (RFC 4303).
            if components.count == 1, !isDigit(components[0].utf8.first!), index < end, isDigit(u[index]) { continue }
            guard index < end, u[index] == 0x2E else { break }
            index = u.index(after: index)
            // A dot doubled between digit groups is a typist's slip ("6.3..8.  LIST Command",
            // RFC 2060): one separator.
            if index < end, u[index] == 0x2E, isDigit(components[components.count - 1].utf8.first!) {
                let after = u.index(after: index)
                if after < end, isDigit(u[after]) { index = after }
            }
            // "2.9." ends the number; "2.9" continues only with another digit group.
            guard index < end, isDigit(u[index]) else { break }
        }
        guard !components.isEmpty else { return nil }
        let letterFirst = !isDigit(components[0].utf8.first!)
        // A letter alone ("A.  Title") or first ("A.1.") needs the dot after it, or two
        // spaces after it as a number has ("A  Title", RFC 2293): "A Title" is prose.
        if letterFirst {
            let afterLetter = u.index(after: content.startIndex)
            let dotted = afterLetter < end && u[afterLetter] == 0x2E
            // (Exactly two, then a capital, and no wider gap after: a table row has one.)
            let rest = content[afterLetter...]
            let spaced = components.count == 1 && rest.hasPrefix("  ") && rest.dropFirst(2).first.map { $0.isUppercase } == true
                && !ByteSearch.contains(rest.dropFirst(2), "   ")
            // "A1.  Overview": glued, and only with the dot after the number.
            let glued = afterLetter < end && isDigit(u[afterLetter]) && index > content.startIndex && u[u.index(before: index)] == 0x2E
            guard dotted || spaced || glued else { return nil }
        }
        // "4: TITLE": a colon straight after the number.
        if index < end, u[index] == 0x3A { index = u.index(after: index) }
        // At least one space between number and title.
        guard index < end, u[index] == 0x20 else { return nil }
        var title = content[index...].drop(while: { $0 == " " })
        // "1 - Introduction", "3 : Title": a separator with a space after it; "-00" (a
        // revision's change log) is a title.
        if let s = title.first, s == "-" || s == ":", title.dropFirst().first == " " {
            title = title.dropFirst().drop(while: { $0 == " " })
        }
        // A title may open with the name it defines: "[RFC-2822] Size Message Attribute"
        // (RFC 3501), "/shared/comment" (RFC 5464), "$MDNSent IMAP Keyword Registration"
        // (RFC 5788), "_ldap" (a DNS label), "#-literals" (RFC 5321: a "#" before a word or a
        // hyphen; a comment's "#" has a space after it).
        let hashWord = title.first == "#" && title.dropFirst().first.map { $0.isLetter || $0 == "-" } == true
        // And "@type" (a JSON member, RFC 8984), ".alt Subdomains Registry" (a DNS label,
        // RFC 9498): "@" or "." before a letter.
        let markedName = (title.first == "@" || title.first == ".") && title.dropFirst().first?.isLetter == true
        // Quotes may be typographic: xml2rfc 3 prints a name's "\u{201C}w\u{201D}" as written.
        guard let t = title.first, t.isLetter || t.isNumber || "\"('-<[/$_\u{201C}\u{201D}\u{2018}\u{2019}\u{00AB}".contains(t) || hashWord || markedName else { return nil }
        // A citation alone ("7    [*15]", a table's row) names nothing.
        if t == "[", !title.drop(while: { $0 != "]" }).dropFirst().contains(where: \.isLetter) { return nil }
        return Candidate(components: components, title: String(title), isAppendix: letterFirst)
    }

    /// A title with the typist's two spaces after a sentence's end inside it made one, as
    /// the source had it ("No certificate checks?  Really?", as xml2rfc prints "No
    /// certificate checks? Really?"). Wider gaps are layout and stay ("SHOULD   This word").
    static func singleSpacedSentences(_ title: String) -> String {
        guard ByteSearch.contains(Substring(title), "  ") else { return title }
        let u = Array(title.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        for (i, b) in u.enumerated() {
            // The first of exactly two spaces, after ".", "?" or "!" (a closing quote or
            // parenthesis between), before what is not a space.
            if b == 0x20, i + 2 < u.count, u[i + 1] == 0x20, u[i + 2] != 0x20, i > 0, u[i - 1] != 0x20 {
                var k = i - 1
                while k > 0, u[k] == UInt8(ascii: ")") || u[k] == UInt8(ascii: "\"") || u[k] == UInt8(ascii: "'") { k -= 1 }
                if u[k] == UInt8(ascii: ".") || u[k] == UInt8(ascii: "?") || u[k] == UInt8(ascii: "!") { continue }
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// After "Appendix ": "A.  Title", "A: Title", "A - Title", "A Title", "A".
    private static func parseAppendix(_ word: Substring) -> Candidate? {
        // "APPENDIX  A" (RFC 1508) has two spaces.
        let rest = word.drop(while: { $0 == " " })
        let id = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "." })
        var number = id
        while number.hasSuffix(".") { number = number.dropLast() }
        guard !number.isEmpty, number.count <= 6 else { return nil }
        var title = rest[id.endIndex...].drop(while: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "." })
        while title.hasSuffix(" ") { title = title.dropLast() }
        let components = number.split(separator: ".")
        return Candidate(components: components, title: String(title), isAppendix: true, isSpelledAppendix: true)
    }

    /// A flush-left line standing alone that reads as a title ("Authors' Addresses",
    /// "Normative References", "Acknowledgements").
    static func isUnnumberedTitle(_ content: Substring) -> Bool {
        guard content.utf8.count <= 72, let first = content.first, first.isUppercase else { return false }
        guard let last = content.last, !".,;:)]}=([".contains(last) else { return false }
        // Code and art have braces, operators or wide gaps; titles do not.
        if ByteSearch.contains(content, "   ") { return false }
        if content.contains(where: { "{}=;<>|@".contains($0) }) { return false }
        // Nor addresses: "EMail: levone@microsoft.com", zone data's "IN AAAA
        // 2001:0DB8::1:2:3:FF:FE:4:5:6" (draft-ietf-dnsext-mdns-29, set flush left).
        if ByteSearch.contains(content, "::") { return false }
        // Nor data with a comment after it ("Version 1 20020701 # July 2002", a table of
        // variants, draft-jseng-idn-admin-01).
        if ByteSearch.contains(content, " # ") { return false }
        if readsAsCutSentence(content) || readsAsSentence(content) || isLabelledValue(content) { return false }
        // Nor a module's brackets (ASN.1's "BEGIN" and "END" set flush left, RFC 3280's
        // appendix A), a conjunction between alternatives set apart ("OR"), or "None", an
        // IANA section's whole body: the module or the text after them was filed under them.
        if ["BEGIN", "END", "OR", "AND", "None", "NONE"].contains(content) { return false }
        if isCaption(content) || isPageMark(content) { return false }
        // Nor names alone: hosts or object identifiers, every word dotted inside
        // ("A.ISI.EDU XX.LCS.MIT.EDU SRI-NIC.ARPA", RFC 1035 2.3.1).
        if content.split(separator: " ").allSatisfy({ word in word.dropLast().dropFirst().contains(".") }) { return false }
        return content.contains(where: \.isLetter)
    }

    /// A label and its value, not a title: a colon with a value that has no words after it
    /// ("Phone: +1 425 706 6605") or set apart by a wider space ("Function value:  GSS
    /// status code"), or a one-letter label. A title's colon is followed by one space and
    /// words ("Appendix: SIG(0) Changes from RFC 2535").
    static func isLabelledValue(_ content: Substring) -> Bool {
        guard let colon = content.firstIndex(of: ":") else { return false }
        // A protocol transcript's line: one capital for the speaker ("C: SHOW DB", "S: 552
        // No match", RFC 2229's examples set flush left).
        if content.distance(from: content.startIndex, to: colon) == 1, content.first!.isUppercase { return true }
        let value = content[content.index(after: colon)...]
        return value.hasPrefix("  ") || !value.contains(where: \.isLetter)
    }

    /// A figure's or table's caption ("Table 1: GSS-API Major Status Codes", "Table 4-1
    /// GSSAPI Credential-management Routines", RFC 2078's drafts): it names what is above or
    /// below it, not a section.
    static func isCaption(_ content: Substring) -> Bool {
        for word in ["Table ", "Figure "] where content.hasPrefix(word) {
            return content.dropFirst(word.count).first.map { $0.isNumber } ?? false
        }
        return false
    }

    /// What a page's foot or head prints, left standing where the page layout was not the
    /// usual one: a draft's expiry ("Expires November 2001", "This draft expires on October
    /// 1, 1999") or a running header ("Internet-Draft  Returning Matched Values with LDAPv3
    /// 8 September 1999"): the word, then a year at the line's end.
    static func isPageMark(_ content: Substring) -> Bool {
        let words = content.split(separator: " ")
        guard let year = words.last, year.count == 4, year.hasPrefix("19") || year.hasPrefix("20"), year.allSatisfy(\.isNumber) else { return false }
        let first = words[0].lowercased()
        return first == "expires" || first == "internet-draft" || words.contains { $0.lowercased() == "expires" }
    }

    /// A sentence cut at its line's end, going on below it (a formula, a list): its last
    /// word in lower case, and a verb no title has ("A user interface should allow", RFC
    /// 768; "The following syntax will result in fewer problems with many", RFC 1035) or a
    /// last word that leads on ("For notational convenience, let").
    static func readsAsCutSentence(_ content: Substring) -> Bool {
        let words = content.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        // A verb keeps the punctuation after it out ("That is, porting simple applications to
        // use IPv6 replaces the call", draft-ietf-ipngwg-bsd-api-new-06).
        return words.dropFirst().contains(where: { sentenceVerbs.contains(String($0.filter(\.isLetter))) }) || leadingOn.contains(String(last))
    }

    /// A sentence standing alone, not a title: an article or pronoun, then a verb in lower
    /// case among six words or more ("The object identifier for this control is
    /// 1.2.826.0.1.3344810.2.3", draft-ietf-ldapext-matchedval), or a clause after a comma
    /// with its own subject ("When an application receives a KRB_CRED message, it
    /// verifies", draft-ietf-cat-kerberos-revisions-00). The text under it was filed in a
    /// section named so.
    static func readsAsSentence(_ content: Substring) -> Bool {
        let words = content.split(separator: " ")
        if words.count >= 6, ["The", "This", "These", "That", "A", "An", "It"].contains(words[0]),
           words.dropFirst().contains(where: { $0.allSatisfy { $0.isLowercase || $0 == "," } && sentenceVerbs.contains(String($0.filter(\.isLetter))) }) {
            return true
        }
        // A request to the reader ("Please send comments to Paul Ford-Hutchinson at the
        // address below", draft-murray-auth-ftp-ssl-16).
        if words.count >= 4, words[0] == "Please" { return true }
        return zip(words, words.dropFirst()).contains { $0.last == "," && ["it", "they", "we", "he", "she"].contains($1) }
    }

    private static let sentenceVerbs: Set<String> = ["is", "are", "was", "were", "be", "been", "should", "must", "may", "might", "will", "would", "can", "could", "shall", "does", "do", "did", "has", "have"]
    private static let leadingOn: Set<String> = ["let", "as", "that", "the", "a", "an", "of", "to", "with", "and", "or", "by", "for", "from", "in", "on", "include", "includes", "allow", "allows"]

    /// Whether `next` can follow `previous` in a document's numbering: a later sibling at
    /// some level (small gaps allowed, as drafts sometimes skip) or the first child. Two
    /// older habits are read too: "2.0" numbering, where "N.0" is section N itself
    /// (RFC 2373, RFC 2289), and parents the text never prints (RFC 793 centres its
    /// chapter titles; RFC 2616 has 13.1.1 under 13 with no 13.1): a first subsection is
    /// plausible where its parent would have been.
    static func isPlausible(_ candidate: Candidate, after previous: [Substring]?) -> Bool {
        isPlausible(candidate.components, after: previous, spelledAppendix: candidate.isSpelledAppendix)
    }

    static func isPlausible(_ next: [Substring], after previous: [Substring]?, spelledAppendix: Bool = false) -> Bool {
        if isPlausibleStep(next, after: previous, spelledAppendix: spelledAppendix) { return true }
        let n = withoutTrailingZeros(next), p = previous.map(withoutTrailingZeros)
        if (n != next || p != previous), isPlausibleStep(n, after: p, spelledAppendix: spelledAppendix) { return true }
        // An unprinted parent, one or two levels up.
        var child = n
        for _ in 0..<2 {
            guard child.count >= 2, value(child[child.count - 1]) <= 1 else { return false }
            child.removeLast()
            if isPlausibleStep(child, after: p, spelledAppendix: false) { return true }
        }
        return false
    }

    /// Exactly the number after `previous`: the next sibling ("4.12" -> "4.13"), the first
    /// child ("4" -> "4.1"), or the next of an ancestor ("4.12" -> "5"). Stricter than
    /// `isPlausible`, for a heading that is not where headings are printed.
    static func isNextNumber(_ next: [Substring], after previous: [Substring]) -> Bool {
        let k = next.count, m = previous.count
        guard k >= 1, m >= 1, k <= m + 1, next.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              previous.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              Array(next.prefix(k - 1)) == Array(previous.prefix(k - 1)) else { return false }
        if k == m + 1 { return value(next[k - 1]) == 1 }
        return value(next[k - 1]) == value(previous[k - 1]) + 1
    }

    private static func isPlausibleStep(_ next: [Substring], after previous: [Substring]?, spelledAppendix: Bool) -> Bool {
        guard !next.isEmpty else { return false }
        guard let previous, !previous.isEmpty else {
            // The first numbered heading of the body starts at the top.
            return next.count <= 2 && value(next[0]) <= 1 + (next.count == 1 ? 1 : 0)
        }
        let k = next.count, m = previous.count
        if k == m + 1 {
            if Array(next.prefix(m)) == previous {
                let v = value(next[k - 1])
                return v >= 0 && v <= 2
            }
            return false
        }
        guard k <= m else { return false }
        guard Array(next.prefix(k - 1)) == Array(previous.prefix(k - 1)) else { return false }
        let a = value(previous[k - 1]), b = value(next[k - 1])
        if isLetter(next[k - 1]) != isLetter(previous[k - 1]) {
            // Numbers to appendix letters: only at the top, starting at A (or B if A was
            // missed), or at I, the first in Roman numerals, with the word printed
            // ("APPENDIX I. INTERNET GROUP MANAGEMENT PROTOCOL (IGMP)", RFC 1112): a bare
            // "I." there opens a list ("I. Establish security context. The Client and",
            // draft-ietf-dnsext-gss-tsig-06).
            return k == 1 && isLetter(next[0]) && (b <= 2 || (next[0] == "I" && spelledAppendix))
        }
        return b > a && b <= a + 3
    }

    /// A number out of sequence the way misprints are: a later top-level number, any gap
    /// ("12" after "8.0"), or the next subsection number under a parent one off from the
    /// previous heading's ("12.2" or "10.2" after "11.1"). Digits only.
    static func isMisnumbering(_ next: [Substring], after previous: [Substring]) -> Bool {
        let p = withoutTrailingZeros(previous)
        guard !next.isEmpty, !p.isEmpty, next.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              p.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return false }
        if next.count == 1 { return value(next[0]) > value(p[0]) }
        let k = next.count
        guard p.count == k, Array(next.prefix(k - 2)) == Array(p.prefix(k - 2)) else { return false }
        return abs(value(next[k - 2]) - value(p[k - 2])) == 1 && value(next[k - 1]) == value(p[k - 1]) + 1
    }

    /// The numbers that may come next after `previous` with no gap: its first child and
    /// the next sibling at each of its levels ("2.1" -> "2.1.1", "2.2", "3"). Digits only.
    static func nextNumbers(after previous: [Substring]) -> [[Substring]] {
        guard previous.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return [] }
        var out: [[Substring]] = [previous + ["1"]]
        for k in stride(from: previous.count, through: 1, by: -1) {
            out.append(Array(previous.prefix(k - 1)) + [Substring(String(value(previous[k - 1]) + 1))])
        }
        return out
    }

    /// `printed` is `meant` with one component, not the last, off by one ("3.2" for "2.2").
    static func isOneDigitSlip(_ printed: [Substring], of meant: [Substring]) -> Bool {
        guard printed.count == meant.count, printed.count >= 2, printed.last.map(value) == meant.last.map(value) else { return false }
        let differing = zip(printed, meant).filter { value($0) != value($1) }
        return differing.count == 1 && abs(value(differing[0].0) - value(differing[0].1)) == 1
    }

    /// The main numbering taken up again after the appendices, at the top and exactly where
    /// it stopped: xml2rfc v1 numbers on the references a draft puts after its appendices in
    /// `<back>` ("Appendix C.  Change History", then "12.  References" after section 11,
    /// draft-ietf-sasl-scram-04). `lastMain` gives the last heading numbered in digits.
    static func resumesMainNumbering(_ next: [Substring], after previous: [Substring]?, lastMain: () -> [Substring]?) -> Bool {
        guard let previous, let top = previous.first, isLetter(top), next.count == 1, let n = Int(next[0]),
              let main = lastMain(), let last = main.first, let m = Int(last) else { return false }
        return n == m + 1
    }

    /// "2.0" is section 2, "3.0.0" section 3: the zeros after the first component name no level.
    static func withoutTrailingZeros(_ number: [Substring]) -> [Substring] {
        var n = number
        while n.count > 1, n[n.count - 1].allSatisfy({ $0 == "0" }) { n.removeLast() }
        return n
    }

    /// The outline depth a number gives: one per component, except a "0" after the first
    /// ("2.0" is at the top, "3.0.1" is the first child of 3.0).
    static func depth(_ number: [Substring]) -> Int {
        max(1, number.enumerated().filter { $0.offset == 0 || !$0.element.allSatisfy { $0 == "0" } }.count)
    }

    private static func value(_ c: Substring) -> Int {
        if let n = Int(c) { return n }
        guard let u = c.utf8.first else { return 0 }
        return Int(u) - 64 // "A" is 1
    }

    private static func isLetter(_ c: Substring) -> Bool { c.utf8.first.map(isUpper) ?? false }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
}
