/// The Markdown sources drafts are written in today, which draftcheck does not read: they
/// are converted to xml2rfc XML first. Read as plain text, a source was one untitled
/// section of YAML and Markdown.
enum MarkdownSource {
    /// "kramdown-rfc" for a source opening with YAML front matter between "---" lines that
    /// names the draft (`title:`, `docname:`) and goes on with "--- abstract" or "---
    /// middle"; "mmark" for TOML front matter between "%%%" lines that names it
    /// (`title =`, `[seriesInfo]`). Nil for anything else: a text RFC never opens so.
    static func kind(_ text: Substring) -> String? {
        // Split on the byte: "\r\n" is one Character, which a split on "\n" never cuts.
        var lines = text.utf8.split(separator: 0x0A, maxSplits: 400, omittingEmptySubsequences: false).lazy
            .map { line -> Substring in
                let s = Substring(line)
                return s.hasSuffix("\r") ? s.dropLast() : s
            }.makeIterator()
        var first: Substring?
        while let line = lines.next() {
            if !line.allSatisfy({ $0 == " " || $0 == "\t" }) { first = line; break }
        }
        guard let opening = first.map({ $0.trimmingSuffix(" ") }), opening == "---" || opening == "%%%" else { return nil }
        var namesDraft = false
        while let line = lines.next() {
            if opening == "---" {
                if line.hasPrefix("title:") || line.hasPrefix("docname:") { namesDraft = true }
                if line.hasPrefix("--- abstract") || line.hasPrefix("--- middle") { return namesDraft ? "kramdown-rfc" : nil }
            } else {
                if line.hasPrefix("title =") || line.hasPrefix("title=") || line.hasPrefix("[seriesInfo]") { namesDraft = true }
                if line.trimmingSuffix(" ") == "%%%" { return namesDraft ? "mmark" : nil }
            }
        }
        return nil
    }
}

private extension Substring {
    func trimmingSuffix(_ c: Character) -> Substring {
        var s = self
        while s.last == c { s = s.dropLast() }
        return s
    }
}
