import SequenceLintKit

/// A unit without a lesson tagged with a required practice.
public struct RequiredPracticeRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "required-practice", family: .alignment, defaultSeverity: .off,
        summary: "a unit has no lesson tagged with one of the configured `practices` (e.g. `identity`)",
        rationale: """
            Some commitments belong in every unit, not once a year: building students' identity \
            as capable mathematicians, discourse, modeling. Tagging lessons with `practices` and \
            turning this rule on makes a unit that forgets them visible.
            """,
        howToFix: "Tag a lesson of the unit that does the work with one of the practices (`practices: [identity]`), or add one.",
        options: [
            .list("practices", default: ["identity"], "a unit needs a lesson tagged with at least one of these"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ↓ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], practices: [discourse]}

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], practices: [discourse, identity]}
                  - id: empty
                    lessons: []

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let practices = context.strings("practices", of: d)
        guard !practices.isEmpty else { return [] }
        let wanted = Set(practices)
        let list = practices.map { "'\($0)'" }.orList
        var out: [Diagnostic] = []
        for curriculum in context.model.curricula {
            // An empty unit is `empty-unit`'s to report.
            for unit in curriculum.units where !unit.id.isEmpty && !unit.lessons.isEmpty {
                if unit.lessons.contains(where: { curriculum.lessons[$0].practices.contains(where: wanted.contains) }) { continue }
                out.append(Self.report(message: "unit '\(unit.id)' has no lesson tagged with \(list)", location: unit.idLocation,
                                      help: "tag the lesson that does this work with `practices: [\(practices[0])]`"))
            }
        }
        return out
    }
}
