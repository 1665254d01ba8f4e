import Diagnostics

/// The one error type of Scenarios: a scenario file that cannot be read, or a claim whose
/// quote no document of its series carries. Every error names the file, line and column
/// and the field at fault; the command line prints `FILE:LINE:COL: error: ...` and exits
/// 65 (a missing `--checks` directory: 66).
public struct ScenarioError: Diagnostic {
    public typealias Code = DiagnosticCode<ScenarioError>

    public var code: Code
    public var message: String
    /// `FILE:LINE:COL` (or the file alone when the YAML could not be parsed at all).
    public var location: DiagnosticLocation?
    /// The field at fault, as a path from the file's top: `steps[2].pfkey.expect.rejected.code`.
    public var field: String?

    public init(_ code: Code, _ message: String, at location: DiagnosticLocation? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.field = field
    }

    public var diagnosticLocation: DiagnosticLocation? { location }
    public var category: DiagnosticCategory { code == .directoryMissing ? .missingInput : .invalidInput }

    public var description: String {
        "\(code.rawValue): \(field.map { "\($0): " } ?? "")\(message)"
    }

    public var reportLine: String {
        guard let location else { return "error: \(description)" }
        return "\(location): error: \(description)"
    }

    public static let syntax = ScenarioError(.syntax, "")
    public static let wrongType = ScenarioError(.wrongType, "")
    public static let missingField = ScenarioError(.missingField, "")
    public static let unknownField = ScenarioError(.unknownField, "")
    public static let invalidValue = ScenarioError(.invalidValue, "")
    public static let unknownStepKind = ScenarioError(.unknownStepKind, "")
    public static let missingExpectation = ScenarioError(.missingExpectation, "")
    public static let duplicateID = ScenarioError(.duplicateID, "")
    public static let quoteNotFound = ScenarioError(.quoteNotFound, "")
    public static let quoteAmbiguous = ScenarioError(.quoteAmbiguous, "")
    public static let directoryMissing = ScenarioError(.directoryMissing, "")
}

extension DiagnosticCode where Domain == ScenarioError {
    /// Not YAML at all (libyaml's own message and position).
    public static var syntax: Self { Self("syntax") }
    /// A field holds a mapping where a list was due, a list where a string was, ...
    public static var wrongType: Self { Self("wrongType") }
    /// A required field is absent.
    public static var missingField: Self { Self("missingField") }
    /// A field the format does not know (a typo must not pass silently).
    public static var unknownField: Self { Self("unknownField") }
    /// A field of the right type whose value is refused (an unknown dialect, bad hex, an
    /// address that does not parse, a message the codec cannot build).
    public static var invalidValue: Self { Self("invalidValue") }
    /// A step whose kind is none of pfkey, kernel, capture, spd, ts-narrow, ts-decode.
    public static var unknownStepKind: Self { Self("unknownStepKind") }
    /// A step (or a kernel request or packet) without `expect`, or an `expect` that asks nothing.
    public static var missingExpectation: Self { Self("missingExpectation") }
    /// Two checks (scenario or Swift) with one id.
    public static var duplicateID: Self { Self("duplicateID") }
    /// A claim's quote is in no document of its series among those read.
    public static var quoteNotFound: Self { Self("quoteNotFound") }
    /// An exemption's quote is found, but in no statement or across several: an
    /// exemption names exactly one statement.
    public static var quoteAmbiguous: Self { Self("quoteAmbiguous") }
    /// A `--checks` directory that does not exist.
    public static var directoryMissing: Self { Self("directoryMissing") }
}
