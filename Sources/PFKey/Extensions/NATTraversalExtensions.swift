/// `struct sadb_x_nat_t_type` (KAME, Linux), 8 bytes: the UDP encapsulation in use.
public struct NATTTypeExtension: ExtensionBody {
    /// UDP_ENCAP_ESPINUDP 2 (RFC 3948), UDP_ENCAP_ESPINUDP_NON_IKE 1.
    public var encapsulation: UInt8

    public init(encapsulation: UInt8) { self.encapsulation = encapsulation }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        encapsulation = try reader.readByte()
        try reader.skipReserved(3, context, field: "sadb_x_nat_t_type_reserved")
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeByte(encapsulation)
        writer.writeZeros(3)
    }
}

/// `struct sadb_x_nat_t_port` (KAME, Linux), 8 bytes: X_NAT_T_SPORT or X_NAT_T_DPORT.
public struct NATTPortExtension: ExtensionBody {
    public enum Kind: Sendable, Hashable, CaseIterable { case source, destination }

    public var kind: Kind
    /// Network order on the wire.
    public var port: UInt16

    public init(_ kind: Kind, port: UInt16) {
        self.kind = kind
        self.port = port
    }

    public var type: ExtensionType { kind == .source ? .natTSourcePort : .natTDestinationPort }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        kind = context.type == .natTSourcePort ? .source : .destination
        port = try reader.readInteger(endianness: .network, as: UInt16.self)
        try reader.skipReserved(2, context, field: "sadb_x_nat_t_port_reserved")
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(port, endianness: .network)
        writer.writeZeros(2)
    }
}

/// `struct sadb_x_nat_t_frag` (KAME/FreeBSD), 8 bytes: the IKE fragment size.
public struct NATTFragmentExtension: ExtensionBody {
    public var fragmentLength: UInt16

    public init(fragmentLength: UInt16) { self.fragmentLength = fragmentLength }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        fragmentLength = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt16.self)
        try reader.skipReserved(2, context, field: "sadb_x_nat_t_frag_reserved")
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(fragmentLength, endianness: dialect.hostByteOrder)
        writer.writeZeros(2)
    }
}

/// `struct sadb_x_sa_replay` (KAME/FreeBSD), 8 bytes: a replay window wider than 255.
public struct SAReplayExtension: ExtensionBody {
    public var replay: UInt32

    public init(replay: UInt32) { self.replay = replay }

    public init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        replay = try reader.readInteger(endianness: context.dialect.hostByteOrder, as: UInt32.self)
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    public func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(replay, endianness: dialect.hostByteOrder)
    }
}
