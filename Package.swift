// swift-tools-version:6.1
import PackageDescription

/// The event loop's modules skip the run-time exclusivity checks in release builds
/// (they cost about 8 % of a national run); debug builds and tests keep them.
/// They are also optimised in debug builds, so that the test suite (built in debug)
/// runs the model and its ODE twin at realistic sizes in seconds.
let hotLoop: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "Runway",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "runway", targets: ["runway"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Documentation only (`make docs`): DocC for the library modules.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // MARK: - Numerics (the only door to GSL)
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "Stochastics", dependencies: ["CGSL"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // MARK: - Engine
        // Cache hints for the model's event loop: a prefetch, and tables in huge pages (headers, no library).
        .systemLibrary(name: "CPrefetch"),
        .target(name: "SimKernel", swiftSettings: hotLoop),

        // MARK: - Benchmark workloads (plain queueing networks, no model)
        .target(name: "Workloads", dependencies: ["SimKernel", "Stochastics"], swiftSettings: hotLoop),

        // MARK: - Model
        .target(name: "CareModel", dependencies: ["SimKernel", "Stochastics", "CPrefetch"], swiftSettings: hotLoop),

        // MARK: - Input, experiments, output
        // Optimised in debug builds too: the fuzz test (FuzzTests) reads thousands of scenarios.
        .target(name: "ScenarioIO", dependencies: ["CareModel", "Stochastics", "Yams"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Experiments", dependencies: ["CareModel", "Stochastics"]),
        .target(name: "Charts"),
        .target(name: "Reporting", dependencies: ["CareModel", "Charts", "Experiments", "Stochastics"]),

        // The workshop server (runway serve); the only module that knows Hummingbird.
        .target(name: "Workshop", dependencies: [
            "CareModel", "Charts", "Experiments", "Reporting", "ScenarioIO", "Stochastics",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),

        .target(name: "Validation", dependencies: ["CareModel", "Charts", "Experiments", "Reporting", "ScenarioIO", "Stochastics", "Workloads"]),

        // MARK: - Command line
        .executableTarget(name: "runway", dependencies: [
            "CareModel", "ScenarioIO", "Experiments", "Reporting", "Stochastics", "Workloads", "Validation", "Workshop",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Tests
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "Stochastics", "Workloads"]),
        .testTarget(name: "CareModelTests", dependencies: ["CareModel", "ScenarioIO", "Experiments", "Reporting", "Stochastics", "Validation"]),
        .testTarget(name: "ScenarioIOTests", dependencies: ["ScenarioIO", "CareModel"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "ScenarioIO", "Experiments", "CareModel"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "CareModel"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "CLITests", dependencies: ["runway"]),
        .testTarget(name: "WorkshopTests", dependencies: [
            "Workshop", "ScenarioIO", "CareModel",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // Generated hostile scenarios through the loader and the model (make fuzz: 100,000).
        .testTarget(name: "FuzzTests", dependencies: ["ScenarioIO", "CareModel", "Stochastics"]),
    ]
)
