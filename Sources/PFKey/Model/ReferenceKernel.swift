/// An in-memory PF_KEY kernel: the SADB and SPD, driven by request messages, outbound
/// packets and a simulated clock. Its replies have the shapes the real Linux 6.1 af_key was
/// seen to send (notes/pfkey.md) in the `linux` dialect, and RFC 2367 3.1's in `rfc2367`.
///
/// ```
/// var kernel = ReferenceKernel(dialect: .linux)
/// let replies = kernel.handle(request)           // what the sending socket reads
/// let result = kernel.send(OutboundPacket(...))  // ACQUIREs to registered sockets
/// let expires = kernel.advanceClock(by: 60)      // EXPIREs on soft/hard lifetimes
/// ```
public struct ReferenceKernel: Sendable {
    public enum Errno {
        public static let ENOENT: UInt8 = 2
        public static let ESRCH: UInt8 = 3
        public static let EEXIST: UInt8 = 17
        public static let EINVAL: UInt8 = 22
        public static let EOPNOTSUPP: UInt8 = 95
    }

    /// One SA in the SADB.
    public struct StoredSA: Sendable, Hashable {
        public var saType: SAType
        public var sa: SAExtension
        public var source: AddressExtension
        public var destination: AddressExtension
        public var proxy: AddressExtension?
        public var authKey: KeyExtension?
        public var encryptKey: KeyExtension?
        public var hard: LifetimeExtension
        public var soft: LifetimeExtension
        public var current: LifetimeExtension
        public var sa2: SA2Extension
        public var natT: [Extension]
        /// The ACQUIRE this larval SA answers (its sadb_msg_seq), 0 when none.
        public var acquireSequence: UInt32
        var softExpired = false
    }

    /// One SPD entry.
    public struct StoredPolicy: Sendable, Hashable {
        public var source: AddressExtension
        public var destination: AddressExtension
        public var policy: PolicyExtension
        public var current: LifetimeExtension
        public var hard: LifetimeExtension
        public var soft: LifetimeExtension
    }

    /// An outbound packet to be matched against the SPD.
    public struct OutboundPacket: Sendable, Hashable {
        public var source: IPAddress
        public var destination: IPAddress
        public var proto: UInt8
        public var sourcePort: UInt16
        public var destinationPort: UInt16

        public init(source: IPAddress, destination: IPAddress, proto: UInt8 = 17, sourcePort: UInt16 = 0, destinationPort: UInt16 = 0) {
            self.source = source
            self.destination = destination
            self.proto = proto
            self.sourcePort = sourcePort
            self.destinationPort = destinationPort
        }
    }

    /// What happened to an outbound packet.
    public struct PacketResult: Sendable, Hashable {
        public enum Action: Sendable, Hashable {
            /// No policy matched: sent in the clear.
            case noPolicy
            /// A policy of type none/bypass matched.
            case bypass
            /// A discard policy matched.
            case discard
            /// Protected by the SA with this SPI.
            case protected(spi: UInt32)
            /// Held until key management answers the ACQUIRE with this sequence number.
            case acquiring(sequence: UInt32)
        }
        public var action: Action
        public var policyID: UInt32?
        /// The messages sent to registered sockets (an ACQUIRE, or nothing).
        public var messages: [Message]
    }

    public let dialect: Dialect
    /// Seconds since the epoch; moved by `advanceClock(by:)`.
    public private(set) var now: UInt64
    public var supportedAuth: [SupportedExtension.Algorithm]
    public var supportedEncrypt: [SupportedExtension.Algorithm]
    public private(set) var sas: [StoredSA] = []
    public private(set) var policies: [StoredPolicy] = []
    public private(set) var registered: Set<UInt8> = []
    var policyIndexGenerator: UInt32 = 0
    var acquireSequence: UInt32 = 0
    var nextSPI: UInt32 = 0xc000_0100

    public init(dialect: Dialect = .linux, now: UInt64 = 1_700_000_000,
                supportedAuth: [SupportedExtension.Algorithm] = ReferenceAlgorithms.auth,
                supportedEncrypt: [SupportedExtension.Algorithm] = ReferenceAlgorithms.encrypt) {
        self.dialect = dialect
        self.now = now
        self.supportedAuth = supportedAuth
        self.supportedEncrypt = supportedEncrypt
    }

