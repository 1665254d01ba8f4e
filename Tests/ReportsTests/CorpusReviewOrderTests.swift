import Foundation
@testable import Reports
import Testing

/// `review --format jsonl FILE...` writes each record as soon as those before it are
/// written, whichever worker finishes first.
@Suite struct CorpusReviewOrderTests {
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [String] = []
        func add(_ s: String) { lock.withLock { pieces.append(s) } }
        var text: String { lock.withLock { pieces.joined() } }
    }

    /// Record 1 finishes while record 0 is still to come: it waits as text. Record 0 comes
    /// while record 1 is being rendered, before it is put aside: record 1 must still be
    /// written, after 0 and before 2 (an earlier version skipped it).
    @Test func aRecordFinishedEarlyWaitsForItsTurn() throws {
        let out = Collected()
        let order = CorpusReview.InOrder(emit: { out.add($0) })
        order.write(1, failed: false) { emit in
            order.write(0, failed: false) { try $0("zero\n") }
            #expect(out.text == "zero\n", "record 0's turn: written at once")
            try emit("one\n")
        }
        #expect(out.text == "zero\none\n")
        order.write(3, failed: true) { try $0("three\n") }
        #expect(out.text == "zero\none\n", "record 3 waits for record 2")
        order.write(2, failed: false) { emit in
            try emit("tw")
            try emit("o\n")
        }
        #expect(out.text == "zero\none\ntwo\nthree\n")
        #expect(try order.finish() == true, "record 3 failed")
    }

    @Test func aFailedWriteStopsTheRunAndIsThrown() throws {
        struct Full: Error, Equatable {}
        let order = CorpusReview.InOrder(emit: { _ in throw Full() })
        #expect(order.stopped == false)
        order.write(0, failed: false) { try $0("zero\n") }
        #expect(order.stopped)
        #expect(throws: Full.self) { try order.finish() }
    }
}
