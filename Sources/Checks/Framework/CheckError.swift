/// The one error type of Checks: a check could not set up what it drives (a fixture
/// missing, a value the reference code refused while building inputs). Equality by code.
public struct CheckError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// A check id given on the command line or in a filter is not in the catalog.
        case unknownCheck
        /// Building the check's inputs failed (the reference code rejected a value the
        /// check meant to be valid): the check errors, it does not fail.
        case setupFailed
        /// A kernel capture the check compares with is not present.
        case captureMissing
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func == (lhs: CheckError, rhs: CheckError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public static let unknownCheck = CheckError(.unknownCheck, "")
    public static let setupFailed = CheckError(.setupFailed, "")
    public static let captureMissing = CheckError(.captureMissing, "")

    public var description: String { "\(code.rawValue): \(message)" }
}
