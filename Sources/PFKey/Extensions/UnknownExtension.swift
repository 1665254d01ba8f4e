/// An extension type the dialect does not know, kept as bytes (RFC 2367 2.3: "If an
/// unknown extension type is encountered, it MUST be ignored") so encoding gives it back.
public struct UnknownExtension: Sendable, Hashable {
    public var typeNumber: UInt16
    /// Everything after the 4-byte header.
    public var body: [UInt8]

    public init(typeNumber: UInt16, body: [UInt8]) {
        self.typeNumber = typeNumber
        self.body = body
    }
}
