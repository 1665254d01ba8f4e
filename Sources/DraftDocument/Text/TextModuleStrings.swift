/// Modules printed in text: a MIB object's DESCRIPTION string or a YANG node's description
/// runs over blank lines when it has more than one paragraph, so the blank lines that
/// otherwise end a block do not end it there.
extension TextBlockBuilder {
    /// `chunks` with each chunk of code that leaves a description's string open joined to
    /// the chunks up to the one that closes it (blank lines kept between them), marked as a
    /// module's code. A string no later chunk closes joins nothing.
    func joiningModuleStrings(_ chunks: [Chunk]) -> [Chunk] {
        // Most documents hold no module: one look at each line's bytes rules them out.
        guard chunks.contains(where: { $0.lines.contains(where: Self.mayDescribe) }) else { return chunks }
        var out: [Chunk] = []
        out.reserveCapacity(chunks.count)
        var index = 0
        while index < chunks.count {
            var chunk = chunks[index]
            index += 1
            guard chunk.lines.contains(where: Self.mayDescribe) else { out.append(chunk); continue }
            var scanner = ModuleStringScanner()
            for line in chunk.lines { scanner.feed(line.raw) }
            // Once a search for a closing quote fails, no later chunk holds that quote (and
            // none can open a string with it): each chunk is searched at most once.
            while let quote = scanner.openQuote, isFigure(chunk) || chunk.isModule {
                guard let closing = chunks[index...].firstIndex(where: { c in c.lines.contains { $0.raw.utf8.contains(quote) } }) else { break }
                for next in chunks[index...closing] {
                    let blank = chunk.lines[chunk.lines.count - 1]
                    chunk.lines.append(TextLine(kind: .blank, number: blank.number + 1, raw: "", indent: 0, content: ""))
                    chunk.lines += next.lines
                    for line in next.lines { scanner.feed(line.raw) }
                }
                chunk.isModule = true
                index = closing + 1
            }
            out.append(chunk)
        }
        return out
    }

    /// A line that may hold SMI's DESCRIPTION or YANG's description keyword.
    private static func mayDescribe(_ line: TextLine) -> Bool {
        guard line.content.utf8.count >= 11 else { return false }
        return line.content.utf8.withContiguousStorageIfAvailable { u in
            let hay = UnsafeRawBufferPointer(u)
            return upper.withUnsafeBytes { ByteSearch.first($0, in: hay) != nil } || lower.withUnsafeBytes { ByteSearch.first($0, in: hay) != nil }
        } ?? false
    }

    private static let upper = Array("DESCRIPTION".utf8), lower = Array("description".utf8)
}
