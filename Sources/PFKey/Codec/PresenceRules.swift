/// The rules about a whole message: address pairs and ports (rule 8), which extensions
/// each message needs in each direction (rule 13), the X_POLICY direction of SPD
/// requests (rule 14). Fed from the extension table once the extensions are validated.
struct PresenceChecker {
    /// The address extensions whose ports rule 8 is about.
    static let addresses = ExtensionType.addressSource.bit | ExtensionType.addressDestination.bit | ExtensionType.addressProxy.bit
        | ExtensionType.natTOriginalAddress.bit | ExtensionType.natTOriginalAddressResponder.bit

    var sourceOffset = -1
    var destinationOffset = -1
    var sourceFamily: AddressFamily = .inet
    var destinationFamily: AddressFamily = .inet
    var policyOffset = -1
    var policyDirection: UInt8 = 0
    var nonZeroPortOffset = -1
    var portWithoutProtocolOffset = -1

    /// Notes a non-zero port in the address extension at `offset`, with its protocol. In
    /// any order: the offsets kept are the first in the message.
    @inline(__always)
    mutating func notePort(proto: UInt8, at offset: Int) {
        if nonZeroPortOffset < 0 || offset + 10 < nonZeroPortOffset { nonZeroPortOffset = offset + 10 }
        if proto == 0 && (portWithoutProtocolOffset < 0 || offset + 10 < portWithoutProtocolOffset) { portWithoutProtocolOffset = offset + 10 }
    }

    @inline(__always)
    mutating func notePolicy(direction: UInt8, at offset: Int) {
        policyOffset = offset
        policyDirection = direction
    }

    @inline(__always)
    func validate(_ m: MessageHeader, present: UInt32, options: DecodingOptions) throws(PFKeyError) {
        // Rule 8 [RFC 2367 2.3.3]
        if (sourceOffset >= 0) != (destinationOffset >= 0) {
            let (have, missing) = sourceOffset >= 0 ? ("ADDRESS_SRC", "ADDRESS_DST") : ("ADDRESS_DST", "ADDRESS_SRC")
            throw PFKeyError(.addressPairIncomplete, at: max(sourceOffset, destinationOffset), source: "RFC 2367 2.3.3",
                             "\(have) without \(missing) (they MUST always be present or absent together)")
        }
        if sourceOffset >= 0 && sourceFamily != destinationFamily {
            throw PFKeyError(.addressFamilyMismatch, at: destinationOffset, source: "RFC 2367 2.3.3",
                             "ADDRESS_SRC is \(sourceFamily.rawValue), ADDRESS_DST is \(destinationFamily.rawValue)")
        }
        if portWithoutProtocolOffset >= 0 {
            throw PFKeyError(.portWithoutProtocol, at: portWithoutProtocolOffset, source: "RFC 2367 2.3.3",
                             "a non-zero port with sadb_address_proto 0")
        }
        let portsAllowed = m.type == .acquire || m.type == .promisc || m.type.isPolicyMessage
        if nonZeroPortOffset >= 0 && !portsAllowed {
            throw PFKeyError(.portNotZero, at: nonZeroPortOffset, source: "RFC 2367 2.3.3",
                             "ports MUST be zero in all messages except an originating SADB_ACQUIRE; SADB_\(m.type.name) has one")
        }
        // Rule 14, message part [Linux pfkey_spdadd, pfkey_spddelete, pfkey_migrate]
        switch m.type {
        case .spdAdd, .spdUpdate, .spdDelete, .spdSetIndex, .migrate:
            if policyOffset >= 0 && policyDirection == 0 {
                throw PFKeyError(.policyDirectionInvalid, at: policyOffset + 6, source: "Linux af_key.c pfkey_spdadd",
                                 "sadb_x_policy_dir 0 in SADB_\(m.type.name) (in, out or fwd needed)")
            }
        default: break
        }
        // Rule 13 [RFC 2367 3.1]: an error reply is the base header alone.
        guard m.errno == 0 else { return }
        switch options.direction {
        case .request?: try Self.check(m, present: present, direction: .request, dialect: options.dialect)
        case .kernel?: try Self.check(m, present: present, direction: .kernel, dialect: options.dialect)
        case nil:
            do {
                try Self.check(m, present: present, direction: .request, dialect: options.dialect)
            } catch let requestError {
                do {
                    try Self.check(m, present: present, direction: .kernel, dialect: options.dialect)
                } catch let kernelError {
                    throw requestError.code == .notARequest ? kernelError : requestError
                }
            }
        }
    }

    static let sd = ExtensionType.addressSource.bit | ExtensionType.addressDestination.bit
    static let sa = ExtensionType.sa.bit
    static let policy = ExtensionType.policy.bit

