/// `struct sadb_ident` (RFC 2367 2.3.5), 16 bytes, then an optional NUL-terminated string
/// padded to 8 bytes: IDENTITY_SRC or IDENTITY_DST.
public struct IdentityExtension: ExtensionBody {
    public enum Kind: Sendable, Hashable, CaseIterable { case source, destination }

    public var kind: Kind
    /// SADB_IDENTTYPE_PREFIX 1, FQDN 2, USERFQDN 3 (RFC 2367 3.7).
    public var identityType: UInt16
    public var id: UInt64
    /// The string's bytes without the terminating NUL; empty when none follows.
    public var string: [UInt8]

    public init(_ kind: Kind, identityType: UInt16, id: UInt64 = 0, string: String = "") {
        self.kind = kind
        self.identityType = identityType
        self.id = id
        self.string = Array(string.utf8)
    }

    public var type: ExtensionType { kind == .source ? .identitySource : .identityDestination }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(2)
        try reader.skipReserved(2, context, field: "sadb_ident_reserved")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        kind = context.type == .identitySource ? .source : .destination
        identityType = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
        try reader.skip(2)
        id = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt64.self)
        var bytes = try reader.readBytes(reader.remaining)
        if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
        string = bytes
    }

    public func encodedLength(dialect: Dialect) -> Int { string.isEmpty ? 16 : 16 + align8(string.count + 1) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(identityType, endianness: dialect.hostByteOrder)
        writer.writeZeros(2)
        writer.writeInteger(id, endianness: dialect.hostByteOrder)
        if !string.isEmpty {
            writer.writeBytes(string)
            writer.writeByte(0)
            writer.padToEightBytes()
        }
    }
}
