import Foundation
import Testing
@testable import SequenceLintKit

/// Inputs that once gave wrong positions or wrong findings.
@Suite struct EdgeCaseTests {
    func brief(_ yaml: String, enable: [String] = []) -> [String] {
        TestSupport.lint(yaml, enable: enable).diagnostics.map(\.brief)
    }

    @Test func unicodeLineSeparatorsDoNotShiftLines() {
        let yaml = "curriculum: c\ngrade: 6\ntitle: \"a\u{2028}b\u{2029}c\"\nunits:\n  - id: u1\n    lessons:\n      - {id: a, kind: review, requires: [zz]}\n"
        // 'zz' is on line 7, column 42 as an editor counts.
        #expect(brief(yaml) == ["7:42: unknown-reference"])
    }

    @Test func anchorsAndAliasesPointAtTheirOwnPlaces() {
        let yaml = """
            curriculum: an
            grade: 6
            units:
              - id: u
                lessons:
                  - id: &x a
                    kind: review
                  - id: *x
                    kind: review
                  - {id: !!str b, kind: review}
                  - {id: b, kind: review}

            """
        let result = TestSupport.lint(yaml)
        #expect(result.diagnostics.map(\.brief) == ["8:13: duplicate-id", "11:14: duplicate-id"])
        #expect(result.diagnostics.first?.notes.first?.location.start == Position(line: 6, column: 16))
        #expect(result.diagnostics.last?.notes.first?.location.start == Position(line: 10, column: 20))
    }

    @Test func aliasedLessonIsReportedOnce() {
        let yaml = """
            curriculum: al
            grade: 6
            units:
              - id: u
                lessons:
                  - &l {id: a, kind: conceptual, bogus: 1}

            """
        #expect(brief(yaml) == ["6:17: untagged-lesson", "6:38: schema"])
    }

    @Test func redundancyThroughAnOutOfOrderEdgeIsFound() {
        let yaml = """
            curriculum: r2
            grade: 6
            units:
              - id: U1
                lessons:
                  - {id: z, kind: review, requires: [y]}
                  - {id: x, kind: review, requires: [z]}
                  - {id: y, kind: review}
                  - {id: l, kind: review, requires: [x, y]}

            """
        #expect(brief(yaml) == ["6:42: prerequisite-order", "9:45: redundant-prerequisite"])
    }

    @Test(.timeLimit(.minutes(1))) func redundancyCheckIsFastWhenEveryLessonRequiresTheFirst() {
        var yaml = "curriculum: fan\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l0, kind: review}\n      - {id: l1, kind: review, requires: [l0]}\n"
        let n = 20_000
        for i in 2..<n { yaml += "      - {id: l\(i), kind: review, requires: [l\(i - 1), l0]}\n" }
        let found = TestSupport.lint(yaml).diagnostics.filter { $0.rule != "school-year-length" }
        #expect(found.count == n - 2)
        #expect(found.allSatisfy { $0.rule == "redundant-prerequisite" })
    }

    @Test func controlCharactersInTextAreEscapedInOutput() {
        let yaml = "curriculum: cc\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: a, kind: review, requires: [\"line1\\nline2\", \"x\\u001b[31m\"]}\n"
        let result = TestSupport.lint(yaml)
        let gcc = GCCReporter().report(result, diagnostics: result.diagnostics, color: false)
        #expect(gcc.split(separator: "\n").count == 2)
        #expect(gcc.contains("'line1\\nline2'"))
        #expect(!gcc.contains("\u{1B}"))
    }

    @Test func syntaxErrorAtEndOfFileIsClampedToTheFile() {
        let result = TestSupport.lint("curriculum: s\ngrade: 6\nunits:\n  - id: u\n    lessons: [a, b")
        #expect(result.diagnostics.map(\.brief) == ["5:19: yaml-syntax"])
    }

    @Test func suppressionsInABrokenFileAreNotReportedUnused() {
        let yaml = "curriculum: b\ngrade: 6  # sequencelint-disable-line balance\nunits:\n  - id: u  # sequencelint-disable-line empty-unit\n    lessons: [\n"
        #expect(brief(yaml) == ["6:1: yaml-syntax"])
    }

    @Test func redundancyThroughAUnitDoesNotDependOnOtherLessons() {
        let yaml = """
            curriculum: rp
            grade: 6
            units:
              - id: upk
                lessons:
                  - {id: pk1, kind: review}
              - id: u2
                lessons:
                  - {id: t1, kind: review, requires: [pk1, upk]}
                  - {id: t2, kind: review, requires: [upk, pk1]}

            """
        #expect(brief(yaml) == ["9:43: redundant-prerequisite", "10:48: redundant-prerequisite"])
    }

    @Test func requiringAnEmptyUnitIsVacuouslySatisfied() {
        let yaml = "curriculum: e\ngrade: 6\nunits:\n  - id: u\n    lessons: [{id: a, kind: review, requires: [later]}]\n  - id: later\n    lessons: []\n"
        #expect(brief(yaml) == ["6:9: empty-unit"])
    }

