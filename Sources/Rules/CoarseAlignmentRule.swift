import SequenceLintKit

/// A lesson tagged with a domain or cluster instead of its standards.
public struct CoarseAlignmentRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP, level: domain, grade: 6, text: Ratios and Proportional Relationships}
          - {code: 6.RP.A, level: cluster, parent: 6.RP, text: Understand ratio concepts and use ratio reasoning to solve problems}
          - {code: 6.RP.A.1, parent: 6.RP.A, text: Understand the concept of a ratio}
          - {code: 6.RP.A.2, parent: 6.RP.A, text: Understand the concept of a unit rate}

        """

    public static let description = RuleDescription(
        id: "coarse-alignment", family: .alignment, defaultSeverity: .info,
        summary: "a lesson's `standards` lists a domain or cluster; it counts as `builds-towards`",
        rationale: """
            A tag naming a whole domain or cluster (`6.RP`, `6.RP.A`) does not say which standard \\
            the lesson teaches, so it cannot be checked for progression or counted for coverage: \\
            counting it as teaching every standard of the cluster would hide real gaps. It counts \\
            as `builds-towards` of that item, and this rule lists the item's standards so the \\
            author can name the ones the lesson teaches. A framework gives levels with `level:` \\
            (a CASE package with `CFItemType`). Assessments are not affected.
            """,
        howToFix: "Replace the domain or cluster with the standards the lesson teaches; keep it under `builds-towards:` if the lesson only prepares them.",
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [↓6.RP.A]}

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
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], builds-towards: [6.RP.A]}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            for index in curriculum.lessons.indices where !standards.isAssessment[index] {
                let nodes = standards.lessonStandards[index]
                guard nodes.contains(where: { standards.role(of: $0, inLesson: index) == .coarse }) else { continue }
                let lesson = curriculum.lessons[index]
                for (ref, node) in zip(lesson.standards, nodes) where standards.role(of: node, inLesson: index) == .coarse {
                    guard let (framework, local) = standards.standard(node, in: all) else { continue }
                    let item = framework.standards[Int(local)]
                    let codes = framework.descendants(of: local, at: .standard).compactMap { framework.standards[Int($0)].code }
                    let list = codes.count > 12 ? codes.prefix(12).joined(separator: ", ") + " and \(codes.count - 12) more" : codes.joined(separator: ", ")
                    out.append(Self.report(message: "'\(lesson.id)' lists \(standards.describe(node, in: all)), a \(item.level.rawValue), not a standard; it counts as building towards it, not as addressing any of its standards",
                        location: ref.location,
                        help: codes.isEmpty
                            ? "name the standards '\(lesson.id)' teaches instead, or move \(ref.text) to `builds-towards:`"
                            : "name the ones '\(lesson.id)' teaches instead: \(ref.text)'s standards are \(list); or move \(ref.text) to `builds-towards:`"))
                }
            }
        }
        return out
    }
}
