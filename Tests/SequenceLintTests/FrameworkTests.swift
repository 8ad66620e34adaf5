import Foundation
import Testing
@testable import SequenceLintKit
@testable import SequenceLintRules

/// Frameworks: YAML and CASE loading, hierarchy, matching, and the rules that use them.
@Suite struct FrameworkTests {
    static let framework = """
        framework: demo
        title: Demo framework
        standards:
          - {code: 5.NF.B.4, grade: 5, emphasis: major, text: Multiply a fraction by a fraction}
          - {code: 6.RP.A.1, grade: 6, emphasis: major, text: Understand ratio concepts}
          - {code: 6.RP.A.2, grade: 6, emphasis: major, text: Understand unit rates, requires: [6.RP.A.1]}
          - {code: 6.RP.A.3, grade: 6, emphasis: major, text: Solve ratio problems, requires: [6.RP.A.2, 5.NF.B.4]}
          - {code: 6.RP.A.3.a, parent: 6.RP.A.3, text: Tables of equivalent ratios}
          - {code: 6.RP.A.3.b, parent: 6.RP.A.3, text: Unit rate problems, requires: [6.RP.A.1]}
          - {code: 6.G.A.1, grade: 6, emphasis: additional, text: Area of polygons}

        """

    func lint(_ curriculum: String, framework: String = FrameworkTests.framework, frameworkPath: String = "framework.yml",
              configuration: String? = nil, enable: [String] = []) -> LintResult {
        var request = LintRequest(paths: [])
        request.enable = enable
        // major-work has its own test; elsewhere these tiny grades would always trip it.
        if !enable.contains("major-work") { request.disable = ["major-work"] }
        if let configuration {
            let (config, problems) = ConfigurationReader.read(bytes: Array(configuration.utf8), path: ".sequencelint.yml",
                                                              rules: RuleRegistry.all.map { $0.description })
            #expect(problems.isEmpty, "\(problems.map(\.message))")
            request.configuration = config
        }
        return Linter(rules: RuleRegistry.all).lint(
            sources: [("c.yml", Array(curriculum.utf8)), (frameworkPath, Array(framework.utf8))], request: request)
    }

    func curriculum(_ lessons: [String], grade: String = "6") -> String {
        "curriculum: c\ngrade: \(grade)\nunits:\n  - id: u\n    lessons:\n" + lessons.map { "      - \($0)\n" }.joined()
    }

    @Test func coherentSequenceHasNoFindings() {
        let result = lint(curriculum([
            "{id: l1, kind: conceptual, standards: [6.RP.A.1]}",
            "{id: l2, kind: conceptual, standards: [6.RP.A.2, 6.G.A.1]}",
            "{id: l3, kind: conceptual, standards: [6.RP.A.3]}",
            "{id: l4, kind: assessment, standards: [6.RP.A.3a]}",
        ]))
        #expect(result.diagnostics.map(\.brief) == [])
    }

    @Test func progressionGapSaysLaterOrNeverOncePerPrerequisite() {
        let result = lint(curriculum([
            "{id: l1, kind: conceptual, standards: [6.RP.A.2]}",
            "{id: l2, kind: conceptual, standards: [6.RP.A.2, 6.RP.A.3.b]}",
            "{id: l3, kind: conceptual, standards: [6.RP.A.1, 6.G.A.1, 6.RP.A.3.a]}",
        ]))
        let gaps = result.diagnostics.filter { $0.rule == "progression-gap" }
        #expect(gaps.map(\.brief) == ["6:48: progression-gap", "7:58: progression-gap"])
        #expect(gaps[0].message == "'l1' addresses 6.RP.A.2 (Understand unit rates) before its prerequisite 6.RP.A.1 (Understand ratio concepts) is taught; 'l3' first teaches 6.RP.A.1, 2 lessons later; 6.RP.A.2 is not addressed again after that")
        #expect(gaps[0].notes.map(\.location.path) == ["c.yml", "framework.yml"])
        // 6.RP.A.3.b needs 6.RP.A.1 itself (later) and, through 6.RP.A.3, 6.RP.A.2 (taught) and 5.NF.B.4 (earlier grade).
        #expect(gaps[1].message.hasPrefix("'l2' addresses 6.RP.A.3.b (Unit rate problems) before its prerequisite 6.RP.A.1"))
    }

