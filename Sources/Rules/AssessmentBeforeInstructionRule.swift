import SequenceLintKit

/// An assessment of a standard that has not been taught yet.
public struct AssessmentBeforeInstructionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "assessment-before-instruction", family: .alignment, defaultSeverity: .error,
        summary: "an assessment assesses a standard that no earlier non-assessment lesson addresses and that is not assumed",
        rationale: """
            An assessment should measure what was actually taught. Assessing a standard before \
            any lesson addresses it measures prior knowledge at best, and tells students they \
            failed at something they were never taught. An assessment assesses its `standards`; \
            it does not address them. Works with or without a framework; with one, teaching a \
            standard teaches its parts.
            """,
        howToFix: "Move the assessment after the lessons that teach the standard, teach the standard first, or drop it from the assessment.",
        options: [
            .flag("assume-earlier-grades", default: true, "standards of grades before the curriculum's first count as taught"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-check, kind: assessment, standards: [6.RP.A.1, ↓6.RP.A.2]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.2]}

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                assumes: [5.NF.B.3]
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-check, kind: assessment, standards: [6.RP.A.1, 5.NF.B.3]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let all = context.model.frameworks
        let assumeEarlier = context.flag("assume-earlier-grades", of: d)
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            // By index: copying every lesson to test its kind would retain all its fields.
            for index in curriculum.lessons.indices where curriculum.lessons[index].kind == .assessment {
                let lesson = curriculum.lessons[index]
                let here = lesson.position
                // An unknown code is `unknown-standard`'s to report, not a standard to teach first.
                for (ref, node) in zip(lesson.standards, standards.lessonStandards[here])
                    where standards.frameworks.isEmpty || standards.isKnown(node) {
                    // Addressed strictly before: an assessment addresses nothing itself.
                    if standards.isAvailable(node, at: here, assumeEarlierGrades: assumeEarlier, in: all) { continue }
                    let first = standards.addressedAt[Int(node)]
                    var message = "assessment '\(lesson.id)' assesses \(standards.describe(node, in: all)), which no earlier lesson teaches"
                    var notes: [Note] = []
                    if first != CurriculumStandards.never {
                        let other = curriculum.lessons[Int(first)]
                        message += "; '\(other.id)' first teaches it, \(curriculum.distance(from: here, to: Int(first)))"
                        // Point at the entry through which it is first taught (its own, a whole's or a part's).
                        let entry = ProgressionAnalysis.entry(teaching: node, in: Int(first), curriculum, standards)?.0.location ?? other.idLocation
                        notes.append(Note("'\(other.id)' first teaches \(ref.text)", at: entry))
                    } else {
                        // A whole some of whose parts are taught: say which are not.
                        let parts = standards.children[Int(node)]
                        let missing = parts.filter { !standards.isAvailable($0, at: here, assumeEarlierGrades: assumeEarlier, in: all) }
                        if !parts.isEmpty && missing.count < parts.count {
                            message += " in full: \(missing.compactMap { standards.code[Int($0)] }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not taught before it"
                        } else {
                            message += " at all"
                        }
                    }
                    out.append(Self.report(message: message, location: ref.location,
                                          notes: notes, help: "move '\(lesson.id)' after the lessons on \(ref.text), or remove \(ref.text) from it"))
                }
            }
        }
        return out
    }
}
