import WireCore

/// A Traffic Selector payload, TSi (44) or TSr (45), from its 4-byte generic payload header
/// on (RFC 7296 3.13). Decoding is strict; see `TSError.Code` for each rejection.
public struct TSPayload: Hashable, Sendable {
    /// Which payload this is. The generic header does not say (the previous payload's Next
    /// Payload does), so a decoder given bare bytes leaves it nil.
    public enum Kind: UInt8, Hashable, Sendable, CaseIterable {
        case initiator = 44
        case responder = 45

        public var name: String { self == .initiator ? "TSi" : "TSr" }
    }

    public var kind: Kind?
    /// Next Payload of the generic header.
    public var nextPayload: UInt8
    /// The Critical bit (RFC 7296 3.2).
    public var critical: Bool
    public var selectors: [PayloadSelector]
    /// Selectors of unknown type, skipped (RFC 7296 2.9) and kept for exact re-encoding.
    public var ignored: [UnknownSelector]

    public init(kind: Kind? = nil, nextPayload: UInt8 = 0, critical: Bool = false, selectors: [PayloadSelector], ignored: [UnknownSelector] = []) {
        self.kind = kind
        self.nextPayload = nextPayload
        self.critical = critical
        self.selectors = selectors
        self.ignored = ignored
    }

    /// A payload of address-range selectors.
    public init(kind: Kind? = nil, nextPayload: UInt8 = 0, _ selectors: [TrafficSelector]) {
        self.init(kind: kind, nextPayload: nextPayload, selectors: selectors.map { .addressRange($0) })
    }

    /// The address-range selectors, in order (what narrowing works on).
    public var addressSelectors: [TrafficSelector] { selectors.compactMap(\.addressRange) }

    static let headerLength = 8

    /// Decodes exactly one payload: `bytes` must end where Payload Length says.
    public static func decode(_ bytes: [UInt8], kind: Kind? = nil) throws -> TSPayload {
        do {
            return try decodeFields(bytes, kind: kind)
        } catch let t as WireReader.Truncated {
            throw TSError(.truncated, "\(t.field) needs \(t.needed) bytes, \(t.remaining) left", offset: t.offset, rule: "RFC 7296 3.13")
        }
    }

    /// Every field is in network order (RFC 7296 3.13, 3.13.1).
    private static func decodeFields(_ bytes: [UInt8], kind: Kind?) throws -> TSPayload {
        var header = WireReader(bytes)
        let nextPayload = try header.readInteger("Next Payload", endianness: .big, as: UInt8.self)
        // The C bit; the 7 RESERVED bits are ignored on receipt (RFC 7296 3.2).
        let critical = try header.readInteger("C/RESERVED", endianness: .big, as: UInt8.self) & 0x80 != 0
        let payloadLength = Int(try header.readInteger("Payload Length", endianness: .big, as: UInt16.self))
        guard payloadLength >= headerLength else {
            throw TSError(.payloadLengthInvalid, "Payload Length \(payloadLength) is shorter than the 8-byte TS payload header", offset: 2, rule: "RFC 7296 3.13")
        }
        guard payloadLength <= bytes.count else {
            throw TSError(.truncated, "Payload Length \(payloadLength) but only \(bytes.count) bytes", offset: 2, rule: "RFC 7296 3.2")
        }
        guard payloadLength == bytes.count else {
            throw TSError(.trailingBytes, "\(bytes.count - payloadLength) bytes after the payload's end (Payload Length \(payloadLength))", offset: payloadLength, rule: "RFC 7296 3.2")
        }
        var reader = WireReader(bytes, offset: 4, limit: payloadLength)
        let count = Int(try reader.readInteger("Number of TSs", endianness: .big, as: UInt8.self))
        try reader.skip("RESERVED", count: 3) // MUST be ignored on receipt
        guard count > 0 else {
            throw TSError(.noSelectors, "Number of TSs is 0; a TS payload holds one or more selectors", offset: 4, rule: "RFC 7296 3.13")
        }
        var selectors: [PayloadSelector] = []
        var ignored: [UnknownSelector] = []
        for index in 0..<count {
            let start = reader.offset
            guard reader.remaining > 0 else {
                throw TSError(.selectorCountMismatch, "Number of TSs is \(count) but the payload ends after \(index)", offset: start, rule: "RFC 7296 3.13")
            }
            let type = try reader.readInteger("TS Type", endianness: .big, as: UInt8.self)
            let protocolOrReserved = try reader.readInteger("IP Protocol ID", endianness: .big, as: UInt8.self)
            let length = Int(try reader.readInteger("Selector Length", endianness: .big, as: UInt16.self))
            guard length >= 4 else {
                throw TSError(.selectorLengthInvalid, "Selector Length \(length) is shorter than the selector header", offset: start + 2, rule: "RFC 7296 3.13.1")
            }
            guard start + length <= payloadLength else {
                throw TSError(.selectorOverrun, "Selector Length \(length) runs \(start + length - payloadLength) bytes past the payload", offset: start + 2, rule: "RFC 7296 3.13.1")
            }
            switch type {
            case TSType.ipv4AddressRange, TSType.ipv6AddressRange:
                let family: IPFamily = type == TSType.ipv4AddressRange ? .ipv4 : .ipv6
                guard length == family.selectorLength else {
                    throw TSError(.selectorLengthInvalid, "Selector Length \(length) for TS type \(type) must be \(family.selectorLength)", offset: start + 2, rule: "RFC 7296 3.13.1")
                }
                let portsAt = reader.offset
                let startPort = try reader.readInteger("Start Port", endianness: .big, as: UInt16.self)
                let endPort = try reader.readInteger("End Port", endianness: .big, as: UInt16.self)
                let ports: PortRange
                do { ports = try PortRange(wireStart: startPort, wireEnd: endPort) } catch var e as TSError {
                    e.offset = portsAt
                    throw e
                }
                let addressAt = reader.offset
                let a = try reader.readInteger("Starting Address", width: family.addressBytes, endianness: .big)
                let b = try reader.readInteger("Ending Address", width: family.addressBytes, endianness: .big)
                guard a <= b else {
                    throw TSError(.startAfterEnd, "Starting Address \(IPAddressText.format(a, family)) after Ending Address \(IPAddressText.format(b, family))", offset: addressAt, rule: "RFC 7296 3.13.1")
                }
                let selector = TrafficSelector(ipProtocol: IPProtocolRange(wire: protocolOrReserved), ports: ports, addresses: IPAddressRange(unchecked: family, a, b))
                selectors.append(.addressRange(selector))
            case TSType.securityLabel:
                guard length >= 5 else {
                    throw TSError(.selectorLengthInvalid, "TS_SECLABEL Selector Length \(length): the label needs at least one byte", offset: start + 2, rule: "RFC 9478 (layout reconstructed)")
                }
                let label = try reader.readBytes("Security Label", count: length - 4)
                selectors.append(.securityLabel(try SecurityLabel(label)))
            default:
                try reader.skip("selector body", count: length - 4)
                ignored.append(UnknownSelector(tsType: type, offset: start, index: index, bytes: Array(bytes[start..<(start + length)])))
            }
        }
        if reader.remaining > 0 {
            throw TSError(.selectorCountMismatch, "Number of TSs is \(count) but \(reader.remaining) bytes of selectors follow", offset: reader.offset, rule: "RFC 7296 3.13")
        }
        return TSPayload(kind: kind, nextPayload: nextPayload, critical: critical, selectors: selectors, ignored: ignored)
    }

