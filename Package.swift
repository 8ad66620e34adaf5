// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sequencelint",
    products: [
        .executable(name: "sequencelint", targets: ["SequenceLintCLI"]),
        .library(name: "SequenceLintKit", targets: ["SequenceLintKit"]),
        .library(name: "SequenceLintRules", targets: ["SequenceLintRules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "SequenceLintKit",
            dependencies: ["CYAML"],
            path: "Sources/SequenceLint"
        ),
        .target(
            name: "SequenceLintRules",
            dependencies: ["SequenceLintKit"],
            path: "Sources/Rules"
        ),
        .executableTarget(
            name: "SequenceLintCLI",
            dependencies: [
                "SequenceLintKit",
                "SequenceLintRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CLI"
        ),
        .testTarget(
            name: "SequenceLintTests",
            dependencies: ["SequenceLintKit", "SequenceLintRules", "SequenceLintCLI"],
            path: "Tests/SequenceLintTests",
            exclude: ["Fixtures"]
        ),
    ]
)
