import Testing
import PFKey

/// PFKey's `IPAddress` text goes through WireCore's one address parser (shared with the TS
/// engine): RFC 4291 2.2 text forms in, RFC 5952 text out.
@Suite struct IPAddressTests {
    @Test(arguments: [
        ("10.0.0.1", IPAddress.v4(0x0a00_0001), "10.0.0.1"),
        ("2001:db8::1", .v6(0x2001_0db8_0000_0000, 1), "2001:db8::1"),
        ("::", .v6(0, 0), "::"),
        // A trailing dotted quad (RFC 4291 2.2 form 3): PFKey's own parser rejected it.
        ("::ffff:192.0.2.1", .v6(0, 0x0000_ffff_c000_0201), "::ffff:c000:201"),
    ])
    func parsesAndWrites(text: String, address: IPAddress, written: String) {
        #expect(IPAddress(text) == address)
        #expect(address.description == written)
    }

    // PFKey's own parser took the first two (a sign, a single leading colon); no parser
    // ever took surrounding whitespace here.
    @Test(arguments: ["+1.2.3.4", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", " 10.0.0.1", "1.2.3", "1::2::3"])
    func rejectsWhatIsNotAnAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }
}
