import SequenceLintKit
import Foundation

/// Conceptual understanding out of balance with procedural fluency, in a unit or a grade.
public struct BalanceRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "balance", family: .balance, defaultSeverity: .warning,
        summary: "in a unit or a grade, the conceptual share of conceptual+procedural lessons is outside [min-conceptual, max-conceptual]",
        rationale: """
            Conceptual understanding and procedural fluency grow together: a unit of drill with no \
            "why" leaves procedures that students cannot adapt, and a unit of ideas without \
            practice leaves understanding students cannot use. Among a unit's (and a grade's) \
            conceptual and procedural lessons, the conceptual share is measured by minutes when \
            every such lesson has minutes, by count otherwise. Units and grades with fewer than \
            `min-lessons` such lessons are not judged.
            """,
        howToFix: """
            Too little conceptual work: add (or turn a drill into) lessons that build the idea \
            before the procedure. Too little procedural work: add practice lessons that build \
            fluency with what was understood.
            """,
        options: [
            .share("min-conceptual", default: 0.25, "lowest acceptable conceptual share", atMost: "max-conceptual"),
            .share("max-conceptual", default: 0.75, "highest acceptable conceptual share"),
            .count("min-lessons", default: 4, "fewest conceptual+procedural lessons for a unit or grade to be judged"),
        ],
        triggering: [
            RuleExample("""
                curriculum: demo
                grade: ↓6
                units:
                  - id: ↓fractions
                    lessons:
                      - {id: f-01, kind: conceptual, standards: [6.NS.A.1]}
                      - {id: f-02, kind: procedural, standards: [6.NS.A.1]}
                      - {id: f-03, kind: procedural, standards: [6.NS.A.1]}
                      - {id: f-04, kind: procedural, standards: [6.NS.A.1]}
                      - {id: f-05, kind: procedural, standards: [6.NS.A.1]}

                """),
            RuleExample("""
                curriculum: demo
                grade: ↓6
                units:
                  - id: ratios
                    lessons:
                      - {id: r-01, kind: conceptual, standards: [6.RP.A.1], minutes: 15}
                      - {id: r-02, kind: procedural, standards: [6.RP.A.1], minutes: 60}
                  - id: rates
                    lessons:
                      - {id: s-01, kind: conceptual, standards: [6.RP.A.2], minutes: 15}
                      - {id: s-02, kind: procedural, standards: [6.RP.A.2], minutes: 60}

                """),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                grade: 6
                units:
                  - id: fractions
                    lessons:
                      - {id: f-01, kind: conceptual, standards: [6.NS.A.1]}
                      - {id: f-02, kind: conceptual, standards: [6.NS.A.1]}
                      - {id: f-03, kind: procedural, standards: [6.NS.A.1]}
                      - {id: f-04, kind: procedural, standards: [6.NS.A.1]}
                      - {id: f-05, kind: application, standards: [6.NS.A.1]}
                      - {id: f-06, kind: procedural, standards: [6.NS.A.1]}

                """),
        ])

    struct Tally {
        var conceptual = 0, procedural = 0, conceptualMinutes = 0, minutes = 0, allTimed = true

        mutating func add(_ kind: LessonKind?, minutes lessonMinutes: Int?) {
            switch kind {
            case .conceptual?: conceptual += 1
            case .procedural?: procedural += 1
            default: return
            }
            if let m = lessonMinutes {
                minutes += m
                if kind == .conceptual { conceptualMinutes += m }
            } else {
                allTimed = false
            }
        }

        var lessons: Int { conceptual + procedural }
        var share: Double {
            allTimed && minutes > 0 ? Double(conceptualMinutes) / Double(minutes) : Double(conceptual) / Double(lessons)
        }
        var basis: String {
            allTimed && minutes > 0
                ? "\(conceptualMinutes) of \(minutes) minutes of conceptual and procedural lessons"
                : "\(conceptual) of \(lessons) conceptual and procedural lessons"
        }
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let d = Self.description
        let low = context.number("min-conceptual", of: d), high = context.number("max-conceptual", of: d)
        let minLessons = context.count("min-lessons", of: d)
        var out: [Diagnostic] = []
        func judge(_ tally: Tally, _ what: String, at location: Location) {
            guard tally.lessons >= minLessons, tally.lessons > 0 else { return }
            let share = tally.share
            guard share < low || share > high else { return }
            let help = share < low
                ? "add conceptual lessons (or turn drill into lessons that build the idea) so that at least \(Percent.text(low)) is conceptual"
                : "add procedural lessons that build fluency so that at most \(Percent.text(high)) is conceptual"
            out.append(Self.report(message: "\(what) is \(Percent.text(share, beside: share < low ? low : high)) conceptual (\(tally.basis)); expected \(Percent.text(low)) to \(Percent.text(high))",
                                  location: location, help: help))
        }
        for curriculum in context.model.curricula {
            var grade: (rank: Int, tally: Tally, file: Int)?
            func flushGrade() {
                guard let g = grade else { return }
                let file = curriculum.files[g.file]
                judge(g.tally, "grade \(file.grade!) of '\(curriculum.id)'", at: file.gradeLocation)
            }
            for (f, file) in curriculum.files.enumerated() {
                if let rank = file.grade?.rank, rank != grade?.rank {
                    flushGrade()
                    grade = (rank, Tally(), f)
                } else if file.grade == nil {
                    flushGrade()
                    grade = nil
                }
                for u in file.units {
                    let unit = curriculum.units[u]
                    var tally = Tally()
                    for l in unit.lessons { tally.add(curriculum.lessons[l].kind, minutes: curriculum.lessons[l].minutes) }
                    if !unit.id.isEmpty { judge(tally, "unit '\(unit.id)'", at: unit.idLocation) }
                    if grade != nil {
                        for l in unit.lessons { grade!.tally.add(curriculum.lessons[l].kind, minutes: curriculum.lessons[l].minutes) }
                    }
                }
            }
            flushGrade()
        }
        return out
    }
}
