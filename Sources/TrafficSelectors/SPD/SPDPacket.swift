/// The selector values of one outbound packet, as an SPD lookup sees them (RFC 4301 4.4.1.1).
public struct SPDPacket: Hashable, Sendable {
    public var family: IPFamily
    public var local: UInt128
    public var remote: UInt128
    public var ipProtocol: UInt8
    /// A port (or packed ICMP type/code) 0...65535, or `PortRange.opaquePoint` when the
    /// packet carries none (a non-initial fragment).
    public var localPort: UInt32
    public var remotePort: UInt32

    public init(family: IPFamily, local: UInt128, remote: UInt128, ipProtocol: UInt8, localPort: UInt32, remotePort: UInt32) {
        self.family = family
        self.local = local
        self.remote = remote
        self.ipProtocol = ipProtocol
        self.localPort = localPort
        self.remotePort = remotePort
    }
}
