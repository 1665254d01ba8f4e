/// What an extension family's decoder knows besides its bytes.
public struct ExtensionContext: Sendable {
    public var type: ExtensionType
    public var dialect: Dialect
    /// Absolute offset of the extension's `sadb_ext` header in the message.
    public var offset: Int
    /// Reserved fields and sockaddr padding must be zero (RFC 2367 2.1: "MUST be zeroed by
    /// the sender"); checked on requests, where our peer is the sender we judge.
    public var checksReserved: Bool
}

/// One extension family's codec: decodes the body after the 4-byte `sadb_ext` header
/// (`reader` ends where the extension ends) and encodes it back, byte for byte.
public protocol ExtensionBody: Hashable, Sendable {
    init(decoding reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError)
    /// The whole extension's length in bytes, header included; a multiple of 8.
    func encodedLength(dialect: Dialect) -> Int
    /// Writes everything after the `sadb_ext` header, padding included.
    func encodeBody(into writer: inout ByteWriter, dialect: Dialect)
}

extension ByteReader {
    /// Reads a reserved field of `count` bytes: zero when `context` checks reserved fields.
    
    @inline(__always)
    mutating func skipReserved(_ count: Int, _ context: ExtensionContext, field: StaticString) throws(PFKeyError) {
        if context.checksReserved && !nextBytesAreZero(count) { throw reservedNotZero(context, field: field) }
        try skip(count)
    }

    @inline(never)
    func reservedNotZero(_ context: ExtensionContext, field: StaticString) -> PFKeyError {
        PFKeyError(.extensionReservedNotZero, at: offset, source: "RFC 2367 2.1", "\(field) of \(context.type.name) is not zero")
    }
}
