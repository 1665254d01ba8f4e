import Checks

/// `draftcheck divergences`: where the real Linux kernel differs from RFC 2367, with the
/// evidence, as text, JSON or Markdown.
public enum DivergenceFormat: String, Sendable, CaseIterable {
    case text, json, markdown

    public func render(_ divergences: [KernelDivergence]) throws -> String {
        switch self {
        case .json: return try StableJSON.encode(divergences) + "\n"
        case .text:
            var out = "\(divergences.count) divergence\(divergences.count == 1 ? "" : "s") of the real Linux 6.1 af_key from RFC 2367 (committed captures, decoded again now)\n"
            for d in divergences {
                out += "\n\(d.source): \(d.specification)\n"
                out += "  Linux 6.1 \(d.linux)\n"
                let examples = d.examples.joined(separator: ", ")
                out += "  evidence: \(d.count) message\(d.count == 1 ? "" : "s") (\(d.capture)\(examples == d.capture ? "" : ": \(examples)\(d.count > d.examples.count ? ", ..." : "")"))\n"
            }
            return out
        case .markdown:
            var out = "# Divergences of Linux 6.1 af_key from RFC 2367\n\n| source | the RFC (strict codec) | Linux 6.1 | evidence |\n|---|---|---|---|\n"
            for d in divergences {
                out += "| \(d.source) | \(cell(d.specification)) | \(cell(d.linux)) | \(d.count) (\(cell(d.capture)): \(cell(d.examples.joined(separator: ", ")))) |\n"
            }
            return out
        }
    }

    private func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
