import PFKey
import TrafficSelectors

/// What a kernel SADB_ACQUIRE tells a key manager (RFC 2367 3.1.6): the addresses of the
/// packet that needs an SA, their ports when the kernel fills them in, and, in the KAME and
/// Linux dialects, the id of the policy that matched (X_POLICY). Core RFC 2367 carries no
/// policy: "Security policy is deliberately omitted from this interface" (section 1).
public struct AcquireTrigger: Hashable, Sendable {
    public var sequence: UInt32
    public var saType: SAType
    /// The triggering packet's source and destination as selectors (a host address; the
    /// port when the ACQUIRE carries one, else any).
    public var source: TrafficSelector
    public var destination: TrafficSelector
    /// True when the ACQUIRE's address extensions carry the session's ports, as RFC 2367
    /// 2.3.3 asks; false for Linux, which sends 0.
    public var carriesPorts: Bool
    /// `sadb_x_policy_id`, when the ACQUIRE has an X_POLICY extension.
    public var policyID: UInt32?
    /// The algorithm combinations the kernel proposes.
    public var combinations: [ProposalExtension.Combination]

    /// Reads an ACQUIRE sent by the kernel (`sadb_msg_pid` 0).
    public init(acquire: Message) throws(BridgeError) {
        guard acquire.type == .acquire else { throw BridgeError(.unexpectedMessage, "expected SADB_ACQUIRE, got \(acquire.type.name)") }
        let (s, d) = try SelectorConversion.selectors(of: acquire)
        sequence = acquire.sequence
        saType = acquire.saType
        source = s
        destination = d
        carriesPorts = (acquire.address(.source)?.address.port ?? 0) != 0 || (acquire.address(.destination)?.address.port ?? 0) != 0
        policyID = acquire.policy?.id
        combinations = acquire.proposal?.combinations ?? []
    }
}

/// The IKEv2 initiator's Traffic Selectors for a Child SA started by an ACQUIRE.
public struct InitiatorProposal: Hashable, Sendable {
    public var tsi: [TrafficSelector]
    public var tsr: [TrafficSelector]
    /// How each selector was obtained, for evidence.
    public var provenance: [String]
}

/// The key manager's side of the flow: ACQUIRE -> X_POLICY id -> X_SPDGET -> the policy's
/// selectors -> TSi/TSr (RFC 7296 2.9: the triggering packet's selectors first, then the
/// policy's) -> after narrowing, the PF_KEY messages that install the Child SA pair.
public enum AcquireFlow {
    /// The X_SPDGET request for the policy an ACQUIRE names (KAME/Linux): the only way the
    /// key manager learns the SPD entry's selectors from PF_KEY.
    public static func policyQuery(for trigger: AcquireTrigger, sequence: UInt32, pid: UInt32) throws(BridgeError) -> Message {
        guard let id = trigger.policyID else {
            throw BridgeError(.missingExtension, "the ACQUIRE carries no X_POLICY: in core RFC 2367 policy is not expressed")
        }
        return Message(.spdGet, sequence: sequence, pid: pid, extensions: [
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: id)),
        ])
    }

    /// The selectors of an SPD entry as PF_KEY carries it (an X_SPDGET or X_SPDADD reply):
    /// for an outbound policy the source is the initiator's side (TSi), the destination
    /// the responder's (TSr).
    public static func policySelectors(_ reply: Message) throws(BridgeError) -> (tsi: TrafficSelector, tsr: TrafficSelector, policyID: UInt32) {
        guard reply.type == .spdGet || reply.type == .spdAdd || reply.type == .spdUpdate || reply.type == .spdDump else {
            throw BridgeError(.unexpectedMessage, "expected an SPD message, got \(reply.type.name)")
        }
        guard let policy = reply.policy else { throw BridgeError(.missingExtension, "\(reply.type.name) without X_POLICY") }
        if reply.errno != 0 { throw BridgeError(.kernelError, "\(reply.type.name) failed with errno \(reply.errno)") }
        let (s, d) = try SelectorConversion.selectors(of: reply)
        return policy.direction == .inbound ? (d, s, policy.id) : (s, d, policy.id)
    }

    /// TSi/TSr for the CREATE_CHILD_SA (or IKE_AUTH) request: the triggering packet's
    /// selectors first (RFC 7296 2.9: "a very specific Traffic Selector including the
    /// addresses in the packet triggering the request"), then the policy's.
    public static func proposal(trigger: AcquireTrigger, policy: (tsi: TrafficSelector, tsr: TrafficSelector)) -> InitiatorProposal {
        var provenance = ["TSi[0] = TSr[0] source: the ACQUIRE's addresses (the triggering packet)"]
        if !trigger.carriesPorts {
            provenance.append("the ACQUIRE's ports are 0, so the specific selectors carry any port (Linux; RFC 2367 2.3.3 asks for the session's ports)")
        }
        provenance.append("TSi[1], TSr[1]: the policy's selectors from X_SPDGET")
        return InitiatorProposal(tsi: [trigger.source, policy.tsi], tsr: [trigger.destination, policy.tsr], provenance: provenance)
    }

    /// The responder's narrowing of the proposal with its policy.
    public static func narrow(_ proposal: InitiatorProposal, responderPolicy: NarrowingPolicy, profile: NarrowingProfile = .rfc7296) throws(BridgeError) -> NarrowingResult {
        let result = Narrowing.narrow(proposedTSi: proposal.tsi, proposedTSr: proposal.tsr, policy: responderPolicy, profile: profile)
        guard result.isAccepted, !result.tsi.isEmpty, !result.tsr.isEmpty else {
            throw BridgeError(.narrowingRefused, "responder sent \(result.notify?.name ?? "nothing"): \(result.reasons.joined(separator: "; "))")
        }
        return result
    }
}
