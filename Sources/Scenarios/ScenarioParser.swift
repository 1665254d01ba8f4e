import Checks
import Diagnostics
import Linking
import PFKey
import WireCore

/// Reads a scenario file (README "Scenario files"; checks/schema/scenario.schema.json).
/// Every refusal is a `ScenarioError` at the field's line and column.
public enum ScenarioParser {
    public static let stepKinds = ["pfkey", "kernel", "capture", "spd", "ts-narrow", "ts-decode", "sockets"]

    public static func parse(_ text: String, file: String, displayName: String? = nil) throws(ScenarioError) -> Scenario {
        let top = try YAMLFile.parse(text, file: file).mapping()
        try top.only(["id", "title", "topic", "dialects", "claims", "steps"])
        let id = try top.required("id").string()
        guard !id.isEmpty, !id.contains(" ") else { throw try top.required("id").error(.invalidValue, "an id is dotted words without spaces") }
        let topicValue = try top.required("topic")
        guard let topic = CheckTopic(rawValue: try topicValue.word(CheckTopic.allCases.map(\.rawValue))) else {
            throw topicValue.error(.invalidValue, "unknown topic")
        }
        let dialects = try top.optional("dialects")?.list().map { v throws(ScenarioError) in try v.string() } ?? []
        let claimValues = try top.required("claims").list()
        guard !claimValues.isEmpty else { throw try top.required("claims").error(.missingField, "a scenario claims at least one statement") }
        var claims: [Claim] = [], locations: [DiagnosticLocation] = []
        for c in claimValues {
            let (claim, location) = try parseClaim(c)
            claims.append(claim)
            locations.append(location)
        }
        let stepValues = try top.required("steps").list()
        guard !stepValues.isEmpty else { throw try top.required("steps").error(.missingExpectation, "a scenario without steps records no expectation") }
        var steps: [ScenarioStep] = []
        for s in stepValues { steps.append(try parseStep(s)) }
        return Scenario(id: id, title: try top.required("title").string(), topic: topic, dialects: dialects, claims: claims,
                        claimLocations: locations, steps: steps, file: file, displayName: displayName ?? file)
    }

    static func parseClaim(_ value: YAMLValue) throws(ScenarioError) -> (Claim, DiagnosticLocation) {
        let m = try value.mapping()
        try m.only(["document", "section", "quote", "relation", "rationale", "clause", "series-only"])
        let relationValue = try m.required("relation")
        guard let relation = Claim.Relation(rawValue: try relationValue.word(["supports", "contradicts"])) else {
            throw relationValue.error(.invalidValue, "relation is supports or contradicts")
        }
        let quote = try m.required("quote")
        let quoteText = try quote.string()
        var clause: String?
        if let clauseValue = m.optional("clause") {
            let text = try clauseValue.string()
            // The clause is words of the quote: the part the verdict rests on.
            guard !text.isEmpty, QuoteFinder.normalize(quoteText).contains(QuoteFinder.normalize(text)) else {
                throw clauseValue.error(.invalidValue, "clause must be words of the quote, as the quote writes them")
            }
            clause = text
        }
        return (Claim(relation, try m.required("document").string(), section: try m.required("section").string(),
                      quoteText, rationale: try m.optional("rationale")?.string(), clause: clause,
                      seriesOnly: try m.optional("series-only")?.bool() ?? false), quote.location)
    }

    static func parseStep(_ value: YAMLValue) throws(ScenarioError) -> ScenarioStep {
        let m = try value.mapping()
        guard m.entries.count == 1, let (kind, body) = m.entries.first else {
            throw value.error(.wrongType, "a step is a mapping with one key, its kind (\(stepKinds.joined(separator: ", ")))")
        }
        switch kind {
        case "pfkey": return .pfkey(try parsePFKey(body))
        case "kernel": return .kernel(try parseKernel(body))
        case "capture": return .capture(try parseCapture(body))
        case "spd": return .spd(try parseSPD(body))
        case "ts-narrow": return .tsNarrow(try parseNarrow(body))
        case "ts-decode": return .tsDecode(try parseTSDecode(body))
        case "sockets": return .sockets(try parseSockets(body))
        default:
            throw m.keyNodes[0].error(.unknownStepKind, "unknown step kind \"\(kind)\" (known: \(stepKinds.joined(separator: ", ")))")
        }
    }

    // MARK: PF_KEY

    static func dialect(_ value: YAMLValue?) throws(ScenarioError) -> Dialect {
        guard let value else { return .linux }
        guard let name = Dialect.Name(rawValue: try value.word(["linux", "kame", "rfc2367"])) else { throw value.error(.invalidValue, "unknown dialect") }
        return Dialect.named(name)
    }

