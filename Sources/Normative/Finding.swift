import DraftDocument

/// Something about a document's requirements language a reviewer should look at.
public struct NormativeFinding: Hashable, Sendable, Codable {
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        /// An uppercase keyword outside `<bcp14>` in a document that uses the tags.
        case untaggedKeyword
        /// Lowercase must/should/may in a sentence that reads as a requirement (advisory).
        case lowercaseKeyword
        /// Keywords are used but RFC 2119 (or, with the RFC 8174 boilerplate, RFC 8174) is
        /// not among the references.
        case requirementsReferenceMissing
        /// Keywords are used but there is no requirements-language boilerplate.
        case boilerplateMissing
        /// The boilerplate is the RFC 2119 form, without RFC 8174's "when, and only when,
        /// they appear in all capitals" (advisory: right for documents before 2017).
        case boilerplatePre8174
    }

    public enum Severity: String, Hashable, Sendable, Codable {
        case warning, advisory
    }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// The section key as in `StatementPosition.section`, when the finding is in one.
    public var section: String?

    public init(code: Code, severity: Severity, message: String, location: SourceLocation, section: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.section = section
    }
}

/// The requirements-language boilerplate ("The key words "MUST", ... are to be
/// interpreted as described in ...") as found in a document.
public struct RequirementsLanguage: Hashable, Sendable, Codable {
    public enum Form: String, Hashable, Sendable, Codable {
        /// BCP 14 with RFC 8174's capitals clause.
        case rfc8174
        /// The RFC 2119 form (or an older paraphrase of it).
        case rfc2119
    }

    public var form: Form
    public var text: String
    public var location: SourceLocation
    public var section: String
}
