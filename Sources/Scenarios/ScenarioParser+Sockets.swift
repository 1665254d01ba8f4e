import PFKey
import PFKeyReference

/// Several PF_KEY sockets on one reference kernel (`ReferenceKeySockets`): which socket
/// reads which message (RFC 2367 3.1: "to all listening processes", "to registered
/// sockets"), the kernel's algorithm lists (the order is its preference: the ACQUIRE's
/// proposal follows it), SPD entries installed directly (the rfc2367 dialect has no SPD
/// messages), and the permissions a kernel may take (an UPDATE only from the socket that
/// created the SA; message types it does not support).
public struct SocketsStep: Sendable {
    public enum Action: Sendable {
        case send(MessageInput, socket: Int)
        case packet(source: String, destination: String, proto: UInt8, sourcePort: UInt16, destinationPort: UInt16)
        case advanceClock(UInt64)
        /// Algorithms loaded or unloaded: the kernel's new lists.
        case algorithms(auth: [SupportedExtension.Algorithm], encrypt: [SupportedExtension.Algorithm])
    }
    public struct Item: Sendable {
        public var action: Action
        /// The first message `socket` read (default: the sender; else the first socket that read one).
        public var expect: MessageExpectation
        public var socket: Int?
        /// Per socket: the types of the messages it read, in order.
        public var delivered: [(socket: Int, types: [String])]
        public var packetAction: String?
        public var path: String
    }
    public struct Policy: Sendable {
        public var source: String
        public var destination: String
        public var saType: SAType
    }
    public var dialect: Dialect
    public var sockets: [String]
    public var algorithms: (auth: [SupportedExtension.Algorithm], encrypt: [SupportedExtension.Algorithm])?
    public var policies: [Policy]
    public var updateOnlyFromCreator: Bool
    public var unsupported: [MessageType]
    public var items: [Item]
}

