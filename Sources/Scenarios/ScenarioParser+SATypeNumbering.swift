import PFKey

/// The `pfkey` step's `satype-numbering` (RFC 2367 3.4, 3.5: symbolic names are the same
/// everywhere, numbers are each system's). With it, the message's `satype` is written by
/// name ("esp") and encoded to that system's number (`SATypeNumbering`); a message given
/// as hex is taken as it is. `expect` may give `satype-name`: the name the decoded byte
/// stands for on that system.
extension ScenarioParser {
    static let saTypeNumberingKeys = ["satype-numbering"]
    static let saTypeNameExpectationKeys = ["satype-name"]

    /// Reads `satype-numbering` and `expect.satype-name` into `step`, and writes the
    /// message's SA type name as the system's number.
    static func saTypeNumbering(_ m: YAMLMapping, into step: inout PFKeyStep) throws(ScenarioError) {
        let expected = try m.optional("expect")?.mapping().optional("satype-name")
        guard let value = m.optional("satype-numbering") else {
            if let expected { throw expected.error(.invalidValue, "\"satype-name\" needs the step's \"satype-numbering\"") }
            return
        }
        guard let numbering = SATypeNumbering(rawValue: try value.word(SATypeNumbering.allCases.map(\.rawValue))) else {
            throw value.error(.invalidValue, "unknown SA type numbering")
        }
        step.saTypeNumbering = numbering
        if let expected {
            let name = try expected.string()
            guard SATypeNumbering.saType(named: name) != nil else { throw expected.error(.invalidValue, "\"\(name)\" is no SA type name") }
            step.expectSATypeName = name.lowercased()
        }
        switch step.input {
        case .hex: return  // bytes as given: the numbering only reads them
        case .setkey: throw value.error(.invalidValue, "\"satype-numbering\" takes a message given as fields (satype by name) or as hex, not setkey")
        case .fields: break
        }
        guard case .fields(.object(var tree)) = step.input else {
            throw value.error(.invalidValue, "\"satype-numbering\" needs the message's fields as a mapping")
        }
        let written = try m.required("message").mapping().optional("satype")
        guard case .string(let name)? = tree["satype"], let type = SATypeNumbering.saType(named: name) else {
            throw (written ?? value).error(.invalidValue, "with \"satype-numbering\", the message's satype is a name (\(SATypeNumbering.named.map(\.name).joined(separator: ", ")))")
        }
        guard let number = numbering.number(of: type) else {
            throw (written ?? value).error(.invalidValue, "SA type \(name) has no number in \(numbering.rawValue)")
        }
        tree["satype"] = .number(UInt64(number))
        step.input = .fields(.object(tree))
    }
}
