/// A validated PF_KEY message over the caller's bytes: every rule `Message(decoding:)`
/// applies (the 15 validation rules PFKeyError.Code groups its failures by, for the
/// given options), with no copy and no heap
/// allocation, the way Linux af_key.c parse_exthdrs keeps a table of extension pointers.
/// Fields are read on demand from the bytes.
///
/// It borrows `bytes`: use it only while that memory is alive (inside the
/// `withUnsafeBytes` closure that made the buffer). `Message(decoding:)` is built from it,
/// so both accept and reject exactly the same bytes with the same error.
///
/// ```
/// try bytes.withUnsafeBytes { raw in
///     let view = try MessageView(validating: raw)
///     if let dst = view.address(.destination) { ... }
/// }
/// ```
public struct MessageView {
    /// The message's bytes (exactly `sadb_msg_len` x 8).
    public let bytes: UnsafeRawBufferPointer
    public let dialect: Dialect
    public let type: MessageType
    /// Each known extension's header offset in 8-byte words (every extension starts on a
    /// word, and `sadb_msg_len` is 16 bits of words), by `ExtensionType.rawValue`; 0 when
    /// absent (no extension starts inside the base header).
    var offsets: InlineArray<32, UInt16>
    /// `ExtensionType.bit` of every known extension present.
    let present: UInt32

    /// Validates `bytes` as one message; throws the first rule it breaks (code, offset, rule).
    public init(validating bytes: UnsafeRawBufferPointer, options: DecodingOptions = DecodingOptions()) throws(PFKeyError) {
        let dialect = options.dialect
        let order = dialect.hostByteOrder
        var reader = ByteReader(bytes)
        // Rule 1 [RFC 2367 2.1; Linux pfkey_get_base_msg]
        guard bytes.count >= 16 else {
            throw .framing(.messageTooShort, at: 0, bytes.count, 0, 0)
        }
        let words = try reader.peekInteger(at: 4, endianness: order, as: UInt16.self)
        guard Int(words) * 8 == bytes.count else {
            throw .framing(.lengthMismatch, at: 4, Int(words), bytes.count, 0)
        }
        // Rule 2 [Linux pfkey_get_base_msg]
        let version = try reader.readByte()
        guard version == Message.version else {
            throw .framing(.badVersion, at: 0, Int(version), 0, 0)
        }
        let typeNumber = try reader.readByte()
        guard let type = dialect.messageType(number: typeNumber) else {
            throw .unknownMessageType(typeNumber, dialect: dialect)
        }
        let errno = try reader.readByte()
        let saType = SAType(rawValue: try reader.readByte())
        try reader.skip(2)
        let reserved = try reader.readInteger(endianness: order, as: UInt16.self)
        if reserved != 0 && options.direction == .request {
            throw .framing(.reservedNotZero, at: 6, Int(reserved), 0, 0)
        }

        var offsets = InlineArray<32, UInt16>(repeating: 0)
        var seen: UInt32 = 0
        let checksReserved = options.direction == .request
        let base = ByteReader.base(of: bytes)
        // The base header is 16 bytes and sadb_msg_len counts 8-byte words, so whenever
        // bytes are left an extension's 4-byte header is there: it is loaded, not checked.
        var start = 16
        let end = bytes.count
        while start < end {
            // Rule 3 [RFC 2367 2.3; Linux parse_exthdrs]
            let extWords = MessageView.load(base, start, order, as: UInt16.self)
            let extNumber = MessageView.load(base, start &+ 2, order, as: UInt16.self)
            let length = Int(extWords) &* 8
            let left = end &- start
            guard length >= 8 else {
                throw .framing(.extensionTooShortForHeader, at: start, 0, 0, 0)
            }
            guard length <= left else {
                throw .framing(.extensionOverrun, at: start, Int(extNumber), length, left)
            }
            guard extNumber != 0 else {
                throw .framing(.extensionTypeZero, at: start, 0, 0, 0)
            }
            var body = ByteReader(buffer: bytes, offset: start &+ 4, end: start &+ length)
            defer { start &+= length }
            guard let extType = dialect.extensionType(number: extNumber) else {
                // Rule 6 [RFC 2367 2.3; strongSwan rejects]
                if options.unknownExtensions == .reject {
                    throw .unknownExtension(extNumber, at: start, dialect: dialect)
                }
                continue
            }
            // Rule 5 [RFC 2367 2.3, 2.4]
            guard seen & extType.bit == 0 else {
                throw .framing(.duplicateExtension, at: start, Int(extNumber), 0, 0)
            }
            seen |= extType.bit
            // Rule 4 [Linux sadb_ext_min_len; RFC 2367 2.2 fixed sizes]
            guard length >= extType.minimumLength else {
                throw .extensionSize(.extensionTooShort, extType, at: start, length: length)
            }
            if extType.isFixedSize && length != extType.minimumLength {
                throw .extensionSize(.extensionLengthMismatch, extType, at: start, length: length)
            }
            // Rules 7, 9-12, 14, 15: the family's own rules.
            let context = ExtensionContext(type: extType, dialect: dialect, offset: start, checksReserved: checksReserved)
            try Extension.validate(&body, context: context)
            offsets[extType.rawValue] = UInt16(truncatingIfNeeded: start &>> 3)
        }
        // Rules 8, 13, 14 (message part), from the extensions found.
        // Validated addresses: the length is the one the family allows (3 words for AF_INET,
        // 5 for AF_INET6), the port is at byte 10 in both sockaddr layouts.
        var checker = PresenceChecker()
        var addresses = seen & PresenceChecker.addresses
        while addresses != 0 {
            let raw = addresses.trailingZeroBitCount
            addresses &= addresses &- 1
            let start = Int(offsets[raw]) &* 8
            let family: AddressFamily = MessageView.load(base, start, order, as: UInt16.self) == 3 ? .inet : .inet6
            if raw == ExtensionType.addressSource.rawValue {
                checker.sourceOffset = start
                checker.sourceFamily = family
            } else if raw == ExtensionType.addressDestination.rawValue {
                checker.destinationOffset = start
                checker.destinationFamily = family
            }
            let port = MessageView.load(base, start &+ 10, .network, as: UInt16.self)
            if port != 0 { checker.notePort(proto: MessageView.load(base, start &+ 4, order, as: UInt8.self), at: start) }
        }
        if offsets[ExtensionType.policy.rawValue] != 0 {
            let start = Int(offsets[ExtensionType.policy.rawValue]) &* 8
            checker.notePolicy(direction: MessageView.load(base, start &+ 6, order, as: UInt8.self), at: start)
        }
        try checker.validate(MessageHeader(type: type, errno: errno, saType: saType), present: seen, options: options)
        self.bytes = bytes
        self.dialect = dialect
        self.type = type
        self.offsets = offsets
        self.present = seen
    }

