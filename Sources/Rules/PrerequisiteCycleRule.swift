import SequenceLintKit

/// `requires` edges that form a cycle.
public struct PrerequisiteCycleRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "prerequisite-cycle", family: .progression, defaultSeverity: .error,
        summary: "`requires` edges form a cycle (a lesson requiring itself, or its own unit, included)",
        rationale: """
            Learning builds cumulatively: if A needs B and B needs A, no order of teaching can \
            honour both, and some lesson is always taught before what it builds on. One \
            diagnostic is reported per strongly connected set of lessons, spelling out one \
            shortest cycle through its earliest-taught lesson.
            """,
        howToFix: """
            Remove the requirement that points forward in the sequence (a lesson cannot need one \
            taught after it), or split a lesson so that each part needs only what comes before it.
            """,
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], requires: [↓ratios-03]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.1], requires: [ratios-01]}
                      - {id: ratios-03, kind: procedural, standards: [6.RP.A.1], requires: [ratios-02]}
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, standards: [6.RP.A.2], requires: [↓rates]}
                      - {id: rates-02, kind: procedural, standards: [6.RP.A.2], requires: [↓rates-02]}

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
                  - id: rates
                    lessons:
                      - {id: rates-01, kind: conceptual, standards: [6.RP.A.2], requires: [ratios]}

                """),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        // A framework's own findings are load problems, which the engine reports under this id.
        var out: [Diagnostic] = []
        for framework in context.model.frameworks {
            out += frameworkCycles(framework)
        }
        for (curriculum, graph) in zip(context.model.curricula, context.graphs) {
            var reported = Set<Int32>()
            // Lessons in teaching order: the first one met in a cyclic set is its earliest-taught.
            for lesson in 0..<graph.lessonCount where graph.isOnCycle(lesson) {
                guard reported.insert(graph.component[lesson]).inserted else { continue }
                let cycle = graph.shortestCycle(through: lesson)
                guard let first = cycle.first else { continue }
                out.append(diagnostic(cycle, first: first, curriculum: curriculum, graph: graph))
            }
        }
        return out
    }

    /// Cycles among a framework's prerequisite edges, one per strongly connected set, at the
    /// first-defined standard of the set.
    private func frameworkCycles(_ framework: Framework) -> [Diagnostic] {
        var starts: [Int32] = [0]
        var targets: [Int32] = []
        for s in framework.standards {
            targets += s.requires
            starts.append(Int32(targets.count))
        }
        let graph = Digraph(edgeStart: starts, edgeTarget: targets)
        func location(_ edge: Int) -> Location {
            let source = graph.source(ofEdge: edge)
            return framework.standards[source].requiresAt[edge - Int(starts[source])]
        }
        func name(_ i: Int) -> String { framework.standards[i].code ?? "an uncoded item" }
        var out: [Diagnostic] = []
        var reported = Set<Int32>()
        for i in framework.standards.indices where graph.isOnCycle(i) {
            guard reported.insert(graph.component[i]).inserted else { continue }
            let cycle = graph.shortestCycle(through: i)
            guard let first = cycle.first else { continue }
            var message = "prerequisite cycle in framework '\(framework.id)': \(name(i))"
            if cycle.count == 1 {
                message += " requires itself"
            } else {
                for (k, edge) in cycle.enumerated() {
                    message += (k == 0 ? " requires " : ", which requires ") + name(Int(graph.edgeTarget[edge]))
                }
            }
            let notes = cycle.enumerated().map { k, edge in
                Note("step \(k + 1) of \(cycle.count): \(name(graph.source(ofEdge: edge))) requires \(name(Int(graph.edgeTarget[edge])))",
                     at: location(edge))
            }
            out.append(Self.report(message: message,
                                  location: location(first), notes: notes,
                                  help: "a standard cannot build toward itself: remove one of these `requires` entries"))
        }
        return out
    }

    private func diagnostic(_ cycle: [Int], first: Int, curriculum: Curriculum, graph: PrerequisiteGraph) -> Diagnostic {
        var message = "prerequisite cycle: "
        if cycle.count == 1 {
            message += curriculum.describe(edge: first, in: graph)
        } else {
            message += curriculum.describe(graph.item(graph.source(ofEdge: first)))
            for (i, edge) in cycle.enumerated() {
                let verb = graph.edgeEntry[edge] >= 0 ? "requires" : "contains"
                message += (i == 0 ? " " : ", which ") + verb + " " + curriculum.describe(graph.item(Int(graph.edgeTarget[edge])))
            }
        }
        let notes = cycle.enumerated().map { i, edge in
            Note("step \(i + 1) of \(cycle.count): \(curriculum.describe(edge: edge, in: graph))",
                 at: curriculum.location(ofEdge: edge, in: graph))
        }
        // The requirement that points forward (or at itself) is the one that cannot be honoured.
        var help = "remove one requirement of the cycle"
        for edge in cycle where graph.edgeEntry[edge] >= 0 {
            let source = graph.source(ofEdge: edge), target = Int(graph.edgeTarget[edge])
            if curriculum.lastPosition(of: target, in: graph) >= source {
                let what = curriculum.describe(graph.item(source))
                let needed = curriculum.describe(graph.item(target))
                help = source == target
                    ? "remove \(what) from its own `requires`"
                    : "\(what) is taught before \(needed) is finished, so its requirement of \(needed) is likely the one to remove"
                break
            }
        }
        return Self.report(message: message,
                          location: curriculum.location(ofEdge: first, in: graph), notes: notes, help: help)
    }
}
