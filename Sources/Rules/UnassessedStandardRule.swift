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
        let d = Self.description
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            var judged = Set<Int32>()
            for lesson in curriculum.lessons where lesson.kind != .assessment {
                for (ref, node) in zip(lesson.standards, standards.lessonStandards[lesson.position]) {
                    guard judged.insert(node).inserted else { continue }
                    let first = standards.addressedAt[Int(node)]
                    if standards.lastAssessedAt[Int(node)] > first { continue }
                    // Point at the entry that first teaches it: its own, or its whole's in an earlier lesson.
                    let teacher = first == CurriculumStandards.never ? lesson : curriculum.lessons[Int(first)]
                    var anchor = ref
                    for (other, otherNode) in zip(teacher.standards, standards.lessonStandards[teacher.position]) {
                        var up = node
                        while up >= 0, up != otherNode { up = standards.parent[Int(up)] }
                        if up >= 0 { anchor = other; break }
                    }
                    out.append(Diagnostic(
                        rule: d.id, severity: d.defaultSeverity,
                        message: "\(standards.describe(node, in: all)) is taught from '\(teacher.id)' on, but no later assessment assesses it",
                        location: anchor.location, help: "list \(ref.text) in a later assessment's `standards`"))
                }
            }
        }
        return out
    }
}