    @Test func aSuppressionOfSeveralRulesThatHidesNothingIsOneFinding() {
        let yaml = "curriculum: s\ngrade: 6\nunits:\n  - id: w  # sequencelint-disable-line balance, empty-unit\n    lessons: [{id: a, kind: review}]\n"
        let result = TestSupport.lint(yaml)
        #expect(result.diagnostics.map(\.brief) == ["4:12: unused-suppression"])
        #expect(result.diagnostics.first?.message == "this suppression hides nothing: no 'balance', 'empty-unit' finding on this line")
    }

    @Test func largeNumbersAreAccepted() {
        let yaml = "curriculum: n\ngrade: 6\nsequence: 1000000000\nunits:\n  - id: u\n    lessons:\n      - {id: a, kind: review, minutes: 100000}\n"
        // 100,000 minutes is over 1,600 school days: that is school-year-length's to say.
        #expect(brief(yaml) == ["2:8: school-year-length"])
        #expect(brief(yaml.replacingOccurrences(of: "100000}", with: "99999999999}")) == ["7:40: schema"])
    }

    @Test func emptyUnitOnlyWhenWrittenEmpty() {
        let broken = "curriculum: e\ngrade: 6\nunits:\n  - id: u\n    lessons: [{}, {kind: review}]\n"
        #expect(!brief(broken).contains { $0.hasSuffix("empty-unit") })
        let missing = "curriculum: e\ngrade: 6\nunits:\n  - id: u\n    Lessons: []\n"
        #expect(brief(missing) == ["4:5: schema", "5:5: schema"])
        #expect(brief("curriculum: e\ngrade: 6\nunits:\n  - id: u\n    lessons: []\n") == ["4:9: empty-unit"])
    }

    @Test func balancePercentNeverEqualsTheBoundItBreaks() {
        var yaml = "curriculum: b\ngrade: 6\nunits:\n  - id: u\n    lessons:\n"
        yaml += "      - {id: c, kind: conceptual, standards: [x], minutes: 3004}\n"
        yaml += "      - {id: p, kind: procedural, standards: [x], minutes: 500}\n"
        for i in 0..<3 { yaml += "      - {id: q\(i), kind: procedural, standards: [x], minutes: 166}\n" }
        yaml += "      - {id: r, kind: procedural, standards: [x], minutes: 2}\n"
        let messages = TestSupport.lint(yaml).diagnostics.filter { $0.rule == "balance" }.map(\.message)
        #expect(messages.first?.contains("is 75.02% conceptual (3004 of 4004 minutes") == true)
    }
}

/// Files named in different ways, folders with other YAML, and the discovery rules, through the binary.
@Suite(.serialized) struct DiscoveryTests {
    @Test func oneFileNamedTwiceIsLintedOnce() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: a, kind: review}\n".utf8)
            .write(to: dir.appendingPathComponent("c.yml"))
        let run = try TestSupport.run(["--format", "gcc", "c.yml", "sub/../c.yml", "./c.yml"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let outside = try TestSupport.run(["--format", "gcc", "../\(dir.lastPathComponent)/c.yml", "--strict"], in: dir)
        #expect(outside.status == 0)
    }

    @Test func brokenYAMLThatIsNoCurriculumIsSkippedInFolders() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data("name: {{ .Values.name }}\nkind: [\n".utf8).write(to: dir.appendingPathComponent("template.yaml"))
        try Data("curriculum: x\ngrade: 6\nunits: [\n".utf8).write(to: dir.appendingPathComponent("broken.YML"))
        try Data("{curriculum: y, grade: 6, units: [\n".utf8).write(to: dir.appendingPathComponent("flow.yaml"))
        let run = try TestSupport.run(["--format", "gcc", "."], in: dir)
        #expect(run.stdout.split(separator: "\n").map { String($0.prefix(14)) } == ["broken.YML:4:1", "flow.yaml:2:1:"])
        let named = try TestSupport.run(["--format", "gcc", "template.yaml"], in: dir)
        #expect(named.status == 1)
        #expect(named.stdout.hasPrefix("template.yaml:"))
    }
}

/// Machine-applicable fixes: applying them removes the findings they are attached to.
@Suite struct FixTests {
    /// Applies fixes (single-line spans) to a text, last first so earlier positions stay valid.
    func apply(_ fixes: [Fix], to text: String) -> String {
        var lines = text.components(separatedBy: "\n").map { Array($0.unicodeScalars) }
        for fix in fixes.sorted(by: { $0.location.start > $1.location.start }) {
            let l = fix.location.start.line - 1
            let from = fix.location.start.column - 1, to = fix.location.end.column
            lines[l].replaceSubrange(from..<to, with: fix.replacement.unicodeScalars)
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    @Test func fixesRemoveTheirFindings() throws {
        let yaml = """
            curriculum: f
            grade: 6
            units:
              - id: ratios
                titel: Ratios
                lessons:
                  - {id: ratios-01, kind: conceptul, standards: [6.RP.A.1]}
                  - {id: ratios-02, kind: conceptual, standards: [6.RP.A.1], requires: ["ratio-01"]}

            """
        let before = TestSupport.lint(yaml)
        let fixes = before.diagnostics.compactMap(\.fix)
        #expect(fixes.map(\.replacement) == ["title", "conceptual", "ratios-01"])
        let after = TestSupport.lint(apply(fixes, to: yaml))
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics.map(\.message))")
    }
}
