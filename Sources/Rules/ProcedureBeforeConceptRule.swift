import SequenceLintKit

/// A procedure taught before the concept behind it.
public struct ProcedureBeforeConceptRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "procedure-before-concept", family: .balance, defaultSeverity: .warning,
        summary: "a procedural lesson addresses a standard no earlier conceptual lesson addresses",
        rationale: """
            Procedures learned before the ideas behind them are memorised rather than understood, \
            and are hard to extend later. For each standard, the first procedural lesson on it \
            should come after a conceptual lesson on it. Only the first such procedural lesson \
            per standard is reported.
            """,
        howToFix: "Teach a conceptual lesson on the standard first: move the conceptual lesson earlier, or add one.",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: procedural, standards: [↓6.RP.A.1]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-03, kind: procedural, standards: [6.RP.A.1, ↓6.RP.A.2]}

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1]}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.2]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            // With a framework, a conceptual lesson on a whole covers its parts, and on all parts the whole.
            let conceptualAt = standards.firstAddressed(in: curriculum) { $0 == .conceptual }
            var judged = [Bool](repeating: false, count: standards.count)
            for index in curriculum.lessons.indices where curriculum.lessons[index].kind == .procedural {
                let lesson = curriculum.lessons[index]
                // An unknown code is `unknown-standard`'s to report, not a standard to teach.
                for (ref, node) in zip(lesson.standards, standards.lessonStandards[lesson.position])
                    where standards.counts(node, inLesson: index) && (standards.frameworks.isEmpty || standards.isKnown(node)) {
                    guard !judged[Int(node)] else { continue }
                    judged[Int(node)] = true
                    let first = conceptualAt[Int(node)]
                    if first < Int32(lesson.position) { continue }
                    if first != CurriculumStandards.never {
                        let other = curriculum.lessons[Int(first)]
                        // Point at the conceptual lesson's entry for the same code when it has one.
                        let entry = zip(other.standards, standards.lessonStandards[other.position])
                            .first { $0.1 == node && standards.counts(node, inLesson: other.position) }?.0
                        out.append(Self.report(message: "procedural lesson '\(lesson.id)' addresses \(standards.describe(node, in: context.model.frameworks)) before any conceptual lesson does; the first, '\(other.id)', is taught \(curriculum.distance(from: lesson.position, to: other.position))",
                            location: ref.location,
                            notes: [Note("'\(other.id)' is the first conceptual lesson on \(entry?.text ?? ref.text)", at: entry?.location ?? other.idLocation)],
                            help: "move '\(other.id)' before '\(lesson.id)', or add a conceptual lesson on \(ref.text) before it"))
                    } else {
                        out.append(Self.report(message: "procedural lesson '\(lesson.id)' addresses \(standards.describe(node, in: context.model.frameworks)), which no conceptual lesson addresses",
                            location: ref.location,
                            help: "add a conceptual lesson on \(ref.text) before '\(lesson.id)'"))
                    }
                }
            }
        }
        return out
    }
}
