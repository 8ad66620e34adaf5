import SequenceLintKit

/// A lesson lists a standard of a later grade than its file's.
public struct AboveGradeStandardRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: K.OA.A.2, grade: K, text: Solve addition and subtraction word problems within 10}
          - {code: 1.OA.A.1, grade: 1, text: Use addition and subtraction within 20 to solve word problems}

        """

    public static let description = RuleDescription(
        id: "above-grade-standard", family: .alignment, defaultSeverity: .info,
        summary: "a lesson's `standards` lists a standard of a later grade than its file's; it counts as `builds-towards`",
        rationale: """
            Publishers tag lessons with the next grade's standards to show where an idea is \\
            heading (EngageNY's grade-K lessons "align to" 1.OA.8). Counting such a tag as teaching \\
            the standard would hide the next grade's real first lesson from the progression checks \\
            and overstate what this grade covers. A later grade's standard in `standards` therefore \\
            counts as `builds-towards` (prepared, not taught), and this rule says so, so the author \\
            can confirm it. With `later-grade-standards: address` in the configuration (compacted \\
            or accelerated courses that do teach the later grade), it counts as addressed and is \\
            still reported. Assessments are left to `above-grade-assessment`.
            """,
        howToFix: """
            Move the code to `builds-towards:` to say what the lesson does; or, for a compacted \\
            course that teaches the later grade's standard, set `later-grade-standards: address` \\
            in .sequencelint.yml and turn this rule off.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: K
                units:
                  - id: story-problems
                    lessons:
                      - {id: story-01, kind: conceptual, standards: [K.OA.A.2, ↓1.OA.A.1]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: K
                units:
                  - id: story-problems
                    lessons:
                      - {id: story-01, kind: conceptual, standards: [K.OA.A.2], builds-towards: [1.OA.A.1]}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            for index in curriculum.lessons.indices where !standards.isAssessment[index] {
                let nodes = standards.lessonStandards[index]
                guard nodes.contains(where: { standards.isLaterGrade($0, inLesson: index) }) else { continue }
                let lesson = curriculum.lessons[index]
                let fileGrade = curriculum.file(ofLesson: index).grade.map(\.description) ?? "?"
                for (ref, node) in zip(lesson.standards, nodes) where standards.isLaterGrade(node, inLesson: index) {
                    let grade = standards.info(node, in: all)?.gradeLabel ?? Grade(rank: Int(standards.nodeGrade[Int(node)])).description
                    let counted = standards.addressLaterGrades
                        ? "`later-grade-standards: address` counts it as addressed"
                        : "it counts as building towards it, not as addressing it"
                    out.append(Self.report(message: "'\(lesson.id)' (grade \(fileGrade)) lists \(standards.describe(node, in: all)), a grade-\(grade) standard; \(counted)",
                        location: ref.location,
                        help: standards.addressLaterGrades
                            ? "if this course teaches it on purpose, nothing to change; otherwise move \(ref.text) to `builds-towards:`"
                            : "move \(ref.text) to `builds-towards:` to say so; a compacted course that teaches it sets `later-grade-standards: address` in .sequencelint.yml"))
                }
            }
        }
        return out
    }
}
