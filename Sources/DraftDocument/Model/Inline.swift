/// Running text with the inline markup that matters for review kept as spans:
/// BCP 14 keywords, cross-references, external links and emphasis.
///
/// `text` of each span is what xml2rfc's text output shows for it: an
/// `<xref target="PFKEY"/>` to a reference reads "[PFKEY]", to a section "Section 2.9".
public struct InlineText: Hashable, Sendable, Codable {
    public var spans: [Span]
    /// Where source lines begin in `plainText`, for text that was joined from lines (the
    /// plain-text reader joins a paragraph's lines with spaces): the UTF-8 offset of each
    /// line's first byte and its 1-based line number, ascending. Empty when the text keeps
    /// its source's own line breaks (XML) or has no source lines. Not part of the JSON form.
    public var lineStarts: [LineStart] = []

    public struct LineStart: Hashable, Sendable {
        public var offset: Int
        public var line: Int
        public init(offset: Int, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    enum CodingKeys: String, CodingKey { case spans }

    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(plain: String) { self.spans = plain.isEmpty ? [] : [Span(plain)] }
    public init(plain: String, lineStarts: [LineStart]) {
        self.init(plain: plain)
        self.lineStarts = lineStarts
    }

    /// The source line of the byte at `offset` in `plainText`, from `lineStarts`; nil when
    /// there are none.
    public func line(atOffset offset: Int) -> Int? {
        guard let first = lineStarts.first else { return nil }
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? first.line : lineStarts[lo - 1].line
    }

    /// The text as a reader sees it, markup resolved to its display text, whitespace as in
    /// the source (not normalised). Invisible spans (an editor's comment) are not part of it.
    public var plainText: String {
        var out = ""
        for span in spans {
            if case .invisible = span.kind { continue }
            out += span.text
        }
        return out
    }

    /// `plainText` with every run of white space folded to one space and the ends trimmed:
    /// the form rendered text and source text are compared in.
    public var normalizedText: String { plainText.whitespaceNormalized }

    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    public mutating func append(_ span: Span) { spans.append(span) }
    public mutating func append(contentsOf other: InlineText) { spans.append(contentsOf: other.spans) }
}

public struct Span: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        case text
        /// `<bcp14>` in v3: authoritative for keyword detection.
        case bcp14
        /// `<xref target=...>`; `section` is set when the target is a section (its number).
        case xref(target: String, section: String?)
        /// `<eref target=...>`.
        case eref(target: String)
        /// `<em>`, `<strong>`, `<tt>`, v2 `<spanx style=...>`, `<sub>`, `<sup>`.
        case emphasis(Emphasis)
        /// `<iref>` and other markup that is not running text but is kept for anchoring.
        /// Its `text` is empty, except for a displayed `<cref>` ("cref:ANCHOR"): the
        /// comment xml2rfc shows on "//" lines of its own (U+2028 separates the comment
        /// from its "-- source" line).
        case invisible(String)
    }

    public enum Emphasis: String, Hashable, Sendable, Codable {
        case em, strong, tt, sub, sup
    }

    public var kind: Kind
    public var text: String

    public init(_ text: String, kind: Kind = .text) {
        self.kind = kind
        self.text = text
    }
}

extension StringProtocol {
    /// Every run of Unicode white space (including line breaks and NBSP) as one space,
    /// leading and trailing white space removed.
    public var whitespaceNormalized: String {
        // ASCII text (most of every draft) is folded on its bytes: there a Character is a
        // byte (or CR LF), and the white space ones are TAB through CR and SPACE.
        if let folded = utf8.withContiguousStorageIfAvailable(asciiWhitespaceNormalized), let folded { return folded }
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for ch in self {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }
}

/// `whitespaceNormalized` of ASCII bytes; nil when there is a non-ASCII byte.
private func asciiWhitespaceNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    for b in bytes {
        if b >= 0x80 { return nil }
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

extension String {
    /// Every occurrence of `target` replaced, matched literally on UTF-8 bytes (as
    /// Foundation's `replacingOccurrences(of:with:)` matches code units), left to right and
    /// without overlaps; without Foundation's bridging, whose first use alone costs more
    /// than a whole document's worth of these.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return self }
        var out: [UInt8] = []
        var changed = false
        var copy = self
        copy.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == first, i + pattern.count <= bytes.count,
                   pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }) {
                    out.append(contentsOf: replacement.utf8)
                    i += pattern.count
                    changed = true
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
