public struct StatementFilter: Hashable, Sendable {
    /// Only statements about this topic; nil for every statement.
    public var topic: Topic?
    /// Only statements with a keyword of this strength; nil for every statement (topical
    /// ones without a keyword included).
    public var strength: BCP14Keyword.Strength?

    public init(topic: Topic? = nil, strength: BCP14Keyword.Strength? = nil) {
        self.topic = topic
        self.strength = strength
    }

    public func includes(_ statement: Statement) -> Bool {
        if let topic, !statement.topics.contains(topic) { return false }
        if let strength, !statement.levels.contains(where: { $0.strength == strength }) { return false }
        return true
    }

    public func apply(_ statements: [Statement]) -> [Statement] {
        // No filter: the array itself, not a copy of every statement.
        if topic == nil && strength == nil { return statements }
        return statements.filter(includes)
    }
}
