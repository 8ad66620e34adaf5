import Foundation
import Testing
@testable import SequenceLintKit
@testable import SequenceLintRules

/// Bugs found by reading the code, each with the test that failed before its fix.
@Suite struct CodeReviewBugTests {
    @Test func aPreKGradeIsNotKindergarten() throws {
        let framework = "framework: f\nstandards:\n  - {code: PK.CC.1, grade: Pre-K}\n  - {code: K.CC.1, grade: K}\n"
        let doc = YAMLLoader.load(Array(framework.utf8), path: "f.yml").document
        let read = try #require(FrameworkReader.read(doc, path: "f.yml").0)
        #expect(read.standards[0].grade == Grade(rank: -1))
        #expect(read.standards[0].highestGrade == Grade(rank: -1))
        // So a Pre-K standard is prior knowledge for a kindergarten curriculum.
        var request = LintRequest(paths: [])
        request.disable = ["uncovered-standard", "balance", "untagged-lesson"]
        let map = "curriculum: c\ngrade: K\nunits:\n  - id: u\n    lessons:\n      - {id: t, kind: assessment, standards: [PK.CC.1]}\n"
        let result = Linter(rules: RuleRegistry.all).lint(sources: [("c.yml", Array(map.utf8)), ("f.yml", Array(framework.utf8))], request: request)
        #expect(result.diagnostics.filter { $0.rule == "assessment-before-instruction" }.isEmpty)
    }

    @Test func aSuppressionAfterAnIdContainingTheMarkerStillApplies() {
        let yaml = """
            curriculum: c
            grade: 6
            units:
              - id: u
                lessons:
                  - {id: sequencelint-intro, kind: conceptual, requires: [nope]}  # sequencelint-disable-line unknown-reference

            """
        let found = TestSupport.lint(yaml).diagnostics.map(\.rule)
        #expect(!found.contains("unknown-reference"))
        #expect(!found.contains("unused-suppression"))
    }

    @Test func printConfigQuotesMilestoneNamesYAMLWouldMisread() throws {
        for name in ["null", "true", "~", "no", "12", "0x1F"] {
            let text = "milestones:\n  - {name: \"\(name)\", by-grade: 8, standards: [\"8.EE.*\"]}\n"
            let rules = RuleRegistry.all.map { $0.description }
            let (config, problems) = ConfigurationReader.read(bytes: Array(text.utf8), path: ".sequencelint.yml", rules: rules)
            #expect(problems.isEmpty)
            var request = LintRequest(paths: [])
            request.configuration = config
            let printed = ConfigurationPrinter.render(request, linter: Linter(rules: RuleRegistry.all))
            let (back, again) = ConfigurationReader.read(bytes: Array(printed.utf8), path: ".sequencelint.yml", rules: rules)
            #expect(again.isEmpty, "\(name): \(again.map(\.message))")
            #expect(back.milestones.first?.name == name)
        }
    }

    @Test func githubAnnotationsEscapeControlCharacters() {
        #expect(GitHubReporter.escapeData("a\u{1B}[31mred\u{7}") == "a\\u{1B}[31mred\\u{7}")
        #expect(GitHubReporter.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
    }

    @Test func theLibraryEntryLoadsConfiguredFrameworks() throws {
        let dir = try TestSupport.temporaryDirectory()
        let framework = dir.appendingPathComponent("f.yml")
        try Data("framework: f\nstandards:\n  - {code: A.1, grade: 6}\n".utf8).write(to: framework)
        var request = LintRequest(paths: [])
        request.frameworks = [framework.path]
        request.disable = ["uncovered-standard", "balance"]
        let map = "curriculum: c\nframework: f\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l, kind: conceptual, standards: [A.1, B.2]}\n"
        let result = Linter(rules: RuleRegistry.all).lint(sources: [("c.yml", Array(map.utf8))], request: request)
        #expect(result.diagnostics.map(\.rule) == ["unknown-standard"])
        #expect(result.diagnostics.first?.message.hasPrefix("code 'B.2' is not a standard of framework 'f'") == true)
    }

    @Test func aTruncatedRedundancyCheckSaysWhereItStopped() {
        var yaml = "curriculum: fan\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l0, kind: review}\n      - {id: l1, kind: review, requires: [l0]}\n"
        for i in 2..<50 { yaml += "      - {id: l\(i), kind: review, requires: [l\(i - 1), l0]}\n" }
        let result = TestSupport.lint(yaml, options: ["redundant-prerequisite": ["max-steps": .number(10)]])
        let found = result.diagnostics.filter { $0.rule == "redundant-prerequisite" }
        let stop = found.first { $0.message.hasPrefix("the check for redundant requirements stopped at 'l") }
        #expect(stop?.message.hasSuffix("after 10 graph steps (`max-steps`); later lessons of 'fan' were not checked") == true)
        #expect(stop?.severity == .info)
        #expect(found.count < 48)
    }

