import Diagnostics

/// The one error type of DraftDocument. Equality compares the code only (`Diagnostic`), so
/// tests can assert the exact failure while the message stays rich.
public struct DocumentError: Diagnostic {
    /// The failures; declared below.
    public typealias Code = DiagnosticCode<DocumentError>

    public var code: Code
    public var message: String
    public var location: SourceLocation?

    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var diagnosticLocation: DiagnosticLocation? {
        location.map { .fileLineColumn(file: $0.file, line: $0.line, column: $0.column) }
    }
    /// A file that is missing or cannot be read is missing input; anything else is invalid input.
    public var category: DiagnosticCategory {
        code == .fileNotFound || code == .unreadable ? .missingInput : .invalidInput
    }
    /// The description already says "error:".
    public var reportLine: String { description }

    /// Sentinel values for `#expect(throws: DocumentError.malformedXML)`.
    public static let fileNotFound = DocumentError(.fileNotFound, "")
    public static let unreadable = DocumentError(.unreadable, "")
    public static let malformedXML = DocumentError(.malformedXML, "")
    public static let notAnRFCDocument = DocumentError(.notAnRFCDocument, "")
    public static let refusedUnsafe = DocumentError(.refusedUnsafe, "")
    public static let notADocument = DocumentError(.notADocument, "")
    public static let unsupportedStructure = DocumentError(.unsupportedStructure, "")
    public static let sectionNotFound = DocumentError(.sectionNotFound, "")

    /// `FILE:LINE:COL: error: message` when the location is known.
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

extension DiagnosticCode where Domain == DocumentError {
    /// The file does not exist or cannot be opened.
    public static var fileNotFound: Self { Self("fileNotFound") }
    /// The file could not be read (I/O error, not a regular file).
    public static var unreadable: Self { Self("unreadable") }
    /// The XML is not well formed (libxml2's diagnostic is in the message).
    public static var malformedXML: Self { Self("malformedXML") }
    /// Well-formed XML whose root is not `<rfc>`.
    public static var notAnRFCDocument: Self { Self("notAnRFCDocument") }
    /// The document tried something we refuse for safety: entity expansion beyond
    /// limits, nesting too deep, external resources outside the allowed directories.
    public static var refusedUnsafe: Self { Self("refusedUnsafe") }
    /// Input that is not a document at all (empty, binary, not UTF-8 text).
    public static var notADocument: Self { Self("notADocument") }
    /// A construct the reader cannot map onto the model.
    public static var unsupportedStructure: Self { Self("unsupportedStructure") }
    /// A requested section does not exist.
    public static var sectionNotFound: Self { Self("sectionNotFound") }
}

/// Something the reader noticed and worked around (an unresolvable network reference, a
/// v2 construct it mapped approximately). Parsing goes on.
public struct DocumentWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): warning: \(message)" }
        return "warning: \(message)"
    }
}
