// swift-tools-version:6.1
// The benchmark suite, a package of its own (as swift-asn1 does) so the main package
// builds without package-benchmark. Run: scripts/bench (side by side with the peers).
import PackageDescription

let benchmarkTargets = [
    "DocumentBenchmarks", "NormativeBenchmarks", "PFKeyBenchmarks",
    "TrafficSelectorBenchmarks", "CheckBenchmarks", "TextBenchmarks",
]

let package = Package(
    name: "draftcheck-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "draftcheck", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: benchmarkTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DraftDocument", package: "draftcheck"),
                .product(name: "Normative", package: "draftcheck"),
                .product(name: "PFKey", package: "draftcheck"),
                .product(name: "PFKeyReference", package: "draftcheck"),
                .product(name: "TrafficSelectors", package: "draftcheck"),
                .product(name: "Checks", package: "draftcheck"),
                .product(name: "Linking", package: "draftcheck"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
