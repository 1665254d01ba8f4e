import PFKey

/// The valid requests the scenarios send and the differential mutates.
enum Requests {
    static func v4(_ s: String, port: UInt16 = 0) -> SocketAddress { SocketAddress(IPAddress(s)!, port: port) }
    static let local = v4("10.0.0.1"), peer = v4("10.0.0.2")
    static let local6 = SocketAddress(IPAddress("2001:db8::1")!), peer6 = SocketAddress(IPAddress("2001:db8::2")!)

    static func pair(_ s: SocketAddress, _ d: SocketAddress, proto: UInt8 = 0, prefix: UInt8? = nil) -> [Extension] {
        let p = prefix ?? (s.address.family == .inet ? 32 : 128)
        return [.address(AddressExtension(.source, s, proto: proto, prefixLength: p)),
                .address(AddressExtension(.destination, d, proto: proto, prefixLength: p))]
    }

    /// HMAC-SHA1 (3) + AES-CBC (12) ESP, or another pair of algorithms and key sizes.
    static func add(_ type: MessageType = .add, saType: SAType = .esp, spi: UInt32, auth: UInt8 = 3, authKey: Int = 20,
                    encrypt: UInt8 = 12, encryptKey: Int = 16, src: SocketAddress = local, dst: SocketAddress = peer,
                    extra: [Extension] = [], hardSeconds: UInt64 = 0, softSeconds: UInt64 = 0) -> Message {
        var exts: [Extension] = [.sa(SAExtension(spi: spi, replay: 32, state: .mature, auth: auth, encrypt: saType == .ah ? 0 : encrypt))]
        if hardSeconds != 0 || softSeconds != 0 {
            exts += [.lifetime(LifetimeExtension(.hard, addTime: hardSeconds)), .lifetime(LifetimeExtension(.soft, addTime: softSeconds))]
        }
        exts += pair(src, dst)
        exts.append(.key(KeyExtension(.auth, key: (0..<authKey).map { UInt8(0x11 &+ $0) })))
        if saType == .esp { exts.append(.key(KeyExtension(.encrypt, key: (0..<encryptKey).map { UInt8(0x51 &+ $0) }))) }
        return Message(type, saType: saType, extensions: exts + extra)
    }

    static func byID(_ type: MessageType, saType: SAType = .esp, spi: UInt32, src: SocketAddress = local, dst: SocketAddress = peer) -> Message {
        Message(type, saType: saType, extensions: [.sa(SAExtension(spi: spi))] + pair(src, dst))
    }

    /// An outbound ESP transport policy `require`, as setkey's spdadd writes it.
    static func spdAdd(src: SocketAddress = local, dst: SocketAddress = peer, direction: PolicyExtension.PolicyDirection = .outbound) -> Message {
        Message(.spdAdd, extensions: pair(src, dst, proto: 255) + [
            .policy(PolicyExtension(type: .ipsec, direction: direction, requests: [IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2)])),
        ])
    }
}
