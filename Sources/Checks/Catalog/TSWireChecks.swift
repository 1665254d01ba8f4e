import TrafficSelectors

/// RFC 5996 / RFC 7296 sections 3.13 and 3.13.1: the Traffic Selector payload on the wire,
/// run on the engine's codec.
enum TSWireChecks {
    static var all: [Check] { [reserved, payloadTypes, matchSemantics, anyPorts, opaquePorts, icmpPacking, selectorLength, startPortZero] }

    /// TSi with one IPv4 selector 192.0.2.0-192.0.2.255, any protocol, any port.
    static let oneSelector: [UInt8] = [0, 0, 0, 24, 1, 0, 0, 0, 7, 0, 0, 16, 0, 0, 0xff, 0xff, 192, 0, 2, 0, 192, 0, 2, 255]

    static let reserved = Check(
        id: "ts.wire.reserved-zero-ignored", title: "TS payload RESERVED sent as zero and ignored on receipt",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13", "This field MUST be sent as zero and MUST be ignored on receipt.")
    ) { ctx in
        let encoded = try TSPayload(kind: .initiator, [try TrafficSelector("192.0.2.0/24")]).encode()
        ctx.hex("encoded TSi", encoded)
        ctx.expect("RESERVED bytes 5-7 sent", Array(encoded[5..<8]), equals: [0, 0, 0])
        var received = oneSelector
        received[5] = 0xAA; received[6] = 0x55; received[7] = 0xFF
        ctx.hex("received TSi with RESERVED set", received)
        let decoded = try TSPayload.decode(received, kind: .initiator)
        ctx.expect("decoded despite RESERVED", decoded.addressSelectors, equals: [try TrafficSelector("192.0.2.0/24")])
    }

    static let payloadTypes = Check(
        id: "ts.wire.payload-types-44-45", title: "TSi is payload type 44, TSr 45",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13", "The payload type for the Traffic Selector payload is forty-four (44) for addresses at the initiator's end of the SA and forty-five (45) for addresses at the responder's end.")
            + [.supports("RFC 7296", section: "2.9", "The first of the two TS payloads is known as TSi (Traffic Selector-initiator)."),
               .supports("RFC 7296", section: "2.9", "The second is known as TSr (Traffic Selector-responder).")]
    ) { ctx in
        // An IKE payload chain written by hand from RFC 7296 3.2/3.13 (not by our encoder):
        // a generic header whose Next Payload is 0x2c (44), the TSi it announces, whose own
        // Next Payload is 0x2d (45), then the TSr (Next Payload 0, none).
        let chain: [UInt8] = [0x2c, 0, 0, 4]
            + [0x2d, 0, 0, 24, 1, 0, 0, 0, 7, 0, 0, 16, 0, 0, 0xff, 0xff, 10, 0, 0, 1, 10, 0, 0, 1]
            + [0x00, 0, 0, 24, 1, 0, 0, 0, 7, 0, 0, 16, 0, 0, 0xff, 0xff, 10, 0, 0, 2, 10, 0, 0, 2]
        ctx.hex("payload chain", chain)
        // Walk the chain: each header's Next Payload names the type of the payload after it,
        // and the codec maps that number to TSi or TSr.
        var kinds: [String] = []
        var offset = 4, type = chain[0]
        while type != 0, offset + 4 <= chain.count {
            let length = Int(chain[offset + 2]) << 8 | Int(chain[offset + 3])
            let payload = try TSPayload.decode(Array(chain[offset..<(offset + length)]), kind: TSPayload.Kind(rawValue: type))
            kinds.append("\(type):\(payload.kind?.name ?? "not a TS payload")")
            type = payload.nextPayload
            offset += length
        }
        ctx.expect("payload types read from the chain, as the codec names them", kinds, equals: ["44:TSi", "45:TSr"])
        // Our encoder writes the same Next Payload byte when it announces a TSr after a TSi.
        let tsi = try TSPayload(kind: .initiator, nextPayload: TSPayload.Kind.responder.rawValue, [try TrafficSelector("10.0.0.1/32")]).encode()
        ctx.hex("encoded TSi announcing a TSr", tsi)
        ctx.expect("encoded TSi: the chain's bytes 4-27", tsi, equals: Array(chain[4..<28]))
    }

