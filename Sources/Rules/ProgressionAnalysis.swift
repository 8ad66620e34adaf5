import SequenceLintKit

/// The shared check behind `progression-gap` and `early-pass` (RULES.md, "Progression"): at the
/// lesson where a `standards` entry first teaches a standard (itself, a part or an ancestor),
/// which framework prerequisites are neither taught nor assumed, and whether the standard comes
/// back after each of them (a later pass).
enum ProgressionAnalysis {
    /// One missing prerequisite at a lesson.
    struct Missing {
        /// The prerequisite.
        var prerequisite: Int32
        /// The standard whose framework entry lists it (the entry's standard, an ancestor or a part).
        var statedBy: Int32
        /// Where the framework lists it.
        var at: Location
        /// Whether the entry's standard is addressed again at or after the prerequisite is first taught.
        var hasLaterPass: Bool
    }

    /// One (lesson, standard) finding: every missing prerequisite of the standard at that lesson.
    struct Finding {
        var curriculum: Int
        var lesson: Int
        var entry: Ref
        var node: Int32
        var missing: [Missing]
        /// `early-pass` when every missing prerequisite has a later pass, else `progression-gap`.
        var isEarlyPass: Bool { missing.allSatisfy(\.hasLaterPass) }
    }

    /// Every finding of the linted curricula, in teaching order.
    static func findings(_ context: LintContext) -> [Finding] {
        context.shared.value("progression") { compute(context) }
    }

    private static func compute(_ context: LintContext) -> [Finding] {
        let all = context.model.frameworks
        let assumeEarlier = context.flag("assume-earlier-grades", of: ProgressionGapRule.description)
        var out: [Finding] = []
        for (c, (curriculum, standards)) in zip(context.model.curricula, context.standards).enumerated() where !standards.frameworks.isEmpty {
            for index in curriculum.lessons.indices where !standards.isAssessment[index] {
                let here = Int32(index)
                let nodes = standards.lessonStandards[index]
                // Most lessons teach nothing new: a lesson is looked at only when an entry's standard,
                // or one of its parts or ancestors, is first taught here.
                guard nodes.contains(where: { standards.isKnown($0) && standards.counts($0, inLesson: index) && newlyTaught($0, here, standards) }) else { continue }
                let lesson = curriculum.lessons[index]
                let counted = nodes.filter { standards.isKnown($0) && standards.counts($0, inLesson: index) }
                var entriesSeen = Set<Int32>()
                for (ref, node) in zip(lesson.standards, nodes)
                    where standards.isKnown(node) && standards.counts(node, inLesson: index) && entriesSeen.insert(node).inserted {
                    // A part listed beside its whole is checked with the whole: one diagnostic, not two.
                    if counted.contains(where: { $0 != node && isAncestor($0, of: node, standards) }) { continue }
                    // What this entry newly teaches: itself or an ancestor first taught here, and its
                    // parts first taught here (addressing a standard addresses its parts).
                    var cover: [Int32] = []
                    if standards.taughtAt[Int(node)] == here { cover.append(node) }
                    var stack = standards.children[Int(node)]
                    while let part = stack.popLast(), cover.count < 10_000 {
                        if standards.taughtAt[Int(part)] == here { cover.append(part) }
                        stack.append(contentsOf: standards.children[Int(part)])
                    }
                    guard !cover.isEmpty else { continue }
                    // Every missing prerequisite of this (lesson, standard), once: one diagnostic per
                    // lesson and standard (RULES.md), whatever other lessons or entries report.
                    var seen = Set<Int32>()
                    var missing: [Missing] = []
                    for standard in cover {
                        for (prerequisite, statedBy, at) in standards.prerequisites(of: standard, in: all) {
                            guard !seen.contains(prerequisite),
                                  !standards.isTaught(prerequisite, at: index, assumeEarlierGrades: assumeEarlier, in: all) else { continue }
                            seen.insert(prerequisite)
                            let taught = standards.taughtAt[Int(prerequisite)]
                            let later = taught != CurriculumStandards.never
                                && standards.lastTouchedAt[Int(node)] >= max(here + 1, taught)
                            missing.append(Missing(prerequisite: prerequisite, statedBy: statedBy, at: at, hasLaterPass: later))
                        }
                    }
                    if !missing.isEmpty {
                        out.append(Finding(curriculum: c, lesson: index, entry: ref, node: node, missing: missing))
                    }
                }
            }
        }
        return out
    }

