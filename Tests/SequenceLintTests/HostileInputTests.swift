import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// Hostile and broken inputs: each has a documented outcome (a diagnostic, a skip, or status 2)
/// reached in bounded time, never a crash, hang or stack trace.
@Suite(.serialized, .timeLimit(.minutes(1))) struct HostileInputTests {
    /// Writes files into a fresh folder and runs the binary there.
    func run(_ files: [String: [UInt8]], _ arguments: [String] = ["--format", "gcc", "."]) throws -> TestSupport.Run {
        let dir = try TestSupport.temporaryDirectory()
        for (name, bytes) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let result = try TestSupport.run(arguments, in: dir)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump") && result.status < 64,
                "crashed: \(result.status) \(result.stderr.prefix(500))")
        return result
    }

    func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    func curriculum(lessons: [String]) -> String {
        "curriculum: h\ngrade: 6\nunits:\n  - id: u\n    lessons:\n" + lessons.map { "      - \($0)\n" }.joined()
    }

    @Test func aliasBombAsValueAndAsKey() throws {
        let bomb = "curriculum: h\ngrade: 6\n" + TestSupport.aliasBomb(["b", "c", "d", "e", "f", "g", "h", "i", "j"])
        let asValue = try run(["bomb.yml": text(bomb + "units: *j\n")])
        #expect(asValue.status == 1)
        #expect(asValue.stdout.contains("aliases expand to more than"))
        let asKey = try run(["bomb.yml": text(bomb + "? *j\n: 1\nunits: []\n")])
        #expect(asKey.status == 1)
        #expect(asKey.stdout.contains("[yaml-syntax]"))
    }

    @Test func deepFlowAndBlockNesting() throws {
        let flow = "curriculum: h\ngrade: 6\nunits: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let deepFlow = try run(["flow.yml": text(flow)])
        #expect(deepFlow.stdout.hasPrefix("flow.yml:3:"))
        #expect(deepFlow.stdout.contains("nesting is deeper than 200 levels"))
        var block = "curriculum: h\ngrade: 6\nunits:\n"
        for depth in 0..<5_000 { block += String(repeating: " ", count: depth + 1) + "a:\n" }
        let deepBlock = try run(["block.yml": text(block)])
        #expect(deepBlock.status == 1)
        #expect(deepBlock.stdout.contains("nesting is deeper than 200 levels"))
    }

    @Test func encodingProblems() throws {
        let result = try run([
            "utf8.yml": text("curriculum: h\ngrade: 6\ntitle: caf") + [0xC3, 0x28] + text("\nunits: []\n"),
            "nul.yml": text("curriculum: h2\ngrade: 6\ntitle: a") + [0x00] + text("b\nunits: []\n"),
            "junk.yml": (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) },
        ])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("utf8.yml:3:11: error: the file is not valid UTF-8") })
        #expect(lines.contains { $0.hasPrefix("nul.yml:3:9: error: the file contains a control character (byte 0x0)") })
        #expect(lines.contains { $0.hasPrefix("junk.yml:") && $0.hasSuffix("[yaml-syntax]") })
    }

    @Test func thirtyMegabyteLine() throws {
        let line = "curriculum: h\ngrade: 6\ntitle: " + String(repeating: "x", count: 30_000_000) + "\nunits:\n  - id: u\n    lessons: []\n"
        let result = try run(["long.yml": text(line)])
        #expect(result.status == 0)
        #expect(result.stdout == "long.yml:5:9: warning: unit 'u' has no lessons [empty-unit]\n")
    }

    @Test func fileOverTheSizeLimit() throws {
        let dir = try TestSupport.temporaryDirectory()
        let url = dir.appendingPathComponent("huge.yml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 70 << 20)
        try handle.close()
        let result = try TestSupport.run(["--format", "gcc", "huge.yml"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout == "huge.yml:1:1: error: the file is larger than 64 MiB, the limit for curriculum files [yaml-syntax]\n")
    }

    @Test func documentsThatAreNoCurriculum() throws {
        // Not curriculum maps: skipped without a diagnostic (listed with --verbose).
        let result = try run(["empty.yml": [], "null.yml": text("~\n"), "scalar.yml": text("hello\n"),
                              "list.yml": text("- a\n- b\n"), "comment.yml": text("# nothing\n")], ["--verbose", "."])
        #expect(result.status == 0)
        #expect(result.stdout == "0 errors, 0 warnings in 0 curriculum maps (0 units, 0 lessons)\n")
        #expect(result.stderr.split(separator: "\n").count == 6)
        #expect(result.stderr.contains("sequencelint: warning: no curriculum maps found in .\n"))
    }

    @Test func wrongTypesEverywhere() throws {
        let yaml = """
            curriculum: [h]
            grade: {six: 6}
            sequence: first
            assumes: {a: b}
            units:
              - just a string
              - id: [u]
                lessons: {id: x}
              - id: u2
                lessons:
                  - 42
                  - {id: {a: 1}, kind: [conceptual], standards: {a: b}, requires: [[x]], minutes: -5, practices: [{}]}

            """
        let result = try run(["types.yml": text(yaml)])
        #expect(result.status == 1)
        let rules = Set(result.stdout.split(separator: "\n").compactMap { $0.split(separator: "[").last?.dropLast() })
        #expect(rules == ["schema"])
        #expect(result.stdout.split(separator: "\n").count >= 12)
    }

    @Test func mergeKeysMultipleDocumentsAndTabs() throws {
        let merged = """
            curriculum: h
            grade: 6
            defaults: &d {kind: conceptual, standards: [6.RP.A.1]}
            units:
              - id: u
                lessons:
                  - {<<: *d, id: a}
                  - <<: *d
                    id: b
                    kind: procedural

            """
        let result = try run(["merge.yml": text(merged.replacingOccurrences(of: "defaults: &d", with: "title: &t x\n_: &d"))])
        // `_` is not a key of a curriculum map; the merged lessons read fine.
        #expect(result.stdout == "merge.yml:4:1: error: unknown key '_' in a curriculum map [schema]\n")
        let multi = try run(["multi.yml": text("curriculum: h\ngrade: 6\nunits: []\n---\ncurriculum: h\n")])
        #expect(multi.stdout == "multi.yml:4:1: error: a curriculum map holds one YAML document; this second document is not read [schema]\n")
        let tabs = try run(["tabs.yml": text("curriculum: h\ngrade: 6\nunits:\n\t- id: u\n")])
        #expect(tabs.stdout.hasPrefix("tabs.yml:4:1: error: indentation must use spaces, not tabs [yaml-syntax]"))
    }

    @Test func manyRequirementsDuplicatesAndFiles() throws {
        var lessons = (0..<20_000).map { "{id: l\($0), kind: review}" }
        lessons.append("{id: big, kind: review, requires: [" + (0..<20_000).map { "l\($0)" }.joined(separator: ", ") + "]}")
        let quiet = ["--format", "gcc", "--disable", "school-year-length"]
        let wide = try run(["wide.yml": text(curriculum(lessons: lessons))], quiet + ["."])
        #expect(wide.status == 0)
        #expect(wide.stdout.isEmpty)
        let duplicates = try run(["dup.yml": text(curriculum(lessons: (0..<20_000).map { _ in "{id: same, kind: review}" }))], quiet + ["."])
        #expect(duplicates.stdout.split(separator: "\n").filter { $0.contains("[duplicate-id]") }.count == 19_999)
        var many: [String: [UInt8]] = [:]
        for i in 0..<3_000 {
            many["f/\(i).yml"] = text("curriculum: many\ngrade: 6\nsequence: \(i)\nunits:\n  - id: u\(i)\n    lessons:\n      - {id: l\(i), kind: review\(i > 0 ? ", requires: [l\(i - 1)]" : "")}\n")
        }
        let files = try run(many, ["--disable", "school-year-length", "."])
        #expect(files.status == 0)
        #expect(files.stdout == "0 errors, 0 warnings in 3000 curriculum maps (3000 units, 3000 lessons)\n")
    }

    @Test func symlinkLoopIsVisitedOnce() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data(curriculum(lessons: ["{id: l, kind: review}"]).utf8).write(to: dir.appendingPathComponent("a/b/c.yml"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a/b/loop").path, withDestinationPath: "..")
        let result = try TestSupport.run(["."], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout == "0 errors, 0 warnings in 1 curriculum map (1 unit, 1 lesson)\n")
    }

    @Test func outputDoesNotDependOnFileOrder() throws {
        let root = TestSupport.root.appendingPathComponent("curricula/examples")
        var files: [(String, [UInt8])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() where name.hasSuffix(".yml") {
            files.append(("examples/" + name, try [UInt8](Data(contentsOf: root.appendingPathComponent(name)))))
        }
        for name in ["grade5.yml", "grade6.yml", "grade7.yml"] {
            let text = try String(contentsOf: TestSupport.root.appendingPathComponent("curricula/riverside/\(name)"), encoding: .utf8)
            files.append(("riverside/" + name, Array(text.replacingOccurrences(of: "g6-ratios-01", with: "g6-ratios-x").utf8)))
        }
        func output(_ order: [(String, [UInt8])]) -> String {
            let result = Linter(rules: RuleRegistry.all).lint(sources: order, request: LintRequest(paths: []))
            return TextReporter().report(result, diagnostics: result.diagnostics, color: false)
        }
        let reference = output(files)
        for seed in UInt64(1)...5 {
            var generator = TestSupport.SeededGenerator(seed: seed)
            #expect(output(files.shuffled(using: &generator)) == reference, "seed \(seed)")
        }
        #expect(reference.split(separator: "\n").count > 50)
    }
}
