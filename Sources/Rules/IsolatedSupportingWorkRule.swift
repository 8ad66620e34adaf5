import SequenceLintKit

/// Supporting work of a grade taught apart from the major work it is meant to support.
public struct IsolatedSupportingWorkRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP.A.1, grade: 6, emphasis: major, text: Understand the concept of a ratio}
          - {code: 6.EE.A.2, grade: 6, emphasis: major, text: Write, read, and evaluate expressions in which letters stand for numbers}
          - {code: 6.G.A.1, grade: 6, emphasis: supporting, text: Find the area of right triangles and other polygons}
          - {code: 6.SP.A.1, grade: 6, emphasis: additional, text: Recognize a statistical question}

        """

    public static let description = RuleDescription(
        id: "isolated-supporting-work", family: .balance, defaultSeverity: .info,
        summary: "a supporting-emphasis standard of the grade is addressed, but never in a lesson (`scope: unit`: a unit) that also addresses a major standard of the grade",
        rationale: """
            Supporting clusters are in a grade to serve its major work: area formulas give \
            practice with expressions, data displays with ratios. Taught on their own, they \
            take time from the major work instead of reinforcing it; curriculum reviews look \
            for the connection (EdReports' indicator 1c). For each grade, every supporting \
            standard of that framework grade that the grade's lessons address should share a \
            lesson (with `scope: unit`, a unit) with a major standard of the grade. Emphasis is \
            the framework's mark on the standard itself (parts do not inherit it); \
            assessments, which assess rather than address, do not count. Measured only when \
            the framework marks emphasis.
            """,
        howToFix: """
            Teach the supporting standard where it serves the major work: address it in a lesson \
            (or unit) together with a major standard of the grade, for example by listing the \
            major standard a lesson on it also practises.
            """,
        options: [
            .choice("scope", default: "lesson", among: ["lesson", "unit"],
                    "where a supporting standard must meet major work: `lesson` (the same lesson) or `unit` (the same unit)"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [↓6.G.A.1]}
                      - {id: ratios-03, kind: application, standards: [6.G.A.1, 6.SP.A.1]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.G.A.1]}
                      - {id: ratios-03, kind: application, standards: [6.G.A.1, 6.EE.A.2]}

                """, framework: framework),
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.G.A.1]}

                """, framework: framework, configuration: "rules:\n  isolated-supporting-work: {scope: unit}\n"),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let byUnit = context.strings("scope", of: d).first == "unit"
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards)
            where standards.frameworks.contains(where: { all[$0].marksEmphasis }) {
            var grades: [(grade: Grade, lessons: [Int])] = []
            for file in curriculum.files {
                guard let grade = file.grade else { continue }
                if grades.last?.grade != grade { grades.append((grade, [])) }
                for u in file.units { grades[grades.count - 1].lessons.append(contentsOf: curriculum.units[u].lessons) }
            }
            for (grade, lessons) in grades {
                let rank = Int16(grade.rank)
                // Supporting standards of framework grade G in order of first address, with that entry
                // and the lessons addressing them; lessons and units that address a major standard of G.
                var supporting: [(node: Int32, at: Location, lessons: [Int])] = []
                var index: [Int32: Int] = [:]
                var majorLessons = Set<Int>(), majorUnits = Set<Int>()
                for l in lessons where !standards.isAssessment[l] {
                    for (ref, node) in zip(curriculum.lessons[l].standards, standards.lessonStandards[l])
                        where standards.isKnown(node) && standards.counts(node, inLesson: l) && standards.nodeGrade[Int(node)] == rank {
                        switch standards.info(node, in: all)?.emphasis {
                        case .major?:
                            majorLessons.insert(l)
                            majorUnits.insert(curriculum.lessons[l].unit)
                        case .supporting?:
                            if let k = index[node] {
                                if supporting[k].lessons.last != l { supporting[k].lessons.append(l) }
                            } else {
                                index[node] = supporting.count
                                supporting.append((node, ref.location, [l]))
                            }
                        default: break
                        }
                    }
                }
                for (node, at, addressing) in supporting {
                    let connected = byUnit
                        ? addressing.contains { majorUnits.contains(curriculum.lessons[$0].unit) }
                        : addressing.contains { majorLessons.contains($0) }
                    guard !connected else { continue }
                    let what = "\(standards.describe(node, in: all)), a supporting standard of grade \(grade),"
                    let message: String
                    let help: String
                    if byUnit {
                        var units: [String] = []
                        for l in addressing {
                            let id = "'\(curriculum.units[curriculum.lessons[l].unit].id)'"
                            if !units.contains(id) { units.append(id) }
                        }
                        let named = units.count > 4 ? units.prefix(4).joined(separator: ", ") + " and \(units.count - 4) more" : units.andList
                        message = units.count == 1
                            ? "\(what) is addressed only in unit \(named), which has no lesson addressing a major standard of grade \(grade)"
                            : "\(what) is addressed in units \(named), none of which has a lesson addressing a major standard of grade \(grade)"
                        help = "teach it in a unit with the grade-\(grade) major work it supports, or add a major standard of grade \(grade) that a lesson of \(units.count == 1 ? "that unit" : "these units") practises"
                    } else {
                        let ids = addressing.map { "'\(curriculum.lessons[$0].id)'" }
                        let named = ids.count > 4 ? ids.prefix(4).joined(separator: ", ") + " and \(ids.count - 4) more" : ids.andList
                        message = ids.count == 1
                            ? "\(what) is addressed only by \(named), which addresses no major standard of grade \(grade)"
                            : "\(what) is addressed by \(named), none of which also addresses a major standard of grade \(grade)"
                        help = "address it together with the grade-\(grade) major work it supports: list the major standard \(ids.count == 1 ? "that lesson" : "one of these lessons") also practises, or teach it in a lesson on major work"
                    }
                    out.append(Self.report(message: message, location: at, help: help))
                }
            }
        }
        return out
    }
}
