import DraftDocument
import Synchronization

/// A document's sections cut into contiguous parts of about equal text, one per core, for
/// statement extraction to walk at once: a large document (a 50 MB draft) is read on every
/// core; a small one stays in one part.
enum SectionParts {
    /// How many parts at most, and the least text a part is worth.
    struct Policy: Sendable {
        var workers: Int
        /// Below this much text (UTF-8 bytes of prose, estimated) per part, fewer parts:
        /// a second thread would cost more than it saves.
        var minimumPartBytes: Int

        /// The cores this process may use (at most 8), parts of at least 64 KB (RFC 7296's
        /// 290 KB of prose, walked on two cores, take 2 ms less).
        static var machine: Policy { Policy(workers: ContiguousParts.machineWorkers, minimumPartBytes: 64 * 1024) }
    }

    /// Index ranges of `sections`, in order, covering them all.
    static func split(_ sections: [Section], _ policy: Policy) -> [Range<Int>] {
        split(sizes: sections.map(size), policy)
    }

    /// Index ranges of the sections whose sizes (`size`) are `sizes`, in order, covering them all.
    static func split(sizes: [Int], _ policy: Policy) -> [Range<Int>] {
        ContiguousParts.split(sizes: sizes, workers: policy.workers, minimumPart: policy.minimumPartBytes)
    }

    /// A section's prose in UTF-8 bytes, roughly: paragraphs' and list items' text.
    static func size(_ section: Section) -> Int {
        section.blocks.reduce(section.title.utf8.count) { $0 + size($1) }
    }

    static func size(_ block: Block) -> Int {
        switch block {
        case .paragraph(let p): p.content.spans.reduce(0) { $0 + $1.text.utf8.count }
        case .list(let l): l.items.reduce(0) { total, item in item.blocks.reduce(total) { $0 + size($1) } }
        case .blockquote(let c), .aside(let c): c.blocks.reduce(0) { $0 + size($1) }
        case .table(let t): (t.header + t.rows).reduce(0) { total, row in row.reduce(total) { $0 + $1.spans.reduce(0) { $0 + $1.text.utf8.count } } }
        case .figure(let f): f.verbatim.utf8.count
        case .references: 0
        }
    }

    /// The runs of the parts, filled from several threads.
    final class Results: Sendable {
        private let runs: Mutex<[ExtractionRun?]>
        init(count: Int) { runs = Mutex(Array(repeating: nil, count: count)) }
        func set(_ i: Int, _ run: ExtractionRun) { runs.withLock { $0[i] = run } }
        /// The run of part `i` (set by then: `concurrentPerform` has returned).
        func take(_ i: Int) -> ExtractionRun {
            runs.withLock { runs in
                defer { runs[i] = nil }
                return runs[i]!
            }
        }
    }
}
