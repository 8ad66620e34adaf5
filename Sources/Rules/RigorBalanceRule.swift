import SequenceLintKit

/// A grade short of conceptual understanding, procedural skill or application.
public struct RigorBalanceRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "rigor-balance", family: .balance, defaultSeverity: .warning,
        summary: "in a grade with at least `min-lessons` conceptual, procedural and application lessons, one of the three kinds has a share below `min-share`",
        rationale: """
            Rigor, in the standards' sense, is three things pursued together: conceptual \
            understanding, procedural skill and fluency, and application to problems. A grade \
            that all but leaves one out produces students who can compute but not choose what \
            to compute, or who understand but cannot carry it out; curriculum reviews weigh \
            the three (EdReports' Gateway 2). Among a grade's conceptual, procedural and \
            application lessons, each kind's share is measured by minutes when every such \
            lesson has minutes, by count otherwise. Grades with fewer than `min-lessons` such \
            lessons are not judged. `balance` weighs conceptual against procedural within units.
            """,
        howToFix: """
            Give more of the grade to the kind that falls short: lessons that build understanding \
            (`conceptual`), practice that builds fluency (`procedural`), or problems that apply \
            the mathematics (`application`); or turn some lessons of the largest kind into it.
            """,
        options: [
            .count("min-lessons", default: 12, "fewest conceptual, procedural and application lessons for a grade to be judged"),
            .share("min-share", default: 0.15, "lowest acceptable share of each of the three kinds"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: ↓6
                units:
                  - id: ratios
                    lessons:
                      - {id: r-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: r-02, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: r-03, kind: procedural, standards: [6.RP.A.1]}
                      - {id: r-04, kind: procedural, standards: [6.RP.A.1]}
                      - {id: r-05, kind: application, standards: [6.RP.A.3]}

                """, configuration: "rules:\n  rigor-balance: {min-lessons: 4, min-share: 0.25}\n"),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: r-01, kind: conceptual, standards: [6.RP.A.1], minutes: 45}
                      - {id: r-02, kind: procedural, standards: [6.RP.A.1], minutes: 30}
                      - {id: r-03, kind: procedural, standards: [6.RP.A.1], minutes: 30}
                      - {id: r-04, kind: application, standards: [6.RP.A.3], minutes: 45}
                      - {id: r-05, kind: assessment, standards: [6.RP.A.1], minutes: 45}

                """, configuration: "rules:\n  rigor-balance: {min-lessons: 4, min-share: 0.25}\n"),
        ])

    static let kinds: [(kind: LessonKind, remedy: String)] = [
        (.conceptual, "lessons that build understanding (`conceptual`)"),
        (.procedural, "practice that builds fluency (`procedural`)"),
        (.application, "problems that apply the mathematics (`application`)"),
    ]

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let low = context.number("min-share", of: d)
        let minLessons = context.count("min-lessons", of: d)
        var out: [Diagnostic] = []
        for curriculum in context.model.curricula {
            let grades = curriculum.grades.map { (grade: $0.grade, file: $0.file, lessons: $0.lessons) }
            for (grade, file, lessons) in grades {
                var count = [0, 0, 0], minutes = [0, 0, 0], allTimed = true
                for l in lessons {
                    guard let k = Self.kinds.firstIndex(where: { $0.kind == curriculum.lessons[l].kind }) else { continue }
                    count[k] += 1
                    if let m = curriculum.lessons[l].minutes { minutes[k] += m } else { allTimed = false }
                }
                let total = count.reduce(0, +)
                guard total > 0, total >= minLessons else { continue }
                let totalMinutes = minutes.reduce(0, +)
                let byMinutes = allTimed && totalMinutes > 0
                let shares = (0..<3).map { byMinutes ? Double(minutes[$0]) / Double(totalMinutes) : Double(count[$0]) / Double(total) }
                let short = (0..<3).filter { shares[$0] < low }
                guard !short.isEmpty else { continue }
                let shown = (0..<3).map { k in
                    "\(short.contains(k) ? Percent.text(shares[k], beside: low) : Percent.text(shares[k])) \(Self.kinds[k].kind.rawValue)"
                }
                let basis = byMinutes
                    ? "by minutes: \(totalMinutes) minutes in \(total) conceptual, procedural and application lessons"
                    : "by count of \(total) conceptual, procedural and application lessons"
                out.append(Self.report(message: "grade \(grade) of '\(curriculum.id)' is \(shown.andList) (\(basis)); each kind should have at least \(Percent.text(low))",
                    location: curriculum.files[file].gradeLocation,
                    help: "give more of grade \(grade) to \(short.map { Self.kinds[$0].remedy }.andList), so that each kind has at least \(Percent.text(low))"))
            }
        }
        return out
    }
}
