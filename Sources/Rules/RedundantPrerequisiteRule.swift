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
        options: [
            .count("max-steps", default: 50_000_000, "graph steps the check may take per curriculum; past them it stops and says where", max: 1_000_000_000),
        ],
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

    /// Edge visits allowed per curriculum: the search is exact within it, and stops past it
    /// (hostile graphs), so the rule stays near-linear.

    public func check(_ context: LintContext) -> [Diagnostic] {
        let budget = context.count("max-steps", of: Self.description)
        var out: [Diagnostic] = []
        for (curriculum, graph) in zip(context.model.curricula, context.graphs) {
            // The run's search budget is shared by all curricula: many of them cannot add up.
            guard context.searchBudget.spend(0) else {
                if let first = curriculum.lessons.first {
                    out.append(Self.report(
                        message: "the check for redundant requirements was not run on '\(curriculum.id)': the run's graph-step budget was spent on other curricula",
                        location: first.idLocation, help: "lint this curriculum on its own", severity: .info))
                }
                continue
            }
            // Stopping a search early assumes every requirement points back.
            var pointsBack = true
            for l in curriculum.lessons.indices where pointsBack {
                for t in graph.entryTarget[l] where t >= 0 && curriculum.lastPosition(of: Int(t), in: graph) >= l {
                    pointsBack = false
                }
            }
            // The latest position reachable from each node: nothing that cannot reach the earliest
            // target needs visiting. Tarjan numbers components sinks first, so one pass in that
            // order sees every successor component before its predecessors.
            let components = graph.digraph.componentIsCyclic.count
            var reach = [Int](repeating: -1, count: components)
            // Nodes grouped by component (a counting sort), without an array per component.
            var start = [Int](repeating: 0, count: components + 1)
            for node in 0..<graph.nodeCount {
                let c = Int(graph.component[node])
                start[c + 1] += 1
                reach[c] = max(reach[c], curriculum.lastPosition(of: node, in: graph))
            }
            for c in 0..<components { start[c + 1] += start[c] }
            var fill = start
            var members = [Int32](repeating: 0, count: graph.nodeCount)
            for node in 0..<graph.nodeCount {
                let c = Int(graph.component[node])
                members[fill[c]] = Int32(node)
                fill[c] += 1
            }
            for c in 0..<components {
                for node in members[start[c]..<start[c + 1]] {
                    for edge in graph.edges(of: Int(node)) {
                        let d = Int(graph.component[Int(graph.edgeTarget[edge])])
                        if d != c { reach[c] = max(reach[c], reach[d]) }
                    }
                }
            }
            var search = Search(nodeCount: graph.nodeCount, prune: pointsBack)
            search.reach = graph.component.map { reach[Int($0)] }
            for l in curriculum.lessons.indices where curriculum.lessons[l].requires.count > 1 && !graph.isOnCycle(l) {
                out += search.check(l, curriculum: curriculum, graph: graph)
                if search.steps > budget {
                    // Never silently partial: say where the check stopped.
                    let lesson = curriculum.lessons[l]
                    out.append(Self.report(
                        message: "the check for redundant requirements stopped at '\(lesson.id)' after \(budget) graph steps (`max-steps`); later lessons of '\(curriculum.id)' were not checked",
                        location: lesson.idLocation,
                        help: "a curriculum this tangled is better split, or checked with this rule alone", severity: .info))
                    break
                }
            }
            _ = context.searchBudget.spend(search.steps)
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
        let prune: Bool
        var steps = 0
        var reach: [Int] = []

        init(nodeCount: Int, prune: Bool) {
            stamp = Array(repeating: -1, count: nodeCount)
            origin = Array(repeating: -1, count: nodeCount)
            parent = Array(repeating: -1, count: nodeCount)
            self.prune = prune
        }

        /// Per node, scratch for the lesson being checked (reset after it): the entry that
        /// first names it as a target, and its rank among the targets. No dictionaries per lesson.
        var entryOf: [Int32] = []
        var rankOf: [Int32] = []
        var uniques: [(node: Int32, entry: Int, last: Int)] = []

        mutating func check(_ position: Int, curriculum: Curriculum, graph: PrerequisiteGraph) -> [Diagnostic] {
            if entryOf.isEmpty {
                entryOf = Array(repeating: -1, count: stamp.count)
                rankOf = Array(repeating: -1, count: stamp.count)
            }
            current = Int32(position)
            // Entries that point forward are prerequisite-order's; they imply nothing here.
            let row = graph.entryTarget[position]
            var duplicates: [(entry: Int, first: Int)] = []
            uniques.removeAll(keepingCapacity: true)
            var floor = Int.max
            for (e, t) in row.enumerated() where t >= 0 {
                let last = curriculum.lastPosition(of: Int(t), in: graph)
                guard last < position, !graph.isOnCycle(Int(t)) else { continue }
                if entryOf[Int(t)] >= 0 {
                    duplicates.append((e, Int(entryOf[Int(t)])))
                    continue
                }
                entryOf[Int(t)] = Int32(e)
                uniques.append((t, e, last))
                // Under a sound order nothing taught before all targets can lead to one.
                floor = min(floor, curriculum.firstPosition(of: Int(t), in: graph))
            }
            defer {
                for u in uniques {
                    entryOf[Int(u.node)] = -1
                    rankOf[Int(u.node)] = -1
                }
            }
            // Latest target first: under a sound order a target reaches only earlier ones, so the
            // search can stop once every earlier target is reached.
            // At the same last position a unit can contain a lesson target, never the reverse:
            // units go first among equals.
            let lessonCount = Int32(graph.lessonCount)
            uniques.sort {
                if $0.last != $1.last { return $0.last > $1.last }
                let unit0 = $0.node >= lessonCount, unit1 = $1.node >= lessonCount
                return unit0 != unit1 ? unit0 : $0.entry < $1.entry
            }
            for (k, u) in uniques.enumerated() { rankOf[Int(u.node)] = Int32(k) }
            // Unreached targets after the current root; only meaningful when pruning (sound order).
            var pendingLater = uniques.count
            for (k, root) in uniques.enumerated() {
                if stamp[Int(root.node)] != current { pendingLater -= 1 }
                if prune && pendingLater == 0 { break }
                if stamp[Int(root.node)] == current { continue }
                stack.append(root.node)
                dfs: while let v = stack.popLast() {
                    for edge in graph.edges(of: Int(v)) {
                        steps += 1
                        let w = graph.edgeTarget[edge]
                        if stamp[Int(w)] == current { continue }
                        if reach[Int(w)] < floor { continue }
                        stamp[Int(w)] = current
                        origin[Int(w)] = Int32(root.entry)
                        parent[Int(w)] = v
                        if rankOf[Int(w)] > Int32(k) {
                            pendingLater -= 1
                            if prune && pendingLater == 0 {
                                stack.removeAll(keepingCapacity: true)
                                break dfs
                            }
                        }
                        stack.append(w)
                    }
                }
            }
            guard uniques.contains(where: { stamp[Int($0.node)] == current && origin[Int($0.node)] != Int32($0.entry) })
                    || !duplicates.isEmpty else { return [] }
            let lesson = curriculum.lessons[position]
            let targets = row
            var findings: [(entry: Int, diagnostic: Diagnostic)] = []
            for (t, e, _) in uniques.sorted(by: { $0.entry < $1.entry }) {
                guard stamp[Int(t)] == current, origin[Int(t)] != Int32(e) else { continue }
                let via = Int(origin[Int(t)])
                var chain: [Int32] = [t]
                var cursor = t
                while cursor != targets[via] {
                    cursor = parent[Int(cursor)]
                    chain.append(cursor)
                }
                chain.reverse()
                var chainText = curriculum.describe(graph.item(Int(chain[0])))
                for k in 1..<chain.count {
                    let verb = chain[k - 1] < Int32(graph.lessonCount) ? "requires" : "contains"
                    chainText += (k == 1 ? " " : ", which ") + verb + " " + curriculum.describe(graph.item(Int(chain[k])))
                }
                let needed = curriculum.describe(graph.item(Int(t)))
                let ref = lesson.requires[e]
                findings.append((e, RedundantPrerequisiteRule.report(message: "'\(lesson.id)' requires \(needed), which its requirement of \(curriculum.describe(graph.item(Int(targets[via])))) already implies",
                    location: ref.location,
                    notes: [Note("implied by this requirement", at: lesson.requires[via].location)],
                    help: "\(chainText); remove \(needed) from `requires`")))
            }
            for (e, first) in duplicates {
                let ref = lesson.requires[e]
                findings.append((e, RedundantPrerequisiteRule.report(message: "'\(lesson.id)' requires '\(ref.text)' twice",
                    location: ref.location,
                    notes: [Note("first listed here", at: lesson.requires[first].location)],
                    help: "remove the second '\(ref.text)'")))
            }
            return findings.sorted { $0.entry < $1.entry }.map(\.diagnostic)
        }
    }
}
