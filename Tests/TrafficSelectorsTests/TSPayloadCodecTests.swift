import Testing
@testable import TrafficSelectors

/// RFC 7296 3.13 / 3.13.1 payload codec: decoding, strict rejections, exact encoding.
@Suite struct TSPayloadCodecTests {
    // Generic header (next 0, len), Number of TSs, RESERVED, then selectors.
    static let v4Any = "07 00 0010 0000 ffff 00000000 ffffffff"
    static let v4Host = "07 11 0010 01f4 01f4 c6336442 c6336442" // UDP 500, 198.51.100.66
    static let v6Net = "08 06 0028 0050 0050 20010db8000000000000000000000000 20010db8ffffffffffffffffffffffff"

    @Test func decodesIPv4AndIPv6SelectorsRFC7296_3_13_1() throws {
        let bytes = hex("00 00 0050 03 000000" + Self.v4Any + Self.v4Host + Self.v6Net)
        let p = try TSPayload.decode(bytes, kind: .initiator)
        #expect(p.selectors.count == 3)
        let s = p.addressSelectors
        #expect(s[0] == .all(.ipv4))
        #expect(s[1] == (try TrafficSelector("198.51.100.66", protocol: 17, ports: "500")))
        #expect(s[2] == (try TrafficSelector("2001:db8::/32", protocol: 6, ports: "80")))
        #expect(try p.encode() == bytes)
    }

    /// Edge case: mixed families in one payload.
    @Test func mixedFamiliesInOnePayload() throws {
        let bytes = hex("00 00 0050 03 000000" + Self.v6Net + Self.v4Host + Self.v4Any)
        let p = try TSPayload.decode(bytes)
        #expect(p.addressSelectors.map(\.family) == [.ipv6, .ipv4, .ipv4])
        #expect(try p.encode() == bytes)
    }

    /// Edge case: OPAQUE ports (65535-0) are accepted, the only start > end allowed.
    @Test func opaquePortsDecode() throws {
        let p = try TSPayload.decode(hex("00 00 0018 01 000000 07 11 0010 ffff 0000 0a000000 0a0000ff"))
        #expect(p.addressSelectors[0].ports == .opaque)
    }

    /// R2 (RFC 7296 2.9): an unknown type is skipped and reported; re-encoding keeps it.
    @Test func unknownTypeIsIgnoredR2() throws {
        let bytes = hex("00 00 0024 02 000000 2a 00 000c deadbeefcafebabe" + Self.v4Any)
        let p = try TSPayload.decode(bytes)
        #expect(p.ignored.map(\.tsType) == [42])
        #expect(p.ignored[0].offset == 8)
        #expect(p.addressSelectors == [.all(.ipv4)])
        #expect(try p.encode() == bytes)
    }

    /// Reserved bits: the 7 bits after C and the 3 RESERVED bytes are ignored on receipt.
    @Test func reservedBitsAreIgnoredOnReceipt() throws {
        let p = try TSPayload.decode(hex("2d 7f 0018 01 abcdef" + Self.v4Any))
        #expect(p.nextPayload == 45)
        #expect(!p.critical)
        #expect(p.addressSelectors == [.all(.ipv4)])
        #expect(try p.encode() == hex("2d 00 0018 01 000000" + Self.v4Any))
    }

    @Test func securityLabelTS_SECLABEL() throws {
        let bytes = hex("00 00 0015 01 000000 0a 00 000d 73797374656d5f7500")
        let p = try TSPayload.decode(bytes)
        #expect(p.selectors == [.securityLabel(try SecurityLabel(Array("system_u\0".utf8)))])
        #expect(try p.encode() == bytes)
    }

    struct Rejection: CustomTestStringConvertible, Sendable {
        let name: String
        let hex: String
        let code: TSError.Code
        let offset: Int
        var testDescription: String { name }
    }

