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
        let d = Self.description
        var out: [Diagnostic] = []
        for curriculum in context.model.curricula {
            // The first conceptual lesson on each standard, and where it names it.
            var firstConceptual: [String: (lesson: Int, ref: Ref)] = [:]
            for lesson in curriculum.lessons where lesson.kind == .conceptual {
                for ref in lesson.standards {
                    let key = StandardCode.looseKey(ref.text)
                    if firstConceptual[key] == nil { firstConceptual[key] = (lesson.position, ref) }
                }
            }
            var judged = Set<String>()
            for lesson in curriculum.lessons where lesson.kind == .procedural {
                for ref in lesson.standards {
                    let key = StandardCode.looseKey(ref.text)
                    guard judged.insert(key).inserted else { continue }
                    let concept = firstConceptual[key]
                    if let concept, concept.lesson < lesson.position { continue }
                    if let concept {
                        let other = curriculum.lessons[concept.lesson]
                        out.append(Diagnostic(
                            rule: d.id, severity: d.defaultSeverity,
                            message: "procedural lesson '\(lesson.id)' addresses \(ref.text) before any conceptual lesson does; the first, '\(other.id)', is taught \(curriculum.distance(from: lesson.position, to: other.position))",
                            location: ref.location,
                            notes: [Note("'\(other.id)' is the first conceptual lesson on \(concept.ref.text)", at: concept.ref.location)],
                            help: "move '\(other.id)' before '\(lesson.id)', or add a conceptual lesson on \(ref.text) before it"))
                    } else {
                        out.append(Diagnostic(
                            rule: d.id, severity: d.defaultSeverity,
                            message: "procedural lesson '\(lesson.id)' addresses \(ref.text), which no conceptual lesson addresses",
                            location: ref.location,
                            help: "add a conceptual lesson on \(ref.text) before '\(lesson.id)'"))
                    }
                }
            }
        }
        return out
    }
}
