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
        guard case .object(let box) = try JSONValueEncoder.node(of: value) else { throw JSONEncodingError.noValue }
        var members = box.members.filter { $0.key != key }
        members.append((key, .array(JSONValueEncoder.ArrayBox())))
        if !JSONTextWriter.isSorted(members) { members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }
        var out = JSONTextWriter(compact: compact)
        out.append(UInt8(ascii: "{"))
        for (i, member) in members.enumerated() {
            out.memberPrefix(i, key: member.key, indent: 0)
            guard member.key == key else {
                try out.write(member.value, indent: 2)
                continue
            }
            out.append(UInt8(ascii: "["))
            var count = 0
            for element in elements {
                out.itemPrefix(count, indent: 2)
                try out.write(JSONValueEncoder.node(of: element), indent: 4)
                count += 1
                if out.bytes.count >= 1 << 18 { try emit(out.take()) }
            }
            out.close(UInt8(ascii: "]"), empty: count == 0, indent: 2)
        }
        out.close(UInt8(ascii: "}"), empty: members.isEmpty, indent: 0)
        try emit(out.take())
    }
}
