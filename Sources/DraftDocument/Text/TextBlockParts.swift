import Dispatch

/// The bodies of a text document's sections built into blocks on every core: each body is
/// built alone (`TextBlockBuilder.blocks` reads only its own lines and the document's
/// measures), so contiguous runs of them, of about equal lines, are built at once and the
/// results kept in document order. A small document stays on one thread.
enum TextBlockParts {
    /// One section's (or front note's) lines and whether they are references.
    struct Body: Sendable {
        var lines: ArraySlice<TextLine>
        var references: Bool
    }

    /// How many parts at most, and the least lines a part is worth.
    struct Policy: Sendable {
        var workers: Int
        /// Below this many lines per part, fewer parts: a second thread would cost more
        /// than it saves (RFC 7296's 7,900 lines, read on two cores, take 3 ms less).
        var minimumPartLines: Int

        /// The cores this process may use (at most 8), parts of at least 1,500 lines.
        static var machine: Policy { Policy(workers: ContiguousParts.machineWorkers, minimumPartLines: 1500) }
    }

    /// The blocks of each of `bodies`, in their order.
    static func build(_ bodies: [Body], with builder: TextBlockBuilder, policy: Policy) -> [[Block]] {
        let parts = ContiguousParts.split(sizes: bodies.map(\.lines.count), workers: policy.workers, minimumPart: policy.minimumPartLines)
        guard parts.count > 1 else { return bodies.map { builder.blocks($0.lines, references: $0.references) } }
        return [[Block]](unsafeUninitializedCapacity: bodies.count) { buffer, initialized in
            let out = SharedBuffer(base: buffer.baseAddress)
            // Each part fills its own contiguous range of the buffer.
            DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                guard let base = out.base else { return }
                // The first part reads the document's lines, each other one a copy of its own.
                let range = parts[part]
                let lines = part == 0 ? range.map { bodies[$0].lines } : TextLine.onOwnCopy(range.map { bodies[$0].lines })
                for (i, body) in zip(range, lines) {
                    (base + i).initialize(to: builder.blocks(body, references: bodies[i].references))
                }
            }
            initialized = bodies.count
        }
    }

    /// The start of a buffer that several threads fill, each its own range.
    private struct SharedBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<[Block]>?
    }
}
