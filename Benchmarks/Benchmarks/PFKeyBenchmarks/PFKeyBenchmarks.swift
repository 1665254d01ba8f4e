import Benchmark

let benchmarks: @Sendable () -> Void = {
    // Filled by its issue.
}
