import Plot

/// A word-level comparison of OLD and NEW text.
public struct WordDiff: Sendable {
    public var ops: [EditOp<String>]

    public init(old: String, new: String) {
        ops = Alignment.script(old.split(whereSeparator: \.isWhitespace).map(String.init),
                               new.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// The changed runs: what was removed and what was put instead.
    public var differences: [WordDifference] { WordDifference.grouped(ops) }

    /// wdiff's notation, `[-removed-]{+inserted+}`, or with ANSI colour (removed red and
    /// struck through, inserted green) for a terminal.
    public func rendered(color: Bool, width: Int = 72) -> String {
        var words: [String] = []
        var run: (removed: [String], inserted: [String]) = ([], [])
        func flush() {
            if !run.removed.isEmpty {
                let text = run.removed.joined(separator: " ")
                words.append(color ? "\u{1B}[31;9m\(text)\u{1B}[0m" : "[-\(text)-]")
            }
            if !run.inserted.isEmpty {
                let text = run.inserted.joined(separator: " ")
                words.append(color ? "\u{1B}[32m\(text)\u{1B}[0m" : "{+\(text)+}")
            }
            run = ([], [])
        }
        for op in ops {
            switch op {
            case .equal(let w): flush(); words.append(w)
            case .delete(let w): run.removed.append(w)
            case .insert(let w): run.inserted.append(w)
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// The two sides for an HTML table: OLD with `<del>`, NEW with `<ins>`.
    func htmlCells() -> (old: Node<HTML.BodyContext>, new: Node<HTML.BodyContext>) {
        var left: [Node<HTML.BodyContext>] = [], right: [Node<HTML.BodyContext>] = []
        for op in ops {
            switch op {
            case .equal(let w):
                left.append(.text(w + " ")); right.append(.text(w + " "))
            case .delete(let w):
                left.append(.del(.text(w))); left.append(.text(" "))
            case .insert(let w):
                right.append(.ins(.text(w))); right.append(.text(" "))
            }
        }
        return (.group(left), .group(right))
    }
}
