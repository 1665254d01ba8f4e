import Diagnostics
import DraftDocument
import Foundation
import Normative

/// `draftcheck review --format jsonl FILE...`: many documents in one process, read and
/// analysed on every core, one JSON Lines record per document in the order given. A
/// document that cannot be read is a record with its error; the others go on.
///
/// Records are written as soon as those before them are: the record whose turn it is
/// streams straight out as it is encoded (a 50 MB draft's record, held whole, took 1.45 GB),
/// one finished early waits as its text until its turn comes.
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
        var error: Failure?
    }

    /// Writes the records of `paths` through `emit`, in order; true when any document
    /// failed. The first error `emit` throws ends the run (the documents being read are
    /// finished, none is started) and is thrown.
    public static func run(_ paths: [String], filter: StatementFilter, lowercaseKeywords: StatementExtractor.LowercaseKeywords,
                           exitCode: @Sendable (any Error) -> Int32, emit: @escaping @Sendable (String) throws -> Void) throws -> Bool {
        let output = InOrder(emit: emit)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        // Each worker takes the next document: long and short documents share the cores.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !output.stopped, let i = next.take(below: paths.count) {
                let result = analysis(paths[i], lowercaseKeywords: lowercaseKeywords, exitCode: exitCode)
                output.write(i, failed: result.failure != nil) { emit in
                    try record(paths[i], result, filter: filter, emit: emit)
                }
            }
        }
        return try output.finish()
    }

    private struct Outcome {
        var analysis: NormativeAnalysis?
        var failure: Record.Failure?
    }

    private static func analysis(_ path: String, lowercaseKeywords: StatementExtractor.LowercaseKeywords,
                                 exitCode: (any Error) -> Int32) -> Outcome {
        do {
            let document = try DocumentReader.read(path: path)
            return Outcome(analysis: StatementExtractor(lowercaseKeywords: lowercaseKeywords).analyze(document))
        } catch {
            let code = (error as? any Diagnostic).map { d in d.codeName } ?? "error"
            let message = (error as? any Diagnostic)?.description ?? "\(error)"
            return Outcome(failure: Record.Failure(code: code, message: message, exit: Int(exitCode(error))))
        }
    }

    /// The record's line, new line included, in pieces.
    private static func record(_ path: String, _ outcome: Outcome, filter: StatementFilter, emit: (String) throws -> Void) throws {
        if let analysis = outcome.analysis {
            let statements = ReviewStatement.Streamed(filter.apply(analysis.statements))
            try StableJSON.stream(Record(file: path), member: "review", holding: ReviewReport(head: analysis),
                                  array: "statements", elements: statements, compact: true, emit: emit)
        } else {
            try emit(StableJSON.encodeLine(Record(file: path, error: outcome.failure)))
        }
        try emit("\n")
    }

    /// Records written in the order of their indexes, from several threads. The record
    /// whose turn it is is written straight through `emit` (outside the lock: the others
    /// go on); one that comes early is rendered into text and kept until its turn.
    final class InOrder: @unchecked Sendable {
        private let lock = NSLock()
        private let emit: @Sendable (String) throws -> Void
        private var turn = 0
        private var early: [Int: String] = [:]
        private var failed = false
        private var error: (any Error)?

        init(emit: @escaping @Sendable (String) throws -> Void) { self.emit = emit }

        /// True once writing failed: no more documents are started.
        var stopped: Bool { lock.withLock { error != nil } }

        func write(_ index: Int, failed recordFailed: Bool, _ render: ((String) throws -> Void) throws -> Void) {
            let (now, gaveUp) = lock.withLock { () -> (Bool, Bool) in
                if recordFailed { failed = true }
                return (index == turn && error == nil, error != nil)
            }
            // Writing failed: nothing more is written, so nothing more is rendered.
            if gaveUp { return }
            var text = ""
            if now {
                do { try render(emit) } catch { fail(error) }
            } else {
                do { try render { text += $0 } } catch { fail(error) }
            }
            lock.withLock {
                if now { turn += 1 } else { early[index] = text }
                // The records that came early and whose turn it now is.
                while error == nil, let text = early.removeValue(forKey: turn) {
                    do { try emit(text) } catch { self.error = error }
                    turn += 1
                }
            }
        }

        private func fail(_ e: any Error) { lock.withLock { if error == nil { error = e } } }

        func finish() throws -> Bool {
            try lock.withLock {
                if let error { throw error }
                return failed
            }
        }
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
