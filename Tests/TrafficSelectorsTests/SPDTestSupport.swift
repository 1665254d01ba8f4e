@testable import TrafficSelectors

// Shorthands the SPD tests share: a selector set and an outbound packet from text.

func set(_ local: String, _ remote: String, _ proto: UInt8 = 0, _ lp: String = "any", _ rp: String = "any") -> SPDSelectorSet {
    try! SPDSelectorSet(local: local, remote: remote, protocol: proto, localPorts: lp, remotePorts: rp)
}

func packet(_ local: String, _ remote: String, _ proto: UInt8 = 6, _ lp: UInt32 = 1234, _ rp: UInt32 = 80) -> SPDPacket {
    let l = try! IPAddressText.parse(local), r = try! IPAddressText.parse(remote)
    return SPDPacket(family: l.family, local: l.value, remote: r.value, ipProtocol: proto, localPort: lp, remotePort: rp)
}
