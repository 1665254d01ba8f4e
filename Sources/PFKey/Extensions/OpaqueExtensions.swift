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

    public init(decoding reader: inout ByteReader, context ctx: ExtensionContext) throws(PFKeyError) {
        algorithm = try reader.readByte()
        doi = try reader.readByte()
        let lengthOffset = reader.offset
        let length = Int(try reader.readInteger(endianness: ctx.dialect.hostByteOrder, as: UInt16.self))
        // Linux verify_sec_ctx_len: sadb_x_sec_len == ceil((8 + ctx_len) / 8).
        let words = (reader.end - ctx.offset) / 8
        guard words == (8 + length + 7) / 8 else {
            throw PFKeyError(.securityContextLengthMismatch, at: lengthOffset, source: "Linux af_key.c verify_sec_ctx_len",
                             "sadb_x_ctx_len \(length) needs \((8 + length + 7) / 8) words, sadb_x_sec_len is \(words)")
        }
        context = try reader.readBytes(length)
        try reader.skipReserved(reader.remaining, ctx, field: "padding")
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + context.count) }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeByte(algorithm)
        writer.writeByte(doi)
        writer.writeInteger(UInt16(truncatingIfNeeded: context.count), endianness: dialect.hostByteOrder)
        writer.writeBytes(context)
        writer.padToEightBytes()
    }
}

/// `struct sadb_x_kmprivate` (KAME, Linux), 8 bytes, then data private to a key manager.
public struct KMPrivateExtension: ExtensionBody {
    /// The bytes after the header (a whole number of 64-bit words).
    public var data: [UInt8]

    public init(data: [UInt8] = []) { self.data = data }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skipReserved(4, context, field: "sadb_x_kmprivate_reserved")
        data = try reader.readBytes(reader.remaining)
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + data.count) }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeZeros(4)
        writer.writeBytes(data)
        writer.padToEightBytes()
    }
}

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

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        let sHi = try reader.readInteger(endianness: .big, as: UInt64.self)
        let sLo = try reader.readInteger(endianness: .big, as: UInt64.self)
        let dHi = try reader.readInteger(endianness: .big, as: UInt64.self)
        let dLo = try reader.readInteger(endianness: .big, as: UInt64.self)
        let familyOffset = reader.offset
        let family = try reader.readInteger(endianness: order, as: UInt16.self)
        sourcePrefixLength = try reader.readByte()
        destinationPrefixLength = try reader.readByte()
        // xfrm_address_t: an IPv4 address is the first 4 bytes, the rest zero.
        switch family {
        case 2:
            source = .v4(UInt32(truncatingIfNeeded: sHi >> 32))
            destination = .v4(UInt32(truncatingIfNeeded: dHi >> 32))
            if context.checksReserved && (sHi << 32 | sLo | dHi << 32 | dLo) != 0 {
                throw PFKeyError(.extensionReservedNotZero, at: context.offset + 4, source: "RFC 2367 2.3.3",
                                 "bytes after an IPv4 address in X_FILTER are not zero")
            }
        case context.dialect.inet6Family:
            source = .v6(sHi, sLo)
            destination = .v6(dHi, dLo)
        default:
            throw PFKeyError(.unsupportedAddressFamily, at: familyOffset, source: "Linux af_key.c pfkey_dump",
                             "sadb_x_filter_family \(family) is neither AF_INET nor AF_INET6")
        }
        let bits = source.family.bitCount
        guard Int(sourcePrefixLength) <= bits, Int(destinationPrefixLength) <= bits else {
            throw PFKeyError(.prefixLengthTooLong, at: familyOffset + 2, source: "Linux af_key.c pfkey_dump",
                             "filter prefix lengths \(sourcePrefixLength)/\(destinationPrefixLength) exceed \(bits)")
        }
    }

    public func encodedLength(dialect: Dialect) -> Int { 40 }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
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

/// An extension type the dialect does not know, kept as bytes (RFC 2367 2.3: "If an
/// unknown extension type is encountered, it MUST be ignored") so encoding gives it back.
public struct UnknownExtension: Sendable, Hashable {
    public var typeNumber: UInt16
    /// Everything after the 4-byte header.
    public var body: [UInt8]

    public init(typeNumber: UInt16, body: [UInt8]) {
        self.typeNumber = typeNumber
        self.body = body
    }
}
