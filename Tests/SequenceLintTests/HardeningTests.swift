import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// The defect classes of the second adversarial pass: crashes on streams and numbers, writes
/// over inputs, leaks through symlinks and special files, silent drops, and unbounded work.
/// Each runs the binary as a user or a CI job does.
@Suite(.serialized) struct HardeningTests {
    static let clean = "curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptual, standards: [6.RP.A.1]}\n"
    static let failing = "curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptual, requires: [nope]}\n"

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// Runs the binary through a shell, for redirections a Process cannot express (closed streams).
    func shell(_ script: String, in dir: URL, environment: [String: String] = [:]) throws -> TestSupport.Run {
        try TestSupport.run([], in: dir, environment: environment, viaShell: script)
    }

    func noCrash(_ run: TestSupport.Run) {
        let status: Int32 = run.status
        #expect(status <= 64, "status \(status)")
        let trapped = run.stderr.contains("Fatal error") || run.stderr.contains("Stack dump") || run.stderr.contains("Illegal instruction")
        #expect(!trapped, "\(run.stderr.prefix(300))")
    }

    // MARK: crashes

    @Test func aHugeNumberInAnOptionIsAPositionedConfigurationError() throws {
        let dir = try folder(["c.yml": Self.clean, ".sequencelint.yml": "rules:\n  balance: {min-lessons: 1e19}\n"])
        let run = try TestSupport.run(["c.yml"], in: dir)
        noCrash(run)
        #expect(run.status == 2)
        #expect(run.stderr.contains(".sequencelint.yml:2:26: error: invalid value '1e19' for 'min-lessons'; expected a whole number from 0 to 1000000"))
    }

    @Test func aFullDiskOnStandardOutputIsOneLineAndExitTwo() throws {
        let dir = try folder(["c.yml": Self.failing])
        let run = try shell("\"$SL\" c.yml > /dev/full", in: dir)
        noCrash(run)
        #expect(run.status == 2)
        #expect(run.stderr == "sequencelint: error: cannot write standard output: No space left on device\n")
    }

    @Test func closedStreamsEndQuietly() throws {
        let dir = try folder(["c.yml": Self.failing])
        // stdout closed: nothing to report to, and nothing traps.
        let closedOut = try shell("\"$SL\" c.yml >&-", in: dir)
        noCrash(closedOut)
        #expect(closedOut.status == 1 || closedOut.status == 2)
        // A reader that stops early (a closed pipe) ends the run quietly with its own status.
        let pipe = try shell("\"$SL\" --format gcc c.yml | head -c 1 > /dev/null; echo \"status ${PIPESTATUS[0]}\"", in: dir)
        noCrash(pipe)
        #expect(pipe.stdout.hasPrefix("status "))
        #expect(!pipe.stderr.contains("error"))
        // stderr closed, with an error to report on it: still the right status.
        let closedErr = try shell("\"$SL\" missing.yml 2>&-; echo \"status $?\"", in: dir)
        #expect(closedErr.stdout == "status 2\n")
    }

    @Test func standardInputClosedOrAFolderIsExitTwo() throws {
        let dir = try folder([:])
        let closed = try shell("\"$SL\" - <&-", in: dir)
        noCrash(closed)
        #expect(closed.status == 2)
        #expect(closed.stderr == "sequencelint: error: cannot read standard input: it is closed\n")
        let folder = try shell("\"$SL\" - < /", in: dir)
        noCrash(folder)
        #expect(folder.status == 2)
        #expect(folder.stderr == "sequencelint: error: cannot read standard input: it is a folder\n")
    }

    @Test func aStepSummaryOnAFullDiskIsExitTwo() throws {
        let dir = try folder(["c.yml": Self.clean])
        let run = try TestSupport.run(["--format", "github", "c.yml"], in: dir, environment: ["GITHUB_STEP_SUMMARY": "/dev/full"])
        noCrash(run)
        #expect(run.status == 2)
        #expect(run.stderr == "sequencelint: error: cannot write /dev/full: No space left on device\n")
    }

    // MARK: writing where it must not

