// swift-tools-version:6.0
// The fuzzing target, a package of its own so that the main package builds without libFuzzer.
// Build and run (see docs/performance.md):
//   swift build --package-path Fuzz -c release --sanitize fuzzer --scratch-path .build-fuzz
//   .build-fuzz/release/SequenceLintFuzz -runs=1000000 curricula/examples curricula/riverside curricula/frameworks
import PackageDescription

let package = Package(
    name: "SequenceLintFuzz",
    dependencies: [.package(name: "sequencelint", path: "..")],
    targets: [
        .executableTarget(
            name: "SequenceLintFuzz",
            dependencies: [
                .product(name: "SequenceLintKit", package: "sequencelint"),
                .product(name: "SequenceLintRules", package: "sequencelint"),
            ],
            path: "Sources/SequenceLintFuzz"
        ),
    ]
)
