import SequenceLintKit

/// A `requires` entry already implied by another entry of the same lesson.
public struct RedundantPrerequisiteRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "redundant-prerequisite", family: .progression, defaultSeverity: .info,
        summary: "a `requires` entry is already implied through another entry of the same lesson",
        rationale: """
            Requirements are transitive: a lesson that needs `ratios-03`, which needs `ratios-01`, \
            needs `ratios-01` too. Listing it again adds nothing, and when the sequence changes the \
            extra entries hide which dependency is the real one. Requiring a unit implies each of \
            its lessons.
            """,
        howToFix: "Remove the redundant entry; the help line shows the chain that already implies it.",
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], requires: [ratios-01]}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.1], requires: [ratios-02, ↓ratios-01]}
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, standards: [6.RP.A.2], requires: [ratios, ↓ratios-02]}

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
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.2]}
                      - {id: ratios-03, kind: procedural, standards: [6.RP.A.1], requires: [ratios-01, ratios-02]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (curriculum, graph) in zip(context.model.curricula, context.graphs) {
            var search = Search(nodeCount: graph.nodeCount)
            for lesson in curriculum.lessons where lesson.requires.count > 1 && !graph.isOnCycle(lesson.position) {
                out += search.check(lesson, curriculum: curriculum, graph: graph)
            }
        }
        return out
    }

    /// Depth-first search from each entry's target, with visit marks reused across lessons.
    private struct Search {
        var stamp: [Int32]
        var origin: [Int32]
        var parent: [Int32]
        var current: Int32 = 0
        var stack: [Int32] = []

        init(nodeCount: Int) {
            stamp = Array(repeating: -1, count: nodeCount)
            origin = Array(repeating: -1, count: nodeCount)
            parent = Array(repeating: -1, count: nodeCount)
        }

        mutating func check(_ lesson: Lesson, curriculum: Curriculum, graph: PrerequisiteGraph) -> [Diagnostic] {
            current = Int32(lesson.position)
            let targets = graph.entryTarget[lesson.position]
            // Under a sound order every edge points back, so nothing taught before all targets
            // can lead to one: the search stays among lessons near this one.
            var floor = Int.max
            for t in targets where t >= 0 { floor = min(floor, curriculum.firstPosition(of: Int(t), in: graph)) }
            var out: [Diagnostic] = []
            var seenTargets: [Int32: Int] = [:]
            var duplicates: [(entry: Int, first: Int)] = []
            for (e, t) in targets.enumerated() where t >= 0 {
                if let first = seenTargets[t] { duplicates.append((e, first)) } else { seenTargets[t] = e }
            }
            for (e, t) in targets.enumerated() where t >= 0 && seenTargets[t] == e && !graph.isOnCycle(Int(t)) {
                // Visit everything reachable from t in one or more steps.
                stack.append(t)
                while let v = stack.popLast() {
                    for edge in graph.edges(of: Int(v)) {
                        let w = graph.edgeTarget[edge]
                        if stamp[Int(w)] == current { continue }
                        if curriculum.lastPosition(of: Int(w), in: graph) < floor { continue }
                        stamp[Int(w)] = current
                        origin[Int(w)] = Int32(e)
                        parent[Int(w)] = v
                        stack.append(w)
                    }
                }
            }
            var findings: [(entry: Int, diagnostic: Diagnostic)] = []
            for (e, t) in targets.enumerated() where t >= 0 && seenTargets[t] == e {
                guard stamp[Int(t)] == current, origin[Int(t)] != Int32(e), !graph.isOnCycle(Int(t)) else { continue }
                let via = Int(origin[Int(t)])
                var chain: [Int32] = [t]
                var cursor = t
                while cursor != targets[via] {
                    cursor = parent[Int(cursor)]
                    chain.append(cursor)
                }
                chain.reverse()
                var steps = curriculum.describe(graph.item(Int(chain[0])))
                for k in 1..<chain.count {
                    let verb = chain[k - 1] < Int32(graph.lessonCount) ? "requires" : "contains"
                    steps += (k == 1 ? " " : ", which ") + verb + " " + curriculum.describe(graph.item(Int(chain[k])))
                }
                let needed = curriculum.describe(graph.item(Int(t)))
                let ref = lesson.requires[e]
                findings.append((e, Diagnostic(
                    rule: RedundantPrerequisiteRule.description.id,
                    severity: RedundantPrerequisiteRule.description.defaultSeverity,
                    message: "'\(lesson.id)' requires \(needed), which its requirement of \(curriculum.describe(graph.item(Int(targets[via])))) already implies",
                    location: ref.location,
                    notes: [Note("implied by this requirement", at: lesson.requires[via].location)],
                    help: "\(steps); remove \(needed) from `requires`")))
            }
            for (e, first) in duplicates {
                let ref = lesson.requires[e]
                findings.append((e, Diagnostic(
                    rule: RedundantPrerequisiteRule.description.id,
                    severity: RedundantPrerequisiteRule.description.defaultSeverity,
                    message: "'\(lesson.id)' requires '\(ref.text)' twice",
                    location: ref.location,
                    notes: [Note("first listed here", at: lesson.requires[first].location)],
                    help: "remove the second '\(ref.text)'")))
            }
            out = findings.sorted { $0.entry < $1.entry }.map(\.diagnostic)
            return out
        }
    }
}
