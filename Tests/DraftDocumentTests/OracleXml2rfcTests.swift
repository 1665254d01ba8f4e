import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// xml2rfc (the IETF's renderer, from the venv) as the oracle for section numbering and
/// paragraph text. Each corpus XML document is copied into a temporary directory with its
/// network references swapped for local placeholder entries (the anchors draftcheck gives
/// its own placeholders), rendered once per test run with `xml2rfc --text --no-network`,
/// and parsed by draftcheck from the same directory.
enum Xml2rfcOracle {
    struct Rendering: Sendable {
        var name: String
        var preparedPath: String
        /// xml2rfc's text output, or nil when it could not render the document offline.
        var text: String?
        var failure: String?
    }

    /// Documents that are not whole xml2rfc documents (section.xml is a fragment).
    static let fragments: Set<String> = ["section.xml"]
    /// The manifest records that xml2rfc fails on this one even with placeholders.
    static let knownUnrenderable: Set<String> = ["draft-v3-features.xml", "draft-rfcxml-general-template-standard-00.xml"]

    /// xml2rfc's own element-by-element test inputs: they exercise renderings draftcheck
    /// does not reproduce exactly yet. Their agreement is reported, and held at its
    /// measured floor, but they are outside the 99% criterion, which covers the real
    /// drafts and RFCs.
    static let featureSuites: [String: Double] = ["elements.xml": 100.0, "draft-v3-features.xml": 100.0]
    /// Headings draftcheck knowingly renders differently, with the reason.
    static let knownHeadingDifferences: [String: String] = [:]

    static var documents: [String] {
        Corpus.files(formats: ["xml-v2", "xml-v3"]).filter { !fragments.contains($0) }.sorted()
    }

    /// Rendered once per test process, all documents side by side (two at a time).
    static let renderings: [String: Rendering] = {
        guard let xml2rfc = Peer.xml2rfc.path else { return [:] }
        let root = Scratch.processDirectory("draftcheck-oracle")
        let docs = documents
        let lock = NSLock()
        nonisolated(unsafe) var out: [String: Rendering] = [:]
        DispatchQueue.concurrentPerform(iterations: docs.count) { i in
            let rendering = render(docs[i], xml2rfc: xml2rfc, root: root)
            lock.lock()
            out[docs[i]] = rendering
            lock.unlock()
        }
        return out
    }()

