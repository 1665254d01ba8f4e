import WireCore

/// The text `draftcheck pfkey decode` prints: per message its header, each extension with
/// its offset and fields, then the setkey-style view (`SetkeyText`).
package enum MessageText {
    /// The messages of a stream, separated by blank lines.
    package static func render(_ stream: [DecodedMessage], dialect: Dialect) -> String {
        stream.map { render($0, dialect: dialect) }.joined(separator: "\n")
    }

    package static func render(_ decoded: DecodedMessage, dialect: Dialect) -> String {
        let m = decoded.message, spans = decoded.spans, base = decoded.offset
        var out = "SADB_\(m.type.name) (\(dialect.number(of: m.type) ?? 0)) satype=\(m.saType.rawValue) errno=\(m.errno) seq=\(m.sequence) pid=\(m.pid)"
        out += " length=\(spans.last.map { $0.offset + $0.length } ?? 16)\(m.reserved != 0 ? " reserved=\(m.reserved)" : "")\(base != 0 ? " at=\(base)" : "")\n"
        for (e, span) in zip(m.extensions, spans) {
            out += "  @\(span.offset) \(e.name) (\(e.typeNumber(in: dialect) ?? 0)) len=\(span.length):"
            for (k, v) in e.fields.sorted(by: { $0.key < $1.key }) { out += " \(k)=\(flat(v))" }
            out += "\n"
        }
        return out + "\n" + SetkeyText.render(m)
    }

    /// A field value on one line: lists in brackets, objects in braces with sorted keys.
    package static func flat(_ v: FieldValue) -> String {
        switch v {
        case .number(let n): String(n)
        case .string(let s): s.isEmpty ? "\"\"" : s
        case .list(let l): "[" + l.map(flat).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.sorted { $0.key < $1.key }.map { "\($0.key)=\(flat($0.value))" }.joined(separator: " ") + "}"
        }
    }

    /// The JSON shape of a stream: one message's field tree, or a list of them.
    package static func json(_ stream: [DecodedMessage], dialect: Dialect) -> JSONFieldValue {
        let values = stream.map { JSONFieldValue($0.message.fields(dialect: dialect, spans: $0.spans)) }
        return values.count == 1 ? values[0] : JSONFieldValue(.list(values.map(\.value)))
    }

    /// Hex text of a message on the command line or in a file: whitespace and colons may
    /// separate the digits; nil when it is not hex. Whitespace is Foundation's
    /// `CharacterSet.whitespacesAndNewlines` as the command always took it: Unicode
    /// White_Space plus U+200B ZERO WIDTH SPACE.
    package static func bytes(hex text: String) -> [UInt8]? {
        try? Hex.decode(text, skip: { $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == ":" })
    }

    /// Lower-case hex of `bytes`, as `pfkey encode` writes them.
    package static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
}

/// The field tree as JSON (numbers stay exact 64-bit integers): what `pfkey decode --format
/// json` writes and `pfkey encode` reads.
package struct JSONFieldValue: Codable, Sendable, Hashable {
    package var value: FieldValue

    package init(_ value: FieldValue) { self.value = value }

    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(UInt64.self) { value = .number(n); return }
        if let s = try? c.decode(String.self) { value = .string(s); return }
        if let l = try? c.decode([JSONFieldValue].self) { value = .list(l.map(\.value)); return }
        if let o = try? c.decode([String: JSONFieldValue].self) { value = .object(o.mapValues(\.value)); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a non-negative integer, string, array or object")
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l.map(JSONFieldValue.init))
        case .object(let o): try c.encode(o.mapValues(JSONFieldValue.init))
        }
    }
}