extension ScenarioParser {
    static func parseSockets(_ value: YAMLValue) throws(ScenarioError) -> SocketsStep {
        let m = try value.mapping()
        try m.only(["dialect", "sockets", "algorithms", "policies", "update-only-from-creator", "unsupported", "sequence"])
        let socketsValue = try m.required("sockets")
        let names = try socketsValue.list().map { v throws(ScenarioError) in try v.string() }
        guard !names.isEmpty, Set(names).count == names.count else { throw socketsValue.error(.invalidValue, "sockets: one or more distinct names") }
        func socket(_ v: YAMLValue) throws(ScenarioError) -> Int {
            let name = try v.string()
            guard let i = names.firstIndex(of: name) else { throw v.error(.invalidValue, "no socket \"\(name)\" (sockets: \(names.joined(separator: ", ")))") }
            return i
        }
        var unsupported: [MessageType] = []
        for u in try m.optional("unsupported")?.list() ?? [] {
            guard let t = MessageType(name: try u.string()) else { throw u.error(.invalidValue, "unknown PF_KEY message type \"\(try u.string())\"") }
            unsupported.append(t)
        }
        var policies: [SocketsStep.Policy] = []
        for p in try m.optional("policies")?.list() ?? [] {
            let pm = try p.mapping()
            try pm.only(["source", "destination", "satype"])
            let satype: SAType = try pm.required("satype").word(["esp", "ah"]) == "ah" ? .ah : .esp
            policies.append(SocketsStep.Policy(source: try prefix(pm.required("source")), destination: try prefix(pm.required("destination")), saType: satype))
        }
        let items = try m.required("sequence").list()
        guard !items.isEmpty else { throw try m.required("sequence").error(.missingExpectation, "an empty sockets sequence records nothing") }
        var out: [SocketsStep.Item] = []
        for item in items {
            let im = try item.mapping()
            let actions = im.keys.filter { ["send", "setkey", "packet", "advance-clock", "algorithms"].contains($0) }
            guard actions.count == 1 else {
                throw item.error(actions.isEmpty ? .unknownStepKind : .invalidValue,
                                 "each sockets item is one of send or setkey (with from), packet, advance-clock or algorithms, with expect")
            }
            let action: SocketsStep.Action
            switch actions[0] {
            case "send", "setkey":
                try im.only([actions[0], "from", "expect"])
                let from = try socket(im.required("from"))
                if actions[0] == "setkey" {
                    action = .send(try setkey(try im.required("setkey"), sequence: UInt32(out.count + 1)), socket: from)
                } else {
                    let send = try im.required("send")
                    if case .scalar = send.node { action = .send(.hex(try hex(send)), socket: from) } else { action = .send(.fields(try fieldTree(send)), socket: from) }
                }
            case "packet":
                try im.only(["packet", "expect"])
                let p = try im.required("packet").mapping()
                try p.only(["source", "destination", "protocol", "source-port", "destination-port"])
                action = .packet(source: try address(p.required("source")), destination: try address(p.required("destination")),
                                 proto: try p.optional("protocol")?.integer(UInt8.self) ?? 17,
                                 sourcePort: try p.optional("source-port")?.integer(UInt16.self) ?? 0,
                                 destinationPort: try p.optional("destination-port")?.integer(UInt16.self) ?? 0)
            case "advance-clock":
                try im.only(["advance-clock", "expect"])
                action = .advanceClock(try im.required("advance-clock").integer(UInt64.self))
            default:
                try im.only(["algorithms", "expect"])
                let a = try algorithmLists(im.required("algorithms"))
                action = .algorithms(auth: a.auth, encrypt: a.encrypt)
            }
            let expect = try messageExpectation(im, extra: ["delivered", "socket", "action"])
            let em = try im.required("expect").mapping()
            var delivered: [(socket: Int, types: [String])] = []
            if let d = em.optional("delivered") {
                let dm = try d.mapping()
                guard !dm.entries.isEmpty else { throw d.error(.missingExpectation, "\"delivered\" names no socket") }
                for (i, (_, types)) in dm.entries.enumerated() {
                    delivered.append((try socket(dm.keyNodes[i]), try types.list().map { v throws(ScenarioError) in try v.string() }))
                }
            }
            let reader = try em.optional("socket").map { v throws(ScenarioError) in try socket(v) }
            if em.optional("socket") != nil && expect.isEmpty {
                throw try em.required("socket").error(.missingExpectation, "\"socket\" names whose message the fields are read from: give fields, extension-types or sa-state")
            }
            out.append(SocketsStep.Item(action: action, expect: expect, socket: reader, delivered: delivered,
                                        packetAction: try em.optional("action")?.word(["protected", "acquiring", "discarded", "bypassed", "no-policy"]),
                                        path: item.path))
        }
        return SocketsStep(dialect: try dialect(m.optional("dialect")), sockets: names,
                           algorithms: try m.optional("algorithms").map { v throws(ScenarioError) in try algorithmLists(v) },
                           policies: policies, updateOnlyFromCreator: try m.optional("update-only-from-creator")?.bool() ?? false,
                           unsupported: unsupported, items: out)
    }

    /// `{auth: [{id, minbits, maxbits}], encrypt: [{id, ivlen, minbits, maxbits}]}`, in the kernel's order of preference.
    static func algorithmLists(_ value: YAMLValue) throws(ScenarioError) -> (auth: [SupportedExtension.Algorithm], encrypt: [SupportedExtension.Algorithm]) {
        let m = try value.mapping()
        try m.only(["auth", "encrypt"])
        func list(_ key: String) throws(ScenarioError) -> [SupportedExtension.Algorithm] {
            var out: [SupportedExtension.Algorithm] = []
            for a in try m.optional(key)?.list() ?? [] {
                let am = try a.mapping()
                try am.only(["id", "ivlen", "minbits", "maxbits"])
                out.append(.init(id: try am.required("id").integer(UInt8.self), ivLength: try am.optional("ivlen")?.integer(UInt8.self) ?? 0,
                                 minBits: try am.required("minbits").integer(UInt16.self), maxBits: try am.required("maxbits").integer(UInt16.self)))
            }
            return out
        }
        return (try list("auth"), try list("encrypt"))
    }

    /// An address with an optional prefix length: `10.0.0.0/24`, `10.0.0.1`.
    static func prefix(_ value: YAMLValue) throws(ScenarioError) -> String {
        let text = try value.string()
        let parts = text.split(separator: "/")
        guard (1...2).contains(parts.count), let a = IPAddress(parts[0]),
              parts.count == 1 || Int(parts[1]).map({ $0 >= 0 && $0 <= a.family.bitCount }) == true else {
            throw value.error(.invalidValue, "\"\(text)\" is not an address or ADDRESS/PREFIX")
        }
        return text
    }
}
