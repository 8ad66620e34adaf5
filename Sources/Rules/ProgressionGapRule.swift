import SequenceLintKit

/// A standard taught before a framework prerequisite of it.
public struct ProgressionGapRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP.A.1, grade: 6, text: Understand ratios and ratio language}
          - {code: 6.RP.A.2, grade: 6, text: Understand unit rates, requires: [6.RP.A.1]}
          - {code: 6.RP.A.3, grade: 6, text: Solve problems with ratio and rate reasoning, requires: [6.RP.A.1, 6.RP.A.2]}
          - {code: 5.NF.B.5, grade: 5, text: Interpret multiplication as scaling}
          - {code: 6.RP.A.3.a, parent: 6.RP.A.3, text: Make tables of equivalent ratios}

        """

    public static let description = RuleDescription(
        id: "progression-gap", family: .progression, defaultSeverity: .warning,
        summary: "at the first lesson addressing a standard, a framework prerequisite of it is not taught or assumed, and the standard does not come back after the prerequisite",
        rationale: """
            A framework's progression says which ideas a standard builds on: unit rates build on \
            ratios. When a sequence addresses a standard before its prerequisites, students meet \
            it without the ground it stands on. Teaching a prerequisite in the same lesson counts \
            (co-teaching is allowed); standards of grades before the curriculum's first grade \
            count as prior knowledge unless `assume-earlier-grades` is false; `assumes` in a \
            curriculum or the configuration lists other prior knowledge. A prerequisite counts as \
            taught once it, one of its parts or a whole it belongs to is addressed: a learner who \
            has met part of an idea can build on it. A standard taught in passes (a first pass \
            before the prerequisite, the standard again after it) is an `early-pass` (info), not a \
            gap. One diagnostic per lesson and standard, listing every missing prerequisite, at \
            the first lesson that addresses the standard (itself, a part or a whole).
            """,
        howToFix: """
            Teach the prerequisite first (move its lesson earlier, or add one), or teach both in \
            one lesson. If an earlier lesson already teaches the prerequisite, tag it there. If \
            this lesson only previews the standard (a warm-up, a number talk), move the code to \
            `builds-towards:`. If students bring the prerequisite from before, list it under \
            `assumes:`.
            """,
        options: [
            .flag("assume-earlier-grades", default: true,
                       "standards of grades before the curriculum's first count as taught (also for `early-pass` and `builds-on-untaught`)"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [↓6.RP.A.2]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-03, kind: conceptual, standards: [6.RP.A.3]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.2]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.3]}

                """, framework: framework),
            // A part of a prerequisite teaches it enough to build on.
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.2]}
                      - {id: ratios-03, kind: conceptual, standards: [6.RP.A.3.a]}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        ProgressionAnalysis.findings(context).filter { !$0.isEarlyPass }
            .map { ProgressionAnalysis.diagnostic($0, rule: Self.description, context: context) }
    }
}
