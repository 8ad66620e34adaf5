import SequenceLintKit

/// A lesson, other than a review, that names no standard.
public struct UntaggedLessonRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "untagged-lesson", family: .alignment, defaultSeverity: .info,
        summary: "a lesson other than a review addresses no standards",
        rationale: """
            A lesson without standards is invisible to every alignment check: nothing can say \
            whether what it teaches comes in order, is assessed or is needed. Reviews are exempt, \
            since they revisit rather than teach. A lesson whose only codes count as \
            `builds-towards` (a later grade's standard, a domain or cluster) addresses nothing.
            """,
        howToFix: "List the standard codes the lesson addresses under `standards:` (or assesses, for an assessment).",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - id: ↓ratios-01
                        kind: conceptual
                      - {id: ↓ratios-02, kind: assessment, standards: []}

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
                      - {id: ratios-02, kind: review}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            // A lesson whose entries all count as `builds-towards` (a later grade's standard, a
            // cluster) addresses nothing either.
            for index in curriculum.lessons.indices where curriculum.lessons[index].kind != .review && !standards.addressesAnything(index) {
                let lesson = curriculum.lessons[index]
                let verb = lesson.kind == .assessment ? "assesses" : "addresses"
                let towards = lesson.standards.map(\.text) + lesson.buildsTowards.map(\.text)
                var message = "lesson '\(lesson.id)' \(verb) no standards"
                if !towards.isEmpty { message += "; it only builds towards \(towards.andList)" }
                out.append(Self.report(message: message, location: lesson.idLocation,
                                      help: "list the codes it \(lesson.kind == .assessment ? "assesses" : "teaches") under `standards:`"
                                        + (towards.isEmpty ? "" : "; a lesson that only prepares later work can stay as it is")))
            }
        }
        return out
    }
}
