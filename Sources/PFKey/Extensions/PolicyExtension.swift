/// `struct sadb_x_policy` (KAME, Linux), 16 bytes, then `struct sadb_x_ipsecrequest`s:
/// the SPD entry, or in a kernel ACQUIRE a reference to it by `id` (Linux pfkey_send_acquire).
public struct PolicyExtension: ExtensionBody {
    /// IPSEC_POLICY_*.
    public struct PolicyType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let discard = PolicyType(rawValue: 0)
        public static let none = PolicyType(rawValue: 1)
        public static let ipsec = PolicyType(rawValue: 2)
        public static let entrust = PolicyType(rawValue: 3)
        public static let bypass = PolicyType(rawValue: 4)
        public var description: String {
            ["discard", "none", "ipsec", "entrust", "bypass"][safe: Int(rawValue)] ?? String(rawValue)
        }
    }

    /// IPSEC_DIR_*: 1 inbound, 2 outbound, 3 forward (0 = any, only in lookups).
    public struct PolicyDirection: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let any = PolicyDirection(rawValue: 0)
        public static let inbound = PolicyDirection(rawValue: 1)
        public static let outbound = PolicyDirection(rawValue: 2)
        public static let forward = PolicyDirection(rawValue: 3)
        public var description: String { ["any", "in", "out", "fwd"][safe: Int(rawValue)] ?? String(rawValue) }
    }

    public var policyType: PolicyType
    public var direction: PolicyDirection
    /// The kernel's policy index (Linux: generator | direction, see `ReferenceKernel`).
    public var id: UInt32
    /// Linux `sadb_x_policy_priority`; KAME's `sadb_x_policy_reserved2` (then zero).
    public var priority: UInt32
    public var requests: [IPsecRequest]

    public init(type: PolicyType, direction: PolicyDirection, id: UInt32 = 0, priority: UInt32 = 0, requests: [IPsecRequest] = []) {
        self.policyType = type
        self.direction = direction
        self.id = id
        self.priority = priority
        self.requests = requests
    }

    package static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        let typeOffset = reader.offset
        let policyType = PolicyType(rawValue: try reader.readInteger(endianness: order, as: UInt16.self))
        let maxType: PolicyType = context.dialect.name == .kame ? .bypass : .ipsec
        guard policyType.rawValue <= maxType.rawValue else {
            throw PFKeyError(.policyTypeInvalid, at: typeOffset, source: "Linux af_key.c pfkey_spdadd",
                             "sadb_x_policy_type \(policyType.rawValue) exceeds IPSEC_POLICY_\(maxType.description.uppercased()) (\(maxType.rawValue))")
        }
        let dirOffset = reader.offset
        let direction = try reader.readByte()
        guard direction <= 3 else {
            throw PFKeyError(.policyDirectionInvalid, at: dirOffset, source: "Linux af_key.c pfkey_spdadd",
                             "sadb_x_policy_dir \(direction) is not 0-3 (any, in, out, fwd)")
        }
        try reader.skipReserved(1, context, field: "sadb_x_policy_reserved")
        try reader.skip(8)
        let headerSize = context.dialect.ipsecRequestReqIDIs32Bit ? 16 : 8
        // Linux parse_ipsecrequests: requests while a whole header fits; lengths in BYTES.
        while reader.remaining >= headerSize {
            let start = reader.offset
            let length = Int(try reader.peekInteger(at: 0, endianness: order, as: UInt16.self))
            guard length >= headerSize, length <= reader.remaining else {
                throw PFKeyError(.ipsecRequestLengthInvalid, at: start, source: "Linux af_key.c parse_ipsecrequests",
                                 "sadb_x_ipsecrequest_len \(length) bytes is not between \(headerSize) and the \(reader.remaining) bytes left")
            }
            var sub = try reader.slice(length)
            try IPsecRequest.validate(&sub, context: context)
        }
        try reader.skipReserved(reader.remaining, context, field: "padding")
    }

    package init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        policyType = PolicyType(rawValue: try reader.readInteger(endianness: order, as: UInt16.self))
        direction = PolicyDirection(rawValue: try reader.readByte())
        try reader.skip(1)
        id = try reader.readInteger(endianness: order, as: UInt32.self)
        priority = try reader.readInteger(endianness: order, as: UInt32.self)
        requests = []
        let headerSize = context.dialect.ipsecRequestReqIDIs32Bit ? 16 : 8
        while reader.remaining >= headerSize {
            let length = Int(try reader.peekInteger(at: 0, endianness: order, as: UInt16.self))
            var sub = try reader.slice(length)
            requests.append(try IPsecRequest(validated: &sub, context: context))
        }
    }

    public func encodedLength(dialect: Dialect) -> Int {
        align8(16 + requests.reduce(0) { $0 + $1.encodedLength(dialect: dialect) })
    }

    package func encodeBody(into writer: inout ByteWriter, dialect: Dialect) {
        let order = dialect.hostByteOrder
        writer.writeInteger(policyType.rawValue, endianness: order)
        writer.writeByte(direction.rawValue)
        writer.writeZeros(1)
        writer.writeInteger(id, endianness: order)
        writer.writeInteger(priority, endianness: order)
        for r in requests { r.encode(into: &writer, dialect: dialect) }
        writer.padToEightBytes()
    }
}

