/// `struct sadb_prop` (RFC 2367 2.3.7), 8 bytes, then `struct sadb_comb`s of 72 bytes.
public struct ProposalExtension: ExtensionBody {
    public var replay: UInt8
    public var combinations: [Combination]

    public init(replay: UInt8 = 0, combinations: [Combination] = []) {
        self.replay = replay
        self.combinations = combinations
    }

    /// `struct sadb_comb`, 72 bytes: one acceptable algorithm combination.
    public struct Combination: Sendable, Hashable {
        public var auth: UInt8
        public var encrypt: UInt8
        public var flags: UInt16
        public var authMinBits: UInt16
        public var authMaxBits: UInt16
        public var encryptMinBits: UInt16
        public var encryptMaxBits: UInt16
        public var softAllocations: UInt32
        public var hardAllocations: UInt32
        public var softBytes: UInt64
        public var hardBytes: UInt64
        public var softAddTime: UInt64
        public var hardAddTime: UInt64
        public var softUseTime: UInt64
        public var hardUseTime: UInt64

        public init(auth: UInt8 = 0, encrypt: UInt8 = 0, flags: UInt16 = 0, authMinBits: UInt16 = 0, authMaxBits: UInt16 = 0,
                    encryptMinBits: UInt16 = 0, encryptMaxBits: UInt16 = 0, softAllocations: UInt32 = 0, hardAllocations: UInt32 = 0,
                    softBytes: UInt64 = 0, hardBytes: UInt64 = 0, softAddTime: UInt64 = 0, hardAddTime: UInt64 = 0,
                    softUseTime: UInt64 = 0, hardUseTime: UInt64 = 0) {
            self.auth = auth
            self.encrypt = encrypt
            self.flags = flags
            self.authMinBits = authMinBits
            self.authMaxBits = authMaxBits
            self.encryptMinBits = encryptMinBits
            self.encryptMaxBits = encryptMaxBits
            self.softAllocations = softAllocations
            self.hardAllocations = hardAllocations
            self.softBytes = softBytes
            self.hardBytes = hardBytes
            self.softAddTime = softAddTime
            self.hardAddTime = hardAddTime
            self.softUseTime = softUseTime
            self.hardUseTime = hardUseTime
        }
    }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        replay = try reader.readByte()
        try reader.skipReserved(3, context, field: "sadb_prop_reserved")
        guard reader.remaining % 72 == 0 else {
            throw PFKeyError(.proposalLengthNotMultiple, at: context.offset, source: "RFC 2367 2.3.7",
                             "\(reader.remaining) bytes after sadb_prop are not a multiple of sizeof(sadb_comb) 72")
        }
        let count = reader.remaining / 72
        combinations = []
        combinations.reserveCapacity(count)
        for _ in 0..<count {
            let at = reader.offset
            var c = Combination()
            c.auth = try reader.readByte()
            c.encrypt = try reader.readByte()
            c.flags = try reader.readInteger(endianness: order)
            c.authMinBits = try reader.readInteger(endianness: order)
            c.authMaxBits = try reader.readInteger(endianness: order)
            c.encryptMinBits = try reader.readInteger(endianness: order)
            c.encryptMaxBits = try reader.readInteger(endianness: order)
            try reader.skipReserved(4, context, field: "sadb_comb_reserved")
            c.softAllocations = try reader.readInteger(endianness: order)
            c.hardAllocations = try reader.readInteger(endianness: order)
            c.softBytes = try reader.readInteger(endianness: order)
            c.hardBytes = try reader.readInteger(endianness: order)
            c.softAddTime = try reader.readInteger(endianness: order)
            c.hardAddTime = try reader.readInteger(endianness: order)
            c.softUseTime = try reader.readInteger(endianness: order)
            c.hardUseTime = try reader.readInteger(endianness: order)
            try Self.check(c.auth, c.authMinBits, c.authMaxBits, at: at + 4, what: "auth")
            try Self.check(c.encrypt, c.encryptMinBits, c.encryptMaxBits, at: at + 8, what: "encrypt")
            combinations.append(c)
        }
    }

    /// RFC 2367 2.3.7: algorithm 0 => both bounds 0; minimum <= maximum. The RFC's
    /// converse (a nonzero algorithm needs nonzero bits) is not enforced: its own
    /// SADB_EALG_NULL and Linux's digest_null have 0-bit keys and the kernel lists them so.
    @inline(__always)
    static func check(_ alg: UInt8, _ min: UInt16, _ max: UInt16, at offset: Int, what: String) throws(PFKeyError) {
        if alg == 0 && (min != 0 || max != 0) {
            throw PFKeyError(.combBitsInconsistent, at: offset, source: "RFC 2367 2.3.7",
                             "sadb_comb_\(what) is 0 but its bits are \(min)-\(max)")
        }
        if min > max {
            throw PFKeyError(.combMinimumExceedsMaximum, at: offset, source: "RFC 2367 2.3.7",
                             "sadb_comb_\(what)_minbits \(min) exceeds maxbits \(max)")
        }
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 + 72 * combinations.count }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        let order = dialect.hostByteOrder
        writer.writeByte(replay)
        writer.writeZeros(3)
        for c in combinations {
            writer.writeByte(c.auth)
            writer.writeByte(c.encrypt)
            writer.writeInteger(c.flags, endianness: order)
            writer.writeInteger(c.authMinBits, endianness: order)
            writer.writeInteger(c.authMaxBits, endianness: order)
            writer.writeInteger(c.encryptMinBits, endianness: order)
            writer.writeInteger(c.encryptMaxBits, endianness: order)
            writer.writeZeros(4)
            writer.writeInteger(c.softAllocations, endianness: order)
            writer.writeInteger(c.hardAllocations, endianness: order)
            writer.writeInteger(c.softBytes, endianness: order)
            writer.writeInteger(c.hardBytes, endianness: order)
            writer.writeInteger(c.softAddTime, endianness: order)
            writer.writeInteger(c.hardAddTime, endianness: order)
            writer.writeInteger(c.softUseTime, endianness: order)
            writer.writeInteger(c.hardUseTime, endianness: order)
        }
    }
}
