import Checks
import PFKey
import PFKeyReference
import WireCore

/// Runs a scenario's steps against the reference code, recording evidence. Every
/// expectation reads what the codec decoded from bytes or what the kernel or engine
/// replied; nothing compares with the request the scenario itself wrote.
public enum ScenarioRunner {
    public static func run(_ scenario: Scenario, _ ctx: inout CheckContext) throws {
        ctx.input("scenario file", scenario.displayName)
        for (i, step) in scenario.steps.enumerated() {
            let label = "step \(i + 1)"
            switch step {
            case .pfkey(let s): try runPFKey(s, label, &ctx)
            case .kernel(let s): try runKernel(s, label, &ctx)
            case .capture(let s): try runCapture(s, label, &ctx)
            case .spd(let s): try runSPD(s, label, &ctx)
            case .tsNarrow(let s): try runNarrow(s, label, &ctx)
            case .tsDecode(let s): try runTSDecode(s, label, &ctx)
            case .sockets(let s): try runSockets(s, label, &ctx)
            }
        }
    }

    /// The bytes of a message input: as written, or as the codec encodes the field tree.
    static func bytes(_ input: MessageInput, dialect: Dialect) throws -> [UInt8] {
        switch input {
        case .hex(let b): return b
        case .setkey(let m):
            do { return try m.encode(dialect: dialect) } catch {
                throw CheckError(.setupFailed, "the scenario's setkey command could not be encoded: \(error)")
            }
        case .fields(let f):
            do {
                return try Message(fields: f, dialect: dialect).encode(dialect: dialect)
            } catch {
                throw CheckError(.setupFailed, "the scenario's message fields could not be encoded: \(error)")
            }
        }
    }

    static func runPFKey(_ s: PFKeyStep, _ label: String, _ ctx: inout CheckContext) throws {
        let bytes = try bytes(s.input, dialect: s.options.dialect)
        ctx.hex("\(label): message", bytes)
        if let hex = s.expect.hex { ctx.expect("\(label): encoded bytes", bytes, equals: hex) }
        let decoded = Result { try Message(decoding: bytes, options: s.options) }
        judge(decoded, s.expect, dialect: s.options.dialect, label, &ctx)
        expectSATypeName(s, decoded, label, &ctx)
    }

    /// Judges a decoding: the verdict (accepted, or rejected with a code at an offset), then
    /// the fields of what was decoded.
    static func judge(_ decoded: Result<Message, Error>, _ e: MessageExpectation, dialect: Dialect, _ label: String, _ ctx: inout CheckContext) {
        let verdict: String, offset: Int?
        switch decoded {
        case .success: (verdict, offset) = ("accepted", nil)
        case .failure(let error as PFKeyError): (verdict, offset) = ("rejected with \(error.codeName)", error.offset)
        case .failure(let error): (verdict, offset) = ("rejected: \(error)", nil)
        }
        if let r = e.rejected {
            ctx.expect("\(label): verdict", verdict, equals: "rejected with \(r.code)")
            if let o = r.offset { ctx.expect("\(label): rejection offset", offset, equals: o) }
            return
        }
        guard case .success(let message) = decoded else {
            ctx.expect("\(label): verdict", verdict, equals: "accepted")
            return
        }
        expectMessage(message, e, dialect: dialect, label, &ctx)
    }

    static func expectMessage(_ m: Message, _ e: MessageExpectation, dialect: Dialect, _ label: String, _ ctx: inout CheckContext) {
        let tree = m.fields(dialect: dialect)
        for (path, value) in e.fields {
            ctx.expect("\(label): \(path)", FieldPath.read(path, in: tree) ?? "absent", equals: value ?? "absent")
        }
        if let types = e.extensionTypes { ctx.expect("\(label): extension types", m.extensions.map(\.name), equals: types) }
        if let state = e.saState { ctx.expect("\(label): SA state", m.sa.map { "\($0.state)" } ?? "no SA extension", equals: state) }
    }

