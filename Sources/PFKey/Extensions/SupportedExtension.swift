/// `struct sadb_supported` (RFC 2367 2.3.8), 8 bytes, then `struct sadb_alg`s of 8 bytes:
/// SUPPORTED_AUTH or SUPPORTED_ENCRYPT.
public struct SupportedExtension: ExtensionBody {
    public enum Kind: Sendable, Hashable, CaseIterable { case auth, encrypt }

    /// `struct sadb_alg`.
    public struct Algorithm: Sendable, Hashable {
        public var id: UInt8
        public var ivLength: UInt8
        public var minBits: UInt16
        public var maxBits: UInt16

        public init(id: UInt8, ivLength: UInt8 = 0, minBits: UInt16, maxBits: UInt16) {
            self.id = id
            self.ivLength = ivLength
            self.minBits = minBits
            self.maxBits = maxBits
        }
    }

    public var kind: Kind
    public var algorithms: [Algorithm]

    public init(_ kind: Kind, algorithms: [Algorithm]) {
        self.kind = kind
        self.algorithms = algorithms
    }

    public var type: ExtensionType { kind == .auth ? .supportedAuth : .supportedEncrypt }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skipReserved(4, context, field: "sadb_supported_reserved")
        // Always true for a whole number of 64-bit words; kept as the RFC's rule.
        guard reader.remaining % 8 == 0 else {
            throw PFKeyError(.supportedLengthNotMultiple, at: context.offset, source: "RFC 2367 2.3.8",
                             "\(reader.remaining) bytes after sadb_supported are not a multiple of sizeof(sadb_alg) 8")
        }
        guard context.checksReserved else { return }
        while reader.remaining > 0 {
            try reader.skip(6)
            try reader.skipReserved(2, context, field: "sadb_alg_reserved")
        }
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        kind = context.type == .supportedAuth ? .auth : .encrypt
        try reader.skip(4)
        algorithms = []
        algorithms.reserveCapacity(reader.remaining / 8)
        while reader.remaining > 0 {
            let id = try reader.readByte()
            let iv = try reader.readByte()
            let minBits = try reader.readInteger(endianness: order, as: UInt16.self)
            let maxBits = try reader.readInteger(endianness: order, as: UInt16.self)
            try reader.skip(2)
            algorithms.append(Algorithm(id: id, ivLength: iv, minBits: minBits, maxBits: maxBits))
        }
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 + 8 * algorithms.count }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeZeros(4)
        for a in algorithms {
            writer.writeByte(a.id)
            writer.writeByte(a.ivLength)
            writer.writeInteger(a.minBits, endianness: dialect.hostByteOrder)
            writer.writeInteger(a.maxBits, endianness: dialect.hostByteOrder)
            writer.writeZeros(2)
        }
    }
}
