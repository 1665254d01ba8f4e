import Checks
import Linking

/// `check --verbose`: every statement that carries a status other than unlinked, with
/// every input, expectation, capture and note of the evidence of contradicted ones, and
/// stale claims.
enum VerboseCheckText {
    static func render(_ report: CheckReport) -> String {
        var out = ""
        let counts = report.run.counts
        out += "checks: \(report.run.checks.count) (\(counts[.passed] ?? 0) passed, \(counts[.failed] ?? 0) failed, \(counts[.errored] ?? 0) errored)\n"
        for (check, result) in report.checkResults where result.outcome != .passed {
            out += "  \(result.outcome.rawValue.uppercased()) \(check.id): \(check.title)\n"
            if let error = result.error { out += "    error: \(error)\n" }
            for o in result.evidence.unmet { out += "    \(o.label): expected \(o.expected), got \(o.actual)\n" }
        }
        for document in report.documents {
            out += "\n== \(document.metadata.file) (\(document.identity))\n"
            let c = document.coverage.total
            out += "statements: \(c.total); " + CoverageTable.columns.map { "\($0.rawValue) \(c.count($0))" }.joined(separator: ", ") + "\n"
            for s in document.statements where s.status != .unlinked {
                let st = s.statement
                out += "\n[\(s.status.phrase)] Section \(st.section), paragraph \(st.paragraph) (\(st.location)):\n"
                out += "  \"\(st.text)\"\n"
                if let e = s.exemption {
                    out += "  exempt (\(e.reason.rawValue)): \(e.note)\(e.origin.map { " [\($0)]" } ?? "")\n"
                }
                for link in CheckReport.links(of: s, in: document) {
                    let title = report.run.check(id: link.checkID)?.title ?? link.checkID
                    out += "  \(link.status.phrase) by \(link.checkID) [\(link.match?.label ?? "not found")]: \(title)\n"
                    if let why = link.claim.rationale { out += "    why: \(why)\n" }
                    if link.status == .contradicted || link.status == .failed || link.status == .errored,
                       let result = report.run.result(for: link.checkID) {
                        out += evidence(result.evidence, indent: "    ")
                    }
                }
            }
            for link in document.claims where link.match == nil {
                out += "\n[stale claim] \(link.checkID): Section \(link.claim.section) no longer says:\n  \"\(link.claim.quote)\"\n"
            }
        }
        return out
    }

    static func evidence(_ e: Evidence, indent: String) -> String {
        var out = ""
        for i in e.inputs { out += "\(indent)input \(i.label): \(i.value)\n" }
        for o in e.observations {
            out += "\(indent)\(o.holds ? "ok" : "UNMET") \(o.label): \(o.actual)\(o.holds ? "" : " (expected \(o.expected))")\n"
        }
        for c in e.kernelCaptures { out += "\(indent)kernel capture: \(c)\n" }
        for n in e.notes { out += "\(indent)note: \(n)\n" }
        return out
    }
}
