/// What an extension family's decoder knows besides its bytes.
package struct ExtensionContext: Sendable {
    package var type: ExtensionType
    package var dialect: Dialect
    /// Absolute offset of the extension's `sadb_ext` header in the message.
    package var offset: Int
    /// Reserved fields and sockaddr padding must be zero (RFC 2367 2.1: "MUST be zeroed by
    /// the sender"); checked on requests, where our peer is the sender we judge.
    package var checksReserved: Bool
}

/// One extension family's codec over the body after the 4-byte `sadb_ext` header
/// (`reader` ends where the extension ends). Decoding is two steps so the rules live in one
/// place: `validate` applies the family's rules and stores nothing (`MessageView`'s
/// allocation-free pass), `init(validated:)` reads a body `validate` accepted. Encoding
/// writes it back, byte for byte.
package protocol ExtensionBody: Hashable, Sendable {
    /// Throws the first rule the body breaks, with its code and offset.
    static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError)
    /// Reads a validated body. Reads are still bound-checked: over other bytes this throws
    /// `truncated` or reads values no rule vetted, it never traps.
    init(validated reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError)
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
