import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// `.sequencelint.yml`: discovery, validation (exit status 2 with positions), and effects.
@Suite(.serialized) struct ConfigurationTests {
    static let framework = """
        framework: demo
        standards:
          - {code: 6.RP.A.1, grade: 6}
          - {code: 6.RP.A.2, grade: 6, requires: [6.RP.A.1]}

        """
    static let curriculum = """
        curriculum: c
        framework: demo
        grade: 6
        units:
          - id: u
            lessons:
              - {id: l1, kind: conceptual, standards: [6.RP.A.2]}
              - {id: l2, kind: conceptual, standards: [6.RP.A.1]}

        """

    func project(config: String) throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("maps/drafts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("standards"), withIntermediateDirectories: true)
        try Data(config.utf8).write(to: dir.appendingPathComponent(".sequencelint.yml"))
        try Data(Self.framework.utf8).write(to: dir.appendingPathComponent("standards/demo.yml"))
        try Data(Self.curriculum.utf8).write(to: dir.appendingPathComponent("maps/c.yml"))
        try Data("curriculum: d\ngrade: 6\nunits: [{id: x, lessons: []}]\n".utf8).write(to: dir.appendingPathComponent("maps/drafts/d.yml"))
        return dir
    }

    @Test func discoveredByWalkingUpWithPathsRelativeToIt() throws {
        let dir = try project(config: "frameworks: [standards/demo.yml]\nexclude: [\"maps/drafts/**\"]\n")
        let run = try TestSupport.run(["--format", "gcc", "."], in: dir.appendingPathComponent("maps"))
        // The framework is outside the current folder, so it is shown by its absolute path.
        let standards = dir.appendingPathComponent("standards/demo.yml").path
        #expect(run.stdout == "c.yml:7:48: warning: 'l1' addresses 6.RP.A.2 before its prerequisite 6.RP.A.1 is taught; 'l2' first teaches 6.RP.A.1, 1 lesson later; 6.RP.A.2 is not addressed again after that [progression-gap]\nc.yml:8:48: note: 'l2' first teaches 6.RP.A.1\n\(standards):4:43: note: the framework lists 6.RP.A.1 as a prerequisite of 6.RP.A.2\n")
        #expect(run.status == 0)
        // Named explicitly, an excluded file is still linted.
        let named = try TestSupport.run(["--format", "gcc", "drafts/d.yml"], in: dir.appendingPathComponent("maps"))
        #expect(named.stdout.contains("empty-unit"))
    }