    /// The extensions `type` needs going in `direction` (RFC 2367 3.1; Linux af_key.c for the SADB_X_ messages).
    @inline(__always)
    static func required(_ m: MessageHeader, direction: Direction, dialect: Dialect) -> (mask: UInt32, source: StaticString) {
        switch (m.type, direction) {
        case (.getSPI, .request):
            // RFC 2367 3.1.1 lists the SPI range without parentheses; Linux makes it optional.
            return dialect.name == .rfc2367 ? (sd | ExtensionType.spiRange.bit, "RFC 2367 3.1.1") : (sd, "RFC 2367 3.1.1")
        case (.getSPI, .kernel): return (sa | sd, "RFC 2367 3.1.1")
        case (.update, _): return (sa | sd, "RFC 2367 3.1.2")
        case (.add, _): return (sa | sd, "RFC 2367 3.1.3")
        case (.delete, _): return (sa | sd, "RFC 2367 3.1.4")
        case (.get, _): return (sa | sd, "RFC 2367 3.1.5")
        case (.acquire, .request): return (sd | ExtensionType.proposal.bit, "RFC 2367 3.1.6")
        case (.acquire, .kernel):
            // Linux pfkey_send_acquire always adds X_POLICY (the SPD entry's id).
            return dialect.name == .linux ? (sd | ExtensionType.proposal.bit | policy, "Linux af_key.c pfkey_send_acquire")
                : (sd | ExtensionType.proposal.bit, "RFC 2367 3.1.6")
        case (.expire, .kernel): return (sa | sd | ExtensionType.lifetimeCurrent.bit, "RFC 2367 3.1.8")
        case (.dump, .kernel): return (sa | sd, "RFC 2367 3.1.10")
        case (.spdAdd, _), (.spdUpdate, _), (.spdDelete, _), (.spdSetIndex, _), (.migrate, _):
            return (sd | policy, "Linux af_key.c pfkey_spdadd")
        case (.spdGet, .request), (.spdDelete2, _): return (policy, "Linux af_key.c pfkey_spdget")
        case (.spdGet, .kernel), (.spdDump, .kernel), (.spdExpire, .kernel): return (sd | policy, "Linux af_key.c pfkey_xfrm_policy2msg")
        case (.natTNewMapping, .kernel):
            return (sa | sd | ExtensionType.natTSourcePort.bit | ExtensionType.natTDestinationPort.bit, "Linux af_key.c pfkey_send_new_mapping")
        default: return (0, "RFC 2367 3.1")
        }
    }

    @inline(__always)
    static func check(_ m: MessageHeader, present: UInt32, direction: Direction, dialect: Dialect) throws(PFKeyError) {
        if direction == .request && m.type.isKernelOnly {
            throw PFKeyError(.notARequest, at: 1, source: "RFC 2367 3.1", "SADB_\(m.type.name) is sent only by the kernel")
        }
        let (mask, source) = required(m, direction: direction, dialect: dialect)
        if let missing = firstMissing(mask, present) {
            throw PFKeyError(.missingExtension, at: 1, source: "\(source)",
                             "SADB_\(m.type.name) \(direction == .request ? "to the kernel" : "from the kernel") needs \(missing.name)")
        }
        if m.type == .expire && present & (ExtensionType.lifetimeHard.bit | ExtensionType.lifetimeSoft.bit) == 0 {
            throw PFKeyError(.missingExtension, at: 1, source: "RFC 2367 3.1.8", "SADB_EXPIRE needs LIFETIME_HARD or LIFETIME_SOFT")
        }
        if direction == .request && dialect.name == .linux && (m.type == .add || m.type == .update) {
            let hard = present & ExtensionType.lifetimeHard.bit != 0, soft = present & ExtensionType.lifetimeSoft.bit != 0
            if hard != soft {
                throw PFKeyError(.missingExtension, at: 1, source: "Linux af_key.c pfkey_msg2xfrm_state",
                                 "SADB_\(m.type.name) has LIFETIME_\(hard ? "HARD" : "SOFT") without LIFETIME_\(hard ? "SOFT" : "HARD")")
            }
            if m.saType == .esp && present & ExtensionType.keyEncrypt.bit == 0 {
                throw PFKeyError(.missingExtension, at: 1, source: "Linux af_key.c pfkey_msg2xfrm_state", "an ESP SADB_\(m.type.name) needs KEY_ENCRYPT")
            }
            if m.saType == .ah && present & ExtensionType.keyAuth.bit == 0 {
                throw PFKeyError(.missingExtension, at: 1, source: "Linux af_key.c pfkey_msg2xfrm_state", "an AH SADB_\(m.type.name) needs KEY_AUTH")
            }
        }
    }

    @inline(__always)
    static func firstMissing(_ mask: UInt32, _ present: UInt32) -> ExtensionType? {
        let missing = mask & ~present
        guard missing != 0 else { return nil }
        return ExtensionType(rawValue: missing.trailingZeroBitCount)
    }
}

/// What the presence rules need of a message besides its extensions.
struct MessageHeader {
    var type: MessageType
    var errno: UInt8
    var saType: SAType
}
