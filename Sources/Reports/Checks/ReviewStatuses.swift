import Linking

extension ReviewReport {
    /// The review with each statement's status and the checks behind it, from the same
    /// document linked against a catalog run (`draftcheck review --checks`). A statement
    /// the linker did not see (there is none when both come from one document) stays nil.
    public func withStatuses(from linked: LinkedDocument) -> ReviewReport {
        var byID: [String: LinkedStatement] = [:]
        for s in linked.statements where byID[s.statement.id] == nil { byID[s.statement.id] = s }
        var out = self
        for i in out.statements.indices {
            guard let l = byID[out.statements[i].id] else { continue }
            out.statements[i].status = l.status
            out.statements[i].checks = l.checkIDs
            out.statements[i].exemption = l.exemption.map(ReviewExemption.init)
        }
        return out
    }
}
