import DraftDocument

/// What happened to one statement between two revisions.
public struct StatementChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Same text, same section.
        case unchanged
        /// Same section, different text (found normalised or by similarity).
        case edited
        /// Found in another section (the text may also differ: see `diff`).
        case moved
        /// Only in the new revision.
        case added
        /// Only in the old revision.
        case removed
    }

    public var kind: Kind
    public var old: Statement?
    public var new: Statement?
    /// How the pair was matched (nil for added and removed).
    public var match: MatchKind?
    public var similarity: Double?
    /// Word diff when the texts differ.
    public var diff: WordDiff?
}

/// Statement-level changes between two revisions of a document.
public struct RevisionComparison: Hashable, Sendable {
    public var old: Metadata
    public var new: Metadata
    /// Old-document order for matched and removed statements; added ones after the
    /// statement they follow in the new document.
    public var changes: [StatementChange]

    public init(old: NormativeAnalysis, new: NormativeAnalysis, matcher: StatementMatcher = StatementMatcher()) {
        self.old = old.metadata
        self.new = new.metadata
        let result = matcher.match(old: old.statements, new: new.statements)
        var byOld: [String: StatementChange] = [:]
        for m in result.matches {
            let sameText = m.old.text == m.new.text
            let kind: StatementChange.Kind = m.old.section != m.new.section ? .moved : (sameText ? .unchanged : .edited)
            byOld[m.old.id] = StatementChange(kind: kind, old: m.old, new: m.new, match: m.kind, similarity: m.similarity,
                                              diff: sameText ? nil : WordDiff(old: m.old.text, new: m.new.text, method: .wdiff))
        }
        for s in result.unmatchedOld { byOld[s.id] = StatementChange(kind: .removed, old: s) }
        // Interleave: walk the new document; before each matched statement, emit the old
        // statements up to its partner.
        var changes: [StatementChange] = []
        var oldCursor = 0
        let oldStatements = old.statements
        var emitted = Set<String>()
        func emitOld(through index: Int) {
            while oldCursor <= index, oldCursor < oldStatements.count {
                let id = oldStatements[oldCursor].id
                if let c = byOld[id], !emitted.contains(id) {
                    changes.append(c)
                    emitted.insert(id)
                }
                oldCursor += 1
            }
        }
        let oldIndex = Dictionary(uniqueKeysWithValues: oldStatements.enumerated().map { ($1.id, $0) })
        let partner = Dictionary(uniqueKeysWithValues: result.matches.map { ($0.new.id, $0.old.id) })
        let added = Set(result.unmatchedNew.map(\.id))
        for s in new.statements {
            if added.contains(s.id) {
                changes.append(StatementChange(kind: .added, new: s))
            } else if let o = partner[s.id], let idx = oldIndex[o] {
                if idx >= oldCursor { emitOld(through: idx) } else if !emitted.contains(o), let c = byOld[o] {
                    changes.append(c)
                    emitted.insert(o)
                }
            }
        }
        emitOld(through: oldStatements.count - 1)
        self.changes = changes
    }

    /// Count of changes of each kind (every kind present, zero included).
    public var summary: [StatementChange.Kind: Int] {
        var out = Dictionary(uniqueKeysWithValues: StatementChange.Kind.allCases.map { ($0, 0) })
        for c in changes { out[c.kind, default: 0] += 1 }
        return out
    }

    public func changes(_ kind: StatementChange.Kind) -> [StatementChange] { changes.filter { $0.kind == kind } }
}
