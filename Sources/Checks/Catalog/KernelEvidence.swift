import PFKey
import PFKeyReference

/// The real Linux af_key transcripts (KernelCaptures) decoded with the PF_KEY codec the
/// checks test: our requests under the request rules, the kernel's messages under the
/// kernel rules, unknown extensions rejected (strict). A capture that does not decode is
/// an error of the check, never a silent pass.
enum KernelEvidence {
    struct Decoded {
        let sent: Bool
        let bytes: [UInt8]
        let message: Message
    }

    static func options(sent: Bool) -> DecodingOptions {
        DecodingOptions(dialect: .linux, direction: sent ? .request : .kernel, unknownExtensions: .reject)
    }

    /// Every message of scenario `name`, decoded; records the scenario in the evidence.
    static func scenario(_ name: String, _ ctx: inout CheckContext) throws -> [Decoded] {
        guard let scenario = KernelCaptures.scenarios.first(where: { $0.name == name }) else {
            throw CheckError(.captureMissing, "kernel capture scenario \(name) is not in KernelCaptures")
        }
        ctx.capture(name)
        return try scenario.messages.map { exchange in
            Decoded(sent: exchange.sent, bytes: exchange.bytes, message: try Message(decoding: exchange.bytes, options: options(sent: exchange.sent)))
        }
    }

    /// The first message of `type` going the given way, after message index `after`.
    static func first(_ type: MessageType, sent: Bool, in messages: [Decoded], after: Int = -1, scenario: String) throws -> (index: Int, decoded: Decoded) {
        for (i, m) in messages.enumerated() where i > after && m.sent == sent && m.message.type == type {
            return (i, m)
        }
        throw CheckError(.captureMissing, "kernel capture \(scenario) has no \(sent ? "request" : "kernel") \(type)")
    }

    /// "port,port" of a message's source and destination address extensions.
    static func ports(_ message: Message) -> String {
        "\(message.address(.source)?.address.port.description ?? "none"),\(message.address(.destination)?.address.port.description ?? "none")"
    }

    /// The policy flow on the real kernel: ACQUIRE -> X_POLICY id -> X_SPDGET -> selectors,
    /// then GETSPI/UPDATE and a GET that finds the SA.
    struct PolicyFlow {
        static let scenario = "acquire-pfkey-policy-flow"
        let acquire: Decoded
        let spdGet: Decoded
        let spdGetReply: Decoded
        let getSPIReply: Decoded
        let update: Decoded
        let updateReply: Decoded
        let get: Decoded
        let getReply: Decoded

        init(_ ctx: inout CheckContext) throws {
            let all = try KernelEvidence.scenario(Self.scenario, &ctx)
            let s = Self.scenario
            let acquire = try first(.acquire, sent: false, in: all, scenario: s)
            let spdGet = try first(.spdGet, sent: true, in: all, after: acquire.index, scenario: s)
            let spdGetReply = try first(.spdGet, sent: false, in: all, after: spdGet.index, scenario: s)
            let getSPIReply = try first(.getSPI, sent: false, in: all, after: spdGetReply.index, scenario: s)
            let update = try first(.update, sent: true, in: all, after: getSPIReply.index, scenario: s)
            let updateReply = try first(.update, sent: false, in: all, after: update.index, scenario: s)
            let get = try first(.get, sent: true, in: all, after: updateReply.index, scenario: s)
            let getReply = try first(.get, sent: false, in: all, after: get.index, scenario: s)
            self.acquire = acquire.decoded
            self.spdGet = spdGet.decoded
            self.spdGetReply = spdGetReply.decoded
            self.getSPIReply = getSPIReply.decoded
            self.update = update.decoded
            self.updateReply = updateReply.decoded
            self.get = get.decoded
            self.getReply = getReply.decoded
        }
    }

    /// The 1528-byte ACQUIRE (20 combs) the kernel sent for a policy set with `ip xfrm policy`.
    static func ipXfrmAcquire(_ ctx: inout CheckContext) throws -> Decoded {
        let name = "acquire-ip-xfrm-policy"
        return try first(.acquire, sent: false, in: try scenario(name, &ctx), scenario: name).decoded
    }
}
