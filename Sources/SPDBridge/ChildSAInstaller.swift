import PFKey
import TrafficSelectors

/// The PF_KEY requests that install a negotiated IKEv2 Child SA pair (RFC 2367 3.1.1-3.1.3):
/// SADB_GETSPI for the inbound SA (the SPI the peer will use, sent to it in the SA
/// payload), SADB_UPDATE to make that larval SA mature with the keys, SADB_ADD for the
/// outbound SA with the peer's SPI. Each carries the ACQUIRE's sequence number, which
/// binds the pair to the request (RFC 2367 3.1.3, 3.1.6).
///
/// The SAs carry the responder's narrowed Traffic Selectors, not the trigger's: the
/// address extensions' prefix length and protocol are the narrowed TSi (this host's side)
/// and TSr (the peer's side). Their address stays the SA's endpoint (transport mode: the
/// host, which must lie inside the narrowed traffic), since an SA is found by its
/// endpoints (Linux xfrm_state_find; the reference kernel likewise). Their port is 0:
/// RFC 2367 2.3.3, "The zeroing of ports ... MUST be done for all messages except for
/// originating SADB_ACQUIRE messages"; the narrowed ports are carried by the policy
/// (X_SPDUPDATE), whose address extensions are selectors with ports (KAME, Linux).
public struct ChildSAInstaller: Sendable {
    public var trigger: AcquireTrigger
    public var keys: ChildSAKeys
    /// This host (the initiator) and the peer: the SA endpoints (transport mode: the hosts).
    public var local: SocketAddress
    public var peer: SocketAddress
    public var pid: UInt32
    /// The narrowed TSi and TSr, each as the one selector PF_KEY can carry.
    public var initiatorTraffic: TrafficSelector
    public var responderTraffic: TrafficSelector

    /// - Throws: `unrepresentableTraffic` when a side of the narrowing is not one CIDR
    ///   prefix with one protocol (or any) and one port (or any), `addressMismatch` when
    ///   the trigger's hosts lie outside the narrowed traffic.
    public init(trigger: AcquireTrigger, narrowed: NarrowingResult, keys: ChildSAKeys, pid: UInt32) throws(BridgeError) {
        self.trigger = trigger
        self.keys = keys
        self.pid = pid
        local = SocketAddress(SelectorConversion.address(trigger.source.addresses.start, trigger.source.family))
        peer = SocketAddress(SelectorConversion.address(trigger.destination.addresses.start, trigger.destination.family))
        initiatorTraffic = try Self.single(narrowed.tsi, side: "TSi")
        responderTraffic = try Self.single(narrowed.tsr, side: "TSr")
        guard initiatorTraffic.family == trigger.source.family, initiatorTraffic.addresses.contains(trigger.source.addresses),
              responderTraffic.family == trigger.destination.family, responderTraffic.addresses.contains(trigger.destination.addresses) else {
            throw BridgeError(.addressMismatch, "the transport-mode endpoints \(trigger.source.addresses) -> \(trigger.destination.addresses) lie outside the narrowed TSi \(initiatorTraffic) / TSr \(responderTraffic)")
        }
    }

    /// One side of a narrowing as one selector: the selector that contains all the others
    /// (their union), when PF_KEY can express it exactly (a prefix, a protocol or any, a
    /// port or any). Never widened: a wider SA or policy would carry traffic the responder refused.
    static func single(_ selectors: [TrafficSelector], side: String) throws(BridgeError) -> TrafficSelector {
        guard let union = selectors.first(where: { s in selectors.allSatisfy { s.contains($0) } }) else {
            throw BridgeError(.unrepresentableTraffic, "narrowed \(side) \(selectors) is not one selector: PF_KEY carries one per SA")
        }
        guard union.addresses.prefixLength != nil,
              union.ipProtocol.isAny || union.ipProtocol.wireValue != nil,
              union.ports.isAny || union.ports.isSinglePort else {
            throw BridgeError(.unrepresentableTraffic, "narrowed \(side) \(union) is not a prefix with one protocol and one port (or any)")
        }
        return union
    }

