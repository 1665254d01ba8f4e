import Benchmark
import Checks
import DraftDocument
import Foundation
import Linking

/// Review with checks of RFC 7296 through the libraries (target: under 1 s in all), and its
/// parts: the catalog run alone and linking alone.
let benchmarks: @Sendable () -> Void = {
    let corpus = ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"] ?? "../../shared/corpus"
    let path = corpus + "/rfc7296.txt"
    let config = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 50)

    Benchmark("review with checks of RFC 7296 (read, statements, catalog, linking)", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            guard let document = try? DocumentReader.read(path: path) else { return }
            let run = CatalogRun.run(Catalog.all)
            blackHole(Linker(run: run).link(document))
        }
    }

    Benchmark("catalog run (all checks)", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CatalogRun.run(Catalog.all))
        }
    }

    Benchmark("linking RFC 7296 against a finished run", configuration: config) { benchmark in
        guard let document = try? DocumentReader.read(path: path) else { return }
        let linker = Linker(run: CatalogRun.run(Catalog.all))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(linker.link(document))
        }
    }
}
