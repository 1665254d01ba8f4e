import DraftDocument
import Errata
import Linking

/// Follows an errata file's blocks through the revisions: in each, how the NEW text is
/// found (`errata --compare-with`: verbatim, modified, not found) and how close that
/// passage is to the OLD text. A block is adopted in a revision after the errata's own
/// document (its header's `document`, when that is one of the revisions) that holds the NEW
/// text verbatim, or a passage closer to NEW than to OLD: an earlier revision merely
/// similar to both (RFC 4306 against a -08 errata) is not an adoption.
enum ErrataFollower {
    static func follow(_ input: HistoryBuilder.ErrataInput, through documents: [Document], revisions: [HistoryRevision]) throws -> ErrataHistory {
        let errata = input.file
        let targetIdentity = DocumentIdentity(parsing: errata.document)
        let target = revisions.firstIndex { $0.identity == targetIdentity }
        let perRevision: [[ErrataAdoptionCell]] = try ParallelWork.map(documents.count) { r in
            // Up to the errata's own document nothing can have adopted it: not searched
            // (the search reads the whole document, the costliest step of a history).
            if let target, r <= target {
                return errata.changes.indices.map { _ in
                    ErrataAdoptionCell(revision: r + 1, adoption: nil, oldSimilarity: nil, adopted: false, isTarget: r == target)
                }
            }
            let document = documents[r]
            let source = try SourceFile.read(path: document.metadata.file)
            let news = AdoptionTracker.compare(errata, with: source, document: document)
            return errata.changes.indices.map { b in
                let new = news[b]
                // The passage most like the NEW text, compared with the OLD text: the same
                // measure (2 x common words / all words), so the two similarities compare.
                let oldWords = errata.changes[b].old.paragraphs.joined(separator: " ").split(whereSeparator: \.isWhitespace).map(String.init)
                let passageWords = new.passage.split(whereSeparator: \.isWhitespace).map(String.init)
                let oldSimilarity = passageWords.isEmpty ? 0 : EditScript.similarity(oldWords, passageWords)
                let closerToNew = new.verdict == .verbatim || (new.verdict == .modified && new.similarity > oldSimilarity)
                return ErrataAdoptionCell(revision: r + 1, adoption: new, oldSimilarity: oldSimilarity, adopted: closerToNew, isTarget: false)
            }
        }
        let cells = errata.changes.indices.map { b in perRevision.map { $0[b] } }
        return ErrataHistory(file: input.path, errata: errata, target: target.map { $0 + 1 },
                             blocks: errata.changes.indices.map { ErrataBlockHistory(change: errata.changes[$0], revisions: cells[$0]) })
    }
}
