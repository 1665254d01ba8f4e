/// A PF_KEY v2 message: the `sadb_msg` base header (RFC 2367 2.1) and its extensions in order.
public struct Message: Sendable, Hashable {
    public var type: MessageType
    /// `sadb_msg_errno`: set in replies that failed (then only the base header comes back).
    public var errno: UInt8
    public var saType: SAType
    /// `sadb_msg_reserved`: zero from user space; Linux puts a policy's refcount here in
    /// SPD messages it sends.
    public var reserved: UInt16
    public var sequence: UInt32
    public var pid: UInt32
    public var extensions: [Extension]

    /// `sadb_msg_version` is always PF_KEY_V2.
    public static let version: UInt8 = 2

    public init(_ type: MessageType, saType: SAType = .unspecified, errno: UInt8 = 0, sequence: UInt32 = 0, pid: UInt32 = 0,
                reserved: UInt16 = 0, extensions: [Extension] = []) {
        self.type = type
        self.saType = saType
        self.errno = errno
        self.sequence = sequence
        self.pid = pid
        self.reserved = reserved
        self.extensions = extensions
    }

    /// The first extension of `type`.
    public func `extension`(_ type: ExtensionType) -> Extension? {
        extensions.first { $0.type == type }
    }

    public var sa: SAExtension? {
        for case .sa(let e) in extensions { return e }
        return nil
    }

    public func address(_ kind: AddressExtension.Kind) -> AddressExtension? {
        for case .address(let e) in extensions where e.kind == kind { return e }
        return nil
    }

    public func lifetime(_ kind: LifetimeExtension.Kind) -> LifetimeExtension? {
        for case .lifetime(let e) in extensions where e.kind == kind { return e }
        return nil
    }

    public func key(_ kind: KeyExtension.Kind) -> KeyExtension? {
        for case .key(let e) in extensions where e.kind == kind { return e }
        return nil
    }

    public func supported(_ kind: SupportedExtension.Kind) -> SupportedExtension? {
        for case .supported(let e) in extensions where e.kind == kind { return e }
        return nil
    }

    public var policy: PolicyExtension? {
        for case .policy(let e) in extensions { return e }
        return nil
    }

    public var proposal: ProposalExtension? {
        for case .proposal(let e) in extensions { return e }
        return nil
    }

    public var spiRange: SPIRangeExtension? {
        for case .spiRange(let e) in extensions { return e }
        return nil
    }

    public var sa2: SA2Extension? {
        for case .sa2(let e) in extensions { return e }
        return nil
    }
}

// MARK: - Encoding

extension Message {
    /// The message's bytes in `dialect`, byte for byte as the C structs lay them out.
    /// Reserved fields and padding are zero (RFC 2367 2.1). Throws when the dialect has no
    /// number for the message or one of its extensions, or a length overflows 16 bits.
    public func encode(dialect: Dialect = .linux) throws(PFKeyError) -> [UInt8] {
        let length = encodedLength(dialect: dialect)
        guard length / 8 <= Int(UInt16.max) else {
            throw PFKeyError(.invalidValue, at: 4, source: "RFC 2367 2.1", "a message of \(length) bytes overflows sadb_msg_len")
        }
        return try ByteWriter.bytes(length: length) { (writer) throws(PFKeyError) in try encode(into: &writer, dialect: dialect) }
    }

    /// The message's length in bytes when encoded in `dialect`.
    public func encodedLength(dialect: Dialect) -> Int {
        var total = 16
        for e in extensions { total += e.encodedLength(dialect: dialect) }
        return total
    }

    func encode(into writer: inout ByteWriter, dialect: Dialect) throws(PFKeyError) {
        guard let typeNumber = dialect.number(of: type) else {
            throw PFKeyError(.unknownMessageType, at: 1, source: "dialect \(dialect)", "SADB_\(type.name) has no number")
        }
        let total = encodedLength(dialect: dialect)
        guard total / 8 <= Int(UInt16.max) else {
            throw PFKeyError(.invalidValue, at: 4, source: "RFC 2367 2.1", "a message of \(total) bytes overflows sadb_msg_len")
        }
        let order = dialect.hostByteOrder
        writer.writeByte(Message.version)
        writer.writeByte(typeNumber)
        writer.writeByte(errno)
        writer.writeByte(saType.rawValue)
        writer.writeInteger(UInt16(total / 8), endianness: order)
        writer.writeInteger(reserved, endianness: order)
        writer.writeInteger(sequence, endianness: order)
        writer.writeInteger(pid, endianness: order)
        for e in extensions {
            guard let number = e.typeNumber(in: dialect) else {
                throw PFKeyError(.unknownExtension, at: writer.count, source: "dialect \(dialect)", "\(e.name) has no number")
            }
            let length = e.encodedLength(dialect: dialect)
            e.encode(into: &writer, typeNumber: number, length: length, dialect: dialect)
        }
    }
}

// MARK: - Decoding

/// Where one extension sat in the decoded bytes.
public struct ExtensionSpan: Sendable, Hashable {
    public var offset: Int
    public var length: Int
}

extension Message {
    /// Decodes and validates one message (the 15 validation rules PFKeyError.Code groups its failures by): `MessageView`'s
    /// validation, then every extension copied into its typed value.
    public init(decoding bytes: [UInt8], options: DecodingOptions = DecodingOptions()) throws(PFKeyError) {
        let result = bytes.withUnsafeBytes { buffer -> Result<Message, PFKeyError> in
            do throws(PFKeyError) { return .success(try Message(decoding: buffer, options: options)) } catch { return .failure(error) }
        }
        self = try result.get()
    }

    /// Decodes from raw memory (no copy of the input beyond the typed values).
    public init(decoding buffer: UnsafeRawBufferPointer, options: DecodingOptions = DecodingOptions()) throws(PFKeyError) {
        self = try Message(MessageView(validating: buffer, options: options))
    }

    /// Decodes and also says where each extension was (for display).
    public static func decodeWithLayout(_ bytes: [UInt8], options: DecodingOptions = DecodingOptions()) throws(PFKeyError) -> (message: Message, spans: [ExtensionSpan]) {
        let result = bytes.withUnsafeBytes { buffer -> Result<(message: Message, spans: [ExtensionSpan]), PFKeyError> in
            do throws(PFKeyError) {
                let view = try MessageView(validating: buffer, options: options)
                return .success((try Message(view), view.extensions.map(\.span)))
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Splits a stream of messages (a DUMP's replies, a transcript) by their `sadb_msg_len`.
    public static func split(_ bytes: [UInt8], dialect: Dialect = .linux) throws(PFKeyError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var at = 0
        while at < bytes.count {
            guard bytes.count - at >= 16 else {
                throw PFKeyError(.messageTooShort, at: at, source: "RFC 2367 2.1", "\(bytes.count - at) bytes left, a message is at least 16")
            }
            let lo = Int(bytes[at + 4]), hi = Int(bytes[at + 5])
            let words = dialect.hostByteOrder == .little ? lo | hi << 8 : hi | lo << 8
            guard words >= 2, at + words * 8 <= bytes.count else {
                throw PFKeyError(.lengthMismatch, at: at + 4, source: "RFC 2367 2.1", "sadb_msg_len \(words) words does not fit the \(bytes.count - at) bytes left")
            }
            out.append(Array(bytes[at ..< at + words * 8]))
            at += words * 8
        }
        return out
    }
}
