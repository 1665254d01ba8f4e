import Checks
import DraftDocument

/// Joins a document's statements with the catalog's claims: each claim naming the
/// document's series is re-found in the document (exact, normalised, fuzzy), attached to
/// the statements its quote overlaps, and each statement gets a status.
public struct Linker: Sendable {
    public var run: CatalogRun
    /// Statements deliberately not checked (Exemptions.swift); a linked check outranks them.
    public var exemptions: [Exemption]

    public init(run: CatalogRun, exemptions: [Exemption] = []) {
        self.run = run
        self.exemptions = exemptions
    }

    public func link(_ document: Document, statements: [LinkStatement]) -> LinkedDocument {
        let identity = DocumentIdentity(document.metadata)
        let index = SectionTextIndex(document)
        var claims: [ClaimLink] = []
        for check in run.checks {
            let outcome = run.result(for: check.id)?.outcome ?? .errored
            for claim in check.claims {
                guard let named = DocumentIdentity(parsing: claim.document), named.isSameSeries(as: identity) else { continue }
                claims.append(resolve(claim, checkID: check.id, outcome: outcome, in: index, statements: statements))
            }
        }
        var byStatement: [String: [ClaimLink]] = [:]
        for link in claims {
            for id in link.statementIDs { byStatement[id, default: []].append(link) }
        }
        let exemptionLinks = resolveExemptions(identity: identity, index: index, statements: statements)
        let exempted = Linker.exemptionsByStatement(exemptionLinks)
        let linked = statements.map { s -> LinkedStatement in
            let links = byStatement[s.id] ?? []
            let status = links.map(\.status).min { $0.precedence < $1.precedence } ?? (exempted[s.id] == nil ? .unlinked : .exempt)
            var ids: [String] = []
            for l in links where !ids.contains(l.checkID) { ids.append(l.checkID) }
            return LinkedStatement(statement: s, status: status, checkIDs: ids, exemption: status == .exempt ? exempted[s.id] : nil)
        }
        let outline = document.allSections.map {
            SectionOutline(number: $0.number, title: $0.title, depth: $0.depth, location: $0.location)
        }
        return LinkedDocument(identity: identity, metadata: document.metadata, sections: outline, statements: linked, claims: claims,
                              exemptions: exemptionLinks)
    }

    /// Finds the quote in the claimed section first, then anywhere in the document (a
    /// statement that moved is still found, and the link says where).
    func resolve(_ claim: Claim, checkID: String, outcome: CheckOutcome, in index: SectionTextIndex, statements: [LinkStatement]) -> ClaimLink {
        var found: (entry: SectionTextIndex.Entry, match: QuoteMatch)?
        if let entry = index.entry(claim.section), let m = QuoteFinder.find(claim.quote, inNormalized: entry.text, raw: entry.raw) {
            found = (entry, m)
        }
        if found == nil || found?.match.kind == .fuzzy {
            let nq = QuoteFinder.normalize(claim.quote)
            for entry in index.entries where entry.number != claim.section {
                if let r = entry.text.utf8Range(of: nq) {
                    let kind: MatchKind = entry.raw.contains(claim.quote) ? .exact : .normalized
                    found = (entry, QuoteMatch(kind: kind, score: 1, range: r, matchedText: nq))
                    break
                }
            }
        }
        guard let (entry, match) = found else {
            return ClaimLink(checkID: checkID, claim: claim, outcome: outcome, match: nil, foundInSection: nil,
                             location: index.entry(claim.section)?.location, statementIDs: [])
        }
        let ids = statements.filter { $0.section == entry.number && entry.overlaps($0.text, match.range) }.map(\.id)
        return ClaimLink(checkID: checkID, claim: claim, outcome: outcome, match: match, foundInSection: entry.number,
                         location: entry.location(at: match.range.lowerBound), statementIDs: ids)
    }
}

/// Each numbered (or named) section's own text, normalised, with where each paragraph
/// starts in it and in the source.
struct SectionTextIndex {
    struct Entry {
        var number: String
        /// Paragraph texts (normalised) joined by one space.
        var text: String
        /// The same paragraphs' plain text as the source has it, joined by newlines.
        var raw: String
        /// (offset in `text`, source location) per paragraph, ascending.
        var paragraphStarts: [(Int, SourceLocation)]
        var location: SourceLocation

        func location(at offset: Int) -> SourceLocation {
            paragraphStarts.last { $0.0 <= offset }?.1 ?? location
        }

        /// True when the statement's text lies (at least partly) in `range` of `text`.
        func overlaps(_ statementText: String, _ range: Range<Int>) -> Bool {
            let ns = QuoteFinder.normalize(statementText)
            var searchFrom = text.startIndex
            while let r = text.range(of: ns, range: searchFrom..<text.endIndex) {
                let lo = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                let hi = lo + ns.utf8.count
                if lo < range.upperBound && range.lowerBound < hi { return true }
                searchFrom = r.upperBound
            }
            // The statement's text differs from the paragraphs' (hyphenation rejoined, list
            // markers): fall back to containment of the matched quote.
            if text.range(of: ns) == nil {
                let quote = String(decoding: Array(text.utf8)[range.clamped(to: 0..<text.utf8.count)], as: UTF8.self)
                return ns.contains(quote) || quote.contains(ns)
            }
            return false
        }
    }

    var entries: [Entry] = []

    init(_ document: Document) {
        for section in document.allSections {
            var text = "", raw = ""
            var starts: [(Int, SourceLocation)] = []
            for paragraph in section.paragraphs {
                let n = QuoteFinder.normalize(paragraph.content.plainText)
                guard !n.isEmpty else { continue }
                if !text.isEmpty { text += " "; raw += "\n" }
                starts.append((text.utf8.count, paragraph.location))
                text += n
                raw += paragraph.content.plainText
            }
            let number = section.number ?? section.anchor ?? section.title.lowercased()
            entries.append(Entry(number: number, text: text, raw: raw, paragraphStarts: starts, location: section.location))
        }
    }

    func entry(_ number: String) -> Entry? { entries.first { $0.number == number } }
}
