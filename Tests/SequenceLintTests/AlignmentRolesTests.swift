import Foundation
import Testing
@testable import SequenceLintKit
@testable import SequenceLintRules

/// Contract v2: alignment roles, passes, levels and the inferred hierarchy.
@Suite struct AlignmentRolesTests {
    static let framework = """
        framework: demo
        standards:
          - {code: K.OA.A.2, grade: K, text: Solve addition word problems within 10}
          - {code: 1.OA.A.1, grade: 1, text: Solve word problems within 20, requires: [K.OA.A.2]}
          - {code: 3.NF, level: domain, grade: 3, text: Number and Operations - Fractions}
          - {code: 3.NF.A, level: cluster, parent: 3.NF, text: Develop understanding of fractions as numbers}
          - {code: 3.NF.A.1, parent: 3.NF.A, text: Understand a fraction 1/b}
          - {code: 3.NF.A.2, parent: 3.NF.A, text: Understand a fraction as a number on the number line, requires: [3.NF.A.1]}
          - {code: 3.NF.A.2.a, parent: 3.NF.A.2, level: component, text: Represent 1/b on a number line}
          - {code: 3.NF.A.2.b, parent: 3.NF.A.2, level: component, text: Represent a/b on a number line}
          - {code: 3.NF.A.3, parent: 3.NF.A, text: Explain equivalence of fractions, requires: [3.NF.A.2]}
          - {code: 4.NF.B.3, grade: 4, text: Understand a fraction a/b with a > 1 as a sum of fractions 1/b}
          - {code: 4.MD.A.2, grade: 4, text: Solve measurement word problems, requires: [4.NF.B.3]}

        """

    func lint(_ files: [(String, String)], framework: String = AlignmentRolesTests.framework, configuration: String? = nil,
              enable: [String] = [], disable: [String] = ["uncovered-standard", "major-work", "balance", "untagged-lesson"]) -> [String] {
        var request = LintRequest(paths: [])
        request.enable = enable
        // The review rules have their own tests (ReviewRulesTests).
        request.disable = disable + ["off-grade-lesson", "above-grade-assessment", "isolated-supporting-work", "school-year-length", "rigor-balance", "practice-coverage"]
        if let configuration {
            let (config, problems) = ConfigurationReader.read(bytes: Array(configuration.utf8), path: ".sequencelint.yml",
                                                              rules: RuleRegistry.all.map { $0.description })
            #expect(problems.isEmpty, "\(problems.map(\.message))")
            request.configuration = config
        }
        let result = Linter(rules: RuleRegistry.all).lint(
            sources: (files + [("f.yml", framework)]).map { ($0.0, Array($0.1.utf8)) }, request: request)
        return result.diagnostics.map { "\($0.location.path):\($0.brief): \($0.message)" }
    }

    func file(_ lessons: [String], grade: String, unitExtra: String = "", extra: String = "") -> String {
        "curriculum: c\ngrade: \(grade)\n\(extra)units:\n  - id: u\(grade)\n\(unitExtra)    lessons:\n" + lessons.map { "      - \($0)\n" }.joined()
    }

    // MARK: passes

