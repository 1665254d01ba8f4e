/// `struct sadb_address` (RFC 2367 2.3.3) followed by a sockaddr padded to 8 bytes:
/// ADDRESS_SRC/DST/PROXY and the NAT-T original addresses (X_NAT_T_OA, KAME X_NAT_T_OAR).
public struct AddressExtension: ExtensionBody {
    public enum Kind: Sendable, Hashable, CaseIterable {
        case source, destination, proxy, natTOriginal, natTOriginalResponder
    }

    public var kind: Kind
    /// The upper-layer protocol (0 = none; 255 = any, as Linux writes for policies).
    public var proto: UInt8
    /// 0 = no prefix (RFC 2367 2.3.3); at most 32 or 128.
    public var prefixLength: UInt8
    public var address: SocketAddress

    public init(_ kind: Kind, _ address: SocketAddress, proto: UInt8 = 0, prefixLength: UInt8 = 0) {
        self.kind = kind
        self.address = address
        self.proto = proto
        self.prefixLength = prefixLength
    }

    public var type: ExtensionType {
        switch kind {
        case .source: .addressSource
        case .destination: .addressDestination
        case .proxy: .addressProxy
        case .natTOriginal: .natTOriginalAddress
        case .natTOriginalResponder: .natTOriginalAddressResponder
        }
    }

    static func kind(of type: ExtensionType) -> Kind {
        switch type {
        case .addressSource: .source
        case .addressDestination: .destination
        case .addressProxy: .proxy
        case .natTOriginalAddress: .natTOriginal
        default: .natTOriginalResponder
        }
    }

    @inline(__always)
    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        // On a local copy, so the reads stay in registers; written back once at the end.
        var r = reader
        // proto, prefixlen and reserved: inside the 8-byte minimum the framing checked.
        try r.check(4)
        let prefixOffset = r.offset &+ 1
        let prefixLength: UInt8 = r.loadChecked(1, endianness: .big)
        try r.skip(2)
        try r.skipReserved(2, context, field: "sadb_address_reserved")
        // Linux verify_address_len: the family decides the one valid length.
        let family = try SocketAddress.peekFamily(r, dialect: context.dialect)
        let expected = align8(8 &+ family.sockaddrSize)
        let actual = r.end &- context.offset
        guard actual == expected else {
            throw PFKeyError(.addressLengthMismatch, at: context.offset, source: "Linux af_key.c verify_address_len",
                             "\(context.type.name) is \(actual) bytes, an \(family == .inet ? "AF_INET" : "AF_INET6") address extension is \(expected)")
        }
        guard Int(prefixLength) <= family.bitCount else {
            throw PFKeyError(.prefixLengthTooLong, at: prefixOffset, source: "Linux af_key.c verify_address_len",
                             "prefix length \(prefixLength) exceeds \(family.bitCount)")
        }
        // The length matches the family, so the sockaddr is all there.
        try SocketAddress.validate(&r, family: family, dialect: context.dialect, checksReserved: context.checksReserved)
        try r.skipReserved(r.remaining, context, field: "padding")
        reader = r
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        kind = AddressExtension.kind(of: context.type)
        try reader.check(4)
        proto = reader.loadChecked(0, endianness: .big)
        prefixLength = reader.loadChecked(1, endianness: .big)
        try reader.skip(4)
        address = try SocketAddress(validated: &reader, dialect: context.dialect)
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + address.family.sockaddrSize) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeByte(proto)
        writer.writeByte(prefixLength)
        writer.writeZeros(2)
        address.encode(into: &writer, dialect: dialect)
        writer.padToEightBytes()
    }
}
