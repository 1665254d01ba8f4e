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

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        kind = context.type == .identitySource ? .source : .destination
        identityType = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
        try reader.skipReserved(2, context, field: "sadb_ident_reserved")
        id = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt64.self)
        var bytes = try reader.readBytes(reader.remaining)
        if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
        string = bytes
    }

    public func encodedLength(dialect: Dialect) -> Int { string.isEmpty ? 16 : 16 + align8(string.count + 1) }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
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

/// `struct sadb_sens` (RFC 2367 2.3.6), 16 bytes, then the sensitivity and integrity bitmaps
/// (64-bit words each).
public struct SensitivityExtension: ExtensionBody {
    public var dpd: UInt32
    public var sensitivityLevel: UInt8
    public var integrityLevel: UInt8
    public var sensitivityBitmap: [UInt64]
    public var integrityBitmap: [UInt64]

    public init(dpd: UInt32, sensitivityLevel: UInt8 = 0, integrityLevel: UInt8 = 0, sensitivityBitmap: [UInt64] = [], integrityBitmap: [UInt64] = []) {
        self.dpd = dpd
        self.sensitivityLevel = sensitivityLevel
        self.integrityLevel = integrityLevel
        self.sensitivityBitmap = sensitivityBitmap
        self.integrityBitmap = integrityBitmap
    }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        dpd = try reader.readInteger(endianness: order, as: UInt32.self)
        sensitivityLevel = try reader.readByte()
        let sensLen = Int(try reader.readByte())
        integrityLevel = try reader.readByte()
        let integLen = Int(try reader.readByte())
        try reader.skipReserved(4, context, field: "sadb_sens_reserved")
        guard 8 * (sensLen + integLen) == reader.remaining else {
            throw PFKeyError(.sensitivityLengthMismatch, at: context.offset, source: "RFC 2367 2.3.6",
                             "bitmaps of \(sensLen) + \(integLen) words do not fill the \(reader.remaining) bytes after the header")
        }
        sensitivityBitmap = []
        integrityBitmap = []
        for _ in 0..<sensLen { sensitivityBitmap.append(try reader.readInteger(endianness: order, as: UInt64.self)) }
        for _ in 0..<integLen { integrityBitmap.append(try reader.readInteger(endianness: order, as: UInt64.self)) }
    }

    public func encodedLength(dialect: Dialect) -> Int { 16 + 8 * (sensitivityBitmap.count + integrityBitmap.count) }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        let order = dialect.hostByteOrder
        writer.writeInteger(dpd, endianness: order)
        writer.writeByte(sensitivityLevel)
        writer.writeByte(UInt8(truncatingIfNeeded: sensitivityBitmap.count))
        writer.writeByte(integrityLevel)
        writer.writeByte(UInt8(truncatingIfNeeded: integrityBitmap.count))
        writer.writeZeros(4)
        for w in sensitivityBitmap { writer.writeInteger(w, endianness: order) }
        for w in integrityBitmap { writer.writeInteger(w, endianness: order) }
    }
}
