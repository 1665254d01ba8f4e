import Checks
import PFKey
import PFKeyReference

extension ScenarioRunner {
    /// Requests, packets and clock steps through one reference kernel: each reply and each
    /// message the kernel sends is encoded and decoded by the codec (kernel direction) before
    /// any expectation reads it.
    static func runKernel(_ s: KernelStep, _ label: String, _ ctx: inout CheckContext) throws {
        var kernel = ReferenceKernel(dialect: s.dialect)
        let kernelRules = DecodingOptions(dialect: s.dialect, direction: .kernel)
        for (i, item) in s.items.enumerated() {
            let itemLabel = "\(label).\(i + 1)"
            switch item.action {
            case .send(let input):
                let request = try bytes(input, dialect: s.dialect)
                ctx.hex("\(itemLabel): request", request)
                let replies = kernel.handle(bytes: request)
                guard let reply = replies.first else {
                    // `message-types: []` on a send expects silence (an ACQUIRE reporting
                    // failure, RFC 2367 3.1.6, gets no reply); otherwise a reply is due.
                    ctx.expect("\(itemLabel): the kernel replies", "no reply", equals: item.messageTypes == [] ? "no reply" : "a reply")
                    continue
                }
                for (n, r) in replies.enumerated() { ctx.hex(replies.count == 1 ? "\(itemLabel): reply" : "\(itemLabel): reply \(n + 1)", r) }
                let decoded = replies.map { bytes in Result { try Message(decoding: bytes, options: kernelRules) } }
                expectSequence(decoded, item, itemLabel, &ctx)
                if !item.expect.isEmpty {
                    judge(Result { try Message(decoding: reply, options: kernelRules) }, item.expect, dialect: s.dialect, "\(itemLabel): reply", &ctx)
                }
            case .packet(let source, let destination, let proto, let sourcePort, let destinationPort):
                guard let src = IPAddress(source), let dst = IPAddress(destination) else {
                    throw CheckError(.setupFailed, "\(itemLabel): packet addresses do not parse")
                }
                ctx.input("\(itemLabel): packet", "proto \(proto) \(source):\(sourcePort) -> \(destination):\(destinationPort)")
                let result = kernel.send(ReferenceKernel.OutboundPacket(source: src, destination: dst, proto: proto, sourcePort: sourcePort, destinationPort: destinationPort))
                if let expected = item.packetAction { ctx.expect("\(itemLabel): packet meets", Self.name(result.action), equals: expected) }
                if let spi = item.packetSPI { ctx.expect("\(itemLabel): SPI the packet is protected with", Self.spi(result.action), equals: String(spi)) }
                try listenerMessages(result.messages, item, dialect: s.dialect, itemLabel, &ctx)
            case .traffic(let input):
                try runTraffic(input, item, &kernel, dialect: s.dialect, itemLabel, &ctx)
            case .advanceClock(let seconds):
                ctx.input("\(itemLabel): clock", "+\(seconds) s")
                try listenerMessages(kernel.advanceClock(by: seconds), item, dialect: s.dialect, itemLabel, &ctx)
            }
        }
    }

    /// What the kernel sent to registered sockets, over the wire.
    static func listenerMessages(_ messages: [Message], _ item: KernelStep.Item, dialect: Dialect, _ label: String, _ ctx: inout CheckContext) throws {
        var decoded: [Result<Message, Error>] = []
        for (n, m) in messages.enumerated() {
            let bytes = try m.encode(dialect: dialect)
            ctx.hex("\(label): kernel message \(n + 1)", bytes)
            decoded.append(Result { try Message(decoding: bytes, options: DecodingOptions(dialect: dialect, direction: .kernel)) })
        }
        expectSequence(decoded, item, label, &ctx)
        guard !item.expect.isEmpty else { return }
        guard let first = decoded.first else {
            ctx.expect("\(label): a message to listeners", "none", equals: "a message")
            return
        }
        judge(first, item.expect, dialect: dialect, "\(label): kernel message 1", &ctx)
    }

    /// The types and sequence numbers of every message, as decoded.
    static func expectSequence(_ decoded: [Result<Message, Error>], _ item: KernelStep.Item, _ label: String, _ ctx: inout CheckContext) {
        if let types = item.messageTypes {
            ctx.expect("\(label): messages the kernel sent", decoded.map { (try? $0.get()).map(\.type.name) ?? "undecodable" }, equals: types)
        }
        if let seqs = item.sequenceNumbers {
            ctx.expect("\(label): their sadb_msg_seq", decoded.map { (try? $0.get()).map { String($0.sequence) } ?? "undecodable" }, equals: seqs.map(String.init))
        }
    }

    static func spi(_ action: ReferenceKernel.PacketResult.Action) -> String {
        if case .protected(let spi) = action { return String(spi) }
        return "not protected (\(name(action)))"
    }

    static func name(_ action: ReferenceKernel.PacketResult.Action) -> String {
        switch action {
        case .noPolicy: "no-policy"
        case .bypass: "bypassed"
        case .discard: "discarded"
        case .protected: "protected"
        case .acquiring: "acquiring"
        }
    }
}
