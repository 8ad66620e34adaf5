import SequenceLintKit

/// A file that is not valid YAML or passes a loader safety limit.
public struct YAMLSyntaxRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "yaml-syntax", family: .input, defaultSeverity: .error,
        summary: "the file is not valid YAML, or exceeds a safety limit (nesting depth, alias expansion, size)",
        rationale: """
            A curriculum map that cannot be read cannot be checked: every other rule is silent about \
            it. The loader also refuses files that are too large, nested too deeply or whose aliases \
            expand too far, so that a broken or hostile file cannot stall the run for everyone.
            """,
        howToFix: """
            Fix the YAML at the reported position. Common causes: a tab used for indentation, an \
            unclosed `[` or quote, a `key: value` line indented differently from its siblings.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: u1
                    lessons:
                      - id: l1
                ↓\tkind: conceptual

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: u1
                    lessons:
                      - {id: l1, kind: conceptual, standards: [6.RP.A.1]}

                """),
        ])

    /// Its findings are load problems, which the engine reports under this id; there is
    /// nothing to check once the files are read.
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}
