import Foundation
import Testing

/// A realistic spiral curriculum (Fixtures/spiral: Eureka-style grades K, 3 and 4 against a
/// Coherence Map framework with no parent links), run as a user runs the binary. Every
/// `# expect: RULE` comment names a finding on its line, and every finding has one: an
/// unexpected warning is noise, a missing one a problem dropped out of sight.
@Suite struct SpiralCurriculumTests {
    static let dir = TestSupport.root.appendingPathComponent("Tests/SequenceLintTests/Fixtures/spiral")

    @Test func findingsAreExactlyTheExpectedOnes() throws {
        let run = try TestSupport.run(["--format", "gcc", "--framework", "framework.yml", "."], in: Self.dir)
        #expect(run.status == 1)
        let expected = try String(contentsOf: Self.dir.appendingPathComponent("expected.gcc"), encoding: .utf8)
        #expect(run.stdout == expected)
    }

    @Test func everyExpectCommentMatchesAFindingOnItsLine() throws {
        let run = try TestSupport.run(["--format", "gcc", "--framework", "framework.yml", "."], in: Self.dir)
        // "file:line:col: severity: message [rule]" for primary findings (notes have no rule).
        var found = Set<String>()
        for line in run.stdout.split(separator: "\n") where !line.contains(": note: ") {
            let parts = line.split(separator: ":", maxSplits: 2)
            guard parts.count == 3, let open = line.lastIndex(of: "["), line.hasSuffix("]") else { continue }
            found.insert("\(parts[0]):\(parts[1]): \(line[line.index(after: open)..<line.index(before: line.endIndex)])")
        }
        var expected = Set<String>()
        for name in ["grade-k.yml", "grade-3.yml", "grade-4.yml"] {
            let text = try String(contentsOf: Self.dir.appendingPathComponent(name), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let r = rest.range(of: "# expect: ") {
                    rest = rest[r.upperBound...]
                    let rule = rest.prefix { $0.isLetter || $0 == "-" }
                    expected.insert("\(name):\(n + 1): \(rule)")
                }
            }
        }
        #expect(found.subtracting(expected).sorted() == [], "findings without an expect comment")
        #expect(expected.subtracting(found).sorted() == [], "expect comments without a finding")
    }
}