/// `struct sadb_x_ipsecrequest`: 16 bytes with a 32-bit reqid (Linux) or 8 bytes with a
/// 16-bit one (KAME), then in tunnel mode the tunnel's source and destination sockaddrs.
public struct IPsecRequest: Sendable, Hashable {
    /// IPPROTO_ESP 50, IPPROTO_AH 51, IPPROTO_COMP 108.
    public var proto: UInt16
    /// IPSEC_MODE_TRANSPORT 1, IPSEC_MODE_TUNNEL 2 (0 is invalid here).
    public var mode: UInt8
    /// IPSEC_LEVEL_DEFAULT 0, USE 1, REQUIRE 2, UNIQUE 3.
    public var level: UInt8
    public var reqID: UInt32
    public var tunnelSource: SocketAddress?
    public var tunnelDestination: SocketAddress?

    public init(proto: UInt16, mode: UInt8, level: UInt8, reqID: UInt32 = 0, tunnelSource: SocketAddress? = nil, tunnelDestination: SocketAddress? = nil) {
        self.proto = proto
        self.mode = mode
        self.level = level
        self.reqID = reqID
        self.tunnelSource = tunnelSource
        self.tunnelDestination = tunnelDestination
    }

    public static let modeTransport: UInt8 = 1
    public static let modeTunnel: UInt8 = 2

    static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let start = reader.offset
        try reader.skip(4)
        let modeOffset = reader.offset
        let mode = try reader.readByte()
        try reader.skip(1)
        guard mode != 0 else {
            throw PFKeyError(.ipsecRequestModeZero, at: modeOffset, source: "Linux af_key.c parse_ipsecrequest",
                             "sadb_x_ipsecrequest_mode is 0 (IPSEC_MODE_ANY)")
        }
        if context.dialect.ipsecRequestReqIDIs32Bit {
            try reader.skipReserved(2, context, field: "sadb_x_ipsecrequest_reserved1")
            try reader.skip(4)
            try reader.skipReserved(4, context, field: "sadb_x_ipsecrequest_reserved2")
        } else {
            try reader.skip(2)
        }
        if mode == IPsecRequest.modeTunnel || reader.remaining > 0 {
            guard reader.remaining > 0 else {
                throw PFKeyError(.tunnelAddressesInvalid, at: start, source: "Linux af_key.c parse_ipsecrequest",
                                 "a tunnel-mode ipsecrequest has no tunnel addresses")
            }
            try SocketAddress.validatePair(&reader, context: context, source: "Linux af_key.c parse_ipsecrequest")
            try reader.skipReserved(reader.remaining, context, field: "padding")
        }
    }

    init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        let order = context.dialect.hostByteOrder
        try reader.skip(2)
        proto = try reader.readInteger(endianness: order, as: UInt16.self)
        mode = try reader.readByte()
        level = try reader.readByte()
        if context.dialect.ipsecRequestReqIDIs32Bit {
            try reader.skip(2)
            reqID = try reader.readInteger(endianness: order, as: UInt32.self)
            try reader.skip(4)
        } else {
            reqID = UInt32(try reader.readInteger(endianness: order, as: UInt16.self))
        }
        if reader.remaining > 0 {
            tunnelSource = try SocketAddress(validated: &reader, dialect: context.dialect)
            tunnelDestination = try SocketAddress(validated: &reader, dialect: context.dialect)
        } else {
            tunnelSource = nil
            tunnelDestination = nil
        }
    }

    func encodedLength(dialect: Dialect) -> Int {
        let header = dialect.ipsecRequestReqIDIs32Bit ? 16 : 8
        guard let s = tunnelSource, let d = tunnelDestination else { return header }
        return header + s.family.sockaddrSize + d.family.sockaddrSize
    }

    func encode(into writer: inout ByteWriter, dialect: Dialect) {
        let order = dialect.hostByteOrder
        writer.writeInteger(UInt16(truncatingIfNeeded: encodedLength(dialect: dialect)), endianness: order)
        writer.writeInteger(proto, endianness: order)
        writer.writeByte(mode)
        writer.writeByte(level)
        if dialect.ipsecRequestReqIDIs32Bit {
            writer.writeZeros(2)
            writer.writeInteger(reqID, endianness: order)
            writer.writeZeros(4)
        } else {
            writer.writeInteger(UInt16(truncatingIfNeeded: reqID), endianness: order)
        }
        if let s = tunnelSource, let d = tunnelDestination {
            s.encode(into: &writer, dialect: dialect)
            d.encode(into: &writer, dialect: dialect)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
