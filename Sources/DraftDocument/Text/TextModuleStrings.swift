/// Modules printed in text: a MIB object's DESCRIPTION string or a YANG node's description
/// runs over blank lines when it has more than one paragraph, so the blank lines that
/// otherwise end a block do not end it there.
extension TextBlockBuilder {
    /// `chunks` (of `lines`) with each chunk of code that leaves a description's string
    /// open joined to the chunks up to the one that closes it, all set in further than the
    /// chunk's first line, marked as a module's code.
    /// A blank line is kept between two chunks where the source had one; a page break
    /// alone joins them as one run of lines, as it joins a paragraph. A string no later
    /// chunk closes joins nothing.
    func joiningModuleStrings(_ chunks: [Chunk], of lines: ArraySlice<TextLine>) -> [Chunk] {
        func mayDescribe(_ chunk: Chunk) -> Bool { chunk.lines.contains { ModuleStringScanner.mayDescribe($0.content) } }
        // Most documents hold no module: one look at each line's bytes rules them out, and
        // the chunks before the first that may hold one stay as they are.
        guard let first = chunks.firstIndex(where: mayDescribe) else { return chunks }
        var out = Array(chunks[..<first])
        out.reserveCapacity(chunks.count)
        var index = first
        while index < chunks.count {
            var chunk = chunks[index]
            index += 1
            guard index - 1 == first || mayDescribe(chunk) else { out.append(chunk); continue }
            var scanner = ModuleStringScanner()
            for line in chunk.lines { scanner.feed(line.raw) }
            // The string's lines are set in from the object or node it describes: a chunk out
            // at its margin or further left (prose after the module) ends the search, so that
            // a quote a module leaves open by mistake takes no prose into the figure. The
            // search stops at the first chunk holding the quote or out at the margin: a chunk
            // it passes holds no quote, so opens no search of its own.
            while let quote = scanner.openQuote, isFigure(chunk) || chunk.isModule {
                var closing: Int?
                for k in index..<chunks.count {
                    guard chunks[k].indent > chunk.indent else { break }
                    if chunks[k].lines.contains(where: { $0.raw.utf8.contains(quote) }) { closing = k; break }
                }
                guard let closing else { break }
                for next in chunks[index...closing] {
                    let last = chunk.lines[chunk.lines.count - 1]
                    if blankBetween(last.number, next.lines[0].number, in: lines) {
                        chunk.lines.append(TextLine(kind: .blank, number: last.number + 1, indent: 0, content: ""))
                    }
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

    /// Whether the source sets the lines numbered `above` and `below` apart by a blank line,
    /// or by a page break where the page above was cut short (more padding than a full
    /// page has: the text above ended there).
    private func blankBetween(_ above: Int, _ below: Int, in lines: ArraySlice<TextLine>) -> Bool {
        var lo = lines.startIndex, hi = lines.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if lines[mid].number <= above { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < lines.endIndex, lines[k].number < below {
            switch lines[k].kind {
            case .blank: return true
            case .pageBreak: if lines[k].padding > fullPagePadding { return true }
            case .text: break
            }
            k += 1
        }
        return false
    }
}
