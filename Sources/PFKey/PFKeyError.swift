/// The one error type of the PFKey module: what rule a message broke and where.
///
/// `code` names the failure, `offset` is the byte of the message it is about, and `rule`
/// says which rule it is with its source, e.g. "RFC 2367 2.3: duplicate extension type 5
/// at offset 40". Equality compares the code only, so tests can write
/// `#expect(throws: PFKeyError.duplicateExtension)` and still get a rich message.
public struct PFKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The failures, grouped by the validation rule of notes/pfkey.md they belong to.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        // 1. message length
        case messageTooShort, lengthMismatch
        // 2. base header
        case badVersion, reservedNotZero, unknownMessageType
        // 3. extension header framing
        case truncated, extensionTooShortForHeader, extensionOverrun, extensionTypeZero
        // 4. per-type minimum (and fixed) lengths
        case extensionTooShort, extensionLengthMismatch
        // 5., 6. duplicates, unknown types
        case duplicateExtension, unknownExtension
        // 7. addresses
        case unsupportedAddressFamily, addressLengthMismatch, prefixLengthTooLong
        // 8. address pairs and ports
        case addressPairIncomplete, addressFamilyMismatch, portNotZero, portWithoutProtocol
        // 9. keys
        case keyBitsZero, keyLengthTooShort
        // 10. security context
        case securityContextLengthMismatch
        // 11. proposal and supported algorithms
        case proposalLengthNotMultiple, combBitsInconsistent, combMinimumExceedsMaximum, supportedLengthNotMultiple
        // 12. SPI range
        case spiRangeInverted
        // 13. presence per message and direction
        case missingExtension, notARequest
        // 14. X_POLICY and its ipsecrequests
        case policyTypeInvalid, policyDirectionInvalid, ipsecRequestLengthInvalid, ipsecRequestModeZero, tunnelAddressesInvalid
        // 15. reserved fields (and address padding) zero
        case extensionReservedNotZero
        // Sensitivity bitmaps, identity, KMADDRESS and FILTER payloads, JSON input.
        case sensitivityLengthMismatch, invalidValue
    }

    public var code: Code
    /// The byte offset in the message the failure is about.
    public var offset: Int
    /// The rule with its source and the details: "RFC 2367 2.3: duplicate extension type 5 at offset 40".
    public var rule: String
    /// Where in our code it was thrown (`#fileID:#line`), for bug reports.
    public var thrownAt: String

    public init(_ code: Code, at offset: Int, source: String, _ detail: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.offset = offset
        self.rule = "\(source): \(detail) at offset \(offset)"
        self.thrownAt = "\(fileID):\(line)"
    }

    public var description: String { "\(code.rawValue): \(rule)" }

    public static func == (lhs: PFKeyError, rhs: PFKeyError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// An error value carrying only `code`, for `#expect(throws:)` and `==`.
    public static func code(_ code: Code) -> PFKeyError {
        PFKeyError(code, at: 0, source: "", "")
    }
}

extension PFKeyError {
    public static let messageTooShort = code(.messageTooShort)
    public static let lengthMismatch = code(.lengthMismatch)
    public static let badVersion = code(.badVersion)
    public static let reservedNotZero = code(.reservedNotZero)
    public static let unknownMessageType = code(.unknownMessageType)
    public static let truncated = code(.truncated)
    public static let extensionTooShortForHeader = code(.extensionTooShortForHeader)
    public static let extensionOverrun = code(.extensionOverrun)
    public static let extensionTypeZero = code(.extensionTypeZero)
    public static let extensionTooShort = code(.extensionTooShort)
    public static let extensionLengthMismatch = code(.extensionLengthMismatch)
    public static let duplicateExtension = code(.duplicateExtension)
    public static let unknownExtension = code(.unknownExtension)
    public static let unsupportedAddressFamily = code(.unsupportedAddressFamily)
    public static let addressLengthMismatch = code(.addressLengthMismatch)
    public static let prefixLengthTooLong = code(.prefixLengthTooLong)
    public static let addressPairIncomplete = code(.addressPairIncomplete)
    public static let addressFamilyMismatch = code(.addressFamilyMismatch)
    public static let portNotZero = code(.portNotZero)
    public static let portWithoutProtocol = code(.portWithoutProtocol)
    public static let keyBitsZero = code(.keyBitsZero)
    public static let keyLengthTooShort = code(.keyLengthTooShort)
    public static let securityContextLengthMismatch = code(.securityContextLengthMismatch)
    public static let proposalLengthNotMultiple = code(.proposalLengthNotMultiple)
    public static let combBitsInconsistent = code(.combBitsInconsistent)
    public static let combMinimumExceedsMaximum = code(.combMinimumExceedsMaximum)
    public static let supportedLengthNotMultiple = code(.supportedLengthNotMultiple)
    public static let spiRangeInverted = code(.spiRangeInverted)
    public static let missingExtension = code(.missingExtension)
    public static let notARequest = code(.notARequest)
    public static let policyTypeInvalid = code(.policyTypeInvalid)
    public static let policyDirectionInvalid = code(.policyDirectionInvalid)
    public static let ipsecRequestLengthInvalid = code(.ipsecRequestLengthInvalid)
    public static let ipsecRequestModeZero = code(.ipsecRequestModeZero)
    public static let tunnelAddressesInvalid = code(.tunnelAddressesInvalid)
    public static let extensionReservedNotZero = code(.extensionReservedNotZero)
    public static let sensitivityLengthMismatch = code(.sensitivityLengthMismatch)
    public static let invalidValue = code(.invalidValue)
}
