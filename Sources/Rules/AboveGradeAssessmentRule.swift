import SequenceLintKit

/// An assessment holds students accountable for a standard of a later grade than its file's.
public struct AboveGradeAssessmentRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP.A.1, grade: 6, text: Understand the concept of a ratio}
          - {code: 7.RP.A.1, grade: 7, text: Compute unit rates associated with ratios of fractions}
          - {code: HSA-SSE.A.1, grade: HS, text: Interpret expressions that represent a quantity in terms of its context}

        """

    public static let description = RuleDescription(
        id: "above-grade-assessment", family: .alignment, defaultSeverity: .warning,
        summary: "an assessment assesses a standard whose framework grade is later than its file's grade (a band by its earliest grade); codes matching an `allow` glob are exempt",
        rationale: """
            An assessment says what students of the grade are accountable for. A lesson may point \
            at a later grade's standard to say where an idea is heading (it counts as \
            `builds-towards`), but an assessment that assesses one grades students on content \
            their grade does not teach, and its results then misreport what they learned. \
            Curriculum reviews check this first (EdReports' indicator 1a: assessments of the \
            grade's standards). A band counts from its earliest grade: `HS` (grades 9-12) is \
            later than grade 8. Compacted and accelerated courses that assess a later grade's \
            standards on purpose list them in `allow`.
            """,
        howToFix: """
            Remove the code (or the item) from the assessment, and assess the standard in the grade \
            that teaches it. A course that assesses it on purpose adds a glob matching its code to \
            the rule's `allow` option (`allow: ["7.RP.*"]`).
            """,
        options: [
            .list("allow", default: [], "globs over standard codes an assessment may assess above its grade (`7.RP.*`, `HS*`); a code without `*` or `?` matches as codes do"),
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
                      - {id: ratios-quiz, kind: assessment, standards: [6.RP.A.1, ↓7.RP.A.1]}

                """, framework: framework),
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 8
                units:
                  - id: expressions
                    lessons:
                      - {id: expr-01, kind: conceptual, standards: [7.RP.A.1]}
                      - {id: expr-test, kind: assessment, standards: [7.RP.A.1, ↓HSA-SSE.A.1]}

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
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], builds-towards: [7.RP.A.1]}
                      - {id: ratios-quiz, kind: assessment, standards: [6.RP.A.1]}

                """, framework: framework),
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-quiz, kind: assessment, standards: [6.RP.A.1, 7.RP.A.1]}

                """, framework: framework, configuration: "rules:\n  above-grade-assessment: {allow: [\"7.RP.*\"]}\n"),
        ])

    /// "grade 7", or for a band "grades 9-12".
    static func grades(of standard: Standard) -> String {
        guard let low = standard.grade else { return "no grade" }
        let high = standard.highestGrade ?? low
        return high == low ? "grade \(low)" : "grades \(low)-\(high)"
    }

    /// "a grade-7 standard", or for a band "a standard of grades 9-12".
    static func kind(of standard: Standard) -> String {
        guard let low = standard.grade else { return "a standard of no grade" }
        let high = standard.highestGrade ?? low
        return high == low ? "a grade-\(low) standard" : "a standard of grades \(low)-\(high)"
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let all = context.model.frameworks
        let allow = context.strings("allow", of: d)
        let loose = context.configuration.looseMatching
        func allowed(_ code: String, written: String) -> Bool {
            allow.contains { pattern in
                if pattern.contains("*") || pattern.contains("?") {
                    return Glob.matches(pattern, code) || Glob.matches(pattern, written)
                }
                return pattern == code || pattern == written || (loose && StandardCode.looseKey(pattern) == StandardCode.looseKey(code))
            }
        }
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            for index in curriculum.lessons.indices where standards.isAssessment[index] {
                let fileGrade = standards.lessonGrade[index]
                guard fileGrade != CurriculumStandards.noGrade else { continue }
                let lesson = curriculum.lessons[index]
                for (ref, node) in zip(lesson.standards, standards.lessonStandards[index]) {
                    let g = standards.nodeGrade[Int(node)]
                    guard standards.isKnown(node), g != CurriculumStandards.noGrade, g > fileGrade,
                          let info = standards.info(node, in: all) else { continue }
                    let code = standards.code[Int(node)] ?? ref.text
                    if allowed(code, written: ref.text) { continue }
                    let grade = Grade(rank: Int(fileGrade))
                    let of = Self.grades(of: info)
                    out.append(Self.report(message: "assessment '\(lesson.id)' (grade \(grade)) assesses \(standards.describe(node, in: all)), \(Self.kind(of: info))",
                        location: ref.location,
                        help: "remove \(ref.text) from '\(lesson.id)' and assess it in \(of), where it is taught; a course that assesses it on purpose adds \"\(code)\" (or a glob) to `allow` of above-grade-assessment"))
                }
            }
        }
        return out
    }
}
