/// The byte order of one field, named at every read and write (network order is `.big`).
package enum ByteOrder: Sendable, Hashable {
    case big, little
}

/// A reader over an array of bytes that throws `Truncated` instead of trapping when a
/// field runs past `limit` (the end of the enclosing payload or structure). Each module
/// turns `Truncated` into its own error at its boundary (TSError for the TS codec).
///
/// PFKey's `MessageView` does not use it: it validates through its own reader over an
/// `UnsafeRawBufferPointer` (no array, one bound check per structure), which is what keeps
/// PF_KEY decoding within 2x of C (scripts/bench pfkey).
package struct WireReader: Sendable {
    package let bytes: [UInt8]
    /// Absolute offset of the next byte to read.
    package private(set) var offset: Int
    /// Reads stop here.
    package let limit: Int

    package init(_ bytes: [UInt8], offset: Int = 0, limit: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.limit = min(limit ?? bytes.count, bytes.count)
    }

    package var remaining: Int { max(0, limit - offset) }

    /// A field that needed more bytes than were left.
    package struct Truncated: Error, Equatable {
        /// The field's name, as the caller gave it.
        package var field: String
        package var needed: Int
        package var remaining: Int
        /// Where the field starts.
        package var offset: Int
    }

    private func need(_ count: Int, _ field: String) throws(Truncated) {
        guard count <= remaining else { throw Truncated(field: field, needed: count, remaining: remaining, offset: offset) }
    }

    /// An integer of `T`'s width.
    package mutating func readInteger<T: FixedWidthInteger & UnsignedInteger>(_ field: String, endianness: ByteOrder, as: T.Type = T.self) throws(Truncated) -> T {
        try need(MemoryLayout<T>.size, field)
        defer { offset += MemoryLayout<T>.size }
        return Self.integer(bytes[offset ..< offset + MemoryLayout<T>.size], endianness: endianness)
    }

    /// An unsigned integer of `width` bytes (4 for an IPv4, 16 for an IPv6 address).
    package mutating func readInteger(_ field: String, width: Int, endianness: ByteOrder) throws(Truncated) -> UInt128 {
        try need(width, field)
        defer { offset += width }
        return Self.integer(bytes[offset ..< offset + width], endianness: endianness)
    }

    package mutating func readBytes(_ field: String, count: Int) throws(Truncated) -> [UInt8] {
        try need(count, field)
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }

    package mutating func skip(_ field: String, count: Int) throws(Truncated) {
        try need(count, field)
        offset += count
    }

    private static func integer<T: FixedWidthInteger & UnsignedInteger>(_ slice: ArraySlice<UInt8>, endianness: ByteOrder) -> T {
        var value: T = 0
        switch endianness {
        case .big: for b in slice { value = value << 8 | T(b) }
        case .little: for b in slice.reversed() { value = value << 8 | T(b) }
        }
        return value
    }
}

/// Appends fields to a growing array, each with its byte order named.
package struct WireWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func write<T: FixedWidthInteger & UnsignedInteger>(_ value: T, endianness: ByteOrder) {
        write(UInt128(value), width: MemoryLayout<T>.size, endianness: endianness)
    }

    /// The low `width` bytes of `value`.
    package mutating func write(_ value: UInt128, width: Int, endianness: ByteOrder) {
        switch endianness {
        case .big:
            for i in stride(from: width - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: value >> (UInt128(i) * 8))) }
        case .little:
            for i in 0 ..< width { bytes.append(UInt8(truncatingIfNeeded: value >> (UInt128(i) * 8))) }
        }
    }

    package mutating func write(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Overwrites an integer already written (a length known only at the end).
    package mutating func patch<T: FixedWidthInteger & UnsignedInteger>(_ value: T, at index: Int, endianness: ByteOrder) {
        var w = WireWriter()
        w.write(value, endianness: endianness)
        bytes.replaceSubrange(index ..< index + w.bytes.count, with: w.bytes)
    }
}
