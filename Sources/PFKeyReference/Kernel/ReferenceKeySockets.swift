import PFKey

/// Several PF_KEY sockets open on one `ReferenceKernel`: who reads each message. RFC 2367
/// 3.1 says where every reply and kernel message goes ("to all listening processes", "to
/// registered sockets", "to the socket that sent" it); `ReferenceKernel.handle` alone only
/// answers the sender. Routing per dialect:
///
/// | message | rfc2367 (RFC 2367 3.1) | linux, kame (af_key.c `pfkey_broadcast`, KAME `key_sendup_mbuf`) |
/// |---|---|---|
/// | error reply (errno != 0) | the sender | the sender |
/// | GETSPI | every socket (3.1.1) | the sender (BROADCAST_ONE) |
/// | UPDATE, ADD, DELETE, FLUSH | every socket | every socket (Linux FLUSH: the sender's unicast reply first; of an empty table, that reply alone) |
/// | GET, DUMP, X_SPDGET, X_SPDDUMP | the sender | the sender |
/// | REGISTER | sockets registered for the SA type (3.1.7) | sockets registered for any type, and the sender |
/// | ACQUIRE from the kernel | sockets registered for its SA type (3.1.6) | sockets registered for any type |
/// | ACQUIRE from a process | relayed to sockets registered for its SA type, else EPROTONOSUPPORT (3.1.6) | EOPNOTSUPP (Linux has no user ACQUIRE relay) |
/// | EXPIRE | every socket (3.1.8) | registered sockets (key_notify_sa_expire) |
/// | EXPIRE from a process | for a user-level SA type, relayed to every socket (3.1.8, ReferenceKeySockets+UserExpire); for AH/ESP refused (EINVAL) | refused, EINVAL (Linux itself: EOPNOTSUPP, pfkey_funcs[SADB_EXPIRE] is NULL) |
/// | X_SPDADD, X_SPDUPDATE, X_SPDDELETE(2), X_SPDFLUSH | - | every socket (key_notify_policy) |
///
/// Two permissions of RFC 2367 can be taken: `updateOnlyFromCreator` (3.1.2: "The kernel
/// MAY disallow SADB_UPDATE to succeed unless the message is issued from the same socket
/// that created the security association"; refused with EPERM) and `unsupported` (3.1.10:
/// "Support for the dump message MAY be discontinued"; such a type gets EOPNOTSUPP).
/// `setAlgorithms` loads or unloads algorithms and sends each registered socket an
/// asynchronous SADB_REGISTER reply with the complete new list (3.1.7).
public struct ReferenceKeySockets: Sendable {
    /// One message one socket read.
    public struct Delivery: Sendable, Hashable {
        public var socket: Int
        public var message: Message
    }

    struct SAKey: Hashable, Sendable {
        var satype: UInt8
        var destination: IPAddress
        var spi: UInt32
    }

    /// EPERM: an UPDATE from another socket than the SA's creator, under `updateOnlyFromCreator`.
    public static let EPERM: UInt8 = 1
    /// EPROTONOSUPPORT: RFC 2367 3.1.6, "No KM application has registered with the Key
    /// Engine as being able to obtain the requested SA type".
    public static let EPROTONOSUPPORT: UInt8 = 93

    public var kernel: ReferenceKernel
    public let socketCount: Int
    public var updateOnlyFromCreator: Bool
    public var unsupported: Set<MessageType>
    /// The SA types each socket registered for.
    public private(set) var registrations: [Set<UInt8>]
    /// The socket whose GETSPI or ADD created each SA.
    var creators: [SAKey: Int] = [:]

    public init(kernel: ReferenceKernel, sockets: Int, updateOnlyFromCreator: Bool = false, unsupported: Set<MessageType> = []) {
        self.kernel = kernel
        self.socketCount = max(1, sockets)
        self.updateOnlyFromCreator = updateOnlyFromCreator
        self.unsupported = unsupported
        self.registrations = Array(repeating: [], count: max(1, sockets))
    }

    var rfc: Bool { kernel.dialect.name == .rfc2367 }
    var everySocket: [Int] { Array(0..<socketCount) }

    func registered(for satype: SAType?) -> [Int] {
        everySocket.filter { s in satype.map { registrations[s].contains($0.rawValue) } ?? !registrations[s].isEmpty }
    }

