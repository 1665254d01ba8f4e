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
    /// struck through, inserted green) for a terminal; lines wrapped at `width` visible
    /// columns.
    public func rendered(color: Bool, width: Int = 72) -> String {
        // (visible text, text with markers or escapes) per word.
        var tokens: [(visible: String, shown: String)] = []
        var removed: [String] = [], inserted: [String] = []
        func run(_ words: [String], open: String, close: String, colour: String) {
            for (i, w) in words.enumerated() {
                if color {
                    tokens.append((w, "\u{1B}[\(colour)m\(w)\u{1B}[0m"))
                } else {
                    let shown = (i == 0 ? open : "") + w + (i == words.count - 1 ? close : "")
                    tokens.append((shown, shown))
                }
            }
        }
        func flush() {
            run(removed, open: "[-", close: "-]", colour: "31;9")
            run(inserted, open: "{+", close: "+}", colour: "32")
            removed = []; inserted = []
        }
        for op in ops {
            switch op {
            case .equal(let w): flush(); tokens.append((w, w))
            case .delete(let w): removed.append(w)
            case .insert(let w): inserted.append(w)
            }
        }
        flush()
        var lines: [String] = []
        var line = "", length = 0
        for token in tokens {
            if length > 0, length + 1 + token.visible.count > width {
                lines.append(line)
                line = ""; length = 0
            }
            if length > 0 { line += " "; length += 1 }
            line += token.shown
            length += token.visible.count
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
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
