import SequenceLintKit

/// A teaching lesson that addresses only standards of other grades than its file's.
public struct OffGradeLessonRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 5.NF.B.4, grade: 5, text: Multiply a fraction or whole number by a fraction}
          - {code: 6.NS.A.1, grade: 6, text: Interpret and compute quotients of fractions}
          - {code: 6.RP.A.1, grade: 6, text: Understand the concept of a ratio}
          - {code: 6.MP.1, text: Make sense of problems and persevere in solving them}

        """

    public static let description = RuleDescription(
        id: "off-grade-lesson", family: .alignment, defaultSeverity: .info,
        summary: "a lesson other than an assessment or review addresses known standards, all of a framework grade other than its file's (the message says earlier or later)",
        rationale: """
            A grade's time belongs to the grade's standards. A lesson that addresses only an \
            earlier grade's standards reteaches instead of building on them, and one that \
            addresses only a later grade's takes time from this grade's work; curriculum reviews \
            count such lessons (EdReports' indicator 1f). Reviews and assessments are exempt, and \
            so is a lesson with one standard of its own grade, or with a standard the framework \
            gives no grade. A band (`HS`, `6-8`) is of each of its grades. Codes that count as \
            `builds-towards` (a later grade's standard, unless `later-grade-standards: address`; \
            a domain or cluster) are not addressed, so they are not counted.
            """,
        howToFix: """
            If the lesson reviews earlier work, make it `kind: review`; if it uses earlier work \
            to reach this grade's, list the earlier codes under `builds-on:` and the grade's \
            standard it addresses under `standards:`. A lesson on a later grade's work moves to \
            that grade, or lists the codes under `builds-towards:`.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: fractions
                    lessons:
                      - id: ↓fractions-01
                        kind: conceptual
                        standards: [5.NF.B.4]
                      - {id: fractions-02, kind: conceptual, standards: [6.NS.A.1]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: fractions
                    lessons:
                      - {id: fractions-00, kind: review, standards: [5.NF.B.4]}
                      - {id: fractions-01, kind: conceptual, standards: [5.NF.B.4, 6.NS.A.1]}
                      - {id: fractions-02, kind: conceptual, standards: [5.NF.B.4, 6.MP.1]}
                      - {id: fractions-03, kind: conceptual, builds-on: [5.NF.B.4], standards: [6.NS.A.1]}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            lessons: for index in curriculum.lessons.indices {
                let lesson = curriculum.lessons[index]
                guard lesson.kind != .assessment, lesson.kind != .review, let grade = curriculum.file(ofLesson: index).grade else { continue }
                var nodes: [Int32] = []
                for node in standards.lessonStandards[index]
                    where standards.isKnown(node) && standards.counts(node, inLesson: index) && !nodes.contains(node) {
                    nodes.append(node)
                }
                guard !nodes.isEmpty else { continue }
                var earlier = false, later = false
                var labels: [(Grade, String)] = []
                for node in nodes {
                    // A standard without a grade is of no other grade; a band is of each of its grades.
                    guard let info = standards.info(node, in: all), let low = info.grade else { continue lessons }
                    let high = info.highestGrade ?? low
                    if high < grade { earlier = true } else if low > grade { later = true } else { continue lessons }
                    let label = high == low ? low.description : (info.gradeLabel ?? "\(low)-\(high)")
                    if !labels.contains(where: { $0.1 == label }) { labels.append((low, label)) }
                }
                labels.sort { $0.0 < $1.0 }
                let direction = earlier && later ? "earlier and later grades" : labels.count > 1 ? (earlier ? "earlier grades" : "later grades")
                    : (earlier ? "an earlier grade" : "a later grade")
                let shown = nodes.prefix(4).map { standards.describe($0, in: all) } + (nodes.count > 4 ? ["\(nodes.count - 4) more"] : [])
                let help: String
                if later && !earlier {
                    help = "move '\(lesson.id)' to the grade whose standards it teaches, or list them under `builds-towards:` if it only prepares them"
                } else {
                    help = "if '\(lesson.id)' reviews earlier work, make it `kind: review`; if it builds on it, list \(nodes.count == 1 ? "the code" : "the codes") under `builds-on:` and add the grade-\(grade) standard it addresses to `standards:`"
                }
                out.append(Self.report(message: "'\(lesson.id)' (grade \(grade)) addresses only standards of \(direction) (\(labels.map(\.1).andList)): \(shown.andList)",
                    location: lesson.idLocation, help: help))
            }
        }
        return out
    }
}