    /// Whether the entry's standard or one of its parts is first taught at `here`: a lesson that
    /// addresses a standard teaches all its parts by then, so one is new exactly when the latest is `here`.
    private static func newlyTaught(_ node: Int32, _ here: Int32, _ standards: CurriculumStandards) -> Bool {
        standards.taughtAt[Int(node)] == here || standards.latestTaughtBelow[Int(node)] == here
    }

    /// The `standards` entry of a lesson through which it teaches `node` (itself, a part or an
    /// ancestor), and the node that entry names.
    static func entry(teaching node: Int32, in lesson: Int, _ curriculum: Curriculum, _ standards: CurriculumStandards) -> (Ref, Int32)? {
        for (ref, listed) in zip(curriculum.lessons[lesson].standards, standards.lessonStandards[lesson])
            where standards.counts(listed, inLesson: lesson) && (isAncestor(listed, of: node, standards) || isAncestor(node, of: listed, standards)) {
            return (ref, listed)
        }
        return nil
    }

    /// Whether `a` is `b` or one of its ancestors.
    static func isAncestor(_ a: Int32, of b: Int32, _ standards: CurriculumStandards) -> Bool {
        var x = b
        var steps = 0
        while x >= 0, steps < 64 {
            if x == a { return true }
            x = standards.parent[Int(x)]
            steps += 1
        }
        return false
    }

    /// "through its part 6.RP.A.3.a" or "through its whole 6.RP.A.3" when a lesson teaches `node`
    /// by another entry; empty when it names it.
    static func through(_ listed: Int32, for node: Int32, _ standards: CurriculumStandards) -> String {
        guard listed != node, let code = standards.code[Int(listed)] else { return "" }
        return isAncestor(node, of: listed, standards) ? " through its part \(code)" : " through \(code), of which it is a part"
    }

