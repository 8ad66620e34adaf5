import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// Fix applicability, `lint --fix`, `--unsafe-fixes` and `--diff`.
@Suite(.serialized) struct FixApplicationTests {
    static let dir = TestSupport.fixtures.appendingPathComponent("fix")

    func fixture(_ name: String) throws -> Data { try Data(contentsOf: Self.dir.appendingPathComponent(name)) }

    /// A temporary folder holding the fixture as `map.yml`, mode 0640.
    func workspace() throws -> (dir: URL, map: URL) {
        let dir = try TestSupport.temporaryDirectory()
        let map = dir.appendingPathComponent("map.yml")
        try fixture("input.yml").write(to: map)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: map.path)
        return (dir, map)
    }

    @Test func fixtureHasCommentsAndCRLF() throws {
        let text = String(decoding: try fixture("input.yml"), as: UTF8.self)
        #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("# misspelled kind"))
    }

    @Test func fixAppliesSafeFixesOnly() throws {
        let (dir, map) = try workspace()
        let run = try TestSupport.run(["lint", "--fix", "--format", "gcc", "map.yml"], in: dir)
        #expect(try Data(contentsOf: map) == (try fixture("expected-safe.yml")))
        // The guesses are left, and reported: the exit status reflects what is left.
        #expect(run.status == 1)
        #expect(run.stdout.contains("invalid kind 'procedurl'; did you mean 'procedural'? [schema]"))
        #expect(!run.stdout.contains("looks like several"))
        #expect(run.stderr.contains("sequencelint: applied 1 fix in 1 file; 4 more with --unsafe-fixes"))
        let attributes = try FileManager.default.attributesOfItem(atPath: map.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["map.yml"])
    }

    @Test func unsafeFixesApplyTheGuessesTooAndASecondRunChangesNothing() throws {
        let (dir, map) = try workspace()
        let run = try TestSupport.run(["lint", "--fix", "--unsafe-fixes", "--format", "gcc", "map.yml"], in: dir)
        #expect(try Data(contentsOf: map) == (try fixture("expected-unsafe.yml")))
        #expect(run.status == 0)
        #expect(!run.stdout.contains("error:"))
        #expect(run.stderr.contains("sequencelint: applied 5 fixes in 1 file"))
        let again = try TestSupport.run(["lint", "--fix", "--unsafe-fixes", "--format", "gcc", "map.yml"], in: dir)
        #expect(again.status == 0)
        #expect(again.stderr.contains("sequencelint: applied 0 fixes in 0 files"))
        #expect(try Data(contentsOf: map) == (try fixture("expected-unsafe.yml")))
    }

    @Test func diffShowsWhatFixWouldChangeAndWritesNothing() throws {
        let (dir, map) = try workspace()
        let safe = try TestSupport.run(["lint", "--diff", "map.yml"], in: dir)
        #expect(safe.status == 1)
        #expect(safe.stdout == String(decoding: try fixture("safe.diff"), as: UTF8.self))
        let unsafe = try TestSupport.run(["lint", "--diff", "--unsafe-fixes", "map.yml"], in: dir)
        #expect(unsafe.status == 1)
        #expect(unsafe.stdout == String(decoding: try fixture("unsafe.diff"), as: UTF8.self))
        #expect(try Data(contentsOf: map) == (try fixture("input.yml")))
        _ = try TestSupport.run(["lint", "--fix", "--unsafe-fixes", "map.yml"], in: dir)
        let none = try TestSupport.run(["lint", "--diff", "--unsafe-fixes", "map.yml"], in: dir)
        #expect(none.status == 0)
        #expect(none.stdout == "")
    }

    @Test func standardInputIsFixedOnStandardOutput() throws {
        let (dir, map) = try workspace()
        let input = String(decoding: try fixture("input.yml"), as: UTF8.self)
        let run = try TestSupport.run(["lint", "--fix", "--format", "gcc", "-", "--stdin-filename", "map.yml"], in: dir, stdin: input)
        #expect(run.stdout == String(decoding: try fixture("expected-safe.yml"), as: UTF8.self))
        #expect(run.stderr.contains("did you mean 'procedural'? [schema]"))
        #expect(run.status == 1)
        #expect(try Data(contentsOf: map) == (try fixture("input.yml")))
    }

    @Test func fixOptionsCheckedTogether() throws {
        let (dir, _) = try workspace()
        #expect(try TestSupport.run(["lint", "--fix", "--diff", "map.yml"], in: dir).status == 64)
        #expect(try TestSupport.run(["lint", "--unsafe-fixes", "map.yml"], in: dir).status == 64)
    }

    @Test func onlyCurriculumMapsAreRewritten() {
        let fix = Fix("quote", location: Location(path: "frameworks.yml", start: Position(line: 1, column: 1), end: Position(line: 1, column: 1)),
                      replacement: "x", applicability: .safe)
        let d = Diagnostic(rule: "schema", severity: .error, message: "m", location: fix.location, fix: fix)
        #expect(Fixer.fixes([d], includeUnsafe: true, in: ["map.yml"]).isEmpty)
        #expect(Fixer.fixes([d], includeUnsafe: true, in: ["frameworks.yml"]).count == 1)
        var guess = d
        guess.fix?.applicability = .unsafe
        #expect(Fixer.fixes([guess], includeUnsafe: false, in: ["frameworks.yml"]).isEmpty)
    }

    @Test func editsCountColumnsInScalarsAndSkipOverlaps() {
        func fix(_ line: Int, _ from: Int, _ to: Int, _ text: String) -> Fix {
            Fix("f", location: Location(path: "m.yml", start: Position(line: line, column: from), end: Position(line: line, column: to)),
                replacement: text)
        }
        let source = Array("a: é½😀 x\r\nb: yy # c\r\n".utf8)
        let result = Fixer.apply([fix(1, 8, 8, "X"), fix(1, 4, 6, "e"), fix(2, 4, 4, "z"), fix(2, 4, 5, "overlap")], to: source)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "a: e X\r\nb: zy # c\r\n")
        #expect(result.applied == 3)
        #expect(result.skipped == 1)
    }

    @Test func diffMarksAMissingFinalNewline() {
        let diff = Fixer.unifiedDiff(path: "m.yml", old: Array("a\nb\nc".utf8), new: Array("a\nb\nC".utf8))
        #expect(String(decoding: diff, as: UTF8.self) == """
            --- a/m.yml
            +++ b/m.yml
            @@ -1,3 +1,3 @@
             a
             b
            -c
            \\ No newline at end of file
            +C
            \\ No newline at end of file

            """)
    }

    @Test func jsonFixesSayHowSafeTheyAre() throws {
        let result = TestSupport.lint("curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l, kind: conceptul}\n")
        let json = JSONReporter().report(result, diagnostics: result.diagnostics, color: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let fix = try #require((diagnostics.first { ($0["message"] as? String)?.contains("conceptul") == true }?["fixes"] as? [[String: Any]])?.first)
        #expect(fix["applicability"] as? String == "unsafe")
        #expect(fix["message"] as? String == "replace with 'conceptual'")
        let edit = try #require((fix["edits"] as? [[String: Any]])?.first)
        #expect(edit["replacement"] as? String == "conceptual")
        #expect((edit["start"] as? [String: Int])?["column"] == 23)
        // SARIF carries safe fixes only.
        #expect(!SARIFReporter().report(result, diagnostics: result.diagnostics, color: false).contains("\"fixes\""))
    }

    @Test func aTieOffersNoSuggestionAndNoFix() {
        #expect(Suggestions.closest(to: "cat", among: ["bat", "hat"]) == nil)
        #expect(Suggestions.closest(to: "cat", among: ["bat", "bat"]) == "bat")
        #expect(Suggestions.closest(to: "cat", among: ["bat", "ct-long"]) == "bat")
        let ids = ["g4-mult-01", "g4-mult-02", "g4-mult-03", "g4-mult-04", "g4-mult-05", "g4-mult-07", "g4-mult-08"]
        let lessons = ids.map { "      - {id: \($0), kind: conceptual}\n" }.joined()
        let result = TestSupport.lint("curriculum: c\ngrade: 4\nunits:\n  - id: u\n    lessons:\n" + lessons
            + "      - {id: g4-mult-09, kind: conceptual, requires: [g4-mult-06]}\n")
        let d = result.diagnostics.first { $0.rule == "unknown-reference" }
        #expect(d?.message == "'g4-mult-09' requires 'g4-mult-06', which is no lesson or unit of curriculum 'c'")
        #expect(d?.fix == nil)
    }

    // MARK: Plain-language YAML errors

    /// The one diagnostic of `rule`, and the text after applying its fix.
    func fixed(_ yaml: String, rule: String = "yaml-syntax") throws -> (Diagnostic, String) {
        let result = TestSupport.lint(yaml, path: "test.yml")
        let d = try #require(result.diagnostics.first { $0.rule == rule })
        let fix = try #require(d.fix)
        #expect(fix.applicability == .safe)
        return (d, String(decoding: Fixer.apply([fix], to: Array(yaml.utf8)).bytes, as: UTF8.self))
    }

    @Test func colonInAValueIsQuotedBySafeFix() throws {
        let yaml = "curriculum: c\ngrade: 4\nunits:\n  - id: u\n    title: Comparison: word problems   # note\n    lessons: []\n"
        let (d, text) = try fixed(yaml)
        #expect(d.message == "a colon followed by a space starts a new key: quote the whole value")
        #expect(d.location.start == Position(line: 5, column: 22))
        #expect(d.help == "write `title: \"Comparison: word problems\"`")
        #expect(text == "curriculum: c\ngrade: 4\nunits:\n  - id: u\n    title: \"Comparison: word problems\"   # note\n    lessons: []\n")
        #expect(!TestSupport.lint(text).diagnostics.contains { $0.rule == "yaml-syntax" || $0.rule == "schema" })
    }

    @Test func quotingEscapesQuotesAndBackslashes() throws {
        let (_, text) = try fixed("curriculum: c\ngrade: 4\ntitle: Say \"a: b\" \\ c\nunits: []\n")
        #expect(text.contains(#"title: "Say \"a: b\" \\ c""#))
        #expect(!TestSupport.lint(text).diagnostics.contains { $0.rule == "yaml-syntax" })
    }

    @Test func tabsInIndentationBecomeSpaces() throws {
        let yaml = "curriculum: c\ngrade: 4\nunits:\n  - id: u\n    lessons:\n      - id: l1\n\tkind: conceptual\n"
        let (d, text) = try fixed(yaml)
        #expect(d.message == "indentation must use spaces, not tabs")
        #expect(d.location.start == Position(line: 7, column: 1))
        #expect(text == "curriculum: c\ngrade: 4\nunits:\n  - id: u\n    lessons:\n      - id: l1\n        kind: conceptual\n")
        #expect(!TestSupport.lint(text).diagnostics.contains { $0.rule == "yaml-syntax" || $0.rule == "schema" })
    }

    @Test func commaSeparatedCodesAreWrittenAsAList() throws {
        let yaml = "curriculum: c\ngrade: 4\nframework: ccss-math\nunits:\n  - id: u\n    lessons:\n      - id: l1\n        kind: conceptual\n        standards: 4.NF.A.1, 4.NF.A.2\n"
        let (d, text) = try fixed(yaml, rule: "schema")
        #expect(d.message == "'4.NF.A.1, 4.NF.A.2' looks like several standard codes separated by commas: write them as a list")
        #expect(text.hasSuffix("        standards: [4.NF.A.1, 4.NF.A.2]\n"))
        // Read as the list it was meant to be: no unknown code follows from the one mistake.
        let result = TestSupport.lint(yaml)
        #expect(!result.diagnostics.contains { $0.rule == "unknown-standard" })
        #expect(result.diagnostics.filter { $0.rule == "schema" }.count == 1)
        let requires = TestSupport.lint("curriculum: c\ngrade: 4\nunits:\n  - id: u\n    lessons:\n      - {id: a, kind: conceptual}\n      - {id: b, kind: conceptual}\n      - id: c\n        kind: conceptual\n        requires: a, b\n")
        #expect(requires.diagnostics.filter { $0.rule != "untagged-lesson" }.map(\.message) == ["'a, b' looks like several lesson or unit ids separated by commas: write them as a list"])
    }

    @Test func latin1FileIsAskedToBeSavedAsUTF8() {
        let result = TestSupport.lint(files: [])
        _ = result
        let load = YAMLLoader.load(Array("curriculum: c\ntitle: caf".utf8) + [0xE9] + Array("\n".utf8), path: "l.yml")
        #expect(load.diagnostics.map(\.message) == ["the file is not valid UTF-8 (incomplete UTF-8 octet sequence); save it as UTF-8 (most editors: \"Save with encoding\", UTF-8)"])
        #expect(load.diagnostics.first?.fix == nil)
    }

    // MARK: No cascades

    @Test func unknownCodeIsReportedOnce() {
        let result = TestSupport.lint("curriculum: c\ngrade: 6\nframework: ccss-math\nunits:\n  - id: u\n    lessons:\n"
            + "      - {id: l1, kind: procedural, standards: [6.RP.A.9]}\n      - {id: l2, kind: assessment, standards: [6.RP.A.8]}\n")
        let rules = result.diagnostics.filter { $0.location.start.line >= 7 }.map(\.rule)
        #expect(rules == ["unknown-standard", "unknown-standard"])
    }

    @Test func duplicateIDGivesNoWrongSuggestion() {
        let result = TestSupport.lint("curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n"
            + "      - {id: ratios-01, kind: conceptual}\n      - {id: ratios-01, kind: conceptual}\n"
            + "      - {id: rates-01, kind: conceptual, requires: [ratios-02]}\n")
        let d = result.diagnostics.first { $0.rule == "unknown-reference" }
        #expect(d?.message == "'rates-01' requires 'ratios-02', which is no lesson or unit of curriculum 'c'")
        #expect(d?.fix == nil)
        #expect(d?.help == "'ratios-01' is defined twice: if one of them is meant to be 'ratios-02', rename it; else check the id")
        #expect(result.diagnostics.contains { $0.rule == "duplicate-id" })
    }
}
