import SequenceLintKit

/// A grade that seldom attends to one of the mathematical practices its curriculum tags.
public struct PracticeCoverageRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "practice-coverage", family: .alignment, defaultSeverity: .warning,
        summary: "in a curriculum that tags lessons with the `practices` (default MP1 … MP8), a grade has one of them on fewer than `min-lessons` lessons",
        rationale: """
            The Standards for Mathematical Practice (making sense of problems, reasoning, \
            constructing arguments, modeling, using tools, precision, structure, regularity) \
            are learned over the whole year, in every grade; a practice that appears in one or \
            two lessons is not being developed. Curriculum reviews look for each practice in \
            each grade (EdReports' Gateway 2). Once a curriculum tags any lesson with one of the \
            `practices`, every grade of it should carry each on at least `min-lessons` lessons, \
            of any kind. Tags match ignoring case, spaces, `.`, `-` and `_` (`MP.3` is `mp3`).
            """,
        howToFix: """
            Tag the lessons where students do this work (`practices: [MP4]`), or plan lessons \
            that develop the practices the grade is short of. A curriculum that tags other \
            practices names them in the rule's `practices` option.
            """,
        options: [
            .list("practices", default: (1...8).map { "MP\($0)" }, "the practice tags counted (matched ignoring case, spaces, `.`, `-` and `_`)"),
            .count("min-lessons", default: 3, "fewest lessons of a grade that should carry each practice"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: ↓6
                units:
                  - id: ratios
                    lessons:
                      - {id: r-01, kind: conceptual, standards: [6.RP.A.1], practices: [MP2, MP3]}
                      - {id: r-02, kind: procedural, standards: [6.RP.A.1], practices: [mp.2]}
                      - {id: r-03, kind: application, standards: [6.RP.A.3], practices: [MP-2, MP4]}

                """, configuration: "rules:\n  practice-coverage: {practices: [MP2, MP3, MP4]}\n"),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: r-01, kind: conceptual, standards: [6.RP.A.1], practices: [MP2, MP3]}
                      - {id: r-02, kind: procedural, standards: [6.RP.A.1], practices: [mp.2, mp 3]}
                      - {id: r-03, kind: assessment, standards: [6.RP.A.1], practices: [MP_2, MP_3]}

                """, configuration: "rules:\n  practice-coverage: {practices: [MP2, MP3]}\n"),
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: r-01, kind: conceptual, standards: [6.RP.A.1], practices: [identity]}

                """),
        ])

    /// A tag as practices match: lowercased, without spaces, `.`, `-` and `_`.
    static func key(_ tag: String) -> String {
        String(String.UnicodeScalarView(tag.lowercased().unicodeScalars.filter { !" \t.-_".unicodeScalars.contains($0) }))
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let minLessons = context.count("min-lessons", of: d)
        // Each practice once, as first spelled.
        var practices: [(name: String, key: String)] = []
        for name in context.strings("practices", of: d) where !practices.contains(where: { $0.key == Self.key(name) }) {
            practices.append((name, Self.key(name)))
        }
        guard !practices.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for curriculum in context.model.curricula {
            // Each distinct tag spelling is folded once (curricula repeat a handful of tags on
            // every lesson); a lesson is then a bit set of the practices it carries.
            var practiceOf: [String: Int] = [:]
            let index = Dictionary(practices.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { a, _ in a })
            var carried = [UInt64](repeating: 0, count: curriculum.lessons.count)
            for l in curriculum.lessons.indices {
                for tag in curriculum.lessons[l].practices {
                    let p: Int
                    if let known = practiceOf[tag] { p = known } else { p = index[Self.key(tag)] ?? -1; practiceOf[tag] = p }
                    if p >= 0 && p < 64 { carried[l] |= 1 << UInt64(p) }
                }
            }
            guard carried.contains(where: { $0 != 0 }) else { continue }
            let grades = curriculum.grades.map { (grade: $0.grade, file: $0.file, lessons: $0.lessons) }
            for (grade, file, lessons) in grades where !lessons.isEmpty {
                let short = practices.enumerated().compactMap { k, p -> (String, Int)? in
                    let n = k < 64 ? lessons.filter { carried[$0] & (1 << UInt64(k)) != 0 }.count : 0
                    return n < minLessons ? (p.name, n) : nil
                }
                guard !short.isEmpty else { continue }
                let listed = short.map { "\($0.0) on \($0.1 == 0 ? "none" : "\($0.1) lesson\($0.1 == 1 ? "" : "s")")" }
                out.append(Self.report(message: "grade \(grade) of '\(curriculum.id)' has \(short.count) of \(practices.count) practices on fewer than \(minLessons) lesson\(minLessons == 1 ? "" : "s"): \(listed.andList)",
                    location: curriculum.files[file].gradeLocation,
                    help: "tag the lessons where students do this work (`practices: [\(short[0].0)]`), or plan lessons for \(short.count == 1 ? "it" : "them"), so that each practice is on at least \(minLessons) lesson\(minLessons == 1 ? "" : "s") of grade \(grade)"))
            }
        }
        return out
    }
}
