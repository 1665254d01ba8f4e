/// Writes a `JSONNode` tree as JSONEncoder's pretty text: two-space indents, `"key" : value`,
/// members sorted by the UTF-8 bytes of their keys, empty containers as "[\n\n<indent>]",
/// strings with only quote, backslash and control characters escaped.
struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []
    /// One line: no new lines or indents, `"key":value`, empty containers as `[]` and `{}`
    /// (JSON Lines, one document per line).
    let compact: Bool

    init(compact: Bool = false) {
        self.compact = compact
        bytes.reserveCapacity(1 << 14)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ node: JSONNode, indent: Int) throws {
        switch node {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let s): writeString(s)
        case .pending(let encoder):
            guard let inner = encoder.node else { throw JSONEncodingError.noValue }
            try write(inner, indent: indent)
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in box.items.enumerated() {
                itemPrefix(i, indent: indent)
                try write(item, indent: indent + 2)
            }
            close(UInt8(ascii: "]"), empty: box.items.isEmpty, indent: indent)
        case .object(let box):
            bytes.append(UInt8(ascii: "{"))
            let members = Self.isSorted(box.members) ? box.members : box.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, member) in members.enumerated() {
                memberPrefix(i, key: member.key, indent: indent)
                try write(member.value, indent: indent + 2)
            }
            close(UInt8(ascii: "}"), empty: members.isEmpty, indent: indent)
        }
    }

    /// What comes before item `i` of an array whose bracket is at `indent`.
    mutating func itemPrefix(_ i: Int, indent: Int) {
        if compact {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
        } else {
            bytes.append(contentsOf: i == 0 ? "\n".utf8 : ",\n".utf8)
            pad(indent + 2)
        }
    }

    /// What comes before member `i`'s value in an object whose brace is at `indent`: the
    /// separator, the key and the colon.
    mutating func memberPrefix(_ i: Int, key: String, indent: Int) {
        if compact {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
        } else {
            bytes.append(contentsOf: i == 0 ? "\n".utf8 : ",\n".utf8)
            pad(indent + 2)
            writeString(key)
            bytes.append(contentsOf: " : ".utf8)
        }
    }

    /// The text written so far, handed over and cleared (for output in pieces).
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return text
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func close(_ bracket: UInt8, empty: Bool, indent: Int) {
        if compact { bytes.append(bracket); return }
        bytes.append(contentsOf: empty ? "\n\n".utf8 : "\n".utf8)
        pad(indent)
        bytes.append(bracket)
    }

    private mutating func pad(_ n: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
    }

    /// Encoders mostly write members in declaration order, which is often sorted already.
    static func isSorted(_ members: [(key: String, value: JSONNode)]) -> Bool {
        var i = 1
        while i < members.count {
            guard members[i - 1].key.utf8.lexicographicallyPrecedes(members[i].key.utf8) else { return false }
            i += 1
        }
        return true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = string
        s.withUTF8 { utf8 in
            var start = 0
            for i in utf8.indices {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hexDigits[Int(b >> 4)])
                    bytes.append(Self.hexDigits[Int(b & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A value that writes its own JSON text, the same bytes its `Encodable` conformance gives
/// through `StableJSON`, without the tree of the encoding: for the elements of a streamed
/// array (871,200 statements in a 50 MB draft's review, where the tree was a third of the run).
protocol DirectJSON: Encodable {
    func writeJSON(into out: inout JSONTextWriter, indent: Int) throws
}

extension JSONTextWriter {
    mutating func writeStrings(_ strings: [String], indent: Int) {
        append(UInt8(ascii: "["))
        for (i, s) in strings.enumerated() {
            itemPrefix(i, indent: indent)
            writeString(s)
        }
        close(UInt8(ascii: "]"), empty: strings.isEmpty, indent: indent)
    }

    mutating func writeNumber(_ n: Int) {
        bytes.append(contentsOf: String(n).utf8)
    }
}