    static let matchSemantics = Check(
        id: "ts.wire.match-one-of-each", title: "A packet matches TSi/TSr when it matches one selector of each (the four-combination example)",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13", "Thus, they are interpreted as follows: a packet matches a given TSi/TSr if it matches at least one of the individual selectors in TSi, and at least one of the individual selectors in TSr.")
            + [.supports("RFC 7296", section: "3.13", "For instance, the following Traffic Selectors:",
                         rationale: "The check runs this example: TSi ports 100 and 200 from .66, TSr ports 300 and 400."),
               .supports("RFC 7296", section: "3.13", "The Traffic Selector payload, denoted TS in this document, allows peers to identify packet flows for processing by IPsec security services.")]
    ) { ctx in
        // RFC 7296 3.13's example: TSi ports 100 and 200 from .66, TSr ports 300 and 400 to anywhere.
        let tsi = SelectorSet([try TrafficSelector("198.51.100.66/32", protocol: 17, ports: "100"), try TrafficSelector("198.51.100.66/32", protocol: 17, ports: "200")])
        let tsr = SelectorSet([try TrafficSelector("0.0.0.0/0", protocol: 17, ports: "300"), try TrafficSelector("0.0.0.0/0", protocol: 17, ports: "400")])
        let (_, src) = try IPAddressText.parse("198.51.100.66"), (_, dst) = try IPAddressText.parse("203.0.113.9")
        var matched: [String] = []
        for sp in [100, 200, 250] as [UInt32] {
            for dp in [300, 400] as [UInt32] {
                if tsi.contains(SelectorPoint(family: .ipv4, address: src, ipProtocol: 17, port: sp)) && tsr.contains(SelectorPoint(family: .ipv4, address: dst, ipProtocol: 17, port: dp)) {
                    matched.append("(\(sp),\(dp))")
                }
            }
        }
        ctx.input("source ports tried", "100, 200, 250; destination ports 300, 400")
        ctx.expect("combinations matched", matched.joined(separator: " "), equals: "(100,300) (100,400) (200,300) (200,400)")
    }

