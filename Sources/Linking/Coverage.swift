/// Statement counts by status for one slice of a document (a topic, a level, a section).
public struct CoverageRow: Hashable, Sendable, Codable {
    public var key: String
    public var counts: [StatementStatus: Int]
    /// Linked statements whose status rests only on claims inherited from other
    /// documents (counted in `counts` too).
    public var inherited: Int

    public init(key: String, counts: [StatementStatus: Int] = [:], inherited: Int = 0) {
        self.key = key
        self.counts = counts
        self.inherited = inherited
    }

    public var total: Int { counts.values.reduce(0, +) }
    /// Statements with at least one claim found (every status but exempt and unlinked).
    public var linked: Int { total - (counts[.unlinked] ?? 0) - (counts[.exempt] ?? 0) }
    /// Statements an exemption names and no claim links to.
    public var exempt: Int { counts[.exempt] ?? 0 }
    public func count(_ status: StatementStatus) -> Int { counts[status] ?? 0 }
    /// linked / total, 0 when there are no statements.
    public var ratio: Double { total == 0 ? 0 : Double(linked) / Double(total) }

    mutating func add(_ s: LinkedStatement) {
        add(s.status, inherited: s.isInherited)
    }

    mutating func add(_ status: StatementStatus, inherited isInherited: Bool) {
        counts[status, default: 0] += 1
        if isInherited { inherited += 1 }
    }
}

/// Coverage of a set of statements per topic, per BCP 14 level and per section.
public struct Coverage: Hashable, Sendable, Codable {
    public var total: CoverageRow
    public var byTopic: [CoverageRow]
    public var byLevel: [CoverageRow]
    public var bySection: [CoverageRow]
    /// The statements with a BCP 14 keyword (each once, whatever its levels), and those
    /// without: the two kinds the coverage targets count apart.
    public var bcp14: CoverageRow
    public var topical: CoverageRow

    /// Level key for a statement without a keyword.
    public static let topicalLevel = "(topical)"

    public init(statements: [LinkedStatement]) {
        var total = CoverageRow(key: "all")
        var bcp14 = CoverageRow(key: "BCP 14"), topical = CoverageRow(key: "topical")
        var topics: [String: CoverageRow] = [:], levels: [String: CoverageRow] = [:]
        var sections: [String: CoverageRow] = [:], sectionOrder: [String] = []
        // Read in place, field by field through a pointer (an iterated array, and a
        // buffer's subscript passed on, copy each statement: a retain and a release of each
        // of its references), and a section's statements counted together: they come in
        // document order.
        var run: (section: String, row: CoverageRow)?
        func endRun() {
            guard let (section, row) = run else { return }
            if let counted = sections[section] {
                var merged = counted
                for (status, n) in row.counts { merged.counts[status, default: 0] += n }
                merged.inherited += row.inherited
                sections[section] = merged
            } else {
                sectionOrder.append(section)
                sections[section] = row
            }
        }
        statements.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            for i in all.indices {
                let p = base + i
                let status = p.pointee.status, inherited = p.pointee.isInherited
                let levelNames = p.pointee.statement.levels
                total.add(status, inherited: inherited)
                if levelNames.isEmpty { topical.add(status, inherited: inherited) } else { bcp14.add(status, inherited: inherited) }
                for t in p.pointee.statement.topics { topics[t, default: CoverageRow(key: t)].add(status, inherited: inherited) }
                if levelNames.isEmpty {
                    levels[Coverage.topicalLevel, default: CoverageRow(key: Coverage.topicalLevel)].add(status, inherited: inherited)
                } else {
                    for (k, l) in levelNames.enumerated() where !levelNames[..<k].contains(l) {
                        levels[l, default: CoverageRow(key: l)].add(status, inherited: inherited)
                    }
                }
                let section = p.pointee.statement.section
                if run?.section != section {
                    endRun()
                    run = (section, CoverageRow(key: section))
                }
                run!.row.add(status, inherited: inherited)
            }
        }
        endRun()
        self.total = total
        self.bcp14 = bcp14
        self.topical = topical
        byTopic = topics.keys.sorted().map { topics[$0]! }
        let levelOrder = ["MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT",
                          "RECOMMENDED", "NOT RECOMMENDED", "MAY", "OPTIONAL", Coverage.topicalLevel]
        byLevel = levels.keys.sorted { (levelOrder.firstIndex(of: $0) ?? 99, $0) < (levelOrder.firstIndex(of: $1) ?? 99, $1) }.map { levels[$0]! }
        bySection = sectionOrder.map { sections[$0]! }
    }

    /// Coverage of the statements in `section` and its subsections ("2.9" takes 2.9.1 too;
    /// "2" takes 2.1 ... 2.4).
    public static func of(_ statements: [LinkedStatement], inSection section: String) -> Coverage {
        Coverage(statements: statements.filter { contains(section: section, $0.statement.section) })
    }

    /// Whether `candidate` is `section` or one of its subsections.
    public static func contains(section: String, _ candidate: String) -> Bool {
        candidate == section || candidate.hasPrefix(section + ".")
    }
}
