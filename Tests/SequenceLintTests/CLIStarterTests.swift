import Foundation
import Testing
import SequenceLintKit

/// `init`, `--statistics`, the root help and `--watch`, through the built binary.
@Suite(.serialized) struct CLIStarterTests {
    @Test func initWritesAStarterThatLintsWithoutErrorsOrWarnings() throws {
        let dir = try TestSupport.temporaryDirectory()
        let first = try TestSupport.run(["init"], in: dir)
        #expect(first.status == 0)
        #expect(first.stdout.contains("wrote .sequencelint.yml"))
        #expect(first.stdout.contains("wrote curriculum.yml"))
        let config = try String(contentsOf: dir.appendingPathComponent(".sequencelint.yml"), encoding: .utf8)
        let map = try String(contentsOf: dir.appendingPathComponent("curriculum.yml"), encoding: .utf8)
        #expect(config.contains("builtin:ccss-math"))
        #expect(map.contains("framework: ccss-math"))
        for key in ["kind:", "minutes:", "practices:", "requires:", "builds-on:", "builds-towards:"] {
            #expect(map.contains(key), "the starter map shows \(key)")
        }
        let lint = try TestSupport.run(["--format", "gcc"], in: dir)
        #expect(lint.status == 0)
        #expect(!lint.stdout.contains(": error:"), "\(lint.stdout)")
        #expect(!lint.stdout.contains(": warning:"), "\(lint.stdout)")
        let strict = try TestSupport.run(["--strict", "--no-color"], in: dir)
        #expect(strict.status == 0)
        #expect(strict.stdout.contains("0 errors, 0 warnings"), "\(strict.stdout)")
        #expect(strict.stdout.contains("1 curriculum map"))

        let again = try TestSupport.run(["init"], in: dir)
        #expect(again.status == 2)
        #expect(again.stderr == "sequencelint: error: refusing to overwrite .sequencelint.yml: it exists (nothing was written)\n")
        #expect(try String(contentsOf: dir.appendingPathComponent(".sequencelint.yml"), encoding: .utf8) == config)
        #expect(try String(contentsOf: dir.appendingPathComponent("curriculum.yml"), encoding: .utf8) == map)
    }

    @Test func initWritesNothingWhenOnlyTheMapExists() throws {
        let dir = try TestSupport.temporaryDirectory()
        try "mine\n".write(to: dir.appendingPathComponent("curriculum.yml"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["init", dir.path])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("curriculum.yml"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".sequencelint.yml").path))
        #expect(try String(contentsOf: dir.appendingPathComponent("curriculum.yml"), encoding: .utf8) == "mine\n")
    }

    @Test func initCreatesTheFolder() throws {
        let dir = try TestSupport.temporaryDirectory()
        let run = try TestSupport.run(["init", "maps/grade4"], in: dir)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("maps/grade4/curriculum.yml").path))
        #expect(try TestSupport.run(["--strict"], in: dir.appendingPathComponent("maps/grade4")).status == 0)
    }

    @Test func statisticsCountFindingsPerRule() throws {
        let path = "Tests/SequenceLintTests/Fixtures/cli"
        let plain = try TestSupport.run(["--format", "gcc", path])
        let run = try TestSupport.run(["--format", "gcc", "--statistics", path])
        #expect(run.status == plain.status)
        #expect(run.stdout.hasPrefix(plain.stdout))
        let lines = run.stdout.dropFirst(plain.stdout.count).split(separator: "\n").map(String.init)
        var counts: [String: Int] = [:]
        for header in plain.stdout.split(separator: "\n") where !header.contains(": note:") {
            if let open = header.lastIndex(of: "["), header.hasSuffix("]") {
                counts[String(header[header.index(after: open)..<header.index(before: header.endIndex)]), default: 0] += 1
            }
        }
        let expected = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { String(repeating: " ", count: 4 - String($0.value).count) + "\($0.value)  \($0.key)" }
        #expect(!expected.isEmpty)
        #expect(lines == expected)

        // Machine formats stay valid: the statistics go to standard error.
        let json = try TestSupport.run(["--format", "json", "--statistics", path])
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
        #expect(json.stderr.contains(expected[0]))
    }

    @Test func statisticsOrderByCountThenId() {
        func diagnostic(_ rule: String) -> Diagnostic {
            Diagnostic(rule: rule, severity: .warning, message: "m",
                       location: Location(path: "a.yml", start: Position(line: 1, column: 1), end: Position(line: 1, column: 2)))
        }
        let text = RuleStatistics.render(["b", "a", "c", "c", "a", "c"].map(diagnostic))
        #expect(text == "   3  c\n   2  a\n   1  b\n")
        #expect(RuleStatistics.render([]) == "")
    }

    @Test func textOutputEndsWithWhereToReadAboutTheFirstRule() throws {
        let path = "Tests/SequenceLintTests/Fixtures/cli/error.yml"
        let run = try TestSupport.run([path])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.last == "run `sequencelint explain prerequisite-order` for a rule's documentation")
        #expect(lines.filter { $0.hasPrefix("run `sequencelint explain") }.count == 1)
        #expect(try TestSupport.run(["Tests/SequenceLintTests/Fixtures/cli/clean.yml"]).stdout.contains("sequencelint explain") == false)
        #expect(try TestSupport.run(["--format", "gcc", path]).stdout.contains("sequencelint explain") == false)
    }

    @Test func rootHelpListsTheLintOptions() throws {
        let run = try TestSupport.run(["--help"])
        #expect(run.status == 0)
        for option in ["--format", "--strict", "--config", "--statistics", "--watch"] {
            #expect(run.stdout.contains(option), "sequencelint --help shows \(option)")
        }
        #expect(run.stdout.contains("init"))
    }

    @Test func watchLintsAgainWhenAFileChanges() throws {
        let dir = try TestSupport.temporaryDirectory()
        #expect(try TestSupport.run(["init"], in: dir).status == 0)
        let map = dir.appendingPathComponent("curriculum.yml")
        let process = Process()
        process.executableURL = TestSupport.binary
        process.arguments = ["--watch", "--no-color"]
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try process.run()
        defer {
            // SIGKILL: a test runner may start children with SIGTERM blocked.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
        }
        func wait(until condition: (String) -> Bool) -> Bool {
            for _ in 0..<200 {
                if condition(collected.text) { return true }
                usleep(50_000)
            }
            return false
        }
        #expect(wait { $0.contains("0 errors, 0 warnings") })
        #expect(!collected.text.contains("changed; linting again"))
        // Lessons that require each other: an error in the next report.
        var text = try String(contentsOf: map, encoding: .utf8)
        text = text.replacingOccurrences(of: "requires: [g4-place-value-01]", with: "requires: [g4-place-value-03]")
        try text.write(to: map, atomically: false, encoding: .utf8)
        #expect(wait { $0.contains("[prerequisite-cycle]") })
        #expect(collected.text.contains("curriculum.yml changed; linting again"))
        #expect(process.isRunning, "--watch keeps running after a failing report")
    }
}

/// Output read from a pipe on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
