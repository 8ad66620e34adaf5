import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// Machine-readable formats, suppressions, baselines, standard input and the CI/editor kit.
@Suite(.serialized) struct IntegrationTests {
    static let golden = TestSupport.fixtures.appendingPathComponent("golden")

    func goldenResult() throws -> LintResult {
        let yaml = try String(contentsOf: Self.golden.appendingPathComponent("input.yml"), encoding: .utf8)
        return TestSupport.lint(yaml, path: "input.yml")
    }

    @Test(arguments: [OutputFormat.json, .sarif, .github])
    func machineFormatsMatchGolden(format: OutputFormat) throws {
        var result = try goldenResult()
        result.rules = RuleRegistry.all.map { $0.description }
        var output = format.reporter.report(result, diagnostics: result.diagnostics, color: false)
        if format == .sarif {
            // The source root is this machine's folder; the golden file names a fixed one.
            output = output.replacingOccurrences(of: SARIFReporter.encode(SourceDiscovery.currentDirectory()! + "/"), with: "/ROOT/")
        }
        let url = Self.golden.appendingPathComponent("output.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["SEQUENCELINT_RECORD"] == "1" { try Data(output.utf8).write(to: url) }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func jsonParsesBackToTheSameFindings() throws {
        let result = try goldenResult()
        let data = Data(JSONReporter().report(result, diagnostics: result.diagnostics, color: false).utf8)
        let parsed = try JSONSerialization.jsonObject(with: data)
        let object = try #require(parsed as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == result.diagnostics.count)
        for (parsed, d) in zip(diagnostics, result.diagnostics) {
            #expect(parsed["rule"] as? String == d.rule)
            #expect(parsed["message"] as? String == d.message)
            #expect((parsed["start"] as? [String: Int])?["line"] == d.location.start.line)
            #expect((parsed["end"] as? [String: Int])?["column"] == d.location.end.column)
            #expect((parsed["notes"] as? [Any])?.count == d.notes.count)
        }
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["errors"] == result.count(.error))
    }

