/// `struct sadb_spirange` (RFC 2367 2.3.9), 16 bytes. Host order: Linux pfkey_getspi
/// converts it with htonl before allocating.
public struct SPIRangeExtension: ExtensionBody {
    public var min: UInt32
    public var max: UInt32

    public init(min: UInt32, max: UInt32) {
        self.min = min
        self.max = max
    }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let min = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
        let max = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
        guard min <= max else {
            throw PFKeyError(.spiRangeInverted, at: context.offset + 4, source: "RFC 2367 2.3.9",
                             "sadb_spirange_min \(min) exceeds sadb_spirange_max \(max)")
        }
        try reader.skipReserved(4, context, field: "sadb_spirange_reserved")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        min = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
        max = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
    }

    public func encodedLength(dialect: Dialect) -> Int { 16 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(min, endianness: dialect.hostByteOrder)
        writer.writeInteger(max, endianness: dialect.hostByteOrder)
        writer.writeZeros(4)
    }
}
