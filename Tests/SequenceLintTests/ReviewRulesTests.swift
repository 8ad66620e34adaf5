import Foundation
import Testing
@testable import SequenceLintKit
@testable import SequenceLintRules

/// The rules behind the review's indicators (RULES.md v2): above-grade-assessment,
/// school-year-length, off-grade-lesson, isolated-supporting-work, rigor-balance, practice-coverage.
@Suite struct ReviewRulesTests {
    static let framework = """
        framework: demo
        standards:
          - {code: 5.NF.B.4, grade: 5, emphasis: major, text: Multiply a fraction by a fraction}
          - {code: 6.RP.A.1, grade: 6, emphasis: major, text: Understand the concept of a ratio}
          - {code: 6.RP.A.3, grade: 6, emphasis: major, text: Use ratio and rate reasoning}
          - {code: 6.RP.A.3.a, parent: 6.RP.A.3, level: component, text: Make tables of equivalent ratios}
          - {code: 6.G.A.1, grade: 6, emphasis: supporting, text: Find the area of polygons}
          - {code: 6.G.A.2, grade: 6, emphasis: supporting, text: Find the volume of prisms}
          - {code: 6.SP.A.1, grade: 6, emphasis: additional, text: Recognize a statistical question}
          - {code: 6.MP, text: Look for and make use of structure}
          - {code: 7.RP.A.1, grade: 7, emphasis: major, text: Compute unit rates}
          - {code: 7.G.A.1, grade: 7, emphasis: supporting, text: Solve problems with scale drawings}
          - {code: 8.EE.A.1, grade: 8, text: Know the properties of integer exponents}
          - {code: MS.X.1, grade: 6-8, text: A middle-school band standard}
          - {code: HSA-SSE.A.1, grade: HS, text: Interpret expressions}

        """

    static let newRules: Set<String> = ["above-grade-assessment", "school-year-length", "off-grade-lesson",
                                        "isolated-supporting-work", "rigor-balance", "practice-coverage"]

    /// Lints in memory and returns `path:line:column: rule: message` for the rules asked about.
    func lint(_ files: [(String, String)], framework: String? = ReviewRulesTests.framework, configuration: String? = nil,
              only rules: Set<String> = ReviewRulesTests.newRules) -> [String] {
        var request = LintRequest(paths: [])
        if let configuration {
            let (config, problems) = ConfigurationReader.read(bytes: Array(configuration.utf8), path: ".sequencelint.yml",
                                                              rules: RuleRegistry.all.map { $0.description })
            #expect(problems.isEmpty, "\(problems.map(\.message))")
            request.configuration = config
        }
        let sources = files + (framework.map { [("f.yml", $0)] } ?? [])
        let result = Linter(rules: RuleRegistry.all).lint(sources: sources.map { ($0.0, Array($0.1.utf8)) }, request: request)
        return result.diagnostics.filter { rules.contains($0.rule) }.map { "\($0.location.path):\($0.brief): \($0.message)" }
    }

    /// A one-unit curriculum file; lessons are flow mappings, one a line from line 6.
    func file(_ lessons: [String], grade: String, unit: String? = nil, extra: String = "") -> String {
        "curriculum: c\ngrade: \(grade)\n\(extra)units:\n  - id: \(unit ?? "u\(grade)")\n    lessons:\n" + lessons.map { "      - \($0)\n" }.joined()
    }

