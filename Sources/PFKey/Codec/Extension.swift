/// One extension of a message: a case per family (RFC 2367 2.3 and the KAME/Linux SADB_X_EXT_ additions).
public enum Extension: Sendable, Hashable {
    case sa(SAExtension)
    case lifetime(LifetimeExtension)
    case address(AddressExtension)
    case key(KeyExtension)
    case identity(IdentityExtension)
    case sensitivity(SensitivityExtension)
    case proposal(ProposalExtension)
    case supported(SupportedExtension)
    case spiRange(SPIRangeExtension)
    case kmPrivate(KMPrivateExtension)
    case policy(PolicyExtension)
    case sa2(SA2Extension)
    case natTType(NATTTypeExtension)
    case natTPort(NATTPortExtension)
    case securityContext(SecurityContextExtension)
    case kmAddress(KMAddressExtension)
    case filter(FilterExtension)
    case natTFragment(NATTFragmentExtension)
    case saReplay(SAReplayExtension)
    /// A type the dialect does not know, kept because RFC 2367 2.3 says to ignore it.
    case unknown(UnknownExtension)

    /// The extension's type; nil for `.unknown`.
    public var type: ExtensionType? {
        switch self {
        case .sa: .sa
        case .lifetime(let e): e.type
        case .address(let e): e.type
        case .key(let e): e.type
        case .identity(let e): e.type
        case .sensitivity: .sensitivity
        case .proposal: .proposal
        case .supported(let e): e.type
        case .spiRange: .spiRange
        case .kmPrivate: .kmPrivate
        case .policy: .policy
        case .sa2: .sa2
        case .natTType: .natTType
        case .natTPort(let e): e.type
        case .securityContext: .securityContext
        case .kmAddress: .kmAddress
        case .filter: .filter
        case .natTFragment: .natTFragment
        case .saReplay: .saReplay
        case .unknown: nil
        }
    }

    /// The wire number in `dialect`, or nil when the dialect has no such extension.
    public func typeNumber(in dialect: Dialect) -> UInt16? {
        if case .unknown(let u) = self { return u.typeNumber }
        return type.flatMap { dialect.number(of: $0) }
    }

    /// The name as the JSON output spells it ("ADDRESS_SRC"; "UNKNOWN_30" for unknown types).
    public var name: String {
        if case .unknown(let u) = self { return "UNKNOWN_\(u.typeNumber)" }
        return type!.name
    }

    /// The family value as its codec (the callers handle `.unknown` before asking).
    var body: any ExtensionBody {
        switch self {
        case .sa(let e): e
        case .lifetime(let e): e
        case .address(let e): e
        case .key(let e): e
        case .identity(let e): e
        case .sensitivity(let e): e
        case .proposal(let e): e
        case .supported(let e): e
        case .spiRange(let e): e
        case .kmPrivate(let e): e
        case .policy(let e): e
        case .sa2(let e): e
        case .natTType(let e): e
        case .natTPort(let e): e
        case .securityContext(let e): e
        case .kmAddress(let e): e
        case .filter(let e): e
        case .natTFragment(let e): e
        case .saReplay(let e): e
        case .unknown: KMPrivateExtension()
        }
    }

    /// The whole extension's length in bytes, header included.
    public func encodedLength(dialect: Dialect) -> Int {
        switch self {
        case .sa, .spiRange, .sa2: 16
        case .lifetime: 32
        case .address(let e): e.encodedLength(dialect: dialect)
        case .key(let e): e.encodedLength(dialect: dialect)
        case .proposal(let e): e.encodedLength(dialect: dialect)
        case .supported(let e): e.encodedLength(dialect: dialect)
        case .policy(let e): e.encodedLength(dialect: dialect)
        case .unknown(let u): align8(4 + u.body.count)
        default: body.encodedLength(dialect: dialect)
        }
    }

