/// `struct sadb_x_kmaddress` (Linux, for X_MIGRATE): the addresses IKE uses, a sockaddr pair.
public struct KMAddressExtension: ExtensionBody {
    public var local: SocketAddress
    public var remote: SocketAddress

    public init(local: SocketAddress, remote: SocketAddress) {
        self.local = local
        self.remote = remote
    }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skipReserved(4, context, field: "sadb_x_kmaddress_reserved")
        try SocketAddress.validatePair(&reader, context: context, source: "Linux af_key.c parse_sockaddr_pair", code: .addressLengthMismatch)
        try reader.skipReserved(reader.remaining, context, field: "padding")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(4)
        local = try SocketAddress(validated: &reader, dialect: context.dialect)
        remote = try SocketAddress(validated: &reader, dialect: context.dialect)
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + local.family.sockaddrSize + remote.family.sockaddrSize) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeZeros(4)
        local.encode(into: &writer, dialect: dialect)
        remote.encode(into: &writer, dialect: dialect)
        writer.padToEightBytes()
    }
}
