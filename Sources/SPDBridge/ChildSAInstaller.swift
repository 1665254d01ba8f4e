import PFKey
import TrafficSelectors

/// The PF_KEY requests that install a negotiated IKEv2 Child SA pair (RFC 2367 3.1.1-3.1.3):
/// SADB_GETSPI for the inbound SA (the SPI the peer will use, sent to it in the SA
/// payload), SADB_UPDATE to make that larval SA mature with the keys, SADB_ADD for the
/// outbound SA with the peer's SPI. Each carries the ACQUIRE's sequence number, which
/// binds the pair to the request (RFC 2367 3.1.3, 3.1.6).
public struct ChildSAInstaller: Sendable {
    public var trigger: AcquireTrigger
    public var keys: ChildSAKeys
    /// This host (the initiator) and the peer: the SA endpoints (transport mode: the hosts).
    public var local: SocketAddress
    public var peer: SocketAddress
    public var pid: UInt32

    public init(trigger: AcquireTrigger, keys: ChildSAKeys, pid: UInt32) {
        self.trigger = trigger
        self.keys = keys
        self.pid = pid
        local = SocketAddress(SelectorConversion.address(trigger.source.addresses.start, trigger.source.family))
        peer = SocketAddress(SelectorConversion.address(trigger.destination.addresses.start, trigger.destination.family))
    }

    var hostPrefix: UInt8 { UInt8(trigger.source.family.addressBits) }

    /// GETSPI for the inbound SA (peer -> local), with an SPI range.
    public func getSPI(range: ClosedRange<UInt32> = 0x100...0x0FFF_FFFF) -> Message {
        Message(.getSPI, saType: trigger.saType, sequence: trigger.sequence, pid: pid, extensions: [
            .address(AddressExtension(.source, peer, prefixLength: hostPrefix)),
            .address(AddressExtension(.destination, local, prefixLength: hostPrefix)),
            .spiRange(SPIRangeExtension(min: range.lowerBound, max: range.upperBound)),
        ])
    }

    /// UPDATE of the larval inbound SA to mature, with the responder's keys (it sends on it).
    public func update(inboundSPI spi: UInt32) -> Message {
        Message(.update, saType: trigger.saType, sequence: trigger.sequence, pid: pid, extensions: [
            .sa(SAExtension(spi: spi, replay: 32, state: .mature, auth: keys.integrity.sadbAlgorithm, encrypt: keys.encryption.sadbAlgorithm)),
            .address(AddressExtension(.source, peer, prefixLength: hostPrefix)),
            .address(AddressExtension(.destination, local, prefixLength: hostPrefix)),
            .key(KeyExtension(.auth, key: keys.responderIntegrityKey)),
            .key(KeyExtension(.encrypt, key: keys.responderEncryptionKey)),
        ])
    }

    /// ADD of the outbound SA (local -> peer) with the initiator's keys and the peer's SPI.
    public func add(outboundSPI spi: UInt32) -> Message {
        Message(.add, saType: trigger.saType, sequence: trigger.sequence, pid: pid, extensions: [
            .sa(SAExtension(spi: spi, replay: 32, state: .mature, auth: keys.integrity.sadbAlgorithm, encrypt: keys.encryption.sadbAlgorithm)),
            .address(AddressExtension(.source, local, prefixLength: hostPrefix)),
            .address(AddressExtension(.destination, peer, prefixLength: hostPrefix)),
            .key(KeyExtension(.auth, key: keys.initiatorIntegrityKey)),
            .key(KeyExtension(.encrypt, key: keys.initiatorEncryptionKey)),
        ])
    }

    /// X_SPDUPDATE narrowing the outbound policy to the negotiated selectors (what
    /// strongSwan does when the responder narrowed): RFC 7296 2.9's "dynamic update of the SPD".
    public func policyUpdate(_ narrowed: NarrowingResult, policyID: UInt32, sequence: UInt32) -> Message {
        Message(.spdUpdate, sequence: sequence, pid: pid, extensions: [
            .address(SelectorConversion.addressExtension(.source, narrowed.tsi[0])),
            .address(SelectorConversion.addressExtension(.destination, narrowed.tsr[0])),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, id: policyID, requests: [
                IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2),
            ])),
        ])
    }
}
