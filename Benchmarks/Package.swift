// swift-tools-version:6.1
import PackageDescription

// Performance benchmarks for Infusion Central, kept out of the main package so that its
// build and `swift test` never fetch or compile the benchmark tooling.
//
// Run (release build, from this folder):
//     swift package --scratch-path .build-bench benchmark
// One suite only:
//     swift package --scratch-path .build-bench benchmark --target BusThroughput

/// The same strictness as the main package's targets.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// One benchmark suite per entry: an executable target whose sources live in
/// `Benchmarks/<name>/` (the benchmark plugin finds suites by that folder).
let suites: [(name: String, dependencies: [Target.Dependency])] = [
    ("BusThroughput", [.product(name: "EventBus", package: "InfusionCentral")]),
    (
        "JournalThroughput",
        [
            .product(name: "Journal", package: "InfusionCentral"),
            .product(name: "EventBus", package: "InfusionCentral"),
            .product(name: "InfusionCore", package: "InfusionCentral"),
        ]
    ),
    (
        "RenderFrame",
        [
            .product(name: "TerminalUI", package: "InfusionCentral"),
            .product(name: "Devices", package: "InfusionCentral"),
            .product(name: "InfusionCore", package: "InfusionCentral"),
            .product(name: "CursesTerminal", package: "InfusionCentral"),
        ]
    ),
    (
        "MLLPIngest",
        [
            .product(name: "Devices", package: "InfusionCentral"),
            .product(name: "HL7", package: "InfusionCentral"),
            .product(name: "EventBus", package: "InfusionCentral"),
            .product(name: "InfusionCore", package: "InfusionCentral"),
        ]
    ),
]

let package = Package(
    name: "InfusionCentralBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "InfusionCentral", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: suites.map { suite in
        .executableTarget(
            name: suite.name,
            dependencies: [.product(name: "Benchmark", package: "benchmark")] + suite.dependencies,
            path: "Benchmarks/\(suite.name)",
            swiftSettings: strictSettings,
            // The station's modules are compiled for a static Swift runtime in release
            // (../Package.swift, `releaseLinking`), so the benchmarks link it the same way.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
