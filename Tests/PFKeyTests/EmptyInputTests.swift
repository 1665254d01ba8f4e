import Testing
@testable import PFKey

/// Issue 17 D11: no bytes is no message, not an empty success (`pfkey decode ''` exited 0).
@Suite struct EmptyInputTests {
    @Test func noBytesIsAMessageTooShort() throws {
        let error = try #require(throws: PFKeyError.self) { try Message.decodeStream([], options: DecodingOptions()) }
        #expect(error == PFKeyError.code(.messageTooShort))
        #expect(error.offset == 0)
        #expect(error.reportLine == "error: invalid PF_KEY message: messageTooShort: RFC 2367 2.1: empty input: no message (a message is at least 16 bytes) at offset 0")
    }
}
