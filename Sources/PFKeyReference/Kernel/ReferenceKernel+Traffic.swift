import PFKey

// Traffic on the SAs (RFC 4301 4.4.2, 4.4.2.1): outbound packets with a size, counted
// against the SA's byte lifetimes and its sequence number counter, and inbound packets
// arriving on an SA, checked against the selector values the SA was created with.
// `send(_:)` (ReferenceKernel+Packets) stays the SPD lookup; `send(_:length:count:)` runs
// it and then charges the SA that protected the packet.

/// The selector values an SA was created with: its ADD or UPDATE's ADDRESS_SRC (or PROXY,
/// "an actual originator of a packet", RFC 2367 2.3.3) and ADDRESS_DST, each a prefix
/// (prefix length 0 is a host: "If the sadb_address_prefixlen is non-zero, then the address
/// has a prefix"), with the upper-layer protocol (0 or 255: any). PF_KEY carries no ports
/// for an SA (they MUST be zero outside an ACQUIRE), so the ports are ANY.
public struct SASelectors: Sendable, Hashable, CustomStringConvertible {
    public var source: AddressExtension
    public var destination: AddressExtension

    init?(_ r: Message) {
        guard let src = r.address(.proxy) ?? r.address(.source), let dst = r.address(.destination) else { return nil }
        source = src
        destination = dst
    }

    public var proto: UInt8 { source.proto != 0 ? source.proto : destination.proto }

    public func admits(source s: IPAddress, destination d: IPAddress, proto p: UInt8) -> Bool {
        Self.covers(source, s) && Self.covers(destination, d) && (proto == 0 || proto == 255 || proto == p)
    }

    static func covers(_ a: AddressExtension, _ ip: IPAddress) -> Bool {
        guard a.prefixLength != 0 else { return a.address.address == ip }
        return ReferenceKernel.contains(a, ip)
    }

    static func text(_ a: AddressExtension) -> String {
        "\(a.address.address)/\(a.prefixLength == 0 ? a.address.address.family.bitCount : Int(a.prefixLength))"
    }

    public var description: String {
        "\(Self.text(source)) -> \(Self.text(destination)) proto \(proto == 0 || proto == 255 ? "any" : String(proto))"
    }
}

/// What an SA has carried: its sequence number counter (32 bits: PF_KEY v2 has no extended
/// sequence numbers).
struct SATraffic: Sendable, Hashable {
    var sequence: UInt64 = 0
}

/// An auditable event (RFC 4301 4.4.2.1, Sequence Counter Overflow: the entry "SHOULD
/// include the SPI value, current date/time, Local Address, Remote Address, and the
/// selectors from the relevant SAD entry").
public struct AuditRecord: Sendable, Hashable {
    public var event: String
    public var spi: UInt32
    /// The kernel clock, seconds since the epoch.
    public var time: UInt64
    public var localAddress: IPAddress
    public var remoteAddress: IPAddress
    public var selectors: String

    public init(event: String, spi: UInt32, time: UInt64, localAddress: IPAddress, remoteAddress: IPAddress, selectors: String) {
        self.event = event
        self.spi = spi
        self.time = time
        self.localAddress = localAddress
        self.remoteAddress = remoteAddress
        self.selectors = selectors
    }
}

extension ReferenceKernel {
    /// An outbound packet's fate when it has a size and may repeat.
    public struct TrafficResult: Sendable, Hashable {
        /// The last packet's action (a packet the SA could not carry is `.discard`).
        public var action: PacketResult.Action
        /// How many of the packets were protected.
        public var protected: UInt64
        /// The messages to registered sockets: an ACQUIRE, EXPIREs (soft, hard bytes).
        public var messages: [Message]
        /// The audit records these packets caused.
        public var audit: [AuditRecord]
    }

    /// An inbound IPsec packet: the SA it names (type, outer destination, SPI) and its
    /// inner header after IPsec processing.
    public struct InboundPacket: Sendable, Hashable {
        public var saType: SAType
        public var spi: UInt32
        public var outerDestination: IPAddress
        public var source: IPAddress
        public var destination: IPAddress
        public var proto: UInt8
        /// The IP packet's total length (header included) as it arrived; nil: not counted.
        public var length: Int?

        public init(saType: SAType = .esp, spi: UInt32, outerDestination: IPAddress, source: IPAddress, destination: IPAddress,
                    proto: UInt8 = 17, length: Int? = nil) {
            self.saType = saType
            self.spi = spi
            self.outerDestination = outerDestination
            self.source = source
            self.destination = destination
            self.proto = proto
            self.length = length
        }
    }