    static let rejections: [Rejection] = [
        .init(name: "truncated generic header", hex: "00 00 00", code: .truncated, offset: 2),
        .init(name: "truncated: Payload Length beyond the input", hex: "00 00 0020 01 000000" + v4Any, code: .truncated, offset: 2),
        .init(name: "Payload Length shorter than header", hex: "00 00 0004 01 000000", code: .payloadLengthInvalid, offset: 2),
        .init(name: "trailing bytes after Payload Length", hex: "00 00 0018 01 000000" + v4Any + "00", code: .trailingBytes, offset: 24),
        .init(name: "Number of TSs 0", hex: "00 00 0008 00 000000", code: .noSelectors, offset: 4),
        .init(name: "Number of TSs larger than the selectors", hex: "00 00 0018 02 000000" + v4Any, code: .selectorCountMismatch, offset: 24),
        .init(name: "Number of TSs smaller than the selectors", hex: "00 00 0028 01 000000" + v4Any + v4Any, code: .selectorCountMismatch, offset: 24),
        .init(name: "Selector Length 20 for IPv4 (libreswan issue 954)", hex: "00 00 001c 01 000000 07 00 0014 0000 ffff 00000000 ffffffff 00000000", code: .selectorLengthInvalid, offset: 10),
        .init(name: "Selector Length 20 for IPv6 (scapy's default)", hex: "00 00 001c 01 000000 08 00 0014 0000 ffff 000000000000000000000000", code: .selectorLengthInvalid, offset: 10),
        .init(name: "Selector Length under the selector header", hex: "00 00 000e 01 000000 07 00 0002 0000", code: .selectorLengthInvalid, offset: 10),
        .init(name: "Selector Length overrunning the payload", hex: "00 00 0018 01 000000 07 00 0020 0000 ffff 00000000 ffffffff", code: .selectorOverrun, offset: 10),
        .init(name: "start port after end port, not OPAQUE", hex: "00 00 0018 01 000000 07 06 0010 0050 0040 00000000 ffffffff", code: .startAfterEnd, offset: 12),
        .init(name: "starting address after ending address", hex: "00 00 0018 01 000000 07 00 0010 0000 ffff 0a000002 0a000001", code: .startAfterEnd, offset: 16),
        .init(name: "short SECLABEL: no label byte", hex: "00 00 000c 01 000000 0a 00 0004", code: .selectorLengthInvalid, offset: 10),
        .init(name: "truncated selector header", hex: "00 00 000a 01 000000 07 00", code: .truncated, offset: 10),
    ]

    @Test(arguments: rejections)
    func strictDecodingRejectsRFC7296_3_13(_ r: Rejection) {
        do {
            _ = try TSPayload.decode(hex(r.hex))
            Issue.record("\(r.name) decoded")
        } catch let e as TSError {
            #expect(e.code == r.code, "\(r.name): \(e)")
            #expect(e.offset == r.offset, "\(r.name): \(e)")
            #expect(e.rule?.hasPrefix("RFC") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func encodingRefusesAlgebraOnlyValues() throws {
        let notTCP = TrafficSelector.all(.ipv4).subtracting(TrafficSelector(ipProtocol: .tcp, addresses: .all(.ipv4)))
        #expect(throws: TSError.notEncodable) { try TSPayload(notTCP).encode() }
    }

    /// Edge case: ICMP type/code packing (type 8 code 0 = 2048) and the MH type.
    @Test func icmpTypeCodePacking() throws {
        #expect(PortRange.icmp(type: 8, code: 0) == .single(2048))
        #expect(PortRange.icmp(type: 3) == (try .range(768, 1023)))
        #expect(PortRange.mobilityHeader(type: 5) == .single(1280))
        let echo = TrafficSelector(ipProtocol: .icmp, ports: .icmp(type: 8, code: 0), addresses: .all(.ipv4))
        let bytes = try TSPayload([echo]).encode()
        #expect(bytes == hex("00 00 0018 01 000000 07 01 0010 0800 0800 00000000 ffffffff"))
    }
}
