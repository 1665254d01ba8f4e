import Diagnostics

/// The one error type of Errata. Equality compares the code only (`Diagnostic`), so tests
/// can assert the exact failure while the message stays rich (the closest passage, both
/// matches, ...).
public struct ErrataError: Diagnostic {
    /// The failures; declared below.
    public typealias Code = DiagnosticCode<ErrataError>

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

    public var diagnosticLocation: DiagnosticLocation? {
        switch (file, line) {
        case let (file?, line?): .fileLine(file: file, line: line)
        case let (file?, nil): .file(file)
        default: nil
        }
    }
    /// Missing files are missing input, an unwritable output cannot be written, anything
    /// else is an errata file or document that does not fit (invalid input).
    public var category: DiagnosticCategory {
        switch code {
        case .fileNotFound, .unreadable: .missingInput
        case .unwritableOutput: .cannotWrite
        default: .invalidInput
        }
    }
    /// The description already says "error:".
    public var reportLine: String { description }

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
        if let diagnosticLocation { return "\(diagnosticLocation): error: \(message)" }
        return "error: \(message)"
    }
}

extension DiagnosticCode where Domain == ErrataError {
    /// The errata file or the document it is applied to does not exist.
    public static var fileNotFound: Self { Self("fileNotFound") }
    /// A file exists but cannot be read (a directory, an I/O error, not UTF-8).
    public static var unreadable: Self { Self("unreadable") }
    /// The errata file does not follow the format (README "## Errata"); `line` says where.
    public static var malformed: Self { Self("malformed") }
    /// The section a block is anchored to is not in the document.
    public static var sectionNotFound: Self { Self("sectionNotFound") }
    /// A block's OLD text is not in its section; the message shows the closest passage.
    public static var oldTextNotFound: Self { Self("oldTextNotFound") }
    /// A block's OLD text occurs more than once in its section; the message lists each.
    public static var oldTextAmbiguous: Self { Self("oldTextAmbiguous") }
    /// A block's NEW text is still empty (a skeleton): there is nothing to apply.
    public static var newTextMissing: Self { Self("newTextMissing") }
    /// The OLD text crosses a structure the replacement cannot re-create (it starts in a
    /// paragraph and ends inside a list or figure, or two blocks overlap).
    public static var unsupportedRange: Self { Self("unsupportedRange") }
    /// The output path could not be written; the source is untouched.
    public static var unwritableOutput: Self { Self("unwritableOutput") }
}
