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
    /// Decodes and validates one message (rules 1-14 of notes/pfkey.md).
    public init(decoding bytes: [UInt8], options: DecodingOptions = DecodingOptions()) throws(PFKeyError) {
        let result = bytes.withUnsafeBytes { buffer -> Result<Message, PFKeyError> in
            var spans: [ExtensionSpan]? = nil
            do throws(PFKeyError) { return .success(try Message.decode(buffer, options: options, spans: &spans)) } catch { return .failure(error) }
        }
        self = try result.get()
    }

    /// Decodes from raw memory (the hot path: no copy of the input).
    public init(decoding buffer: UnsafeRawBufferPointer, options: DecodingOptions = DecodingOptions()) throws(PFKeyError) {
        var spans: [ExtensionSpan]? = nil
        self = try Message.decode(buffer, options: options, spans: &spans)
    }

    /// Decodes and also says where each extension was (for display).
    public static func decodeWithLayout(_ bytes: [UInt8], options: DecodingOptions = DecodingOptions()) throws(PFKeyError) -> (message: Message, spans: [ExtensionSpan]) {
        let result = bytes.withUnsafeBytes { buffer -> Result<(message: Message, spans: [ExtensionSpan]), PFKeyError> in
            var spans: [ExtensionSpan]? = []
            do throws(PFKeyError) {
                let message = try Message.decode(buffer, options: options, spans: &spans)
                return .success((message, spans ?? []))
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

    static func decode(_ buffer: UnsafeRawBufferPointer, options: DecodingOptions, spans: inout [ExtensionSpan]?) throws(PFKeyError) -> Message {
        let dialect = options.dialect
        let order = dialect.hostByteOrder
        var reader = ByteReader(buffer)
        // Rule 1 [RFC 2367 2.1; Linux pfkey_get_base_msg]
        guard buffer.count >= 16 else {
            throw PFKeyError(.messageTooShort, at: 0, source: "RFC 2367 2.1", "\(buffer.count) bytes, the base header is 16")
        }
        let words = try reader.peekInteger(at: 4, endianness: order, as: UInt16.self)
        guard Int(words) * 8 == buffer.count else {
            throw PFKeyError(.lengthMismatch, at: 4, source: "RFC 2367 2.1", "sadb_msg_len \(words) words is not the \(buffer.count) bytes received")
        }
        // Rule 2 [Linux pfkey_get_base_msg]
        let version = try reader.readByte()
        guard version == Message.version else {
            throw PFKeyError(.badVersion, at: 0, source: "RFC 2367 2.1", "sadb_msg_version \(version) is not PF_KEY_V2 (2)")
        }
        let typeNumber = try reader.readByte()
        guard let type = dialect.messageType(number: typeNumber) else {
            throw PFKeyError(.unknownMessageType, at: 1, source: "RFC 2367 3.1 (dialect \(dialect))", "sadb_msg_type \(typeNumber) is not a message type")
        }
        let errno = try reader.readByte()
        let saType = SAType(rawValue: try reader.readByte())
        try reader.skip(2)
        let reserved = try reader.readInteger(endianness: order, as: UInt16.self)
        if reserved != 0 && options.direction == .request {
            throw PFKeyError(.reservedNotZero, at: 6, source: "RFC 2367 2.1", "sadb_msg_reserved \(reserved) is not zero")
        }
        let sequence = try reader.readInteger(endianness: order, as: UInt32.self)
        let pid = try reader.readInteger(endianness: order, as: UInt32.self)

        var extensions: [Extension] = []
        extensions.reserveCapacity(min(buffer.count / 16, 12))
        var seen: UInt32 = 0
        var checker = PresenceChecker()
        let checksReserved = options.direction == .request
        while reader.remaining > 0 {
            let start = reader.offset
            // Rule 3 [RFC 2367 2.3; Linux parse_exthdrs]
            let extWords = try reader.readInteger(endianness: order, as: UInt16.self)
            let extNumber = try reader.readInteger(endianness: order, as: UInt16.self)
            let length = Int(extWords) * 8
            guard length >= 8 else {
                throw PFKeyError(.extensionTooShortForHeader, at: start, source: "RFC 2367 2.3",
                                 "sadb_ext_len 0 (an extension is at least one 64-bit word)")
            }
            guard length <= reader.remaining + 4 else {
                throw PFKeyError(.extensionOverrun, at: start, source: "RFC 2367 2.3",
                                 "extension type \(extNumber) of \(length) bytes overruns the \(reader.remaining + 4) bytes left")
            }
            guard extNumber != 0 else {
                throw PFKeyError(.extensionTypeZero, at: start, source: "RFC 2367 2.3", "extension type 0 is reserved")
            }
            var body = try reader.slice(length - 4)
            guard let extType = dialect.extensionType(number: extNumber) else {
                // Rule 6 [RFC 2367 2.3; strongSwan rejects]
                if options.unknownExtensions == .reject {
                    throw PFKeyError(.unknownExtension, at: start, source: "RFC 2367 2.3 (unknown extensions rejected by option)",
                                     "extension type \(extNumber) is unknown in dialect \(dialect)")
                }
                extensions.append(.unknown(UnknownExtension(typeNumber: extNumber, body: try body.readBytes(length - 4))))
                spans?.append(ExtensionSpan(offset: start, length: length))
                continue
            }
            // Rule 5 [RFC 2367 2.3, 2.4]
            guard seen & extType.bit == 0 else {
                throw PFKeyError(.duplicateExtension, at: start, source: "RFC 2367 2.3", "duplicate extension type \(extNumber)")
            }
            seen |= extType.bit
            // Rule 4 [Linux sadb_ext_min_len; RFC 2367 2.2 fixed sizes]
            guard length >= extType.minimumLength else {
                throw PFKeyError(.extensionTooShort, at: start, source: "Linux af_key.c sadb_ext_min_len",
                                 "\(extType.name) is \(length) bytes, at least \(extType.minimumLength) needed")
            }
            if extType.isFixedSize && length != extType.minimumLength {
                throw PFKeyError(.extensionLengthMismatch, at: start, source: "RFC 2367 2.2",
                                 "\(extType.name) is \(length) bytes, its structure is \(extType.minimumLength)")
            }
            let context = ExtensionContext(type: extType, dialect: dialect, offset: start, checksReserved: checksReserved)
            let decoded = try Extension.decode(&body, context: context)
            checker.note(decoded, at: start)
            extensions.append(decoded)
            spans?.append(ExtensionSpan(offset: start, length: length))
        }
        let message = Message(type, saType: saType, errno: errno, sequence: sequence, pid: pid, reserved: reserved, extensions: extensions)
        try checker.validate(message, present: seen, options: options)
        return message
    }
}
