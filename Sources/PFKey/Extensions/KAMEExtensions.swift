/// `struct sadb_x_nat_t_frag` (KAME/FreeBSD), 8 bytes: the IKE fragment size.
public struct NATTFragmentExtension: ExtensionBody {
    public var fragmentLength: UInt16

    public init(fragmentLength: UInt16) { self.fragmentLength = fragmentLength }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(2)
        try reader.skipReserved(2, context, field: "sadb_x_nat_t_frag_reserved")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        fragmentLength = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(fragmentLength, endianness: dialect.hostByteOrder)
        writer.writeZeros(2)
    }
}

/// `struct sadb_x_sa_replay` (KAME/FreeBSD), 8 bytes: a replay window wider than 255.
public struct SAReplayExtension: ExtensionBody {
    public var replay: UInt32

    public init(replay: UInt32) { self.replay = replay }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {}

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        replay = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(replay, endianness: dialect.hostByteOrder)
    }
}
