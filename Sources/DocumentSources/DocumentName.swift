import Foundation

/// A document named rather than given as a file: an RFC number, an Internet-Draft name with
/// or without its revision, or a URL. Parsed from what a user types on the command line.
public enum DocumentName: Hashable, Sendable, CustomStringConvertible {
    case rfc(Int)
    /// `name` without the revision (`draft-ietf-ipsecme-ikev2bis`); `revision` nil means
    /// the latest published.
    case draft(name: String, revision: Int?)
    case url(String)

    /// `rfc7296`, `RFC 7296`, `RFC7296`, `draft-NAME`, `draft-NAME-08`, `https://...` (and
    /// `http://`, which the tests' loopback server speaks); nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            guard let url = URL(string: trimmed), url.host != nil else { return nil }
            self = .url(trimmed)
            return
        }
        if lower.hasPrefix("rfc") {
            let digits = lower.dropFirst(3).drop(while: { $0 == " " })
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0 else { return nil }
            self = .rfc(number)
            return
        }
        // Draft names are lowercase letters, digits and hyphens (RFC 7997 aside, the
        // datatracker accepts no others); a last part of two digits is the revision.
        guard lower.hasPrefix("draft-"), lower == trimmed,
              lower.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }),
              !lower.hasSuffix("-"), !lower.contains("--") else { return nil }
        let parts = lower.split(separator: "-")
        guard parts.count >= 3 else { return nil }
        if let last = parts.last, last.count == 2, let revision = Int(last) {
            self = .draft(name: parts.dropLast().joined(separator: "-"), revision: revision)
        } else {
            self = .draft(name: lower, revision: nil)
        }
    }

    /// The name the cache's index records it under: `rfc7296`, `draft-x-08`, `draft-x` (the
    /// latest, as last fetched), or the URL.
    public var description: String {
        switch self {
        case .rfc(let number): "rfc\(number)"
        case .draft(let name, let revision?): name + "-" + Self.twoDigits(revision)
        case .draft(let name, nil): name
        case .url(let url): url
        }
    }

    static func twoDigits(_ revision: Int) -> String { revision < 10 ? "0\(revision)" : "\(revision)" }
}
