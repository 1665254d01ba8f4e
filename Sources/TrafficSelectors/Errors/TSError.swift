import Diagnostics

/// The one error type of TrafficSelectors. Equality compares the code only (`Diagnostic`),
/// so tests can assert the exact failure while the message stays rich (byte offset and the
/// rule broken).
public struct TSError: Diagnostic {
    /// The failures; declared below.
    public typealias Code = DiagnosticCode<TSError>

    public var code: Code
    public var message: String
    /// Byte offset in the decoded input, when the error comes from the wire.
    public var offset: Int?
    /// The rule broken, e.g. "RFC 7296 3.13.1".
    public var rule: String?

    public init(_ code: Code, _ message: String, offset: Int? = nil, rule: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.rule = rule
    }

    public var diagnosticLocation: DiagnosticLocation? { offset.map(DiagnosticLocation.byteOffset) }
    public var ruleBroken: String? { rule }
    /// Every Traffic Selector error is invalid input: a payload, range or value that breaks a rule.
    public var category: DiagnosticCategory { .invalidInput }

    /// Sentinel values for `#expect(throws: TSError.truncated)`.
    public static let truncated = TSError(.truncated, "")
    public static let payloadLengthInvalid = TSError(.payloadLengthInvalid, "")
    public static let trailingBytes = TSError(.trailingBytes, "")
    public static let noSelectors = TSError(.noSelectors, "")
    public static let selectorCountMismatch = TSError(.selectorCountMismatch, "")
    public static let selectorLengthInvalid = TSError(.selectorLengthInvalid, "")
    public static let selectorOverrun = TSError(.selectorOverrun, "")
    public static let startAfterEnd = TSError(.startAfterEnd, "")
    public static let notEncodable = TSError(.notEncodable, "")
    public static let familyMismatch = TSError(.familyMismatch, "")
    public static let invalidValue = TSError(.invalidValue, "")
    public static let invalidHex = TSError(.invalidHex, "")
    public static let tooManyFragments = TSError(.tooManyFragments, "")

    /// `offset N: message (rule)`.
    public var description: String {
        var text = ""
        if let offset { text += "offset \(offset): " }
        text += message
        if let rule { text += " (\(rule))" }
        return text
    }
}

extension DiagnosticCode where Domain == TSError {
    /// The input ends before a field it announces (header, payload length, selector).
    public static var truncated: Self { Self("truncated") }
    /// Payload Length smaller than the 8-byte TS payload header.
    public static var payloadLengthInvalid: Self { Self("payloadLengthInvalid") }
    /// Bytes after the end given by Payload Length.
    public static var trailingBytes: Self { Self("trailingBytes") }
    /// Number of TSs is zero: RFC 7296 3.13 asks for one or more.
    public static var noSelectors: Self { Self("noSelectors") }
    /// Number of TSs does not match the selectors the payload holds.
    public static var selectorCountMismatch: Self { Self("selectorCountMismatch") }
    /// Selector Length wrong for its type (16 for IPv4, 40 for IPv6, >= 5 for TS_SECLABEL).
    public static var selectorLengthInvalid: Self { Self("selectorLengthInvalid") }
    /// Selector Length runs past the end of the payload.
    public static var selectorOverrun: Self { Self("selectorOverrun") }
    /// Start port/address after end port/address (other than OPAQUE ports 65535-0).
    public static var startAfterEnd: Self { Self("startAfterEnd") }
    /// A value that cannot be written in a type 7/8 selector (a protocol or port set
    /// produced by set algebra, such as "every protocol but TCP").
    public static var notEncodable: Self { Self("notEncodable") }
    /// The two sides of a selector set (or a range) are of different address families.
    public static var familyMismatch: Self { Self("familyMismatch") }
    /// A textual address, range, port or protocol that does not parse.
    public static var invalidValue: Self { Self("invalidValue") }
    /// Hex text of a payload that is not hex: a character that is not a digit, or an odd
    /// number of digits (the message gives the character's offset in the text).
    public static var invalidHex: Self { Self("invalidHex") }
    /// An SPD whose decorrelation would cut one entry into more fragments than
    /// `Decorrelation.maximumPieces`, or make more than `Decorrelation.maximumFragments`.
    public static var tooManyFragments: Self { Self("tooManyFragments") }

    /// Every code, for tests that go through all of them.
    public static var allCodes: [Self] {
        [
            .truncated, .payloadLengthInvalid, .trailingBytes, .noSelectors, .selectorCountMismatch,
            .selectorLengthInvalid, .selectorOverrun, .startAfterEnd, .notEncodable, .familyMismatch,
            .invalidValue, .invalidHex, .tooManyFragments,
        ]
    }
}
