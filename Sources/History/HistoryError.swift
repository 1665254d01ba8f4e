import Diagnostics

/// The one error type of History. Equality compares the code only (`Diagnostic`).
public struct HistoryError: Diagnostic {
    public typealias Code = DiagnosticCode<HistoryError>

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Every failure here is about the documents given together, not one file's content:
    /// the reader is asked to give them differently (exit 64).
    public var category: DiagnosticCategory { .invalidUsage }

    public var description: String { message }

    public static let noRevisions = HistoryError(.noRevisions, "")
    public static let cannotOrder = HistoryError(.cannotOrder, "")
    public static let sameRevisionTwice = HistoryError(.sameRevisionTwice, "")
}

extension DiagnosticCode where Domain == HistoryError {
    /// No document was given.
    public static var noRevisions: Self { Self("noRevisions") }
    /// Two documents cannot be put in order: different series and a date missing, or a
    /// date that disagrees with a revision or RFC number. `--in-order` takes them as given.
    public static var cannotOrder: Self { Self("cannotOrder") }
    /// The same revision given twice (draft-...-08.txt and draft-...-08.xml).
    public static var sameRevisionTwice: Self { Self("sameRevisionTwice") }
}