    @Test func earlierGradesAreAssumedUnlessTurnedOff() {
        let lessons = curriculum([
            "{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.G.A.1]}",
            "{id: l2, kind: conceptual, standards: [6.RP.A.3]}",
        ])
        #expect(lint(lessons).diagnostics.isEmpty)
        let strict = lint(lessons, configuration: "rules:\n  progression-gap: {assume-earlier-grades: false}\n")
        #expect(strict.diagnostics.map(\.brief) == ["7:48: progression-gap"])
        #expect(strict.diagnostics.first?.message.hasSuffix("no lesson teaches 5.NF.B.4") == true)
        let assumed = lint(lessons.replacingOccurrences(of: "grade: 6\n", with: "grade: 6\nassumes: [5.NF.B.4]\n"),
                           configuration: "rules:\n  progression-gap: {assume-earlier-grades: false}\n")
        #expect(assumed.diagnostics.isEmpty)
    }

    @Test func assumingEveryPartAssumesTheWholeAndUnknownAssumptionsAreReported() {
        let lessons = curriculum([
            "{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.G.A.1]}",
            "{id: l2, kind: assessment, standards: [6.RP.A.3]}",
        ])
        let parts = lint(lessons, configuration: "assumes: [6.RP.A.3.a, 6.RP.A.3.b, 6.ZZ.A.9]\n")
        #expect(parts.diagnostics.map(\.brief) == ["1:35: unknown-standard"])
        #expect(parts.diagnostics.first?.location.path == ".sequencelint.yml")
    }

