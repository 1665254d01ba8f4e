import Checks
import DraftDocument
import Foundation
import Linking

/// JUnit XML as CI systems read it: one test suite for the catalog with each check a test
/// case (failure for failed, error for errored), and one suite per document whose cases
/// are its claims (a stale claim fails).
public enum JUnitReport {
    public static func render(_ report: CheckReport) -> String {
        let results = report.checkResults
        let failures = results.filter { $0.result.outcome == .failed }.count
        let errors = results.filter { $0.result.outcome == .errored }.count
        let staleCount = report.documents.map { $0.staleClaims.count }.reduce(0, +)
        let claimCount = report.documents.map { $0.claims.count }.reduce(0, +)
        let time = results.map { $0.result.duration.seconds }.reduce(0, +)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"draftcheck\" tests=\"\(results.count + claimCount)\" failures=\"\(failures + staleCount)\" errors=\"\(errors)\" time=\"\(fmt(time))\">\n"
        out += "  <testsuite name=\"catalog\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" time=\"\(fmt(time))\">\n"
        for (check, result) in results {
            out += "    <testcase classname=\"draftcheck.\(check.topic.rawValue)\" name=\"\(escape(check.id))\" time=\"\(fmt(result.duration.seconds))\""
            switch result.outcome {
            case .passed:
                out += "/>\n"
            case .failed:
                let unmet = result.evidence.unmet.map { "\($0.label): expected \($0.expected), got \($0.actual)" }.joined(separator: "\n")
                out += ">\n      <failure message=\"\(escape(check.title))\" type=\"failed\">\(escape(unmet))</failure>\n    </testcase>\n"
            case .errored:
                out += ">\n      <error message=\"\(escape(result.error ?? "errored"))\" type=\"errored\">\(escape(result.evidence.notes.joined(separator: "\n")))</error>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n"
        for d in report.documents {
            let stale = d.staleClaims.count
            out += "  <testsuite name=\"\(escape(d.identity.description))\" tests=\"\(d.claims.count)\" failures=\"\(stale)\" errors=\"0\" skipped=\"0\">\n"
            out += "    <properties>\n"
            for s in StatementStatus.allCases {
                out += "      <property name=\"statements.\(s.rawValue)\" value=\"\(d.coverage.total.count(s))\"/>\n"
            }
            out += "    </properties>\n"
            for l in d.claims {
                out += "    <testcase classname=\"\(escape(d.identity.series)).section-\(escape(l.claim.section))\" name=\"\(escape(l.checkID)) \(l.claim.relation.rawValue)\(l.inheritedFrom.map { " (inherited from \(escape($0.description)))" } ?? "")\""
                if l.status == .stale {
                    let why = l.drift.map { "clause gone from the reworded statement (\($0.similarityText))" } ?? (l.match?.label ?? "not found")
                    let body = l.drift.map { "\(l.claim.quote)\nclause: \($0.clause)\nreworded: \($0.wordDiff)" } ?? l.claim.quote
                    out += ">\n      <failure message=\"stale claim: \(escape(why))\" type=\"stale\">\(escape(body))</failure>\n    </testcase>\n"
                } else if l.isDrifted, let d = l.drift {
                    // Passes: the verdict stands; the drift is told in the case's output.
                    out += ">\n      <system-out>\(escape("\(d.label): \(d.wordDiff)"))</system-out>\n    </testcase>\n"
                } else {
                    out += "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func fmt(_ seconds: Double) -> String { String(format: "%.6f", seconds) }

    /// XML 1.0 escaping for attribute values and content alike (see `XMLEscaping.Context.attribute`).
    public static func escape(_ s: String) -> String { XMLEscaping.escape(s, for: .attribute) }
}
