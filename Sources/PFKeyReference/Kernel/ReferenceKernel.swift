import PFKey

/// An in-memory PF_KEY kernel: the SADB and SPD, driven by request messages, outbound
/// packets and a simulated clock. Its replies have the shapes the real Linux 6.1 af_key was
/// seen to send (`KernelCaptures`) in the `linux` dialect, and RFC 2367 3.1's in `rfc2367`.
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
        /// Linux: an algorithm id the kernel has no (loaded) implementation of.
        public static let ENOSYS: UInt8 = 38
        public static let EINVAL: UInt8 = 22
        /// RFC 2367 2.1: sadb_msg_len disagrees with the bytes written (Linux: 90).
        public static let EMSGSIZE: UInt8 = 90
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
        /// The selectors the SA was created with, and its traffic (ReferenceKernel+Traffic).
        public internal(set) var selectors: SASelectors? = nil
        var traffic = SATraffic()
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
    public internal(set) var now: UInt64
    public var supportedAuth: [SupportedExtension.Algorithm]
    public var supportedEncrypt: [SupportedExtension.Algorithm]
    public internal(set) var sas: [StoredSA] = []
    public internal(set) var policies: [StoredPolicy] = []
    public internal(set) var registered: Set<UInt8> = []
    /// Auditable events (RFC 4301 4.4.2.1: a sequence counter overflow), oldest first.
    public internal(set) var auditLog: [AuditRecord] = []
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
            // RFC 2367 2.1: sadb_msg_len is verified against the bytes written, "EMSGSIZE MUST
            // be returned if the verification fails" (Linux 6.1 fails send() with 90 too).
            let errno = error.code == .lengthMismatch && error.offset == 4 ? Errno.EMSGSIZE : Errno.EINVAL
            let reply = Message(type, saType: SAType(rawValue: bytes[3]), errno: errno, sequence: seq, pid: pid)
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
}

extension Message {
    /// The message without extensions of `type`.
    public func removing(_ type: ExtensionType) -> Message {
        var m = self
        m.extensions.removeAll { $0.type == type }
        return m
    }
}
