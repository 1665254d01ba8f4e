import Benchmark
import PFKey
import PFKeyReference

// The PF_KEY codec over the benchmark mix of scripts/bench.d/pfkey.sh: a 272-byte ADD
// reply, a 1528-byte ACQUIRE with 20 combs and a 192-byte X_SPDADD reply (the shapes a
// Linux 6.1 kernel sent). The side-by-side run with the C decoder is scripts/bench pfkey.
let benchmarks: @Sendable () -> Void = {
    let messages = [KernelSamples.addReply(), KernelSamples.acquire(combinations: 20), KernelSamples.spdAddReply()]
    let encoded = messages.map { try! $0.encode(dialect: .linux) }
    let options = DecodingOptions(dialect: .linux)

    // The same work as the C decoder of scripts/bench pfkey: every check, a table of
    // extension offsets, no copy and no allocation (mallocCountTotal should stay 0).
    Benchmark("PFKey decode mix (MessageView, full validation)", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in encoded {
                try bytes.withUnsafeBytes { raw in
                    blackHole(try MessageView(validating: raw, options: options).span(of: .addressDestination))
                }
            }
        }
    }

    Benchmark("PFKey decode mix (full validation + materialised Message)", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in encoded {
                blackHole(try Message(decoding: bytes, options: options))
            }
        }
    }

    Benchmark("PFKey encode mix", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { benchmark in
        for _ in benchmark.scaledIterations {
            for m in messages {
                blackHole(try m.encode(dialect: .linux))
            }
        }
    }
}
