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

        /// Reads the 72-byte `sadb_comb` at the reader (one bound check, then plain loads).
        @inline(__always)
        init(validated reader: inout ByteReader, order: Endianness) throws(PFKeyError) {
            try reader.check(72)
            self.init(
                auth: reader.loadChecked(0, endianness: order), encrypt: reader.loadChecked(1, endianness: order),
                flags: reader.loadChecked(2, endianness: order),
                authMinBits: reader.loadChecked(4, endianness: order), authMaxBits: reader.loadChecked(6, endianness: order),
                encryptMinBits: reader.loadChecked(8, endianness: order), encryptMaxBits: reader.loadChecked(10, endianness: order),
                softAllocations: reader.loadChecked(16, endianness: order), hardAllocations: reader.loadChecked(20, endianness: order),
                softBytes: reader.loadChecked(24, endianness: order), hardBytes: reader.loadChecked(32, endianness: order),
                softAddTime: reader.loadChecked(40, endianness: order), hardAddTime: reader.loadChecked(48, endianness: order),
                softUseTime: reader.loadChecked(56, endianness: order), hardUseTime: reader.loadChecked(64, endianness: order))
            try reader.skip(72)
        }
    }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        try reader.skip(1)
        try reader.skipReserved(3, context, field: "sadb_prop_reserved")
        guard reader.remaining % 72 == 0 else {
            throw PFKeyError(.proposalLengthNotMultiple, at: context.offset, source: "RFC 2367 2.3.7",
                             "\(reader.remaining) bytes after sadb_prop are not a multiple of sizeof(sadb_comb) 72")
        }
        // One bound check for all the sadb_combs, then plain loads.
        try reader.check(reader.remaining)
        // Offsets stay below the checked end: wrapping arithmetic cannot wrap.
        var at = 0
        let end = reader.remaining
        while at < end {
            if context.checksReserved && reader.loadChecked(at &+ 12, endianness: order, as: UInt32.self) != 0 {
                try reader.skip(at &+ 12)
                throw reader.reservedNotZero(context, field: "sadb_comb_reserved")
            }
            try Self.check(reader.loadChecked(at, endianness: order), reader.loadChecked(at &+ 4, endianness: order),
                           reader.loadChecked(at &+ 6, endianness: order), at: reader.offset &+ at &+ 4, what: "auth")
            try Self.check(reader.loadChecked(at &+ 1, endianness: order), reader.loadChecked(at &+ 8, endianness: order),
                           reader.loadChecked(at &+ 10, endianness: order), at: reader.offset &+ at &+ 8, what: "encrypt")
            at &+= 72
        }
        try reader.skip(at)
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        replay = try reader.readByte()
        try reader.skip(3)
        let count = reader.remaining / 72
        combinations = []
        combinations.reserveCapacity(count)
        for _ in 0..<count {
            combinations.append(try Combination(validated: &reader, order: order))
        }
    }

    /// RFC 2367 2.3.7: algorithm 0 => both bounds 0; minimum <= maximum. The RFC's
    /// converse (a nonzero algorithm needs nonzero bits) is not enforced: its own
    /// SADB_EALG_NULL and Linux's digest_null have 0-bit keys and the kernel lists them so.
    @inline(__always)
    static func check(_ alg: UInt8, _ min: UInt16, _ max: UInt16, at offset: Int, what: StaticString) throws(PFKeyError) {
        if (alg == 0 && (min != 0 || max != 0)) || min > max { throw combError(alg, min, max, at: offset, what: what) }
    }

    @inline(never)
    static func combError(_ alg: UInt8, _ min: UInt16, _ max: UInt16, at offset: Int, what: StaticString) -> PFKeyError {
        if alg == 0 && (min != 0 || max != 0) {
            return PFKeyError(.combBitsInconsistent, at: offset, source: "RFC 2367 2.3.7",
                              "sadb_comb_\(what) is 0 but its bits are \(min)-\(max)")
        }
        return PFKeyError(.combMinimumExceedsMaximum, at: offset, source: "RFC 2367 2.3.7",
                          "sadb_comb_\(what)_minbits \(min) exceeds maxbits \(max)")
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 + 72 * combinations.count }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
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