    public struct InboundResult: Sendable, Hashable {
        public enum Action: String, Sendable, Hashable {
            /// Matched the SA's selectors: delivered.
            case accepted
            /// No SA has that SPI (with that type and destination).
            case noSA = "no-sa"
            /// The inner header is outside the SA's selectors (RFC 4301 4.4.2).
            case selectorMismatch = "selector-mismatch"
            /// The SA's hard byte lifetime had no room for the packet (4.4.2.1 (c)).
            case expired
        }
        public var action: Action
        public var messages: [Message]
    }

    /// Sends `count` packets like `packet`, each `length` bytes long (the IP packet, header
    /// included; nil: not counted), through the SPD. A packet an SA protects takes the next
    /// sequence number and is counted against the SA's byte lifetimes; the first packet the
    /// SA cannot carry is discarded and the rest are not sent:
    /// - RFC 4301 4.4.2.1 (a): the bytes counted are those "to which the IPsec cryptographic
    ///   algorithm is applied": for ESP the payload (the transport segment, or the whole
    ///   inner packet in tunnel mode), padding, Pad Length and Next Header, padded to the
    ///   cipher's block (RFC 4303 2.4: at least 4 bytes); for AH the whole packet the ICV
    ///   covers, IP and AH headers included.
    /// - (b) and (c): at the soft byte limit an EXPIRE (soft) goes to key management and
    ///   the SA is DYING; a packet whose bytes do not fit within the hard limit "does not
    ///   get delivered during the SA's lifetime" and is discarded, with the hard EXPIRE (the
    ///   SA is deleted in the linux dialect, DEAD in rfc2367, as on a hard add time).
    /// - Sequence Counter Overflow: an SA with anti-replay (sadb_sa_replay > 0) sends no
    ///   packet past sequence number 2^32 - 1 and writes an audit record (SPI, time, local
    ///   and remote address, selectors); without anti-replay (a manually keyed SA) the
    ///   counter rolls over (RFC 4303 3.3.3).
    /// Identical packets are charged in bulk, so a count of 2^32 costs no more than one.
    public mutating func send(_ packet: OutboundPacket, length: Int?, count: UInt64) -> TrafficResult {
        var messages: [Message] = []
        var audit: [AuditRecord] = []
        var protected: UInt64 = 0
        var remaining = count
        var last = PacketResult.Action.noPolicy
        while remaining > 0 {
            let result = send(packet)
            messages += result.messages
            last = result.action
            guard case .protected(let spi) = result.action,
                  let i = sas.firstIndex(where: { $0.sa.spi == spi && $0.sa.state == .mature && $0.destination.address.address == packet.destination })
                    ?? sas.firstIndex(where: { $0.sa.spi == spi && $0.sa.state == .mature }) else {
                // Not protected (no policy, bypass, discard, acquiring): the rest fare the same.
                return TrafficResult(action: last, protected: protected, messages: messages, audit: audit)
            }
            let tunnel = sas[i].sa2.mode == IPsecRequest.modeTunnel
            let per = length.map { UInt64(Self.cryptoBytes(sas[i], packetLength: $0, tunnel: tunnel)) } ?? 0
            // Packets until the counter overflows (anti-replay on) and until the hard limit.
            let sequenceRoom = sas[i].sa.replay > 0 ? UInt64(UInt32.max) - min(sas[i].traffic.sequence, UInt64(UInt32.max)) : UInt64.max
            let hard = sas[i].hard.bytes
            let used = sas[i].current.bytes
            let byteRoom = hard == 0 || per == 0 ? UInt64.max : (hard > used ? (hard - used) / per : 0)
            var batch = min(remaining, sequenceRoom, byteRoom)
            // Stop at the soft limit too, so its EXPIRE comes after the packet that reached it.
            let soft = sas[i].soft.bytes
            if soft != 0 && per != 0 && !sas[i].softExpired && used < soft {
                batch = min(batch, (soft - used - 1) / per + 1)
            }
            if batch > 0 {
                // Within the room computed above; without anti-replay the 32-bit counter wraps.
                let modulus = UInt64(UInt32.max) + 1
                sas[i].traffic.sequence = sas[i].sa.replay == 0
                    ? (sas[i].traffic.sequence + batch % modulus) % modulus : sas[i].traffic.sequence + batch
                let (charged, overflow) = batch.multipliedReportingOverflow(by: per)
                sas[i].current.bytes = overflow || UInt64.max - used < charged ? UInt64.max : used + charged
                protected += batch
                remaining -= batch
                if soft != 0 && !sas[i].softExpired && sas[i].current.bytes >= soft {
                    sas[i].softExpired = true
                    sas[i].sa.state = .dying
                    messages.append(expireMessage(sas[i], hard: false))
                }
                continue
            }
            // The next packet cannot go on this SA: it is discarded and sending stops.
            last = .discard
            if sequenceRoom == 0 {
                let s = sas[i]
                let record = AuditRecord(event: "sequence-overflow", spi: s.sa.spi, time: now,
                                         localAddress: s.source.address.address, remoteAddress: s.destination.address.address,
                                         selectors: s.selectors?.description ?? "none")
                auditLog.append(record)
                audit.append(record)
            } else {
                messages.append(expireMessage(sas[i], hard: true))
                if dialect.name == .rfc2367 { sas[i].sa.state = .dead } else { sas.remove(at: i) }
            }
            return TrafficResult(action: last, protected: protected, messages: messages, audit: audit)
        }
        return TrafficResult(action: last, protected: protected, messages: messages, audit: audit)
    }

