import SequenceLintKit

/// A standard taught but never assessed afterwards.
public struct UnassessedStandardRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "unassessed-standard", family: .alignment, defaultSeverity: .off,
        summary: "a standard is addressed but no later assessment assesses it",
        rationale: """
            What is taught but never assessed leaves teachers without evidence that students \
            learned it. Off by default, since many curricula assess outside the map; an \
            assessment of a standard's whole or of one of its parts counts.
            """,
        howToFix: "Add the standard to a later assessment, or add an assessment for it.",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1, ↓6.RP.A.2]}
                      - {id: ratios-check, kind: assessment, standards: [6.RP.A.1]}

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2]}
                      - {id: ratios-check, kind: assessment, standards: [6.RP.A.1, 6.RP.A.2]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            // Assessed after it is first taught: itself or a whole it is part of, or every one of its parts.
            var fully = [Bool](repeating: false, count: standards.count)
            for node in standards.topDown.reversed() {
                let i = Int(node)
                let parts = standards.children[i]
                fully[i] = standards.lastAssessedAbove[i] > standards.addressedAt[i]
                    || (!parts.isEmpty && parts.allSatisfy { fully[Int($0)] })
            }
            var judged = [Bool](repeating: false, count: standards.count)
            for index in curriculum.lessons.indices where curriculum.lessons[index].kind != .assessment {
                let lesson = curriculum.lessons[index]
                for (ref, listed) in zip(lesson.standards, standards.lessonStandards[lesson.position])
                    where standards.counts(listed, inLesson: index) {
                    // The largest standards not assessed: the listed one, or those of its parts that are not.
                    var stack: [Int32] = [listed]
                    while let node = stack.popLast() {
                        guard !judged[Int(node)] else { continue }
                        judged[Int(node)] = true
                        if fully[Int(node)] { continue }
                        let parts = standards.children[Int(node)]
                        if parts.contains(where: { fully[Int($0)] }) {
                            stack.append(contentsOf: parts.reversed())
                            continue
                        }
                        out.append(diagnostic(node, fallback: ref, lesson: lesson, curriculum: curriculum, standards: standards, all: all))
                    }
                }
            }
        }
        return out
    }

    private func diagnostic(_ node: Int32, fallback ref: Ref, lesson: Lesson, curriculum: Curriculum,
                            standards: CurriculumStandards, all: [Framework]) -> Diagnostic {
        let first = standards.addressedAt[Int(node)]
        // Point at the entry that first teaches it: its own, or its whole's, in that lesson.
        let teacher = first == CurriculumStandards.never ? lesson : curriculum.lessons[Int(first)]
        var anchor = ref
        for (other, otherNode) in zip(teacher.standards, standards.lessonStandards[teacher.position])
            where standards.counts(otherNode, inLesson: teacher.position) {
            var up = node
            while up >= 0, up != otherNode { up = standards.parent[Int(up)] }
            if up >= 0 { anchor = other; break }
        }
        let code = standards.code[Int(node)] ?? ref.text
        return Self.report(message: "\(standards.describe(node, in: all)) is taught from '\(teacher.id)' on, but no later assessment assesses it",
            location: anchor.location, help: "list \(code) in a later assessment's `standards`")
    }
}
