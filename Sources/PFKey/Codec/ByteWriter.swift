/// Appends fields to a growing byte array, each with its byte order named at the call.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far.
    public var count: Int { bytes.count }

    
    public mutating func writeInteger<T: FixedWidthInteger>(_ value: T, endianness: Endianness) {
        let v = endianness == .big ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
    }

    
    public mutating func writeByte(_ value: UInt8) { bytes.append(value) }

    
    public mutating func writeBytes(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// Reserved fields and padding: always zero (RFC 2367 2.1, 2.2).
    
    public mutating func writeZeros(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(0, count: count)) }
    }

    /// Pads with zeros to the next multiple of 8 bytes (RFC 2367 2.2).
    
    public mutating func padToEightBytes() { writeZeros(padding8(bytes.count)) }
}

/// Bytes to add to `n` to reach a multiple of 8.
func padding8(_ n: Int) -> Int { (8 - n & 7) & 7 }

/// `n` rounded up to a multiple of 8.
func align8(_ n: Int) -> Int { (n + 7) & ~7 }
