import Foundation
import Testing
import SequenceLintKit
import SequenceLintRules

/// The built binary: exit statuses, outputs and messages.
@Suite(.serialized) struct CLITests {
    let cli = TestSupport.fixtures.appendingPathComponent("cli")

    @Test func cleanCurriculumPrintsOnlyTheSummaryAndExitsZero() throws {
        let run = try TestSupport.run(["Tests/SequenceLintTests/Fixtures/cli/clean.yml"])
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 1 curriculum map (1 unit, 2 lessons)\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func errorsExitOne() throws {
        let run = try TestSupport.run(["lint", "--format", "gcc", "Tests/SequenceLintTests/Fixtures/cli/error.yml"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("Tests/SequenceLintTests/Fixtures/cli/error.yml:6:77: error: 'ratios-01' requires 'ratios-02', which is taught 1 lesson later [prerequisite-order]\n"))
    }

    @Test func warningsAloneExitZeroUnlessStrict() throws {
        let path = "Tests/SequenceLintTests/Fixtures/cli/warning.yml"
        #expect(try TestSupport.run([path]).status == 0)
        #expect(try TestSupport.run(["--strict", path]).status == 1)
        #expect(try TestSupport.run(["--max-warnings", "0", path]).status == 1)
        #expect(try TestSupport.run(["--max-warnings", "1", path]).status == 0)
        #expect(try TestSupport.run(["--disable", "empty-unit", "--strict", path]).status == 0)
    }

    @Test func quietShowsErrorsOnly() throws {
        let run = try TestSupport.run(["--quiet", "--format", "gcc", "Tests/SequenceLintTests/Fixtures/cli"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("warning:"))
        #expect(run.stdout.contains("error:"))
    }

    @Test func missingPathExitsTwo() throws {
        let run = try TestSupport.run(["no/such/place"])
        #expect(run.status == 2)
        #expect(run.stderr == "sequencelint: error: no such file or directory: no/such/place\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownRuleExitsTwoWithSuggestion() throws {
        let run = try TestSupport.run(["--enable", "prerequisite-ordr", "Tests/SequenceLintTests/Fixtures/cli/clean.yml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown rule 'prerequisite-ordr'; did you mean 'prerequisite-order'?"))
        #expect(try TestSupport.run(["explain", "nope"]).status == 2)
    }

    @Test func badUsageExits64() throws {
        #expect(try TestSupport.run(["--max-warnings", "lots"]).status == 64)
        #expect(try TestSupport.run(["--format", "xml"]).status == 64)
    }

    @Test func folderSkipsOtherYAMLFiles() throws {
        let run = try TestSupport.run(["--verbose", "Tests/SequenceLintTests/Fixtures/cli"])
        #expect(run.stdout.hasSuffix("1 error, 1 warning in 3 curriculum maps (3 units, 4 lessons)\n"
            + "run `sequencelint explain prerequisite-order` for a rule's documentation\n"))
        #expect(run.stderr.contains("skipped Tests/SequenceLintTests/Fixtures/cli/workflow.yml"))
    }

    @Test func colorFollowsFlagsAndNoColor() throws {
        let path = "Tests/SequenceLintTests/Fixtures/cli/error.yml"
        #expect(try TestSupport.run([path]).stdout.contains("\u{1B}[") == false)
        #expect(try TestSupport.run(["--color", path]).stdout.contains("\u{1B}[1;31m"))
        #expect(try TestSupport.run(["--no-color", path]).stdout.contains("\u{1B}[") == false)
    }

    @Test func outputFileReceivesTheReport() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("report.txt")
        let run = try TestSupport.run(["--format", "gcc", "--output", out.path, "Tests/SequenceLintTests/Fixtures/cli/error.yml"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("[prerequisite-order]"))
    }

    @Test func rulesExplainAndVersion() throws {
        let rules = try TestSupport.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").count == RuleRegistry.all.count)
        #expect(rules.stdout.contains("prerequisite-order"))
        for rule in RuleRegistry.all {
            let explain = try TestSupport.run(["explain", rule.description.id])
            #expect(explain.status == 0)
            #expect(explain.stdout.contains("# \(rule.description.id)"))
            #expect(explain.stdout.contains("Example that triggers it"))
            #expect(explain.stdout.contains("[\(rule.description.id)]"), "explain \(rule.description.id) shows no real finding")
        }
        let version = try TestSupport.run(["--version"])
        #expect(version.stdout == SequenceLintVersion.current + "\n")
    }

    @Test func lintNeverWritesTheFilesItReads() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("c.yml")
        try FileManager.default.copyItem(at: cli.appendingPathComponent("error.yml"), to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let before = try Data(contentsOf: file)
        let run = try TestSupport.run(["c.yml"], in: dir)
        #expect(run.status == 1)
        #expect(try Data(contentsOf: file) == before)
        #expect(run.stdout.contains("c.yml:6:77"))
    }

    @Test func neverWritesOverALintedFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("c.yml")
        try FileManager.default.copyItem(at: cli.appendingPathComponent("warning.yml"), to: file)
        let before = try Data(contentsOf: file)
        for flag in ["--output", "--write-baseline"] {
            let run = try TestSupport.run([flag, "./c.yml", "c.yml"], in: dir)
            #expect(run.status == 2)
            #expect(run.stderr == "sequencelint: error: refusing to write ./c.yml: it is the same file as c.yml, which this run reads\n")
            #expect(try Data(contentsOf: file) == before)
        }
    }

    @Test func orderDoesNotDependOnTheCurrentFolder() throws {
        let dir = try TestSupport.temporaryDirectory()
        for sub in ["x", "y"] { try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true) }
        try Data("curriculum: c\ngrade: 6\nunits:\n  - id: ua\n    lessons: [{id: a, kind: review}]\n".utf8).write(to: dir.appendingPathComponent("y/a.yml"))
        try Data("curriculum: c\ngrade: 6\nunits:\n  - id: ub\n    lessons: [{id: b, kind: review, requires: [a]}]\n".utf8).write(to: dir.appendingPathComponent("x/b.yml"))
        let fromTop = try TestSupport.run(["--format", "gcc", "x", "y"], in: dir)
        let fromInside = try TestSupport.run(["--format", "gcc", ".", "../y"], in: dir.appendingPathComponent("x"))
        #expect(fromTop.status == 1)
        #expect(fromInside.status == 1)
        #expect(fromTop.stdout.contains("'b' requires 'a', which is taught 1 lesson later"))
        #expect(fromInside.stdout.contains("'b' requires 'a', which is taught 1 lesson later"))
    }

    @Test func badFilesAreDiagnosticsNotCrashes() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data([0x00, 0xFF, 0xFE, 0x12, 0x80]).write(to: dir.appendingPathComponent("junk.yml"))
        try Data("curriculum: x\ngrade: 6\nunits: [\n".utf8).write(to: dir.appendingPathComponent("broken.yml"))
        try Data("curriculum: ok\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: a, kind: review}\n".utf8)
            .write(to: dir.appendingPathComponent("ok.yml"))
        let run = try TestSupport.run(["--format", "gcc", "."], in: dir)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("broken.yml:4:1: error:") && $0.hasSuffix("[yaml-syntax]") })
        #expect(lines.contains { $0.hasPrefix("junk.yml:1:1: error:") && $0.hasSuffix("[yaml-syntax]") })
        #expect(run.stderr.isEmpty)
    }
}
