/// The one error type of Errata. Equality compares the code only, so tests can assert the
/// exact failure while the message stays rich (the closest passage, both matches, ...).
public struct ErrataError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// The errata file or the document it is applied to does not exist.
        case fileNotFound
        /// A file exists but cannot be read (a directory, an I/O error, not UTF-8).
        case unreadable
        /// The errata file does not follow the format (README "## Errata"); `line` says where.
        case malformed
        /// The section a block is anchored to is not in the document.
        case sectionNotFound
        /// A block's OLD text is not in its section; the message shows the closest passage.
        case oldTextNotFound
        /// A block's OLD text occurs more than once in its section; the message lists each.
        case oldTextAmbiguous
        /// A block's NEW text is still empty (a skeleton): there is nothing to apply.
        case newTextMissing
        /// The OLD text crosses a structure the replacement cannot re-create (it starts in a
        /// paragraph and ends inside a list or figure, or two blocks overlap).
        case unsupportedRange
        /// The output path could not be written; the source is untouched.
        case unwritableOutput
    }

    public var code: Code
    public var message: String
    /// The file the error is about (the errata file, or the document).
    public var file: String?
    /// The 1-based line in `file`, when known.
    public var line: Int?

    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public static func == (lhs: ErrataError, rhs: ErrataError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Sentinel values for `#expect(throws: ErrataError.malformed)`.
    public static let fileNotFound = ErrataError(.fileNotFound, "")
    public static let unreadable = ErrataError(.unreadable, "")
    public static let malformed = ErrataError(.malformed, "")
    public static let sectionNotFound = ErrataError(.sectionNotFound, "")
    public static let oldTextNotFound = ErrataError(.oldTextNotFound, "")
    public static let oldTextAmbiguous = ErrataError(.oldTextAmbiguous, "")
    public static let newTextMissing = ErrataError(.newTextMissing, "")
    public static let unsupportedRange = ErrataError(.unsupportedRange, "")
    public static let unwritableOutput = ErrataError(.unwritableOutput, "")

    /// `FILE:LINE: error: message`, the form editors and CI annotate.
    public var description: String {
        switch (file, line) {
        case let (file?, line?): "\(file):\(line): error: \(message)"
        case let (file?, nil): "\(file): error: \(message)"
        default: "error: \(message)"
        }
    }
}