    /// An SA's address extension: the endpoint, the narrowed prefix and protocol (any: 0,
    /// RFC 2367 2.3.3's "normally zero"), port 0.
    func saAddress(_ kind: AddressExtension.Kind, _ endpoint: SocketAddress, _ traffic: TrafficSelector) -> AddressExtension {
        let proto: UInt8 = traffic.ipProtocol.isAny ? 0 : (traffic.ipProtocol.wireValue ?? 0)
        return AddressExtension(kind, SocketAddress(endpoint.address), proto: proto, prefixLength: UInt8(traffic.addresses.prefixLength ?? traffic.family.addressBits))
    }

    var inboundAddresses: [Extension] {
        [.address(saAddress(.source, peer, responderTraffic)), .address(saAddress(.destination, local, initiatorTraffic))]
    }

    var outboundAddresses: [Extension] {
        [.address(saAddress(.source, local, initiatorTraffic)), .address(saAddress(.destination, peer, responderTraffic))]
    }

    /// GETSPI for the inbound SA (peer -> local), with an SPI range.
    public func getSPI(range: ClosedRange<UInt32> = 0x100...0x0FFF_FFFF) -> Message {
        Message(.getSPI, saType: trigger.saType, sequence: trigger.sequence, pid: pid, extensions: inboundAddresses + [
            .spiRange(SPIRangeExtension(min: range.lowerBound, max: range.upperBound)),
        ])
    }

    /// UPDATE of the larval inbound SA to mature, with the responder's keys (it sends on it).
    public func update(inboundSPI spi: UInt32) -> Message {
        Message(.update, saType: trigger.saType, sequence: trigger.sequence, pid: pid, extensions:
            [.sa(SAExtension(spi: spi, replay: 32, state: .mature, auth: keys.integrity.sadbAlgorithm, encrypt: keys.encryption.sadbAlgorithm))]
            + inboundAddresses + [
            .key(KeyExtension(.auth, key: keys.responderIntegrityKey)),
            .key(KeyExtension(.encrypt, key: keys.responderEncryptionKey)),
        ])
    }

    /// ADD of the outbound SA (local -> peer) with the initiator's keys and the peer's SPI.
    public func add(outboundSPI spi: UInt32) -> Message {
        Message(.add, saType: trigger.saType, sequence: trigger.sequence, pid: pid, extensions:
            [.sa(SAExtension(spi: spi, replay: 32, state: .mature, auth: keys.integrity.sadbAlgorithm, encrypt: keys.encryption.sadbAlgorithm))]
            + outboundAddresses + [
            .key(KeyExtension(.auth, key: keys.initiatorIntegrityKey)),
            .key(KeyExtension(.encrypt, key: keys.initiatorEncryptionKey)),
        ])
    }

    /// X_SPDUPDATE narrowing a policy to the negotiated selectors (what strongSwan does
    /// when the responder narrowed): RFC 7296 2.9's "dynamic update of the SPD". Outbound:
    /// TSi -> TSr; inbound: TSr -> TSi. Prefixes, protocol and ports exactly as narrowed.
    public func policyUpdate(policyID: UInt32, sequence: UInt32, direction: PolicyExtension.PolicyDirection = .outbound) -> Message {
        let (src, dst) = direction == .inbound ? (responderTraffic, initiatorTraffic) : (initiatorTraffic, responderTraffic)
        return Message(.spdUpdate, sequence: sequence, pid: pid, extensions: [
            .address(SelectorConversion.addressExtension(.source, src)),
            .address(SelectorConversion.addressExtension(.destination, dst)),
            .policy(PolicyExtension(type: .ipsec, direction: direction, id: policyID, requests: [
                IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2),
            ])),
        ])
    }
}
