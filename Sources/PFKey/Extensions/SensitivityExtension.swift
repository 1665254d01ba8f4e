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

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(5)
        let sensLen = Int(try reader.readByte())
        try reader.skip(1)
        let integLen = Int(try reader.readByte())
        try reader.skipReserved(4, context, field: "sadb_sens_reserved")
        guard 8 * (sensLen + integLen) == reader.remaining else {
            throw PFKeyError(.sensitivityLengthMismatch, at: context.offset, source: "RFC 2367 2.3.6",
                             "bitmaps of \(sensLen) + \(integLen) words do not fill the \(reader.remaining) bytes after the header")
        }
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        dpd = try reader.readInteger(endianness: order, as: UInt32.self)
        sensitivityLevel = try reader.readByte()
        let sensLen = Int(try reader.readByte())
        integrityLevel = try reader.readByte()
        let integLen = Int(try reader.readByte())
        try reader.skip(4)
        sensitivityBitmap = []
        integrityBitmap = []
        for _ in 0..<sensLen { sensitivityBitmap.append(try reader.readInteger(endianness: order, as: UInt64.self)) }
        for _ in 0..<integLen { integrityBitmap.append(try reader.readInteger(endianness: order, as: UInt64.self)) }
    }

    public func encodedLength(dialect: Dialect) -> Int { 16 + 8 * (sensitivityBitmap.count + integrityBitmap.count) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
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
