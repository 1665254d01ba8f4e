/// `struct sadb_x_sec_ctx` (Linux), 8 bytes, then an LSM security context padded to 8.
public struct SecurityContextExtension: ExtensionBody {
    /// The LSM (SELinux is 1).
    public var algorithm: UInt8
    public var doi: UInt8
    /// `sadb_x_ctx_len` bytes.
    public var context: [UInt8]

    public init(algorithm: UInt8, doi: UInt8, context: [UInt8]) {
        self.algorithm = algorithm
        self.doi = doi
        self.context = context
    }

    package static func validate(_ reader: inout ByteReader, context ctx: ExtensionContext) throws(PFKeyError) {
        try reader.skip(2)
        let lengthOffset = reader.offset
        let length = Int(try reader.readInteger(endianness: ctx.dialect.hostByteOrder, as: UInt16.self))
        // Linux verify_sec_ctx_len: sadb_x_sec_len == ceil((8 + ctx_len) / 8).
        let words = (reader.end - ctx.offset) / 8
        guard words == (8 + length + 7) / 8 else {
            throw PFKeyError(.securityContextLengthMismatch, at: lengthOffset, source: "Linux af_key.c verify_sec_ctx_len",
                             "sadb_x_ctx_len \(length) needs \((8 + length + 7) / 8) words, sadb_x_sec_len is \(words)")
        }
        try reader.skip(length)
        try reader.skipReserved(reader.remaining, ctx, field: "padding")
    }

    package init(validated reader: inout ByteReader, context ctx: ExtensionContext) throws(PFKeyError) {
        algorithm = try reader.readByte()
        doi = try reader.readByte()
        let length = Int(try reader.readInteger(endianness: ctx.dialect.hostByteOrder, as: UInt16.self))
        context = try reader.readBytes(length)
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + context.count) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeByte(algorithm)
        writer.writeByte(doi)
        writer.writeInteger(UInt16(truncatingIfNeeded: context.count), endianness: dialect.hostByteOrder)
        writer.writeBytes(context)
        writer.padToEightBytes()
    }
}