    @Test func githubEscaping() {
        #expect(GitHubReporter.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test func githubPutsErrorsFirstAndWritesTheStepSummary() throws {
        let dir = try TestSupport.temporaryDirectory()
        let summary = dir.appendingPathComponent("summary.md")
        let run = try TestSupport.run(["--format", "github", "Tests/SequenceLintTests/Fixtures/golden/input.yml"],
                                      environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let kinds = run.stdout.split(separator: "\n").map { $0.prefix(while: { $0 != " " }) }
        #expect(kinds == kinds.sorted { ["::error": 0, "::warning": 1, "::notice": 2][$0]! < ["::error": 0, "::warning": 1, "::notice": 2][$1]! })
        #expect(kinds.first == "::error")
        let markdown = try String(contentsOf: summary, encoding: .utf8)
        #expect(markdown.hasPrefix("## sequencelint\n"))
        #expect(markdown.contains("| error | `prerequisite-cycle` |"))
    }

    @Test func suppressionsHideFindingsAndUnusedOnesAreReported() {
        let yaml = """
            curriculum: s
            grade: 6
            # sequencelint-disable-file untagged-lesson -- drafts have no codes yet
            units:
              - id: a  # sequencelint-disable-line empty-unit
                lessons: []
              - id: b
                lessons: []  # sequencelint-disable-line empty-unit
              # sequencelint-disable-next-line empty-unit, balance
              - id: c
                lessons: []
              - id: d
                title: "# sequencelint-disable-line empty-unit"
                lessons:
                  - {id: l1, kind: conceptual, requires: [zz]}  # sequencelint-disable-line unknown-reference, prerequisite-ordr

            """
        let result = TestSupport.lint(yaml)
        // Unit b's finding is on its id (line 7), not on the commented line.
        #expect(result.diagnostics.map(\.brief) == ["7:9: empty-unit", "8:18: unused-suppression", "9:48: unused-suppression", "15:100: unused-suppression"])
        #expect(result.diagnostics[1].message == "suppression of 'empty-unit' hides nothing: no 'empty-unit' finding on this line")
        #expect(result.diagnostics[2].message == "suppression of 'balance' hides nothing: no 'balance' finding on the next line")
        #expect(result.diagnostics[3].message == "suppression names unknown rule 'prerequisite-ordr'; did you mean 'prerequisite-order'?")
        #expect(result.suppressed == 4)
        #expect(result.summary(of: result.diagnostics).hasSuffix("; 4 suppressed"))
    }

    @Test func baselineSurvivesMovedLinesAndReportsStaleEntries() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("c.yml")
        let original = """
            curriculum: c
            grade: 6
            units:
              - id: u1
                lessons:
                  - {id: a, kind: conceptual, standards: [6.RP.A.1], requires: [b]}
                  - {id: b, kind: conceptual, standards: [6.RP.A.1], requires: [zz]}
              - id: u2
                lessons: []

            """
        try Data(original.utf8).write(to: file)
        let write = try TestSupport.run(["--write-baseline", "base.json", "c.yml"], in: dir)
        #expect(write.status == 0)
        #expect(write.stdout.isEmpty)
        // Insert lines, reorder units, reformat; fix one finding, add a new one.
        let edited = """
            # Riverside draft
            curriculum: c
            title: A title now
            grade: 6
            units:
              - id: u2
                lessons: []
              - id: u1
                lessons:
                  - id: a
                    kind: conceptual
                    standards: [6.RP.A.1]
                    requires: [b]
                  - {id: b, kind: conceptual, standards: [6.RP.A.1]}
                  - {id: new, kind: procedural, requires: [nope]}

            """
        try Data(edited.utf8).write(to: file)
        let run = try TestSupport.run(["--baseline", "base.json", "--format", "gcc", "c.yml"], in: dir)
        #expect(run.stdout.split(separator: "\n").filter { !$0.contains(": note:") } == [
            "c.yml:15:14: info: lesson 'new' addresses no standards [untagged-lesson]",
            "c.yml:15:48: error: 'new' requires 'nope', which is no lesson or unit of curriculum 'c' [unknown-reference]",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("1 baseline entry matches no finding any more"))
        #expect(run.stderr.contains("'b' requires 'zz'"))
        let text = try TestSupport.run(["--baseline", "base.json", "c.yml"], in: dir)
        #expect(text.stdout.hasSuffix("1 error, 0 warnings, 1 info in 1 curriculum map (2 units, 3 lessons); 2 hidden by the baseline\n"
            + "run `sequencelint explain untagged-lesson` for a rule's documentation\n"))
    }

    @Test func standardInputEqualsTheFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("maps"), withIntermediateDirectories: true)
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("curricula/examples/prerequisite-cycle.yml"), encoding: .utf8)
        try Data(text.utf8).write(to: dir.appendingPathComponent("maps/c.yml"))
        let fromFile = try TestSupport.run(["--format", "json", "maps/c.yml"], in: dir)
        let fromStdin = try TestSupport.run(["--format", "json", "-", "--stdin-filename", "maps/c.yml"], in: dir, stdin: text)
        #expect(fromStdin.status == fromFile.status)
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(fromFile.stdout.contains("\"path\": \"maps/c.yml\""))
        // Unsaved edits are what is linted.
        let edited = try TestSupport.run(["--format", "gcc", "-", "--stdin-filename", "maps/c.yml"], in: dir,
                                         stdin: text.replacingOccurrences(of: "requires: [cycle-self-01]", with: "requires: []"))
        #expect(edited.stdout.split(separator: "\n").filter { $0.contains("error:") }.count == 2)
        // Configuration is discovered from the file's folder, not the current one.
        try Data("rules:\n  prerequisite-cycle: off\n".utf8).write(to: dir.appendingPathComponent("maps/.sequencelint.yml"))
        let configured = try TestSupport.run(["--format", "gcc", "-", "--stdin-filename", "maps/c.yml"], in: dir, stdin: text)
        #expect(configured.status == 0)
        #expect(configured.stdout.isEmpty)
    }

    @Test func problemMatcherReadsGCCLines() throws {
        let url = TestSupport.root.appendingPathComponent("integrations/github-problem-matcher.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let matcher = try #require((object?["problemMatcher"] as? [[String: Any]])?.first)
        let pattern = try #require((matcher["pattern"] as? [[String: Any]])?.first)
        let expression = try #require(pattern["regexp"] as? String)
        let regex = try NSRegularExpression(pattern: expression)
        let result = try goldenResult()
        let lines = GCCReporter().report(result, diagnostics: result.diagnostics, color: false).split(separator: "\n").map(String.init)
        var matched = 0
        for line in lines {
            guard let m = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else {
                #expect(line.contains(": note: "), "unmatched: \(line)")
                continue
            }
            func group(_ key: String) -> String { String(line[Range(m.range(at: pattern[key] as! Int), in: line)!]) }
            let d = result.diagnostics[matched]
            #expect(group("file") == d.location.path)
            #expect(Int(group("line")) == d.location.start.line)
            #expect(Int(group("column")) == d.location.start.column)
            #expect(group("severity") == d.severity.rawValue)
            #expect(group("message") == d.message)
            #expect(group("code") == d.rule)
            matched += 1
        }
        #expect(matched == result.diagnostics.count)
    }

    @Test func vscodeTaskUsesTheSameMatcher() throws {
        func json(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: TestSupport.root.appendingPathComponent(name))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let github = try json("integrations/github-problem-matcher.json")
        let githubPattern = ((github["problemMatcher"] as? [[String: Any]])?.first?["pattern"] as? [[String: Any]])?.first
        let tasks = try json("integrations/vscode-tasks.json")
        let task = (tasks["tasks"] as? [[String: Any]])?.first
        let vscodePattern = (task?["problemMatcher"] as? [String: Any])?["pattern"] as? [String: Any]
        #expect(githubPattern?["regexp"] as? String == vscodePattern?["regexp"] as? String)
        #expect(vscodePattern?["regexp"] as? String != nil)
        #expect((task?["args"] as? [String])?.contains("gcc") == true)
    }

    @Test func kitFilesAreWellFormed() throws {
        func load(_ name: String) throws -> YAMLDocument {
            let bytes = try [UInt8](Data(contentsOf: TestSupport.root.appendingPathComponent(name)))
            let result = YAMLLoader.load(bytes, path: name)
            #expect(!result.failed && result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.message))")
            return result.document
        }
        let hooks = try load(".pre-commit-hooks.yaml")
        let hooksRoot = try #require(hooks.root)
        let hook = try #require(hooks.childIndices(hooksRoot).first)
        func field(_ doc: YAMLDocument, _ node: Int32, _ key: StaticString) -> String? {
            doc.value(node, forKey: key).map { doc.string($0) }
        }
        #expect(field(hooks, hook, "id") == "sequencelint")
        #expect(field(hooks, hook, "language") == "swift")
        #expect(field(hooks, hook, "entry") == "sequencelint")
        let action = try load("action.yml")
        let actionRoot = try #require(action.root)
        let runs = try #require(action.value(actionRoot, forKey: "runs"))
        #expect(field(action, runs, "using") == "composite")
    }

    @Test func configSchemaKnowsEveryRuleAndOption() throws {
        let url = TestSupport.root.appendingPathComponent("schemas/sequencelint-config.schema.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        let schema = try #require(parsed as? [String: Any])
        let rules = try #require(((schema["properties"] as? [String: Any])?["rules"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(rules.keys) == Set(RuleRegistry.all.map { $0.description.id }))
        for rule in RuleRegistry.all {
            let variants = (rules[rule.description.id] as? [String: Any])?["oneOf"] as? [[String: Any]]
            let options = variants?.compactMap { $0["properties"] as? [String: Any] }.first
            #expect(Set(options?.keys.map { $0 } ?? []) == Set(["severity"] + rule.description.options.map(\.name)), "\(rule.description.id)")
        }
    }

    // scripts/validate.py checks SARIF against the OASIS schema and the JSON Schemas against
    // the bundled files; it needs python3 with jsonschema and PyYAML (CI installs them).
    @Test(.enabled(if: TestSupport.python(has: "jsonschema", "yaml"), "needs python3 with jsonschema and PyYAML"))
    func schemasAndSARIFValidateWithPython() throws {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "scripts/validate.py", TestSupport.binary.path]
        run.currentDirectoryURL = TestSupport.root
        let out = Pipe()
        run.standardOutput = out
        try run.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix(" 0 failed\n"))
    }
}

/// `sequencelint graph`.
@Suite(.serialized) struct GraphCommandTests {
    @Test(arguments: ["dot", "mermaid", "json"])
    func graphMatchesGolden(format: String) throws {
        let run = try TestSupport.run(["graph", "--format", format, "Tests/SequenceLintTests/Fixtures/golden/input.yml"])
        #expect(run.status == 0)
        let url = TestSupport.fixtures.appendingPathComponent("golden/graph.\(format)")
        if ProcessInfo.processInfo.environment["SEQUENCELINT_RECORD"] == "1" { try Data(run.stdout.utf8).write(to: url) }
        #expect(run.stdout == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func jsonGraphHasEveryRequirement() throws {
        let run = try TestSupport.run(["graph", "--format", "json", "curricula/examples/prerequisite-cycle.yml"])
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let curricula = try #require((parsed as? [String: Any])?["curricula"] as? [[String: Any]])
        let edges = try #require(curricula.first?["edges"] as? [[String: String]])
        #expect(edges.count == 5)
        #expect(edges.contains { $0["from"] == "cycle-own-unit" && $0["fromKind"] == "unit" && $0["to"] == "cycle-own-unit-02" })
        #expect(try TestSupport.run(["graph", "no/such/path"]).status == 2)
    }
}