    /// Writes the `sadb_ext` header and the body. The caller has checked the type number.
    func encode(into writer: inout ByteWriter, typeNumber: UInt16, length: Int, dialect: Dialect) {
        let order = dialect.hostByteOrder
        writer.writeInteger(UInt16(truncatingIfNeeded: length / 8), endianness: order)
        writer.writeInteger(typeNumber, endianness: order)
        switch self {
        case .sa(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .lifetime(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .address(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .key(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .proposal(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .supported(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .policy(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .sa2(let e): e.encodeBody(into: &writer, dialect: dialect)
        case .unknown(let u):
            writer.writeBytes(u.body)
            writer.padToEightBytes()
        default: body.encodeBody(into: &writer, dialect: dialect)
        }
    }

    /// Applies the rules of the body of an extension of known `type` (`reader` ends where it ends).
    @inline(__always)
    static func validate(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) {
        switch context.type {
        case .sa, .lifetimeCurrent, .lifetimeHard, .lifetimeSoft, .saReplay: return
        case .addressSource, .addressDestination, .addressProxy, .natTOriginalAddress, .natTOriginalAddressResponder:
            try AddressExtension.validate(&reader, context: context)
        case .keyAuth, .keyEncrypt: try KeyExtension.validate(&reader, context: context)
        case .identitySource, .identityDestination: try IdentityExtension.validate(&reader, context: context)
        case .sensitivity: try SensitivityExtension.validate(&reader, context: context)
        case .proposal: try ProposalExtension.validate(&reader, context: context)
        case .supportedAuth, .supportedEncrypt: try SupportedExtension.validate(&reader, context: context)
        case .spiRange: try SPIRangeExtension.validate(&reader, context: context)
        case .kmPrivate: try KMPrivateExtension.validate(&reader, context: context)
        case .policy: try PolicyExtension.validate(&reader, context: context)
        case .sa2: try SA2Extension.validate(&reader, context: context)
        case .natTType: try NATTTypeExtension.validate(&reader, context: context)
        case .natTSourcePort, .natTDestinationPort: try NATTPortExtension.validate(&reader, context: context)
        case .securityContext: try SecurityContextExtension.validate(&reader, context: context)
        case .kmAddress: try KMAddressExtension.validate(&reader, context: context)
        case .filter: try FilterExtension.validate(&reader, context: context)
        case .natTFragment: try NATTFragmentExtension.validate(&reader, context: context)
        }
    }

    /// Reads the body of a validated extension of known `type`.
    static func read(_ reader: inout ByteReader, context: ExtensionContext) throws(PFKeyError) -> Extension {
        switch context.type {
        case .sa: .sa(try SAExtension(validated: &reader, context: context))
        case .lifetimeCurrent, .lifetimeHard, .lifetimeSoft: .lifetime(try LifetimeExtension(validated: &reader, context: context))
        case .addressSource, .addressDestination, .addressProxy, .natTOriginalAddress, .natTOriginalAddressResponder:
            .address(try AddressExtension(validated: &reader, context: context))
        case .keyAuth, .keyEncrypt: .key(try KeyExtension(validated: &reader, context: context))
        case .identitySource, .identityDestination: .identity(try IdentityExtension(validated: &reader, context: context))
        case .sensitivity: .sensitivity(try SensitivityExtension(validated: &reader, context: context))
        case .proposal: .proposal(try ProposalExtension(validated: &reader, context: context))
        case .supportedAuth, .supportedEncrypt: .supported(try SupportedExtension(validated: &reader, context: context))
        case .spiRange: .spiRange(try SPIRangeExtension(validated: &reader, context: context))
        case .kmPrivate: .kmPrivate(try KMPrivateExtension(validated: &reader, context: context))
        case .policy: .policy(try PolicyExtension(validated: &reader, context: context))
        case .sa2: .sa2(try SA2Extension(validated: &reader, context: context))
        case .natTType: .natTType(try NATTTypeExtension(validated: &reader, context: context))
        case .natTSourcePort, .natTDestinationPort: .natTPort(try NATTPortExtension(validated: &reader, context: context))
        case .securityContext: .securityContext(try SecurityContextExtension(validated: &reader, context: context))
        case .kmAddress: .kmAddress(try KMAddressExtension(validated: &reader, context: context))
        case .filter: .filter(try FilterExtension(validated: &reader, context: context))
        case .natTFragment: .natTFragment(try NATTFragmentExtension(validated: &reader, context: context))
        case .saReplay: .saReplay(try SAReplayExtension(validated: &reader, context: context))
        }
    }
}