    /// The payload as sent: RESERVED fields zero, unknown selectors back in their place.
    /// Throws `notEncodable` for a selector with no exact wire form, `selectorCountMismatch`
    /// for more than 255 selectors, `payloadLengthInvalid` past 65535 bytes.
    public func encode() throws -> [UInt8] {
        let total = selectors.count + ignored.count
        guard total > 0 else { throw TSError(.noSelectors, "a TS payload needs at least one selector", rule: "RFC 7296 3.13") }
        guard total <= 255 else { throw TSError(.selectorCountMismatch, "\(total) selectors do not fit Number of TSs", rule: "RFC 7296 3.13") }
        var w = WireWriter()
        w.write(nextPayload, endianness: .big)
        w.write(critical ? UInt8(0x80) : 0, endianness: .big)
        w.write(UInt16(0), endianness: .big)
        w.write(UInt8(total), endianness: .big)
        w.write(UInt8(0), endianness: .big); w.write(UInt16(0), endianness: .big)
        // Unknown selectors go back at their original positions.
        var unknown = ignored.sorted { $0.index < $1.index }[...]
        var position = 0
        for s in selectors {
            while let u = unknown.first, u.index <= position {
                w.write(contentsOf: u.bytes)
                unknown.removeFirst()
                position += 1
            }
            try s.encode(into: &w)
            position += 1
        }
        for u in unknown { w.write(contentsOf: u.bytes) }
        guard w.bytes.count <= Int(UInt16.max) else {
            throw TSError(.payloadLengthInvalid, "payload of \(w.bytes.count) bytes exceeds Payload Length", rule: "RFC 7296 3.2")
        }
        w.patch(UInt16(w.bytes.count), at: 2, endianness: .big)
        return w.bytes
    }
}

extension PayloadSelector {
    func encode(into w: inout WireWriter) throws {
        switch self {
        case .addressRange(let s):
            guard let proto = s.ipProtocol.wireValue, let ports = s.ports.wireValue else {
                throw TSError(.notEncodable, "selector \(s) has no exact type \(s.tsType) form (protocol and ports must be one value or any)", rule: "RFC 7296 3.13.1")
            }
            w.write(s.tsType, endianness: .big)
            w.write(proto, endianness: .big)
            w.write(UInt16(s.family.selectorLength), endianness: .big)
            w.write(ports.start, endianness: .big)
            w.write(ports.end, endianness: .big)
            w.write(s.addresses.start, width: s.family.addressBytes, endianness: .big)
            w.write(s.addresses.end, width: s.family.addressBytes, endianness: .big)
        case .securityLabel(let l):
            guard l.selectorLength <= Int(UInt16.max) else {
                throw TSError(.notEncodable, "security label of \(l.label.count) bytes exceeds Selector Length", rule: "RFC 9478 (layout reconstructed)")
            }
            w.write(TSType.securityLabel, endianness: .big)
            w.write(UInt8(0), endianness: .big)
            w.write(UInt16(l.selectorLength), endianness: .big)
            w.write(contentsOf: l.label)
        }
    }
}
