/// Reads big-endian (network order) integers from a byte buffer and throws `truncated`
/// instead of trapping when the input ends: every TS field is in network order.
struct ByteReader {
    let bytes: [UInt8]
    /// Absolute offset of the next byte to read.
    private(set) var offset: Int
    /// Reads stop here (the end of the enclosing payload or selector).
    let limit: Int

    init(_ bytes: [UInt8], offset: Int = 0, limit: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.limit = min(limit ?? bytes.count, bytes.count)
    }

    var remaining: Int { max(0, limit - offset) }

    private func need(_ count: Int, _ what: String) throws {
        guard count <= remaining else {
            throw TSError(.truncated, "\(what) needs \(count) bytes, \(remaining) left", offset: offset, rule: "RFC 7296 3.13")
        }
    }

    mutating func readUInt8(_ what: String) throws -> UInt8 {
        try need(1, what)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16(_ what: String) throws -> UInt16 {
        try need(2, what)
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    /// An unsigned big-endian integer of `width` bytes (4 for IPv4, 16 for IPv6 addresses).
    mutating func readUInt128(width: Int, _ what: String) throws -> UInt128 {
        try need(width, what)
        var value: UInt128 = 0
        for i in 0..<width { value = value << 8 | UInt128(bytes[offset + i]) }
        offset += width
        return value
    }

    mutating func readBytes(_ count: Int, _ what: String) throws -> [UInt8] {
        try need(count, what)
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func skip(_ count: Int, _ what: String) throws {
        try need(count, what)
        offset += count
    }
}

/// Appends big-endian integers.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func write(_ value: UInt128, width: Int) {
        for i in stride(from: width - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: value >> (UInt128(i) * 8)))
        }
    }

    mutating func write(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Overwrites a big-endian UInt16 already written (a length known only at the end).
    mutating func patch(_ value: UInt16, at index: Int) {
        bytes[index] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[index + 1] = UInt8(truncatingIfNeeded: value)
    }
}
