import Foundation
import Testing
@testable import SequenceLintKit

@Suite struct GraphTests {
    /// A curriculum of `n` lessons in one unit; lesson i requires `requires(i)`.
    func chain(_ n: Int, requires: (Int) -> [Int]) -> String {
        var yaml = "curriculum: big\ngrade: 6\nunits:\n  - id: u\n    lessons:\n"
        for i in 0..<n {
            let req = requires(i).map { "l\($0)" }.joined(separator: ", ")
            yaml += "      - {id: l\(i), kind: application, standards: [6.RP.A.1]\(req.isEmpty ? "" : ", requires: [\(req)]")}\n"
        }
        return yaml
    }

    func curriculum(_ yaml: String) throws -> Curriculum {
        let load = TestSupport.load(yaml)
        let (model, _) = CurriculumReader.read(load.document, path: "t.yml")
        return ModelBuilder.build([try #require(model)]).curricula[0]
    }

    @Test func selfRequirementIsACycle() throws {
        let c = try curriculum(chain(3) { $0 == 1 ? [1] : [] })
        let g = PrerequisiteGraph(c)
        #expect(!g.isOnCycle(0))
        #expect(g.isOnCycle(1))
        #expect(g.shortestCycle(through: 1).count == 1)
    }

    @Test func requiringOwnUnitIsACycle() throws {
        var yaml = chain(2) { _ in [] }
        yaml = yaml.replacingOccurrences(of: "{id: l1, kind: application, standards: [6.RP.A.1]}",
                                         with: "{id: l1, kind: application, standards: [6.RP.A.1], requires: [u]}")
        let c = try curriculum(yaml)
        let g = PrerequisiteGraph(c)
        #expect(g.isOnCycle(1))
        #expect(!g.isOnCycle(0))
        let cycle = g.shortestCycle(through: 1)
        #expect(cycle.map { c.describe(edge: $0, in: g) } == ["'l1' requires unit 'u'", "unit 'u' contains 'l1'"])
    }

    @Test func shortestCycleIsFound() throws {
        // 0 -> 4 -> 3 -> 2 -> 1 -> 0 and 0 -> 2: the shortest cycle through 0 is 0, 2, 1.
        let c = try curriculum(chain(5) { i in [0: [4, 2], 1: [0], 2: [1], 3: [2], 4: [3]][i] ?? [] })
        let g = PrerequisiteGraph(c)
        let cycle = g.shortestCycle(through: 0)
        #expect(cycle.map { c.describe(edge: $0, in: g) } == ["'l0' requires 'l2'", "'l2' requires 'l1'", "'l1' requires 'l0'"])
    }

    @Test func chainOf100kLessonsHasNoCycleAndNoOverflow() throws {
        let c = try curriculum(chain(100_000) { $0 > 0 ? [$0 - 1] : [] })
        let g = PrerequisiteGraph(c)
        #expect(!(0..<g.nodeCount).contains { g.isOnCycle($0) })
        let result = TestSupport.lint(chain(100_000) { $0 > 0 ? [$0 - 1] : [] })
        // A 100,000-lesson grade is also too long for a school year and unbalanced; nothing else.
        #expect(result.diagnostics.filter { !["school-year-length", "rigor-balance"].contains($0.rule) }.isEmpty)
        #expect(result.lessonCount == 100_000)
    }

    @Test func cycleOf100kLessonsIsOneDiagnostic() throws {
        let n = 100_000
        let result = TestSupport.lint(chain(n) { $0 == 0 ? [n - 1] : [$0 - 1] })
        let cycles = result.diagnostics.filter { $0.rule == "prerequisite-cycle" }
        #expect(cycles.count == 1)
        #expect(cycles.first?.notes.count == n)
        #expect(cycles.first?.location.start.line == 6)
        #expect(result.diagnostics.filter { $0.rule == "prerequisite-order" }.isEmpty)
    }

    @Test func redundantCheckStaysLinearOnLongChains() throws {
        // Each lesson requires the two before it: the second is implied through the first.
        let result = TestSupport.lint(chain(20_000) { i in i >= 2 ? [i - 1, i - 2] : (i == 1 ? [0] : []) })
        #expect(result.diagnostics.filter { $0.rule == "redundant-prerequisite" }.count == 19_998)
    }
}