    @Test func aStandardThatComesBackAfterItsPrerequisiteIsAnEarlyPassWithANoteThere() {
        let grade4 = file([
            "{id: m2-l1, kind: conceptual, standards: [4.MD.A.2]}",
            "{id: m5-l1, kind: conceptual, standards: [4.NF.B.3]}",
            "{id: m7-l1, kind: application, standards: [4.MD.A.2]}",
        ], grade: "4")
        var request = LintRequest(paths: [])
        request.disable = ["balance", "major-work", "uncovered-standard"]
        let result = Linter(rules: RuleRegistry.all).lint(
            sources: [("g4.yml", Array(grade4.utf8)), ("f.yml", Array(Self.framework.utf8))], request: request)
        #expect(result.diagnostics.map { "\($0.brief): \($0.message)" } == [
            "6:51: early-pass: 'm2-l1' addresses 4.MD.A.2 (Solve measurement word problems) before its prerequisite 4.NF.B.3 (Understand a fraction a/b with a > 1 as a sum of fractions 1/b) is taught; 'm5-l1' first teaches 4.NF.B.3, 1 lesson later; this is an early pass: 'm7-l1' addresses 4.MD.A.2 again after 4.NF.B.3, 2 lessons later",
        ])
        let d = result.diagnostics[0]
        #expect(d.severity == .info)
        #expect(d.notes.map { "\($0.location.path):\($0.location.start.line):\($0.location.start.column)" } == ["g4.yml:8:52", "g4.yml:7:51", "f.yml:13:82"])
        #expect(d.notes[0].message == "the later pass: 'm7-l1' addresses 4.MD.A.2 after 4.NF.B.3 is taught")
    }

    @Test func aStandardThatDoesNotComeBackIsAGapAndAnAssessmentIsNoPass() {
        let found = lint([("g4.yml", file([
            "{id: m2-l1, kind: conceptual, standards: [4.MD.A.2]}",
            "{id: m5-l1, kind: conceptual, standards: [4.NF.B.3]}",
            "{id: m7-quiz, kind: assessment, standards: [4.MD.A.2]}",
        ], grade: "4"))])
        #expect(found == [
            "g4.yml:6:51: progression-gap: 'm2-l1' addresses 4.MD.A.2 (Solve measurement word problems) before its prerequisite 4.NF.B.3 (Understand a fraction a/b with a > 1 as a sum of fractions 1/b) is taught; 'm5-l1' first teaches 4.NF.B.3, 1 lesson later; 4.MD.A.2 is not addressed again after that",
        ])
    }

    @Test func aPassBeforeThePrerequisiteIsTaughtIsNoLaterPass() {
        let found = lint([("g4.yml", file([
            "{id: a, kind: conceptual, standards: [4.MD.A.2]}",
            "{id: b, kind: conceptual, standards: [4.MD.A.2]}",
            "{id: c, kind: conceptual, standards: [4.NF.B.3]}",
        ], grade: "4"))])
        #expect(found.map { String($0.prefix(32)) } == ["g4.yml:6:47: progression-gap: 'a"])
    }

    @Test func aPassInTheSameLessonAsThePrerequisiteCounts() {
        let found = lint([("g4.yml", file([
            "{id: a, kind: conceptual, standards: [4.MD.A.2]}",
            "{id: b, kind: conceptual, standards: [4.NF.B.3, 4.MD.A.2]}",
        ], grade: "4"))])
        #expect(found.map { String($0.prefix(24)) } == ["g4.yml:6:47: early-pass:"])
    }

    @Test func eachPartFirstTaughtInOneLessonIsJudgedOnItsOwnPasses() {
        // Both parts need 4.NF.B.3 (through nothing: 4.MD.A.2 needs it); only .a comes back after it.
        let framework = Self.framework + "  - {code: 4.MD.A.2.a, parent: 4.MD.A.2}\n  - {code: 4.MD.A.2.b, parent: 4.MD.A.2}\n"
        let found = lint([("g4.yml", file([
            "{id: a, kind: conceptual, standards: [4.MD.A.2.a, 4.MD.A.2.b]}",
            "{id: b, kind: conceptual, standards: [4.NF.B.3]}",
            "{id: c, kind: conceptual, standards: [4.MD.A.2.a]}",
        ], grade: "4"))], framework: framework)
        #expect(found.map { String($0.split(separator: ":").prefix(4).joined(separator: ":")) } == [
            "g4.yml:6:47: early-pass", "g4.yml:6:59: progression-gap",
        ])
        // A part first taught in a later lesson is judged again there.
        let again = lint([("g4.yml", file([
            "{id: a, kind: conceptual, standards: [4.MD.A.2.a]}",
            "{id: b, kind: conceptual, standards: [4.MD.A.2.b]}",
            "{id: c, kind: conceptual, standards: [4.NF.B.3, 4.MD.A.2.a]}",
        ], grade: "4"))], framework: framework)
        #expect(again.map { String($0.split(separator: ":").prefix(4).joined(separator: ":")) } == [
            "g4.yml:6:47: early-pass", "g4.yml:7:47: progression-gap",
        ])
        // A part listed beside its whole is checked with the whole, once.
        let beside = lint([("g4.yml", file(["{id: a, kind: conceptual, standards: [4.MD.A.2, 4.MD.A.2.a]}"], grade: "4"))], framework: framework)
        #expect(beside.count == 1)
    }

    @Test func theHelpNamesTheWaysOutThatFit() {
        var request = LintRequest(paths: [])
        request.disable = ["balance", "major-work", "uncovered-standard"]
        func help(_ lessons: [String]) -> String? {
            let source = file(lessons, grade: "4")
            return Linter(rules: RuleRegistry.all).lint(
                sources: [("g4.yml", Array(source.utf8)), ("f.yml", Array(Self.framework.utf8))], request: request)
                .diagnostics.first { $0.rule == "progression-gap" }?.help
        }
        #expect(help(["{id: a, kind: conceptual, standards: [4.MD.A.2]}", "{id: b, kind: conceptual, standards: [4.NF.B.3]}"])
                == "move 'a' after 'b', or address 4.MD.A.2 again after 'b' (a later pass); if an earlier lesson already teaches 4.NF.B.3, add it to that lesson's `standards:`; or if 'a' only prepares 4.MD.A.2, move it to `builds-towards:`")
        #expect(help(["{id: a, kind: conceptual, standards: [4.MD.A.2]}"])
                == "teach 4.NF.B.3 before 'a' (or in it); if an earlier lesson already teaches it, add it to that lesson's `standards:`; if 'a' only prepares 4.MD.A.2, move it to `builds-towards:`; or list 4.NF.B.3 under `assumes:` if students bring it from earlier")
    }

    @Test func anUnknownCodeIsNotAStandardToTeachConceptuallyFirst() {
        let found = lint([("g4.yml", file(["{id: a, kind: procedural, standards: [4.NTB.B.4]}"], grade: "4"))])
        #expect(found.map { String($0.split(separator: ":")[3]) } == [" unknown-standard"])
    }

    @Test func assessmentBeforeInstructionPointsItsNoteAtTheTeachingEntry() {
        var request = LintRequest(paths: [])
        request.disable = ["balance", "major-work", "uncovered-standard"]
        let source = file(["{id: quiz, kind: assessment, standards: [3.NF.A.1]}", "{id: l1, kind: conceptual, standards: [3.NF.A.1]}"], grade: "3")
        let d = Linter(rules: RuleRegistry.all).lint(
            sources: [("g3.yml", Array(source.utf8)), ("f.yml", Array(Self.framework.utf8))], request: request).diagnostics
        #expect(d.map(\.rule) == ["assessment-before-instruction"])
        #expect(d.first?.notes.map { "\($0.location.start.line):\($0.location.start.column)" } == ["7:48"])
    }

    // MARK: taught through a part

    @Test func aPrerequisiteIsTaughtOnceAnyPartIsAddressed() {
        let found = lint([("g3.yml", file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.1]}",
            "{id: l2, kind: conceptual, standards: [3.NF.A.2.a]}",
            "{id: l3, kind: conceptual, standards: [3.NF.A.3]}",
        ], grade: "3"))], disable: ["untagged-lesson", "balance", "major-work"])
        // 3.NF.A.2 is taught (its part a is); it is not covered (part b is not).
        #expect(found == ["g3.yml:2:8: uncovered-standard: grade 3 of 'c' leaves 1 standard unaddressed: 3.NF.A.2.b"])
    }

    @Test func uncoveredListsTheStandardsOfAnUntaughtClusterNotTheCluster() {
        let found = lint([("g3.yml", file(["{id: l1, kind: conceptual, standards: [K.OA.A.2]}"], grade: "3"))],
                         disable: ["balance", "major-work", "untagged-lesson"])
        #expect(found == ["g3.yml:2:8: uncovered-standard: grade 3 of 'c' leaves 3 standards unaddressed: 3.NF.A.1, 3.NF.A.2, 3.NF.A.3"])
    }

    @Test func aGapNamesThePartsOfAPrerequisiteThatAreTaughtLater() {
        let found = lint([("g3.yml", file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.1]}",
            "{id: l2, kind: conceptual, standards: [3.NF.A.3]}",
            "{id: l3, kind: conceptual, standards: [3.NF.A.2.b]}",
        ], grade: "3"))])
        #expect(found == [
            "g3.yml:7:48: progression-gap: 'l2' addresses 3.NF.A.3 (Explain equivalence of fractions) before its prerequisite 3.NF.A.2 (Understand a fraction as a number on the number line) is taught; 'l3' first teaches 3.NF.A.2 through its part 3.NF.A.2.b, 1 lesson later; 3.NF.A.3 is not addressed again after that",
        ])
    }

    // MARK: alignment roles

    @Test func buildsOnIsCheckedAtTheLessonAndAtAUnitsFirstLesson() {
        let found = lint([("g3.yml", file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.1], builds-on: [3.NF.A.2]}",
            "{id: l2, kind: conceptual, standards: [3.NF.A.2], builds-on: [3.NF.A.1, K.OA.A.2]}",
            "{id: l3, kind: conceptual, standards: [3.NF.A.3], builds-on: [3.NF.A.3]}",
        ], grade: "3", unitExtra: "    builds-on: [4.NF.B.3, 3.NF.A.1]\n"))])
        #expect(found == [
            "g3.yml:5:17: builds-on-untaught: unit 'u3' (from its first lesson, 'l1') builds on 4.NF.B.3 (Understand a fraction a/b with a > 1 as a sum of fractions 1/b), which no lesson teaches",
            "g3.yml:5:27: builds-on-untaught: unit 'u3' (from its first lesson, 'l1') builds on 3.NF.A.1 (Understand a fraction 1/b), which no earlier lesson teaches; 'l1' teaches it itself",
            "g3.yml:7:71: builds-on-untaught: 'l1' builds on 3.NF.A.2 (Understand a fraction as a number on the number line), which no earlier lesson teaches; 'l2' first teaches it, 1 lesson later",
            "g3.yml:9:71: builds-on-untaught: 'l3' builds on 3.NF.A.3 (Explain equivalence of fractions), which no earlier lesson teaches; 'l3' teaches it itself",
        ])
    }

    @Test func buildsOnIsSatisfiedByAssumptionsAndEarlierGradesAndDoesNotTeach() {
        let found = lint([("g3.yml", file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.2], builds-on: [3.NF.A.1, K.OA.A.2]}",
        ], grade: "3", extra: "assumes: [3.NF.A.1]\n"))])
        #expect(found == [])
        // Listing a standard under builds-on does not teach it.
        let notTaught = lint([("g3.yml", file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.1], builds-towards: [3.NF.A.2]}",
            "{id: l2, kind: conceptual, standards: [3.NF.A.3], builds-on: [3.NF.A.2]}",
        ], grade: "3"))])
        #expect(notTaught.map { String($0.split(separator: ":")[3]) } == [" progression-gap", " builds-on-untaught"])
    }

    @Test func laterGradeTagsBuildTowardsAndDoNotHideTheRealFirstLesson() {
        let k = file(["{id: k1, kind: conceptual, standards: [K.OA.A.2, 1.OA.A.1]}"], grade: "K")
        let one = file(["{id: g1-l1, kind: conceptual, standards: [1.OA.A.1]}"], grade: "1")
        let found = lint([("gk.yml", k), ("g1.yml", one)])
        #expect(found == [
            "gk.yml:6:58: above-grade-standard: 'k1' (grade K) lists 1.OA.A.1 (Solve word problems within 20), a grade-1 standard; it counts as building towards it, not as addressing it",
        ])
        // The grade-1 lesson is the real first one: a missing prerequisite is reported there.
        let early = file(["{id: k1, kind: conceptual, standards: [1.OA.A.1]}", "{id: k2, kind: conceptual, standards: [K.OA.A.2]}"], grade: "K")
        let gap = lint([("gk.yml", early), ("g1.yml", one)], disable: ["balance", "major-work", "uncovered-standard"])
        #expect(gap.contains("gk.yml:6:14: untagged-lesson: lesson 'k1' addresses no standards; it only builds towards 1.OA.A.1"))
        #expect(!gap.contains { $0.contains("progression-gap") })
        // A compacted course addresses it: reported still, and k1 is now a first pass before K.OA.A.2.
        let compacted = lint([("gk.yml", early), ("g1.yml", one)], configuration: "later-grade-standards: address\n")
        #expect(compacted.map { String($0.split(separator: ":")[3]) } == [" above-grade-standard", " early-pass"])
        #expect(compacted[0].hasSuffix("`later-grade-standards: address` counts it as addressed"))
    }

    @Test func assessmentsAlwaysAssessWhatTheyList() {
        let found = lint([("gk.yml", file([
            "{id: k1, kind: conceptual, standards: [K.OA.A.2]}",
            "{id: k-quiz, kind: assessment, standards: [K.OA.A.2, 1.OA.A.1, 3.NF.A]}",
        ], grade: "K"))])
        #expect(found.map { String($0.split(separator: ":")[3]) } == [" assessment-before-instruction", " assessment-before-instruction"])
    }

    @Test func clusterAndDomainTagsAreCoarseAndTheHelpListsTheirStandards() {
        var request = LintRequest(paths: [])
        request.disable = ["balance", "major-work", "uncovered-standard"]
        let source = file(["{id: l1, kind: conceptual, standards: [3.NF.A, 3.NF.A.1]}", "{id: l2, kind: conceptual, standards: [3.NF]}"], grade: "3")
        let result = Linter(rules: RuleRegistry.all).lint(
            sources: [("g3.yml", Array(source.utf8)), ("f.yml", Array(Self.framework.utf8))], request: request)
        #expect(result.diagnostics.map { "\($0.brief): \($0.message)" } == [
            "6:48: coarse-alignment: 'l1' lists 3.NF.A (Develop understanding of fractions as numbers), a cluster, not a standard; it counts as building towards it, not as addressing any of its standards",
            "7:14: untagged-lesson: lesson 'l2' addresses no standards; it only builds towards 3.NF",
            "7:48: coarse-alignment: 'l2' lists 3.NF (Number and Operations - Fractions), a domain, not a standard; it counts as building towards it, not as addressing any of its standards",
        ])
        #expect(result.diagnostics[0].help == "name the ones 'l1' teaches instead: 3.NF.A's standards are 3.NF.A.1, 3.NF.A.2 and 3.NF.A.3; or move 3.NF.A to `builds-towards:`"
                || result.diagnostics[0].help == "name the ones 'l1' teaches instead: 3.NF.A's standards are 3.NF.A.1, 3.NF.A.2, 3.NF.A.3; or move 3.NF.A to `builds-towards:`")
    }

    @Test func unknownCodesInBuildsOnAndBuildsTowardsAreReported() {
        let found = lint([("g3.yml", file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.1], builds-on: [3.NF.Z.1], builds-towards: [3.NF.A.9]}",
        ], grade: "3", unitExtra: "    builds-towards: [9.XX.A.1]\n"))])
        #expect(found.map { String($0.split(separator: ":")[3...].joined(separator: ":").prefix(48)) } == [
            " unknown-standard: builds-towards code '9.XX.A.1",
            " unknown-standard: builds-on code '3.NF.Z.1' is ",
            " unknown-standard: builds-towards code '3.NF.A.9",
        ])
    }

    // MARK: inferred hierarchy

    static let flat = """
        framework: flat
        standards:
          - {code: 3.NF.A.1, grade: 3}
          - {code: 3.NF.A.2, grade: 3, requires: [3.NF.A.1]}
          - {code: 3.NF.A.2.a}
          - {code: 3.NF.A.2.b}
          - {code: 3.NF.A.3, grade: 3, requires: [3.NF.A.2]}

        """

    @Test func aFrameworkWithoutParentLinksGetsThemFromItsCodes() {
        let lessons = file([
            "{id: l1, kind: conceptual, standards: [3.NF.A.1]}",
            "{id: l2, kind: conceptual, standards: [3.NF.A.2a]}",
            "{id: l3, kind: conceptual, standards: [3.NF.A.3]}",
        ], grade: "3")
        #expect(lint([("g3.yml", lessons)], framework: Self.flat) == [])
        let off = lint([("g3.yml", lessons)], framework: Self.flat, configuration: "infer-hierarchy: false\n")
        #expect(off == [
            "g3.yml:8:48: progression-gap: 'l3' addresses 3.NF.A.3 before its prerequisite 3.NF.A.2 is taught; no lesson teaches 3.NF.A.2",
        ])
    }

    @Test func inferredParentsAreTheLongestCodeExtendedBySeparatorOrOneLetter() {
        let codes: [String: Int32] = ["6.RP.A.3": 0, "6.RP.A": 1, "3.1": 2, "G-C": 3, "HSA-APR.A.1": 4, "6.RP": 5, "6": 6]
        func parent(_ code: String) -> String? {
            Framework.inferredParent(of: code, in: codes).flatMap { i in codes.first { $0.value == i }?.key }
        }
        #expect(parent("6.RP.A.3.a") == "6.RP.A.3")
        #expect(parent("6.RP.A.3a") == "6.RP.A.3")
        #expect(parent("6.RP.A.3") == "6.RP.A")
        #expect(parent("6.RP.A.4") == "6.RP.A")
        #expect(parent("3.10") == nil)
        #expect(parent("3.1.a") == "3.1")
        #expect(parent("G-CO") == nil)
        #expect(parent("HSA-APR.A.1b") == "HSA-APR.A.1")
        #expect(parent("6.") == nil)
    }

    @Test func aFrameworkWithLinksIsLeftAlone() {
        var framework = Framework(id: "x", title: nil, path: "x.yml", idLocation: Location(path: "x.yml", start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
                                  standards: [
                                    Standard(code: "1.A", location: Location(path: "x.yml", start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)), grade: nil, gradeLabel: nil, emphasis: nil, text: nil, requires: [], requiresAt: [], parent: -1, hasOwnGrade: false),
                                    Standard(code: "1.A.1", location: Location(path: "x.yml", start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)), grade: nil, gradeLabel: nil, emphasis: nil, text: nil, requires: [], requiresAt: [], parent: -1, hasOwnGrade: false),
                                    Standard(code: "1.B.1", location: Location(path: "x.yml", start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)), grade: nil, gradeLabel: nil, emphasis: nil, text: nil, requires: [], requiresAt: [], parent: 0, hasOwnGrade: false),
                                  ], findings: [])
        #expect(framework.inferHierarchy() == 0)
        #expect(framework.standards[1].parent == -1)
    }

    @Test func verboseSaysWhenAHierarchyWasInferred() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-infer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.flat.write(to: dir.appendingPathComponent("flat.yml"), atomically: true, encoding: .utf8)
        try file(["{id: l1, kind: conceptual, standards: [3.NF.A.1]}"], grade: "3").write(to: dir.appendingPathComponent("g3.yml"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["--verbose", "--format", "gcc", "--disable", "uncovered-standard", "--framework", "flat.yml", "g3.yml"], in: dir)
        #expect(run.stderr.contains("sequencelint: framework 'flat' (flat.yml) has no parent links; 2 inferred from its codes (`infer-hierarchy: false` turns this off)\n"))
        #expect(run.status == 0)
    }

    // MARK: levels and configuration

    @Test func caseItemTypesGiveLevels() {
        #expect(StandardLevel(caseItemType: "Domain") == .domain)
        #expect(StandardLevel(caseItemType: "Grade Level") == .domain)
        #expect(StandardLevel(caseItemType: "Conceptual Category") == .domain)
        #expect(StandardLevel(caseItemType: "Cluster") == .cluster)
        #expect(StandardLevel(caseItemType: "Component") == .component)
        #expect(StandardLevel(caseItemType: "Standard") == .standard)
        #expect(StandardLevel(caseItemType: "Objective") == .standard)
    }

    @Test func anInvalidLevelIsASchemaErrorWithASuggestion() {
        let bad = "framework: demo\nstandards:\n  - {code: 3.NF.A, level: clustr}\n"
        let found = lint([("g3.yml", file(["{id: l1, kind: conceptual, standards: [3.NF.A]}"], grade: "3"))], framework: bad)
        #expect(found.contains("f.yml:3:27: schema: invalid level 'clustr'; did you mean 'cluster'?"))
    }

    @Test func theNewConfigurationKeysAreCheckedAndPrinted() {
        let rules = RuleRegistry.all.map { $0.description }
        let (config, problems) = ConfigurationReader.read(bytes: Array("infer-hierarchy: no\nlater-grade-standards: address\n".utf8),
                                                          path: ".sequencelint.yml", rules: rules)
        #expect(problems.isEmpty)
        #expect(config.inferHierarchy == false && config.addressLaterGrades == true)
        let (_, bad) = ConfigurationReader.read(bytes: Array("infer-hierarchy: maybe\nlater-grade-standards: teach\n".utf8),
                                                path: ".sequencelint.yml", rules: rules)
        #expect(bad.map { "\($0.location.start.line):\($0.location.start.column): \($0.message)" } == [
            "1:18: invalid infer-hierarchy 'maybe'; expected true or false",
            "2:24: invalid later-grade-standards 'teach'; expected build-towards or address",
        ])
        var request = LintRequest(paths: [])
        request.configuration = config
        let printed = ConfigurationPrinter.render(request, linter: Linter(rules: RuleRegistry.all))
        #expect(printed.contains("\ninfer-hierarchy: false\nlater-grade-standards: address\n"))
    }

    @Test func emphasisIsNotInheritedByParts() {
        let framework = "framework: demo\nstandards:\n  - {code: 6.RP.A.3, grade: 6, emphasis: major}\n  - {code: 6.RP.A.3.a, parent: 6.RP.A.3}\n"
        let doc = YAMLLoader.load(Array(framework.utf8), path: "f.yml").document
        let read = FrameworkReader.read(doc, path: "f.yml").0
        #expect(read?.standards[1].emphasis == nil)
        #expect(read?.standards[1].grade == Grade(rank: 6))
    }
}
