import PFKey

/// Bytes the PF_KEY checks start from and the edits they make to them. Lengths stay
/// consistent (`sadb_msg_len` is rewritten) so that each edit breaks one rule only.
enum PFKeyWire {
    static let local = IPAddress("10.0.0.1")!, peer = IPAddress("10.0.0.2")!
    static let linuxRequest = DecodingOptions(dialect: .linux, direction: .request)
    static let linuxKernel = DecodingOptions(dialect: .linux, direction: .kernel)

    /// A valid SADB_ADD request for an ESP SA (HMAC-SHA-256, AES-CBC-256), extensions in
    /// the order SA, SRC, DST, KEY_AUTH, KEY_ENCRYPT.
    static func addRequest(source: SocketAddress = SocketAddress(local), destination: SocketAddress = SocketAddress(peer),
                           sourceProto: UInt8 = 0, keyBits: UInt16 = 256, state: SAState = .mature) -> Message {
        Message(.add, saType: .esp, sequence: 3, pid: 4242, extensions: [
            .sa(SAExtension(spi: 0x1234, replay: 32, state: state, auth: 5, encrypt: 12)),
            .address(AddressExtension(.source, source, proto: sourceProto, prefixLength: 32)),
            .address(AddressExtension(.destination, destination, proto: sourceProto, prefixLength: source.family == .inet ? 32 : 128)),
            .key(KeyExtension(.auth, bits: 256, key: Array(repeating: 0xA5, count: 32))),
            .key(KeyExtension(.encrypt, bits: keyBits, key: Array(repeating: 0x5A, count: 32))),
        ])
    }

    /// `bytes` with `extra` appended and `sadb_msg_len` (host order, 64-bit words) updated.
    static func appending(_ extra: [UInt8], to bytes: [UInt8]) -> [UInt8] {
        var out = bytes + extra
        let words = UInt16(out.count / 8)
        out[4] = UInt8(words & 0xFF)
        out[5] = UInt8(words >> 8)
        return out
    }

    /// The bytes of the first extension of a message (its length from `sadb_ext_len`).
    static func firstExtension(of bytes: [UInt8]) -> [UInt8] {
        let words = Int(bytes[16]) | Int(bytes[17]) << 8
        return Array(bytes[16..<(16 + words * 8)])
    }

    /// The byte offset of the first extension numbered `number` (`sadb_ext_type`, host
    /// order), walking the `sadb_ext_len`s; nil when there is none or a length runs out.
    static func extensionOffset(number: UInt16, in bytes: [UInt8]) -> Int? {
        var at = 16
        while at + 4 <= bytes.count {
            let words = Int(bytes[at]) | Int(bytes[at + 1]) << 8
            if UInt16(bytes[at + 2]) | UInt16(bytes[at + 3]) << 8 == number { return at }
            guard words > 0 else { return nil }
            at += words * 8
        }
        return nil
    }

    static func decode(_ bytes: [UInt8], _ options: DecodingOptions = linuxRequest) throws -> Message {
        try Message(decoding: bytes, options: options)
    }
}
