import PFKey

// The SPD through the KAME/Linux X_SPD* messages (RFC 2367 leaves policy out).
extension ReferenceKernel {
    /// Linux xfrm_gen_index: a generator stepping by 8, or'ed with the xfrm direction
    /// (in 0, out 1, fwd 2); the first outbound policy gets id 1.
    mutating func newPolicyIndex(_ direction: PolicyExtension.PolicyDirection) -> UInt32 {
        let xfrmDir = UInt32(direction.rawValue == 0 ? 0 : direction.rawValue - 1)
        let id = policyIndexGenerator | xfrmDir
        policyIndexGenerator += 8
        return id
    }

    func policyMessage(_ type: MessageType, _ p: StoredPolicy, sequence: UInt32, pid: UInt32) -> Message {
        Message(type, sequence: sequence, pid: pid, extensions: [
            .address(p.source), .address(p.destination), .lifetime(p.hard), .lifetime(p.soft), .lifetime(p.current), .policy(p.policy),
        ])
    }

    func sameSelector(_ p: StoredPolicy, _ src: AddressExtension, _ dst: AddressExtension, _ dir: PolicyExtension.PolicyDirection) -> Bool {
        p.source == src && p.destination == dst && p.policy.direction == dir
    }

    /// Linux writes the upper-layer protocol "any" as 255 in replies.
    func selector(_ a: AddressExtension) -> AddressExtension {
        var a = a
        if a.proto == 0 { a.proto = 255 }
        return a
    }

    mutating func spdAdd(_ r: Message) -> [Message] {
        guard let s = r.address(.source), let d = r.address(.destination), var pol = r.policy else { return [reply(to: r, errno: Errno.EINVAL)] }
        let src = selector(s), dst = selector(d)
        if let i = policies.firstIndex(where: { sameSelector($0, src, dst, pol.direction) }) {
            guard r.type == .spdUpdate else { return [reply(to: r, errno: Errno.EEXIST)] }
            pol.id = policies[i].policy.id
            policies[i].policy = pol
            return [policyMessage(r.type, policies[i], sequence: r.sequence, pid: r.pid)]
        }
        pol.id = newPolicyIndex(pol.direction)
        let stored = StoredPolicy(source: src, destination: dst, policy: pol, current: LifetimeExtension(.current, addTime: now),
                                  hard: LifetimeExtension(.hard), soft: LifetimeExtension(.soft))
        // Linux orders the SPD by priority, then insertion.
        let at = policies.firstIndex { $0.policy.priority > pol.priority } ?? policies.count
        policies.insert(stored, at: at)
        return [policyMessage(r.type, stored, sequence: r.sequence, pid: r.pid)]
    }

    func spdGet(_ r: Message) -> [Message] {
        guard let id = r.policy?.id else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let p = policies.first(where: { $0.policy.id == id }) else { return [reply(to: r, errno: Errno.ENOENT)] }
        return [policyMessage(.spdGet, p, sequence: r.sequence, pid: r.pid)]
    }

    func spdDump(_ r: Message) -> [Message] {
        guard !policies.isEmpty else { return [reply(to: r, errno: Errno.ENOENT)] }
        return policies.enumerated().map { i, p in policyMessage(.spdDump, p, sequence: UInt32(policies.count - 1 - i), pid: r.pid) }
    }

    mutating func spdDelete(_ r: Message) -> [Message] {
        guard let s = r.address(.source), let d = r.address(.destination), let pol = r.policy else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = policies.firstIndex(where: { sameSelector($0, selector(s), selector(d), pol.direction) }) else {
            return [reply(to: r, errno: Errno.ENOENT)]
        }
        let p = policies.remove(at: i)
        return [policyMessage(.spdDelete, p, sequence: r.sequence, pid: r.pid)]
    }

    mutating func spdDelete2(_ r: Message) -> [Message] {
        guard let id = r.policy?.id else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = policies.firstIndex(where: { $0.policy.id == id }) else { return [reply(to: r, errno: Errno.ENOENT)] }
        let p = policies.remove(at: i)
        return [policyMessage(.spdDelete2, p, sequence: r.sequence, pid: r.pid)]
    }

    /// Installs SPD entries directly (for the rfc2367 dialect, which has no SPD messages:
    /// RFC 2367 1 "Security policy is deliberately omitted from this interface").
    public mutating func installPolicies(_ entries: [StoredPolicy]) {
        policies += entries
        policyIndexGenerator = max(policyIndexGenerator, (entries.map(\.policy.id).max() ?? 0) & ~7 + 8)
    }
}