    static func runCapture(_ s: CaptureStep, _ label: String, _ ctx: inout CheckContext) throws {
        if let name = s.mutation {
            try runMutation(name, s, label, &ctx)
            return
        }
        guard let capture = KernelCaptures.scenarios.first(where: { $0.name == s.scenario }) else {
            throw CheckError(.captureMissing, "kernel capture scenario \(s.scenario) is not in KernelCaptures")
        }
        ctx.capture(s.scenario)
        var seen = 0
        for exchange in capture.messages where exchange.sent != s.fromKernel {
            let options = DecodingOptions(dialect: .linux, direction: exchange.sent ? .request : .kernel, unknownExtensions: .reject)
            let message: Message
            do { message = try Message(decoding: exchange.bytes, options: options) } catch {
                throw CheckError(.setupFailed, "capture \(s.scenario): a message does not decode strictly: \(error)")
            }
            guard message.type.name == s.type else { continue }
            seen += 1
            guard seen == s.nth else { continue }
            ctx.hex("\(label): real kernel \(s.fromKernel ? "" : "request ")SADB_\(s.type) (\(s.scenario))", exchange.bytes)
            judge(.success(message), s.expect, dialect: .linux, "\(label): real kernel", &ctx)
            return
        }
        throw CheckError(.captureMissing, "capture \(s.scenario) has \(seen) \(s.fromKernel ? "kernel" : "request") SADB_\(s.type), not \(s.nth)")
    }

    /// A malformed request Linux 6.1 was sent in the differential: its recorded answer, and
    /// the strict codec's verdict on the same bytes.
    static func runMutation(_ name: String, _ s: CaptureStep, _ label: String, _ ctx: inout CheckContext) throws {
        // "KIND", or "BASE/KIND" where several requests had that mutation (bitflip-0-0).
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        let matching = KernelCaptures.mutations.filter { parts.count == 2 ? $0.base == parts[0] && $0.kind == parts[1] : $0.kind == name }
        guard let mutation = matching.first else {
            throw CheckError(.captureMissing, "the differential has no mutation \(name)")
        }
        guard matching.count == 1 else {
            throw CheckError(.setupFailed, "mutation \(name) was applied to \(matching.map(\.base).joined(separator: ", ")): name it BASE/\(name)")
        }
        guard let bytes = try? Hex.decode(mutation.hex, skip: { _ in false }) else {
            throw CheckError(.setupFailed, "mutation \(name): its hex does not decode")
        }
        ctx.capture("differential")
        ctx.hex("\(label): request sent to the real kernel (\(mutation.base) \(name))", bytes)
        if let linux = s.linux { ctx.expect("\(label): real kernel answered", mutation.kernel, equals: linux) }
        if s.expect.rejected != nil || !s.expect.isEmpty {
            let decoded = Result { try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: .request)) }
            judge(decoded, s.expect, dialect: .linux, "\(label): strict codec", &ctx)
        }
    }
}

/// A dotted path into the codec's field tree: `extensions[ADDRESS_SRC].port` (the first
/// extension of that type), `extensions[0].type`, `seq`.
enum FieldPath {
    static func read(_ path: String, in tree: FieldValue) -> String? {
        var node: FieldValue? = tree
        for segment in segments(path) {
            guard let current = node else { return nil }
            if let key = segment.key {
                node = current[key]
            } else if let index = segment.index {
                guard case .list(let items) = current else { return nil }
                if let n = Int(index) {
                    node = n < items.count ? items[n] : nil
                } else {
                    node = items.first { $0["type"] == .string(index) }
                }
            }
        }
        switch node {
        case .number(let n)?: return String(n)
        case .string(let s)?: return s
        case .list(let l)?: return "list of \(l.count)"
        case .object?: return "object"
        case nil: return nil
        }
    }

    static func segments(_ path: String) -> [(key: String?, index: String?)] {
        var out: [(key: String?, index: String?)] = []
        var current = ""
        var inBracket = false
        for c in path {
            switch c {
            case "." where !inBracket:
                if !current.isEmpty { out.append((current, nil)) }
                current = ""
            case "[" where !inBracket:
                if !current.isEmpty { out.append((current, nil)) }
                current = ""
                inBracket = true
            case "]" where inBracket:
                out.append((nil, current))
                current = ""
                inBracket = false
            default:
                current.append(c)
            }
        }
        if !current.isEmpty { out.append((current, nil)) }
        return out
    }
}
