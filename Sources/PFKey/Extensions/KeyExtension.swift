/// `struct sadb_key` (RFC 2367 2.3.4) followed by the key padded to 8 bytes: KEY_AUTH or KEY_ENCRYPT.
public struct KeyExtension: ExtensionBody {
    public enum Kind: Sendable, Hashable, CaseIterable { case auth, encrypt }

    public var kind: Kind
    /// `sadb_key_bits`: the key's length in bits; never zero (RFC 2367 2.3.4).
    public var bits: UInt16
    /// ceil(bits / 8) bytes.
    public var key: [UInt8]

    /// A key of `key.count * 8` bits.
    public init(_ kind: Kind, key: [UInt8]) {
        self.kind = kind
        self.key = key
        self.bits = UInt16(truncatingIfNeeded: key.count * 8)
    }

    public init(_ kind: Kind, bits: UInt16, key: [UInt8]) {
        self.kind = kind
        self.bits = bits
        self.key = key
    }

    public var type: ExtensionType { kind == .auth ? .keyAuth : .keyEncrypt }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        // On a local copy, so the reads stay in registers; written back once at the end.
        var r = reader
        let bitsOffset = r.offset
        let bits = try r.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
        guard bits != 0 else {
            throw PFKeyError(.keyBitsZero, at: bitsOffset, source: "RFC 2367 2.3.4",
                             "sadb_key_bits of \(context.type.name) is zero")
        }
        try r.skipReserved(2, context, field: "sadb_key_reserved")
        let keyBytes = (Int(bits) + 7) / 8
        guard keyBytes <= r.remaining else {
            throw PFKeyError(.keyLengthTooShort, at: context.offset, source: "RFC 2367 2.3.4",
                             "\(context.type.name) of \(r.end - context.offset) bytes cannot hold \(bits) key bits (needs \(align8(8 + keyBytes)))")
        }
        reader = r
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        kind = context.type == .keyAuth ? .auth : .encrypt
        bits = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
        try reader.skip(2)
        key = try reader.readBytes((Int(bits) + 7) / 8)
        try reader.skip(reader.remaining)
    }

    public func encodedLength(dialect: Dialect) -> Int { align8(8 + key.count) }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(bits, endianness: dialect.hostByteOrder)
        writer.writeZeros(2)
        writer.writeBytes(key)
        writer.padToEightBytes()
    }
}