    @Test func configurationSetsSeveritiesAndOptions() throws {
        let dir = try project(config: """
            frameworks: [standards/demo.yml]
            rules:
              progression-gap: error
              empty-unit: off
              uncovered-standard: {severity: info}

            """)
        let run = try TestSupport.run(["--format", "gcc", "maps"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("maps/c.yml:7:48: error: 'l1' addresses 6.RP.A.2"))
        #expect(!run.stdout.contains("empty-unit"))
        let overridden = try TestSupport.run(["--format", "gcc", "--disable", "progression-gap", "maps"], in: dir)
        #expect(overridden.status == 0)
    }

    @Test func invalidConfigurationExitsTwoWithPositions() throws {
        let dir = try project(config: """
            frameworks: [standards/demo.yml, standards/missing.yml]
            rule:
              balance: warning
            rules:
              prerequisite-ordr: error
              balance: {min-conceptual: 2, severity: loud, min-lesons: 3}
              major-work: {min-share: 0.9, max-share: 0.8}
            code-matching: fuzzy
            milestones:
              - {name: M, by-grade: 13, standards: ["8.EE.*"]}

            """)
        let run = try TestSupport.run(["maps"], in: dir)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let headers = run.stderr.split(separator: "\n").filter { $0.hasPrefix(".sequencelint.yml:") }
        #expect(headers == [
            ".sequencelint.yml:1:34: error: framework file 'standards/missing.yml' does not exist or is not a readable file [configuration]",
            ".sequencelint.yml:2:1: error: unknown key 'rule' in configuration; did you mean 'rules'? [configuration]",
            ".sequencelint.yml:5:3: error: unknown rule 'prerequisite-ordr'; did you mean 'prerequisite-order'? [configuration]",
            ".sequencelint.yml:6:29: error: invalid value '2' for 'min-conceptual'; expected a share between 0 and 1 [configuration]",
            ".sequencelint.yml:6:42: error: invalid severity 'loud'; expected off, info, warning or error [configuration]",
            ".sequencelint.yml:6:48: error: unknown option 'min-lesons' for rule 'balance'; did you mean 'min-lessons'? [configuration]",
            ".sequencelint.yml:7:27: error: 'major-work': min-share (0.9) is greater than max-share (0.8) [configuration]",
            ".sequencelint.yml:8:16: error: invalid code-matching 'fuzzy'; expected loose or exact [configuration]",
            ".sequencelint.yml:10:25: error: invalid by-grade '13'; expected PK, K or 1 to 12 [configuration]",
        ])
        #expect(run.stderr.hasSuffix("sequencelint: error: invalid configuration .sequencelint.yml (9 problems)\n"))
    }

    @Test func optionsAreCheckedByTheirDeclaredKindWithinRange() {
        let rules = RuleRegistry.all.map { $0.description }
        let (_, problems) = ConfigurationReader.read(bytes: Array("""
            rules:
              balance: {min-lessons: 1e19, max-conceptual: 0.5, min-conceptual: 0.25}
              stale-prerequisite: {max-grade-gap: 2.5}
              progression-gap: {assume-earlier-grades: 1}
              required-practice: {practices: identity}

            """.utf8), path: ".sequencelint.yml", rules: rules)
        #expect(problems.map { "\($0.location.start.line):\($0.location.start.column): \($0.message)" } == [
            "2:26: invalid value '1e19' for 'min-lessons'; expected a whole number from 0 to 1000000",
            "3:39: invalid value '2.5' for 'max-grade-gap'; expected a whole number from 0 to 1000000",
            "4:44: invalid value '1' for 'assume-earlier-grades'; expected true or false",
        ])
        // Every option declares a kind whose default is valid for it.
        for rule in rules {
            for option in rule.options {
                switch (option.kind, option.defaultValue) {
                case (.share, .number(let n)): #expect((0...1).contains(n), "\(rule.id).\(option.name)")
                case (.count(let max), .number(let n)): #expect(n >= 0 && n <= Double(max) && n == n.rounded(), "\(rule.id).\(option.name)")
                case (.flag, .bool), (.list, .strings): break
                case (.choice(let choices), .strings(let value)): #expect(value.count == 1 && choices.contains(value[0]), "\(rule.id).\(option.name)")
                default: Issue.record("\(rule.id).\(option.name): default does not match its kind")
                }
                if let high = option.atMost { #expect(rule.options.contains { $0.name == high }, "\(rule.id).\(option.name)") }
            }
        }
    }

    @Test func emptyListOptionIsAnError() throws {
        let (_, problems) = ConfigurationReader.read(bytes: Array("rules:\n  required-practice: {severity: warning, practices: []}\n".utf8),
                                                     path: ".sequencelint.yml", rules: RuleRegistry.all.map { $0.description })
        #expect(problems.map { "\($0.location.start): \($0.message)" } == [
            "2:53: 'practices' lists nothing; give at least one value, or turn the rule off",
        ])
    }

    @Test func missingConfigFileExitsTwo() throws {
        let run = try TestSupport.run(["--config", "no-such.yml", "Tests/SequenceLintTests/Fixtures/cli/clean.yml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such.yml"))
    }

    @Test func printConfigShowsEveryRule() throws {
        let dir = try project(config: "frameworks: [standards/demo.yml]\nrules:\n  balance: {min-lessons: 6}\n")
        let run = try TestSupport.run(["--print-config", "--enable", "stale-prerequisite"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# effective configuration, from .sequencelint.yml\n"))
        // The printed configuration is itself a valid configuration.
        try Data(run.stdout.utf8).write(to: dir.appendingPathComponent("printed.yml"))
        let reread = try TestSupport.run(["--config", "printed.yml", "--print-config"], in: dir)
        #expect(reread.status == 0, "\(reread.stderr)")
        #expect(run.stdout.contains("frameworks: [standards/demo.yml]\n"))
        #expect(run.stdout.contains("  balance:\n    severity: warning\n    min-conceptual: 0.25\n    max-conceptual: 0.75\n    min-lessons: 6\n"))
        #expect(run.stdout.contains("  stale-prerequisite:\n    severity: warning\n    max-grade-gap: 2\n"))
        for rule in RuleRegistry.all { #expect(run.stdout.contains("  \(rule.description.id):")) }
    }

    @Test func frameworkNamedThreeWaysIsLoadedOnce() throws {
        let dir = try project(config: "frameworks: [standards/demo.yml]\n")
        let run = try TestSupport.run(["--format", "gcc", "--framework", "standards/demo.yml", "--framework", "./standards/../standards/demo.yml", "maps/c.yml", "standards"], in: dir)
        #expect(!run.stdout.contains("duplicate-id"))
        #expect(run.stdout.contains("progression-gap"))
    }

    @Test func missingFrameworkFileExitsTwo() throws {
        let run = try TestSupport.run(["--framework", "nope.json", "Tests/SequenceLintTests/Fixtures/cli/clean.yml"])
        #expect(run.status == 2)
        #expect(run.stderr == "sequencelint: error: no such file or directory: nope.json\n")
    }

    @Test func globs() {
        #expect(Glob.matches("drafts/**", "drafts/a/b.yml"))
        #expect(Glob.matches("**/draft-*.yml", "x/y/draft-1.yml"))
        #expect(Glob.matches("**/draft-*.yml", "draft-1.yml"))
        #expect(!Glob.matches("*.yml", "a/b.yml"))
        #expect(Glob.matches("8.EE.*", "8.EE.A.1"))
        #expect(!Glob.matches("8.EE.*", "8.F.A.1"))
        #expect(Glob.matches("grade?.yml", "grade7.yml"))
        #expect(Glob.matches("**/*.yml", "a/b/c.yml"))
        #expect(Glob.matches("**/*.yml", "c.yml"))
        #expect(!Glob.matches("**/*.yml", "a/b/c.yaml"))
        #expect(Glob.matches("maps/**/draft-*", "maps/x/y/draft-2.yml"))
        #expect(Glob.matches("maps/**", "maps/a.yml"))
        #expect(!Glob.matches("maps/*", "maps/a/b.yml"))
    }
}
