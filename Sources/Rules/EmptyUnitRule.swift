import SequenceLintKit

/// A unit with no lessons.
public struct EmptyUnitRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "empty-unit", family: .balance, defaultSeverity: .warning,
        summary: "a unit has no lessons",
        rationale: """
            An empty unit is usually a placeholder that was never written, or lessons that were \
            moved away. A unit that others require but that teaches nothing satisfies those \
            requirements without teaching anything.
            """,
        howToFix: "Add the unit's lessons, or remove the unit (and requirements that name it).",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ↓ratios
                    lessons: []
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
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, standards: [6.RP.A.2]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for curriculum in context.model.curricula {
            for unit in curriculum.units where unit.isWrittenEmpty && !unit.id.isEmpty {
                out.append(Self.report(message: "unit '\(unit.id)' has no lessons", location: unit.idLocation,
                                      help: "add its lessons under `lessons:`, or remove the unit"))
            }
        }
        return out
    }
}
