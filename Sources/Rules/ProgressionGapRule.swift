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

        """

    public static let description = RuleDescription(
        id: "progression-gap", family: .progression, defaultSeverity: .warning,
        summary: "at the first lesson addressing a standard, a framework prerequisite of it is not taught earlier, in that lesson, or assumed",
        rationale: """
            A framework's progression says which ideas a standard builds on: unit rates build on \
            ratios. When a sequence addresses a standard before its prerequisites, students meet \
            it without the ground it stands on. Teaching a prerequisite in the same lesson counts \
            (co-teaching is allowed); standards of grades before the curriculum's first grade \
            count as prior knowledge unless `assume-earlier-grades` is false; `assumes` in a \
            curriculum or the configuration lists other prior knowledge. Each missing \
            prerequisite is reported once, at the first lesson addressing the standard that needs it.
            """,
        howToFix: """
            Teach the prerequisite first (move its lesson earlier, or add one), teach both in one \
            lesson, or list the prerequisite under `assumes:` when students bring it from before.
            """,
        options: [
            RuleOption("assume-earlier-grades", default: .bool(true), "standards of grades before the curriculum's first count as taught"),
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
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let all = context.model.frameworks
        let assumeEarlier = context.flag("assume-earlier-grades", of: d)
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            var reported = Set<Int64>()
            for index in curriculum.lessons.indices where curriculum.lessons[index].kind != .assessment {
                // Only the lessons that first address something need the whole lesson.
                guard standards.lessonStandards[index].contains(where: { standards.addressedAt[Int($0)] == Int32(index) }) else { continue }
                let lesson = curriculum.lessons[index]
                let here = lesson.position
                for (ref, node) in zip(lesson.standards, standards.lessonStandards[here]) where standards.isKnown(node) {
                    // Only at the lesson that first addresses it (possibly through a part).
                    guard standards.addressedAt[Int(node)] == Int32(here) else { continue }
                    // Addressing a standard addresses its parts, which bring their own prerequisites.
                    var covered: [Int32] = [node]
                    var k = 0
                    while k < covered.count {
                        for c in standards.children[Int(covered[k])] where standards.addressedAt[Int(c)] == Int32(here) { covered.append(c) }
                        k += 1
                    }
                    var requirements: [(prerequisite: Int32, statedBy: Int32, at: Location)] = []
                    for standard in covered { requirements += standards.prerequisites(of: standard, in: all) }
                    var seenHere = Set<Int32>()
                    for (prerequisite, statedBy, at) in requirements {
                        guard seenHere.insert(prerequisite).inserted,
                              reported.insert(Int64(statedBy) << 32 | Int64(prerequisite)).inserted else { continue }
                        if standards.isAvailable(prerequisite, at: here, assumeEarlierGrades: assumeEarlier, in: all) { continue }
                        let need = standards.describe(prerequisite, in: all)
                        let whose = statedBy == node ? ref.text : "\(ref.text) (through \(standards.code[Int(statedBy)] ?? "its parent"))"
                        var notes = [Note("the framework lists \(standards.code[Int(prerequisite)] ?? "it") as a prerequisite of \(standards.code[Int(statedBy)] ?? "it") here", at: at)]
                        var message = "'\(lesson.id)' addresses \(whose) before its prerequisite \(need) is taught"
                        let later = standards.addressedAt[Int(prerequisite)]
                        if later != CurriculumStandards.never {
                            let other = curriculum.lessons[Int(later)]
                            message += "; it is first addressed by '\(other.id)', \(curriculum.distance(from: here, to: Int(later)))"
                            notes.insert(Note("'\(other.id)' first addresses \(standards.code[Int(prerequisite)] ?? "it")", at: other.idLocation), at: 0)
                        } else {
                            message += "; no lesson addresses it"
                        }
                        out.append(Diagnostic(
                            rule: d.id, severity: d.defaultSeverity, message: message, location: ref.location, notes: notes,
                            help: "teach \(standards.code[Int(prerequisite)] ?? "it") before '\(lesson.id)' (or in it), or list it under `assumes:` if students bring it from earlier"))
                    }
                }
            }
        }
        return out
    }
}
