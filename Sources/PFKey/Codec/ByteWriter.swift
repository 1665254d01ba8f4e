/// Writes fields into a zero-filled buffer of a size known in advance, each with its byte
/// order named at the call. Reserved fields and padding need no writing: the buffer starts
/// as zeros and is written forward only (RFC 2367 2.1: reserved fields are zero).
///
/// `Message.encode(dialect:)` computes the exact length first and makes the writer over
/// the new array's memory, so writing is a store per field; every write still checks the
/// bound and traps if our own length computation were wrong (a bug, not bad input).
package struct ByteWriter {
    let buffer: UnsafeMutableRawBufferPointer
    /// The number of bytes written so far.
    package private(set) var count: Int

    init(_ buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
        self.count = 0
    }

    /// Bytes of `length`, filled by `body` through a writer.
    static func bytes(length: Int, _ body: (inout ByteWriter) throws(PFKeyError) -> Void) throws(PFKeyError) -> [UInt8] {
        var failure: PFKeyError?
        let out = [UInt8](unsafeUninitializedCapacity: length) { raw, initialized in
            raw.initialize(repeating: 0)
            var writer = ByteWriter(UnsafeMutableRawBufferPointer(raw))
            do throws(PFKeyError) { try body(&writer) } catch { failure = error }
            precondition(writer.count == length, "PFKey encoder wrote \(writer.count) bytes of \(length)")
            initialized = length
        }
        if let failure { throw failure }
        return out
    }

    @inline(__always)
    func reserve(_ n: Int) {
        precondition(n <= buffer.count &- count, "PFKey encoder overran its computed length")
    }

    @inline(__always)
    package mutating func writeInteger<T: FixedWidthInteger>(_ value: T, endianness: Endianness) {
        reserve(MemoryLayout<T>.size)
        let v = endianness == .big ? value.bigEndian : value.littleEndian
        buffer.storeBytes(of: v, toByteOffset: count, as: T.self)
        count &+= MemoryLayout<T>.size
    }

    @inline(__always)
    package mutating func writeByte(_ value: UInt8) {
        reserve(1)
        buffer.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    package mutating func writeBytes(_ value: [UInt8]) {
        reserve(value.count)
        let at = count
        value.withUnsafeBytes { src in
            if let base = src.baseAddress, src.count > 0 {
                (buffer.baseAddress! + at).copyMemory(from: base, byteCount: src.count)
            }
        }
        count &+= value.count
    }

    /// Reserved fields and padding: zero (RFC 2367 2.1, 2.2).
    @inline(__always)
    package mutating func writeZeros(_ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        count &+= n
    }

    /// Pads with zeros to the next multiple of 8 bytes (RFC 2367 2.2).
    @inline(__always)
    package mutating func padToEightBytes() { writeZeros(padding8(count)) }
}

/// Bytes to add to `n` to reach a multiple of 8.
@inline(__always) func padding8(_ n: Int) -> Int { (8 - n & 7) & 7 }

/// `n` rounded up to a multiple of 8.
@inline(__always) func align8(_ n: Int) -> Int { (n + 7) & ~7 }
