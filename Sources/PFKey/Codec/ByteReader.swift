/// The byte order of one field. PF_KEY mixes the two: SPIs and ports are in network
/// order (RFC 2367 2.3.1, 2.3.3), everything else in the host's order (RFC 2367 2: "fields
/// MUST be in host-specific byte order"); the host's order is part of the `Dialect`.
public enum Endianness: Sendable, Hashable {
    case big, little

    /// Network byte order.
    public static let network = Endianness.big
}

/// A reader over the bytes of one message that throws instead of trapping.
///
/// It reads through an `UnsafeRawBufferPointer` (no per-field allocation) and is only
/// valid inside the `withUnsafeBytes` closure that made it; every read checks the bound
/// first. `offset` is absolute within the message, so errors name the byte they are about.
package struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    /// The absolute offset of the next byte to read.
    package private(set) var offset: Int
    /// The absolute offset just past the last readable byte.
    package let end: Int

    package init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        self.offset = 0
        self.end = buffer.count
    }

    init(buffer: UnsafeRawBufferPointer, offset: Int, end: Int) {
        self.buffer = buffer
        self.offset = offset
        self.end = end
    }

    /// `buffer.baseAddress` unwrapped once, for loads behind a bound check (over an empty
    /// buffer, which has no base address, the placeholder is never read).
    @inline(__always)
    static func base(of buffer: UnsafeRawBufferPointer) -> UnsafeRawPointer {
        buffer.baseAddress ?? UnsafeRawPointer(bitPattern: MemoryLayout<UInt64>.alignment)!
    }

    /// Bytes left before `end`.
    package var remaining: Int { end &- offset }

    @inline(__always)
    func check(_ count: Int) throws(PFKeyError) {
        guard count >= 0, count <= end &- offset else { throw truncated(count) }
    }

    @inline(never)
    func truncated(_ count: Int) -> PFKeyError {
        PFKeyError(.truncated, at: offset, source: "RFC 2367 2.3", "\(count) bytes needed, \(end - offset) left")
    }

    /// Reads an integer stored with `endianness`.
    
    @inline(__always)
    package mutating func readInteger<T: FixedWidthInteger>(endianness: Endianness, as: T.Type = T.self) throws(PFKeyError) -> T {
        try check(MemoryLayout<T>.size)
        let raw = buffer.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset &+= MemoryLayout<T>.size
        return endianness == .big ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// Reads an integer at `offset + relative` after the caller checked the bound with
    /// `check` (a whole structure at once, e.g. a 72-byte sadb_comb).
    @inline(__always)
    func loadChecked<T: FixedWidthInteger>(_ relative: Int, endianness: Endianness, as: T.Type = T.self) -> T {
        let raw = buffer.loadUnaligned(fromByteOffset: offset &+ relative, as: T.self)
        return endianness == .big ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// Reads one byte.
    
    @inline(__always)
    package mutating func readByte() throws(PFKeyError) -> UInt8 {
        try check(1)
        let b = buffer.load(fromByteOffset: offset, as: UInt8.self)
        offset &+= 1
        return b
    }

    /// Reads an integer at `offset + relative` without moving.
    
    @inline(__always)
    package func peekInteger<T: FixedWidthInteger>(at relative: Int, endianness: Endianness, as: T.Type = T.self) throws(PFKeyError) -> T {
        guard relative >= 0, relative <= end &- offset &- MemoryLayout<T>.size else {
            throw PFKeyError(.truncated, at: offset, source: "RFC 2367 2.3",
                             "\(relative + MemoryLayout<T>.size) bytes needed, \(end - offset) left")
        }
        let raw = buffer.loadUnaligned(fromByteOffset: offset &+ relative, as: T.self)
        return endianness == .big ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// Copies `count` bytes out.
    package mutating func readBytes(_ count: Int) throws(PFKeyError) -> [UInt8] {
        try check(count)
        let bytes = [UInt8](UnsafeRawBufferPointer(rebasing: buffer[offset ..< offset + count]))
        offset += count
        return bytes
    }

    /// Skips `count` bytes.
    
    @inline(__always)
    package mutating func skip(_ count: Int) throws(PFKeyError) {
        try check(count)
        offset &+= count
    }

    /// True when the `count` bytes at `offset + relative` are all zero; false when they are
    /// not all there.
    @inline(__always)
    package func bytesAreZero(at relative: Int, count: Int) -> Bool {
        var copy = self
        guard relative >= 0, relative <= end - offset else { return false }
        copy.offset = offset + relative
        return copy.nextBytesAreZero(count)
    }

    /// True when the next `count` bytes are all zero (reserved fields and padding).
    
    @inline(__always)
    package func nextBytesAreZero(_ count: Int) -> Bool {
        guard count <= end - offset else { return false }
        var i = offset
        let stop = offset + count
        while i + 8 <= stop {
            if buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self) != 0 { return false }
            i &+= 8
        }
        while i < stop {
            if buffer[i] != 0 { return false }
            i &+= 1
        }
        return true
    }

    /// A reader over the next `count` bytes; this reader moves past them.
    
    @inline(__always)
    package mutating func slice(_ count: Int) throws(PFKeyError) -> ByteReader {
        try check(count)
        let sub = ByteReader(buffer: buffer, offset: offset, end: offset &+ count)
        offset &+= count
        return sub
    }
}
