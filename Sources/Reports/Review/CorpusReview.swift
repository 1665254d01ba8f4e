import Diagnostics
import DraftDocument
import Foundation
import Normative

/// `draftcheck review --format jsonl FILE...`: many documents in one process, read and
/// analysed on every core, one JSON Lines record per document in the order given. A
/// document that cannot be read is a record with its error; the others go on.
public enum CorpusReview {
    /// One record: `{"file", "review"}` or `{"file", "error": {"code", "message", "exit"}}`.
    struct Record: Encodable {
        struct Failure: Encodable {
            var code: String
            var message: String
            /// The exit code the error has alone (`review FILE`).
            var exit: Int
        }
        var file: String
        var review: ReviewReport?
        var error: Failure?
    }

    /// The records, in the order of `paths`, and whether any document failed.
    public static func run(_ paths: [String], filter: StatementFilter, lowercaseKeywords: StatementExtractor.LowercaseKeywords,
                           exitCode: @Sendable (any Error) -> Int32) -> (lines: [String], failed: Bool) {
        let results = Results(count: paths.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        // Each worker takes the next document: long and short documents share the cores.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.take(below: paths.count) {
                results.set(i, record(paths[i], filter: filter, lowercaseKeywords: lowercaseKeywords, exitCode: exitCode))
            }
        }
        return (results.lines, results.failed)
    }

    static func record(_ path: String, filter: StatementFilter, lowercaseKeywords: StatementExtractor.LowercaseKeywords,
                       exitCode: (any Error) -> Int32) -> (String, Bool) {
        var record = Record(file: path)
        do {
            let document = try DocumentReader.read(path: path)
            record.review = ReviewReport(StatementExtractor(lowercaseKeywords: lowercaseKeywords).analyze(document), filter: filter)
        } catch {
            let code = (error as? any Diagnostic).map { d in d.codeName } ?? "error"
            let message = (error as? any Diagnostic)?.description ?? "\(error)"
            record.error = Record.Failure(code: code, message: message, exit: Int(exitCode(error)))
        }
        let line = (try? StableJSON.encodeLine(record)) ?? #"{"file":"\#(path)","error":{"code":"encoding","message":"the review could not be written as JSON","exit":70}}"#
        return (line, record.error != nil)
    }

    /// The records by index, filled from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [(String, Bool)?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: (String, Bool)) { lock.withLock { slots[i] = value } }
        var lines: [String] { lock.withLock { slots.map { $0?.0 ?? "" } } }
        var failed: Bool { lock.withLock { slots.contains { $0?.1 ?? true } } }
    }

    /// The next index to work on, shared by the workers.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