    /// `line:column` of the `occurrence`-th `needle` in `text`.
    func at(_ text: String, _ needle: String, occurrence: Int = 1) -> String {
        var line = 1, seen = 0
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(row)
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence { return "\(line):\(row.distance(from: row.startIndex, to: range.lowerBound) + 1)" }
                rest = rest[range.upperBound...]
            }
            line += 1
        }
        Issue.record("no \(needle) in text")
        return "?"
    }

    func help(_ files: [(String, String)], rule: String, configuration: String? = nil) -> [String] {
        var request = LintRequest(paths: [])
        if let configuration {
            request.configuration = ConfigurationReader.read(bytes: Array(configuration.utf8), path: ".sequencelint.yml",
                                                             rules: RuleRegistry.all.map { $0.description }).0
        }
        let result = Linter(rules: RuleRegistry.all).lint(
            sources: (files + [("f.yml", Self.framework)]).map { ($0.0, Array($0.1.utf8)) }, request: request)
        return result.diagnostics.filter { $0.rule == rule }.compactMap(\.help)
    }

    func configurationProblems(_ text: String) -> [String] {
        ConfigurationReader.read(bytes: Array(text.utf8), path: ".sequencelint.yml", rules: RuleRegistry.all.map { $0.description })
            .1.map { "\($0.location.start.line):\($0.location.start.column): \($0.message)" }
    }

    // MARK: above-grade-assessment

    @Test func anAssessmentOfALaterGradesStandardIsReportedAtTheEntry() {
        let g6 = file([
            "{id: l1, kind: conceptual, standards: [6.RP.A.1, 7.RP.A.1]}",
            "{id: quiz, kind: assessment, standards: [5.NF.B.4, 6.RP.A.1, 7.RP.A.1, 6.MP]}",
        ], grade: "6")
        #expect(lint([("g6.yml", g6)]) == [
            "g6.yml:\(at(g6, "7.RP.A.1", occurrence: 2)): above-grade-assessment: assessment 'quiz' (grade 6) assesses 7.RP.A.1 (Compute unit rates), a grade-7 standard",
        ])
        #expect(help([("g6.yml", g6)], rule: "above-grade-assessment") == [
            "remove 7.RP.A.1 from 'quiz' and assess it in grade 7, where it is taught; a course that assesses it on purpose adds \"7.RP.A.1\" (or a glob) to `allow` of above-grade-assessment",
        ])
    }

    @Test func aBandIsLaterWhenItsEarliestGradeIsAndHSIsNineToTwelve() {
        let g8 = file(["{id: t8, kind: assessment, standards: [HSA-SSE.A.1, MS.X.1]}"], grade: "8")
        let g9 = file(["{id: t9, kind: assessment, standards: [HSA-SSE.A.1]}"], grade: "9")
        let g5 = file(["{id: t5, kind: assessment, standards: [MS.X.1, 5.NF.B.4]}"], grade: "5")
        #expect(lint([("g5.yml", g5), ("g8.yml", g8), ("g9.yml", g9)]) == [
            "g5.yml:\(at(g5, "MS.X.1")): above-grade-assessment: assessment 't5' (grade 5) assesses MS.X.1 (A middle-school band standard), a standard of grades 6-8",
            "g8.yml:\(at(g8, "HSA-SSE.A.1")): above-grade-assessment: assessment 't8' (grade 8) assesses HSA-SSE.A.1 (Interpret expressions), a standard of grades 9-12",
        ])
    }

    @Test func allowGlobsExemptCodesAndAPlainCodeMatchesLoosely() {
        let g6 = file(["{id: quiz, kind: assessment, standards: [7.RP.A.1, 7.G.A.1, 8.EE.A.1, HSA-SSE.A.1]}"], grade: "6")
        let config = "rules:\n  above-grade-assessment: {allow: [\"7.*\", \"hsa sse a 1\"]}\n"
        #expect(lint([("g6.yml", g6)], configuration: config) == [
            "g6.yml:\(at(g6, "8.EE.A.1")): above-grade-assessment: assessment 'quiz' (grade 6) assesses 8.EE.A.1 (Know the properties of integer exponents), a grade-8 standard",
        ])
        // The empty list is the default, so it may be written; a list that needs a value may not.
        #expect(configurationProblems("rules:\n  above-grade-assessment: {allow: []}\n").isEmpty)
        #expect(configurationProblems("rules:\n  practice-coverage: {practices: []}\n") == [
            "2:34: 'practices' lists nothing; give at least one value, or turn the rule off",
        ])
    }

    // MARK: school-year-length

    @Test func daysCountMinutesByTheDayAndOtherLessonsByDaysPerLesson() {
        let g6 = file([
            "{id: a, kind: conceptual, standards: [6.RP.A.1], minutes: 90}",
            "{id: b, kind: procedural, standards: [6.RP.A.1], minutes: 90}",
            "{id: c, kind: assessment, standards: [6.RP.A.1]}",
            "{id: d, kind: review, standards: [6.RP.A.1]}",
        ], grade: "6")
        #expect(lint([("g6.yml", g6)], configuration: "rules:\n  school-year-length: {max-days: 4}\n") == [
            "g6.yml:2:8: school-year-length: grade 6 of 'c' takes 5 days (180 minutes in 2 lessons at 60 minutes a day; 2 lessons without minutes at 1 day each), more than the 4 that `max-days` allows",
        ])
        #expect(lint([("g6.yml", g6)], configuration: "rules:\n  school-year-length: {max-days: 4, minutes-per-day: 45, days-per-lesson: 2}\n") == [
            "g6.yml:2:8: school-year-length: grade 6 of 'c' takes 8 days (180 minutes in 2 lessons at 45 minutes a day; 2 lessons without minutes at 2 days each), more than the 4 that `max-days` allows",
        ])
        #expect(lint([("g6.yml", g6)], configuration: "rules:\n  school-year-length: {max-days: 3, minutes-per-day: 0}\n") == [
            "g6.yml:2:8: school-year-length: grade 6 of 'c' takes 4 days (4 lessons at 1 day each, minutes ignored by `minutes-per-day: 0`), more than the 3 that `max-days` allows",
        ])
        #expect(lint([("g6.yml", g6)], configuration: "rules:\n  school-year-length: {max-days: 5}\n").isEmpty)
        #expect(help([("g6.yml", g6)], rule: "school-year-length", configuration: "rules:\n  school-year-length: {max-days: 4}\n") == [
            "combine or cut lessons (or move some to another grade) so that grade 6 fits 4 days; a longer school year or math block sets `max-days` or `minutes-per-day`",
        ])
    }

    @Test func fractionalDaysShowEnoughDecimalsNotToReadAsTheBound() {
        let g6 = file([
            "{id: a, kind: conceptual, standards: [6.RP.A.1], minutes: 50}",
            "{id: b, kind: conceptual, standards: [6.RP.A.1], minutes: 50}",
            "{id: c, kind: conceptual, standards: [6.RP.A.1], minutes: 50}",
        ], grade: "6")
        #expect(lint([("g6.yml", g6)], configuration: "rules:\n  school-year-length: {max-days: 2}\n") == [
            "g6.yml:2:8: school-year-length: grade 6 of 'c' takes 2.5 days (150 minutes in 3 lessons at 60 minutes a day), more than the 2 that `max-days` allows",
        ])
        let just = file(["{id: a, kind: conceptual, standards: [6.RP.A.1], minutes: 61}"], grade: "6")
        #expect(lint([("g6.yml", just)], configuration: "rules:\n  school-year-length: {max-days: 1}\n") == [
            "g6.yml:2:8: school-year-length: grade 6 of 'c' takes 1.02 days (61 minutes in 1 lesson at 60 minutes a day), more than the 1 that `max-days` allows",
        ])
    }

    @Test func aGradeOfSeveralFilesIsCountedOnceAtItsFirstFilesGrade() {
        let first = file(["{id: a, kind: conceptual, standards: [6.RP.A.1]}"], grade: "6", extra: "sequence: 1\n")
        let second = file(["{id: b, kind: conceptual, standards: [6.RP.A.1]}"], grade: "6", unit: "v6", extra: "sequence: 2\n")
        let g7 = file(["{id: c, kind: conceptual, standards: [7.RP.A.1]}"], grade: "7")
        #expect(lint([("b.yml", second), ("a.yml", first), ("g7.yml", g7)], configuration: "rules:\n  school-year-length: {min-days: 3}\n") == [
            "a.yml:2:8: school-year-length: grade 6 of 'c' takes 2 days (2 lessons at 1 day each), fewer than the 3 that `min-days` asks for",
            "g7.yml:2:8: school-year-length: grade 7 of 'c' takes 1 day (1 lesson at 1 day each), fewer than the 3 that `min-days` asks for",
        ])
        #expect(configurationProblems("rules:\n  school-year-length: {min-days: 200}\n") == [
            "2:34: 'school-year-length': min-days (200.0) is greater than max-days (190.0)",
        ])
    }

    // MARK: off-grade-lesson

    @Test func aLessonOnlyOnEarlierGradesStandardsIsOffGrade() {
        let g6 = file([
            "{id: back, kind: conceptual, standards: [5.NF.B.4]}",
            "{id: mixed, kind: conceptual, standards: [5.NF.B.4, 6.RP.A.1]}",
            "{id: nograde, kind: conceptual, standards: [5.NF.B.4, 6.MP]}",
            "{id: rev, kind: review, standards: [5.NF.B.4]}",
            "{id: quiz, kind: assessment, standards: [5.NF.B.4]}",
            "{id: prep, kind: conceptual, standards: [6.RP.A.1], builds-on: [5.NF.B.4]}",
        ], grade: "6")
        #expect(lint([("g6.yml", g6)]) == [
            "g6.yml:\(at(g6, "back")): off-grade-lesson: 'back' (grade 6) addresses only standards of an earlier grade (5): 5.NF.B.4 (Multiply a fraction by a fraction)",
        ])
        #expect(help([("g6.yml", g6)], rule: "off-grade-lesson") == [
            "if 'back' reviews earlier work, make it `kind: review`; if it builds on it, list the code under `builds-on:` and add the grade-6 standard it addresses to `standards:`",
        ])
    }

    @Test func laterGradeCodesCountOnlyWhenAddressedAndABandIsOfEachOfItsGrades() {
        let g6 = file([
            "{id: ahead, kind: conceptual, standards: [7.RP.A.1]}",
            "{id: both, kind: conceptual, standards: [5.NF.B.4, 7.RP.A.1, 8.EE.A.1]}",
            "{id: band, kind: conceptual, standards: [MS.X.1]}",
        ], grade: "6")
        let g10 = file(["{id: hs, kind: conceptual, standards: [HSA-SSE.A.1]}"], grade: "10")
        let g8 = file(["{id: early-hs, kind: conceptual, standards: [HSA-SSE.A.1]}"], grade: "8")
        // By default a later grade's code builds towards it: 'both' addresses only 5.NF.B.4.
        #expect(lint([("g6.yml", g6), ("g8.yml", g8), ("g10.yml", g10)]) == [
            "g6.yml:\(at(g6, "both")): off-grade-lesson: 'both' (grade 6) addresses only standards of an earlier grade (5): 5.NF.B.4 (Multiply a fraction by a fraction)",
        ])
        #expect(lint([("g6.yml", g6), ("g8.yml", g8), ("g10.yml", g10)], configuration: "later-grade-standards: address\n") == [
            "g6.yml:\(at(g6, "ahead")): off-grade-lesson: 'ahead' (grade 6) addresses only standards of a later grade (7): 7.RP.A.1 (Compute unit rates)",
            "g6.yml:\(at(g6, "both")): off-grade-lesson: 'both' (grade 6) addresses only standards of earlier and later grades (5, 7 and 8): 5.NF.B.4 (Multiply a fraction by a fraction), 7.RP.A.1 (Compute unit rates) and 8.EE.A.1 (Know the properties of integer exponents)",
            "g8.yml:\(at(g8, "early-hs")): off-grade-lesson: 'early-hs' (grade 8) addresses only standards of a later grade (HS): HSA-SSE.A.1 (Interpret expressions)",
        ])
    }

    @Test func offGradeLessonsNeedAFramework() {
        let g6 = file(["{id: back, kind: conceptual, standards: [5.NF.B.4]}"], grade: "6")
        #expect(lint([("g6.yml", g6)], framework: nil).isEmpty)
    }

    // MARK: isolated-supporting-work

    @Test func supportingWorkNeverBesideMajorWorkIsReportedAtItsFirstEntry() {
        let g6 = file([
            "{id: area-1, kind: conceptual, standards: [6.G.A.1]}",
            "{id: area-2, kind: procedural, standards: [6.SP.A.1, 6.G.A.1]}",
            "{id: area-3, kind: application, standards: [6.G.A.1, 6.RP.A.3.a]}",
            "{id: area-quiz, kind: assessment, standards: [6.G.A.1, 6.RP.A.1]}",
            "{id: vol-1, kind: conceptual, standards: [6.G.A.2]}",
            "{id: vol-2, kind: application, standards: [6.G.A.2, 6.RP.A.1]}",
        ], grade: "6")
        // 6.RP.A.3.a is a part of a major standard but has no emphasis of its own; an assessment assesses.
        #expect(lint([("g6.yml", g6)]) == [
            "g6.yml:\(at(g6, "6.G.A.1")): isolated-supporting-work: 6.G.A.1 (Find the area of polygons), a supporting standard of grade 6, is addressed by 'area-1', 'area-2' and 'area-3', none of which also addresses a major standard of grade 6",
        ])
        #expect(help([("g6.yml", g6)], rule: "isolated-supporting-work") == [
            "address it together with the grade-6 major work it supports: list the major standard one of these lessons also practises, or teach it in a lesson on major work",
        ])
    }

    @Test func scopeUnitAcceptsMajorWorkAnywhereInTheUnit() {
        let g6 = """
            curriculum: c
            grade: 6
            units:
              - id: ratios
                lessons:
                  - {id: r1, kind: conceptual, standards: [6.RP.A.1]}
                  - {id: r2, kind: application, standards: [6.G.A.1]}
              - id: volume
                lessons:
                  - {id: v1, kind: conceptual, standards: [6.G.A.2]}

            """
        #expect(lint([("g6.yml", g6)], configuration: "rules:\n  isolated-supporting-work: {scope: unit}\n") == [
            "g6.yml:\(at(g6, "6.G.A.2")): isolated-supporting-work: 6.G.A.2 (Find the volume of prisms), a supporting standard of grade 6, is addressed only in unit 'volume', which has no lesson addressing a major standard of grade 6",
        ])
        #expect(lint([("g6.yml", g6)]) == [
            "g6.yml:\(at(g6, "6.G.A.1")): isolated-supporting-work: 6.G.A.1 (Find the area of polygons), a supporting standard of grade 6, is addressed only by 'r2', which addresses no major standard of grade 6",
            "g6.yml:\(at(g6, "6.G.A.2")): isolated-supporting-work: 6.G.A.2 (Find the volume of prisms), a supporting standard of grade 6, is addressed only by 'v1', which addresses no major standard of grade 6",
        ])
        #expect(configurationProblems("rules:\n  isolated-supporting-work: {scope: units}\n") == [
            "2:37: invalid value 'units' for 'scope'; expected lesson or unit",
        ])
    }

    @Test func onlyTheGradesOwnSupportingStandardsAndMajorWorkCount() {
        // In grade 7, 6.G.A.1 is no standard of the grade, and 6.RP.A.1 no major work of it.
        let g7 = file([
            "{id: scale-1, kind: conceptual, standards: [6.G.A.1]}",
            "{id: scale-2, kind: conceptual, standards: [7.G.A.1, 6.RP.A.1]}",
        ], grade: "7")
        #expect(lint([("g7.yml", g7)], only: ["isolated-supporting-work"]) == [
            "g7.yml:\(at(g7, "7.G.A.1")): isolated-supporting-work: 7.G.A.1 (Solve problems with scale drawings), a supporting standard of grade 7, is addressed only by 'scale-2', which addresses no major standard of grade 7",
        ])
        // Without emphasis in the framework there is nothing to measure.
        let plain = Self.framework.replacingOccurrences(of: "emphasis: supporting, ", with: "").replacingOccurrences(of: "emphasis: major, ", with: "")
            .replacingOccurrences(of: "emphasis: additional, ", with: "")
        #expect(lint([("g7.yml", g7)], framework: plain, only: ["isolated-supporting-work"]).isEmpty)
    }

    // MARK: rigor-balance

    @Test func rigorSharesAreByCountUnlessEveryLessonHasMinutes() {
        let lessons = [
            "{id: c1, kind: conceptual, standards: [6.RP.A.1], minutes: 60}",
            "{id: c2, kind: conceptual, standards: [6.RP.A.1], minutes: 60}",
            "{id: p1, kind: procedural, standards: [6.RP.A.1], minutes: 30}",
            "{id: p2, kind: procedural, standards: [6.RP.A.1], minutes: 30}",
            "{id: a1, kind: application, standards: [6.RP.A.3], minutes: 20}",
            "{id: quiz, kind: assessment, standards: [6.RP.A.1]}",
            "{id: rev, kind: review, standards: [6.RP.A.1]}",
        ]
        let config = "rules:\n  rigor-balance: {min-lessons: 5, min-share: 0.2}\n"
        // By minutes: 60% conceptual, 30% procedural, 10% application (assessments and reviews left out).
        #expect(lint([("g6.yml", file(lessons, grade: "6"))], configuration: config) == [
            "g6.yml:2:8: rigor-balance: grade 6 of 'c' is 60% conceptual, 30% procedural and 10% application (by minutes: 200 minutes in 5 conceptual, procedural and application lessons); each kind should have at least 20%",
        ])
        // One lesson without minutes: by count, 40%, 40%, 20% is within bounds.
        var untimed = lessons
        untimed[4] = "{id: a1, kind: application, standards: [6.RP.A.3]}"
        #expect(lint([("g6.yml", file(untimed, grade: "6"))], configuration: config).isEmpty)
        #expect(lint([("g6.yml", file(untimed, grade: "6"))], configuration: "rules:\n  rigor-balance: {min-lessons: 5, min-share: 0.25}\n") == [
            "g6.yml:2:8: rigor-balance: grade 6 of 'c' is 40% conceptual, 40% procedural and 20% application (by count of 5 conceptual, procedural and application lessons); each kind should have at least 25%",
        ])
        #expect(help([("g6.yml", file(lessons, grade: "6"))], rule: "rigor-balance", configuration: config) == [
            "give more of grade 6 to problems that apply the mathematics (`application`), so that each kind has at least 20%",
        ])
        // Fewer than min-lessons (default 12) such lessons: not judged.
        #expect(lint([("g6.yml", file(lessons, grade: "6"))]).isEmpty)
    }

    @Test func aShareJustUnderTheBoundShowsDecimalsAndEveryShortKindIsNamed() {
        let near = (1...20).map { "{id: c\($0), kind: conceptual, standards: [6.RP.A.1]}" }
            + (1...20).map { "{id: p\($0), kind: procedural, standards: [6.RP.A.1]}" }
            + (1...7).map { "{id: a\($0), kind: application, standards: [6.RP.A.3]}" }
        #expect(lint([("g6.yml", file(near, grade: "6"))]) == [
            "g6.yml:2:8: rigor-balance: grade 6 of 'c' is 43% conceptual, 43% procedural and 14.9% application (by count of 47 conceptual, procedural and application lessons); each kind should have at least 15%",
        ])
        let drill = (1...13).map { "{id: c\($0), kind: conceptual, standards: [6.RP.A.1]}" }
            + (1...2).map { "{id: p\($0), kind: procedural, standards: [6.RP.A.1]}" }
        #expect(lint([("g6.yml", file(drill, grade: "6"))]) == [
            "g6.yml:2:8: rigor-balance: grade 6 of 'c' is 87% conceptual, 13% procedural and 0% application (by count of 15 conceptual, procedural and application lessons); each kind should have at least 15%",
        ])
        #expect(help([("g6.yml", file(drill, grade: "6"))], rule: "rigor-balance") == [
            "give more of grade 6 to practice that builds fluency (`procedural`) and problems that apply the mathematics (`application`), so that each kind has at least 15%",
        ])
    }

    // MARK: practice-coverage

    @Test func practiceTagsMatchIgnoringCaseSpacesDotsDashesAndUnderscores() {
        let g6 = file([
            "{id: a, kind: conceptual, standards: [6.RP.A.1], practices: [MP.1, mp 2]}",
            "{id: b, kind: procedural, standards: [6.RP.A.1], practices: [Mp-1, MP_2]}",
            "{id: c, kind: assessment, standards: [6.RP.A.1], practices: [mp1, identity]}",
            "{id: d, kind: review, standards: [6.RP.A.1], practices: [\" MP 3 \"]}",
        ], grade: "6")
        #expect(lint([("g6.yml", g6)]) == [
            "g6.yml:2:8: practice-coverage: grade 6 of 'c' has 7 of 8 practices on fewer than 3 lessons: MP2 on 2 lessons, MP3 on 1 lesson, MP4 on none, MP5 on none, MP6 on none, MP7 on none and MP8 on none",
        ])
        #expect(help([("g6.yml", g6)], rule: "practice-coverage") == [
            "tag the lessons where students do this work (`practices: [MP2]`), or plan lessons for them, so that each practice is on at least 3 lessons of grade 6",
        ])
    }

    @Test func practiceCoverageIsPerGradeAndOnlyWhereTheCurriculumTagsPractices() {
        let g5 = file((1...2).map { "{id: f\($0), kind: conceptual, standards: [5.NF.B.4], practices: [MP.4, MP7]}" }, grade: "5")
        let g6 = file(["{id: r1, kind: conceptual, standards: [6.RP.A.1], practices: [mp4, mp 7]}"], grade: "6")
        let config = "rules:\n  practice-coverage: {practices: [MP4, mp.4, MP7], min-lessons: 2}\n"
        #expect(lint([("g5.yml", g5), ("g6.yml", g6)], configuration: config) == [
            "g6.yml:2:8: practice-coverage: grade 6 of 'c' has 2 of 2 practices on fewer than 2 lessons: MP4 on 1 lesson and MP7 on 1 lesson",
        ])
        let untagged = file(["{id: r1, kind: conceptual, standards: [6.RP.A.1], practices: [identity, discourse]}"], grade: "6")
        #expect(lint([("g6.yml", untagged)]).isEmpty)
    }

    // MARK: configuration

    @Test func choiceAndEmptyListOptionsPrintAsTheyAreWrittenAndReadBack() {
        var request = LintRequest(paths: [])
        let (config, problems) = ConfigurationReader.read(
            bytes: Array("rules:\n  isolated-supporting-work: {scope: unit}\n".utf8), path: ".sequencelint.yml",
            rules: RuleRegistry.all.map { $0.description })
        #expect(problems.isEmpty)
        request.configuration = config
        let printed = ConfigurationPrinter.render(request, linter: Linter(rules: RuleRegistry.all))
        #expect(printed.contains("\n  above-grade-assessment:\n    severity: warning\n    allow: []\n"))
        #expect(printed.contains("\n  isolated-supporting-work:\n    severity: info\n    scope: unit\n"))
        #expect(printed.contains("\n  school-year-length:\n    severity: warning\n    min-days: 0\n    max-days: 190\n    minutes-per-day: 60\n    days-per-lesson: 1\n"))
        #expect(printed.contains("\n  practice-coverage:\n    severity: warning\n    practices: [MP1, MP2, MP3, MP4, MP5, MP6, MP7, MP8]\n    min-lessons: 3\n"))
        #expect(configurationProblems(printed).isEmpty)
        #expect(RuleDocumentation.markdown(IsolatedSupportingWorkRule.self).contains("| `scope` | `lesson` |"))
    }
}
