/// `struct sadb_sa` (RFC 2367 2.3.1), 16 bytes: the association.
public struct SAExtension: ExtensionBody {
    /// Network order on the wire (RFC 2367 2.3.1); a number here.
    public var spi: UInt32
    /// Replay window: packets on Linux, bytes on BSD.
    public var replay: UInt8
    public var state: SAState
    public var auth: UInt8
    public var encrypt: UInt8
    public var flags: UInt32

    public init(spi: UInt32, replay: UInt8 = 0, state: SAState = .mature, auth: UInt8 = 0, encrypt: UInt8 = 0, flags: UInt32 = 0) {
        self.spi = spi
        self.replay = replay
        self.state = state
        self.auth = auth
        self.encrypt = encrypt
        self.flags = flags
    }

    /// No rule beyond its fixed size, which the framing checks.
    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {}

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        try reader.check(12)
        spi = reader.loadChecked(0, endianness: .network)
        replay = reader.loadChecked(4, endianness: order)
        state = SAState(rawValue: reader.loadChecked(5, endianness: order))
        auth = reader.loadChecked(6, endianness: order)
        encrypt = reader.loadChecked(7, endianness: order)
        flags = reader.loadChecked(8, endianness: order)
        try reader.skip(12)
    }

    public func encodedLength(dialect: Dialect) -> Int { 16 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(spi, endianness: .network)
        writer.writeByte(replay)
        writer.writeByte(state.rawValue)
        writer.writeByte(auth)
        writer.writeByte(encrypt)
        writer.writeInteger(flags, endianness: dialect.hostByteOrder)
    }
}

/// `sadb_sa_state` (RFC 2367 3.3).
public struct SAState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let larval = SAState(rawValue: 0)
    public static let mature = SAState(rawValue: 1)
    public static let dying = SAState(rawValue: 2)
    public static let dead = SAState(rawValue: 3)

    public var description: String {
        switch rawValue {
        case 0: "larval"
        case 1: "mature"
        case 2: "dying"
        case 3: "dead"
        default: String(rawValue)
        }
    }
}
