/// `struct sadb_x_nat_t_type` (KAME, Linux), 8 bytes: the UDP encapsulation in use.
public struct NATTTypeExtension: ExtensionBody {
    /// UDP_ENCAP_ESPINUDP 2 (RFC 3948), UDP_ENCAP_ESPINUDP_NON_IKE 1.
    public var encapsulation: UInt8

    public init(encapsulation: UInt8) { self.encapsulation = encapsulation }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(1)
        try reader.skipReserved(3, context, field: "sadb_x_nat_t_type_reserved")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        encapsulation = try reader.readByte()
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
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

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        try reader.skip(2)
        try reader.skipReserved(2, context, field: "sadb_x_nat_t_port_reserved")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        kind = context.type == .natTSourcePort ? .source : .destination
        port = try reader.readInteger(endianness: .network, as: UInt16.self)
    }

    public func encodedLength(dialect: Dialect) -> Int { 8 }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        writer.writeInteger(port, endianness: .network)
        writer.writeZeros(2)
    }
}
