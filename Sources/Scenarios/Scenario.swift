import Checks
import Diagnostics
import PFKey

/// A check written as a YAML file (README "Scenario files"): what it claims and the steps
/// it drives the reference code through. `ScenarioCatalog` turns it into a `Check`, so
/// linking and reports see one catalog.
public struct Scenario: Sendable {
    public var id: String
    public var title: String
    public var topic: CheckTopic
    public var dialects: [String]
    public var claims: [Claim]
    /// Where each claim's quote is written (for `quoteNotFound`), parallel to `claims`.
    public var claimLocations: [DiagnosticLocation]
    public var steps: [ScenarioStep]
    /// The path it was read from (errors name it).
    public var file: String
    /// How reports name it: `checks/NAME.yaml` for the bundled catalog (the same on every
    /// machine), else the path as given.
    public var displayName: String
    /// True for the catalog shipped in `checks/` (its claims are tested against the corpus).
    public var bundled: Bool = false
}

/// One step; each carries at least one expectation (the parser refuses one without).
public enum ScenarioStep: Sendable {
    /// Decode bytes (or the bytes a field tree encodes to) with the PF_KEY codec.
    case pfkey(PFKeyStep)
    /// Requests, packets and clock steps through the reference kernel.
    case kernel(KernelStep)
    /// A message of a real Linux af_key capture.
    case capture(CaptureStep)
    /// A packet looked up in an SPD.
    case spd(SPDStep)
    /// A TSi/TSr proposal narrowed by a policy under one or more profiles.
    case tsNarrow(NarrowStep)
    /// A TS payload decoded from hex.
    case tsDecode(TSDecodeStep)
    /// Several PF_KEY sockets on one reference kernel (ScenarioParser+Sockets.swift).
    case sockets(SocketsStep)
}

/// A PF_KEY message as a scenario writes it: bytes, or the field tree of
/// `draftcheck pfkey decode --format json` (encoded by the codec in the step's dialect).
public enum MessageInput: Sendable {
    case hex([UInt8])
    case fields(FieldValue)
    /// A setkey(8) command, built into a message (`SetkeyInput`).
    case setkey(Message)
}

/// What a scenario expects of one PF_KEY message: read from the decoded bytes.
public struct MessageExpectation: Sendable {
    /// `(path, value)`: `type`, `errno`, `extensions[ADDRESS_SRC].port`, `extensions[0].type`;
    /// a nil value means the path must be absent.
    public var fields: [(path: String, value: String?)] = []
    public var extensionTypes: [String]?
    /// The SA extension's state by name (larval, mature, dying, dead).
    public var saState: String?
    /// The message's bytes exactly (an encode expectation).
    public var hex: [UInt8]?
    /// The codec must refuse the bytes with this code (and, when given, at this offset).
    public var rejected: (code: String, offset: Int?)?

    var isEmpty: Bool { fields.isEmpty && extensionTypes == nil && saState == nil && hex == nil && rejected == nil }
}

public struct PFKeyStep: Sendable {
    public var input: MessageInput
    public var options: DecodingOptions
    public var expect: MessageExpectation
    /// `satype-numbering` and `expect.satype-name` (ScenarioParser+SATypeNumbering.swift).
    public var saTypeNumbering: SATypeNumbering? = nil
    public var expectSATypeName: String? = nil
}

