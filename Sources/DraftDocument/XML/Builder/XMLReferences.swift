/// `<references>` and their entries: anchors, labels, authors and dates as xml2rfc shows them.
extension XMLModelBuilder {
    /// `cited` is the number xml2rfc's cross-references give the section (its `pn`), which
    /// references keep even where the heading is shown unnumbered.
    func referencesSection(_ node: XMLNode, number: String?, cited: String?, depth: Int) throws -> Section {
        let title = try self.title(of: node) ?? "References"
        let anchor = node.attribute("anchor")
        if let anchor { xrefs.targets[anchor] = .section(number: number, title: title, isAppendix: false, cited: cited) }
        var entries: [Reference] = []
        var subsections: [Section] = []
        var nested = 0
        try forEachChild(of: node) { child in
            if child.isElement {
                switch child.name {
                case "reference":
                    entries.append(try reference(child))
                case "referencegroup":
                    entries.append(try referenceGroupEntry(child))
                case "references":
                    nested += 1
                    subsections.append(try referencesSection(child, number: number.map { "\($0).\(nested)" }, cited: cited.map { "\($0).\(nested)" }, depth: depth + 1))
                case "include" where child.isXInclude:
                    entries += try includedReferences(href: child.attribute("href") ?? "", at: child)
                default:
                    break
                }
            } else if child.isProcessingInstruction, child.name == "rfc", let name = Self.pseudoAttributes(child.content)["include"] {
                entries += try includedReferences(href: name, at: child, bareName: true)
            } else if child.isEntityReference {
                entries += try entityReferences(child)
            }
        }
        if references.sorted && references.symbolic {
            // By the name shown (a <displayreference> renames).
            entries.sort { ($0.label ?? $0.anchor).lowercased() < ($1.label ?? $1.anchor).lowercased() }
        }
        let group = ReferenceGroup(title: title, anchor: anchor, entries: entries, location: location(node))
        return Section(number: number, title: title, anchor: anchor, depth: depth, isBackMatter: true, blocks: entries.isEmpty && !subsections.isEmpty ? [] : [.references(group)], subsections: subsections, location: location(node))
    }

    func reference(_ node: XMLNode) throws -> Reference {
        let anchor = node.attribute("anchor") ?? ""
        let front = node.firstElement("front")
        var title: String?
        if let t = front?.firstElement("title") { title = t.textContent.whitespaceNormalized }
        // seriesInfo in document order, inside <front> (v2) or after it (v3).
        var series: [String] = []
        for child in node.elements {
            for info in child.isElement(named: "front") ? child.elements("seriesInfo") : child.isElement(named: "seriesInfo") ? [child] : [] {
                series.append([info.attribute("name"), info.attribute("value")].compactMap { $0 }.joined(separator: " "))
            }
        }
        xrefs.targets[anchor] = .reference(title: title)
        references.order.append(anchor)
        // v2 names a link in <format target=...> when the reference has none.
        let target = node.attribute("target") ?? node.elements("format").lazy.compactMap { $0.attribute("target") }.first
        var entry = Reference(anchor: anchor, title: title, seriesInfo: series, target: target, location: location(node))
        entry.label = references.symbolic ? references.displayNames[anchor] : "\(references.order.count)"
        entry.authors = (front?.elements("author") ?? []).map(Self.referenceAuthor)
        entry.date = front?.firstElement("date").flatMap(Self.referenceDate)
        // Shown after the title in this order: refcontent, then stream.
        entry.referenceContent = try (node.elements("refcontent") + node.elements("stream")).map { TextRenderer.displayText(try inlineText(of: $0)).whitespaceNormalized }
        entry.annotation = try node.firstElement("annotation").map { TextRenderer.displayText(try inlineText(of: $0)).whitespaceNormalized }
        entry.quotesTitle = node.attribute("quoteTitle") != "false"
        return entry
    }

    static func referenceAuthor(_ author: XMLNode) -> ReferenceAuthor {
        let organization = author.firstElement("organization")
        let orgName = organization.flatMap { $0.attribute("abbrev") ?? $0.textContent.whitespaceNormalized }
        return ReferenceAuthor(
            fullname: author.attribute("fullname"), initials: author.attribute("initials"), surname: author.attribute("surname"),
            asciiFullname: author.attribute("asciiFullname"), asciiInitials: author.attribute("asciiInitials"), asciiSurname: author.attribute("asciiSurname"),
            organization: orgName.flatMap { $0.isEmpty ? nil : $0 },
            organizationASCII: author.attribute("asciiAbbrev") ?? organization?.attribute("ascii") ?? organization?.attribute("abbrev"),
            isEditor: author.attribute("role") == "editor")
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let lowercaseMonthNames = monthNames.map { $0.lowercased() }

    /// A reference's `<date>` as xml2rfc shows it: "7 May 2021", "May 2021", "2021"; its
    /// text, when it has one, instead of or before the parts.
    static func referenceDate(_ date: XMLNode) -> String? {
        let year = date.attribute("year").flatMap { $0.isEmpty ? nil : $0 }
        var month: Int?
        if let m = date.attribute("month"), !m.isEmpty {
            let lower = m.lowercased()
            month = Int(m) ?? lowercaseMonthNames.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
        }
        let day = date.attribute("day").flatMap { Int($0) }
        var formatted = ""
        if let month, (1...12).contains(month) {
            let name = monthNames[month - 1]
            formatted = day.map { "\($0) \(name) \(year ?? "")" } ?? "\(name) \(year ?? "")"
        } else if let year {
            formatted = year
        }
        formatted = Self.trimmingBlanks(formatted)
        let text = date.textContent.whitespaceNormalized
        if !text.isEmpty { return formatted.isEmpty ? text : "\(text) (\(formatted))" }
        return formatted.isEmpty ? nil : formatted
    }

    func referenceGroupEntry(_ node: XMLNode) throws -> Reference {
        let anchor = node.attribute("anchor") ?? ""
        var series: [String] = []
        try forEachChild(of: node) { child in
            if child.isElement(named: "reference") {
                let r = try reference(child)
                series += r.seriesInfo
            }
        }
        xrefs.targets[anchor] = .reference(title: nil)
        references.order.append(anchor)
        return Reference(anchor: anchor, seriesInfo: series, target: node.attribute("target"), location: location(node))
    }
}
