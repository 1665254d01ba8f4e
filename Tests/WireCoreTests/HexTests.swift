import Testing
@testable import WireCore

@Suite struct HexTests {
    @Test func encodesLowerCaseTwoDigitsAByte() {
        #expect(Hex.encode([0x00, 0x0a, 0xa0, 0xff]) == "000aa0ff")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode([0x12, 0x34, 0x56][1...]) == "3456")
    }

    @Test(arguments: [
        ("00 0a:A0 ff", [0x00, 0x0a, 0xa0, 0xff] as [UInt8]),
        ("", []),
        ("::", []),
    ])
    func decodesSkippingSeparators(text: String, bytes: [UInt8]) throws {
        #expect(try Hex.decode(text, skip: { $0 == " " || $0 == ":" }) == bytes)
    }

    @Test(arguments: [
        ("0g", Hex.DecodingFailure.notHex),
        ("0\t1", .notHex),
        ("\u{FF10}\u{FF11}", .notHex),
        ("012", .oddDigitCount),
        // The first bad character decides, even when the count is odd too.
        ("0z1", .notHex),
    ])
    func rejectsWithTheReason(text: String, failure: Hex.DecodingFailure) {
        #expect(throws: failure) { try Hex.decode(text, skip: { $0 == " " || $0 == ":" }) }
    }

    @Test func aCallerMayWidenTheDigits() throws {
        #expect(try Hex.decode("\u{FF10}\u{FF11}", skip: { _ in false }, digit: { Character($0).hexDigitValue.map(UInt8.init) }) == [0x01])
    }
}
