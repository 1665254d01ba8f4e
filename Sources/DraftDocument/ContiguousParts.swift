#if canImport(Glibc)
import Glibc
#endif

/// Work cut into contiguous parts of about equal size, one per core, so that a large
/// document is read on every core and a small one stays on one thread; shared by the text
/// reader's block building (`TextBlockParts`) and statement extraction (`SectionParts`).
package enum ContiguousParts {
    /// The cores this process may use, at most 8.
    package static var machineWorkers: Int {
        max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    }

    /// Index ranges of the items whose sizes are `sizes`, in order, covering them all: at
    /// most `workers` parts, none (but the last's remainder) below `minimumPart` in size.
    package static func split(sizes: [Int], workers: Int, minimumPart: Int) -> [Range<Int>] {
        guard workers > 1, sizes.count > 1 else { return [sizes.indices] }
        let total = sizes.reduce(0, +)
        let parts = min(workers, sizes.count, total / max(1, minimumPart))
        guard parts > 1 else { return [sizes.indices] }
        var out: [Range<Int>] = []
        var start = 0, sum = 0
        for (i, size) in sizes.enumerated() {
            sum += size
            // Cut where the running total passes the next share, leaving an item for every part to come.
            if out.count < parts - 1, sum * parts >= total * (out.count + 1), sizes.count - (i + 1) >= parts - 1 - out.count {
                out.append(start..<(i + 1))
                start = i + 1
            }
        }
        out.append(start..<sizes.count)
        return out
    }
}
