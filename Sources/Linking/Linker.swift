import Checks
import DraftDocument
import Foundation

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
        var inherited: [ClaimLink] = []
        let search = WholeTextSearch(index)
        let spans = StatementSpans(statements: statements, index: index)
        for check in run.checks {
            let outcome = run.result(for: check.id)?.outcome ?? .errored
            for claim in check.claims {
                guard let named = DocumentIdentity(parsing: claim.document) else { continue }
                if named.isSameSeries(as: identity) {
                    claims.append(resolve(claim, checkID: check.id, outcome: outcome, in: index, spans: spans))
                } else if !claim.seriesOnly, let link = inherit(claim, from: named, checkID: check.id, outcome: outcome, search: search, spans: spans) {
                    // One check quoting one statement for several series (RFC 5996 and
                    // RFC 7296): a link for each, so the report names every source.
                    inherited.append(link)
                }
            }
        }
        // A claim of this series on the same statement makes the inherited one redundant.
        let direct = Set(claims.filter { $0.match != nil }.map { $0.checkID + "\u{0}" + QuoteFinder.normalize($0.claim.quote) })
        claims += inherited.filter { !direct.contains($0.checkID + "\u{0}" + QuoteFinder.normalize($0.claim.quote)) }
        var byStatement: [String: [ClaimLink]] = [:]
        for link in claims {
            for id in link.statementIDs { byStatement[id, default: []].append(link) }
        }
        let exemptionLinks = resolveExemptions(identity: identity, index: index, spans: spans)
        let exempted = Linker.exemptionsByStatement(exemptionLinks)
        let linked = statements.map { s -> LinkedStatement in
            let links = byStatement[s.id] ?? []
            let status = links.map(\.status).min { $0.precedence < $1.precedence } ?? (exempted[s.id] == nil ? .unlinked : .exempt)
            var ids: [String] = []
            for l in links where !ids.contains(l.checkID) { ids.append(l.checkID) }
            // Drifted only when no link behind the status found the statement as quoted.
            let behind = links.filter { $0.status == status }
            let drift = behind.allSatisfy { $0.drift != nil } ? behind.first?.drift : nil
            var sources: [InheritedFrom] = []
            if behind.allSatisfy({ $0.inheritedFrom != nil }) {
                for l in behind { if let f = l.inheritedFrom, !sources.contains(f) { sources.append(f) } }
            }
            return LinkedStatement(statement: s, status: status, checkIDs: ids, drift: drift, inheritedFrom: sources,
                                   exemption: status == .exempt ? exempted[s.id] : nil)
        }
        let outline = document.allSections.map {
            SectionOutline(number: $0.number, title: $0.title, depth: $0.depth, location: $0.location)
        }
        return LinkedDocument(identity: identity, metadata: document.metadata, sections: outline, statements: linked, claims: claims,
                              exemptions: exemptionLinks)
    }

    /// Finds the quote in the claimed section first, then anywhere in the document (a
    /// statement that moved is still found, and the link says where).
    func resolve(_ claim: Claim, checkID: String, outcome: CheckOutcome, in index: SectionTextIndex, spans: StatementSpans) -> ClaimLink {
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
        // Reworded beyond what the characters tolerate: the statement most like the quote
        // by its words, in the claimed section first.
        var byWords: LinkStatement?
        if found == nil {
            if let (entry, statement, match) = Self.reworded(claim.quote, claimedSection: claim.section, in: index, statements: spans.statements) {
                found = (entry, match)
                byWords = statement
            }
        }
        guard let (entry, match) = found else {
            return ClaimLink(checkID: checkID, claim: claim, outcome: outcome, match: nil, foundInSection: nil,
                             location: index.entry(claim.section)?.location, statementIDs: [])
        }
        var ids = spans.overlapping(entry, match.range)
        if let byWords, !ids.contains(byWords.id) { ids.insert(byWords.id, at: 0) }
        var drift: Drift?
        if match.kind == .fuzzy {
            let clause = claim.clause ?? claim.quote
            drift = Drift(similarity: match.score, clause: clause, clauseFound: ClauseFinder.find(clause, in: match.matchedText),
                          wordDiff: WordDiff(old: QuoteFinder.normalize(claim.quote), new: match.matchedText, method: .wdiff).wdiff)
        }
        return ClaimLink(checkID: checkID, claim: claim, outcome: outcome, match: match, foundInSection: entry.number,
                         location: entry.location(at: match.range.lowerBound), statementIDs: ids, drift: drift)
    }

    /// A claim of another series found in this document as its quote says it (white space
    /// aside): this document restates the statement, so it inherits the claim. Nil when
    /// the quote is not here; nothing fuzzy, since another document's words are not a
    /// revision of the claim's.
    func inherit(_ claim: Claim, from named: DocumentIdentity, checkID: String, outcome: CheckOutcome, search: WholeTextSearch, spans: StatementSpans) -> ClaimLink? {
        let nq = QuoteFinder.normalize(claim.quote)
        guard let (entry, range) = search.find(nq) else { return nil }
        let kind: MatchKind = entry.raw.contains(claim.quote) ? .exact : .normalized
        let ids = spans.overlapping(entry, range)
        guard !ids.isEmpty else { return nil }
        return ClaimLink(checkID: checkID, claim: claim, outcome: outcome, match: QuoteMatch(kind: kind, score: 1, range: range, matchedText: nq),
                         foundInSection: entry.number, location: entry.location(at: range.lowerBound), statementIDs: ids,
                         inheritedFrom: InheritedFrom(document: named.series, section: claim.section))
    }

    /// The statement whose words are most like the quote's (Dice coefficient at least
    /// `ClauseFinder.minimumStatementSimilarity`), in the claimed section, else anywhere;
    /// as a fuzzy match over the statement's text.
    static func reworded(_ quote: String, claimedSection: String, in index: SectionTextIndex, statements: [LinkStatement])
        -> (SectionTextIndex.Entry, LinkStatement, QuoteMatch)? {
        for inSection in [true, false] {
            var best: (LinkStatement, Double)?
            for s in statements where (s.section == claimedSection) == inSection {
                let d = ClauseFinder.similarity(quote, s.text)
                if d >= ClauseFinder.minimumStatementSimilarity, d > (best?.1 ?? 0) { best = (s, d) }
            }
            guard let (statement, similarity) = best, let entry = index.entry(statement.section) else { continue }
            let text = QuoteFinder.normalize(statement.text)
            let range = entry.text.utf8Range(of: text) ?? (entry.paragraphStarts.first.map { $0.0..<$0.0 } ?? 0..<0)
            return (entry, statement, QuoteMatch(kind: .fuzzy, score: similarity, range: range, matchedText: text))
        }
        return nil
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

/// Every section's normalised text as one byte string, searched bytewise: the claims of
/// every other series are looked for in each document, so each search must be cheap.
struct WholeTextSearch {
    let entries: [SectionTextIndex.Entry]
    let bytes: [UInt8]
    /// Where each entry's text starts in `bytes`.
    let starts: [Int]
    /// How often each byte value occurs in `bytes`: each search looks for its needle's
    /// rarest byte (memcmp at every "T" of a 10 MB text was a tenth of its check).
    let byteCounts: [Int]

    init(_ index: SectionTextIndex) {
        var bytes: [UInt8] = [], starts: [Int] = []
        for entry in index.entries {
            starts.append(bytes.count)
            bytes += entry.text.utf8
            bytes.append(0)  // no quote spans two sections
        }
        var counts = [Int](repeating: 0, count: 256)
        for b in bytes { counts[Int(b)] += 1 }
        entries = index.entries
        self.bytes = bytes
        self.starts = starts
        byteCounts = counts
    }

    /// The section and the range in its normalised text of the first occurrence.
    func find(_ needle: String) -> (SectionTextIndex.Entry, Range<Int>)? {
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= bytes.count else { return nil }
        var anchor = 0
        for (k, b) in n.enumerated() where byteCounts[Int(b)] < byteCounts[Int(n[anchor])] { anchor = k }
        guard let offset = ByteSearch.first(n, in: bytes, anchor: anchor) else { return nil }
        // The last entry starting at or before the offset.
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = offset - starts[lo]
        return (entries[lo], start..<(start + n.count))
    }
}

/// Where each statement's text lies in its section's normalised text, found once per
/// document: attaching a claim to the statements its quote overlaps is then a range test
/// (it was a string search per statement per claim, most of `check`'s time).
struct StatementSpans {
    let statements: [LinkStatement]
    /// Per section number: the indices of its statements, in document order.
    private let bySection: [String: [Int]]
    /// Per statement index: its normalised text's occurrences in its section's text (UTF-8
    /// offsets), as an index into `occurrenceLists`; an empty list when the text is not
    /// there as is (hyphenation rejoined, list markers). Statements of one section with the
    /// same text (one sentence with several keywords, a sentence repeated) share one list:
    /// a list per statement grew with the square of a section's repeats (a section of 200
    /// equal paragraphs held 200 ranges for each of its 600 statements).
    private let occurrenceIndex: [Int]
    private let occurrenceLists: [[Range<Int>]]
    private let normalized: [String]

    init(statements: [LinkStatement], index: SectionTextIndex) {
        self.statements = statements
        var bySection: [String: [Int]] = [:]
        for (i, s) in statements.enumerated() { bySection[s.section, default: []].append(i) }
        var bytes: [String: [UInt8]] = [:]
        for entry in index.entries where bytes[entry.number] == nil { bytes[entry.number] = Array(entry.text.utf8) }
        let normalized = statements.map { QuoteFinder.normalize($0.text) }
        self.normalized = normalized
        // Each section's distinct statement texts are looked for together, in one pass per
        // text length.
        var occurrenceIndex = [Int](repeating: 0, count: statements.count)
        var occurrenceLists: [[Range<Int>]] = [[]]
        for (section, members) in bySection {
            guard let hay = bytes[section] else { continue }
            var slots: [String: Int] = [:]
            var needles: [[UInt8]] = []
            for i in members {
                if let slot = slots[normalized[i]] {
                    occurrenceIndex[i] = slot
                    continue
                }
                let slot = occurrenceLists.count + needles.count
                slots[normalized[i]] = slot
                occurrenceIndex[i] = slot
                needles.append(Array(normalized[i].utf8))
            }
            for (k, found) in ByteSearch.all(of: needles, in: hay).enumerated() {
                occurrenceLists.append(found.map { $0..<($0 + needles[k].count) })
            }
        }
        self.occurrenceIndex = occurrenceIndex
        self.occurrenceLists = occurrenceLists
        self.bySection = bySection
    }

    /// The ids of the statements of `entry`'s section lying (at least partly) in `range`
    /// of its normalised text; a statement whose text is not there as is counts when it
    /// holds the matched words or they hold it.
    func overlapping(_ entry: SectionTextIndex.Entry, _ range: Range<Int>) -> [String] {
        var matched: String?
        return (bySection[entry.number] ?? []).filter { i in
            let occurrences = occurrenceLists[occurrenceIndex[i]]
            if !occurrences.isEmpty { return occurrences.contains { $0.lowerBound < range.upperBound && range.lowerBound < $0.upperBound } }
            if matched == nil {
                let utf8 = Array(entry.text.utf8)
                matched = String(decoding: utf8[range.clamped(to: 0..<utf8.count)], as: UTF8.self)
            }
            return normalized[i].contains(matched!) || matched!.contains(normalized[i])
        }.map { statements[$0].id }
    }
}
