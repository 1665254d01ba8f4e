import DraftDocument

/// Whether and how a block's NEW text appears in a later document.
public struct Adoption: Sendable {
    public enum Verdict: String, Sendable, Equatable {
        /// The NEW text is there, up to white space, reflow and inline markup.
        case verbatim
        /// A passage close to the NEW text is there, with word-level differences.
        case modified
        /// Nothing close enough (similarity below `Adoption.threshold`).
        case notFound
    }

    /// The similarity (2 x common words / all words) from which a passage counts as the
    /// NEW text adopted with changes.
    public static let threshold = 0.6

    public var change: Change
    public var verdict: Verdict
    /// Of the closest passage, 0...1.
    public var similarity: Double
    /// NEW text -> later text, one entry per changed run of words.
    public var differences: [WordDifference]
    /// Where the passage is in the later document.
    public var lines: ClosedRange<Int>?
    /// The later document's section holding the passage, when its model places it.
    public var section: String?
    /// The passage as the later document has it (white space folded).
    public var passage: String

    /// One line, then the differences: the form `draftcheck errata --compare-with` prints.
    public func summary(laterName: String) -> String {
        let place = [section.map { "section \($0)" }, lines.map { "lines \($0.lowerBound)-\($0.upperBound)" }]
            .compactMap { $0 }.joined(separator: ", ")
        let percent = Int((similarity * 100).rounded(.down))
        switch verdict {
        case .verbatim:
            return "\(change.heading): adopted verbatim in \(laterName) (\(place))\n"
        case .modified:
            var out = "\(change.heading): adopted with \(differences.count) word-level difference\(differences.count == 1 ? "" : "s") in \(laterName) (\(place), similarity \(percent)%):\n"
            for d in differences { out += "  \(d)\n" }
            return out
        case .notFound:
            return "\(change.heading): not found in \(laterName) (closest passage similarity \(percent)%\(place.isEmpty ? "" : ", \(place)"))\n"
        }
    }
}

public enum AdoptionTracker {
    /// Looks for each block's NEW text anywhere in `later` (sections may have moved).
    /// `document` (the later document's model) is only used to name the section.
    public static func compare(_ errata: ErrataFile, with later: SourceFile, document: Document?) -> [Adoption] {
        let visible = Anchoring.visibleText(later, 0..<later.bytes.count, document: document)
        let canonical = visible.canonicalPositions
        let canonicalScalars = canonical.map { visible.scalars[$0] }
        let words = visible.words
        let wordTexts = words.map(\.text)
        return errata.changes.map { change in
            let newText = change.new.paragraphs.joined(separator: " ")
            let needle = Array(newText.unicodeScalars.filter { !$0.properties.isWhitespace })
            func place(_ scalars: Range<Int>) -> (ClosedRange<Int>, String?) {
                let first = later.line(of: visible.starts[scalars.lowerBound])
                let last = later.line(of: max(visible.starts[scalars.upperBound - 1], visible.ends[scalars.upperBound - 1] - 1))
                return (first...max(first, last), sectionNumber(atLine: first, in: document, file: later.path))
            }
            if let hit = Anchoring.occurrences(of: needle, in: canonicalScalars).first {
                let range = canonical[hit]..<(canonical[hit + needle.count - 1] + 1)
                let (lines, section) = place(range)
                return Adoption(change: change, verdict: .verbatim, similarity: 1, differences: [], lines: lines, section: section, passage: visible.string(range).whitespaceFolded)
            }
            let newWords = newText.split(separator: " ").map(String.init)
            guard let closest = Alignment.closest(newWords, in: wordTexts) else {
                return Adoption(change: change, verdict: .notFound, similarity: 0, differences: [], lines: nil, section: nil, passage: "")
            }
            let range = words[closest.range.lowerBound].range.lowerBound..<words[closest.range.upperBound - 1].range.upperBound
            let (lines, section) = place(range)
            let differences = WordDifference.grouped(EditScript.myers(newWords, Array(wordTexts[closest.range])))
            let verdict: Adoption.Verdict = closest.similarity >= Adoption.threshold ? .modified : .notFound
            return Adoption(change: change, verdict: verdict, similarity: closest.similarity, differences: verdict == .modified ? differences : [], lines: lines, section: section, passage: visible.string(range).whitespaceFolded)
        }
    }

    static func sectionNumber(atLine line: Int, in document: Document?, file: String) -> String? {
        guard let document else { return nil }
        return document.allSections.last { $0.location.line <= line }?.number
    }
}
