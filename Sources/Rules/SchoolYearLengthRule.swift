import SequenceLintKit
import Foundation

/// A grade that does not fit one school year (or, with `min-days`, leaves it half empty).
public struct SchoolYearLengthRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "school-year-length", family: .balance, defaultSeverity: .warning,
        summary: "a grade of a curriculum takes more than `max-days` (or fewer than `min-days`) school days, a lesson taking `minutes` ÷ `minutes-per-day` days when it has minutes, else `days-per-lesson`",
        rationale: """
            A grade's map is a plan for one school year (about 180 days in most of the United \
            States). A map with more lessons than days is cut short by the calendar, and what \
            gets cut is the end of the year: often the work the next grade builds on. Curriculum \
            reviews check that a grade can be taught as written in a year (EdReports' indicator \
            1d). Every lesson counts, whatever its kind: a lesson with `minutes` takes \
            `minutes` ÷ `minutes-per-day` days, one without takes `days-per-lesson` days. \
            `min-days` (off by default) reports a grade too short to fill the year.
            """,
        howToFix: """
            Combine or cut lessons until the grade fits the year, or move work to another grade. \
            If your school year or math block is longer, set `max-days` or `minutes-per-day` to \
            match it; `min-days` reports a grade that leaves the year unplanned.
            """,
        options: [
            RuleOption("min-days", kind: .count(max: 1_000_000), default: .number(0),
                       "fewest days a grade should take (0: no minimum)", atMost: "max-days"),
            .count("max-days", default: 190, "most days a grade may take"),
            .count("minutes-per-day", default: 60, "minutes of mathematics in a school day; a lesson with `minutes` takes `minutes` ÷ this many days (0: every lesson takes `days-per-lesson`)"),
            .count("days-per-lesson", default: 1, "days a lesson without `minutes` takes"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: ↓6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], minutes: 90}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], minutes: 90}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.3]}
                      - {id: ratios-04, kind: assessment, standards: [6.RP.A.1]}

                """, configuration: "rules:\n  school-year-length: {max-days: 4}\n"),
            RuleExample("""
                curriculum: demo
                grade: ↓6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1]}

                """, configuration: "rules:\n  school-year-length: {min-days: 5}\n"),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1], minutes: 45}
                      - {id: ratios-02, kind: procedural, standards: [6.RP.A.1], minutes: 45}
                      - {id: ratios-03, kind: application, standards: [6.RP.A.3], minutes: 90}
                      - {id: ratios-04, kind: assessment, standards: [6.RP.A.1]}

                """, configuration: "rules:\n  school-year-length: {max-days: 4}\n"),
        ])

    /// Days as messages show them: whole, else one decimal, with more where it would read as the bound.
    static func days(_ x: Double, beside bound: Double) -> String {
        var digits = x == x.rounded() ? 0 : 1
        func shown(_ v: Double, _ d: Int) -> String { String(format: "%.\(d)f", v) }
        while digits < 4, x != bound, shown(x, digits) == shown(bound, digits) { digits += 1 }
        return shown(x, digits)
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let maxDays = Double(context.count("max-days", of: d)), minDays = Double(context.count("min-days", of: d))
        let minutesPerDay = context.count("minutes-per-day", of: d), daysPerLesson = context.count("days-per-lesson", of: d)
        var out: [Diagnostic] = []
        for curriculum in context.model.curricula {
            let grades = curriculum.grades.map { (grade: $0.grade, file: $0.file, lessons: $0.lessons) }
            for (grade, file, lessons) in grades {
                var timed = 0, minutes = 0, untimed = 0
                for l in lessons {
                    if minutesPerDay > 0, let m = curriculum.lessons[l].minutes { timed += 1; minutes += m } else { untimed += 1 }
                }
                let days = (minutesPerDay > 0 ? Double(minutes) / Double(minutesPerDay) : 0) + Double(untimed * daysPerLesson)
                let over = days > maxDays, under = days < minDays
                guard over || under else { continue }
                var basis: [String] = []
                if timed > 0 {
                    basis.append("\(Self.plural(minutes, "minute")) in \(Self.plural(timed, "lesson")) at \(minutesPerDay) minutes a day")
                }
                if untimed > 0 {
                    let ignored = minutesPerDay == 0 && lessons.contains { curriculum.lessons[$0].minutes != nil }
                    basis.append("\(Self.plural(untimed, "lesson"))\(timed > 0 ? " without minutes" : "") at \(Self.plural(daysPerLesson, "day")) each"
                                 + (ignored ? ", minutes ignored by `minutes-per-day: 0`" : ""))
                }
                if basis.isEmpty { basis.append("no lessons") }
                let bound = over ? maxDays : minDays
                let shown = Self.days(days, beside: bound)
                let limit = over ? "more than the \(Int(maxDays)) that `max-days` allows" : "fewer than the \(Int(minDays)) that `min-days` asks for"
                out.append(Self.report(message: "grade \(grade) of '\(curriculum.id)' takes \(shown) day\(shown == "1" ? "" : "s") (\(basis.joined(separator: "; "))), \(limit)",
                    location: curriculum.files[file].gradeLocation,
                    help: over
                        ? "combine or cut lessons (or move some to another grade) so that grade \(grade) fits \(Int(maxDays)) days; a longer school year or math block sets `max-days` or `minutes-per-day`"
                        : "plan lessons for the rest of the year, or lower `min-days`"))
            }
        }
        return out
    }
}
