// swift-tools-version:6.0
import PackageDescription

/// Strictness for every target, in one place (after swift-log's Package.swift).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// How the release binary is linked on Linux: the station runs all day on a shared clinic PC,
/// and issue #8 holds it to 25 MiB resident and a 30 ms first frame. Measured, flag by flag,
/// in BENCHMARKS.md section 3 ("Linking"):
/// - `-static-stdlib`: the Swift runtime and Foundation linked in, not bound symbol by symbol
///   at every start (first frame 39 → 28 ms);
/// - `--no-export-dynamic`: the driver exports every symbol of the program, which made the
///   dynamic symbol table and its relocations (~4 MiB) resident for nothing;
/// - `pack-relative-relocs` (RELR, glibc 2.36): 2.8 MB of relative relocations become 23 KB;
/// - `--symbol-ordering-file`: the functions the station runs (listed by
///   `scripts/make-link-order.sh` from a callgrind run) laid out together, so that they fill
///   a few megabytes of pages instead of touching most of the 25 MB of code. A name the file
///   lists that no longer exists is skipped (hence no warnings); regenerate it after large
///   changes.
/// Debug builds and the tests link as usual.
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags([
        "-static-stdlib", "-use-ld=lld",
        "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Linking/infusion-central.order",
        "-Xlinker", "--no-warn-symbol-ordering",
    ], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "InfusionCentral",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "infusion-central", targets: ["infusion-central"]),
        .library(name: "InfusionCore", targets: ["InfusionCore"]),
        .library(name: "EventBus", targets: ["EventBus"]),
        .library(name: "Devices", targets: ["Devices"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "CursesTerminal", targets: ["CursesTerminal"]),
        .library(name: "ClinicApp", targets: ["ClinicApp"]),
        .library(name: "HL7", targets: ["HL7"]),
        .library(name: "Journal", targets: ["Journal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .target(name: "InfusionCore"),
        .target(
            name: "EventBus",
            dependencies: [.product(name: "DequeModule", package: "swift-collections")]
        ),
        .target(
            name: "Devices",
            dependencies: [
                "InfusionCore", "EventBus", "TOMLKit", "HL7",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseLinking
        ),
        .target(name: "HL7", dependencies: ["InfusionCore"]),
        .target(
            name: "Journal",
            dependencies: [
                "InfusionCore", "EventBus",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["InfusionCore", "TOMLKit"]
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "CursesTerminal",
            dependencies: ["TerminalUI", "CNcursesw"]
        ),
        .target(
            name: "ClinicApp",
            dependencies: [
                "InfusionCore", "EventBus", "Devices", "HL7", "Journal", "TerminalUI", "CursesTerminal", "TOMLKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(name: "Reports", dependencies: ["InfusionCore", "Journal"]),
        .executableTarget(
            name: "infusion-central",
            dependencies: [
                "ClinicApp", "Journal", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["InfusionCore", "EventBus", "TerminalUI"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "InfusionCoreTests", dependencies: ["InfusionCore", "TestSupport"]),
        .testTarget(name: "EventBusTests", dependencies: ["EventBus", "TestSupport"]),
        .testTarget(name: "DevicesTests", dependencies: ["Devices", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TestSupport"]),
        .testTarget(name: "HL7Tests", dependencies: ["HL7", "TestSupport"], resources: [.copy("Samples")]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "TestSupport"]),
        .testTarget(name: "ClinicAppTests", dependencies: ["ClinicApp", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"], exclude: ["Golden"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings + [
        // With `-static-stdlib` at compile time a module that imports Foundation also
        // asks for Foundation's own static dependencies (ICU, libstdc++) at the link.
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
    ]
}
