import DraftDocument

/// Turns a document into statements: sentences with a BCP 14 keyword, and sentences about
/// a tracked topic. The entry point of the module:
/// `StatementExtractor().analyze(document)`.
public struct StatementExtractor: Sendable {
    public var topics: TopicTable

    public init(topics: TopicTable = .standard) { self.topics = topics }

    public func analyze(_ document: Document) -> NormativeAnalysis {
        var run = ExtractionRun(document: document, topics: topics)
        run.walkDocument()
        return run.finish()
    }

    /// `analyze(document).statements`.
    public func statements(in document: Document) -> [Statement] { analyze(document).statements }
}

extension StatementExtractor {
    /// The UTF-8 bytes a paragraph is segmented in (white space folded, hyphenation at
    /// line breaks rejoined), for callers that segment text themselves.
    public static func normalizedBytes(_ text: String) -> [UInt8] {
        ExtractionRun.normalize(InlineText(plain: text)).bytes
    }
}
