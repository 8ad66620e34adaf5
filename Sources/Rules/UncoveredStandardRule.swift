import SequenceLintKit

/// Standards of a grade the curriculum spans that no lesson addresses.
public struct UncoveredStandardRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP.A.1, grade: 6}
          - {code: 6.RP.A.3, grade: 6}
          - {code: 6.RP.A.3.a, parent: 6.RP.A.3}
          - {code: 6.RP.A.3.b, parent: 6.RP.A.3}
          - {code: 6.NS.A.1, grade: 6}
          - {code: 6.NS.A.1.a, parent: 6.NS.A.1}
          - {code: 6.NS.A.1.b, parent: 6.NS.A.1}
          - {code: 7.RP.A.1, grade: 7}

        """

    public static let description = RuleDescription(
        id: "uncovered-standard", family: .alignment, defaultSeverity: .warning,
        summary: "standards of a grade the curriculum spans are addressed by no lesson (one diagnostic per grade, listing the largest wholly uncovered standards)",
        rationale: """
            A required standard that no lesson teaches is the gap teachers discover last, when \
            students meet it on a test. For every grade the curriculum has a file for, each \
            standard of that grade should be addressed by some lesson (or assumed). The list names \
            the largest wholly untaught standards: `6.RP.A.3` rather than its parts when none of \
            them is taught, `6.RP.A.3.b` alone when its siblings are. A domain or cluster is \
            never listed itself: its standards are.
            """,
        howToFix: "Add lessons that address the listed standards, or list them under `assumes:` if they are taught elsewhere.",
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: ↓6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: conceptual, standards: [6.NS.A.1.a]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                assumes: [6.NS.A.1]
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1, 6.RP.A.3.a]}
                      - {id: ratios-02, kind: conceptual, standards: [6.RP.A.3.b]}

                """, framework: framework),
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) where !standards.frameworks.isEmpty {
            let n = standards.frameworkNodeCount
            // Wholly uncovered: neither it nor any part addressed or assumed. Parts come after parents.
            var whole = [Bool](repeating: false, count: n)
            for node in standards.topDown.reversed() where Int(node) < n {
                let i = Int(node)
                whole[i] = standards.addressedAt[i] == CurriculumStandards.never
                    && standards.assumedFrom[i] == CurriculumStandards.never
                    && standards.children[i].allSatisfy { whole[Int($0)] }
            }
            var firstFileOfGrade: [Grade: Int] = [:]
            for (f, file) in curriculum.files.enumerated() {
                if let g = file.grade, firstFileOfGrade[g] == nil { firstFileOfGrade[g] = f }
            }
            for grade in firstFileOfGrade.keys.sorted() {
                var listed: [Int32] = []
                var stack = standards.topDown.filter { Int($0) < n && standards.parent[Int($0)] < 0 }.reversed().map { $0 }
                while let node = stack.popLast() {
                    let info = standards.info(node, in: all)
                    let single = info?.gradeLabel.map { Grade(parsing: $0) != nil } ?? false
                    if whole[Int(node)], standards.code[Int(node)] != nil, !standards.isCoarse[Int(node)], info?.grade == grade, single {
                        listed.append(node)
                        continue
                    }
                    stack.append(contentsOf: standards.children[Int(node)].reversed())
                }
                guard !listed.isEmpty else { continue }
                let codes = listed.map { standards.code[Int($0)]! }
                let shown = codes.count > 12 ? codes.prefix(12).joined(separator: ", ") + " and \(codes.count - 12) more" : codes.joined(separator: ", ")
                let notes = listed.prefix(50).compactMap { node -> Note? in
                    guard let info = standards.info(node, in: all) else { return nil }
                    return Note("\(standards.describe(node, in: all)) is not addressed", at: info.location)
                }
                let file = curriculum.files[firstFileOfGrade[grade]!]
                out.append(Self.report(message: "grade \(grade) of '\(curriculum.id)' leaves \(codes.count) standard\(codes.count == 1 ? "" : "s") unaddressed: \(shown)",
                    location: file.gradeLocation, notes: notes,
                    help: "add lessons that address \(codes.count == 1 ? "it" : "them"), or list \(codes.count == 1 ? "it" : "them") under `assumes:` if taught elsewhere"))
            }
        }
        return out
    }
}