    // MARK: Requests

    /// Decodes `bytes` as a request (strictly, in the kernel's dialect) and handles it; a
    /// message that does not decode gets an EINVAL reply when its header is readable.
    public mutating func handle(bytes: [UInt8]) -> [[UInt8]] {
        do {
            let request = try Message(decoding: bytes, options: DecodingOptions(dialect: dialect, direction: .request))
            return handle(request).compactMap { try? $0.encode(dialect: dialect) }
        } catch {
            guard bytes.count >= 16, let type = dialect.messageType(number: bytes[1]) else { return [] }
            let seq = UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24
            let pid = UInt32(bytes[12]) | UInt32(bytes[13]) << 8 | UInt32(bytes[14]) << 16 | UInt32(bytes[15]) << 24
            let reply = Message(type, saType: SAType(rawValue: bytes[3]), errno: Errno.EINVAL, sequence: seq, pid: pid)
            return [(try? reply.encode(dialect: dialect)) ?? []]
        }
    }

    /// Handles one request (already decoded) and returns what the sending socket reads, in order.
    public mutating func handle(_ request: Message) -> [Message] {
        switch request.type {
        case .getSPI: return getSPI(request)
        case .update: return update(request)
        case .add: return add(request)
        case .delete: return delete(request)
        case .get: return get(request)
        case .register: return register(request)
        case .flush: return flush(request)
        case .dump: return dump(request)
        case .spdAdd, .spdUpdate: return spdAdd(request)
        case .spdGet: return spdGet(request)
        case .spdDump: return spdDump(request)
        case .spdDelete: return spdDelete(request)
        case .spdDelete2: return spdDelete2(request)
        case .spdFlush:
            policies.removeAll()
            return [reply(to: request)]
        case .acquire:
            // Key management reporting failure (errno set, RFC 2367 3.1.6): drop the larval SA.
            if request.errno != 0 { sas.removeAll { $0.acquireSequence == request.sequence && $0.sa.state == .larval } }
            return request.errno != 0 ? [] : [reply(to: request, errno: Errno.EOPNOTSUPP)]
        default:
            return [reply(to: request, errno: Errno.EOPNOTSUPP)]
        }
    }

    func reply(to request: Message, errno: UInt8 = 0, extensions: [Extension] = []) -> Message {
        Message(request.type, saType: request.saType, errno: errno, sequence: request.sequence, pid: request.pid, extensions: extensions)
    }

    func index(of satype: SAType, destination: IPAddress, spi: UInt32) -> Int? {
        sas.firstIndex { $0.saType == satype && $0.destination.address.address == destination && $0.sa.spi == spi }
    }

    /// The message describing an SA, in Linux `__pfkey_xfrm_state2msg` order: SA,
    /// (LIFETIME_HARD), (LIFETIME_SOFT), LIFETIME_CURRENT, SRC, DST, (PROXY), (keys), X_SA2, (NAT-T).
    func stateMessage(_ type: MessageType, _ s: StoredSA, hard: Bool, soft: Bool, keys: Bool, sequence: UInt32, pid: UInt32) -> Message {
        var e: [Extension] = [.sa(s.sa)]
        if dialect.name == .linux {
            if hard { e.append(.lifetime(s.hard)) }
            if soft { e.append(.lifetime(s.soft)) }
            e.append(.lifetime(s.current))
            e += [.address(s.source), .address(s.destination)]
            if let p = s.proxy { e.append(.address(p)) }
            if keys, let k = s.authKey { e.append(.key(k)) }
            if keys, let k = s.encryptKey { e.append(.key(k)) }
            e.append(.sa2(s.sa2))
            e += s.natT
        } else {
            // RFC 2367 3.1: extensions in the order of its message descriptions.
            e.append(.lifetime(s.current))
            if hard { e.append(.lifetime(s.hard)) }
            if soft { e.append(.lifetime(s.soft)) }
            e += [.address(s.source), .address(s.destination)]
            if let p = s.proxy { e.append(.address(p)) }
            if keys, let k = s.authKey { e.append(.key(k)) }
            if keys, let k = s.encryptKey { e.append(.key(k)) }
            if dialect.number(of: .sa2) != nil { e.append(.sa2(s.sa2)) }
        }
        return Message(type, saType: s.saType, sequence: sequence, pid: pid, extensions: e)
    }

