import Foundation
import Testing
@testable import SequenceLintKit
@testable import SequenceLintRules

/// `sequencelint review`: every measure against a hand computation, verdicts from the rules at
/// their configured severities, and the JSON read back.
@Suite(.serialized) struct ReviewTests {
    static let framework = """
        framework: demo
        standards:
          - {code: 6.RP, level: domain, grade: 6, text: Ratios}
          - {code: 6.RP.A, level: cluster, parent: 6.RP, emphasis: major, text: Ratio concepts}
          - {code: 6.RP.A.1, parent: 6.RP.A, emphasis: major, text: Ratios}
          - {code: 6.RP.A.2, parent: 6.RP.A, emphasis: major, text: Unit rates, requires: [6.RP.A.1]}
          - {code: 6.G, level: domain, grade: 6, text: Geometry}
          - {code: 6.G.A, level: cluster, parent: 6.G, emphasis: supporting, text: Area}
          - {code: 6.G.A.1, parent: 6.G.A, emphasis: supporting, text: Area of polygons}
          - {code: 6.G.A.2, parent: 6.G.A, emphasis: supporting, text: Volume}

        """

    static let curriculum = """
        curriculum: demo
        title: Demo, Grade 6
        framework: demo
        grade: 6
        units:
          - id: u1
            lessons:
              - {id: l1, kind: conceptual, standards: [6.RP.A.1], minutes: 60, practices: [MP1, identity]}
              - {id: l2, kind: procedural, standards: [6.RP.A.1], minutes: 40, practices: [MP2], requires: [l5]}
              - {id: l3, kind: application, standards: [6.G.A.1], minutes: 50, practices: [MP1]}
              - {id: l4, kind: assessment, standards: [6.RP.A.1, 6.G.A.1], minutes: 30}
          - id: u2
            lessons:
              - {id: l5, kind: conceptual, standards: [6.RP.A.2], minutes: 60, practices: [mp.1]}
              - {id: l6, kind: review, standards: [6.RP.A.1], minutes: 20}
              - {id: l7, kind: assessment, standards: [6.RP.A.2], minutes: 30}

        """

