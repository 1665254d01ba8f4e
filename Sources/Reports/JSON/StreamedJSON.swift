extension StableJSON {
    /// The same text as `encode(value)` (or `encodeLine`) with its member `key` holding the
    /// array of `elements`, written through `emit` in pieces of about 256 KB: each element
    /// is encoded on its own as it is reached, so the text of a large array (a 50 MB
    /// draft's 871,200 statements) is never held whole, nor the tree of its encoding.
    /// `value` must encode as an object; its own `key` member, if any, is replaced.
    public static func stream<T: Encodable, Element: Encodable, E: Error>(
        _ value: T, array key: String, elements: some Sequence<Element>, compact: Bool,
        emit: (String) throws(E) -> Void
    ) throws {
        var out = JSONTextWriter(compact: compact)
        try streamObject(value, array: key, elements: elements, indent: 0, into: &out, emit: emit)
        try emit(out.take())
    }

    /// The same text as `encode(outer)` (or `encodeLine`) with its member `member` holding
    /// `value` streamed as `stream(_:array:elements:compact:emit:)` streams it: a JSON Lines
    /// record `{"file", "review"}` whose review is a 50 MB draft's.
    public static func stream<Outer: Encodable, T: Encodable, Element: Encodable, E: Error>(
        _ outer: Outer, member: String, holding value: T, array key: String, elements: some Sequence<Element>,
        compact: Bool, emit: (String) throws(E) -> Void
    ) throws {
        var out = JSONTextWriter(compact: compact)
        try writeObject(outer, placing: member, indent: 0, into: &out) { out in
            try streamObject(value, array: key, elements: elements, indent: 2, into: &out, emit: emit)
        }
        try emit(out.take())
    }

    /// `value`'s object members with `key`'s (a placeholder for the text written in its
    /// place) among them, sorted as every object is.
    private static func sortedMembers<T: Encodable>(of value: T, placing key: String) throws -> [(key: String, value: JSONNode)] {
        guard case .object(let box) = try JSONValueEncoder.node(of: value) else { throw JSONEncodingError.noValue }
        var members = box.members.filter { $0.key != key }
        members.append((key, .null))
        if !JSONTextWriter.isSorted(members) { members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }
        return members
    }

    /// `value` with its array member written element by element, the object's brace at
    /// `indent`; `out` handed to `emit` whenever it holds 256 KB.
    private static func streamObject<T: Encodable, Element: Encodable, E: Error>(
        _ value: T, array key: String, elements: some Sequence<Element>, indent: Int,
        into out: inout JSONTextWriter, emit: (String) throws(E) -> Void
    ) throws {
        try writeObject(value, placing: key, indent: indent, into: &out) { out in
            try writeArray(elements, indent: indent + 2, into: &out, emit: emit)
        }
    }

    /// `value` as an object whose brace is at `indent`, its member `key` (in its sorted
    /// place, whether `value` encodes it or not) written by `member`.
    static func writeObject<T: Encodable>(_ value: T, placing key: String, indent: Int, into out: inout JSONTextWriter,
                                          member: (inout JSONTextWriter) throws -> Void) throws {
        let members = try sortedMembers(of: value, placing: key)
        out.append(UInt8(ascii: "{"))
        for (i, m) in members.enumerated() {
            out.memberPrefix(i, key: m.key, indent: indent)
            if m.key == key { try member(&out) } else { try out.write(m.value, indent: indent + 2) }
        }
        out.close(UInt8(ascii: "}"), empty: false, indent: indent)
    }

    /// The array of `elements`, its bracket at `indent`, each element encoded as it is
    /// reached (or written directly, `DirectJSON`); `out` handed to `emit` whenever it
    /// holds 256 KB.
    static func writeArray<Element: Encodable, E: Error>(_ elements: some Sequence<Element>, indent: Int,
                                                         into out: inout JSONTextWriter, emit: (String) throws(E) -> Void) throws {
        out.append(UInt8(ascii: "["))
        var count = 0
        for element in elements {
            out.itemPrefix(count, indent: indent)
            if let direct = element as? any DirectJSON {
                try direct.writeJSON(into: &out, indent: indent + 2)
            } else {
                try out.write(JSONValueEncoder.node(of: element), indent: indent + 2)
            }
            count += 1
            if out.bytes.count >= 1 << 18 { try emit(out.take()) }
        }
        out.close(UInt8(ascii: "]"), empty: count == 0, indent: indent)
    }
}