    @Test func noCommandWritesOverAFileItReads() throws {
        let dir = try folder(["c.yml": Self.clean, "b.json": "{\"version\": 1, \"findings\": []}\n"])
        try FileManager.default.linkItem(atPath: dir.appendingPathComponent("c.yml").path, toPath: dir.appendingPathComponent("hard.txt").path)
        let before = try Data(contentsOf: dir.appendingPathComponent("c.yml"))
        let cases: [([String], [String: String])] = [
            (["--output", "hard.txt", "c.yml"], [:]),
            (["--write-baseline", "hard.txt", "c.yml"], [:]),
            (["graph", "--output", "hard.txt", "c.yml"], [:]),
            (["--format", "github", "c.yml"], ["GITHUB_STEP_SUMMARY": "hard.txt"]),
        ]
        for (arguments, environment) in cases {
            let run = try TestSupport.run(arguments, in: dir, environment: environment)
            noCrash(run)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == "sequencelint: error: refusing to write hard.txt: it is the same file as c.yml, which this run reads\n", "\(arguments)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("c.yml")) == before)
        }
        let baseline = try TestSupport.run(["--baseline", "b.json", "--output", "b.json", "c.yml"], in: dir)
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("refusing to write b.json"))
        #expect(try String(contentsOf: dir.appendingPathComponent("b.json"), encoding: .utf8) == "{\"version\": 1, \"findings\": []}\n")
    }

    // MARK: leaks and escapes

    @Test func symlinksOutOfTheTreeAreNotFollowedAndKernelFilesAreNeverRead() throws {
        let dir = try folder(["maps/c.yml": Self.clean])
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("maps/x.yml").path, withDestinationPath: "/proc/self/environ")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("maps/root").path, withDestinationPath: "/")
        let run = try TestSupport.run(["--verbose", "maps"], in: dir, environment: ["SEQUENCELINT_SECRET": "hunter2"])
        noCrash(run)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("hunter2") && !run.stderr.contains("hunter2"))
        #expect(run.stderr.contains("sequencelint: not following maps/root: the symlink leads out of the folder being linted\n"))
        #expect(run.stderr.contains("sequencelint: not following maps/x.yml: the symlink leads out of the folder being linted\n"))
        // Named explicitly, a kernel file is refused, not read.
        let named = try TestSupport.run(["maps/x.yml"], in: dir, environment: ["SEQUENCELINT_SECRET": "hunter2"])
        #expect(named.status == 2)
        #expect(!named.stdout.contains("hunter2") && !named.stderr.contains("hunter2"))
        #expect(named.stderr == "sequencelint: error: cannot read maps/x.yml: it is a special file of the kernel\n")
        // A FIFO never hangs the run.
        #expect(mkfifo(dir.appendingPathComponent("fifo.yml").path, 0o644) == 0)
        let fifo = try TestSupport.run(["fifo.yml"], in: dir)
        #expect(fifo.status == 2)
        #expect(fifo.stderr == "sequencelint: error: cannot read fifo.yml: it is not a regular file\n")
    }

    @Test func controlCharactersInFileNamesAreEscaped() throws {
        let name = "a\nb.yml:1:1: error: forged [schema]\n.yml"
        let dir = try folder([name: Self.failing])
        for format in ["gcc", "text"] {
            let run = try TestSupport.run(["--format", format, "."], in: dir)
            noCrash(run)
            #expect(run.status == 1)
            #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("b.yml:1:1") }, "\(format): \(run.stdout)")
            #expect(run.stdout.contains("a\\x0Ab.yml:1:1: error: forged [schema]\\x0A.yml:6:"), "\(format)")
        }
        let summary = dir.appendingPathComponent("summary.md")
        let github = try TestSupport.run(["--format", "github", "."], in: dir, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(github.status == 1)
        let table = try String(contentsOf: summary, encoding: .utf8)
        #expect(table.contains("| error | `unknown-reference` | a\\\\x0Ab.yml:1:1: error: forged \\[schema\\]\\\\x0A.yml:6:"), "\(table)")
    }

    // MARK: silent drops

    @Test func namesThatDifferOnlyByNormalizationAreBothLinted() throws {
        let nfc = "caf\u{E9}.yml", nfd = "cafe\u{301}.yml"
        let dir = try TestSupport.temporaryDirectory()
        for (name, id) in [(nfc, "a"), (nfd, "b")] {
            let text = "curriculum: \(id)\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptual, requires: [nope-\(id)]}\n"
            let path = dir.path + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        }
        let run = try TestSupport.run(["--format", "gcc", "."], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("nope-a") && run.stdout.contains("nope-b"))
        #expect(run.stdout.split(separator: "\n").filter { $0.hasSuffix("[unknown-reference]") }.count == 2)
    }

    @Test func aNonUTF8NameIsLintedUnderAnEscapedName() throws {
        let dir = try TestSupport.temporaryDirectory()
        var raw = Array((dir.path + "/caf").utf8) + [0xE9] + Array(".yml".utf8)
        raw.append(0)
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        let text = Array(Self.failing.utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let run = try TestSupport.run(["--format", "gcc", "."], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("caf\\xE9.yml:6:"), "\(run.stdout)")
    }

    @Test func aSuppressionInAnUnreadSecondDocumentAppliesToNothing() throws {
        let text = Self.failing + "---\n# sequencelint-disable-file unknown-reference\n"
        let dir = try folder(["c.yml": text])
        let run = try TestSupport.run(["--format", "gcc", "c.yml"], in: dir)
        #expect(run.stdout.contains("[unknown-reference]"))
        #expect(!run.stdout.contains("[unused-suppression]"))
    }

    @Test func anEmptyPathAndAnUnknownBaselineVersionAreExitTwo() throws {
        let dir = try folder(["c.yml": Self.clean, "b.json": "{\"version\": 7, \"findings\": []}\n"])
        let empty = try TestSupport.run([""], in: dir)
        #expect(empty.status == 2)
        #expect(empty.stderr == "sequencelint: error: no such file or directory: ''\n")
        let baseline = try TestSupport.run(["--baseline", "b.json", "c.yml"], in: dir)
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("baseline version '7' is not one this sequencelint reads"))
    }

    @Test func fingerprintsKeepNumericIds() {
        func finding(_ a: String, _ b: String) -> Diagnostic {
            Diagnostic(rule: "prerequisite-order", severity: .error, message: "'\(a)' requires '\(b)', which is taught 2 lessons later",
                       location: Location(path: "c.yml", start: Position(line: 1, column: 1), end: Position(line: 1, column: 1)))
        }
        #expect(finding("101", "102").fingerprint != finding("201", "202").fingerprint)
        #expect(finding("101", "102").fingerprintKey.hasSuffix("which is taught # lesson later"))
    }

    @Test func aStandardThatIsItsOwnParentIsAFrameworkError() throws {
        let dir = try folder(["f.yml": "framework: f\nstandards:\n  - {code: A.1, parent: A.1}\n",
                                  "c.yml": Self.clean.replacingOccurrences(of: "6.RP.A.1", with: "A.1")])
        let run = try TestSupport.run(["--format", "gcc", "--framework", "f.yml", "c.yml"], in: dir)
        #expect(run.stdout.contains("f.yml:3:25: error: A.1 in framework 'f' names itself as its parent [prerequisite-cycle]"))
    }

    @Test func aUTF16FileIsAskedToBeSavedAsUTF8() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.clean.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let dir = try TestSupport.temporaryDirectory()
        try Data(bytes).write(to: dir.appendingPathComponent("c.yml"))
        let run = try TestSupport.run(["--format", "gcc", "c.yml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("c.yml:1:1: error: the file is encoded as UTF-16; save it as UTF-8"))
    }

    @Test func aComplexKeyInConfigurationIsExplained() throws {
        let dir = try folder(["c.yml": Self.clean, ".sequencelint.yml": "? [a, b]\n: 1\n"])
        let run = try TestSupport.run(["c.yml"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains(".sequencelint.yml:1:3: error: expected a setting name, found a list used as a key"))
    }

    // MARK: bounded time and memory

    @Test(.timeLimit(.minutes(1))) func mergeKeysIntoALargeMappingAreLinear() {
        var yaml = "base: &b\n"
        for i in 0..<20_000 { yaml += "  k\(i): \(i)\n" }
        yaml += "m:\n  <<: *b\n"
        for i in 0..<20_000 { yaml += "  j\(i): \(i)\n" }
        let doc = TestSupport.load(yaml).document
        var count = 0
        if let root = doc.root, let m = doc.value(root, forKey: "m") { doc.forEachPair(m) { _, _ in count += 1 } }
        #expect(count == 40_000)
    }

    @Test func theAliasBudgetIsSharedByTheFilesOfARun() throws {
        // Each file is under the per-file limit; together they are over it.
        let bomb = "curriculum: h\ngrade: 6\n" + TestSupport.aliasBomb(["b", "c", "d", "e"]) + "units: [{id: u, lessons: *e}]\n"
        var files: [String: String] = [:]
        for i in 0..<12 { files["f\(i).yml"] = bomb.replacingOccurrences(of: "curriculum: h", with: "curriculum: h\(i)") }
        let dir = try folder(files)
        let run = try TestSupport.run(["--format", "gcc", "."], in: dir)
        noCrash(run)
        #expect(run.stdout.contains("together, the limit for one run [yaml-syntax]"))
    }

    @Test(.timeLimit(.minutes(1))) func suppressionsApplyInLinearTime() {
        var diagnostics: [Diagnostic] = []
        var suppressions: [Suppression] = []
        for line in 1...20_000 {
            let at = Location(path: "c.yml", start: Position(line: line, column: 1), end: Position(line: line, column: 1))
            diagnostics.append(Diagnostic(rule: "schema", severity: .error, message: "x", location: at))
            suppressions.append(Suppression(scope: .line, rules: [("schema", at)], location: at, reason: nil))
        }
        let (kept, hidden, used) = SuppressionEngine.apply(["c.yml": suppressions], to: diagnostics)
        #expect(kept.isEmpty && hidden == 20_000)
        #expect(used["c.yml"]?.allSatisfy { $0 == [true] } == true)
    }
}