    /// A diagnostic for a finding.
    static func diagnostic(_ finding: Finding, rule: RuleDescription, context: LintContext) -> Diagnostic {
        let all = context.model.frameworks
        let curriculum = context.model.curricula[finding.curriculum]
        let standards = context.standards[finding.curriculum]
        let lesson = curriculum.lessons[finding.lesson]
        let here = finding.lesson
        let s = standards.describe(finding.node, in: all)
        func code(_ n: Int32) -> String { standards.code[Int(n)] ?? "an uncoded standard" }
        let count = finding.missing.count
        var notes: [Note] = []
        var parts: [String] = []
        var whereTaught: [String] = []
        var states: [String] = []
        for m in finding.missing {
            // Three or more prerequisites are listed by code: their texts are in the notes.
            var text = finding.missing.count > 2 ? code(m.prerequisite) : standards.describe(m.prerequisite, in: all)
            if m.statedBy != finding.node { text += " (needed by \(code(m.statedBy)))" }
            let taught = standards.taughtAt[Int(m.prerequisite)]
            var place: String
            if taught != CurriculumStandards.never {
                let other = curriculum.lessons[Int(taught)]
                let (ref, listed) = entry(teaching: m.prerequisite, in: Int(taught), curriculum, standards) ?? (Ref(other.id, at: other.idLocation), m.prerequisite)
                let how = through(listed, for: m.prerequisite, standards)
                place = "'\(other.id)' first teaches \(code(m.prerequisite))\(how), \(curriculum.distance(from: here, to: Int(taught)))"
                states.append("first taught by '\(other.id)'\(how), \(curriculum.distance(from: here, to: Int(taught)))")
                notes.append(Note("'\(other.id)' first teaches \(code(m.prerequisite))\(how)", at: ref.location))
            } else {
                let parts = standards.children[Int(m.prerequisite)].isEmpty ? "" : " or any part of it"
                place = "no lesson teaches \(code(m.prerequisite))\(parts)"
                states.append("taught by no lesson")
            }
            notes.append(Note("the framework lists \(count > 2 ? standards.describe(m.prerequisite, in: all) : code(m.prerequisite)) as a prerequisite of \(code(m.statedBy))", at: m.at))
            parts.append(text)
            whereTaught.append(place)
        }
        var message = "'\(lesson.id)' addresses \(s) before "
        if count == 1 {
            message += "its prerequisite \(parts[0]) is taught; \(whereTaught[0])"
        } else {
            message += "\(count) of its prerequisites are taught: "
                + zip(parts, states).map { "\($0), \($1)" }.joined(separator: "; ")
        }
        let codes = finding.missing.map { code($0.prerequisite) }
        let pronoun = count == 1 ? codes[0] : codes.andList
        let help: String
        if finding.isEarlyPass {
            // The first lesson that addresses the standard again once every missing prerequisite is taught.
            let threshold = finding.missing.map { standards.taughtAt[Int($0.prerequisite)] }.max() ?? 0
            if let pass = standards.firstTouch(of: finding.node, from: max(Int32(here) + 1, threshold)) {
                let other = curriculum.lessons[Int(pass.lesson)]
                let at = entry(teaching: finding.node, in: Int(pass.lesson), curriculum, standards)?.0.location ?? other.idLocation
                message += "; this is an early pass: '\(other.id)' addresses \(code(finding.node)) again after \(count > 2 ? "all of them" : pronoun), \(curriculum.distance(from: here, to: Int(pass.lesson)))"
                notes.insert(Note("the later pass: '\(other.id)' addresses \(code(finding.node))\(through(pass.through, for: finding.node, standards)) after \(pronoun) \(count == 1 ? "is" : "are") taught", at: at), at: 0)
            }
            help = "nothing to change if this first pass is deliberate; if '\(lesson.id)' only prepares \(finding.entry.text), move it to `builds-towards:`; or teach \(pronoun) before '\(lesson.id)'"
        } else {
            if finding.missing.contains(where: { standards.taughtAt[Int($0.prerequisite)] != CurriculumStandards.never }) {
                message += "; \(code(finding.node)) is not addressed again after \(count == 1 ? "that" : "they are taught")"
            }
            let taughtLater = finding.missing.filter { standards.taughtAt[Int($0.prerequisite)] != CurriculumStandards.never }
            var ways: [String] = []
            if let last = taughtLater.map({ standards.taughtAt[Int($0.prerequisite)] }).max() {
                let other = curriculum.lessons[Int(last)].id
                ways.append("move '\(lesson.id)' after '\(other)', or address \(finding.entry.text) again after '\(other)' (a later pass)")
                ways.append("if an earlier lesson already teaches \(pronoun), add \(count == 1 ? "it" : "them") to that lesson's `standards:`")
            } else {
                ways.append("teach \(pronoun) before '\(lesson.id)' (or in it)")
                ways.append("if an earlier lesson already teaches \(count == 1 ? "it" : "them"), add \(count == 1 ? "it" : "them") to that lesson's `standards:`")
            }
            ways.append("if '\(lesson.id)' only prepares \(finding.entry.text), move it to `builds-towards:`")
            if taughtLater.count < count {
                let untaught = finding.missing.filter { standards.taughtAt[Int($0.prerequisite)] == CurriculumStandards.never }.map { code($0.prerequisite) }
                ways.append("list \(untaught.count == 1 ? untaught[0] : untaught.andList) under `assumes:` if students bring \(untaught.count == 1 ? "it" : "them") from earlier")
            }
            help = ways.dropLast().joined(separator: "; ") + "; or " + ways.last!
        }
        return rule.report(message: message, location: finding.entry.location,
                          notes: notes, help: help)
    }
}
