/// The one error type of DraftDocument. Equality compares the code only, so tests can
/// assert the exact failure while the message stays rich.
public struct DocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// The file does not exist or cannot be opened.
        case fileNotFound
        /// The file could not be read (I/O error, not a regular file).
        case unreadable
        /// The XML is not well formed (libxml2's diagnostic is in the message).
        case malformedXML
        /// Well-formed XML whose root is not `<rfc>`.
        case notAnRFCDocument
        /// The document tried something we refuse for safety: entity expansion beyond
        /// limits, nesting too deep, external resources outside the allowed directories.
        case refusedUnsafe
        /// Input that is not a document at all (empty, binary, not UTF-8 text).
        case notADocument
        /// A construct the reader cannot map onto the model.
        case unsupportedStructure
        /// A requested section does not exist.
        case sectionNotFound
    }

    public var code: Code
    public var message: String
    public var location: SourceLocation?

    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public static func == (lhs: DocumentError, rhs: DocumentError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

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
