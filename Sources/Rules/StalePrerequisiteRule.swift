import SequenceLintKit

/// A prerequisite taught long ago and not reviewed since.
public struct StalePrerequisiteRule: Rule {
    public init() {}

    static let earlier = """
        curriculum: demo
        grade: 4
        units:
          - id: fractions
            lessons:
              - {id: fractions-01, kind: conceptual, standards: [4.NF.A.1]}
              - {id: fractions-02, kind: conceptual, standards: [4.NF.B.3]}
              - {id: fractions-review, kind: review, requires: [fractions-02]}

        """

    public static let description = RuleDescription(
        id: "stale-prerequisite", family: .progression, defaultSeverity: .off,
        summary: "a required lesson was taught more than `max-grade-gap` grades earlier with no review lesson requiring it or addressing its standards in between",
        rationale: """
            Prerequisites fade. A lesson that builds on something taught three grades earlier \
            needs a review in between, or students arrive without what it assumes. A `review` \
            lesson between the two that requires the old lesson (or its unit), or addresses one \
            of its standards, refreshes it.
            """,
        howToFix: "Add a review lesson before the lesson that requires it, requiring the old lesson or revisiting its standards.",
        options: [
            .count("max-grade-gap", default: 2, "most grades between a lesson and what it requires without a review"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 7
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [7.RP.A.1], requires: [↓fractions-01]}
                      - {id: ratios-02, kind: conceptual, standards: [7.RP.A.2], requires: [fractions-02]}

                """, otherFiles: [("grade4.yml", earlier)]),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 7
                units:
                  - id: review
                    lessons:
                      - {id: review-01, kind: review, standards: [4.NF.A.1]}
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [7.RP.A.1], requires: [fractions-01]}

                """, otherFiles: [("grade4.yml", earlier)]),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let gap = context.count("max-grade-gap", of: d)
        var out: [Diagnostic] = []
        for ((curriculum, graph), standards) in zip(zip(context.model.curricula, context.graphs), context.standards) {
            // Teaching positions of the reviews that refresh each node and each standard, ascending.
            var reviewsRequiring = [[Int32]](repeating: [], count: graph.nodeCount)
            var reviewsAddressing = [[Int32]](repeating: [], count: standards.count)
            for lesson in curriculum.lessons where lesson.kind == .review {
                for t in graph.entryTarget[lesson.position] where t >= 0 { reviewsRequiring[Int(t)].append(Int32(lesson.position)) }
                for node in standards.lessonStandards[lesson.position] where standards.counts(node, inLesson: lesson.position) { reviewsAddressing[Int(node)].append(Int32(lesson.position)) }
            }
            func any(_ positions: [Int32], after low: Int, before high: Int) -> Bool {
                // First position > low, by binary search.
                var lo = 0, hi = positions.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if positions[mid] <= Int32(low) { lo = mid + 1 } else { hi = mid }
                }
                return lo < positions.count && positions[lo] < Int32(high)
            }
            func grade(ofLesson l: Int) -> Grade? { curriculum.file(ofLesson: l).grade }
            for lesson in curriculum.lessons {
                guard let here = grade(ofLesson: lesson.position) else { continue }
                for (e, ref) in lesson.requires.enumerated() {
                    let target = Int(graph.entryTarget[lesson.position][e])
                    guard target >= 0 else { continue }
                    let last = curriculum.lastPosition(of: target, in: graph)
                    guard last >= 0, last < lesson.position, let then = grade(ofLesson: last), here.rank - then.rank > gap else { continue }
                    // Lessons whose refreshing counts: the lesson itself, or every lesson of the unit.
                    let lessons: Range<Int> = target < graph.lessonCount ? target..<(target + 1)
                        : curriculum.units[target - graph.lessonCount].lessons
                    var refreshed = any(reviewsRequiring[target], after: last, before: lesson.position)
                    for l in lessons where !refreshed {
                        refreshed = any(reviewsRequiring[l], after: last, before: lesson.position)
                            || standards.lessonStandards[l].contains { node in
                                guard standards.counts(node, inLesson: l) else { return false }
                                // A review of a whole refreshes its parts.
                                var up = node
                                while up >= 0 {
                                    if any(reviewsAddressing[Int(up)], after: last, before: lesson.position) { return true }
                                    up = standards.parent[Int(up)]
                                }
                                return false
                            }
                    }
                    if refreshed { continue }
                    let needed = curriculum.describe(graph.item(target))
                    out.append(Self.report(message: "'\(lesson.id)' requires \(needed), taught \(here.rank - then.rank) grades earlier (grade \(then)), with no review in between",
                        location: ref.location,
                        notes: [Note("\(needed) is taught here", at: curriculum.idLocation(of: graph.item(target)))],
                        help: "add a review lesson before '\(lesson.id)' that requires \(needed) or revisits its standards"))
                }
            }
        }
        return out
    }
}
