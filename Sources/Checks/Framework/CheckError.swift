import Diagnostics

/// The one error type of Checks: a check could not set up what it drives (a fixture
/// missing, a value the reference code refused while building inputs). Equality by code
/// (`Diagnostic`).
public struct CheckError: Diagnostic {
    /// The failures; declared below.
    public typealias Code = DiagnosticCode<CheckError>

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// An unknown check id is a bad command line; anything else is a bug on our side.
    public var category: DiagnosticCategory { code == .unknownCheck ? .invalidUsage : .internalError }

    public static let unknownCheck = CheckError(.unknownCheck, "")
    public static let setupFailed = CheckError(.setupFailed, "")
    public static let captureMissing = CheckError(.captureMissing, "")
}

extension DiagnosticCode where Domain == CheckError {
    /// A check id given on the command line or in a filter is not in the catalog.
    public static var unknownCheck: Self { Self("unknownCheck") }
    /// Building the check's inputs failed (the reference code rejected a value the
    /// check meant to be valid): the check errors, it does not fail.
    public static var setupFailed: Self { Self("setupFailed") }
    /// A kernel capture the check compares with is not present.
    public static var captureMissing: Self { Self("captureMissing") }
}
