import Foundation

/// Independent pieces of work (one revision each: extracting and linking its statements,
/// following an errata file through it) spread over the cores, results kept in order. The
/// joining across revisions stays sequential.
enum ParallelWork {
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Slots<Result<T, any Error>>(count: count)
        let next = Slots<Int>(count: 0)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.take(below: count) {
                slots.set(i, Result { try body(i) })
            }
        }
        return try slots.values.map { try $0!.get() }
    }

    /// Results by index, filled from several threads; also the shared next index.
    final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [T?]
        private var cursor = 0
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.withLock { items[i] = value } }
        var values: [T?] { lock.withLock { items } }
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard cursor < limit else { return nil }
                defer { cursor += 1 }
                return cursor
            }
        }
    }
}