    static func render(_ name: String, xml2rfc: String, root: URL) -> Rendering {
        let dir = root.appendingPathComponent((name as NSString).deletingPathExtension)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            guard let source = Corpus.path(name) else { return Rendering(name: name, preparedPath: "", failure: "absent") }
            for include in Corpus.files(formats: ["include"]) {
                if let p = Corpus.path(include) { try? fm.copyItem(atPath: p, toPath: dir.appendingPathComponent(include).path) }
            }
            let original = try String(contentsOfFile: source, encoding: .utf8)
            let prepared = try withLocalPlaceholders(original, in: dir)
            let preparedURL = dir.appendingPathComponent(name)
            try prepared.write(to: preparedURL, atomically: true, encoding: .utf8)
            let output = dir.appendingPathComponent("out.txt")
            let result = try runProcess(xml2rfc, ["--text", "--no-network", "-P", "--allow-local-file-access", "--quiet", name, "-o", output.path], currentDirectory: dir.path, timeout: 120)
            guard result.status == 0, let text = try? String(contentsOf: output, encoding: .utf8) else {
                return Rendering(name: name, preparedPath: preparedURL.path, failure: "xml2rfc exit \(result.status): \(result.stderr.suffix(400))")
            }
            return Rendering(name: name, preparedPath: preparedURL.path, text: text)
        } catch {
            return Rendering(name: name, preparedPath: "", failure: "\(error)")
        }
    }

    /// Network references (SYSTEM entities and xi:include of http(s) URLs, bare
    /// `<?rfc include?>` names) point at local placeholder files instead.
    static func withLocalPlaceholders(_ xml: String, in dir: URL) throws -> String {
        var text = xml
        var counter = 0
        let url = try NSRegularExpression(pattern: #"(SYSTEM\s+|href=|include=)(["'])(https?://[^"']+)\2"#)
        let ns = text as NSString
        var replacements: [(NSRange, String)] = []
        for m in url.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let address = ns.substring(with: m.range(at: 3))
            guard address.hasSuffix(".xml"), let anchor = ReferencePlaceholder.anchor(forInclude: address) else { continue }
            counter += 1
            let file = "placeholder-\(counter).xml"
            try placeholder(anchor).write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let quote = ns.substring(with: m.range(at: 2))
            replacements.append((m.range, ns.substring(with: m.range(at: 1)) + quote + file + quote))
        }
        for (range, replacement) in replacements.reversed() {
            text = (text as NSString).replacingCharacters(in: range, with: replacement)
        }
        let pi = try NSRegularExpression(pattern: #"<\?rfc\s+include=["']([^"'/]+)["']\s*\?>"#)
        let ns2 = text as NSString
        for m in pi.matches(in: text, range: NSRange(location: 0, length: ns2.length)) {
            let bare = ns2.substring(with: m.range(at: 1))
            let file = bare.hasSuffix(".xml") ? bare : bare + ".xml"
            guard let anchor = ReferencePlaceholder.anchor(forInclude: bare), !FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path) else { continue }
            try placeholder(anchor).write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return text
    }

    /// A bibliography entry with just enough for xml2rfc (an RFC's seriesInfo lets it
    /// build links for `<xref section=...>`).
    static func placeholder(_ anchor: String) -> String {
        var series = ""
        if anchor.hasPrefix("RFC"), let number = Int(anchor.dropFirst(3)) {
            series = "<seriesInfo name=\"RFC\" value=\"\(number)\"/>"
        }
        return """
        <reference anchor="\(anchor)" target="https://example.org/\(anchor)"><front><title>Placeholder for \(anchor)</title><author fullname="Placeholder"/><date year="2000"/></front>\(series)</reference>
        """
    }

    // MARK: - Reading xml2rfc's text output

    /// The body of the output: from the first heading after the table of contents (or
    /// after the copyright notice when there is none).
    static func bodyLines(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\u{000C}", with: "") }
        let marker = lines.firstIndex(of: "Table of Contents") ?? lines.firstIndex(of: "Copyright Notice") ?? 0
        var i = marker + 1
        while i < lines.count, lines[i].isEmpty || lines[i].hasPrefix(" ") { i += 1 }
        return Array(lines[min(i, lines.count)...])
    }

    struct Heading: Equatable, CustomStringConvertible {
        var number: String?
        var title: String
        var description: String { "\(number ?? "-") \(title)" }
    }

    static let headingPattern = try! NSRegularExpression(pattern: #"^(?:Appendix )?([0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)*)\.  (.*)$"#)

    static func headings(_ body: [String]) -> [Heading] {
        var out: [Heading] = []
        var i = 0
        while i < body.count {
            let line = body[i]
            // A heading starts at the left margin after a blank line with a letter or
            // digit (artwork wider than the page can also reach the margin).
            guard let first = line.first, first.isLetter || first.isNumber, i == 0 || body[i - 1].isEmpty else { i += 1; continue }
            var full = line
            var j = i + 1
            // A title goes on over lines set in; a line opening "//" under it is an editor's
            // comment (<cref> in <name>), which xml2rfc prints after the title.
            while j < body.count, body[j].hasPrefix(" "), !body[j].trimmingCharacters(in: .whitespaces).isEmpty,
                  !body[j].trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                full += " " + body[j].trimmingCharacters(in: .whitespaces)
                j += 1
            }
            let ns = full as NSString
            if let m = headingPattern.firstMatch(in: full, range: NSRange(location: 0, length: ns.length)) {
                out.append(Heading(number: ns.substring(with: m.range(at: 1)), title: ns.substring(with: m.range(at: 2)).whitespaceNormalized))
            } else if first.isLetter {
                out.append(Heading(number: nil, title: full.whitespaceNormalized))
            }
            i = j
        }
        return out
    }

    /// Blank-line separated chunks of the body, each as its lines, with the quote bars
    /// of asides and blockquotes ("|  ") taken off.
    static func chunks(_ body: [String]) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        for raw in body {
            var line = raw
            // Nested asides and blockquotes have one bar per level ("|     |  text").
            var stripped = line.drop(while: { $0 == " " })
            while stripped.hasPrefix("|  ") || stripped == "|" {
                line = String(stripped.dropFirst())
                stripped = line.drop(while: { $0 == " " })
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { out.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

/// Every paragraph of a document as xml2rfc shows it, whitespace-normalised, with the
/// list marker or definition term that shares its first line.
func renderedParagraphs(_ document: Document) -> [(section: String, text: String)] {
    var out: [(String, String)] = []
    func blocks(_ list: [Block], lead: String?, section: String) {
        for (i, block) in list.enumerated() {
            let prefix = i == 0 ? lead : nil
            switch block {
            case .paragraph(let p):
                // One line, but editors' comments filled as in a section paragraph.
                let text = TextRenderer.fill(TextRenderer.displayText(p.content, commentWidth: 66), initial: "", subsequent: "", width: 10_000)
                out.append((section, ((prefix.map { $0 + " " } ?? "") + text).whitespaceNormalized))
            case .list(let l):
                for (j, item) in l.items.enumerated() {
                    var lead: String?
                    switch l.style {
                    case .definition:
                        lead = item.term.map { TextRenderer.displayText($0).whitespaceNormalized }.flatMap { $0.isEmpty ? nil : $0 }
                        // A definition list opening a definition shares the outer term's line.
                        if j == 0, let prefix { lead = prefix + (lead.map { " " + $0 } ?? "") }
                    default: lead = item.marker
                    }
                    blocks(item.blocks, lead: lead, section: section)
                }
            case .blockquote(let c), .aside(let c):
                blocks(c.blocks, lead: nil, section: section)
            case .figure, .table, .references:
                break
            }
        }
    }
    for s in document.allSections {
        blocks(s.blocks, lead: nil, section: s.number ?? s.title)
    }
    return out
}

@Suite(.serialized) struct OracleXml2rfcTests {
    static func renderingsOrSkip() -> [String: Xml2rfcOracle.Rendering]? {
        guard Peer.xml2rfc.path != nil else {
            let message = Absence.peer(.xml2rfc, neededFor: "the xml2rfc oracle comparison")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return nil
        }
        guard !Xml2rfcOracle.documents.isEmpty else {
            let message = Absence.corpus("MANIFEST.tsv XML documents", neededFor: "the xml2rfc oracle comparison")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return nil
        }
        return Xml2rfcOracle.renderings
    }

    @Test func xml2rfcRendersEveryCorpusDocumentExceptTheKnownFailure() throws {
        guard let renderings = Self.renderingsOrSkip() else { return }
        for name in Xml2rfcOracle.documents {
            let r = try #require(renderings[name])
            if Xml2rfcOracle.knownUnrenderable.contains(name) { continue }
            #expect(r.text != nil, "xml2rfc could not render \(name) offline: \(r.failure ?? "")")
        }
    }

    @Test func sectionNumbersAndTitlesEqualXml2rfcs() throws {
        guard let renderings = Self.renderingsOrSkip() else { return }
        var differing: [String] = []
        for name in Xml2rfcOracle.documents {
            guard let r = renderings[name], let text = r.text else { continue }
            let document = try DocumentReader.read(path: r.preparedPath)
            let expected = Xml2rfcOracle.headings(Xml2rfcOracle.bodyLines(text))
            let ours = document.allSections.map { Xml2rfcOracle.Heading(number: $0.number, title: $0.title.whitespaceNormalized) }
            if ours != expected {
                differing.append(name)
                if let reason = Xml2rfcOracle.knownHeadingDifferences[name] {
                    print("known heading difference in \(name): \(reason)")
                    continue
                }
                let diff = ours.map(\.description).difference(from: expected.map(\.description))
                Issue.record("section headings of \(name) differ from xml2rfc's: \(diff.map { change -> String in switch change { case .insert(_, let e, _): return "+ \(e)"; case .remove(_, let e, _): return "- \(e)" } }.prefix(12).joined(separator: "; "))")
            }
        }
        let unexpected = differing.filter { Xml2rfcOracle.knownHeadingDifferences[$0] == nil }
        #expect(unexpected.isEmpty, "documents whose section numbers or titles differ: \(unexpected)")
    }

    /// Lines joined as one paragraph: a line ending in a hyphen or slash that xml2rfc
    /// broke there joins the next without a space (draftcheck's side is rendered on one
    /// line, so it has no such breaks). A dash standing alone ("tampering --") is a word
    /// of its own: the break after it was a space.
    static func joinLines(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            let t = line.whitespaceNormalized
            if !out.isEmpty, !brokeInsideWord(out) { out += " " }
            out += t
        }
        return out
    }

    static func brokeInsideWord(_ text: String) -> Bool {
        guard text.hasSuffix("-") || text.hasSuffix("/") else { return false }
        let lastWord = text.split(separator: " ").last ?? ""
        return lastWord.contains { $0 != "-" && $0 != "/" }
    }

    /// Compact lists have no blank line between items: a paragraph may also be a run of
    /// whole lines inside a chunk.
    static func isRunOfWholeLines(_ text: String, chunks: [[String]], joined: [String]) -> Bool {
        for (k, chunk) in chunks.enumerated() where chunk.count > 1 && joined[k].contains(text) {
            for i in chunk.indices {
                for j in i..<chunk.count {
                    let acc = Self.joinLines(Array(chunk[i...j]))
                    if acc == text { return true }
                    if acc.count >= text.count { break }
                }
            }
        }
        return false
    }

    /// "Figure N: title" and "Table N: title" of every numbered figure and table.
    static func captions(_ document: Document) -> [String] {
        var out: [String] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .figure(let f): if let n = f.number { out.append(FigureLayout.caption("Figure", n, f.title)) }
                case .table(let t): if let n = t.number { out.append(FigureLayout.caption("Table", n, t.title)) }
                case .list(let l): l.items.forEach { walk($0.blocks) }
                case .blockquote(let c), .aside(let c): walk(c.blocks)
                case .paragraph, .references: break
                }
            }
        }
        document.allSections.forEach { walk($0.blocks) }
        return out.map(\.whitespaceNormalized)
    }

    /// Pieces of every rendered corpus document (`pieces` of its reading) that are not a
    /// whole blank-line separated chunk of xml2rfc's output: (how many, those missing).
    static func piecesMissingFromXml2rfc(_ renderings: [String: Xml2rfcOracle.Rendering], _ pieces: (Document) -> [String]) throws -> (total: Int, missing: [String]) {
        var total = 0
        var missing: [String] = []
        for name in Xml2rfcOracle.documents {
            guard let r = renderings[name], let text = r.text else { continue }
            let document = try DocumentReader.read(path: r.preparedPath)
            let chunks = Set(Xml2rfcOracle.chunks(Xml2rfcOracle.bodyLines(text)).map(Self.joinLines))
            for piece in pieces(document) {
                total += 1
                if !chunks.contains(piece) { missing.append("\(name): \(piece)") }
            }
        }
        return (total, missing)
    }

    @Test func figureAndTableCaptionsEqualXml2rfcs() throws {
        guard let renderings = Self.renderingsOrSkip() else { return }
        let (total, missing) = try Self.piecesMissingFromXml2rfc(renderings, Self.captions)
        print("xml2rfc caption agreement: \(total - missing.count)/\(total)")
        #expect(total > 20)
        #expect(missing.isEmpty, "captions xml2rfc does not show: \(missing.prefix(10))")
    }

    /// Bibliography entries (label, authors, title, series, date, link), each on one line.
    static func referenceEntries(_ document: Document) -> [String] {
        var out: [String] = []
        for section in document.allSections {
            for case .references(let group) in section.blocks {
                for entry in group.entries where !entry.isPlaceholder {
                    out.append(ReferenceLayout.entryLines(entry, indent: 0, width: 10_000).joined(separator: " ").whitespaceNormalized)
                }
            }
        }
        return out
    }

    /// The measured floor of reference-entry agreement (149/150): a <referencegroup>,
    /// which xml2rfc lists member by member, is still one merged entry in draftcheck.
    static let referenceFloor = 99.0

    @Test func referenceEntriesEqualXml2rfcs() throws {
        guard let renderings = Self.renderingsOrSkip() else { return }
        let (total, missing) = try Self.piecesMissingFromXml2rfc(renderings, Self.referenceEntries)
        let percent = total == 0 ? 100 : Double(total - missing.count) * 100 / Double(total)
        print("xml2rfc reference entry agreement: \(total - missing.count)/\(total) = \(String(format: "%.1f", percent))%")
        if ProcessInfo.processInfo.environment["DRAFTCHECK_ORACLE_MISSES"] == "1" { missing.forEach { print("MISS REF \($0)") } }
        #expect(total > 100)
        #expect(percent >= Self.referenceFloor, "reference entries xml2rfc does not show: \(missing.prefix(10))")
    }

    @Test func paragraphTextEqualsXml2rfcsForAtLeast99Percent() throws {
        guard let renderings = Self.renderingsOrSkip() else { return }
        var total = 0
        var matched = 0
        var report: [String] = []
        for name in Xml2rfcOracle.documents {
            guard let r = renderings[name], let text = r.text else { continue }
            let document = try DocumentReader.read(path: r.preparedPath)
            let chunks = Xml2rfcOracle.chunks(Xml2rfcOracle.bodyLines(text))
            let whole = Set(chunks.map(Self.joinLines))
            let joined = chunks.map(Self.joinLines)
            let paragraphs = renderedParagraphs(document)
            var misses: [String] = []
            for p in paragraphs where !(whole.contains(p.text) || Self.isRunOfWholeLines(p.text, chunks: chunks, joined: joined)) {
                misses.append("[\(p.section)] \(p.text)")
            }
            let percent = paragraphs.isEmpty ? 100 : Double(paragraphs.count - misses.count) * 100 / Double(paragraphs.count)
            // DRAFTCHECK_ORACLE_MISSES=1 lists every differing paragraph, feature suites too.
            if ProcessInfo.processInfo.environment["DRAFTCHECK_ORACLE_MISSES"] == "1" {
                for m in misses { print("MISS \(name) \(m)") }
            }
            if let floor = Xml2rfcOracle.featureSuites[name] {
                #expect(percent >= floor, "\(name): paragraph agreement \(percent)% fell below its measured floor \(floor)%")
                report.append("\(name) (xml2rfc feature suite, outside the 99% criterion): \(String(format: "%.1f", percent))%")
                continue
            }
            total += paragraphs.count
            matched += paragraphs.count - misses.count
            report.append("\(name): \(paragraphs.count - misses.count)/\(paragraphs.count) paragraphs = \(String(format: "%.1f", percent))%")
            for m in misses.prefix(5) { report.append("    differs: \(m.prefix(110))") }
        }
        print("xml2rfc paragraph agreement:\n" + report.joined(separator: "\n"))
        let overall = total == 0 ? 0 : Double(matched) * 100 / Double(total)
        print("overall: \(matched)/\(total) = \(String(format: "%.2f", overall))%")
        #expect(total > 500)
        // The issue asks for 99%; the floor is what draftcheck measures now.
        #expect(overall >= 100.0, "paragraph agreement with xml2rfc \(String(format: "%.2f", overall))% fell below its measured 100%:\n\(report.joined(separator: "\n"))")
    }
}
