import SequenceLintKit

/// A lesson that requires something taught at the same point or later.
public struct PrerequisiteOrderRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "prerequisite-order", family: .progression, defaultSeverity: .error,
        summary: "a lesson requires a lesson or unit that is taught at the same point or later",
        rationale: """
            A lesson that uses an idea taught later is the most common break in a scope and \
            sequence: students meet the lesson without what it builds on, and teachers find out \
            in class. Teaching order is grade, then `sequence`, then file path, then unit and \
            lesson position; a unit is taught once all its lessons are. Requirements inside a \
            cycle are left to `prerequisite-cycle`.
            """,
        howToFix: "Move the required lesson (or unit) before the lesson that needs it, or the lesson after it, or drop the requirement.",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], requires: [↓ratios-02]}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1]}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.1], requires: [ratios-01, ↓rates]}
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, standards: [6.RP.A.2]}

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
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], requires: [ratios-01]}
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, standards: [6.RP.A.2], requires: [ratios]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (curriculum, graph) in zip(context.model.curricula, context.graphs) {
            for here in curriculum.lessons.indices where !curriculum.lessons[here].requires.isEmpty {
                let lesson = curriculum.lessons[here]
                for (e, ref) in lesson.requires.enumerated() {
                    let target = Int(graph.entryTarget[here][e])
                    guard target >= 0, curriculum.lastPosition(of: target, in: graph) >= here else { continue }
                    // A unit is taught once all its lessons are: an empty one is, vacuously (FORMAT.md).
                    if case .unit(let u) = graph.item(target), curriculum.units[u].lessons.isEmpty { continue }
                    if graph.isOnCycle(here), graph.component[here] == graph.component[target] { continue }
                    out.append(diagnostic(lesson, ref: ref, target: target, curriculum: curriculum, graph: graph))
                }
            }
        }
        return out
    }

    private func diagnostic(_ lesson: Lesson, ref: Ref, target: Int, curriculum: Curriculum, graph: PrerequisiteGraph) -> Diagnostic {
        let item = graph.item(target)
        let needed = curriculum.describe(item)
        let first = curriculum.firstPosition(of: target, in: graph)
        let message: String
        let note: Note
        switch item {
        case .lesson:
            message = first == lesson.position
                ? "'\(lesson.id)' requires \(needed), which is taught at the same point"
                : "'\(lesson.id)' requires \(needed), which is taught \(curriculum.distance(from: lesson.position, to: first))"
            note = Note("\(needed) is taught here", at: curriculum.idLocation(of: item))
        case .unit:
            message = "'\(lesson.id)' requires \(needed), which starts \(curriculum.distance(from: lesson.position, to: first))"
            note = Note("\(needed) is taught here", at: curriculum.idLocation(of: item))
        }
        return Self.report(message: message,
                          location: ref.location, notes: [note],
                          help: "move \(needed) before '\(lesson.id)', or '\(lesson.id)' after \(needed); if it is not needed, remove it from `requires`")
    }
}
