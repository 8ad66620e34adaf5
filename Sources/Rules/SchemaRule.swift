import SequenceLintKit

/// A curriculum map that does not follow the format.
public struct SchemaRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "schema", family: .input, defaultSeverity: .error,
        summary: "unknown key (\"did you mean\"), wrong type, missing required field, invalid kind, grade or id",
        rationale: """
            A misspelled key is not an error to a YAML parser: `requries:` is simply ignored, and the \
            lesson loses its prerequisites without anyone noticing. Checking every key, type and \
            value against the format keeps what the writer meant in the sequence that is checked.
            """,
        howToFix: """
            Use the keys and values of the format (`sequencelint explain schema`, docs/format.md): a \
            curriculum map has curriculum, title, framework, grade, sequence, assumes and units; a unit \
            id, title and lessons; a lesson id, title, kind, standards, requires, minutes and practices.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: u1
                    lessons:
                      - id: l1
                        kind: ↓conceptuel
                        standards: [6.RP.A.1]
                        ↓requries: [l0]
                      - ↓id: l2
                        standards: [6.RP.A.1]
                        minutes: ↓forty

                """),
            RuleExample("""
                curriculum: demo
                grade: ↓13
                units:
                  - id: u1
                    lessons: [{id: l1, kind: review}]

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: K
                sequence: 2
                units:
                  - id: u1
                    lessons:
                      - id: l1
                        kind: conceptual
                        standards: 6.RP.A.1
                        minutes: 45
                        practices: [identity]

                """),
        ])

    /// Its findings are load problems, which the engine reports under this id; there is
    /// nothing to check once the files are read.
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}
