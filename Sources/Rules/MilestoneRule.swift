import SequenceLintKit

/// A configured milestone not reached on time.
public struct MilestoneRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.EE.A.1, grade: 6}
          - {code: 6.EE.A.2, grade: 6}
          - {code: 6.RP.A.1, grade: 6}

        """

    public static let description = RuleDescription(
        id: "milestone", family: .alignment, defaultSeverity: .error,
        summary: "a configured milestone's standards are not all addressed by the end of its `by-grade`",
        rationale: """
            Some content is required on time: algebra and geometry fundamentals by the end of \
            grade 9, for example. A milestone in .sequencelint.yml names the standards (codes or \
            globs such as `8.EE.*`) and the grade by whose end each must be addressed or assumed. \
            A curriculum is judged when it reaches that grade.
            """,
        howToFix: "Teach the listed standards by the end of the milestone's grade, or change the milestone.",
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: expressions
                    lessons:
                      - {id: expressions-01, kind: conceptual, standards: [6.EE.A.1, 6.RP.A.1]}

                """, framework: framework, configuration: """
                milestones:
                  - name: ↓Expressions by grade 6
                    by-grade: 6
                    standards: ["6.EE.*"]

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: expressions
                    lessons:
                      - {id: expressions-01, kind: conceptual, standards: [6.EE.A.1, 6.EE.A.2]}

                """, framework: framework, configuration: """
                milestones:
                  - name: Expressions by grade 6
                    by-grade: 6
                    standards: ["6.EE.*"]

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for milestone in context.configuration.milestones {
            for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
                guard let last = curriculum.files.compactMap(\.grade).max(), last >= milestone.byGrade else { continue }
                // A glob matches framework codes; a plain code matches as codes do (FORMAT.md).
                var matched: [Int32] = []
                var seen = Set<Int32>()
                var empty: [(String, Location)] = []
                for (k, pattern) in milestone.standards.enumerated() {
                    var hits = 0
                    func take(_ node: Int32) {
                        hits += 1
                        if seen.insert(node).inserted { matched.append(node) }
                    }
                    if pattern.contains("*") || pattern.contains("?") {
                        // A glob counts standards and their parts, not the domains and clusters it also matches.
                        for node in 0..<Int32(standards.frameworkNodeCount) where !standards.isCoarse[Int(node)] {
                            if let code = standards.code[Int(node)], Glob.matches(pattern, code) { take(node) }
                        }
                    } else {
                        for (offset, f) in standards.frameworks.enumerated() {
                            if let i = all[f].lookup(pattern, looseMatching: context.configuration.looseMatching) {
                                take(i + Int32(standards.offset(ofFramework: offset)))
                                break
                            }
                        }
                    }
                    if hits == 0 {
                        empty.append((pattern, k < milestone.standardLocations.count ? milestone.standardLocations[k] : milestone.location))
                    }
                }
                for (pattern, at) in empty {
                    out.append(Self.report(message: "milestone '\(milestone.name)': '\(pattern)' names no standard of the frameworks of '\(curriculum.id)'",
                                          location: at, help: "correct the code or glob"))
                }
                if matched.isEmpty { continue }
                // Lessons up to the end of by-grade are a prefix of the teaching order.
                var end = 0
                for file in curriculum.files where (file.grade.map { $0 <= milestone.byGrade } ?? false) {
                    for u in file.units { end = max(end, curriculum.units[u].lessons.upperBound) }
                }
                let missing = matched.filter {
                    !standards.isAvailable($0, at: end - 1, assumeEarlierGrades: true, in: all)
                }
                guard !missing.isEmpty else { continue }
                let codes = missing.map { standards.code[Int($0)]! }
                let shown = codes.count > 12 ? codes.prefix(12).joined(separator: ", ") + " and \(codes.count - 12) more" : codes.joined(separator: ", ")
                out.append(Self.report(message: "milestone '\(milestone.name)' is not met by '\(curriculum.id)': \(codes.count) of \(matched.count) standard\(matched.count == 1 ? "" : "s") \(codes.count == 1 ? "is" : "are") not addressed by the end of grade \(milestone.byGrade): \(shown)",
                    location: milestone.location,
                    notes: missing.prefix(50).compactMap { node in
                        standards.info(node, in: all).map { Note("\(standards.describe(node, in: all)) is not addressed in time", at: $0.location) }
                    },
                    help: "teach these standards by the end of grade \(milestone.byGrade)"))
            }
        }
        return out
    }
}
