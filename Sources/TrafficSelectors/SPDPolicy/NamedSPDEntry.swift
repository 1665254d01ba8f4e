/// The Name quasi-selector of an SPD entry (RFC 4301 4.4.1.1 and 4.4.1.2): for a responder
/// (case 1), one of the four forms matched against the peer's IKE ID payload. It is not
/// acquired from a packet.
public enum SPDName: Hashable, Sendable, CustomStringConvertible {
    /// A fully qualified user name (email): ID_RFC822_ADDR.
    case user(String)
    /// A fully qualified DNS name: ID_FQDN.
    case dnsName(String)
    /// An X.500 distinguished name as DER: ID_DER_ASN1_DN.
    case distinguishedName([UInt8])
    /// A byte string: ID_KEY_ID.
    case keyID([UInt8])

    /// Whether the peer's identity names this. DNS names and the domain of a user name
    /// compare without regard to ASCII case (DNS); the part before "@", the DER bytes of a
    /// distinguished name (DER is one encoding per value) and key ids compare exactly.
    public func matches(_ id: IKEIdentity) -> Bool {
        switch self {
        case .user(let name):
            guard id.type == IKEIdentity.rfc822Address, let text = String(validating: id.data, as: UTF8.self) else { return false }
            let a = name.split(separator: "@", maxSplits: 1), b = text.split(separator: "@", maxSplits: 1)
            return a.count == 2 && b.count == 2 && a[0] == b[0] && a[1].lowercased() == b[1].lowercased()
        case .dnsName(let name):
            guard id.type == IKEIdentity.fqdn, let text = String(validating: id.data, as: UTF8.self) else { return false }
            return text.lowercased() == name.lowercased()
        case .distinguishedName(let der):
            return id.type == IKEIdentity.derASN1DN && id.data == der
        case .keyID(let key):
            return id.type == IKEIdentity.keyID && id.data == key
        }
    }

    public var description: String {
        switch self {
        case .user(let s): return "user \(s)"
        case .dnsName(let s): return "DNS name \(s)"
        case .distinguishedName(let d): return "DN (\(d.count) bytes DER)"
        case .keyID(let k): return "key id (\(k.count) bytes)"
        }
    }
}

/// An SPD entry with names (a responder's entry for "road warriors").
public struct NamedSPDEntry: Hashable, Sendable {
    public var names: [SPDName]
    public var entry: SPDEntry

    public init(names: [SPDName], entry: SPDEntry) {
        self.names = names
        self.entry = entry
    }
}

/// A responder selecting its SPD entry by the initiator's name (RFC 4301 4.4.1.1, Name,
/// case 1): the first entry, in order, with a name the ID payload matches; the SAD entry
/// created takes the initiator's source address (the inner header's, in tunnel mode) as
/// its Remote address, overriding the entry's Remote value.
public enum NamedEntrySelection {
    public struct Selected: Hashable, Sendable {
        public var entry: SPDEntry
        /// The SAD entry's selectors: the entry's first selector set, Remote replaced by
        /// the initiator's address.
        public var sadSelectors: SPDSelectorSet
    }

    /// nil when no entry's name matches, or the matching entry has no selector set of the
    /// initiator address's family.
    public static func select(_ id: IKEIdentity, initiatorAddress: String, in entries: [NamedSPDEntry]) throws -> Selected? {
        let (family, value) = try IPAddressText.parse(initiatorAddress)
        for named in entries where named.names.contains(where: { $0.matches(id) }) {
            guard let set = named.entry.selectorSets.first(where: { $0.family == family }) else { return nil }
            let remote = try IPAddressRange.host(family, value)
            return Selected(entry: named.entry, sadSelectors: SPDSelectorSet(unchecked: set.local, remote, set.ipProtocol, set.localPorts, set.remotePorts))
        }
        return nil
    }
}