    func folder() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try Data(Self.framework.utf8).write(to: dir.appendingPathComponent("framework.yml"))
        try Data(Self.curriculum.utf8).write(to: dir.appendingPathComponent("g6.yml"))
        return dir
    }

    func indicators(_ json: Any) -> [String: [String: Any]] {
        let curricula = (json as? [String: Any])?["curricula"] as? [[String: Any]]
        let grades = curricula?.first?["grades"] as? [[String: Any]]
        let list = grades?.first?["indicators"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["id"] as? String ?? "?", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func everyMeasureEqualsAHandComputation() throws {
        let dir = try folder()
        let run = try TestSupport.run(["review", "--format", "json", "--framework", "framework.yml", "g6.yml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        #expect((json as? [String: Any])?["version"] as? Int == 1)
        let i = indicators(json)
        func measure(_ id: String) -> Any? { i[id]?["measure"] }
        // Foundation's JSON parser on Linux rounds some numbers: read them from the text with
        // Swift's correctly rounded Double(String).
        func text(after id: String, _ key: String) -> String? {
            guard let at = run.stdout.range(of: "\"id\": \"\(id)\""), let k = run.stdout.range(of: "\"\(key)\": ", range: at.upperBound..<run.stdout.endIndex) else { return nil }
            return String(run.stdout[k.upperBound...].prefix { !",\n".contains($0) })
        }
        func number(_ id: String) -> Double? { text(after: id, "measure").flatMap(Double.init) }
        // 180 of 290 minutes on major work (an assessment counts in the total, never as major; a review does count).
        #expect(number("1b-major-work") == 180.0 / 290.0)
        #expect(number("1d-school-year") == 290.0 / 60.0)
        #expect(measure("1e-progressions") as? Int == 1)
        #expect(number("coverage") == 0.75)
        #expect(text(after: "2-rigor", "conceptual").flatMap(Double.init) == 120.0 / 210.0)
        #expect(text(after: "2-rigor", "procedural").flatMap(Double.init) == 40.0 / 210.0)
        #expect(text(after: "2-rigor", "application").flatMap(Double.init) == 50.0 / 210.0)
        let practices = measure("2-practices") as? [String: Int]
        #expect(practices == ["MP1": 3, "MP2": 1, "MP3": 0, "MP4": 0, "MP5": 0, "MP6": 0, "MP7": 0, "MP8": 0])
        #expect(number("identity") == 0.5)
        // Porter: instruction 160/210 ratios, 50/210 geometry; assessment 45/60 and 15/60.
        let x1 = 160.0 / 210.0, x2 = 50.0 / 210.0, y1 = 45.0 / 60.0, y2 = 15.0 / 60.0
        #expect(number("alignment") == 1 - (abs(x1 - y1) + abs(x2 - y2)) / 2)
        #expect(number("1a-assessment-focus") == 0.0)
        #expect(number("1c-supporting-work") == 0.0)
        #expect(number("1f-grade-level") == 0.0)
    }

    @Test func verdictsFollowTheRulesConfiguredSeverities() throws {
        let dir = try folder()
        let run = try TestSupport.run(["review", "--format", "json", "--framework", "framework.yml", "g6.yml"], in: dir)
        let i = indicators(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
        func verdict(_ id: String) -> String? { i[id]?["verdict"] as? String }
        #expect(verdict("1b-major-work") == "does-not-meet")        // 62% < 65%
        #expect(verdict("1d-school-year") == "meets")
        #expect(verdict("1e-progressions") == "does-not-meet")      // l2 requires the later l5
        #expect(verdict("coverage") == "does-not-meet")             // 6.G.A.2
        #expect(verdict("identity") == nil)                         // required-practice is off by default
        #expect(verdict("alignment") == nil)
        #expect(verdict("1c-supporting-work") == nil)               // isolated-supporting-work is info
        let findings = i["1e-progressions"]?["findings"] as? [[String: Any]]
        #expect(findings?.map { $0["rule"] as? String } == ["prerequisite-order"])
        // Configuration sets the bar: major work turned off, identity required.
        try Data("frameworks: [framework.yml]\nrules:\n  major-work: off\n  required-practice: warning\n".utf8)
            .write(to: dir.appendingPathComponent(".sequencelint.yml"))
        let configured = try TestSupport.run(["review", "--format", "json", "g6.yml"], in: dir)
        let j = indicators(try JSONSerialization.jsonObject(with: Data(configured.stdout.utf8)))
        #expect(j["1b-major-work"]?["verdict"] is NSNull)
        #expect(j["identity"]?["verdict"] as? String == "does-not-meet")
        // --fail-on-unmet turns an unmet indicator into exit status 1.
        #expect(try TestSupport.run(["review", "--fail-on-unmet", "g6.yml"], in: dir).status == 1)
    }

    @Test func unmeasurableIndicatorsSayWhy() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data("curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptual, standards: [6.RP.A.1]}\n".utf8)
            .write(to: dir.appendingPathComponent("c.yml"))
        let run = try TestSupport.run(["review", "--format", "json", "c.yml"], in: dir)
        let i = indicators(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
        #expect(i["1b-major-work"]?["measure"] is NSNull)
        #expect(i["1b-major-work"]?["reason"] as? String == "no framework applies")
        #expect(i["2-practices"]?["reason"] as? String == "no lesson of the curriculum carries a practice tag (MP1, MP2, MP3, …)")
        #expect(i["1d-school-year"]?["measure"] as? Double == 1)
    }

    @Test func textAndMarkdownShowTheTableAndTheNotice() throws {
        let dir = try folder()
        let text = try TestSupport.run(["review", "--framework", "framework.yml", "g6.yml"], in: dir)
        #expect(text.stdout.hasPrefix("Demo (demo)\n\nindicator"))
        #expect(text.stdout.contains("1b-major-work time on major work"))
        #expect(text.stdout.contains("62% (DOES NOT MEET)"))
        #expect(text.stdout.contains("grade 6, 1e-progressions does not meet:\n  g6.yml:9:101: error: 'l2' requires 'l5'"))
        #expect(text.stdout.hasSuffix(ReviewReport.notice + "\n"))
        let markdown = try TestSupport.run(["review", "--format", "markdown", "--framework", "framework.yml", "g6.yml"], in: dir)
        #expect(markdown.stdout.hasPrefix("## sequencelint review\n\n### Demo (`demo`)\n\n| indicator | grade 6 |\n|---|---|\n"))
    }

    @Test func reviewNeverWritesOverWhatItReads() throws {
        let dir = try folder()
        let run = try TestSupport.run(["review", "--framework", "framework.yml", "--output", "g6.yml", "g6.yml"], in: dir)
        #expect(run.status == 2)
        #expect(try String(contentsOf: dir.appendingPathComponent("g6.yml"), encoding: .utf8) == Self.curriculum)
    }
}
