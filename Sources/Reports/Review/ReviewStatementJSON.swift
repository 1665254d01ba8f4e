/// A review statement's JSON written directly: the members its `Encodable` conformance
/// gives (`status`, `checks`, `exemption` and `leadIn` left out while nil), in sorted order.
extension ReviewStatement: DirectJSON {
    func writeJSON(into out: inout JSONTextWriter, indent: Int) {
        writeJSON(into: &out, indent: indent) { _, _ in }
    }

    /// The same, with the members `between` writes where their keys sort: after "checks",
    /// before "exemption" ("claims" and "drift" of a check report's statement entry). It
    /// is given the members written so far and counts its own.
    func writeJSON<E: Error>(into out: inout JSONTextWriter, indent: Int,
                             between: (inout JSONTextWriter, inout Int) throws(E) -> Void) throws(E) {
        var count = 0
        func member(_ key: String) {
            out.memberPrefix(count, key: key, indent: indent)
            count += 1
        }
        out.append(UInt8(ascii: "{"))
        if let checks {
            member("checks")
            out.writeStrings(checks, indent: indent + 2)
        }
        try between(&out, &count)
        if let exemption {
            member("exemption")
            out.append(UInt8(ascii: "{"))
            out.memberPrefix(0, key: "note", indent: indent + 2)
            out.writeString(exemption.note)
            out.memberPrefix(1, key: "reason", indent: indent + 2)
            out.writeString(exemption.reason)
            out.close(UInt8(ascii: "}"), empty: false, indent: indent + 2)
        }
        member("id"); out.writeString(id)
        if let leadIn {
            member("leadIn")
            out.writeString(leadIn)
        }
        member("levels"); out.writeStrings(levels, indent: indent + 2)
        member("line"); out.writeNumber(line)
        member("paragraph"); out.writeNumber(paragraph)
        member("section"); out.writeString(section)
        member("sentence"); out.writeNumber(sentence)
        if let status {
            member("status")
            out.writeString(status.rawValue)
        }
        member("text"); out.writeString(text)
        member("topics"); out.writeStrings(topics, indent: indent + 2)
        out.close(UInt8(ascii: "}"), empty: false, indent: indent)
    }
}