    static func message(_ m: YAMLMapping) throws(ScenarioError) -> MessageInput {
        let given = ["hex", "message", "setkey"].filter { m.optional($0) != nil }
        guard given.count == 1 else {
            throw m.value.error(given.isEmpty ? .missingField : .invalidValue, "give the message as one of hex, message (fields) or setkey")
        }
        switch given[0] {
        case "hex": return .hex(try hex(try m.required("hex")))
        case "message": return .fields(try fieldTree(try m.required("message")))
        default: return try setkey(try m.required("setkey"), sequence: 1)
        }
    }

    /// A setkey command; requests carry `sequence` and pid 4242.
    static func setkey(_ value: YAMLValue, sequence: UInt32) throws(ScenarioError) -> MessageInput {
        do {
            return .setkey(try SetkeyInput.message(try value.string(), sequence: sequence, pid: 4242))
        } catch let refusal as SetkeyInput.Refusal {
            throw value.error(.invalidValue, refusal.message)
        } catch {
            throw error as! ScenarioError
        }
    }

    static func hex(_ value: YAMLValue) throws(ScenarioError) -> [UInt8] {
        let text = try value.string()
        guard let bytes = try? Hex.decode(text, skip: { $0.properties.isWhitespace || $0 == ":" }) else { throw value.error(.invalidValue, "not hex (two digits a byte; spaces, colons and line breaks allowed)") }
        return bytes
    }

    /// YAML to the codec's field tree: plain integers are numbers, everything else text
    /// (quote a hex key that is all digits).
    static func fieldTree(_ value: YAMLValue) throws(ScenarioError) -> FieldValue {
        switch value.node {
        case .mapping:
            var out: [String: FieldValue] = [:]
            for (k, v) in try value.mapping().entries { out[k] = try fieldTree(v) }
            return .object(out)
        case .sequence:
            var out: [FieldValue] = []
            for v in try value.list() { out.append(try fieldTree(v)) }
            return .list(out)
        case .scalar(let s):
            if s.style == .plain, let n = UInt64(s.string) { return .number(n) }
            return .string(s.string)
        case .alias:
            throw value.error(.wrongType, "aliases are not supported")
        }
    }

    static func parsePFKey(_ value: YAMLValue) throws(ScenarioError) -> PFKeyStep {
        let m = try value.mapping()
        try m.only(["hex", "message", "setkey", "dialect", "direction", "unknown-extensions", "expect"] + saTypeNumberingKeys)
        let direction: Direction?
        switch try m.optional("direction")?.word(["request", "kernel", "either"]) {
        case "request": direction = .request
        case "kernel": direction = .kernel
        default: direction = nil
        }
        let unknown: DecodingOptions.UnknownExtensions = try m.optional("unknown-extensions")?.word(["ignore", "reject"]) == "reject" ? .reject : .ignore
        let options = DecodingOptions(dialect: try dialect(m.optional("dialect")), direction: direction, unknownExtensions: unknown)
        var step = PFKeyStep(input: try message(m), options: options, expect: try messageExpectation(m, allowHex: true, extra: saTypeNameExpectationKeys))
        try saTypeNumbering(m, into: &step)
        return step
    }

    static func messageExpectation(_ owner: YAMLMapping, allowHex: Bool = false, extra: [String] = []) throws(ScenarioError) -> MessageExpectation {
        guard let value = owner.optional("expect") else { throw owner.value.error(.missingExpectation, "\"expect\" is required: a step without one proves nothing") }
        let m = try value.mapping()
        try m.only(["fields", "extension-types", "sa-state", "rejected"] + (allowHex ? ["hex"] : []) + extra)
        var e = MessageExpectation()
        if let f = m.optional("fields") {
            for (path, v) in try f.mapping().entries {
                guard case .scalar = v.node else { throw v.error(.wrongType, "a field expectation is one value (a number or a string; ~ for absent)") }
                e.fields.append((path, v.isNull ? nil : try v.string()))
            }
        }
        e.extensionTypes = try m.optional("extension-types")?.list().map { v throws(ScenarioError) in try v.string() }
        e.saState = try m.optional("sa-state")?.word(["larval", "mature", "dying", "dead"])
        if let h = m.optional("hex") { e.hex = try hex(h) }
        if let r = m.optional("rejected") { e.rejected = try rejection(r) }
        if e.isEmpty && !m.keys.contains(where: extra.contains) {
            throw value.error(.missingExpectation, "\"expect\" asks nothing (give fields, extension-types, sa-state, rejected\(allowHex ? " or hex" : ""))")
        }
        return e
    }

    static func rejection(_ value: YAMLValue) throws(ScenarioError) -> (code: String, offset: Int?) {
        let m = try value.mapping()
        try m.only(["code", "offset"])
        return (try m.required("code").string(), try m.optional("offset")?.integer(Int.self))
    }
}
