import Checks
import PFKey
import PFKeyReference

extension ScenarioRunner {
    /// Requests sent on named sockets, packets, clock steps and algorithm changes through one
    /// reference kernel with several sockets open: every message a socket reads is encoded
    /// and decoded by the codec (kernel direction) before any expectation reads it.
    static func runSockets(_ s: SocketsStep, _ label: String, _ ctx: inout CheckContext) throws {
        var kernel = ReferenceKernel(dialect: s.dialect)
        if let a = s.algorithms {
            kernel.supportedAuth = a.auth
            kernel.supportedEncrypt = a.encrypt
        }
        for (i, p) in s.policies.enumerated() {
            guard let src = addressExtension(.source, p.source), let dst = addressExtension(.destination, p.destination) else {
                throw CheckError(.setupFailed, "\(label): policy \(i + 1) addresses do not parse")
            }
            kernel.installOutboundPolicy(source: src, destination: dst, saType: p.saType)
            ctx.input("\(label): SPD entry \(i + 1)", "\(p.source) -> \(p.destination) \(p.saType.name)/transport/require")
        }
        var sockets = ReferenceKeySockets(kernel: kernel, sockets: s.sockets.count, updateOnlyFromCreator: s.updateOnlyFromCreator,
                                          unsupported: Set(s.unsupported))
        ctx.input("\(label): sockets", s.sockets.joined(separator: ", "))
        for (i, item) in s.items.enumerated() {
            let itemLabel = "\(label).\(i + 1)"
            let deliveries: [ReferenceKeySockets.Delivery]
            var sender: Int?
            switch item.action {
            case .send(let input, let socket):
                let request = try bytes(input, dialect: s.dialect)
                ctx.hex("\(itemLabel): request on socket \(s.sockets[socket])", request)
                deliveries = sockets.send(request, from: socket)
                sender = socket
            case .packet(let source, let destination, let proto, let sourcePort, let destinationPort):
                guard let src = IPAddress(source), let dst = IPAddress(destination) else {
                    throw CheckError(.setupFailed, "\(itemLabel): packet addresses do not parse")
                }
                ctx.input("\(itemLabel): packet", "proto \(proto) \(source):\(sourcePort) -> \(destination):\(destinationPort)")
                let sent = sockets.send(ReferenceKernel.OutboundPacket(source: src, destination: dst, proto: proto, sourcePort: sourcePort, destinationPort: destinationPort))
                if let expected = item.packetAction { ctx.expect("\(itemLabel): packet meets", Self.name(sent.result.action), equals: expected) }
                deliveries = sent.deliveries
            case .advanceClock(let seconds):
                ctx.input("\(itemLabel): clock", "+\(seconds) s")
                deliveries = sockets.advanceClock(by: seconds)
            case .algorithms(let auth, let encrypt):
                ctx.input("\(itemLabel): algorithms now", "auth \(auth.map { String($0.id) }.joined(separator: ",")); encrypt \(encrypt.map { String($0.id) }.joined(separator: ","))")
                deliveries = sockets.setAlgorithms(auth: auth, encrypt: encrypt)
            }
            // Over the wire: each message as the reading socket gets its bytes.
            var read: [[Result<Message, Error>]] = Array(repeating: [], count: s.sockets.count)
            for d in deliveries {
                let bytes = try d.message.encode(dialect: s.dialect)
                ctx.hex("\(itemLabel): socket \(s.sockets[d.socket]) reads", bytes)
                read[d.socket].append(Result { try Message(decoding: bytes, options: DecodingOptions(dialect: s.dialect, direction: .kernel)) })
            }
            for (socket, types) in item.delivered {
                ctx.expect("\(itemLabel): messages socket \(s.sockets[socket]) read",
                           read[socket].map { (try? $0.get()).map(\.type.name) ?? "undecodable" }, equals: types)
            }
            guard !item.expect.isEmpty else { continue }
            let reader = item.socket ?? sender ?? read.firstIndex { !$0.isEmpty }
            guard let reader, let first = read[reader].first else {
                ctx.expect("\(itemLabel): a message to judge", "none read", equals: "a message")
                continue
            }
            judge(first, item.expect, dialect: s.dialect, "\(itemLabel): socket \(s.sockets[reader])'s first message", &ctx)
        }
    }

    static func addressExtension(_ kind: AddressExtension.Kind, _ text: String) -> AddressExtension? {
        let parts = text.split(separator: "/")
        guard let a = IPAddress(parts[0]) else { return nil }
        let length = parts.count == 2 ? Int(parts[1]) ?? a.family.bitCount : a.family.bitCount
        return AddressExtension(kind, SocketAddress(a), proto: 255, prefixLength: UInt8(length))
    }
}
