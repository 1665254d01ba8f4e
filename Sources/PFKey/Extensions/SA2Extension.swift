/// `struct sadb_x_sa2` (KAME, Linux), 16 bytes: mode, sequence and reqid of an SA.
public struct SA2Extension: ExtensionBody {
    /// IPSEC_MODE_ANY 0, TRANSPORT 1, TUNNEL 2.
    public var mode: UInt8
    public var sequence: UInt32
    public var reqID: UInt32

    public init(mode: UInt8 = 0, sequence: UInt32 = 0, reqID: UInt32 = 0) {
        self.mode = mode
        self.sequence = sequence
        self.reqID = reqID
    }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(1)
        try reader.skipReserved(3, context, field: "sadb_x_sa2_reserved1/2")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        mode = try reader.readByte()
        try reader.skip(3)
        sequence = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
        reqID = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
    }

    public func encodedLength(dialect: Dialect) -> Int { 16 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeByte(mode)
        writer.writeZeros(3)
        writer.writeInteger(sequence, endianness: dialect.hostByteOrder)
        writer.writeInteger(reqID, endianness: dialect.hostByteOrder)
    }
}
