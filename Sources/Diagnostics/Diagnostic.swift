/// The shape every module's one error type shares (PFKeyError, TSError, BridgeError,
/// CheckError, DocumentError, ErrataError), so the command line (messages, exit codes) and
/// the check framework (the code a rejection is judged by) read any of them the same way.
///
/// Equality and hashing compare the code only (a default below), so tests can assert the
/// exact failure (`#expect(throws: PFKeyError.duplicateExtension)`) while messages stay rich.
public protocol Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed; the module declares its codes as static members of `DiagnosticCode<Self>`.
    var code: DiagnosticCode<Self> { get }
    /// Where in the input the failure is, when known.
    var diagnosticLocation: DiagnosticLocation? { get }
    /// The rule the input broke, with its source ("RFC 7296 3.13.1"), when there is one.
    var ruleBroken: String? { get }
    /// The human explanation, without the code.
    var message: String { get }
    /// What kind of failure it is; the command line turns it into an exit code.
    var category: DiagnosticCategory { get }
    /// The one line a tool prints for it (on standard error). Default: `error: DESCRIPTION`;
    /// `description` defaults to `code: message`, location and rule to none.
    var reportLine: String { get }
}

extension Diagnostic {
    /// The code's name, e.g. "duplicateExtension" (usable on `any Diagnostic`).
    public var codeName: String { code.rawValue }

    public var reportLine: String { "error: \(description)" }
    /// `code: message`, for errors that carry nothing else.
    public var description: String { "\(code.rawValue): \(message)" }
    /// None, for errors that are not about a place in the input.
    public var diagnosticLocation: DiagnosticLocation? { nil }
    /// None, for errors that do not break a rule of a specification.
    public var ruleBroken: String? { nil }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// A failure's name within one module's error type (`Domain`). A struct with static members
/// rather than an enum (as swift-asn1's `ASN1Error.ErrorCode`), so adding a code does not
/// break a client's exhaustive `switch`. Encoded as its name.
public struct DiagnosticCode<Domain>: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// Where a failure is: a byte of a binary message, or a place in a text file.
public enum DiagnosticLocation: Hashable, Sendable, CustomStringConvertible {
    case byteOffset(Int)
    case file(String)
    case fileLine(file: String, line: Int)
    case fileLineColumn(file: String, line: Int, column: Int)

    /// `offset N`, `FILE`, `FILE:LINE` or `FILE:LINE:COL` (the form compilers use).
    public var description: String {
        switch self {
        case .byteOffset(let offset): "offset \(offset)"
        case .file(let file): file
        case .fileLine(let file, let line): "\(file):\(line)"
        case .fileLineColumn(let file, let line, let column): "\(file):\(line):\(column)"
        }
    }
}

/// The kinds of failure the command line distinguishes; README "Exit codes" maps each to
/// its sysexits.h value.
public enum DiagnosticCategory: Hashable, Sendable, CaseIterable {
    /// A bad command line that got past argument parsing (an unknown check id): 64.
    case invalidUsage
    /// Malformed input (a document, message, payload, errata file): 65.
    case invalidInput
    /// An input file that is missing or cannot be read: 66.
    case missingInput
    /// Our own bug (the reference code disagrees with a check's setup): 70.
    case internalError
    /// An output that could not be written: 73.
    case cannotWrite
    /// An output that failed while being written (standard output on a full disk): 74.
    case ioError
    /// A service needed is unavailable (a document's server timed out, refused, broke off): 69.
    case unavailable
}
