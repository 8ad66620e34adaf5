import SequenceLintKit
import Foundation

/// A `requires` entry that names no unit or lesson.
public struct UnknownReferenceRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "unknown-reference", family: .progression, defaultSeverity: .error,
        summary: "a `requires` entry names no unit or lesson of the curriculum (\"did you mean\"); in a framework, no standard",
        rationale: """
            A requirement that points nowhere is a prerequisite nobody checks: a typo, a renamed \
            lesson or a lesson that was cut. The lesson may now come before what it builds on.
            """,
        howToFix: """
            Correct the id, or add the missing lesson. `requires` takes lesson and unit ids of the \
            same curriculum; standard codes belong in `standards`.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], requires: [↓ratio-01]}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.1], requires: [↓6.RP.A.1]}

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], requires: [ratios-01]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        // A framework's own findings are load problems, which the engine reports under this id.
        var out: [Diagnostic] = []
        for (curriculum, graph) in zip(context.model.curricula, context.graphs) {
            var codes: Set<String>?
            // Suggestions compare with every id: a budget per curriculum, within the run's, keeps many typos fast.
            var curriculumBudget = 100_000
            var suggested: [String: String?] = [:]
            let duplicated = Set(curriculum.duplicates.map { curriculum.id(of: $0.0) })
            for index in curriculum.lessons.indices where graph.entryTarget[index].contains(-1) {
                let lesson = curriculum.lessons[index]
                for (e, ref) in lesson.requires.enumerated() where graph.entryTarget[lesson.position][e] < 0 {
                    var message = "'\(lesson.id)' requires '\(ref.text)', which is no lesson or unit of curriculum '\(curriculum.id)'"
                    var help = "check the id, or add the lesson it names"
                    var fix: Fix?
                    if codes == nil {
                        // Distinct spellings first: curricula repeat a few hundred codes many times.
                        var spellings = Set<String>()
                        for lesson in curriculum.lessons { for code in lesson.standards { spellings.insert(code.text) } }
                        codes = Set(spellings.map(StandardCode.looseKey))
                    }
                    if codes!.contains(StandardCode.looseKey(ref.text)) {
                        help = "'\(ref.text)' is a standard code: list it under `standards`; `requires` takes lesson and unit ids"
                    } else if suggested[ref.text] != nil || (curriculumBudget > 0 && context.suggestionBudget.spend(curriculum.items.count)) {
                        let near: String?
                        if let known = suggested[ref.text] {
                            near = known
                        } else {
                            curriculumBudget -= curriculum.items.count
                            near = Suggestions.closest(to: ref.text, among: curriculum.items.keys)
                            suggested[ref.text] = near
                        }
                        if let near, duplicated.contains(near) {
                            // The id defined twice is likelier the mistake (one of them meant '\(ref.text)'):
                            // `duplicate-id` reports it, and a "did you mean" here would be a wrong guess.
                            help = "'\(near)' is defined twice: if one of them is meant to be '\(ref.text)', rename it; else check the id"
                        } else if let near {
                            message += "; did you mean '\(near)'?"
                            fix = Fix("replace with '\(near)'", location: ref.location, replacement: near)
                            help = "write '\(near)' if that is the lesson meant, or add the lesson '\(ref.text)'"
                        } else if ref.text.contains(","), ref.text.split(separator: ",").allSatisfy({ curriculum.items[$0.trimmingCharacters(in: .whitespaces)] != nil }) {
                            help = "to require several, write a list: `requires: [\(ref.text)]`"
                        }
                    }
                    out.append(Self.report(message: message, location: ref.location, help: help, fix: fix))
                }
            }
        }
        return out
    }
}
