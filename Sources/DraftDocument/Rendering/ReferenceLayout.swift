/// Bibliography entries as xml2rfc 3.34.1 writes them: "[LABEL]" in an 11-column
/// gutter, then authors ("Surname, I., Surname, I., and I. Surname"), the quoted title,
/// refcontent, series ("RFC 5116", "DOI ..."), date and "<target>", then the
/// annotation. Written from xml2rfc's behaviour (writers/text.py, util/name.py).
enum ReferenceLayout {
    static let gutter = 11

    static func lines(_ group: ReferenceGroup, indent: Int, width: Int) -> [String] {
        TextRenderer.joined(group.entries.map { entryLines($0, indent: indent, width: width) })
    }

    static func entryLines(_ entry: Reference, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let label = "[\(entry.label ?? entry.anchor)]"
        let bodyWidth = max(20, width - indent - gutter)
        let body = TextFill.wrap(TextFill.keepingURLs(text(entry), width: bodyWidth), initial: "", subsequent: "", width: bodyWidth, fixSentenceEndings: false)
            .map(TextFill.finish)
        let hang = pad + String(repeating: " ", count: gutter)
        var lines = body.map { hang + $0 }
        if label.count > gutter - 1 || lines.isEmpty {
            lines.insert(pad + label, at: 0)
        } else {
            lines[0] = pad + label + String(repeating: " ", count: gutter - label.count) + body[0]
        }
        return lines
    }

    /// The entry's text before filling.
    static func text(_ entry: Reference) -> String {
        var text = authors(entry)
        func join(_ part: String?) {
            guard let part, !part.isEmpty else { return }
            text = text.isEmpty ? part : text + ", " + part
        }
        if let title = entry.title { join(entry.quotesTitle ? "\"\(title)\"" : title) }
        entry.referenceContent.forEach(join)
        // xml2rfc's preptool marks drafts as work in progress.
        if entry.seriesInfo.contains(where: { $0.hasPrefix("Internet-Draft ") }), !entry.referenceContent.contains("Work in Progress") {
            join("Work in Progress")
        }
        entry.seriesInfo.forEach { join(series($0)) }
        join(entry.date)
        if let target = entry.target ?? derivedTarget(entry.seriesInfo) { join("<\(target)>") }
        if entry.isPlaceholder { join("(not available offline)") }
        text += "."
        if let annotation = entry.annotation, !annotation.isEmpty { text += "  " + annotation }
        return text
    }

    /// The link xml2rfc's preptool gives an entry without a target, from its first RFC,
    /// Internet-Draft or DOI series entry.
    static func derivedTarget(_ seriesInfo: [String]) -> String? {
        for info in seriesInfo {
            guard let space = info.firstIndex(of: " ") else { continue }
            let value = info[info.index(after: space)...]
            guard !value.isEmpty else { continue }
            switch info[..<space] {
            case "RFC": return "https://www.rfc-editor.org/rfc/rfc\(value)"
            case "Internet-Draft": return "https://datatracker.ietf.org/doc/html/\(value)"
            case "DOI": return "https://doi.org/\(value)"
            default: continue
            }
        }
        return nil
    }

    /// "RFC 5116" with a no-break space, never broken after a slash; an Internet-Draft as
    /// "Internet-Draft, draft-...".
    static func series(_ info: String) -> String {
        // v2 names hold spaces ("Work in" "Progress"), values seldom do.
        guard let space = info.lastIndex(of: " ") else { return info }
        let name = info[..<space], value = info[info.index(after: space)...]
        if info.hasPrefix("Internet-Draft ") { return "Internet-Draft, " + info.dropFirst("Internet-Draft ".count) }
        return "\(name)\u{00A0}" + value.replacingOccurrences(of: "/", with: "/\u{E060}")
    }

    /// Authors as xml2rfc lists them: all but the last "Surname, I.", the last
    /// "I. Surname", ", Ed." after editors, "and" before the last; a non-Latin name is
    /// followed by its ASCII form in parentheses.
    static func authors(_ entry: Reference) -> String {
        let truncateInitials = entry.seriesInfo.contains { info in
            info.hasPrefix("RFC ") && (Int(info.dropFirst(4)) ?? Int.max) <= 1272
        }
        var out = ""
        let count = entry.authors.count
        for (i, author) in entry.authors.enumerated() {
            let isLast = i == count - 1 && count > 1
            if isLast { out += "and " }
            let (name, ascii) = displayName(author, surnameFirst: !isLast, truncateInitials: truncateInitials)
            if let ascii { out += "\(name) (\(ascii))" } else { out += name }
            if author.isEditor { out += ", Ed." }
            if count == 2 && i == 0 { out += " " } else if i < count - 1 { out += ", " }
        }
        return out
    }

    static func displayName(_ author: ReferenceAuthor, surnameFirst: Bool, truncateInitials: Bool) -> (String, String?) {
        func compose(_ parts: (String?, String?)) -> String {
            let (initials, surname) = parts
            let ordered = surnameFirst ? [surname, initials] : [initials, surname]
            return ordered.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: surnameFirst ? ", " : " ")
        }
        var name = compose(nameParts(author, truncateInitials: truncateInitials))
        var ascii: String?
        if !name.isEmpty {
            if !XMLInlineForms.isLatin(name) { ascii = compose(asciiNameParts(author, truncateInitials: truncateInitials)) }
        } else {
            name = author.organization ?? ""
            if !XMLInlineForms.isLatin(name) { ascii = author.organizationASCII }
        }
        if ascii == name || ascii?.isEmpty == true { ascii = nil }
        return (name, ascii)
    }

    /// (initials, surname) as xml2rfc's short author name has them.
    static func nameParts(_ a: ReferenceAuthor, truncateInitials: Bool) -> (String?, String?) {
        if var initials = a.initials, let surname = a.surname {
            if truncateInitials, let first = initials.split(separator: ".", omittingEmptySubsequences: false).first { initials = String(first) }
            if !initials.isEmpty, !initials.hasSuffix("."), XMLInlineForms.isLatin(initials) { initials += "." }
            return (initials, surname)
        }
        guard let fullname = a.fullname, !fullname.isEmpty else { return (nil, nil) }
        return splitFullname(fullname, latinOnly: true)
    }

    static func asciiNameParts(_ a: ReferenceAuthor, truncateInitials: Bool) -> (String?, String?) {
        if var initials = a.asciiInitials, let surname = a.asciiSurname {
            if !initials.isEmpty, !initials.hasSuffix(".") { initials += "." }
            return (initials, surname)
        }
        if let fullname = a.asciiFullname, !fullname.isEmpty { return splitFullname(fullname, latinOnly: false) }
        return nameParts(a, truncateInitials: truncateInitials)
    }

    /// "Jane Q. Doe" -> ("J. Q.", "Doe"); one word (or a non-Latin name) is all surname.
    static func splitFullname(_ fullname: String, latinOnly: Bool) -> (String?, String?) {
        let words = fullname.split(whereSeparator: \.isWhitespace)
        guard words.count > 1, !latinOnly || XMLInlineForms.isLatin(fullname) else { return (nil, fullname) }
        let initials = words.dropLast().map { $0.count > 1 ? "\($0.first!.uppercased())." : $0.uppercased() }.joined(separator: " ")
        return (initials, String(words.last!))
    }
}
