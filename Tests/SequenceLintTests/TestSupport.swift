import Foundation
import SequenceLintKit
import SequenceLintRules

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/SequenceLintTests/Fixtures")

    /// `../shared` beside the project, when present.
    static var shared: URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether `python3` runs and can import every module named: tests that need them are
    /// `.enabled(if:)` this, so a machine without them reports them skipped, never passed.
    static func python(has modules: String...) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// A seeded random number generator (SplitMix64): a test that shuffles or mutates fails the
    /// same way on every run, and its message names the seed.
    struct SeededGenerator: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    /// Lints in-memory YAML with the whole catalog (or the given severities).
    static func lint(_ yaml: String, path: String = "test.yml", enable: [String] = [],
                     options: [String: [String: OptionValue]] = [:]) -> LintResult {
        var request = LintRequest(paths: [])
        request.enable = enable
        request.options = options
        return Linter(rules: RuleRegistry.all).lint(sources: [(path, Array(yaml.utf8))], request: request)
    }

    /// Lints several in-memory files.
    static func lint(files: [(String, String)]) -> LintResult {
        Linter(rules: RuleRegistry.all).lint(sources: files.map { ($0.0, Array($0.1.utf8)) }, request: LintRequest(paths: []))
    }

    /// A billion-laughs alias bomb: `a` holds ten scalars and each next anchor ten aliases of the
    /// one before, so the last of `names` expands to 10^(count+1) nodes.
    static func aliasBomb(_ names: [String] = ["b", "c", "d", "e", "f", "g", "h", "i"]) -> String {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        return yaml
    }

    /// Loads YAML bytes.
    static func load(_ yaml: String, limits: YAMLLimits = YAMLLimits()) -> YAMLLoadResult {
        YAMLLoader.load(Array(yaml.utf8), path: "test.yml", limits: limits)
    }

    /// The built `sequencelint` binary, next to the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("sequencelint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/sequencelint")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary in `directory` with no terminal and the given environment additions.
    /// With `viaShell`, runs that bash script instead, with the binary's path in `$SL`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: String? = nil,
                    viaShell script: String? = nil) throws -> Run {
        let process = Process()
        if let script {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        env["SL"] = binary.path
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sequencelint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Diagnostic {
    /// `LINE:COLUMN: RULE`, as in the example `.expected` files.
    var brief: String { "\(location.start.line):\(location.start.column): \(rule)" }
}
