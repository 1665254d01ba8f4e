import PFKey
import TrafficSelectors

/// PF_KEY's view of traffic (address extensions with prefix, protocol and port) to the
/// Traffic Selector engine's (ranges), and back.
public enum SelectorConversion {
    /// `sadb_address_proto` 255 is IPSEC_ULPROTO_ANY (KAME, Linux); 0 is "none given"
    /// (RFC 2367 2.3.3): both mean any protocol in a selector.
    public static let anyProtocol: UInt8 = 255

    public static func family(_ f: AddressFamily) -> IPFamily { f == .inet ? .ipv4 : .ipv6 }

    public static func value(_ a: IPAddress) -> UInt128 {
        switch a {
        case .v4(let v): UInt128(v)
        case .v6(let hi, let lo): UInt128(hi) << 64 | UInt128(lo)
        }
    }

    public static func address(_ v: UInt128, _ f: IPFamily) -> IPAddress {
        f == .ipv4 ? .v4(UInt32(truncatingIfNeeded: v)) : .v6(UInt64(truncatingIfNeeded: v >> 64), UInt64(truncatingIfNeeded: v))
    }

    /// One address extension as a selector: the prefix as an address range (prefix 0 means
    /// "no prefix": the host itself, RFC 2367 2.3.3), its protocol, and its port (0 = any).
    public static func selector(_ ext: AddressExtension) throws(BridgeError) -> TrafficSelector {
        let f = family(ext.address.family)
        let prefix = ext.prefixLength == 0 ? f.addressBits : Int(ext.prefixLength)
        do {
            let range = try IPAddressRange(family: f, address: value(ext.address.address), prefixLength: prefix)
            let proto: IPProtocolRange = (ext.proto == 0 || ext.proto == anyProtocol) ? .any : IPProtocolRange(wire: ext.proto)
            let ports: PortRange = ext.address.port == 0 ? .any : .single(ext.address.port)
            return TrafficSelector(ipProtocol: proto, ports: ports, addresses: range)
        } catch {
            throw BridgeError(.addressMismatch, "\(ext.address) with prefix \(ext.prefixLength): \(error)")
        }
    }

    /// The source and destination of a message (policy or ACQUIRE) as selectors.
    public static func selectors(of message: Message) throws(BridgeError) -> (source: TrafficSelector, destination: TrafficSelector) {
        guard let src = message.address(.source), let dst = message.address(.destination) else {
            throw BridgeError(.missingExtension, "\(message.type.name) carries no ADDRESS_SRC/ADDRESS_DST pair")
        }
        guard src.address.family == dst.address.family else {
            throw BridgeError(.addressMismatch, "ADDRESS_SRC is \(src.address.family), ADDRESS_DST \(dst.address.family)")
        }
        return (try selector(src), try selector(dst))
    }

    /// A selector as the address extension of an SPD message: its CIDR cover (PF_KEY
    /// policies are prefixes; strongSwan widens non-CIDR ranges the same way), its
    /// protocol (any -> 255) and its single port or 0.
    public static func addressExtension(_ kind: AddressExtension.Kind, _ ts: TrafficSelector) -> AddressExtension {
        let cover = ts.addresses.cidrCover
        let prefix = cover.prefixLength ?? ts.family.addressBits
        let proto: UInt8 = ts.ipProtocol.isAny ? anyProtocol : (ts.ipProtocol.wireValue ?? anyProtocol)
        let port: UInt16 = ts.ports.isSinglePort ? UInt16(ts.ports.lower) : 0
        return AddressExtension(kind, SocketAddress(address(cover.start, ts.family), port: port), proto: proto, prefixLength: UInt8(prefix))
    }
}
