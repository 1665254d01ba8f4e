/// The identity an IKEv2 ID payload carries (RFC 7296 3.5): its ID Type and data. The name
/// a responder matches against its named SPD entries (RFC 4301 4.4.1.1, "Name").
public struct IKEIdentity: Hashable, Sendable, CustomStringConvertible {
    /// ID Types of RFC 7296 3.5.
    public static let ipv4Address: UInt8 = 1
    public static let fqdn: UInt8 = 2
    public static let rfc822Address: UInt8 = 3
    public static let ipv6Address: UInt8 = 5
    public static let derASN1DN: UInt8 = 9
    public static let derASN1GN: UInt8 = 10
    public static let keyID: UInt8 = 11

    public var type: UInt8
    public var data: [UInt8]

    public init(type: UInt8, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// Decodes an ID payload (IDi or IDr) with its generic payload header: Next Payload,
    /// C bit and reserved, Payload Length, then ID Type, three reserved bytes and the data.
    /// Payload Length must be the bytes given; the data may not be empty.
    public init(decodingPayload bytes: [UInt8]) throws {
        guard bytes.count >= 8 else {
            throw TSError(.truncated, "an ID payload has an 8-byte header; \(bytes.count) given", offset: 0, rule: "RFC 7296 3.5")
        }
        let length = Int(bytes[2]) << 8 | Int(bytes[3])
        guard length >= 9 else {
            throw TSError(.payloadLengthInvalid, "Payload Length \(length) leaves no identification data", offset: 2, rule: "RFC 7296 3.5")
        }
        guard length <= bytes.count else {
            throw TSError(.truncated, "Payload Length \(length) runs past the \(bytes.count) bytes given", offset: 2, rule: "RFC 7296 3.5")
        }
        guard length == bytes.count else {
            throw TSError(.trailingBytes, "\(bytes.count - length) bytes after Payload Length \(length)", offset: length, rule: "RFC 7296 3.5")
        }
        self.init(type: bytes[4], data: Array(bytes[8 ..< length]))
    }

    public var description: String {
        switch type {
        case Self.fqdn: return "ID_FQDN \(String(decoding: data, as: UTF8.self))"
        case Self.rfc822Address: return "ID_RFC822_ADDR \(String(decoding: data, as: UTF8.self))"
        case Self.derASN1DN: return "ID_DER_ASN1_DN (\(data.count) bytes)"
        case Self.keyID: return "ID_KEY_ID \(data.map { String($0, radix: 16) }.joined(separator: " "))"
        default: return "ID type \(type) (\(data.count) bytes)"
        }
    }
}