    /// Addresses as the kernel writes them: proto 0, the full prefix, port 0.
    func hostAddress(_ kind: AddressExtension.Kind, _ a: IPAddress, port: UInt16 = 0, proto: UInt8 = 0) -> AddressExtension {
        AddressExtension(kind, SocketAddress(a, port: port), proto: proto, prefixLength: UInt8(a.family.bitCount))
    }

    mutating func getSPI(_ r: Message) -> [Message] {
        guard let src = r.address(.source), let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        let range = r.spiRange ?? SPIRangeExtension(min: 0x100, max: 0x0fff_ffff)
        // Reuse the larval SA an ACQUIRE created for this seq (Linux xfrm_find_acq_byseq).
        var i = sas.firstIndex { $0.sa.state == .larval && $0.acquireSequence != 0 && $0.acquireSequence == r.sequence
            && $0.destination.address.address == dst.address.address }
        if i == nil {
            sas.append(newLarval(r.saType, src.address.address, dst.address.address, acquireSequence: 0))
            i = sas.count - 1
        }
        var spi = max(range.min, min(nextSPI, range.max))
        while index(of: r.saType, destination: dst.address.address, spi: spi) != nil {
            guard spi < range.max else { return [reply(to: r, errno: Errno.EEXIST)] }
            spi += 1
        }
        nextSPI = spi &+ 1
        sas[i!].sa.spi = spi
        let s = sas[i!]
        if dialect.name == .linux {
            return [stateMessage(.getSPI, s, hard: true, soft: true, keys: false, sequence: r.sequence, pid: r.pid)]
        }
        return [Message(.getSPI, saType: r.saType, sequence: r.sequence, pid: r.pid,
                        extensions: [.sa(s.sa), .address(s.source), .address(s.destination)])]
    }

    func newLarval(_ satype: SAType, _ src: IPAddress, _ dst: IPAddress, acquireSequence: UInt32) -> StoredSA {
        StoredSA(saType: satype, sa: SAExtension(spi: 0, state: .larval), source: hostAddress(.source, src),
                 destination: hostAddress(.destination, dst), proxy: nil, authKey: nil, encryptKey: nil,
                 hard: LifetimeExtension(.hard), soft: LifetimeExtension(.soft), current: LifetimeExtension(.current, addTime: now),
                 sa2: SA2Extension(mode: 0, sequence: acquireSequence), natT: [], acquireSequence: acquireSequence)
    }

    /// The SA an ADD or UPDATE describes.
    func describedSA(_ r: Message, acquireSequence: UInt32) -> StoredSA? {
        guard var sa = r.sa, let src = r.address(.source), let dst = r.address(.destination) else { return nil }
        sa.state = .mature
        let proxy = r.address(.proxy) ?? AddressExtension(.proxy, SocketAddress(.any(src.address.family)), proto: 255, prefixLength: 0)
        var natT: [Extension] = []
        for e in r.extensions {
            switch e.type {
            case .natTType?, .natTSourcePort?, .natTDestinationPort?, .natTOriginalAddress?: natT.append(e)
            default: break
            }
        }
        return StoredSA(saType: r.saType, sa: sa,
                        source: hostAddress(.source, src.address.address), destination: hostAddress(.destination, dst.address.address),
                        proxy: dialect.name == .linux || r.address(.proxy) != nil ? proxy : nil,
                        authKey: r.key(.auth), encryptKey: r.key(.encrypt),
                        hard: r.lifetime(.hard) ?? LifetimeExtension(.hard), soft: r.lifetime(.soft) ?? LifetimeExtension(.soft),
                        current: LifetimeExtension(.current, addTime: now),
                        // Linux pfkey_mode_to_xfrm: ANY and TRANSPORT both become transport (1).
                        sa2: SA2Extension(mode: dialect.name == .linux && (r.sa2?.mode ?? 0) == 0 ? 1 : r.sa2?.mode ?? 0,
                                          sequence: 0, reqID: r.sa2?.reqID ?? 0),
                        natT: natT, acquireSequence: acquireSequence)
    }

