import SequenceLintKit

/// Too little (or too much) of a grade's time on the major work of the grade.
public struct MajorWorkRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP.A.1, grade: 6, emphasis: major}
          - {code: 6.SP.A.1, grade: 6, emphasis: supporting}
          - {code: 6.G.A.1, grade: 6, emphasis: additional}

        """

    public static let description = RuleDescription(
        id: "major-work", family: .balance, defaultSeverity: .warning,
        summary: "the share of a grade's lessons (by minutes where all have them) addressing major-work standards is outside [min-share, max-share]",
        rationale: """
            Focus is what makes a grade's mathematics coherent: most of the year belongs to its \
            major work (for CCSS-M, the clusters Achieve the Core marks major), with supporting \
            and additional work around it. A grade that spreads its time evenly leaves the \
            foundations of the next grade thin. Measured only when the framework marks emphasis; \
            a lesson counts as major work when one of the standards it addresses is major \
            (assessments assess rather than address, so they count only toward the total).
            """,
        howToFix: "Shift lessons toward the grade's major clusters (or, above the maximum, make room for supporting work), or connect supporting lessons to the major work they serve.",
        options: [
            .share("min-share", default: 0.65, "lowest acceptable share of major work", atMost: "max-share"),
            .share("max-share", default: 0.85, "highest acceptable share of major work"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: ↓6
                units:
                  - id: data
                    lessons:
                      - {id: data-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: data-02, kind: conceptual, standards: [6.SP.A.1]}
                      - {id: data-03, kind: conceptual, standards: [6.G.A.1]}

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
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], minutes: 45}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], minutes: 45}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.1, 6.SP.A.1], minutes: 45}
                      - {id: ratios-04, kind: conceptual, standards: [6.G.A.1], minutes: 45}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let low = context.number("min-share", of: d), high = context.number("max-share", of: d)
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            guard standards.frameworks.contains(where: { all[$0].marksEmphasis }) else { continue }
            // Grades the framework marks emphasis for (CCSS-M: K-8, not high school).
            var emphasized = Set<Int>()
            for k in standards.frameworks {
                for s in all[k].standards where s.emphasis != nil { if let g = s.grade { emphasized.insert(g.rank) } }
            }
            var f = 0
            while f < curriculum.files.count {
                guard let grade = curriculum.files[f].grade, emphasized.contains(grade.rank) else { f += 1; continue }
                var lessons = 0, major = 0, minutes = 0, majorMinutes = 0, allTimed = true
                let first = f
                while f < curriculum.files.count, curriculum.files[f].grade == grade {
                    for u in curriculum.files[f].units {
                        for l in curriculum.units[u].lessons {
                            let lesson = curriculum.lessons[l]
                            // An assessment assesses rather than addresses: it is not time on major work.
                            let isMajor = lesson.kind != .assessment
                                && standards.lessonStandards[l].contains { standards.counts($0, inLesson: l) && standards.info($0, in: all)?.emphasis == .major }
                            lessons += 1
                            if isMajor { major += 1 }
                            if let m = lesson.minutes {
                                minutes += m
                                if isMajor { majorMinutes += m }
                            } else {
                                allTimed = false
                            }
                        }
                    }
                    f += 1
                }
                guard lessons > 0 else { continue }
                let byMinutes = allTimed && minutes > 0
                let share = byMinutes ? Double(majorMinutes) / Double(minutes) : Double(major) / Double(lessons)
                guard share < low || share > high else { continue }
                let basis = byMinutes ? "\(majorMinutes) of \(minutes) minutes" : "\(major) of \(lessons) lesson\(lessons == 1 ? "" : "s")"
                out.append(Self.report(message: "grade \(grade) of '\(curriculum.id)' spends \(Percent.text(share, beside: share < low ? low : high)) on major work (\(basis) on major standards); expected \(Percent.text(low)) to \(Percent.text(high))",
                    location: curriculum.files[first].gradeLocation,
                    help: share < low ? "give more of the grade's lessons to its major clusters" : "make room for the grade's supporting and additional standards"))
            }
        }
        return out
    }
}
