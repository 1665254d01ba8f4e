import Benchmark
import DraftDocument
import Foundation
import Normative

/// Review of the two benchmark documents: parse plus statements (what `draftcheck review`
/// does before formatting), and statements alone over a parsed document. The corpus is
/// ../shared/corpus beside the package root, or DRAFTCHECK_CORPUS.
let benchmarks: @Sendable () -> Void = {
    let corpus = ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus").path
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                                maxDuration: .seconds(5), maxIterations: 200)
    for name in ["rfc7296.txt", "rfc9001.canonical.xml"] {
        let path = corpus + "/" + name
        guard let document = try? DocumentReader.read(path: path) else {
            FileHandle.standardError.write(Data("CORPUS MISSING: \(path); NormativeBenchmarks skips \(name)\n".utf8))
            continue
        }
        Benchmark("review \(name) (parse + statements)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let parsed = try DocumentReader.read(path: path)
                blackHole(StatementExtractor().analyze(parsed))
            }
        }
        Benchmark("statements \(name)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(StatementExtractor().analyze(document))
            }
        }
    }
}
