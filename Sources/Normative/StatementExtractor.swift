import DraftDocument

/// Turns a document into statements: sentences with a BCP 14 keyword, and sentences about
/// a tracked topic. The entry point of the module:
/// `StatementExtractor().analyze(document)`.
public struct StatementExtractor: Sendable {
    public var topics: TopicTable
    public var lowercaseKeywords: LowercaseKeywords
    /// How a large document's sections are shared among the cores (tests set one part, or many).
    var sectionParts = SectionParts.Policy.machine

    /// When lowercase must/should/may that read as requirements are reported.
    public enum LowercaseKeywords: String, Hashable, Sendable, CaseIterable {
        /// Only in documents that cite RFC 8174 (its boilerplate or a reference): RFC 8174
        /// made only the capitals normative, so there a lowercase "must" is a finding. In
        /// older documents it is ordinary English, and the finding noise.
        case auto
        case always
        case never
    }

    public init(topics: TopicTable = .standard, lowercaseKeywords: LowercaseKeywords = .auto) {
        self.topics = topics
        self.lowercaseKeywords = lowercaseKeywords
    }

    public func analyze(_ document: Document) -> NormativeAnalysis {
        var run = ExtractionRun(document: document, topics: topics)
        run.walkDocument(sectionParts)
        run.dropMentionsOutOfContext()
        var analysis = run.finish()
        if !reportsLowercase(analysis, document) {
            analysis.findings.removeAll { $0.code == .lowercaseKeyword }
        }
        return analysis
    }

    private func reportsLowercase(_ analysis: NormativeAnalysis, _ document: Document) -> Bool {
        switch lowercaseKeywords {
        case .always: true
        case .never: false
        case .auto:
            analysis.requirementsLanguage?.form == .rfc8174
                || ExtractionRun.references(document).contains { ExtractionRun.names($0, rfc: 8174) }
        }
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
