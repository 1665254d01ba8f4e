/// `struct sadb_lifetime` (RFC 2367 2.3.2), 32 bytes: CURRENT, HARD or SOFT.
public struct LifetimeExtension: ExtensionBody {
    public enum Kind: Sendable, Hashable, CaseIterable { case current, hard, soft }

    public var kind: Kind
    public var allocations: UInt32
    public var bytes: UInt64
    /// Seconds: since the epoch in CURRENT, after creation in HARD/SOFT.
    public var addTime: UInt64
    public var useTime: UInt64

    public init(_ kind: Kind, allocations: UInt32 = 0, bytes: UInt64 = 0, addTime: UInt64 = 0, useTime: UInt64 = 0) {
        self.kind = kind
        self.allocations = allocations
        self.bytes = bytes
        self.addTime = addTime
        self.useTime = useTime
    }

    public var type: ExtensionType {
        switch kind {
        case .current: .lifetimeCurrent
        case .hard: .lifetimeHard
        case .soft: .lifetimeSoft
        }
    }

    /// No rule beyond its fixed size, which the framing checks.
    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {}

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        kind = context.type == .lifetimeCurrent ? .current : context.type == .lifetimeHard ? .hard : .soft
        try reader.check(28)
        allocations = reader.loadChecked(0, endianness: order)
        bytes = reader.loadChecked(4, endianness: order)
        addTime = reader.loadChecked(12, endianness: order)
        useTime = reader.loadChecked(20, endianness: order)
        try reader.skip(28)
    }

    public func encodedLength(dialect: Dialect) -> Int { 32 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        let order = dialect.hostByteOrder
        writer.writeInteger(allocations, endianness: order)
        writer.writeInteger(bytes, endianness: order)
        writer.writeInteger(addTime, endianness: order)
        writer.writeInteger(useTime, endianness: order)
    }
}
