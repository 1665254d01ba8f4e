import Checks
import DraftDocument
import Linking

/// `check --format github`: GitHub Actions workflow commands, so a draft repository's CI
/// shows the findings as annotations on the draft's source lines. Contradicted, failed and
/// errored statements are `::error`, stale statements and stale claims `::warning`;
/// supported, exempt and unlinked statements print nothing.
/// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
public enum GitHubReport {
    public static func render(_ report: CheckReport) -> String {
        var out = ""
        for document in report.documents {
            let file = document.metadata.file
            for s in document.statements {
                let level: String
                switch s.status {
                case .contradicted, .failed, .errored: level = "error"
                case .stale: level = "warning"
                case .supported, .exempt, .unlinked: continue
                }
                let links = CheckReport.links(of: s, in: document).filter { $0.status == s.status }
                var message = "Section \(s.statement.section): \"\(s.statement.text)\" is \(s.status.phrase)"
                if !links.isEmpty { message += " by \(links.map(\.checkID).joined(separator: ", "))" }
                if let why = links.compactMap(\.claim.rationale).first { message += ". \(why)" }
                out += command(level, file: file, line: s.statement.location.line, column: s.statement.location.column,
                               title: "draftcheck: \(s.status.phrase)", message: message)
            }
            for link in document.claims where link.match == nil {
                out += command("warning", file: file, line: link.location?.line ?? 1, column: link.location?.column ?? 1,
                               title: "draftcheck: stale claim",
                               message: "Check \(link.checkID) quotes Section \(link.claim.section) as saying \"\(link.claim.quote)\", which this revision does not")
            }
        }
        return out
    }

    static func command(_ level: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        "::\(level) file=\(property(file)),line=\(max(1, line)),col=\(max(1, column)),title=\(property(title))::\(data(message))\n"
    }

    /// The escaping the runner undoes in a command's message.
    static func data(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// The escaping the runner undoes in a property value: the message's, plus the
    /// separators of the property list.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
