import CLibXML2

/// Inline content: text, entity references, BCP 14 keywords, cross-references and emphasis.
extension XMLModelBuilder {
    func inlineText(of node: XMLNode) throws -> InlineText {
        var out = InlineText()
        try forEachChild(of: node) { try appendInline($0, to: &out) }
        return out
    }

    private func appendText(_ text: String, to out: inout InlineText) {
        guard !text.isEmpty else { return }
        if let last = out.spans.last, last.kind == .text {
            out.spans[out.spans.count - 1].text += text
        } else {
            out.append(Span(text))
        }
    }

    func appendInline(_ node: XMLNode, to out: inout InlineText) throws {
        if node.isText {
            appendText(node.content, to: &out)
            return
        }
        if node.isEntityReference {
            if let entity = declaredEntity(node.pointer.pointee.name) {
                if entity.pointee.etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY {
                    warn("external entity &\(node.name); in running text not expanded", node)
                    return
                }
                try expandEntity(node) { try appendInline($0, to: &out) }
            } else if let character = XMLCharacterEntities.table[node.name] {
                appendText(character, to: &out)
            } else if node.name == "rfc.number" {
                // xml2rfc's rfc2629.dtd declares it, and xml2rfc expands it to the number
                // attribute of <rfc>, or "XXXX" before there is one.
                let number = xmlDocGetRootElement(document).flatMap { XMLNode($0).attribute("number") }
                appendText(number.flatMap { $0.isEmpty ? nil : $0 } ?? "XXXX", to: &out)
            } else {
                if undeclaredReported.insert(node.name).inserted { warn("undeclared entity &\(node.name); left as is", node) }
                appendText("&\(node.name);", to: &out)
            }
            return
        }
        guard node.isElement else { return }
        switch node.name {
        case "bcp14":
            out.append(Span(try inlineText(of: node).plainText, kind: .bcp14))
        case "xref", "relref":
            let target = node.attribute("target") ?? ""
            // Markup in the text shows as xml2rfc renders it ("the _ref_ [REF]").
            let content = TextRenderer.displayText(try inlineText(of: node))
            let section = node.attribute("section")
            let sectionFormat = node.attribute("sectionFormat") ?? node.attribute("displayFormat")
            xrefs.pending.append(PendingXref(target: target, format: node.attribute("format"), content: content, section: section, sectionFormat: sectionFormat))
            out.append(Span(Self.xrefToken(xrefs.pending.count - 1), kind: .xref(target: target, section: nil)))
        case "eref":
            let target = node.attribute("target") ?? ""
            let content = try inlineText(of: node).plainText
            let brackets = node.attribute("brackets") ?? "none"
            let text: String
            if brackets == "angle" {
                text = content.isEmpty ? "<\(target)>" : "\(content) <\(target)>"
            } else {
                text = content.isEmpty ? target : "\(content) (\(target))"
            }
            out.append(Span(text, kind: .eref(target: target)))
        case "em":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.em)))
        case "strong":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.strong)))
        case "tt", "code":
            // Nested markup (<sup> in <tt>) keeps its rendering inside the span's text.
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.tt)))
        case "sub":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.sub)))
        case "sup":
            out.append(Span(TextRenderer.displayText(try inlineText(of: node)), kind: .emphasis(.sup)))
        case "spanx":
            let text = TextRenderer.displayText(try inlineText(of: node))
            // xml2rfc's v2-to-v3 conversion: verb becomes <tt>, strong <strong>, any
            // other style (vbare included) <em>.
            switch node.attribute("style") ?? "emph" {
            case "strong": out.append(Span(text, kind: .emphasis(.strong)))
            case "verb": out.append(Span(text, kind: .emphasis(.tt)))
            default: out.append(Span(text, kind: .emphasis(.em)))
            }
        case "iref":
            hasIndexEntries = true
            out.append(Span("", kind: .invisible("iref:\(node.attribute("item") ?? "")")))
        case "cref":
            // xml2rfc shows a comment (unless display="false") on lines of its own that
            // start "//"; its text stays out of the running text (see Span.Kind.invisible).
            let anchor = node.attribute("anchor") ?? ""
            if !anchor.isEmpty { xrefs.targets[anchor] = .comment }
            var comment = ""
            if node.attribute("display") != "false" {
                comment = TextRenderer.displayText(try inlineText(of: node)).whitespaceNormalized
                if let source = node.attribute("source")?.whitespaceNormalized, !source.isEmpty {
                    comment += "\u{2028}\u{2028}-- " + source
                }
            }
            out.append(Span(comment, kind: .invisible("cref:\(anchor)")))
        case "br", "vspace":
            appendText("\u{2028}", to: &out)
        case "contact":
            let organization = node.firstElement("organization")
            appendText(XMLInlineForms.contact(
                fullname: node.attribute("fullname"), initials: node.attribute("initials"), surname: node.attribute("surname"),
                asciiFullname: node.attribute("asciiFullname"), asciiInitials: node.attribute("asciiInitials"), asciiSurname: node.attribute("asciiSurname"),
                organization: organization.map(\.textContent), organizationASCII: organization?.attribute("ascii")), to: &out)
        case "u":
            let text = node.textContent
            appendText(XMLInlineForms.unicode(text, format: node.attribute("format"), ascii: node.attribute("ascii")) ?? text, to: &out)
        case "list", "figure", "artwork":
            break
        default:
            try forEachChild(of: node) { try appendInline($0, to: &out) }
        }
    }
}
