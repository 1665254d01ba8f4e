/// `struct sadb_x_kmprivate` (KAME, Linux), 8 bytes, then data private to a key manager.
public struct KMPrivateExtension: ExtensionBody {
    /// The bytes after the header (a whole number of 64-bit words).
    public var data: [UInt8]

    public init(data: [UInt8] = []) { self.data = data }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skipReserved(4, context, field: "sadb_x_kmprivate_reserved")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(4)
        data = try reader.readBytes(reader.remaining)
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + data.count) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeZeros(4)
        writer.writeBytes(data)
        writer.padToEightBytes()
    }
}
