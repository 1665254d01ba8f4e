@testable import PFKey

/// Builders for the test vectors: valid messages, and their bytes with one field changed.
enum Vectors {
    static let v4a = SocketAddress(IPAddress("10.0.0.1")!)
    static let v4b = SocketAddress(IPAddress("10.0.0.2")!)
    static let v6a = SocketAddress(IPAddress("2001:db8::1")!)

    /// An ESP SADB_ADD request: base 16 | SA @16 | SRC @32 | DST @56 | KEY_AUTH @80 (32) | KEY_ENCRYPT @112 (24) = 136.
    static func addRequest(pid: UInt32 = 77) -> Message {
        Message(.add, saType: .esp, sequence: 9, pid: pid, extensions: [
            .sa(SAExtension(spi: 0x1234, replay: 32, state: .mature, auth: 3, encrypt: 12)),
            .address(AddressExtension(.source, v4a, prefixLength: 32)),
            .address(AddressExtension(.destination, v4b, prefixLength: 32)),
            .key(KeyExtension(.auth, key: [UInt8](repeating: 0xaa, count: 20))),
            .key(KeyExtension(.encrypt, key: [UInt8](repeating: 0xbb, count: 16))),
        ])
    }

    /// An X_SPDADD request: base | SRC @16 | DST @40 | X_POLICY @64 (16 + one 16-byte request @80) = 96.
    static func spdAddRequest(requests: [IPsecRequest] = [IPsecRequest(proto: 50, mode: 1, level: 2)]) -> Message {
        Message(.spdAdd, pid: 77, extensions: [
            .address(AddressExtension(.source, v4a, proto: 255, prefixLength: 32)),
            .address(AddressExtension(.destination, v4b, proto: 255, prefixLength: 32)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: requests)),
        ])
    }

    static func bytes(_ m: Message, dialect: Dialect = .linux) -> [UInt8] {
        try! m.encode(dialect: dialect)
    }

    /// `bytes` with the little-endian UInt16 at `offset` set to `value`.
    static func set16(_ bytes: [UInt8], _ offset: Int, _ value: UInt16) -> [UInt8] {
        var b = bytes
        b[offset] = UInt8(value & 0xff)
        b[offset + 1] = UInt8(value >> 8)
        return b
    }

    static func set8(_ bytes: [UInt8], _ offset: Int, _ value: UInt8) -> [UInt8] {
        var b = bytes
        b[offset] = value
        return b
    }

    /// A base header of `type` with the raw extension bytes appended and the length fixed.
    static func raw(type: UInt8, satype: UInt8 = 3, extensions: [UInt8]) -> [UInt8] {
        let total = 16 + extensions.count
        return [2, type, 0, satype, UInt8((total / 8) & 0xff), UInt8((total / 8) >> 8), 0, 0, 1, 0, 0, 0, 77, 0, 0, 0] + extensions
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

func unhex(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = text.filter { !$0.isWhitespace }.makeIterator()
    while let a = chars.next(), let b = chars.next() { out.append(UInt8(String([a, b]), radix: 16)!) }
    return out
}
