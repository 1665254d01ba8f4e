/// `struct sadb_x_filter` (Linux), 40 bytes: which SAs a DUMP returns.
public struct FilterExtension: ExtensionBody {
    public var source: IPAddress
    public var destination: IPAddress
    public var sourcePrefixLength: UInt8
    public var destinationPrefixLength: UInt8

    public init(source: IPAddress, destination: IPAddress, sourcePrefixLength: UInt8, destinationPrefixLength: UInt8) {
        self.source = source
        self.destination = destination
        self.sourcePrefixLength = sourcePrefixLength
        self.destinationPrefixLength = destinationPrefixLength
    }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        let sHi = try reader.readInteger(endianness: .big, as: UInt64.self)
        let sLo = try reader.readInteger(endianness: .big, as: UInt64.self)
        let dHi = try reader.readInteger(endianness: .big, as: UInt64.self)
        let dLo = try reader.readInteger(endianness: .big, as: UInt64.self)
        let familyOffset = reader.offset
        let family = try reader.readInteger(endianness: order, as: UInt16.self)
        let sourcePrefixLength = try reader.readByte()
        let destinationPrefixLength = try reader.readByte()
        // xfrm_address_t: an IPv4 address is the first 4 bytes, the rest zero.
        let bits: Int
        switch family {
        case 2:
            bits = 32
            if context.checksReserved && (sHi << 32 | sLo | dHi << 32 | dLo) != 0 {
                throw PFKeyError(.extensionReservedNotZero, at: context.offset + 4, source: "RFC 2367 2.3.3",
                                 "bytes after an IPv4 address in X_FILTER are not zero")
            }
        case context.dialect.inet6Family:
            bits = 128
        default:
            throw PFKeyError(.unsupportedAddressFamily, at: familyOffset, source: "Linux af_key.c pfkey_dump",
                             "sadb_x_filter_family \(family) is neither AF_INET nor AF_INET6")
        }
        guard Int(sourcePrefixLength) <= bits, Int(destinationPrefixLength) <= bits else {
            throw PFKeyError(.prefixLengthTooLong, at: familyOffset + 2, source: "Linux af_key.c pfkey_dump",
                             "filter prefix lengths \(sourcePrefixLength)/\(destinationPrefixLength) exceed \(bits)")
        }
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let sHi = try reader.readInteger(endianness: .big, as: UInt64.self)
        let sLo = try reader.readInteger(endianness: .big, as: UInt64.self)
        let dHi = try reader.readInteger(endianness: .big, as: UInt64.self)
        let dLo = try reader.readInteger(endianness: .big, as: UInt64.self)
        let family = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
        sourcePrefixLength = try reader.readByte()
        destinationPrefixLength = try reader.readByte()
        if family == 2 {
            source = .v4(UInt32(truncatingIfNeeded: sHi >> 32))
            destination = .v4(UInt32(truncatingIfNeeded: dHi >> 32))
        } else {
            source = .v6(sHi, sLo)
            destination = .v6(dHi, dLo)
        }
    }

    public func encodedLength(dialect: Dialect) -> Int { 40 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        for a in [source, destination] {
            switch a {
            case .v4(let v):
                writer.writeInteger(v, endianness: .big)
                writer.writeZeros(12)
            case .v6(let hi, let lo):
                writer.writeInteger(hi, endianness: .big)
                writer.writeInteger(lo, endianness: .big)
            }
        }
        writer.writeInteger(dialect.familyNumber(source.family), endianness: dialect.hostByteOrder)
        writer.writeByte(sourcePrefixLength)
        writer.writeByte(destinationPrefixLength)
    }
}
