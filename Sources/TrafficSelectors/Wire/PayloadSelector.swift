/// One selector as carried in a TS payload: an address range (types 7, 8) or a security
/// label (type 10).
public enum PayloadSelector: Hashable, Sendable, CustomStringConvertible {
    case addressRange(TrafficSelector)
    case securityLabel(SecurityLabel)

    public var tsType: UInt8 {
        switch self {
        case .addressRange(let s): s.tsType
        case .securityLabel: TSType.securityLabel
        }
    }

    public var addressRange: TrafficSelector? {
        if case .addressRange(let s) = self { return s }
        return nil
    }

    public var description: String {
        switch self {
        case .addressRange(let s): s.description
        case .securityLabel(let l): l.description
        }
    }
}

/// A selector of a type this codec does not know, skipped on receipt (RFC 7296 2.9: it is
/// ignored and must not appear in the narrowed set) and kept so re-encoding is exact.
public struct UnknownSelector: Hashable, Sendable {
    public let tsType: UInt8
    /// Byte offset of the selector in the decoded input.
    public let offset: Int
    /// Position among all selectors of the payload (for re-encoding in place).
    public let index: Int
    /// The whole selector, header included.
    public let bytes: [UInt8]

    public init(tsType: UInt8, offset: Int, index: Int, bytes: [UInt8]) {
        self.tsType = tsType
        self.offset = offset
        self.index = index
        self.bytes = bytes
    }
}
