import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// The text reader on the real documents of ../shared/corpus.
@Suite struct TextCorpusTests {
    static var textDocuments: [String] { Corpus.files(formats: ["txt-rfc", "txt-draft"]) }

    /// Every section the table of contents lists is found in the body with the same number
    /// and title. Where they differ the test names the entry and checks the source itself:
    /// if the body's heading line reads exactly what the reader reports (or, for an entry not
    /// found, no flush-left line in the file carries the ToC's title), the document's ToC
    /// disagrees with its own body (RFC 2409's ToC keeps an older draft's titles; old
    /// drafts list "Intellectual Property and Copyright Statements", which the body splits
    /// in two). Those are reported and left out of the rate; every other difference counts.
    @Test func sectionsEqualTheTableOfContents() throws {
        var total = 0, matched = 0
        var readerMismatches: [String] = []
        var documentInconsistencies: [String] = []
        var checked = 0
        for name in Self.textDocuments {
            guard let path = Corpus.path(name) else {
                let message = Absence.corpus(name, neededFor: "the ToC comparison")
                if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
                continue
            }
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            guard let toc = TextTableOfContents(text: text), !toc.entries.isEmpty else { continue }
            checked += 1
            let fileLines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let document = try DocumentReader.read(path: path)
            let sections = document.allSections
            var used = Set<Int>()
            for entry in toc.entries {
                total += 1
                let found = sections.indices.first { i in
                    !used.contains(i) && sections[i].number == entry.number
                        && (entry.number != nil || sections[i].title.whitespaceNormalized == entry.title)
                }
                if let found, sections[found].title.whitespaceNormalized == entry.title {
                    used.insert(found)
                    matched += 1
                } else if let found {
                    used.insert(found)
                    let section = sections[found]
                    let message = "\(name): ToC \(entry) vs heading \"\(section.title)\" (line \(section.location.line))"
                    let sourceLine = String(fileLines[section.location.line - 1]).whitespaceNormalized
                    let number = section.number ?? ""
                    let asWritten = [number, number + ".", number + ":", "Appendix " + number, "Appendix " + number + ".", "Appendix " + number + ":"]
                        .map { "\($0) \(section.title)" }
                    if asWritten.contains(sourceLine) {
                        documentInconsistencies.append(message)
                    } else {
                        readerMismatches.append(message)
                    }
                } else {
                    let message = "\(name): ToC \(entry) not found as a section"
                    if fileLines.indices.contains(where: { $0 != entry.line - 1 && fileLines[$0].hasPrefix(entry.title) }) {
                        readerMismatches.append(message)
                    } else {
                        documentInconsistencies.append(message + " (no flush-left line has that title)")
                    }
                }
            }
        }
        let considered = total - documentInconsistencies.count
        let rate = considered == 0 ? 0 : Double(matched) / Double(considered)
        print("ToC agreement: \(matched)/\(total) entries equal (\(String(format: "%.2f", Double(matched) / Double(max(total, 1)) * 100))%) over \(checked) documents; \(documentInconsistencies.count) where the document's ToC disagrees with its own headings; reader agreement \(matched)/\(considered) (\(String(format: "%.2f", rate * 100))%)")
        for m in documentInconsistencies { print("  document's ToC differs from its heading: \(m)") }
        for m in readerMismatches { print("  READER MISMATCH: \(m)") }
        #expect(checked >= 20, "text documents with a ToC in the corpus: \(checked)")
        #expect(rate >= 0.99, "ToC agreement \(matched)/\(considered); mismatches:\n\(readerMismatches.joined(separator: "\n"))")
        // The documents' own inconsistencies stay a small, named minority.
        #expect(documentInconsistencies.count * 50 <= total, "\(documentInconsistencies.count) ToC entries differ from their documents' headings")
    }

    /// The seed (Dan McDonald, 2 March 2010) quotes section 2.9 paragraph 1 of -08; -04 has
    /// the same paragraph.
    @Test func ikev2bis04Section29FirstParagraphIsTheSeedQuote() throws {
        guard let path = Corpus.path("draft-ietf-ipsecme-ikev2bis-04.txt") else {
            let message = Absence.corpus("draft-ietf-ipsecme-ikev2bis-04.txt", neededFor: "the seed paragraph check")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let document = try DocumentReader.read(path: path)
        let section = try #require(document.section(numbered: "2.9"))
        #expect(section.title == "Traffic Selector Negotiation")
        guard case .paragraph(let first)? = section.blocks.first else {
            Issue.record("section 2.9 does not start with a paragraph: \(String(describing: section.blocks.first))")
            return
        }
        let seedQuote = """
            When an RFC4301-compliant IPsec subsystem receives an IP packet that \
            matches a "protect" selector in its Security Policy Database (SPD), \
            the subsystem protects that packet with IPsec.  When no SA exists \
            yet, it is the task of IKE to create it.  Maintenance of a system's \
            SPD is outside the scope of IKE (see [PFKEY] for an example \
            programming interface, although it only applies to IKEv1), though \
            some implementations might update their SPD in connection with the \
            running of IKE (for an example scenario, see Section 1.1.3).
            """
        #expect(first.content.normalizedText == seedQuote.whitespaceNormalized)
        #expect(first.location.line == 2136)
        #expect(section.location.line == 2134)
        #expect(document.metadata.docName == "draft-ietf-ipsecme-ikev2bis-04")
        #expect(document.metadata.revision == "04")
    }
}
