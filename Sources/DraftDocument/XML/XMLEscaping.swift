/// Text made safe to write into XML, for the two places draftcheck writes it. The
/// difference is on purpose: text put back into an author's source keeps its quotes as
/// written, a report generated whole escapes everything an attribute value needs.
package enum XMLEscaping {
    package enum Context: Sendable {
        /// Element content written into an xml2rfc source (errata NEW text): `&`, `<` and
        /// `>`; quotes, apostrophes and every other character stay as they are.
        case content
        /// Attribute values, and the content of documents made whole (JUnit): quotes and
        /// apostrophes too, and control characters other than tab and newline dropped
        /// (XML 1.0 cannot carry them).
        case attribute
    }

    package static func escape(_ text: String, for context: Context) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where context == .attribute: out += "&quot;"
            case "'" where context == .attribute: out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if context == .content || scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
