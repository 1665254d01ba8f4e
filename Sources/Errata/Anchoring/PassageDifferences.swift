import DraftDocument

/// How an errata block's OLD text differs from the closest passage of the document, in a
/// few lines a reviewer can act on: each place where the words differ, marked as wdiff
/// marks them (`[-in OLD-] {+in the document+}`), with a few words either side.
enum PassageDifferences {
    /// Words of context shown either side of a difference.
    static let context = 4
    /// Places shown before "and N more".
    static let shown = 5

    static func describe(old: String, passage: String) -> String {
        let ops = WordDiff(old: old, new: passage, method: .myers).ops
        // Runs of changed words, as index ranges into `ops`.
        var places: [Range<Int>] = []
        var i = 0
        while i < ops.count {
            guard !ops[i].isEqual else { i += 1; continue }
            var j = i
            while j < ops.count, !ops[j].isEqual { j += 1 }
            places.append(i..<j)
            i = j
        }
        guard !places.isEmpty else { return "reads the same word for word: \"\(passage)\"" }
        var lines = ["differs from OLD in \(places.count) place\(places.count == 1 ? "" : "s") ([-OLD-] {+document+}):"]
        for place in places.prefix(shown) {
            let before = ops[max(0, place.lowerBound - context)..<place.lowerBound]
            let after = ops[place.upperBound..<min(ops.count, place.upperBound + context)]
            var words: [String] = place.lowerBound - context > 0 ? ["..."] : []
            words += before.map(\.word)
            let removed = ops[place].filter { if case .delete = $0 { true } else { false } }.map(\.word)
            let inserted = ops[place].filter { if case .insert = $0 { true } else { false } }.map(\.word)
            if !removed.isEmpty { words.append("[-" + removed.joined(separator: " ") + "-]") }
            if !inserted.isEmpty { words.append("{+" + inserted.joined(separator: " ") + "+}") }
            words += after.map(\.word)
            if place.upperBound + context < ops.count { words.append("...") }
            lines.append("  " + words.joined(separator: " "))
        }
        if places.count > shown { lines.append("  and \(places.count - shown) more") }
        return lines.joined(separator: "\n")
    }
}

private extension EditOp where Element == String {
    var isEqual: Bool { if case .equal = self { true } else { false } }
    var word: String {
        switch self {
        case .equal(let w), .delete(let w), .insert(let w): w
        }
    }
}