public struct KernelStep: Sendable {
    public enum Action: Sendable {
        case send(MessageInput)
        case packet(source: String, destination: String, proto: UInt8, sourcePort: UInt16, destinationPort: UInt16)
        case advanceClock(UInt64)
        /// A packet with a size, a count or a direction (ScenarioParser+Traffic).
        case traffic(TrafficInput)
    }
    public struct Item: Sendable {
        public var action: Action
        /// For `send`: the reply; for a packet: the first message the kernel sent (the
        /// ACQUIRE); for the clock: the first message (an EXPIRE).
        public var expect: MessageExpectation
        /// For a packet: protected, acquiring, discarded, bypassed, no-policy.
        public var packetAction: String?
        /// The types of every message the kernel sent: every reply (send), every message
        /// to listeners (packet, clock).
        public var messageTypes: [String]?
        /// The sadb_msg_seq of each of those messages (a dump ends with 0).
        public var sequenceNumbers: [UInt32]?
        public var path: String
        /// For a packet: the SPI of the SA the kernel protected it with (its SAD entry's).
        public var packetSPI: UInt32? = nil
        /// For a `traffic` packet: how many were protected, the audit record it caused.
        public var traffic: TrafficExpectation? = nil
    }
    public var dialect: Dialect
    public var items: [Item]
}

public struct CaptureStep: Sendable {
    public var scenario: String
    public var type: String
    public var fromKernel: Bool
    /// 1 for the first message of that type going that way.
    public var nth: Int
    public var expect: MessageExpectation
    /// Instead of a message: a malformed request of the differential (the `MUT` lines of
    /// the captures), with what Linux answered to it as recorded (`send:90`: send() failed
    /// with errno 90; `errno:22`: a reply with errno 22; `ok`), expected in `linux`, and the
    /// strict codec's verdict on the same bytes in `expect`.
    public var mutation: String? = nil
    public var linux: String? = nil
}

public struct SPDStep: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var action: String
        public var selectors: [(local: String, remote: String, proto: UInt8?, localPorts: String?, remotePorts: String?)]
        /// PFP flag names (`PFPFlags.names`: localAddress, remoteAddress, ...).
        public var pfp: [String] = []
    }
    public var entries: [Entry]
    public var packet: (local: String, remote: String, proto: UInt8, localPort: UInt32, remotePort: UInt32)
    /// The name of the entry the packet meets, or "none".
    public var expectEntry: String?
    public var expectAction: String?
    /// Whether the decorrelated SPD (RFC 4301 Appendix B) sends the packet to the same entry.
    public var expectDecorrelatedEntry: String?
    /// The selectors of the SAD entry the matched entry creates for the packet (RFC 4301
    /// 4.4.2.2): selector name (local, remote, protocol, local-ports, remote-ports) to its
    /// text, or `discard` when no SA may be created.
    public var expectSAD: SADExpectation?
    /// Per entry name, how many fragments the decorrelated SPD holds for it.
    public var expectFragments: [(entry: String, count: Int)] = []

    public enum SADExpectation: Sendable {
        case selectors([(name: String, value: String)])
        case discard
    }
}

/// A selector as scenarios write it: `{address: 10.0.0.0/24, ports: any, protocol: 6}`.
public struct SelectorInput: Sendable, Hashable {
    public var address: String
    public var ports: String
    public var proto: UInt8
}

public struct NarrowStep: Sendable {
    public struct Rule: Sendable {
        public var name: String
        public var remote: [SelectorInput]
        public var local: [SelectorInput]
        public var singlePair: Bool
    }
    public var profiles: [String]
    public var rules: [Rule]
    public var tsi: [SelectorInput]
    public var tsr: [SelectorInput]
    public var expectTSi: [SelectorInput]?
    public var expectTSr: [SelectorInput]?
    /// TS_UNACCEPTABLE, SINGLE_PAIR_REQUIRED, ADDITIONAL_TS_POSSIBLE or none.
    public var expectNotify: String?
    /// Instead of `rules`: the responder's SPD, whose PROTECT entries (or, decorrelated,
    /// their fragments) become the rules (RFC 4301 4.4.1).
    public var spd: (entries: [SPDStep.Entry], decorrelated: Bool)? = nil
}

public struct TSDecodeStep: Sendable {
    public var bytes: [UInt8]
    public var kind: String?
    public var expectSelectors: [SelectorInput]?
    public var expectIgnoredTypes: [Int]?
    public var expectRejected: (code: String, offset: Int?)?
}
