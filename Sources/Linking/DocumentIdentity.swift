import DraftDocument
import Foundation

/// One document series and, when known, a revision: "RFC 5996", "rfc5996",
/// "https://www.rfc-editor.org/rfc/rfc5996.txt" and "https://datatracker.ietf.org/doc/rfc5996/"
/// are all `rfc5996`; "draft-ietf-ipsecme-ikev2bis-08" and "-04" are the series
/// `draft-ietf-ipsecme-ikev2bis` with revisions "08" and "04". A spec under several URLs
/// must not count twice (a Duvet user's complaint, s2n-tls #4220).
public struct DocumentIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    /// "rfc5996", "draft-ietf-ipsecme-ikev2bis": lower case, no revision, no extension.
    public var series: String
    public var revision: String?

    public init(series: String, revision: String? = nil) {
        self.series = series
        self.revision = revision
    }

    /// Parses what people write for a document. Returns nil for text that names none.
    public init?(parsing raw: String) {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !text.isEmpty else { return nil }
        if let schemeEnd = text.range(of: "://") {
            text = String(text[schemeEnd.upperBound...])
            if let q = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<q]) }
            let parts = text.split(separator: "/").map(String.init)
            // datatracker: /doc/NAME/, /doc/NAME/REV/, /doc/html/NAME
            if let docIndex = parts.firstIndex(of: "doc"), docIndex + 1 < parts.count {
                var rest = Array(parts[(docIndex + 1)...])
                if rest.first == "html" || rest.first == "pdf" { rest.removeFirst() }
                guard let name = rest.first else { return nil }
                text = name
                if rest.count > 1, rest[1].count == 2, rest[1].allSatisfy(\.isNumber) { text += "-" + rest[1] }
            } else if let last = parts.dropFirst().last {
                // rfc-editor.org/rfc/rfc5996.txt, rfc-editor.org/info/rfc5996, ietf.org/archive/id/NAME.txt
                text = last
            } else {
                return nil
            }
        } else if text.contains("/") {
            text = String(text.split(separator: "/").last ?? "")
        }
        for ext in [".txt", ".xml", ".html", ".pdf", ".md"] where text.hasSuffix(ext) {
            text.removeLast(ext.count)
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "[]()<> "))
        if text.hasPrefix("rfc") {
            let digits = text.dropFirst(3).drop { $0 == " " || $0 == "-" || $0 == "_" }
            guard let number = Int(digits), number > 0 else { return nil }
            self.init(series: "rfc\(number)")
            return
        }
        if text.hasPrefix("draft-") {
            let stripped = Metadata.stripRevision(text)
            self.init(series: stripped, revision: stripped.count < text.count ? String(text.dropFirst(stripped.count + 1)) : nil)
            return
        }
        return nil
    }

    /// The identity of a parsed document: its RFC number, else its docName, else its file name.
    public init(_ metadata: Metadata) {
        if let rfc = metadata.rfcNumber {
            self.init(series: "rfc\(rfc)")
        } else if let name = metadata.docName, let parsed = DocumentIdentity(parsing: name) {
            self = parsed
        } else if let parsed = DocumentIdentity(parsing: metadata.file) {
            self = parsed
        } else {
            self.init(series: metadata.seriesName.lowercased())
        }
    }

    /// True when both name the same series (revisions aside).
    public func isSameSeries(as other: DocumentIdentity) -> Bool { series == other.series }

    /// "RFC 5996", "draft-ietf-ipsecme-ikev2bis-08".
    public var description: String {
        if series.hasPrefix("rfc"), let n = Int(series.dropFirst(3)) { return "RFC \(n)" }
        if let revision { return "\(series)-\(revision)" }
        return series
    }
}
