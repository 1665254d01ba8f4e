import PFKey

// RFC 2367 3.7 on the identities of an SADB_ADD or SADB_UPDATE, in the rfc2367 dialect.
// Linux 6.1 reads no identity extension when it adds an SA (pfkey_msg2xfrm_state), so the
// linux and kame dialects carry them unchecked.
extension ReferenceKernel {
    /// EINVAL when an identity breaks RFC 2367 3.7:
    /// - PREFIX: "a network address followed by a forward slash and a prefix length"; the
    ///   address is parsed into binary ("implementations MUST parse the contents of the
    ///   printable address into a binary form for comparison purposes", so "3FFE:0::/16" and
    ///   "3ffe::/16" are the same prefix); "all bits in the network address that are not
    ///   significant MUST be set to zero"; "the source or destination address for the SA
    ///   (respectively) MUST be within that prefix".
    /// - PREFIX and FQDN: "The sadb_ident_id field is zeroed for these identity types."
    func identityError(_ r: Message) -> UInt8? {
        guard dialect.name == .rfc2367, r.type == .add || r.type == .update else { return nil }
        for case .identity(let ident) in r.extensions {
            switch ident.identityType {
            case 1:
                guard ident.id == 0, let prefix = Self.prefixIdentity(ident.string) else { return Errno.EINVAL }
                let sa = r.address(ident.kind == .source ? .source : .destination)?.address.address
                guard let sa, Self.contains(prefix, sa) else { return Errno.EINVAL }
            case 2:
                if ident.id != 0 { return Errno.EINVAL }
            default:
                continue
            }
        }
        return nil
    }

    /// A PREFIX identity string as an address extension holding the prefix, or nil when it
    /// does not parse or has a non-significant bit set.
    static func prefixIdentity(_ bytes: [UInt8]) -> AddressExtension? {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(parts[0]),
              !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy({ $0 >= "0" && $0 <= "9" }), let length = Int(parts[1]),
              length <= address.family.bitCount else { return nil }
        let prefix = AddressExtension(.source, SocketAddress(address), prefixLength: UInt8(length))
        // Not significant bits set: the prefix's own address lies outside the all-zero-host network.
        let network = AddressExtension(.source, SocketAddress(Self.masked(address, length)), prefixLength: UInt8(length))
        return network.address.address == address ? prefix : nil
    }

    static func masked(_ a: IPAddress, _ length: Int) -> IPAddress {
        switch a {
        case .v4(let v):
            let m: UInt32 = length >= 32 ? ~0 : length == 0 ? 0 : ~(UInt32.max >> UInt32(length))
            return .v4(v & m)
        case .v6(let hi, let lo):
            let mh: UInt64 = length >= 64 ? ~0 : length == 0 ? 0 : ~(UInt64.max >> UInt64(length))
            let ml: UInt64 = length <= 64 ? 0 : length >= 128 ? ~0 : ~(UInt64.max >> UInt64(length - 64))
            return .v6(hi & mh, lo & ml)
        }
    }
}
