import SequenceLintKit

/// An inline suppression that suppresses nothing, or names an unknown rule.
///
/// The engine reports it after every other rule has run, since whether a suppression is used
/// depends on their findings; `check` itself has nothing to add.
public struct UnusedSuppressionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "unused-suppression", family: .input, defaultSeverity: .warning,
        summary: "an inline suppression suppressed nothing, or names an unknown rule",
        rationale: """
            A suppression outlives the problem it hid: once the lesson is fixed or moved, the \
            comment silently hides the next real problem on that line. Reporting suppressions \
            that hide nothing (and misspelled rule ids, which never hide anything) keeps them honest.
            """,
        howToFix: "Remove the comment (or the rule id that hides nothing), or correct the rule id.",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}  ↓# sequencelint-disable-line empty-unit
                      - {id: ratios-02, kind: review}  # sequencelint-disable-line ↓empty-unt

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios  # sequencelint-disable-line empty-unit -- lessons arrive next term
                    lessons: []
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, title: "not a # sequencelint-disable-line comment", standards: [6.RP.A.2]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}