    static let anyPorts = Check(
        id: "ts.wire.any-ports", title: "ANY ports are start 0, end 65535, and include OPAQUE",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13.1", "Systems that are complying with [IPSECARCH] that wish to indicate \"ANY\" ports MUST set the start port to 0 and the end port to 65535; note that according to [IPSECARCH], \"ANY\" includes \"OPAQUE\".")
    ) { ctx in
        let bytes = try TSPayload(kind: .initiator, [try TrafficSelector("192.0.2.0/24", protocol: 6)]).encode()
        ctx.hex("TSi, TCP any port", bytes)
        ctx.expect("start port, end port", "\(UInt16(bytes[12]) << 8 | UInt16(bytes[13])),\(UInt16(bytes[14]) << 8 | UInt16(bytes[15]))", equals: "0,65535")
        ctx.expect("ANY includes OPAQUE", PortRange.any.contains(PortRange.opaque), equals: true)
    }

    static let opaquePorts = Check(
        id: "ts.wire.opaque-ports", title: "OPAQUE ports are start 65535, end 0; OPAQUE with a port range is empty",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13.1", "Systems working with [IPSECARCH] that wish to indicate \"OPAQUE\" ports, but not \"ANY\" ports, MUST set the start port to 65535 and the end port to 0.")
    ) { ctx in
        let opaque = TrafficSelector(ipProtocol: IPProtocolRange(wire: 17), ports: .opaque, addresses: try IPAddressRange(parsing: "192.0.2.0/24"))
        let bytes = try TSPayload(kind: .initiator, [opaque]).encode()
        ctx.hex("TSi, UDP OPAQUE", bytes)
        ctx.expect("start port, end port", "\(UInt16(bytes[12]) << 8 | UInt16(bytes[13])),\(UInt16(bytes[14]) << 8 | UInt16(bytes[15]))", equals: "65535,0")
        ctx.expect("decodes back to OPAQUE", try TSPayload.decode(bytes).addressSelectors.first?.ports.isOpaque, equals: true)
        ctx.expect("OPAQUE intersected with ports 1-1024", PortRange.opaque.intersection(try PortRange.range(1, 1024)) == nil, expected: "empty", actual: "\(String(describing: PortRange.opaque.intersection(try PortRange.range(1, 1024))))")
    }

    static let icmpPacking = Check(
        id: "ts.wire.icmp-type-code-port", title: "ICMP type and code are one 16-bit port, type in the high byte",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13.1", "The Traffic Selector types 7 and 8 can also refer to ICMP or ICMPv6 type and code fields, as well as MH Type fields for the IPv6 mobility header [MIPV6].")
    ) { ctx in
        let echo = TrafficSelector(ipProtocol: IPProtocolRange(wire: 1), ports: .icmp(type: 8, code: 0), addresses: try IPAddressRange(parsing: "192.0.2.1/32"))
        let bytes = try TSPayload(kind: .initiator, [echo]).encode()
        ctx.hex("TSi, ICMP echo request", bytes)
        ctx.expect("start port bytes (type 8, code 0)", Array(bytes[12..<14]), equals: [8, 0])
        ctx.expect("as a port number", Int(bytes[12]) << 8 | Int(bytes[13]), equals: 2048)
    }

    static let selectorLength = Check(
        id: "ts.wire.selector-length", title: "Selector Length counts the whole selector: 16 for IPv4, 40 for IPv6; a wrong one is rejected",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13.1", "Specifies the length of this Traffic Selector substructure including the header.")
    ) { ctx in
        let v4 = try TSPayload(kind: .initiator, [try TrafficSelector("192.0.2.0/24")]).encode()
        let v6 = try TSPayload(kind: .initiator, [try TrafficSelector("2001:db8::/32")]).encode()
        ctx.expect("IPv4 selector length", Int(v4[10]) << 8 | Int(v4[11]), equals: 16)
        ctx.expect("IPv6 selector length", Int(v6[10]) << 8 | Int(v6[11]), equals: 40)
        var bad = oneSelector
        bad[11] = 12
        ctx.hex("IPv4 selector claiming 12 bytes", bad)
        ctx.expectRejection("wrong Selector Length", code: "selectorLengthInvalid") { _ = try TSPayload.decode(bad) }
    }

    static let startPortZero = Check(
        id: "ts.wire.protocol-zero-ports", title: "Protocol 0 (any) selectors carry ports 0-65535",
        topic: .ts, dialects: ["rfc7296"],
        claims: Claim.ikev2(.supports, section: "3.13.1", "For protocols for which port is undefined (including protocol 0), or if all ports are allowed, this field MUST be zero.")
          + Claim.ikev2(.supports, section: "3.13.1", "For protocols for which port is undefined (including protocol 0), or if all ports are allowed, this field MUST be 65535.")
    ) { ctx in
        let bytes = try TSPayload(kind: .initiator, [try TrafficSelector("192.0.2.0/24")]).encode()
        ctx.hex("TSi, protocol 0", bytes)
        ctx.expect("IP protocol ID", bytes[9], equals: 0)
        ctx.expect("Start Port", Int(bytes[12]) << 8 | Int(bytes[13]), equals: 0)
        ctx.expect("End Port", Int(bytes[14]) << 8 | Int(bytes[15]), equals: 65535)
    }
}