    mutating func add(_ r: Message) -> [Message] {
        guard let s = describedSA(r, acquireSequence: 0) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard index(of: s.saType, destination: s.destination.address.address, spi: s.sa.spi) == nil else {
            return [reply(to: r, errno: Errno.EEXIST)]
        }
        sas.append(s)
        return [stateMessage(.add, s, hard: true, soft: true, keys: dialect.name == .linux, sequence: r.sequence, pid: r.pid)]
    }

    mutating func update(_ r: Message) -> [Message] {
        guard let spi = r.sa?.spi, let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = index(of: r.saType, destination: dst.address.address, spi: spi) else { return [reply(to: r, errno: Errno.ESRCH)] }
        let old = sas[i]
        if old.sa.state == .larval {
            // RFC 2367 3.1.2: the UPDATE answering an ACQUIRE carries that ACQUIRE's seq.
            if dialect.name == .rfc2367 && old.acquireSequence != 0 && r.sequence != old.acquireSequence {
                return [reply(to: r, errno: Errno.EINVAL)]
            }
            guard var s = describedSA(r, acquireSequence: old.acquireSequence) else { return [reply(to: r, errno: Errno.EINVAL)] }
            s.current = old.current
            sas[i] = s
        } else {
            // A mature SA: only its lifetimes change (RFC 2367 3.1.2).
            if let h = r.lifetime(.hard) { sas[i].hard = h }
            if let s = r.lifetime(.soft) { sas[i].soft = s }
        }
        return [stateMessage(.update, sas[i], hard: true, soft: true, keys: dialect.name == .linux, sequence: r.sequence, pid: r.pid)]
    }

    mutating func delete(_ r: Message) -> [Message] {
        guard let spi = r.sa?.spi, let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = index(of: r.saType, destination: dst.address.address, spi: spi) else { return [reply(to: r, errno: Errno.ESRCH)] }
        var s = sas.remove(at: i)
        if dialect.name == .linux {
            s.sa.state = .dead  // xfrm_state_delete marks it dead before the notification
            // Linux pfkey_delete -> key_notify_sa -> pfkey_xfrm_state2msg: the whole state,
            // HARD and SOFT lifetimes and keys included (as in the ADD reply).
            return [stateMessage(.delete, s, hard: true, soft: true, keys: true, sequence: r.sequence, pid: r.pid)]
        }
        return [Message(.delete, saType: s.saType, sequence: r.sequence, pid: r.pid, extensions: [.sa(s.sa), .address(s.source), .address(s.destination)])]
    }

    func get(_ r: Message) -> [Message] {
        guard let spi = r.sa?.spi, let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = index(of: r.saType, destination: dst.address.address, spi: spi) else { return [reply(to: r, errno: Errno.ESRCH)] }
        return [stateMessage(.get, sas[i], hard: true, soft: true, keys: true, sequence: r.sequence, pid: r.pid)]
    }

    mutating func register(_ r: Message) -> [Message] {
        guard r.saType.ipProtocol != nil else { return [reply(to: r, errno: Errno.EINVAL)] }
        registered.insert(r.saType.rawValue)
        // Linux compose_sadb_supported lists every available auth and encrypt algorithm
        // whatever the SA type; RFC 2367 3.1.7 answers with the algorithms of the SA type.
        let linux = dialect.name == .linux
        var e: [Extension] = []
        if !supportedAuth.isEmpty && (linux || r.saType != .ipcomp) { e.append(.supported(SupportedExtension(.auth, algorithms: supportedAuth))) }
        if !supportedEncrypt.isEmpty && (linux || r.saType == .esp) { e.append(.supported(SupportedExtension(.encrypt, algorithms: supportedEncrypt))) }
        return [reply(to: r, extensions: e)]
    }

