import Benchmark
import DraftDocument
import Foundation

/// The XML reader on the largest corpus document (scripts/bench document compares the
/// same work with xml2rfc). The corpus is read in place from ../shared/corpus.
let benchmarks: @Sendable () -> Void = {
    let corpus = ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/corpus").standardizedFileURL.path
    let path = corpus + "/rfc9001.canonical.xml"
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("CORPUS MISSING: \(path); DocumentBenchmarks has nothing to measure\n".utf8))
        return
    }

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))

    Benchmark("Parse rfc9001.canonical.xml (sections, blocks, inline)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try DocumentReader.read(data: data, path: path))
        }
    }

    Benchmark("Parse and render rfc9001.canonical.xml section 5") { benchmark in
        for _ in benchmark.scaledIterations {
            let document = try DocumentReader.read(data: data, path: path)
            if let section = document.section(numbered: "5") {
                blackHole(TextRenderer.render(section))
            }
        }
    }
}
