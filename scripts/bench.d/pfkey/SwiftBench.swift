// The Swift side of scripts/bench.d/pfkey.sh, compiled (swiftc -O -wmo) with Sources/PFKey.
// Writes the benchmark mix (ADD reply 272, ACQUIRE with 20 combs 1528, X_SPDADD reply 192)
// to FILE for the C decoder, then times decoding with full validation and encoding.
// Usage: SwiftBench FILE ITERATIONS    Prints: swift_decode|swift_encode BYTES MESSAGES SECONDS
import Foundation
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

        var sink = 0
        var start = cpuSeconds()
        for _ in 0..<iterations {
            for e in encoded {
                let m = try e.withUnsafeBytes { try Message(decoding: $0, options: options) }
                sink &+= m.extensions.count
            }
        }
        var seconds = cpuSeconds() - start
        print("swift_decode \(bytesPerRound * iterations) \(encoded.count * iterations) \(seconds)")

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