    /// Sends `bytes` on socket `socket` (0-based); returns every message every socket reads, in order.
    public mutating func send(_ bytes: [UInt8], from socket: Int) -> [Delivery] {
        precondition(socket >= 0 && socket < socketCount, "no socket \(socket)")
        if let relayed = userLevelExpire(bytes, from: socket) { return relayed }
        let request: Message
        do {
            request = try Message(decoding: bytes, options: DecodingOptions(dialect: kernel.dialect, direction: .request))
        } catch {
            // The kernel's own error reply (EINVAL, EMSGSIZE), to the sender alone.
            return kernel.handle(bytes: bytes).compactMap { b in
                (try? Message(decoding: b, options: DecodingOptions(dialect: kernel.dialect))).map { Delivery(socket: socket, message: $0) }
            }
        }
        if unsupported.contains(request.type) {
            return [Delivery(socket: socket, message: kernel.reply(to: request, errno: ReferenceKernel.Errno.EOPNOTSUPP))]
        }
        if request.type == .update, updateOnlyFromCreator, let key = Self.key(request), let creator = creators[key], creator != socket {
            return [Delivery(socket: socket, message: kernel.reply(to: request, errno: Self.EPERM))]
        }
        if request.type == .acquire, request.errno == 0, rfc {
            // RFC 2367 3.1.6, the third behaviour: an application-layer consumer's ACQUIRE,
            // returned by the kernel to the sockets registered for its SA type.
            let targets = registered(for: request.saType)
            guard !targets.isEmpty else { return [Delivery(socket: socket, message: kernel.reply(to: request, errno: Self.EPROTONOSUPPORT))] }
            return targets.map { Delivery(socket: $0, message: request) }
        }
        let replies = kernel.handle(request)
        guard let first = replies.first else { return [] }
        if first.errno != 0 { return replies.map { Delivery(socket: socket, message: $0) } }
        switch request.type {
        case .register:
            if request.saType != .unspecified { registrations[socket].insert(request.saType.rawValue) }
            // Linux pfkey_register: BROADCAST_REGISTERED, and the sender in any case (one_sk).
            var targets = rfc ? registered(for: request.saType) : registered(for: nil)
            if !targets.contains(socket) { targets = (targets + [socket]).sorted() }
            return replies.flatMap { r in targets.map { Delivery(socket: $0, message: r) } }
        case .getSPI, .add:
            if let key = Self.key(first) { creators[key] = socket }
            return request.type == .getSPI && !rfc ? [Delivery(socket: socket, message: first)] : broadcast(first)
        case .update, .delete, .spdAdd, .spdUpdate, .spdDelete, .spdDelete2, .spdFlush:
            return replies.flatMap(broadcast)
        case .flush:
            // Linux pfkey_flush: the sender's unicast reply, then, when something was
            // flushed, the broadcast every socket reads (`kernel.handle` gave both to the
            // sender); an empty table "goes quietly": the unicast reply alone.
            if rfc { return broadcast(first) }
            if replies.count == 2 { return [Delivery(socket: socket, message: replies[0])] + broadcast(replies[1]) }
            return [Delivery(socket: socket, message: first)]
        default:
            return replies.map { Delivery(socket: socket, message: $0) }
        }
    }

    func broadcast(_ m: Message) -> [Delivery] { everySocket.map { Delivery(socket: $0, message: m) } }

    static func key(_ m: Message) -> SAKey? {
        guard let sa = m.sa, let dst = m.address(.destination) else { return nil }
        return SAKey(satype: m.saType.rawValue, destination: dst.address.address, spi: sa.spi)
    }

    /// An outbound packet; its ACQUIRE goes to the registered sockets.
    public mutating func send(_ packet: ReferenceKernel.OutboundPacket) -> (result: ReferenceKernel.PacketResult, deliveries: [Delivery]) {
        let result = kernel.send(packet)
        let deliveries = result.messages.flatMap { m in
            (rfc ? registered(for: m.saType) : registered(for: nil)).map { Delivery(socket: $0, message: m) }
        }
        return (result, deliveries)
    }

    /// Moves the clock; the EXPIREs go to every socket (RFC 2367 3.1.8), to registered ones on Linux and KAME.
    public mutating func advanceClock(by seconds: UInt64) -> [Delivery] {
        kernel.advanceClock(by: seconds).flatMap { m in
            (rfc ? everySocket : registered(for: nil)).map { Delivery(socket: $0, message: m) }
        }
    }

    /// Algorithms loaded or unloaded: the kernel's new lists, and an asynchronous
    /// SADB_REGISTER reply (pid 0, seq 0) to each registered socket for each type it
    /// registered, listing every algorithm now supported (RFC 2367 3.1.7).
    public mutating func setAlgorithms(auth: [SupportedExtension.Algorithm], encrypt: [SupportedExtension.Algorithm]) -> [Delivery] {
        kernel.supportedAuth = auth
        kernel.supportedEncrypt = encrypt
        var out: [Delivery] = []
        for s in everySocket {
            for t in registrations[s].sorted() {
                for r in kernel.handle(Message(.register, saType: SAType(rawValue: t))) where r.errno == 0 {
                    out.append(Delivery(socket: s, message: r))
                }
            }
        }
        return out
    }
}

extension ReferenceKernel {
    /// Installs an outbound IPsec transport-mode entry requiring an SA of `saType` (the
    /// rfc2367 dialect has no SPD messages); its id is the next Linux would give.
    public mutating func installOutboundPolicy(source: AddressExtension, destination: AddressExtension, saType: SAType) {
        let request = IPsecRequest(proto: saType == .ah ? 51 : 50, mode: IPsecRequest.modeTransport, level: 2)
        let id = newPolicyIndex(.outbound)
        installPolicies([StoredPolicy(source: source, destination: destination,
                                      policy: PolicyExtension(type: .ipsec, direction: .outbound, id: id, requests: [request]),
                                      current: LifetimeExtension(.current, addTime: now), hard: LifetimeExtension(.hard), soft: LifetimeExtension(.soft))])
    }
}
