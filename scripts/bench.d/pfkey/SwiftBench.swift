// The Swift side of scripts/bench.d/pfkey.sh, compiled (swiftc -O -wmo) against the
// PFKey and PFKeyReference modules.
// Writes the benchmark mix (ADD reply 272, ACQUIRE with 20 combs 1528, X_SPDADD reply 192)
// to FILE for the C decoder, then times decoding with full validation (MessageView), the same
// plus a materialised Message, and encoding.
// Usage: SwiftBench FILE ITERATIONS    Prints: swift_decode|swift_message|swift_encode BYTES MESSAGES SECONDS
import Foundation
import PFKey
import PFKeyReference
#if canImport(Glibc)
import Glibc
#endif

/// CPU time of this process (both sides measure CPU time, so a busy machine skews neither).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

@main struct SwiftBench {
    static func main() throws {
        let file = CommandLine.arguments[1]
        let iterations = Int(CommandLine.arguments[2])!
        let messages = [KernelSamples.addReply(), KernelSamples.acquire(combinations: 20), KernelSamples.spdAddReply()]
        let encoded = try messages.map { try $0.encode(dialect: .linux) }
        precondition(encoded.map(\.count) == [272, 1528, 192])
        try Data(encoded.joined()).write(to: URL(fileURLWithPath: file))
        let bytesPerRound = encoded.reduce(0) { $0 + $1.count }
        let options = DecodingOptions(dialect: .linux)
        let buffers = Buffers(encoded)
        defer { buffers.free() }

        var sink = 0
        // Decode with full validation: MessageView, the same work as the C decoder
        // (every check, then a table of extension offsets), no copy of the input.
        var start = cpuSeconds()
        try buffers.withUnsafeBufferPointers { raw in
            for _ in 0..<iterations {
                for b in raw {
                    let view = try MessageView(validating: b, options: options)
                    sink &+= view.span(of: .addressDestination)?.offset ?? 0
                }
            }
        }
        var seconds = cpuSeconds() - start
        print("swift_decode \(bytesPerRound * iterations) \(encoded.count * iterations) \(seconds)")

        // The same validation, then every extension copied into a typed `Message`.
        start = cpuSeconds()
        for _ in 0..<iterations {
            for e in encoded {
                let m = try e.withUnsafeBytes { try Message(decoding: $0, options: options) }
                sink &+= m.extensions.count
            }
        }
        seconds = cpuSeconds() - start
        print("swift_message \(bytesPerRound * iterations) \(encoded.count * iterations) \(seconds)")

        start = cpuSeconds()
        for _ in 0..<iterations {
            for m in messages {
                sink &+= try m.encode(dialect: .linux).count
            }
        }
        seconds = cpuSeconds() - start
        print("swift_encode \(bytesPerRound * iterations) \(encoded.count * iterations) \(seconds)")
        if sink == 42 { print("") }
    }
}

/// The messages copied once into raw memory, as the C side reads them from one buffer, so
/// the timed loop touches no array.
final class Buffers {
    let pointers: [UnsafeMutableRawBufferPointer]

    init(_ messages: [[UInt8]]) {
        pointers = messages.map { m in
            let p = UnsafeMutableRawBufferPointer.allocate(byteCount: m.count, alignment: 8)
            m.withUnsafeBytes { p.copyMemory(from: $0) }
            return p
        }
    }

    func withUnsafeBufferPointers<R>(_ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        try body(pointers.map { UnsafeRawBufferPointer($0) })
    }

    func free() { for p in pointers { p.deallocate() } }
}
