import SequenceLintKit

/// A `builds-on` standard that is not taught before the lesson that builds on it.
public struct BuildsOnUntaughtRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 5.NF.B.3, grade: 5, text: Interpret a fraction as division of the numerator by the denominator}
          - {code: 6.RP.A.1, grade: 6, text: Understand the concept of a ratio}
          - {code: 6.RP.A.2, grade: 6, text: Understand the concept of a unit rate}

        """

    public static let description = RuleDescription(
        id: "builds-on-untaught", family: .progression, defaultSeverity: .warning,
        summary: "a lesson's (or its unit's) `builds-on` standard is not taught before the lesson and not assumed",
        rationale: """
            `builds-on` lists what a lesson uses as prior knowledge: Illustrative Mathematics' \\
            "Building On" standards, Eureka Math's foundational standards. Students can build only \\
            on what they have met. A `builds-on` code is checked at the lesson (for a unit, at its \\
            first lesson): it must be taught by an earlier lesson (itself, one of its parts or a \\
            whole it belongs to), assumed (`assumes:` in the file or the configuration), or of a \\
            grade before the curriculum's first as `progression-gap`'s `assume-earlier-grades` \\
            says. Listing a standard under `builds-on` does not teach it. The rule needs a \
            framework (without one, nothing says which codes are earlier grades' prior knowledge).
            """,
        howToFix: """
            Teach the standard in an earlier lesson, list it under `assumes:` when students bring it \\
            from before, or drop it from `builds-on:` if the lesson does not use it.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.2], builds-on: [↓6.RP.A.1]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.1]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    builds-on: [5.NF.B.3]
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.2], builds-on: [6.RP.A.1]}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        let assumeEarlier = context.flag("assume-earlier-grades", of: ProgressionGapRule.description)
        var out: [Diagnostic] = []
        // Without a framework, nothing says which codes are earlier grades' prior knowledge.
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            func check(_ refs: [Ref], _ nodes: [Int32], at lesson: Int, who: String) {
                for (ref, node) in zip(refs, nodes) where standards.isKnown(node) {
                    // Taught before the lesson: by an earlier lesson, or assumed from before it.
                    // (a file's `assumes` hold from its first lesson on, so "assumed at it" is before it).
                    if standards.taughtAt[Int(node)] < Int32(lesson) || standards.assumedAnyFrom[Int(node)] <= Int32(lesson)
                        || (assumeEarlier && standards.isEarlierGrade(node, in: all)) { continue }
                    let first = curriculum.lessons[lesson]
                    let taught = standards.taughtAt[Int(node)]
                    var message = "\(who) builds on \(standards.describe(node, in: all)), which "
                        + (taught == CurriculumStandards.never
                            ? (standards.children[Int(node)].isEmpty ? "no lesson teaches" : "no lesson teaches, nor any part of it")
                            : "no earlier lesson teaches")
                    var notes: [Note] = []
                    if taught != CurriculumStandards.never {
                        let other = curriculum.lessons[Int(taught)]
                        let (entry, listed) = ProgressionAnalysis.entry(teaching: node, in: Int(taught), curriculum, standards)
                            ?? (Ref(other.id, at: other.idLocation), node)
                        let how = ProgressionAnalysis.through(listed, for: node, standards)
                        message += Int(taught) == lesson
                            ? "; '\(other.id)' teaches it itself\(how)"
                            : "; '\(other.id)' first teaches it\(how), \(curriculum.distance(from: lesson, to: Int(taught)))"
                        notes.append(Note("'\(other.id)' first teaches \(ref.text)\(how)", at: entry.location))
                    }
                    let code = ref.text
                    let help = Int(taught) == lesson
                        ? "a lesson that teaches \(code) lists it under `standards:` only; drop it from `builds-on:`"
                        : "teach \(code) in a lesson before '\(first.id)', list it under `assumes:` if students bring it from before, or drop it from `builds-on:` if the lesson does not use it"
                    out.append(Self.report(message: message, location: ref.location,
                                          notes: notes, help: help))
                }
            }
            for unit in curriculum.units where !unit.buildsOn.isEmpty && !unit.lessons.isEmpty {
                check(unit.buildsOn, standards.unitBuildsOn[unit.position], at: unit.lessons.lowerBound,
                      who: "unit '\(unit.id)' (from its first lesson, '\(curriculum.lessons[unit.lessons.lowerBound].id)')")
            }
            for index in curriculum.lessons.indices where !curriculum.lessons[index].buildsOn.isEmpty {
                check(curriculum.lessons[index].buildsOn, standards.lessonBuildsOn[index], at: index, who: "'\(curriculum.lessons[index].id)'")
            }
        }
        return out
    }
}
