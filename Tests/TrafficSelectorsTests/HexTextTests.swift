import Testing
import TrafficSelectors

/// Issue 17 D11: hex text that is not hex says where (ts decode exited 64 with a usage
/// message; it is invalid input, 65).
@Suite struct HexTextTests {
    @Test(arguments: [
        ("0000001801000000070000100000ffffc0000200c00002f", "odd number of hex digits at offset 46: 47 digits, and a byte is two"),
        ("00 01 0", "odd number of hex digits at offset 6: 5 digits, and a byte is two"),
        ("00:0g", "not a hex digit at offset 4: \"g\" (hex text is two digits a byte; spaces and colons may separate them)"),
    ])
    func badHexIsInvalidHexWithTheOffset(text: String, message: String) throws {
        let error = try #require(throws: TSError.self) { try HexText.decode(text) }
        #expect(error == TSError.invalidHex)
        #expect(error.message == message)
    }

    @Test func goodHexDecodes() throws {
        #expect(try HexText.decode("00 01:ff") == [0x00, 0x01, 0xFF])
    }
}
