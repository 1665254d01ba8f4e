import DraftDocument
import Errata
import Linking

/// Follows an errata file's blocks through the revisions: in each, how the NEW text is
/// found (`errata --compare-with`: verbatim, modified, not found) and how close the same
/// passage stays to the OLD text. A block is adopted in a revision after the errata's own
/// document (its header's `document`, when that is one of the revisions) that holds the NEW
/// text verbatim, or with differences and closer to NEW than to OLD: an earlier revision
/// that is merely similar to both (RFC 4306 against a -08 errata) is not an adoption.
enum ErrataFollower {
    static func follow(_ input: HistoryBuilder.ErrataInput, through documents: [Document], revisions: [HistoryRevision]) throws -> ErrataHistory {
        let errata = input.file
        let targetIdentity = DocumentIdentity(parsing: errata.document)
        let target = revisions.firstIndex { $0.identity == targetIdentity }
        // The OLD texts as if they were proposed: the same search, so the two similarities compare.
        var asOld = errata
        asOld.changes = errata.changes.map { var c = $0; c.new = c.old; return c }
        var cells: [[ErrataAdoptionCell]] = Array(repeating: [], count: errata.changes.count)
        for (r, document) in documents.enumerated() {
            let source = try SourceFile.read(path: document.metadata.file)
            let news = AdoptionTracker.compare(errata, with: source, document: document)
            let olds = AdoptionTracker.compare(asOld, with: source, document: document)
            for b in errata.changes.indices {
                let new = news[b], old = olds[b]
                let after = target.map { r > $0 } ?? true
                let closerToNew = new.verdict == .verbatim || (new.verdict == .modified && new.similarity > old.similarity)
                cells[b].append(ErrataAdoptionCell(revision: r + 1, adoption: new, oldSimilarity: old.similarity,
                                                   adopted: after && closerToNew, isTarget: r == target))
            }
        }
        return ErrataHistory(file: input.path, errata: errata, target: target.map { $0 + 1 },
                             blocks: errata.changes.indices.map { ErrataBlockHistory(change: errata.changes[$0], revisions: cells[$0]) })
    }
}