    @Test func anEmptyOrForeignFileNamedOnTheCommandLineIsReported() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data("   \n".utf8).write(to: dir.appendingPathComponent("empty.yml"))
        try Data("a: 1\n".utf8).write(to: dir.appendingPathComponent("other.yml"))
        let empty = try TestSupport.run(["--format", "gcc", "empty.yml"], in: dir)
        #expect(empty.status == 1)
        #expect(empty.stdout == "empty.yml:1:1: error: this file is empty: it is named to be linted, but holds no curriculum map [schema]\n")
        let other = try TestSupport.run(["--format", "gcc", "other.yml"], in: dir)
        #expect(other.status == 1)
        #expect(other.stdout.hasPrefix("other.yml:1:1: error: this file is neither a curriculum map"))
        // Found in a folder, other YAML is still skipped (a CI workflow, say).
        let folder = try TestSupport.run(["--format", "gcc", "."], in: dir)
        #expect(folder.stdout == "")
    }

    @Test func graphReportsABrokenFileInsteadOfAnEmptyGraph() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data("curriculum: c\ngrade: 6\nunits: [\n".utf8).write(to: dir.appendingPathComponent("broken.yml"))
        let run = try TestSupport.run(["graph", "broken.yml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("broken.yml:4:1: error: invalid YAML"))
        #expect(run.stderr.hasSuffix("sequencelint: error: the graph is not drawn: 1 problem in the files read (`sequencelint lint` reports them all)\n"))
    }

    @Test func aLongListOfPlacesIsShortInTextAndWholeInGCC() throws {
        let dir = try TestSupport.temporaryDirectory()
        let map = "curriculum: c\nframework: ccss-math\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptual, standards: [6.RP.A.1]}\n"
        try Data(map.utf8).write(to: dir.appendingPathComponent("u.yml"))
        let args = ["--disable", "major-work", "--disable", "balance", "u.yml"]
        let text = try TestSupport.run(args, in: dir)
        #expect(text.stdout.components(separatedBy: ": note: ").count - 1 == 7)
        #expect(text.stdout.contains("     = note: 21 more places, listed by `--format gcc` or `--format json`\n"))
        let gcc = try TestSupport.run(["--format", "gcc"] + args, in: dir)
        #expect(gcc.stdout.components(separatedBy: ": note: ").count - 1 == 28)
    }

    @Test func aMissingDashBeforeALessonIsOneErrorThatFixRepairs() throws {
        let dir = try TestSupport.temporaryDirectory()
        let map = """
            curriculum: c
            grade: 4
            units:
              - id: u
                lessons:
                  - id: l1
                    kind: conceptual
                    standards: [4.NF.A.1]
                  # the next lesson lost its dash
                    id: l2
                    kind: procedural
                    standards: [4.NF.A.1]
                    requires: [l1]

            """
        try Data(map.utf8).write(to: dir.appendingPathComponent("c.yml"))
        let run = try TestSupport.run(["--format", "gcc", "c.yml"], in: dir)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == ["c.yml:10:9: error: 'id' starts a new item here, but the `- ` before it is missing, so it runs into the item above (whose 'id' is on line 6) [yaml-syntax]"])
        let fixed = try TestSupport.run(["--fix", "--format", "gcc", "c.yml"], in: dir)
        #expect(!fixed.stdout.contains(": error: "))
        let after = try String(contentsOf: dir.appendingPathComponent("c.yml"), encoding: .utf8)
        #expect(after == map.replacingOccurrences(of: "\n        id: l2", with: "\n      - id: l2"))
    }

    @Test func aDedentedKeyIsSaidInAWritersWordsWithAnUnsafeFix() throws {
        let dir = try TestSupport.temporaryDirectory()
        let map = "curriculum: c\ngrade: 4\nunits:\n  - id: u\n    lessons:\n      - id: l1\n        kind: conceptual\n      standards: [4.NF.A.1]\n"
        try Data(map.utf8).write(to: dir.appendingPathComponent("c.yml"))
        let run = try TestSupport.run(["--format", "json", "c.yml"], in: dir)
        #expect(run.stdout.contains("\"message\": \"'standards' is indented like a new item of the list on line 6, but has no `- `\""))
        #expect(run.stdout.contains("\"applicability\": \"unsafe\""))
        // A safe --fix leaves it (a guess); --unsafe-fixes indents it under the lesson.
        _ = try TestSupport.run(["--fix", "c.yml"], in: dir)
        #expect(try String(contentsOf: dir.appendingPathComponent("c.yml"), encoding: .utf8) == map)
        _ = try TestSupport.run(["--fix", "--unsafe-fixes", "c.yml"], in: dir)
        #expect(try String(contentsOf: dir.appendingPathComponent("c.yml"), encoding: .utf8) == map.replacingOccurrences(of: "\n      standards", with: "\n        standards"))
    }

    @Test func underlinesCountTerminalCellsAsRustcDoes() {
        let line = "  - {title: \"🍕 和 e\u{301}\", kind: conceptul}"
        let source = "x\n" + line + "\n"
        // `conceptul` starts after 34 scalars; the pizza and 和 take two cells, the accent none.
        let scalarsBefore = Array(line.unicodeScalars).firstIndex(of: "c")! 
        let d = Diagnostic(rule: "schema", severity: .error, message: "m",
                           location: Location(path: "e.yml", start: Position(line: 2, column: scalarsBefore + 1), end: Position(line: 2, column: scalarsBefore + 9)))
        let text = TextReporter().render([d], sources: ["e.yml": Array(source.utf8)], color: false)
        let caretLine = text.split(separator: "\n").first { $0.contains("^") }.map(String.init) ?? ""
        // Two cells for the pizza, two for 和, none for the combining accent: one more cell than scalars.
        #expect(caretLine == "  | " + String(repeating: " ", count: scalarsBefore + 1) + "^^^^^^^^^")
    }
}