    /// Receives an inbound packet: the SA is found by type, destination and SPI (RFC 4301
    /// 4.1 for unicast SAs), then the inner header is checked against the selector values
    /// the SA was created with ("For a receiver, these values are used to check that the
    /// header fields of an inbound packet (after IPsec processing) match the selector values
    /// negotiated for the SA", 4.4.2). An accepted packet is counted against the SA's byte
    /// lifetimes as an outbound one is, at this end, from the bytes that arrived: a lost
    /// packet is never counted, so the two ends' counters drift apart and each end expires
    /// its SA on its own count (4.4.2.1 (a)).
    public mutating func receive(_ packet: InboundPacket) -> InboundResult {
        guard let i = index(of: packet.saType, destination: packet.outerDestination, spi: packet.spi),
              sas[i].sa.state == .mature || sas[i].sa.state == .dying else {
            return InboundResult(action: .noSA, messages: [])
        }
        guard sas[i].selectors?.admits(source: packet.source, destination: packet.destination, proto: packet.proto) ?? true else {
            return InboundResult(action: .selectorMismatch, messages: [])
        }
        var messages: [Message] = []
        if let length = packet.length {
            let per = UInt64(Self.cryptoBytes(sas[i], packetLength: length, tunnel: sas[i].sa2.mode == IPsecRequest.modeTunnel))
            let hard = sas[i].hard.bytes
            if hard != 0 && (per > hard || sas[i].current.bytes > hard - per) {
                messages.append(expireMessage(sas[i], hard: true))
                if dialect.name == .rfc2367 { sas[i].sa.state = .dead } else { sas.remove(at: i) }
                return InboundResult(action: .expired, messages: messages)
            }
            sas[i].current.bytes = UInt64.max - sas[i].current.bytes < per ? UInt64.max : sas[i].current.bytes + per
            let soft = sas[i].soft.bytes
            if soft != 0 && !sas[i].softExpired && sas[i].current.bytes >= soft {
                sas[i].softExpired = true
                sas[i].sa.state = .dying
                messages.append(expireMessage(sas[i], hard: false))
            }
        }
        return InboundResult(action: .accepted, messages: messages)
    }

    /// The bytes the SA's cryptographic algorithm is applied to for an IP packet of
    /// `packetLength` bytes (RFC 4301 4.4.2.1 (a); RFC 4303 2.4-2.6; RFC 4302 3.3.3).
    static func cryptoBytes(_ s: StoredSA, packetLength: Int, tunnel: Bool) -> Int {
        let ipHeader = s.destination.address.address.family == .inet ? 20 : 40
        let length = max(packetLength, 0)
        if s.saType == .ah {
            // The ICV covers the IP header, the AH header (12 bytes and the ICV, aligned to
            // 4 bytes in IPv4, 8 in IPv6) and the payload: in tunnel mode a new outer header.
            let icv: Int = switch s.sa.auth { case 5: 16; case 6: 24; case 7: 32; default: 12 }
            let align = ipHeader == 20 ? 4 : 8
            let ah = (12 + icv + align - 1) / align * align
            return (tunnel ? ipHeader + length : length) + ah
        }
        // ESP: the payload (the segment after the IP header, or the whole inner packet in
        // tunnel mode), then padding to the block, Pad Length and Next Header.
        let payload = tunnel ? length : max(length - ipHeader, 0)
        let block: Int = switch s.sa.encrypt { case 2, 3: 8; case 12: 16; default: 4 }
        return (payload + 2 + block - 1) / block * block
    }
}
