import SequenceLintKit

/// A YAML mapping that repeats a key.
public struct DuplicateKeyRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "duplicate-key", family: .input, defaultSeverity: .error,
        summary: "a YAML mapping repeats a key",
        rationale: """
            YAML tools disagree on which of two repeated keys wins, so a repeated `standards:` or \
            `requires:` silently drops half of what the writer meant. sequencelint keeps the first \
            value and reports the second.
            """,
        howToFix: "Remove one of the two keys, or merge their values into one.",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: u1
                    lessons:
                      - id: l1
                        kind: conceptual
                        standards: [6.RP.A.1]
                        ↓standards: [6.RP.A.2]

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: u1
                    lessons:
                      - id: l1
                        kind: conceptual
                        standards: [6.RP.A.1, 6.RP.A.2]

                """),
        ])

    /// Its findings are load problems, which the engine reports under this id; there is
    /// nothing to check once the files are read.
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}
