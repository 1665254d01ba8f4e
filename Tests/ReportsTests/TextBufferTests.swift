@testable import Reports
import Testing

/// The buffer the text review is written through: bytes in order across its growth,
/// numbers as their decimal digits, and each piece handed over once.
@Suite struct TextBufferTests {
    @Test func numbersAreTheirDecimalDigits() {
        var out = TextBuffer()
        for n in [0, 7, 9, 10, 99, 100, 65_535, 871_200, Int.max, -1, Int.min] {
            out.append(n)
            out.append(" ")
        }
        #expect(out.take() == "0 7 9 10 99 100 65535 871200 9223372036854775807 -1 -9223372036854775808 ")
        #expect(out.isEmpty)
    }

    @Test func piecesLongerThanTheRoomArriveWholeAndInOrder() {
        var out = TextBuffer()
        let long = String(repeating: "MUST é ", count: 2_000)  // 16,000 bytes, past the first 4 KB of room
        out.append("a")
        out.append(long)
        out.appendNewline()
        out.append("Ω")
        #expect(out.count == 1 + long.utf8.count + 1 + 2)
        #expect(out.take() == "a" + long + "\nΩ")
        out.append("again")
        #expect(out.take() == "again")
        #expect(out.take() == "")
    }
}
