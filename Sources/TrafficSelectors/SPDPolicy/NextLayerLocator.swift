/// Which IPv6 extension headers to skip when looking for the Next Layer Protocol (RFC 4301
/// 4.4.1.1: "there SHOULD be a mechanism for configuring which IPv6 extension headers to
/// skip"). A header type not in the list ends the walk and is the Next Layer Protocol.
public struct ExtensionHeaderSkipping: Hashable, Sendable {
    public var skipped: Set<UInt8>

    public init(skipping skipped: Set<UInt8>) {
        self.skipped = skipped
    }

    /// The RFC's default: 0 (Hop-by-hop options), 43 (Routing), 44 (Fragment) and 60
    /// (Destination Options); not 51 (AH) nor 50 (ESP), which are Next Layer Protocols to
    /// a selector lookup.
    public static let rfc4301Default = ExtensionHeaderSkipping(skipping: [0, 43, 44, 60])
}

/// An IPv6 packet's selector values, found by walking its header chain.
public struct LocatedNextLayer: Hashable, Sendable {
    /// The header types skipped, in order.
    public var skipped: [UInt8]
    /// The Next Layer Protocol and the offset of its header.
    public var nextLayerProtocol: UInt8
    public var offset: Int
    /// False in a non-initial fragment: its ports (or ICMP type/code) are not in it.
    public var portsAvailable: Bool
    /// The selector values, `local` being the source for `.outbound`, the destination for `.inbound`.
    public var packet: SPDPacket
}

/// Reads an IPv6 packet (fixed header and extension headers, RFC 8200) down to the Next
/// Layer Protocol and its ports, as an SPD lookup needs them. Every length is checked
/// against the bytes given; a chain that runs out is `truncated` at its offset.
public enum NextLayerLocator {
    public enum Direction: Sendable { case outbound, inbound }

    /// Next layer protocols with two 16-bit ports first in their header: TCP, UDP, SCTP.
    /// The ports of any other protocol (ICMPv6 type/code and Mobility Header type
    /// included, which this model does not read) are OPAQUE.
    static let portProtocols: Set<UInt8> = [6, 17, 132]

    public static func locate(ipv6 bytes: [UInt8], skipping: ExtensionHeaderSkipping = .rfc4301Default, direction: Direction) throws -> LocatedNextLayer {
        guard bytes.count >= 40 else {
            throw TSError(.truncated, "an IPv6 header is 40 bytes; \(bytes.count) given", offset: 0, rule: "RFC 8200 3")
        }
        guard bytes[0] >> 4 == 6 else {
            throw TSError(.invalidValue, "version \(bytes[0] >> 4), not 6", offset: 0, rule: "RFC 8200 3")
        }
        let payloadLength = Int(bytes[4]) << 8 | Int(bytes[5])
        let end = 40 + payloadLength
        guard end <= bytes.count else {
            throw TSError(.truncated, "Payload Length \(payloadLength) runs past the \(bytes.count - 40) bytes after the header", offset: 4, rule: "RFC 8200 3")
        }
        let source = address(bytes, 8), destination = address(bytes, 24)
        var next = bytes[6]
        var offset = 40
        var skipped: [UInt8] = []
        var portsAvailable = true
        // ESP (50) is never walked through: what follows it is encrypted.
        while next != 50 && skipping.skipped.contains(next) {
            guard offset + 8 <= end else {
                throw TSError(.truncated, "extension header \(next) needs 8 bytes at offset \(offset)", offset: offset, rule: "RFC 8200 4")
            }
            let length: Int
            if next == 44 {
                // Fragment header: fixed 8 bytes; a nonzero Fragment Offset is a non-initial fragment.
                length = 8
                let fragmentOffset = (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])) >> 3
                if fragmentOffset != 0 { portsAvailable = false }
            } else if next == 51 {
                // AH, when configured to be skipped: Payload Len counts 4-byte words, minus 2 (RFC 4302 2.2).
                length = (Int(bytes[offset + 1]) + 2) * 4
            } else {
                length = (Int(bytes[offset + 1]) + 1) * 8
            }
            guard offset + length <= end else {
                throw TSError(.truncated, "extension header \(next) of \(length) bytes runs past the packet", offset: offset, rule: "RFC 8200 4")
            }
            skipped.append(next)
            next = bytes[offset]
            offset += length
            // A non-initial fragment holds no more headers to read.
            if !portsAvailable { break }
        }
        var sourcePort = PortRange.opaquePoint, destinationPort = PortRange.opaquePoint
        if portsAvailable {
            if portProtocols.contains(next) {
                guard offset + 4 <= end else {
                    throw TSError(.truncated, "the ports of protocol \(next) need 4 bytes at offset \(offset)", offset: offset, rule: "RFC 4301 4.4.1.1")
                }
                sourcePort = UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1])
                destinationPort = UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
            }
        }
        let (local, remote, localPort, remotePort) = direction == .outbound
            ? (source, destination, sourcePort, destinationPort) : (destination, source, destinationPort, sourcePort)
        let packet = SPDPacket(family: .ipv6, local: local, remote: remote, ipProtocol: next, localPort: localPort, remotePort: remotePort)
        return LocatedNextLayer(skipped: skipped, nextLayerProtocol: next, offset: offset, portsAvailable: portsAvailable, packet: packet)
    }

    private static func address(_ b: [UInt8], _ at: Int) -> UInt128 {
        var v: UInt128 = 0
        for i in at ..< at + 16 { v = v << 8 | UInt128(b[i]) }
        return v
    }
}