    mutating func flush(_ r: Message) -> [Message] {
        let before = sas.count
        sas.removeAll { r.saType == .unspecified || $0.saType == r.saType }
        // Linux pfkey_flush: a unicast reply, and a broadcast the sender also reads when
        // something was flushed (notes: "the sender gets the reply twice").
        return before != sas.count && dialect.name == .linux ? [reply(to: r), reply(to: r)] : [reply(to: r)]
    }

    func dump(_ r: Message) -> [Message] {
        let matching = sas.filter { r.saType == .unspecified || $0.saType == r.saType }
        guard !matching.isEmpty else { return [reply(to: r, errno: Errno.ENOENT)] }
        // RFC 2367 3.1.10: the last message of a dump has sequence number 0.
        return matching.enumerated().map { i, s in
            stateMessage(.dump, s, hard: true, soft: true, keys: true, sequence: UInt32(matching.count - 1 - i), pid: r.pid)
        }
    }

    // MARK: SPD

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

    // MARK: Packets and ACQUIRE

    static func contains(_ a: AddressExtension, _ ip: IPAddress) -> Bool {
        let prefix = Int(a.prefixLength)
        switch (a.address.address, ip) {
        case (.v4(let net), .v4(let x)):
            guard prefix > 0 else { return true }
            let mask: UInt32 = prefix >= 32 ? ~0 : ~(UInt32.max >> UInt32(prefix))
            return net & mask == x & mask
        case (.v6(let nh, let nl), .v6(let xh, let xl)):
            guard prefix > 0 else { return true }
            let mh: UInt64 = prefix >= 64 ? ~0 : ~(UInt64.max >> UInt64(prefix))
            let ml: UInt64 = prefix <= 64 ? 0 : prefix >= 128 ? ~0 : ~(UInt64.max >> UInt64(prefix - 64))
            return nh & mh == xh & mh && nl & ml == xl & ml
        default:
            return false
        }
    }

    static func matches(_ p: StoredPolicy, _ packet: OutboundPacket) -> Bool {
        guard p.policy.direction == .outbound,
              contains(p.source, packet.source), contains(p.destination, packet.destination) else { return false }
        let proto = p.source.proto
        if proto != 255 && proto != 0 && proto != packet.proto { return false }
        if p.source.address.port != 0 && p.source.address.port != packet.sourcePort { return false }
        if p.destination.address.port != 0 && p.destination.address.port != packet.destinationPort { return false }
        return true
    }

    /// Sends an outbound packet through the SPD: the first matching outbound policy decides.
    /// An IPsec policy with no usable SA creates a larval SA and an SADB_ACQUIRE for the
    /// sockets registered for its SA type (one per pending acquisition, as Linux does).
    public mutating func send(_ packet: OutboundPacket) -> PacketResult {
        guard let p = policies.first(where: { ReferenceKernel.matches($0, packet) }) else {
            return PacketResult(action: .noPolicy, policyID: nil, messages: [])
        }
        switch p.policy.policyType {
        case .discard: return PacketResult(action: .discard, policyID: p.policy.id, messages: [])
        case .ipsec: break
        default: return PacketResult(action: .bypass, policyID: p.policy.id, messages: [])
        }
        guard let request = p.policy.requests.first else { return PacketResult(action: .bypass, policyID: p.policy.id, messages: []) }
        let satype: SAType = request.proto == 51 ? .ah : request.proto == 108 ? .ipcomp : .esp
        let (sa, da) = request.mode == IPsecRequest.modeTunnel
            ? (request.tunnelSource?.address ?? packet.source, request.tunnelDestination?.address ?? packet.destination)
            : (packet.source, packet.destination)
        if let s = sas.first(where: { $0.saType == satype && $0.source.address.address == sa && $0.destination.address.address == da && $0.sa.state.rawValue == 1 }) {
            return PacketResult(action: .protected(spi: s.sa.spi), policyID: p.policy.id, messages: [])
        }
        if let pending = sas.first(where: { $0.saType == satype && $0.destination.address.address == da && $0.sa.state == .larval && $0.acquireSequence != 0 }) {
            return PacketResult(action: .acquiring(sequence: pending.acquireSequence), policyID: p.policy.id, messages: [])
        }
        // A "use" level policy sends in the clear while no SA exists, but still asks for one.
        acquireSequence += 1
        let seq = acquireSequence
        sas.append(newLarval(satype, sa, da, acquireSequence: seq))
        guard registered.contains(satype.rawValue) else {
            return PacketResult(action: .acquiring(sequence: seq), policyID: p.policy.id, messages: [])
        }
        return PacketResult(action: .acquiring(sequence: seq), policyID: p.policy.id,
                            messages: [acquireMessage(satype: satype, source: sa, destination: da, packet: packet, policy: p.policy, sequence: seq)])
    }

