import Benchmark
import DraftDocument
import Foundation

/// The plain-text reader in process: RFC 7296 (354 KB, 142 pages) and the ikev2bis-04
/// draft from ../shared/corpus (or DRAFTCHECK_CORPUS). scripts/bench.d/text.sh runs the
/// side-by-side comparison with id2xml.
let benchmarks: @Sendable () -> Void = {
    let corpus = ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus")
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))

    for name in ["rfc7296.txt", "draft-ietf-ipsecme-ikev2bis-04.txt"] {
        let url = corpus.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else {
            FileHandle.standardError.write(Data("CORPUS MISSING: \(url.path); TextBenchmarks \(name) skipped\n".utf8))
            continue
        }
        Benchmark("TextDocumentReader \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try DocumentReader.read(data: data, path: name))
            }
        }
    }
}
