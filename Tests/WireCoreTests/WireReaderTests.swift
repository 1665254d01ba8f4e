import Testing
@testable import WireCore

@Suite struct WireReaderTests {
    @Test func readsEachFieldInTheOrderNamed() throws {
        var r = WireReader([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])
        #expect(try r.readInteger("a", endianness: .big, as: UInt16.self) == 0x0102)
        #expect(try r.readInteger("b", endianness: .little, as: UInt16.self) == 0x0403)
        #expect(try r.readInteger("c", width: 3, endianness: .big) == 0x050607)
        #expect(r.remaining == 0)
    }

    @Test func throwsTruncatedWithTheFieldAndWhereItStarts() throws {
        var r = WireReader([0x01, 0x02, 0x03, 0x04], offset: 1, limit: 3)
        try r.skip("reserved", count: 1)
        #expect(throws: WireReader.Truncated(field: "Start Port", needed: 2, remaining: 1, offset: 2)) {
            try r.readInteger("Start Port", endianness: .big, as: UInt16.self)
        }
        #expect(throws: WireReader.Truncated(field: "label", needed: 5, remaining: 1, offset: 2)) { try r.readBytes("label", count: 5) }
        #expect(try r.readBytes("label", count: 1) == [0x03])
    }

    @Test func aLimitPastTheEndIsTheEnd() {
        let r = WireReader([0x01], limit: 10)
        #expect(r.limit == 1 && r.remaining == 1)
        #expect(WireReader([0x01], offset: 5).remaining == 0)
    }

    @Test func writesAndPatchesInTheOrderNamed() {
        var w = WireWriter()
        w.write(UInt8(0x01), endianness: .big)
        w.write(UInt16(0), endianness: .big)
        w.write(UInt32(0x0a0b0c0d), endianness: .little)
        w.write(UInt128(0xc0000201), width: 4, endianness: .big)
        w.write(contentsOf: [0xff])
        w.patch(UInt16(0x1234), at: 1, endianness: .big)
        #expect(w.bytes == [0x01, 0x12, 0x34, 0x0d, 0x0c, 0x0b, 0x0a, 0xc0, 0x00, 0x02, 0x01, 0xff])
    }
}