    /// The number of extensions, unknown ones included.
    public var extensionCount: Int {
        var n = 0
        for _ in extensions { n &+= 1 }
        return n
    }

    // MARK: Base header, read on demand

    public var errno: UInt8 { bytes[2] }
    public var saType: SAType { SAType(rawValue: bytes[3]) }
    public var reserved: UInt16 { load(6, as: UInt16.self) }
    public var sequence: UInt32 { load(8, as: UInt32.self) }
    public var pid: UInt32 { load(12, as: UInt32.self) }
    /// The message's length in bytes.
    public var length: Int { bytes.count }

    @inline(__always)
    func load<T: FixedWidthInteger>(_ offset: Int, as: T.Type) -> T {
        MessageView.load(ByteReader.base(of: bytes), offset, dialect.hostByteOrder, as: T.self)
    }

    /// An integer in `order` at `offset`, which the caller knows to be inside `bytes`.
    @inline(__always)
    static func load<T: FixedWidthInteger>(_ base: UnsafeRawPointer, _ offset: Int, _ order: Endianness, as: T.Type) -> T {
        let raw = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        return order == .big ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    // MARK: Extensions

    /// One extension as it sits in the bytes.
    public struct RawExtension: Sendable, Hashable {
        public var offset: Int
        /// The whole extension's length in bytes, header included.
        public var length: Int
        public var typeNumber: UInt16
        /// nil when the dialect does not know `typeNumber` (kept, RFC 2367 2.3).
        public var type: ExtensionType?

        public var span: ExtensionSpan { ExtensionSpan(offset: offset, length: length) }
    }

    /// The extensions in wire order, unknown ones included.
    public var extensions: Extensions { Extensions(view: self) }

    public struct Extensions: Sequence {
        let view: MessageView

        public struct Iterator: IteratorProtocol {
            let bytes: UnsafeRawBufferPointer
            let dialect: Dialect
            var at = 16

            public mutating func next() -> RawExtension? {
                // Validated: a whole header at every extension start. The length is checked
                // again all the same, so bytes changed under the view cannot lead outside them.
                guard at &+ 4 <= bytes.count else { return nil }
                let base = ByteReader.base(of: bytes)
                let length = Int(MessageView.load(base, at, dialect.hostByteOrder, as: UInt16.self)) &* 8
                guard length >= 8, length <= bytes.count &- at else { return nil }
                let number = MessageView.load(base, at &+ 2, dialect.hostByteOrder, as: UInt16.self)
                defer { at &+= length }
                return RawExtension(offset: at, length: length, typeNumber: number, type: dialect.extensionType(number: number))
            }
        }

        public func makeIterator() -> Iterator { Iterator(bytes: view.bytes, dialect: view.dialect) }
    }

    /// True when an extension of `type` is present.
    public func contains(_ type: ExtensionType) -> Bool { present & type.bit != 0 }

    /// Where the extension of `type` is, or nil.
    public func span(of type: ExtensionType) -> ExtensionSpan? {
        let offset = Int(offsets[type.rawValue]) &* 8
        guard offset != 0, offset &+ 4 <= bytes.count else { return nil }
        // Read again, so bounded again: the span never reaches past the bytes.
        return ExtensionSpan(offset: offset, length: min(Int(load(offset, as: UInt16.self)) &* 8, bytes.count &- offset))
    }

    /// A reader over the body (after the 4-byte header) of the extension at `span`.
    func bodyReader(_ span: ExtensionSpan) -> ByteReader {
        ByteReader(buffer: bytes, offset: span.offset + 4, end: span.offset + span.length)
    }

    func context(_ type: ExtensionType, at offset: Int) -> ExtensionContext {
        ExtensionContext(type: type, dialect: dialect, offset: offset, checksReserved: false)
    }

    /// The extension at `raw` as a typed value (copies variable parts such as keys).
    /// Throws only if `raw` is not one of this view's extensions.
    public func decode(_ raw: RawExtension) throws(PFKeyError) -> Extension {
        var reader = bodyReader(raw.span)
        guard let type = raw.type else {
            return .unknown(UnknownExtension(typeNumber: raw.typeNumber, body: try reader.readBytes(reader.remaining)))
        }
        return try Extension.read(&reader, context: context(type, at: raw.offset))
    }

    /// The extension of `type` as a typed value, or nil when absent.
    public func `extension`(_ type: ExtensionType) -> Extension? {
        guard let span = span(of: type) else { return nil }
        var reader = bodyReader(span)
        return try? Extension.read(&reader, context: context(type, at: span.offset))
    }

    @inline(__always)
    func body<T: ExtensionBody>(_ type: ExtensionType, as: T.Type) -> T? {
        guard let span = span(of: type) else { return nil }
        var reader = bodyReader(span)
        return try? T(validated: &reader, context: context(type, at: span.offset))
    }

    public var sa: SAExtension? { body(.sa, as: SAExtension.self) }
    public var sa2: SA2Extension? { body(.sa2, as: SA2Extension.self) }
    public var spiRange: SPIRangeExtension? { body(.spiRange, as: SPIRangeExtension.self) }

    public func lifetime(_ kind: LifetimeExtension.Kind) -> LifetimeExtension? {
        switch kind {
        case .current: body(.lifetimeCurrent, as: LifetimeExtension.self)
        case .hard: body(.lifetimeHard, as: LifetimeExtension.self)
        case .soft: body(.lifetimeSoft, as: LifetimeExtension.self)
        }
    }

    public func address(_ kind: AddressExtension.Kind) -> AddressExtension? {
        switch kind {
        case .source: body(.addressSource, as: AddressExtension.self)
        case .destination: body(.addressDestination, as: AddressExtension.self)
        case .proxy: body(.addressProxy, as: AddressExtension.self)
        case .natTOriginal: body(.natTOriginalAddress, as: AddressExtension.self)
        case .natTOriginalResponder: body(.natTOriginalAddressResponder, as: AddressExtension.self)
        }
    }

    /// `sadb_key_bits` of KEY_AUTH or KEY_ENCRYPT.
    public func keyBits(_ kind: KeyExtension.Kind) -> UInt16? {
        guard let span = span(of: kind == .auth ? .keyAuth : .keyEncrypt), span.length >= 8 else { return nil }
        return load(span.offset + 4, as: UInt16.self)
    }

    /// The key itself (ceil(bits / 8) bytes), without a copy.
    public func keyBytes(_ kind: KeyExtension.Kind) -> UnsafeRawBufferPointer? {
        guard let bits = keyBits(kind), let span = span(of: kind == .auth ? .keyAuth : .keyEncrypt) else { return nil }
        let start = span.offset + 8
        return UnsafeRawBufferPointer(rebasing: bytes[start ..< min(start + (Int(bits) + 7) / 8, span.offset + span.length)])
    }

    /// `sadb_x_policy_id` of the X_POLICY (what a kernel ACQUIRE refers to the policy by).
    public var policyID: UInt32? {
        guard let span = span(of: .policy), span.length >= 16 else { return nil }
        return load(span.offset + 8, as: UInt32.self)
    }

    /// `sadb_x_policy_dir` of the X_POLICY.
    public var policyDirection: PolicyExtension.PolicyDirection? {
        guard let span = span(of: .policy), span.length >= 16 else { return nil }
        return PolicyExtension.PolicyDirection(rawValue: bytes[span.offset + 6])
    }

    /// The number of `sadb_comb`s in the PROPOSAL.
    public var combinationCount: Int? {
        guard let span = span(of: .proposal) else { return nil }
        return max(span.length - 8, 0) / 72
    }

    /// The PROPOSAL's `index`th `sadb_comb`.
    public func combination(_ index: Int) -> ProposalExtension.Combination? {
        guard let span = span(of: .proposal), index >= 0, index < (span.length - 8) / 72 else { return nil }
        var reader = ByteReader(buffer: bytes, offset: span.offset + 8 + 72 * index, end: span.offset + span.length)
        return try? ProposalExtension.Combination(validated: &reader, order: dialect.hostByteOrder)
    }
}

extension Message {
    /// The message a validated view holds, every extension copied into its typed value.
    public init(_ view: MessageView) throws(PFKeyError) {
        var extensions: [Extension] = []
        // Every known extension, and growth only for unknown ones.
        extensions.reserveCapacity(view.present.nonzeroBitCount)
        for raw in view.extensions { extensions.append(try view.decode(raw)) }
        self.init(view.type, saType: view.saType, errno: view.errno, sequence: view.sequence, pid: view.pid,
                  reserved: view.reserved, extensions: extensions)
    }
}

/// The errors of the framing rules (1-6), built out of line so the validation loop stays
/// small enough for the optimizer to inline the per-family checks into it.
extension PFKeyError {
    @inline(never)
    static func framing(_ code: Code, at offset: Int, _ a: Int, _ b: Int, _ c: Int) -> PFKeyError {
        let rule: (source: String, detail: String) = switch code {
        case .messageTooShort: ("RFC 2367 2.1", "\(a) bytes, the base header is 16")
        case .lengthMismatch: ("RFC 2367 2.1", "sadb_msg_len \(a) words is not the \(b) bytes received")
        case .badVersion: ("RFC 2367 2.1", "sadb_msg_version \(a) is not PF_KEY_V2 (2)")
        case .reservedNotZero: ("RFC 2367 2.1", "sadb_msg_reserved \(a) is not zero")
        case .extensionTooShortForHeader: ("RFC 2367 2.3", "sadb_ext_len 0 (an extension is at least one 64-bit word)")
        case .extensionOverrun: ("RFC 2367 2.3", "extension type \(a) of \(b) bytes overruns the \(c) bytes left")
        case .extensionTypeZero: ("RFC 2367 2.3", "extension type 0 is reserved")
        default: ("RFC 2367 2.3", "duplicate extension type \(a)")
        }
        return PFKeyError(code, at: offset, source: rule.source, rule.detail)
    }

    @inline(never)
    static func unknownMessageType(_ number: UInt8, dialect: Dialect) -> PFKeyError {
        PFKeyError(.unknownMessageType, at: 1, source: "RFC 2367 3.1 (dialect \(dialect))", "sadb_msg_type \(number) is not a message type")
    }

    @inline(never)
    static func unknownExtension(_ number: UInt16, at offset: Int, dialect: Dialect) -> PFKeyError {
        PFKeyError(.unknownExtension, at: offset, source: "RFC 2367 2.3 (unknown extensions rejected by option)",
                   "extension type \(number) is unknown in dialect \(dialect)")
    }

    @inline(never)
    static func extensionSize(_ code: Code, _ type: ExtensionType, at offset: Int, length: Int) -> PFKeyError {
        code == .extensionTooShort
            ? PFKeyError(code, at: offset, source: "Linux af_key.c sadb_ext_min_len",
                         "\(type.name) is \(length) bytes, at least \(type.minimumLength) needed")
            : PFKeyError(code, at: offset, source: "RFC 2367 2.2", "\(type.name) is \(length) bytes, its structure is \(type.minimumLength)")
    }
}
