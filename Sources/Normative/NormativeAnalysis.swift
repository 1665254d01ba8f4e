import DraftDocument

/// Everything the Normative module finds in one document.
public struct NormativeAnalysis: Hashable, Sendable {
    public var metadata: Metadata
    /// In document order.
    public var statements: [Statement]
    /// Uppercase BCP 14 keyword occurrences outside the boilerplate (quoted ones included),
    /// in every text the document shows: titles, prose, lists, tables and figures; not in
    /// reference entries.
    public var keywordCount: Int
    public var keywordCounts: [BCP14Keyword: Int]
    /// The document marks keywords with `<bcp14>`: then the tags decide.
    public var usesBCP14Tags: Bool
    public var requirementsLanguage: RequirementsLanguage?
    public var findings: [NormativeFinding]

    /// Statements with this topic.
    public func statements(about topic: Topic) -> [Statement] { statements.filter { $0.topics.contains(topic) } }

    /// The statement with this id.
    public func statement(id: String) -> Statement? { statements.first { $0.id == id } }
}
