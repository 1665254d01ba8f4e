import Diagnostics
import Yams

/// A YAML node with where it is (file, line, column) and its path from the top of the
/// file, so every refusal names both. Only what the scenario format uses: mappings with
/// string keys, sequences, scalars.
struct YAMLValue {
    let node: Node
    let file: String
    /// `steps[0].pfkey.expect`
    let path: String

    var location: DiagnosticLocation {
        guard let mark = node.mark else { return .file(file) }
        return .fileLineColumn(file: file, line: mark.line, column: mark.column)
    }

    func error(_ code: ScenarioError.Code, _ message: String) -> ScenarioError {
        ScenarioError(code, message, at: location, field: path.isEmpty ? nil : path)
    }

    var kindName: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "a scalar"
        case .alias: "an alias"
        }
    }

    /// The mapping's entries in file order; keys must be plain strings, each once.
    func mapping() throws(ScenarioError) -> YAMLMapping {
        guard case .mapping(let m) = node else { throw error(.wrongType, "expected a mapping, found \(kindName)") }
        var entries: [(key: String, value: YAMLValue)] = []
        var keyNodes: [YAMLValue] = []
        for (k, v) in m {
            guard case .scalar(let s) = k else {
                throw YAMLValue(node: k, file: file, path: path).error(.wrongType, "a key must be a string")
            }
            if entries.contains(where: { $0.key == s.string }) {
                throw YAMLValue(node: k, file: file, path: child(s.string)).error(.invalidValue, "key \"\(s.string)\" appears twice")
            }
            entries.append((s.string, YAMLValue(node: v, file: file, path: child(s.string))))
            keyNodes.append(YAMLValue(node: k, file: file, path: child(s.string)))
        }
        return YAMLMapping(value: self, entries: entries, keyNodes: keyNodes)
    }

    func list() throws(ScenarioError) -> [YAMLValue] {
        guard case .sequence(let s) = node else { throw error(.wrongType, "expected a list, found \(kindName)") }
        return s.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A scalar's text (numbers and booleans as written).
    func string() throws(ScenarioError) -> String {
        guard case .scalar(let s) = node else { throw error(.wrongType, "expected a string, found \(kindName)") }
        return s.string
    }

    var isNull: Bool {
        if case .scalar(let s) = node { return s.style == .plain && ["~", "null", "Null", "NULL", ""].contains(s.string) }
        return false
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(ScenarioError) -> T {
        let text = try string()
        let value: T? = text.hasPrefix("0x") ? T(text.dropFirst(2), radix: 16) : T(text)
        guard let value else { throw error(.wrongType, "expected an integer that fits \(T.self), found \"\(text)\"") }
        return value
    }

    func bool() throws(ScenarioError) -> Bool {
        switch try string() {
        case "true": return true
        case "false": return false
        case let other: throw error(.wrongType, "expected true or false, found \"\(other)\"")
        }
    }

    /// One of `allowed`.
    func word(_ allowed: [String]) throws(ScenarioError) -> String {
        let text = try string()
        guard allowed.contains(text) else { throw error(.invalidValue, "\"\(text)\" is not one of \(allowed.joined(separator: ", "))") }
        return text
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// A mapping being read: `required`/`optional` take fields, `finish` refuses the rest.
struct YAMLMapping {
    let value: YAMLValue
    let entries: [(key: String, value: YAMLValue)]
    /// The keys as nodes (their line and column), parallel to `entries`.
    let keyNodes: [YAMLValue]

    var keys: [String] { entries.map(\.key) }

    func optional(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

    func required(_ key: String) throws(ScenarioError) -> YAMLValue {
        guard let v = optional(key) else { throw value.error(.missingField, "\"\(key)\" is required here") }
        return v
    }

    /// Refuses a key outside `allowed` (pointing at the key's own line and column).
    func only(_ allowed: [String]) throws(ScenarioError) {
        for (i, (key, _)) in entries.enumerated() where !allowed.contains(key) {
            throw keyNodes[i].error(.unknownField, "unknown field \"\(key)\" (expected one of \(allowed.joined(separator: ", ")))")
        }
    }
}

/// Parses a whole file into its top node; libyaml's errors become `syntax` with their mark.
enum YAMLFile {
    static func parse(_ text: String, file: String) throws(ScenarioError) -> YAMLValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw ScenarioError(.syntax, problem(e), at: mark(e).map { .fileLineColumn(file: file, line: $0.line, column: $0.column) } ?? .file(file))
        } catch {
            throw ScenarioError(.syntax, "\(error)", at: .file(file))
        }
        guard let root else { throw ScenarioError(.syntax, "the file is empty", at: .file(file)) }
        return YAMLValue(node: root, file: file, path: "")
    }

    static func mark(_ e: YamlError) -> Mark? {
        switch e {
        case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): m
        case .duplicatedKeysInMapping(_, let context): context.mark
        default: nil
        }
    }

    static func problem(_ e: YamlError) -> String {
        switch e {
        case .scanner(let c, let p, _, _), .parser(let c, let p, _, _), .composer(let c, let p, _, _):
            return c.map { "\(p) (\($0.text))" } ?? p
        case .duplicatedKeysInMapping(let d, _): return "duplicate keys \(d.joined(separator: ", "))"
        default: return "\(e)"
        }
    }
}
