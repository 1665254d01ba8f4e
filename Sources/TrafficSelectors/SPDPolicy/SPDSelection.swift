/// What an SPD selection function may use besides the packet (RFC 4301 4.4.1: "any local
/// metadata (e.g., the interface via which the packet arrived)").
public struct PacketMetadata: Hashable, Sendable {
    public var interface: String

    public init(interface: String) {
        self.interface = interface
    }
}

/// An implementation holding several SPDs (RFC 4301 4.4.1: "it MAY support multiple SPDs"),
/// each named by its SPD-ID, and the explicit SPD selection function the RFC then requires
/// for outbound traffic: packet and metadata in, SPD-ID out. It cannot be built without one.
public struct MultipleSPDs: Sendable {
    /// The SPD selection function: the SPD-ID for an outbound packet, or nil for none.
    public typealias SelectionFunction = @Sendable (SPDPacket, PacketMetadata) -> String?

    public let spds: [String: SPD]
    public let selection: SelectionFunction

    public init(spds: [String: SPD], selection: @escaping SelectionFunction) {
        self.spds = spds
        self.selection = selection
    }

    /// SPDs selected by the interface a packet arrived on (per-interface SPDs, as RFC 2401
    /// had them, are one use of the selection function).
    public static func byInterface(_ spds: [String: SPD], interfaces: [String: String]) -> MultipleSPDs {
        MultipleSPDs(spds: spds) { _, metadata in interfaces[metadata.interface] }
    }

    /// The SPD-ID the selection function gives; throws `noSPDSelected` when it gives none,
    /// or an SPD-ID not held: an outbound packet never meets "some" SPD by default.
    public func selectSPD(_ packet: SPDPacket, _ metadata: PacketMetadata) throws -> String {
        guard let id = selection(packet, metadata) else {
            throw TSError(.noSPDSelected, "the SPD selection function chose no SPD for a packet from interface \(metadata.interface)", rule: "RFC 4301 4.4.1")
        }
        guard spds[id] != nil else {
            throw TSError(.noSPDSelected, "the SPD selection function chose SPD-ID \(id), which is not held", rule: "RFC 4301 4.4.1")
        }
        return id
    }

    /// Outbound processing: select the SPD, then its first matching entry (nil: none matches).
    public func outboundLookup(_ packet: SPDPacket, _ metadata: PacketMetadata) throws -> (spdID: String, entry: SPDEntry?) {
        let id = try selectSPD(packet, metadata)
        let spd = spds[id]!
        return (id, spd.lookup(packet).map { spd.entries[$0] })
    }
}
