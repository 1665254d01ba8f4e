import Testing
@testable import WireCore

@Suite struct IPAddressTextTests {
    @Test(arguments: [
        ("0.0.0.0", 0 as UInt32), ("10.0.0.1", 0x0a00_0001), ("255.255.255.255", 0xffff_ffff), ("001.002.003.004", 0x0102_0304),
    ])
    func parsesDottedQuads(text: String, value: UInt32) throws {
        #expect(try IPAddressText.parseIPv4(Substring(text)) == value)
        #expect(IPAddressText.formatIPv4(value) == (text == "001.002.003.004" ? "1.2.3.4" : text))
    }

    @Test(arguments: ["", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", "+1.2.3.4", "1.2.3.4 ", "0x1.2.3.4", "1234.0.0.1"])
    func rejectsWhatIsNotADottedQuad(text: String) {
        #expect(throws: IPAddressText.Failure.notIPv4(Substring(text))) { try IPAddressText.parseIPv4(Substring(text)) }
    }

    @Test(arguments: [
        ("::", 0 as UInt64, 0 as UInt64, "::"),
        ("::1", 0, 1, "::1"),
        ("2001:db8::1", 0x2001_0db8_0000_0000, 1, "2001:db8::1"),
        ("2001:DB8:0:0:1:0:0:1", 0x2001_0db8_0000_0000, 0x0001_0000_0000_0001, "2001:db8::1:0:0:1"),
        ("1:2:3:4:5:6:7::", 0x0001_0002_0003_0004, 0x0005_0006_0007_0000, "1:2:3:4:5:6:7:0"),
        ("::ffff:192.0.2.1", 0, 0x0000_ffff_c000_0201, "::ffff:c000:201"),
        ("fe80::1:0:0:0", 0xfe80_0000_0000_0000, 0x0001_0000_0000_0000, "fe80::1:0:0:0"),
    ])
    func parsesAndWritesRFC5952(text: String, high: UInt64, low: UInt64, written: String) throws {
        let (h, l) = try IPAddressText.parseIPv6(Substring(text))
        #expect(h == high && l == low)
        #expect(IPAddressText.formatIPv6(high: high, low: low) == written)
    }

    @Test(arguments: [":::", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7:8:9", "12345::", "g::", "1:2:3:4:5:6:7:8::"])
    func rejectsWhatIsNotIPv6Text(text: String) {
        #expect(throws: IPAddressText.Failure.notIPv6(Substring(text))) { try IPAddressText.parseIPv6(Substring(text)) }
    }

    @Test func aBadTrailingDottedQuadNamesItself() {
        #expect(throws: IPAddressText.Failure.notIPv4("1.2.3")) { try IPAddressText.parseIPv6("::1.2.3") }
    }
}