    @Test func sameLessonCountsAsTaught() {
        let result = lint(curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.2, 6.RP.A.1, 6.G.A.1, 6.RP.A.3]}"]))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func addressingAllPartsAddressesTheWhole() {
        let result = lint(curriculum([
            "{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.G.A.1]}",
            "{id: l2, kind: conceptual, standards: [6.RP.A.3.a]}",
            "{id: l3, kind: assessment, standards: [6.RP.A.3]}",
            "{id: l4, kind: conceptual, standards: [6.RP.A.3.b]}",
            "{id: l5, kind: assessment, standards: [6.RP.A.3]}",
        ]))
        // At l3 only one part of 6.RP.A.3 is taught; by l5 both are.
        #expect(result.diagnostics.map(\.brief) == ["8:48: assessment-before-instruction"])
    }

    @Test func uncoveredListsTheLargestWhollyUncoveredStandards() {
        let none = lint(curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2]}"]))
        let uncovered = none.diagnostics.filter { $0.rule == "uncovered-standard" }
        #expect(uncovered.map(\.brief) == ["2:8: uncovered-standard"])
        #expect(uncovered.first?.message == "grade 6 of 'c' leaves 2 standards unaddressed: 6.RP.A.3, 6.G.A.1")
        let part = lint(curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.RP.A.3.a, 6.G.A.1]}"]))
        #expect(part.diagnostics.filter { $0.rule == "uncovered-standard" }.first?.message == "grade 6 of 'c' leaves 1 standard unaddressed: 6.RP.A.3.b")
        let assumed = lint(curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.G.A.1]}"])
            .replacingOccurrences(of: "grade: 6\n", with: "grade: 6\nassumes: [6.RP.A.3]\n"))
        #expect(assumed.diagnostics.filter { $0.rule == "uncovered-standard" }.isEmpty)
    }

    @Test func unknownStandardWithLooseAndExactMatching() {
        let lessons = curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1, 6-rp-a-2, 6.RP.A.3A, 6.G.A.1, 6.RP.Z.9]}"])
        let loose = lint(lessons).diagnostics.filter { $0.rule == "unknown-standard" }
        #expect(loose.map(\.brief) == ["6:88: unknown-standard"])
        // Several codes are equally close: no "did you mean".
        #expect(loose.first?.message == "code '6.RP.Z.9' is not a standard of framework 'demo'")
        let exact = lint(lessons, configuration: "code-matching: exact\n").diagnostics.filter { $0.rule == "unknown-standard" }
        #expect(exact.map(\.brief) == ["6:58: unknown-standard", "6:68: unknown-standard", "6:88: unknown-standard"])
    }

    @Test func codeSuggestionsPreferTheCodeThatOnlyAddsCharacters() {
        let codes = ["6.RP.A", "6.RP.A.1", "6.RP.A.3", "6.NS.C.8", "6.NS.C"]
        #expect(UnknownStandardRule.closestCode(to: "6.RP.3", among: codes) == "6.RP.A.3")
        #expect(UnknownStandardRule.closestCode(to: "6.NS.8", among: codes) == "6.NS.C.8")
        // 6.RP.A.1 and 6.RP.A.3 are equally close: no clear winner, no suggestion.
        #expect(UnknownStandardRule.closestCode(to: "6.RP.A.4", among: codes) == nil)
        #expect(UnknownStandardRule.closestCode(to: "9.XX.Y.7", among: codes) == nil)
    }

    @Test func curriculumSelectsItsFrameworkByID() {
        let selected = curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1]}"])
            .replacingOccurrences(of: "grade: 6\n", with: "framework: dmeo\ngrade: 6\n")
        let result = lint(selected)
        #expect(result.diagnostics.map(\.brief) == ["2:12: unknown-standard"])
        #expect(result.diagnostics.first?.message.contains("did you mean 'demo'?") == true)
    }

    @Test func oneFrameworkPerCurriculumAndPerID() {
        let g6 = curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.G.A.1, 6.RP.A.3]}"])
            .replacingOccurrences(of: "grade: 6\n", with: "framework: demo\ngrade: 6\n")
        let g7 = "curriculum: c\nframework: other\ngrade: 7\nunits:\n  - id: u7\n    lessons:\n      - {id: l7, kind: review}\n"
        var request = LintRequest(paths: [])
        request.disable = ["major-work", "uncovered-standard"]
        let result = Linter(rules: RuleRegistry.all).lint(sources: [
            ("c.yml", Array(g6.utf8)), ("g7.yml", Array(g7.utf8)),
            ("framework.yml", Array(Self.framework.utf8)), ("copy.yml", Array(Self.framework.utf8)),
        ], request: request)
        #expect(result.diagnostics.map { "\($0.location.path):\($0.brief)" } == [
            "framework.yml:1:12: duplicate-id", "g7.yml:2:12: unknown-standard",
        ])
    }

    @Test func majorWorkShareByGrade() {
        let result = lint(curriculum([
            "{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2]}",
            "{id: l2, kind: conceptual, standards: [6.G.A.1]}",
            "{id: l3, kind: conceptual, standards: [6.G.A.1]}",
            "{id: l4, kind: review}",
        ]), enable: ["major-work"])
        let major = result.diagnostics.filter { $0.rule == "major-work" }
        #expect(major.map(\.brief) == ["2:8: major-work"])
        #expect(major.first?.message.contains("spends 25% on major work (1 of 4 lessons on major standards); expected 65% to 85%") == true)
    }

    @Test func frameworkFileProblemsAreReportedWithPositions() {
        let broken = """
            framework: bad
            standards:
              - {code: A.1, grade: 6, requires: [A.3]}
              - {code: A.2, grade: 6, requires: [A.1], emphasis: majr}
              - {code: A.3, grade: 6, requires: [A.2]}
              - {code: A.1, grade: 6}
              - {code: A.4, grade: 6, requires: [A.9], parent: A.5}
              - {code: A.5, grade: 6, parent: A.4}
              - {cdoe: A.6}

            """
        let result = lint(curriculum(["{id: l1, kind: review}"]), framework: broken)
        let found = result.diagnostics.filter { $0.location.path == "framework.yml" }.map(\.brief)
        #expect(found == ["3:38: prerequisite-cycle", "4:54: schema", "6:12: duplicate-id", "7:12: prerequisite-cycle",
                          "7:38: unknown-reference", "9:6: schema", "9:6: schema"])
    }

    @Test func assessmentsAssessAndDoNotAddress() {
        let result = lint(curriculum([
            "{id: l1, kind: assessment, standards: [6.RP.A.1]}",
            "{id: l2, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2, 6.G.A.1, 6.RP.A.3]}",
        ]))
        #expect(result.diagnostics.map(\.brief) == ["6:48: assessment-before-instruction"])
        #expect(result.diagnostics.first?.message == "assessment 'l1' assesses 6.RP.A.1 (Understand ratio concepts), which no earlier lesson teaches; 'l2' first teaches it, 1 lesson later")
    }

    @Test func caseAndYAMLGiveTheSameFindings() throws {
        let root = TestSupport.root
        let yaml = try String(contentsOf: root.appendingPathComponent("curricula/frameworks/ccss-math.yml"), encoding: .utf8)
        let (framework, problems) = FrameworkReader.read(TestSupport.load(yaml).document, path: "f.yml")
        #expect(problems.isEmpty)
        let json = CASEWriter.package(try #require(framework))
        var files: [(String, String)] = []
        for grade in ["grade5.yml", "grade6.yml", "grade7.yml"] {
            var text = try String(contentsOf: root.appendingPathComponent("curricula/riverside/\(grade)"), encoding: .utf8)
            // Seed breaks: teach ratios before their prerequisites, assess too early, leave a part untaught.
            text = text.replacingOccurrences(of: "standards: [6.RP.A.1]", with: "standards: [6.RP.A.3.c]")
            text = text.replacingOccurrences(of: "standards: [7.RP.A.2.d]", with: "standards: [7.RP.A.1]")
            files.append(("riverside/\(grade)", text))
        }
        func run(_ frameworkFile: (String, String)) -> [String] {
            let result = Linter(rules: RuleRegistry.all).lint(
                sources: (files + [frameworkFile]).map { ($0.0, Array($0.1.utf8)) }, request: LintRequest(paths: []))
            // CASE packages carry no emphasis: the emphasis rules have nothing to compare.
            return result.diagnostics.filter { $0.location.path.hasPrefix("riverside/") && !["major-work", "isolated-supporting-work"].contains($0.rule) }
                .map { "\($0.brief): \($0.message)" }
        }
        let fromYAML = run(("framework.yml", yaml))
        let fromCASE = run(("framework.json", json))
        #expect(fromYAML.count >= 3)
        #expect(fromYAML == fromCASE)
    }

    @Test func realCCSSPackageLoads() throws {
        guard let shared = TestSupport.shared else { return }
        let url = shared.appendingPathComponent("data/case/ccss-math-casenetwork.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let bytes = try [UInt8](Data(contentsOf: url))
        let load = YAMLLoader.load(bytes, path: "ccss.json")
        #expect(!load.failed, "\(load.diagnostics.map(\.message))")
        let (framework, problems) = FrameworkReader.read(load.document, path: "ccss.json")
        let ccss = try #require(framework)
        #expect(problems.isEmpty)
        #expect(ccss.id == "c6496676-d7cb-11e8-824f-0242ac160002")
        #expect(ccss.standards.count == 746)
        let part = try #require(ccss.lookup("6.RP.A.3a"))
        #expect(ccss.standards[Int(part)].code == "6.RP.A.3.a")
        let whole = ccss.standards[Int(part)].parent
        #expect(whole >= 0 && ccss.standards[Int(whole)].code == "6.RP.A.3")
        #expect(ccss.standards[Int(part)].grade == Grade(rank: 6))
        let high = try #require(ccss.lookup("HSA-SSE.A.1"))
        #expect(ccss.standards[Int(high)].gradeLabel == "HS")
        // A small curriculum against it: nothing crashes, the uncovered list names standards, not headings.
        let result = lint(curriculum(["{id: l1, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.3a]}"]),
                          framework: String(decoding: bytes, as: UTF8.self), frameworkPath: "ccss.json")
        let uncovered = try #require(result.diagnostics.first { $0.rule == "uncovered-standard" })
        #expect(uncovered.message.contains("6.RP.A.2"))
        #expect(uncovered.message.contains("6.RP.A.3.b"))
        #expect(!uncovered.message.contains("6.RP.A.3,"))
    }
}

/// Writes a framework as a CASE package, for the CASE-equals-YAML test.
enum CASEWriter {
    static func package(_ framework: Framework) -> String {
        func id(_ i: Int) -> String { "item-\(i)" }
        func level(_ s: Standard) -> String? {
            guard s.hasOwnGrade, let g = s.grade else { return nil }
            return g.rank == 0 ? "[\"KG\"]" : g.rank < 0 ? "[\"PK\"]" : "[\"" + (g.rank < 10 ? "0" : "") + "\(g.rank)\"]"
        }
        func quote(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var items: [String] = []
        var associations: [String] = []
        for (i, s) in framework.standards.enumerated() {
            var fields = ["\"identifier\": \(quote(id(i)))", "\"humanCodingScheme\": \(quote(s.code ?? ""))", "\"fullStatement\": \(quote(s.text ?? ""))"]
            if let level = level(s) { fields.append("\"educationLevel\": \(level)") }
            items.append("    {" + fields.joined(separator: ", ") + "}")
            for r in s.requires {
                associations.append("    {\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \(quote(id(Int(r))))}, \"destinationNodeURI\": {\"identifier\": \(quote(id(i)))}}")
            }
            if s.parent >= 0 {
                associations.append("    {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \(quote(id(i)))}, \"destinationNodeURI\": {\"identifier\": \(quote(id(Int(s.parent))))}}")
            }
        }
        return "{\n  \"CFDocument\": {\"identifier\": \(quote(framework.id)), \"title\": \(quote(framework.title ?? ""))},\n  \"CFItems\": [\n"
            + items.joined(separator: ",\n") + "\n  ],\n  \"CFAssociations\": [\n" + associations.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}

/// Hierarchy and matching cases found in review.
@Suite struct HierarchyTests {
    static let framework = """
        framework: h
        standards:
          - {code: 6.A.1, grade: 6}
          - {code: 6.A.2, grade: 6}
          - {code: 6.A.3, grade: 6, requires: [6.A.1]}
          - {code: 6.A.3.a, parent: 6.A.3, requires: [6.A.2, 6.A.1]}
          - {code: 6.A.3.b, parent: 6.A.3}
          - {code: 7.A.1, grade: 7, requires: [6.A.3]}
          - {code: 3.B.1, grade: 3}
          - {code: 3.B.1.a, parent: 3.B.1}
          - {code: 6-8.C.1, grade: 6-8}

        """

    func lint(_ files: [(String, String)], configuration: String? = nil, enable: [String] = []) -> [String] {
        var request = LintRequest(paths: [])
        request.enable = enable
        request.disable = ["uncovered-standard"]
        if let configuration {
            request.configuration = ConfigurationReader.read(bytes: Array(configuration.utf8), path: ".sequencelint.yml",
                                                             rules: RuleRegistry.all.map { $0.description }).0
        }
        let result = Linter(rules: RuleRegistry.all).lint(
            sources: (files + [("f.yml", Self.framework)]).map { ($0.0, Array($0.1.utf8)) }, request: request)
        return result.diagnostics.map { "\($0.location.path):\($0.brief): \($0.message)" }
    }

    func file(_ lessons: [String], grade: Int = 6, extra: String = "") -> String {
        "curriculum: c\ngrade: \(grade)\n\(extra)units:\n  - id: u\(grade)\n    lessons:\n" + lessons.map { "      - \($0)\n" }.joined()
    }

    @Test func teachingAWholeChecksItsPartsPrerequisitesInOneDiagnostic() {
        let found = lint([("c.yml", file([
            "{id: l1, kind: conceptual, standards: [6.A.3]}",
            "{id: l2, kind: conceptual, standards: [6.A.1]}",
            "{id: l3, kind: conceptual, standards: [6.A.2]}",
        ]))])
        #expect(found == [
            "c.yml:6:48: progression-gap: 'l1' addresses 6.A.3 before 2 of its prerequisites are taught: 6.A.1, first taught by 'l2', 1 lesson later; 6.A.2 (needed by 6.A.3.a), first taught by 'l3', 2 lessons later; 6.A.3 is not addressed again after they are taught",
        ])
    }

    @Test func partsAssumedOrTaughtMakeTheWholeAvailable() {
        let assumed = lint([("c.yml", file(["{id: l1, kind: conceptual, standards: [7.A.1]}"], grade: 7,
                                             extra: "assumes: [6.A.3.a, 6.A.3.b, 6.A.1, 6.A.2]\n"))],
                           configuration: "rules:\n  progression-gap: {assume-earlier-grades: false}\n")
        #expect(assumed.isEmpty)
        let mixed = lint([("c.yml", file([
            "{id: l1, kind: conceptual, standards: [6.A.1, 6.A.2, 6.A.3.a]}",
            "{id: l2, kind: assessment, standards: [6.A.3]}",
        ], extra: "assumes: [6.A.3.b]\n"))])
        #expect(mixed.isEmpty)
    }

    @Test func aBandCountsByItsLowestGrade() {
        // A 6-8 standard is prior knowledge for a course starting in grade 7 (its students met it in grade 6).
        let found = lint([("c.yml", file(["{id: l1, kind: assessment, standards: [6-8.C.1, 3.B.1.a]}"], grade: 7))])
        #expect(found == [])
        let seventh = lint([("c.yml", file(["{id: l1, kind: assessment, standards: [6-8.C.1]}"], grade: 6))])
        #expect(seventh == ["c.yml:6:48: assessment-before-instruction: assessment 'l1' assesses 6-8.C.1, which no earlier lesson teaches at all"])
    }

    @Test func unassessedPointsAtTheLessonThatFirstTeaches() {
        let found = lint([("c.yml", file([
            "{id: l1, kind: conceptual, standards: [6.A.1, 6.A.2, 6.A.3]}",
            "{id: t1, kind: assessment, standards: [6.A.1, 6.A.2, 6.A.3.a]}",
            "{id: l2, kind: conceptual, standards: [6.A.3.b]}",
        ]))], enable: ["unassessed-standard"])
        #expect(found == ["c.yml:6:62: unassessed-standard: 6.A.3.b is taught from 'l1' on, but no later assessment assesses it"])
    }

    @Test func aWholeTaughtButOnlyPartlyAssessedReportsTheUnassessedPart() {
        let found = lint([("c.yml", file([
            "{id: c1, kind: conceptual, standards: [6.A.3, 6.A.1]}",
            "{id: c2, kind: conceptual, standards: [6.A.2]}",
            "{id: e1, kind: assessment, standards: [6.A.3.b, 6.A.1, 6.A.2]}",
        ]))], enable: ["unassessed-standard"])
        #expect(found.filter { $0.contains("unassessed") } == [
            "c.yml:6:48: unassessed-standard: 6.A.3.a is taught from 'c1' on, but no later assessment assesses it",
        ])
    }

    @Test func staleRefreshedByAReviewOfTheWhole() {
        let old = "curriculum: c\ngrade: 3\nunits:\n  - id: u3\n    lessons:\n      - {id: old, kind: conceptual, standards: [3.B.1.a]}\n"
        let review = file(["{id: r, kind: review, standards: [3.B.1]}", "{id: l1, kind: conceptual, standards: [6.A.1], requires: [old]}"])
        #expect(lint([("g3.yml", old), ("g6.yml", review)], enable: ["stale-prerequisite"]).isEmpty)
        let noReview = file(["{id: l1, kind: conceptual, standards: [6.A.1], requires: [old]}"])
        #expect(lint([("g3.yml", old), ("g6.yml", noReview)], enable: ["stale-prerequisite"]).map { $0.prefix(40) }
                == ["g6.yml:6:67: stale-prerequisite: 'l1' re"])
    }

    @Test func exactMatchInAnyFrameworkWinsAndMilestonesMatchAsCodesDo() {
        let other = "framework: o\nstandards:\n  - {code: 6.A.3a, grade: 6}\n"
        var request = LintRequest(paths: [])
        request.disable = ["uncovered-standard", "progression-gap"]
        request.configuration = ConfigurationReader.read(bytes: Array("""
            code-matching: exact
            milestones:
              - {name: M, by-grade: 6, standards: [6.a.1, "6.A.*", 6.Z.9]}

            """.utf8), path: ".sequencelint.yml", rules: RuleRegistry.all.map { $0.description }).0
        let result = Linter(rules: RuleRegistry.all).lint(sources: [
            ("c.yml", Array(file(["{id: l1, kind: conceptual, standards: [6.A.3a, 6.A.1, 6.A.2, 6.A.3]}"]).utf8)),
            ("f.yml", Array(Self.framework.utf8)), ("o.yml", Array(other.utf8)),
        ], request: request)
        #expect(result.diagnostics.map(\.brief) == ["3:40: milestone", "3:56: milestone"])
        #expect(result.diagnostics.map(\.message) == [
            "milestone 'M': '6.a.1' names no standard of the frameworks of 'c'",
            "milestone 'M': '6.Z.9' names no standard of the frameworks of 'c'",
        ])
    }
}
