/// OLD and NEW text as RFC Editor errata carry it: indented three spaces and no line
/// longer than 72 columns. A paragraph whose lines already fit is kept as written (a
/// figure or a list keeps its shape); one with a longer line is refilled, keeping the two
/// spaces RFC text puts after a sentence.
enum BlockFill {
    static let indent = "   "
    static let width = 72

    static func indented(_ text: String) -> String {
        Passage.paragraphs(of: text).map { lines in
            if lines.allSatisfy({ indent.count + $0.count <= width }) {
                return lines.map { indent + $0 }.joined(separator: "\n")
            }
            return refill(lines)
        }.joined(separator: "\n\n")
    }

    /// Greedy fill of the paragraph's words; the gap after each word (one space, or two
    /// after a sentence) is kept within a line and dropped at a break.
    static func refill(_ lines: [String]) -> String {
        var words: [(word: Substring, gap: Int)] = []
        for (n, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            var rest = trimmed[...]
            while !rest.isEmpty {
                let word = rest.prefix { $0 != " " }
                rest = rest.dropFirst(word.count)
                let spaces = rest.prefix { $0 == " " }.count
                rest = rest.dropFirst(spaces)
                words.append((word, min(max(spaces, 1), 2)))
            }
            // A sentence that ends a line ends with two spaces when the lines are joined.
            if let last = words.indices.last, n < lines.count - 1 {
                let next = lines[n + 1].drop { $0 == " " }.first
                words[last].gap = Filling.endsSentence(words[last].word, closers: ")\"") && (next?.isUppercase ?? false) ? 2 : 1
            }
        }
        var out: [String] = []
        var line = ""
        var gap = 0
        for (word, after) in words {
            if !line.isEmpty, indent.count + line.count + gap + word.count > width {
                out.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : String(repeating: " ", count: gap)) + word
            gap = after
        }
        if !line.isEmpty { out.append(indent + line) }
        return out.joined(separator: "\n")
    }
}