    func acquireMessage(satype: SAType, source: IPAddress, destination: IPAddress, packet: OutboundPacket, policy: PolicyExtension, sequence: UInt32) -> Message {
        if dialect.name == .linux {
            // Linux pfkey_send_acquire: ports 0, proto 0, X_POLICY referencing the SPD entry by
            // id, a PROPOSAL with no combs for a policy that came through PF_KEY.
            return Message(.acquire, saType: satype, sequence: sequence, pid: 0, extensions: [
                .address(hostAddress(.source, source)), .address(hostAddress(.destination, destination)),
                .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: policy.id, priority: policy.priority)),
                .proposal(ProposalExtension(replay: 32)),
            ])
        }
        // RFC 2367 3.1.6: the session's ports and protocol, and a proposal of what we support.
        var combs: [ProposalExtension.Combination] = []
        for e in supportedEncrypt where satype == .esp {
            for a in supportedAuth where a.id != 251 {
                combs.append(.init(auth: a.id, encrypt: e.id, authMinBits: a.minBits, authMaxBits: a.maxBits,
                                   encryptMinBits: e.minBits, encryptMaxBits: e.maxBits, softAddTime: 25_920, hardAddTime: 28_800))
            }
        }
        let hasPorts = packet.sourcePort != 0 || packet.destinationPort != 0
        return Message(.acquire, saType: satype, sequence: sequence, pid: 0, extensions: [
            .address(hostAddress(.source, source, port: packet.sourcePort, proto: hasPorts ? packet.proto : 0)),
            .address(hostAddress(.destination, destination, port: packet.destinationPort, proto: hasPorts ? packet.proto : 0)),
            .proposal(ProposalExtension(replay: 32, combinations: combs)),
        ])
    }

    // MARK: Clock and EXPIRE

    /// Moves the clock; returns the SADB_EXPIREs for SAs whose soft or hard add-time
    /// lifetime ran out (RFC 2367 3.1.8). A hard expiry deletes the SA; larval SAs left by
    /// an unanswered ACQUIRE go away silently after 30 s (Linux XFRM_ACQ_EXPIRES).
    public mutating func advanceClock(by seconds: UInt64) -> [Message] {
        now += seconds
        var out: [Message] = []
        var keep: [StoredSA] = []
        for var s in sas {
            let age = now - s.current.addTime
            if s.sa.state == .larval {
                if s.acquireSequence == 0 || age < 30 { keep.append(s) }
                continue
            }
            if s.hard.addTime != 0 && age >= s.hard.addTime {
                out.append(expireMessage(s, hard: true))
                continue
            }
            if s.soft.addTime != 0 && age >= s.soft.addTime && !s.softExpired {
                s.softExpired = true
                s.sa.state = .dying
                out.append(expireMessage(s, hard: false))
            }
            keep.append(s)
        }
        sas = keep
        return out
    }

    func expireMessage(_ s: StoredSA, hard: Bool) -> Message {
        stateMessage(.expire, s, hard: hard, soft: !hard, keys: false, sequence: 0, pid: 0)
    }
}

extension Message {
    /// The message without extensions of `type`.
    public func removing(_ type: ExtensionType) -> Message {
        var m = self
        m.extensions.removeAll { $0.type == type }
        return m
    }
}
