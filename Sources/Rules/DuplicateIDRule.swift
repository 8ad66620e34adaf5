import SequenceLintKit

/// A unit or lesson id defined twice in one curriculum.
public struct DuplicateIDRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "duplicate-id", family: .input, defaultSeverity: .error,
        summary: "a unit or lesson id is defined twice in one curriculum (or a code twice in one framework)",
        rationale: """
            `requires` names lessons and units by id. When two share an id, a requirement silently \
            points at whichever comes first, and every check of order and coverage is about the \
            wrong lesson. Lessons and units share one namespace across all files of a curriculum.
            """,
        howToFix: "Give one of the two a new id (and update the `requires` entries meant for it).",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ↓ratios-01, kind: procedural, standards: [6.RP.A.1]}
                  - id: rates
                    lessons:
                      - {id: ↓ratios, kind: conceptual, standards: [6.RP.A.2]}

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

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        // A framework's own findings are load problems, which the engine reports under this id.
        var out: [Diagnostic] = []
        // Two loaded frameworks with one id: a curriculum's `framework:` could mean either.
        var firstWithID: [String: Framework] = [:]
        for framework in context.model.frameworks {
            if let first = firstWithID[framework.id] {
                out.append(Self.report(message: "framework id '\(framework.id)' is also the id of \(first.path); `framework: \(framework.id)` selects that one",
                    location: framework.idLocation,
                    notes: [Note("'\(framework.id)' is first defined here", at: first.idLocation)],
                    help: "give one framework another id, or load only one of them"))
            } else {
                firstWithID[framework.id] = framework
            }
        }
        for curriculum in context.model.curricula {
            for (later, first) in curriculum.duplicates {
                let id = curriculum.id(of: later)
                let what: String
                switch first {
                case .lesson: what = "a lesson"
                case .unit: what = "a unit"
                }
                out.append(Self.report(message: "duplicate id '\(id)': \(what) of curriculum '\(curriculum.id)' already has it",
                    location: curriculum.idLocation(of: later),
                    notes: [Note("'\(id)' is first defined here", at: curriculum.idLocation(of: first))],
                    help: "give one of them another id; `requires: [\(id)]` means the first"))
            }
        }
        return out
    }
}
