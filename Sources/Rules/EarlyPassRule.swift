import SequenceLintKit

/// A standard taught in passes: a first pass comes before a prerequisite, and the standard comes back after it.
public struct EarlyPassRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "early-pass", family: .progression, defaultSeverity: .info,
        summary: "a standard is first addressed before a framework prerequisite is taught, and addressed again after it (a first pass)",
        rationale: """
            Published curricula teach many standards in passes: Eureka Math's grade-4 Module 2 \\
            teaches the whole-number half of 4.MD.A.2, and the fraction half comes back in Module 7, \\
            after the fraction standards it needs. The first pass comes before a prerequisite by \\
            design, and the sequence is coherent as long as the standard returns once the \\
            prerequisite is taught. This rule says where that happens, so an author can check the \\
            first pass asks only what students can do then; a standard that never comes back is a \\
            `progression-gap` instead. Earlier grades count as prior knowledge as \\
            `progression-gap`'s `assume-earlier-grades` says.
            """,
        howToFix: """
            Nothing, when the first pass is deliberate. If the earlier lesson only previews the \\
            standard, move its code to `builds-towards:` so the later lesson is the one that \\
            addresses it; or teach the prerequisite before the first pass.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 4
                units:
                  - id: measurement
                    lessons:
                      - {id: measure-01, kind: conceptual, standards: [↓4.MD.A.2]}
                  - id: fractions
                    lessons:
                      - {id: fractions-01, kind: conceptual, standards: [4.NF.B.3]}
                      - {id: measure-02, kind: application, standards: [4.MD.A.2]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 4
                units:
                  - id: fractions
                    lessons:
                      - {id: fractions-01, kind: conceptual, standards: [4.NF.B.3]}
                  - id: measurement
                    lessons:
                      - {id: measure-01, kind: conceptual, standards: [4.MD.A.2]}
                      - {id: measure-02, kind: application, standards: [4.MD.A.2]}

                """, framework: framework),
        ])

    static let framework = """
        framework: demo-math
        standards:
          - {code: 4.NF.B.3, grade: 4, text: Understand a fraction a/b with a > 1 as a sum of fractions 1/b}
          - {code: 4.MD.A.2, grade: 4, text: Solve measurement word problems with whole numbers and simple fractions, requires: [4.NF.B.3]}

        """

    public func check(_ context: LintContext) -> [Diagnostic] {
        ProgressionAnalysis.findings(context).filter(\.isEarlyPass)
            .map { ProgressionAnalysis.diagnostic($0, rule: Self.description, context: context) }
    }
}
