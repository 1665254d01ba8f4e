// swift-tools-version:6.1
// draftcheck: IETF draft review with executable checks for PF_KEY and IKEv2 Traffic Selectors.
//
// The data flow, and so the order of the targets below (README "Layout" has one line each):
//
//   document source -> DraftDocument -> Normative (statements) -> Linking (links, statuses)
//                                                                   ^
//                                 Checks (the catalog: checks and their claims)
//                                   ^ PFKey (codec), PFKeyReference (reference kernel,
//                                     samples, real-kernel captures), TrafficSelectors
//                                     (TS engine), SPDBridge (the flows between them)
//   Errata (proposed text -> patched source, diffs) and Reports (every output format) at
//   the end; draftcheck, the CLI, only wires them. Diagnostics (the one error shape) and
//   WireCore (hex, addresses, a bounded reader) sit under everything that needs them.
//
// No cycles; PFKey and TrafficSelectors know nothing of documents, DraftDocument nothing of
// IPsec, and nothing imports the CLI.
import PackageDescription

/// -O for a target in debug builds as well (release builds are optimized anyway): overflow
/// and bounds checks stay, `assert` goes, as in a release build.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "draftcheck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "draftcheck", targets: ["draftcheck"]),
        .executable(name: "draftcheck-fetch", targets: ["draftcheck-fetch"]),
        .library(name: "DraftDocument", targets: ["DraftDocument"]),
        .library(name: "Normative", targets: ["Normative"]),
        .library(name: "PFKey", targets: ["PFKey"]),
        // The reference kernel, samples and real-kernel captures: for tests and benchmarks (Benchmarks/).
        .library(name: "PFKeyReference", targets: ["PFKeyReference"]),
        .library(name: "TrafficSelectors", targets: ["TrafficSelectors"]),
        .library(name: "Checks", targets: ["Checks"]),
        .library(name: "Linking", targets: ["Linking"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
    ],
    // Pinned exactly, so that a fresh clone builds the same code: Package.resolved stays out
    // of git (it records revision ids, which differ between package mirrors).
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // --- Foundations -------------------------------------------------------------------
        // The shape every module's error type shares (code, location, rule, category): the
        // CLI turns it into one message line and an exit code.
        .target(name: "Diagnostics"),
        // What the PF_KEY and TS codecs share (hex, addresses, a bounded reader): `package`
        // declarations only, so it is no product and neither codec depends on the other.
        .target(name: "WireCore"),
        // The command line's parser: commands declare their options by reading them, with
        // no reflection at start-up (swift-argument-parser's cost 2.5 ms a run).
        .target(name: "CommandLineParsing"),
        // libxml2 from the system (apt libxml2-dev); never FoundationXML, so we own the parser
        // options. zlib1g-dev and liblzma-dev: the archives the static release binary links.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev", "liblzma-dev"])]
        ),

        // --- Documents -> statements ------------------------------------------------------
        // The readers and the extraction are optimized in debug builds too: every test
        // reads documents, and `scripts/hostile --debug` (CI) times a 50 MB review, which
        // -Onone ran at a tenth of a release build's speed.
        .target(name: "DraftDocument", dependencies: ["CLibXML2", "Diagnostics"], swiftSettings: optimizedInDebug),
        .target(name: "Normative", dependencies: ["DraftDocument"], swiftSettings: optimizedInDebug),
        // Documents by name (rfc7296, draft-...-08, a URL): resolved through the RFC Editor's
        // and the IETF archive's layouts, fetched with FoundationNetworking, and kept in a
        // content-addressed cache (README "Documents by name").
        .target(name: "DocumentSources", dependencies: ["Diagnostics"]),

        // --- The reference code the checks drive -------------------------------------------
        // The PF_KEY codec alone; its test doubles and evidence live in PFKeyReference (as
        // swift-nio's NIOEmbedded beside NIOCore).
        .target(name: "PFKey", dependencies: ["WireCore", "Diagnostics"]),
        .target(name: "PFKeyReference", dependencies: ["PFKey"]),
        .target(name: "TrafficSelectors", dependencies: ["WireCore", "Diagnostics"]),
        .target(name: "SPDBridge", dependencies: ["PFKey", "TrafficSelectors", "Diagnostics"]),

        // --- Checks -> links ---------------------------------------------------------------
        .target(name: "Checks", dependencies: ["PFKey", "PFKeyReference", "TrafficSelectors", "SPDBridge", "Diagnostics", "WireCore"]),
        .target(name: "Linking", dependencies: ["Normative", "Checks"]),
        // Checks written as YAML files (checks/, --checks DIR): parsed with marks for
        // FILE:LINE:COL errors, run over the same reference code, joined to Catalog.all.
        .target(name: "Scenarios", dependencies: [
            "Checks", "Linking", "DraftDocument", "PFKey", "PFKeyReference", "TrafficSelectors", "WireCore", "Diagnostics",
            .product(name: "Yams", package: "Yams"),
        ]),

        // --- Proposed text and outputs ----------------------------------------------------
        .target(name: "Errata", dependencies: [
            "DraftDocument", "Diagnostics", .product(name: "Yams", package: "Yams"), .product(name: "Plot", package: "Plot"),
        ]),
        // A statement's history across the revisions of a series (`draftcheck history`):
        // ordering, linking each revision, joining statements, the errata's adoption. Above
        // Linking because it also follows errata (Errata), which Linking does not know.
        .target(name: "History", dependencies: ["DraftDocument", "Normative", "Checks", "Linking", "Errata", "Diagnostics"]),
        .target(name: "Reports", dependencies: [
            "Normative", "Linking", "Errata", "History", .product(name: "Plot", package: "Plot"),
        ], swiftSettings: optimizedInDebug),

        // --- Programs ----------------------------------------------------------------------
        // Runs PF_KEY scenarios on a real AF_KEY socket inside User-Mode Linux (scripts/uml).
        .executableTarget(name: "pfkey-live", dependencies: ["PFKey", "PFKeyReference", "SPDBridge", "TrafficSelectors", "WireCore"]),
        // The one program that loads FoundationNetworking (libcurl and some thirty libraries):
        // draftcheck runs it when a document must come from the network, so every other
        // run starts without them.
        .executableTarget(name: "draftcheck-fetch", dependencies: ["DocumentSources"]),
        .executableTarget(name: "draftcheck", dependencies: [
            "DraftDocument", "Normative", "PFKey", "TrafficSelectors", "SPDBridge",
            "Checks", "Linking", "Scenarios", "Errata", "History", "Reports", "Diagnostics", "DocumentSources",
            "CommandLineParsing",
        ], exclude: ["Exports.map"], linkerSettings: [
            // Sources/draftcheck/Exports.map: no dynamic symbols (start-up walked them).
            .unsafeFlags(["-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/draftcheck/Exports.map"]),
            // A release build is one fully static executable: the Swift runtime, Foundation,
            // glibc and libxml2 with what it links (`pkg-config --static --libs libxml-2.0`
            // on Debian 12) linked in, at a fixed address. The dynamic loader has nothing to
            // do: no libraries to find and map, no symbols to look up, none of the 87,000
            // relocations a position-independent binary carries. DRAFTCHECK_PIE=1 builds the
            // position-independent binary instead (ASLR for draftcheck's own code and
            // libxml2; 1.5 to 2 ms a run): README "Performance" weighs the two.
        ] + (Context.environment["DRAFTCHECK_PIE"] == "1" ? [] : [
            .unsafeFlags([
                "-static-executable",
                // The Foundation archives, in a group (they refer to each other): a build
                // without --static-swift-stdlib names only libFoundation.
                "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lCoreFoundation",
                "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections",
                "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "--end-group",
                "-Xlinker", "-licui18n", "-Xlinker", "-licuuc", "-Xlinker", "-licudata",
                "-Xlinker", "-lz", "-Xlinker", "-llzma", "-Xlinker", "-lstdc++", "-Xlinker", "-lm",
            ], .when(configuration: .release)),
        ])),

        // --- Tests -------------------------------------------------------------------------
        // Shared by the test targets only: where the corpus and the peers are, and how a
        // missing peer is reported (a loud skip locally, a failure with CI=true).
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "WireCoreTests", dependencies: ["WireCore"]),
        .testTarget(name: "CommandLineParsingTests", dependencies: ["CommandLineParsing"]),
        .testTarget(name: "DraftDocumentTests", dependencies: ["DraftDocument", "TestSupport"]),
        .testTarget(name: "DocumentSourcesTests", dependencies: ["DocumentSources", "draftcheck-fetch", "TestSupport"]),
        .testTarget(name: "NormativeTests", dependencies: ["Normative", "TestSupport"]),
        .testTarget(name: "PFKeyTests", dependencies: [
            "PFKey", "PFKeyReference", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["C"]),  // C/pfkey_layout.c: compiled with gcc by CCrossCheckTests
        .testTarget(name: "PFKeyReferenceTests", dependencies: ["PFKey", "PFKeyReference"]),
        .testTarget(name: "TrafficSelectorsTests", dependencies: [
            "TrafficSelectors", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "SPDBridgeTests", dependencies: ["SPDBridge", "PFKey", "PFKeyReference", "TrafficSelectors", "TestSupport"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "Linking", "Scenarios", "TestSupport"]),
        
        .testTarget(name: "LinkingTests", dependencies: [
            "Linking", "Checks", "DraftDocument", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Checks", "Linking", "DraftDocument", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ErrataTests", dependencies: [
            "Errata", "DraftDocument", "Checks", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Reports", "Checks", "Linking", "Scenarios", "Errata", "DraftDocument", "Normative", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Checks", "Linking", "DraftDocument", "Normative", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        // The real Linux af_key under User-Mode Linux, and the committed kernel captures.
        .testTarget(name: "LiveTests", dependencies: ["PFKey", "PFKeyReference", "SPDBridge", "Checks", "pfkey-live", "TestSupport"]),
        // End-to-end tests of the command line: they run the built draftcheck binary.
        .testTarget(name: "CLITests", dependencies: [
            "draftcheck", "draftcheck-fetch", "Errata", "DraftDocument", "TestSupport",
            "Diagnostics", "PFKey", "TrafficSelectors", "SPDBridge", "Checks",
        ]),
    ]
)

// Fuzzing the document side (scripts/fuzz readers|xml|text|errata|compare): the harness is
// a target only when DRAFTCHECK_FUZZ=1, so an ordinary build never links a program whose
// `main` is libFuzzer's. The PF_KEY and TS harnesses build with swiftc alone (scripts/fuzz.d).
if Context.environment["DRAFTCHECK_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "fuzz-readers", dependencies: ["DraftDocument", "Normative", "Errata"], path: "Fuzz/readers",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}
