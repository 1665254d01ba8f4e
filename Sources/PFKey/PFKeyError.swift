import Diagnostics

/// The one error type of the PFKey module: what rule a message broke and where.
///
/// `code` names the failure, `offset` is the byte of the message it is about, and `rule`
/// says which rule it is with its source, e.g. "RFC 2367 2.3: duplicate extension type 5
/// at offset 40". Equality compares the code only (`Diagnostic`), so tests can write
/// `#expect(throws: PFKeyError.duplicateExtension)` and still get a rich message.
public struct PFKeyError: Diagnostic {
    /// The failures, grouped by the validation rule they belong to (RFC 2367 2.1-2.3 and
    /// the Linux and KAME extensions); declared below.
    public typealias Code = DiagnosticCode<PFKeyError>

    public var code: Code
    /// The byte offset the failure is about: in the message, or in the stream when the
    /// message is one of several (`messageOffset`).
    public var offset: Int
    /// Where the message starts in a stream of messages (0 for a message on its own).
    public var messageOffset: Int = 0
    /// Where in our code it was thrown (`#fileID:#line`), for bug reports.
    public var thrownAt: String
    /// The rule's source alone: "RFC 2367 2.3".
    public var source: String
    /// What broke the rule: "duplicate extension type 5".
    public var detail: String

    public init(_ code: Code, at offset: Int, source: String, _ detail: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.offset = offset
        self.source = source
        self.detail = detail
        self.thrownAt = "\(fileID):\(line)"
    }

    /// The rule with its source, the details and the place: "RFC 2367 2.3: duplicate
    /// extension type 5 at offset 40", or inside a stream "... at offset 72 (offset 40 in
    /// the message at 32)".
    public var rule: String {
        guard messageOffset != 0 else { return "\(source): \(detail) at offset \(offset)" }
        return "\(source): \(detail) at offset \(offset) (offset \(offset - messageOffset) in the message at \(messageOffset))"
    }

    public var description: String { "\(code.rawValue): \(rule)" }

    public var diagnosticLocation: DiagnosticLocation? { .byteOffset(offset) }
    public var ruleBroken: String? { source.isEmpty ? nil : source }
    /// The rule with its details, as `rule` holds it.
    public var message: String { rule }
    /// Every PF_KEY error is invalid input: a malformed message or JSON.
    public var category: DiagnosticCategory { .invalidInput }
    public var reportLine: String { "error: invalid PF_KEY message: \(code.rawValue): \(rule)" }

    /// An error value carrying only `code`, for `#expect(throws:)` and `==`.
    public static func code(_ code: Code) -> PFKeyError {
        PFKeyError(code, at: 0, source: "", "")
    }
}

/// The codes, grouped by the validation rule of RFC 2367 (and the dialects) they belong to.
extension DiagnosticCode where Domain == PFKeyError {
    // 1. message length
    public static var messageTooShort: Self { Self("messageTooShort") }
    public static var lengthMismatch: Self { Self("lengthMismatch") }
    // 2. base header
    public static var badVersion: Self { Self("badVersion") }
    public static var reservedNotZero: Self { Self("reservedNotZero") }
    public static var unknownMessageType: Self { Self("unknownMessageType") }
    // 3. extension header framing
    public static var truncated: Self { Self("truncated") }
    public static var extensionTooShortForHeader: Self { Self("extensionTooShortForHeader") }
    public static var extensionOverrun: Self { Self("extensionOverrun") }
    public static var extensionTypeZero: Self { Self("extensionTypeZero") }
    // 4. per-type minimum (and fixed) lengths
    public static var extensionTooShort: Self { Self("extensionTooShort") }
    public static var extensionLengthMismatch: Self { Self("extensionLengthMismatch") }
    // 5., 6. duplicates, unknown types
    public static var duplicateExtension: Self { Self("duplicateExtension") }
    public static var unknownExtension: Self { Self("unknownExtension") }
    // 7. addresses
    public static var unsupportedAddressFamily: Self { Self("unsupportedAddressFamily") }
    public static var addressLengthMismatch: Self { Self("addressLengthMismatch") }
    public static var prefixLengthTooLong: Self { Self("prefixLengthTooLong") }
    // 8. address pairs and ports
    public static var addressPairIncomplete: Self { Self("addressPairIncomplete") }
    public static var addressFamilyMismatch: Self { Self("addressFamilyMismatch") }
    public static var portNotZero: Self { Self("portNotZero") }
    public static var portWithoutProtocol: Self { Self("portWithoutProtocol") }
    // 9. keys
    public static var keyBitsZero: Self { Self("keyBitsZero") }
    public static var keyLengthTooShort: Self { Self("keyLengthTooShort") }
    // 10. security context
    public static var securityContextLengthMismatch: Self { Self("securityContextLengthMismatch") }
    // 11. proposal and supported algorithms
    public static var proposalLengthNotMultiple: Self { Self("proposalLengthNotMultiple") }
    public static var combBitsInconsistent: Self { Self("combBitsInconsistent") }
    public static var combMinimumExceedsMaximum: Self { Self("combMinimumExceedsMaximum") }
    public static var supportedLengthNotMultiple: Self { Self("supportedLengthNotMultiple") }
    // 12. SPI range
    public static var spiRangeInverted: Self { Self("spiRangeInverted") }
    // 13. presence per message and direction
    public static var missingExtension: Self { Self("missingExtension") }
    public static var notARequest: Self { Self("notARequest") }
    // 14. X_POLICY and its ipsecrequests
    public static var policyTypeInvalid: Self { Self("policyTypeInvalid") }
    public static var policyDirectionInvalid: Self { Self("policyDirectionInvalid") }
    public static var ipsecRequestLengthInvalid: Self { Self("ipsecRequestLengthInvalid") }
    public static var ipsecRequestModeZero: Self { Self("ipsecRequestModeZero") }
    public static var tunnelAddressesInvalid: Self { Self("tunnelAddressesInvalid") }
    // 15. reserved fields (and address padding) zero
    public static var extensionReservedNotZero: Self { Self("extensionReservedNotZero") }
    // Sensitivity bitmaps, identity, KMADDRESS and FILTER payloads, JSON input.
    public static var sensitivityLengthMismatch: Self { Self("sensitivityLengthMismatch") }
    public static var invalidValue: Self { Self("invalidValue") }

    /// Every code, for tests that go through all of them.
    public static var allCodes: [Self] {
        [
            .messageTooShort, .lengthMismatch, .badVersion, .reservedNotZero, .unknownMessageType,
            .truncated, .extensionTooShortForHeader, .extensionOverrun, .extensionTypeZero,
            .extensionTooShort, .extensionLengthMismatch, .duplicateExtension, .unknownExtension,
            .unsupportedAddressFamily, .addressLengthMismatch, .prefixLengthTooLong,
            .addressPairIncomplete, .addressFamilyMismatch, .portNotZero, .portWithoutProtocol,
            .keyBitsZero, .keyLengthTooShort, .securityContextLengthMismatch,
            .proposalLengthNotMultiple, .combBitsInconsistent, .combMinimumExceedsMaximum,
            .supportedLengthNotMultiple, .spiRangeInverted, .missingExtension, .notARequest,
            .policyTypeInvalid, .policyDirectionInvalid, .ipsecRequestLengthInvalid,
            .ipsecRequestModeZero, .tunnelAddressesInvalid, .extensionReservedNotZero,
            .sensitivityLengthMismatch, .invalidValue
        ]
    }
}

/// Sentinel values for `#expect(throws: PFKeyError.duplicateExtension)`.
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
