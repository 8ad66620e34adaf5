import Foundation
import SequenceLintKit

/// Computes REVIEW.md's indicators from the model the rules saw. Measures are counted here, as
/// REVIEW.md defines them; verdicts come from the run's findings of each indicator's rules at
/// their configured severities; where a measure is "what a rule counts" (off-grade lessons,
/// isolated supporting work, above-grade assessment), the rule itself is asked, whatever its
/// severity, so the measure and the rule can never disagree.
public enum ReviewBuilder {
    /// The review of a run.
    public static func build(_ context: LintContext, _ result: LintResult, severity: (RuleDescription) -> Severity) -> Review {
        let descriptions = Dictionary(RuleRegistry.all.map { ($0.description.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Each rule's severity in this run, once.
        var levels: [String: Severity] = [:]
        for (id, rule) in descriptions { levels[id] = severity(rule.description) }
        let level: (String) -> Severity = { levels[$0] ?? .off }
        // Raw findings of rules whose counts are measures, at any severity.
        func raw(_ id: String) -> [Diagnostic]? { descriptions[id].map { $0.init().check(context) } }
        let rawAboveGrade = raw("above-grade-assessment")
        let rawOffGrade = raw("off-grade-lesson")
        let rawIsolated = raw("isolated-supporting-work")
        let rawProgression = ["progression-gap", "prerequisite-order", "prerequisite-cycle"].flatMap { raw($0) ?? [] }
        let progression = ProgressionAnalysis.findings(context)
        func number(_ rule: String, _ option: String, _ fallback: Double) -> Double {
            guard let d = descriptions[rule]?.description, d.options.contains(where: { $0.name == option }) else { return fallback }
            return context.number(option, of: d)
        }
        func strings(_ rule: String, _ option: String, _ fallback: [String]) -> [String] {
            guard let d = descriptions[rule]?.description, d.options.contains(where: { $0.name == option }) else { return fallback }
            return context.strings(option, of: d)
        }
        var out: [CurriculumReview] = []
        for (c, curriculum) in context.model.curricula.enumerated() {
            let builder = CurriculumReviewBuilder(
                context: context, curriculumIndex: c, diagnostics: result.diagnostics, level: level,
                rawAboveGrade: rawAboveGrade, rawOffGrade: rawOffGrade, rawIsolated: rawIsolated, rawProgression: rawProgression,
                progression: progression.filter { $0.curriculum == c && !$0.isEarlyPass },
                minutesPerDay: number("school-year-length", "minutes-per-day", 60),
                daysPerLesson: number("school-year-length", "days-per-lesson", 1),
                mathPractices: strings("practice-coverage", "practices", (1...8).map { "MP\($0)" }),
                identityPractices: strings("required-practice", "practices", ["identity"]),
                supportingScope: descriptions["isolated-supporting-work"].flatMap { d in
                    d.description.options.contains { $0.name == "scope" } ? context.strings("scope", of: d.description).first : nil } ?? "lesson")
            out.append(builder.build(curriculum))
        }
        return Review(curricula: out)
    }
}

/// The review of one curriculum.
struct CurriculumReviewBuilder {
    let context: LintContext
    let curriculumIndex: Int
    let diagnostics: [Diagnostic]
    let level: (String) -> Severity
    let rawAboveGrade: [Diagnostic]?
    let rawOffGrade: [Diagnostic]?
    let rawIsolated: [Diagnostic]?
    let rawProgression: [Diagnostic]
    let progression: [ProgressionAnalysis.Finding]
    let minutesPerDay: Double
    let daysPerLesson: Double
    let mathPractices: [String]
    let identityPractices: [String]
    let supportingScope: String

    var standards: CurriculumStandards { context.standards[curriculumIndex] }
    var all: [Framework] { context.model.frameworks }

    /// Practice tags match as `practice-coverage` matches them.
    static func practiceKey(_ tag: String) -> String { PracticeCoverageRule.key(tag) }

    func build(_ curriculum: Curriculum) -> CurriculumReview {
        // Paths of each grade's files, to give findings their grade.
        var gradeOfPath: [ByteKey: Grade] = [:]
        for file in curriculum.files { if let g = file.grade { gradeOfPath[ByteKey(file.path)] = g } }
        let curriculumPaths = Set(curriculum.files.map { ByteKey($0.path) })
        func findings(_ rules: [String], grade: Grade, in list: [Diagnostic]) -> [Diagnostic] {
            list.filter { rules.contains($0.rule) && gradeOfPath[ByteKey($0.location.path)] == grade }
        }
        let groups = curriculum.grades
        let grades = groups.map(\.grade)
        let lessonsOfGrade = Dictionary(groups.map { ($0.grade, $0.lessons) }, uniquingKeysWith: { a, _ in a })
        let unitsOfGrade = Dictionary(groups.map { ($0.grade, $0.units) }, uniquingKeysWith: { a, _ in a })
        let someMathPractice = curriculum.lessons.contains { lesson in
            lesson.practices.contains { tag in mathPractices.contains { Self.practiceKey($0) == Self.practiceKey(tag) } }
        }
        var gradeReviews: [GradeReview] = []
        for grade in grades {
            let lessons = lessonsOfGrade[grade] ?? []
            let units = unitsOfGrade[grade] ?? []
            func verdict(_ rules: [String]) -> (Verdict?, [Diagnostic]) {
                let binding = rules.filter { level($0) >= .warning }
                guard !binding.isEmpty else { return (nil, []) }
                let found = findings(binding, grade: grade, in: diagnostics)
                return (found.isEmpty ? .meets : .doesNotMeet, found)
            }
            func indicator(_ id: String, _ title: String, _ rules: [String], _ measured: (Measure?, String?, String?)) -> Indicator {
                let (v, found) = verdict(rules)
                return Indicator(id: id, title: title, measure: measured.0, reason: measured.0 == nil ? measured.1 : nil,
                                 detail: measured.0 == nil ? nil : measured.2, verdict: v, rules: rules, findings: found)
            }
            var indicators = [
                indicator("1a-assessment-focus", "assessments on the grade's work", ["above-grade-assessment"], assessmentFocus(grade, lessons, curriculum)),
                indicator("1b-major-work", "time on major work", ["major-work"], majorWork(lessons, curriculum)),
                indicator("1c-supporting-work", "supporting work connected to major", ["isolated-supporting-work"], supportingWork(grade, lessons, curriculum)),
                indicator("1d-school-year", "fits one school year", ["school-year-length"], schoolYear(lessons, curriculum)),
                indicator("1e-progressions", "follows the progressions", ["progression-gap", "prerequisite-order", "prerequisite-cycle"],
                          (.count(findings(["progression-gap", "prerequisite-order", "prerequisite-cycle"], grade: grade, in: rawProgression).count), nil, "findings of progression-gap, prerequisite-order and prerequisite-cycle")),
                indicator("1f-grade-level", "lessons on the grade's standards", ["off-grade-lesson"], offGrade(grade, lessons, curriculum)),
                indicator("coverage", "the grade's standards taught", ["uncovered-standard"], coverage(grade)),
                indicator("2-rigor", "understanding, skill and application", ["rigor-balance", "balance", "procedure-before-concept"], rigor(lessons, curriculum)),
                indicator("2-practices", "the mathematical practices", ["practice-coverage"], practices(lessons, curriculum, measured: someMathPractice)),
                indicator("identity", "units building identity", ["required-practice"], identity(units, curriculum)),
                indicator("alignment", "instruction and assessment aligned", [], alignment(lessons, curriculum)),
            ]
            // The band major work is held to, as the rule is configured.
            if let i = indicators.firstIndex(where: { $0.id == "1b-major-work" }) {
                let d = MajorWorkRule.description
                let low = context.number("min-share", of: d), high = context.number("max-share", of: d)
                let isDefault = context.options[d.id]?["min-share"] == nil && context.options[d.id]?["max-share"] == nil
                indicators[i].band = Indicator.Band(low: low, high: high, isDefault: isDefault)
            }
            gradeReviews.append(GradeReview(grade: grade, lessonCount: lessons.count, unitCount: units.count, indicators: indicators))
        }
        // "Riverside Mathematics, Grade 5" names one file; the curriculum is "Riverside Mathematics".
        var title = curriculum.files.first?.title
        if let t = title, let r = t.range(of: ", Grade ", options: .backwards), curriculum.files.count > 1 || grades.count > 0 {
            title = String(t[..<r.lowerBound])
        }
        return CurriculumReview(id: curriculum.id, title: title, grades: gradeReviews,
                                practices: practiceLines(curriculum, curriculumPaths, gradeReviews), sequence: picture(curriculum))
    }

    // MARK: weights

    /// Minutes when every lesson concerned has minutes, else one per lesson. Whole numbers: every
    /// share is one division of two exact sums, the same number however the lessons are ordered.
    func weights(_ lessons: [Int], _ curriculum: Curriculum) -> [Int] {
        let timed = !lessons.isEmpty && lessons.allSatisfy { curriculum.lessons[$0].minutes != nil }
        return lessons.map { timed ? curriculum.lessons[$0].minutes! : 1 }
    }

    func byMinutes(_ lessons: [Int], _ curriculum: Curriculum) -> Bool {
        !lessons.isEmpty && lessons.allSatisfy { curriculum.lessons[$0].minutes != nil }
    }

    func unit(_ count: Int, minutes: Bool) -> String {
        minutes ? "\(count) minutes" : "\(count) lesson\(count == 1 ? "" : "s")"
    }

    // MARK: indicators

    func assessmentFocus(_ grade: Grade, _ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        guard !standards.frameworks.isEmpty else { return (nil, "no framework applies", nil) }
        var total = 0
        for l in lessons where standards.isAssessment[l] {
            total += standards.lessonStandards[l].filter { standards.isKnown($0) }.count
        }
        guard total > 0 else { return (nil, "no assessment of this grade lists a standard", nil) }
        guard let raw = rawAboveGrade else { return (nil, "above-grade-assessment is not available", nil) }
        let paths = Set(curriculum.files.filter { $0.grade == grade }.map { ByteKey($0.path) })
        let above = raw.filter { paths.contains(ByteKey($0.location.path)) }.count
        return (.share(Double(above) / Double(total)), nil, "\(above) of \(total) assessed entries above grade")
    }

    func majorWork(_ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        guard !standards.frameworks.isEmpty else { return (nil, "no framework applies", nil) }
        guard standards.frameworks.contains(where: { all[$0].marksEmphasis }) else { return (nil, "the framework marks no emphasis", nil) }
        guard !lessons.isEmpty else { return (nil, "the grade has no lessons", nil) }
        let grade = curriculum.file(ofLesson: lessons[0]).grade
        guard standards.frameworks.contains(where: { all[$0].standards.contains { $0.emphasis != nil && $0.grade == grade } }) else {
            return (nil, "the framework marks no emphasis for grade \(grade?.description ?? "?")", nil)
        }
        let w = weights(lessons, curriculum)
        var major = 0, total = 0
        for (l, weight) in zip(lessons, w) {
            total += weight
            if !standards.isAssessment[l], standards.lessonStandards[l].contains(where: { standards.counts($0, inLesson: l) && standards.info($0, in: all)?.emphasis == .major }) {
                major += weight
            }
        }
        let minutes = byMinutes(lessons, curriculum)
        return (.share(Double(major) / Double(total)), nil, "\(unit(major, minutes: minutes)) of \(unit(total, minutes: minutes)) on major work")
    }

    func supportingWork(_ grade: Grade, _ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        guard !standards.frameworks.isEmpty else { return (nil, "no framework applies", nil) }
        guard standards.frameworks.contains(where: { all[$0].marksEmphasis }) else { return (nil, "the framework marks no emphasis", nil) }
        var supporting = Set<Int32>()
        for l in lessons where !standards.isAssessment[l] {
            for node in standards.lessonStandards[l] where standards.isKnown(node) && standards.counts(node, inLesson: l) {
                if standards.info(node, in: all)?.emphasis == .supporting, standards.nodeGrade[Int(node)] == Int16(grade.rank) { supporting.insert(node) }
            }
        }
        guard !supporting.isEmpty else { return (nil, "no supporting standard of the grade is addressed", nil) }
        guard let raw = rawIsolated else { return (nil, "isolated-supporting-work is not available", nil) }
        let paths = Set(curriculum.files.filter { $0.grade == grade }.map { ByteKey($0.path) })
        let isolated = raw.filter { paths.contains(ByteKey($0.location.path)) }.count
        let connected = supporting.count - isolated
        return (.share(Double(connected) / Double(supporting.count)), nil, "\(connected) of \(supporting.count) supporting standards share a \(supportingScope) with major work")
    }

    func schoolYear(_ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        guard !lessons.isEmpty else { return (nil, "the grade has no lessons", nil) }
        // Minutes summed first and divided once, lessons without minutes counted apart: the same
        // number however the lessons are ordered.
        var minutes = 0, timed = 0
        for l in lessons {
            if let m = curriculum.lessons[l].minutes { minutes += m; timed += 1 }
        }
        let days = Double(minutes) / minutesPerDay + Double(lessons.count - timed) * daysPerLesson
        return (.days(days), nil, "\(timed) lessons by minutes (\(Int(minutesPerDay)) a day), \(lessons.count - timed) at \(ReviewReportNumbers.plain(daysPerLesson)) day each")
    }

    func offGrade(_ grade: Grade, _ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        guard !standards.frameworks.isEmpty else { return (nil, "no framework applies", nil) }
        let teaching = lessons.filter { curriculum.lessons[$0].kind != .assessment && curriculum.lessons[$0].kind != .review }
        guard !teaching.isEmpty else { return (nil, "the grade has no lessons other than assessments and reviews", nil) }
        guard let raw = rawOffGrade else { return (nil, "off-grade-lesson is not available", nil) }
        let paths = Set(curriculum.files.filter { $0.grade == grade }.map { ByteKey($0.path) })
        let off = raw.filter { paths.contains(ByteKey($0.location.path)) }.count
        return (.share(Double(off) / Double(teaching.count)), nil, "\(off) of \(teaching.count) lessons off grade")
    }

    func coverage(_ grade: Grade) -> (Measure?, String?, String?) {
        guard !standards.frameworks.isEmpty else { return (nil, "no framework applies", nil) }
        var total = 0, covered = 0
        for node in 0..<standards.frameworkNodeCount {
            guard let info = standards.info(Int32(node), in: all), info.level == .standard, info.grade == grade,
                  let label = info.gradeLabel, Grade(parsing: label) != nil else { continue }
            total += 1
            if standards.addressedAt[node] != CurriculumStandards.never || standards.assumedFrom[node] != CurriculumStandards.never { covered += 1 }
        }
        guard total > 0 else { return (nil, "the framework has no standards of grade \(grade)", nil) }
        return (.share(Double(covered) / Double(total)), nil, "\(covered) of \(total) standards")
    }

    func rigor(_ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        let kinds: [LessonKind] = [.conceptual, .procedural, .application]
        let concerned = lessons.filter { curriculum.lessons[$0].kind.map(kinds.contains) ?? false }
        guard !concerned.isEmpty else { return (nil, "no conceptual, procedural or application lessons", nil) }
        let w = weights(concerned, curriculum)
        let total = w.reduce(0, +)
        var shares: [(String, Double)] = []
        for kind in kinds {
            let part = zip(concerned, w).filter { curriculum.lessons[$0.0].kind == kind }.reduce(0) { $0 + $1.1 }
            shares.append((kind.rawValue, Double(part) / Double(total)))
        }
        return (.shares(shares), nil, "by \(byMinutes(concerned, curriculum) ? "minutes" : "lesson count") of \(concerned.count) lessons")
    }

    func practices(_ lessons: [Int], _ curriculum: Curriculum, measured: Bool) -> (Measure?, String?, String?) {
        guard measured else { return (nil, "no lesson of the curriculum carries a practice tag (\(mathPractices.prefix(3).joined(separator: ", ")), …)", nil) }
        let counts = mathPractices.map { practice -> (String, Int) in
            let key = Self.practiceKey(practice)
            return (practice, lessons.filter { curriculum.lessons[$0].practices.contains { Self.practiceKey($0) == key } }.count)
        }
        return (.counts(counts), nil, "lessons tagged with each practice")
    }

    func identity(_ units: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        let real = units.filter { !curriculum.units[$0].lessons.isEmpty }
        guard !real.isEmpty else { return (nil, "the grade has no units with lessons", nil) }
        let wanted = Set(identityPractices)
        let tagged = real.filter { u in curriculum.units[u].lessons.contains { curriculum.lessons[$0].practices.contains(where: wanted.contains) } }.count
        return (.share(Double(tagged) / Double(real.count)), nil, "\(tagged) of \(real.count) units have a lesson tagged \(identityPractices.joined(separator: " or "))")
    }

    /// The content cell of a node: its nearest ancestor of level domain, else its topmost ancestor.
    func cell(_ node: Int32) -> Int32 {
        var x = node, top = node, steps = 0
        while x >= 0, steps < 64 {
            if standards.info(x, in: all)?.level == .domain { return x }
            top = x
            x = standards.parent[Int(x)]
            steps += 1
        }
        return top
    }

    func alignment(_ lessons: [Int], _ curriculum: Curriculum) -> (Measure?, String?, String?) {
        guard !standards.frameworks.isEmpty else { return (nil, "no framework applies", nil) }
        // Exact: each lesson's weight split over its k cells is weight × (L / k) in units of 1/L,
        // L the least common multiple of the splits; the index is one division at the end.
        func cellsOf(_ l: Int) -> [Int32] {
            var cells: [Int32] = []
            for node in standards.lessonStandards[l] where standards.isKnown(node) && standards.counts(node, inLesson: l) {
                let c = cell(node)
                if !cells.contains(c) { cells.append(c) }
            }
            return cells
        }
        let instruction = lessons.filter { curriculum.lessons[$0].kind != .assessment && curriculum.lessons[$0].kind != .review }
            .map { ($0, cellsOf($0)) }.filter { !$0.1.isEmpty }
        let assessment = lessons.filter { curriculum.lessons[$0].kind == .assessment }.map { ($0, cellsOf($0)) }.filter { !$0.1.isEmpty }
        guard !instruction.isEmpty else { return (nil, "no lesson of the grade addresses a known standard", nil) }
        guard !assessment.isEmpty else { return (nil, "no assessment of the grade assesses a known standard", nil) }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var lcm = 1
        var exact = true
        for (_, cells) in instruction + assessment {
            lcm = lcm / gcd(lcm, cells.count) * cells.count
            if lcm > 1 << 20 { exact = false; lcm = 1; break }
        }
        func amounts(_ side: [(Int, [Int32])]) -> (per: [Int32: Int], total: Int) {
            let w = weights(side.map(\.0), curriculum)
            var per: [Int32: Int] = [:]
            for ((_, cells), weight) in zip(side, w) {
                for c in cells { per[c, default: 0] += exact ? weight * (lcm / cells.count) : 0 }
            }
            return (per, w.reduce(0, +) * lcm)
        }
        let (a, wa) = amounts(instruction), (b, wb) = amounts(assessment)
        let cells = Set(a.keys).union(b.keys).sorted()
        // Σ|a/wa − b/wb| = Σ|a·wb − b·wa| / (wa·wb); the index is 1 − that / 2.
        var numerator = 0, overflow = false
        for c in cells {
            let (p, o1) = (a[c] ?? 0).multipliedReportingOverflow(by: wb)
            let (q, o2) = (b[c] ?? 0).multipliedReportingOverflow(by: wa)
            let (sum, o3) = numerator.addingReportingOverflow(abs(p - q))
            overflow = overflow || o1 || o2 || o3
            numerator = sum
        }
        let (denominator, o4) = (2 * wa).multipliedReportingOverflow(by: wb)
        let index: Double
        if overflow || o4 || !exact {
            // Past exact integers (a hostile number of domains per lesson): floating point.
            func shares(_ side: [(Int, [Int32])]) -> [Int32: Double] {
                let w = weights(side.map(\.0), curriculum)
                var out: [Int32: Double] = [:]
                for ((_, cells), weight) in zip(side, w) { for c in cells { out[c, default: 0] += Double(weight) / Double(cells.count) } }
                let total = Double(w.reduce(0, +))
                return out.mapValues { $0 / total }
            }
            let x = shares(instruction), y = shares(assessment)
            var total = 0.0
            for c in Set(x.keys).union(y.keys).sorted() { total += abs((x[c] ?? 0) - (y[c] ?? 0)) }
            index = 1 - total / 2
        } else {
            index = Double(denominator - numerator) / Double(denominator)
        }
        var gaps: [(Int32, Double, Double)] = cells.map { ($0, Double(a[$0] ?? 0) / Double(wa), Double(b[$0] ?? 0) / Double(wb)) }
        gaps.sort { abs($0.1 - $0.2) != abs($1.1 - $1.2) ? abs($0.1 - $0.2) > abs($1.1 - $1.2) : $0.0 < $1.0 }
        let detail = gaps.prefix(2).map { "\(standards.code[Int($0.0)] ?? "?"): instruction \(Percent.text($0.1)), assessment \(Percent.text($0.2))" }.joined(separator: "; ")
        return (.index(index), nil, detail)
    }

    // MARK: practices and pictures

    func practiceLines(_ curriculum: Curriculum, _ paths: Set<ByteKey>, _ grades: [GradeReview]) -> [PracticeLine] {
        let families = Dictionary(RuleRegistry.all.map { ($0.description.id, $0.description.family) }, uniquingKeysWith: { a, _ in a })
        let mine = diagnostics.filter { paths.contains(ByteKey($0.location.path)) }
        func count(_ family: RuleFamily) -> Int { mine.filter { families[$0.rule] == family }.count }
        func plural(_ n: Int) -> String { "\(n) finding\(n == 1 ? "" : "s")" }
        let identityFindings = mine.filter { $0.rule == "required-practice" }.count
        let identityShares = grades.compactMap { g -> String? in
            guard let i = g.indicators.first(where: { $0.id == "identity" }), let d = i.detail else { return nil }
            return "grade \(g.grade): \(d)"
        }
        let alignment = grades.map { g -> String in
            let i = g.indicators.first { $0.id == "alignment" }
            return "grade \(g.grade) \(i.map(ReviewReport.cell) ?? "-")"
        }
        return [
            PracticeLine(name: "logical progression", summary: "\(plural(count(.progression))) of the logical progression rules", findingCount: count(.progression)),
            PracticeLine(name: "balance", summary: "\(plural(count(.balance))) of the balance rules", findingCount: count(.balance)),
            PracticeLine(name: "identity", summary: "\(plural(identityFindings)) of required-practice; " + (identityShares.isEmpty ? "no units" : identityShares.joined(separator: "; ")), findingCount: identityFindings),
            PracticeLine(name: "aligned curriculum and assessment", summary: "\(plural(count(.alignment))) of the alignment rules; alignment index: " + alignment.joined(separator: ", "), findingCount: count(.alignment)),
        ]
    }

    func picture(_ curriculum: Curriculum) -> SequencePicture {
        let graph = context.graphs[curriculumIndex]
        let marks = curriculum.lessons.map { lesson in
            SequencePicture.Mark(id: lesson.id, title: lesson.title, kind: lesson.kind,
                                 grade: curriculum.file(ofLesson: lesson.position).grade?.description ?? "?",
                                 unit: lesson.unit, location: lesson.idLocation)
        }
        let units = curriculum.units.map { unit -> SequencePicture.UnitBand in
            let lessons = Array(unit.lessons)
            let timed = byMinutes(lessons, curriculum)
            var weights = [Double](repeating: 0, count: LessonKind.allCases.count)
            for l in lessons {
                guard let kind = curriculum.lessons[l].kind, let k = LessonKind.allCases.firstIndex(of: kind) else { continue }
                weights[k] += timed ? Double(curriculum.lessons[l].minutes!) : 1
            }
            return SequencePicture.UnitBand(id: unit.id, title: unit.title, grade: curriculum.files[unit.file].grade?.description ?? "?",
                                            lessons: unit.lessons, weights: weights)
        }
        var arcs: [SequencePicture.Arc] = []
        for lesson in curriculum.lessons {
            for (e, ref) in lesson.requires.enumerated() {
                let target = Int(graph.entryTarget[lesson.position][e])
                guard target >= 0 else { continue }
                let from = target < graph.lessonCount ? target : (curriculum.units[target - graph.lessonCount].lessons.last ?? -1)
                guard from >= 0 else { continue }
                let backward = curriculum.lastPosition(of: target, in: graph) >= lesson.position
                arcs.append(.init(from: from, to: lesson.position, kind: backward ? .backward : .requires, label: "'\(lesson.id)' requires '\(ref.text)'"))
            }
        }
        for finding in progression {
            for m in finding.missing {
                let taught = standards.taughtAt[Int(m.prerequisite)]
                let code = standards.code[Int(m.prerequisite)] ?? "?"
                arcs.append(.init(from: finding.lesson, to: taught == CurriculumStandards.never ? nil : Int(taught), kind: .gap,
                                  label: "'\(curriculum.lessons[finding.lesson].id)' addresses \(finding.entry.text) before \(code)"))
            }
        }
        // Coverage: per grade, the grade's standards by its units.
        var grids: [SequencePicture.CoverageGrid] = []
        if !standards.frameworks.isEmpty {
            var grades: [Grade] = []
            for file in curriculum.files { if let g = file.grade, !grades.contains(g) { grades.append(g) } }
            for grade in grades {
                var codes: [Int32] = []
                for node in 0..<standards.frameworkNodeCount {
                    if let info = standards.info(Int32(node), in: all), info.level == .standard, info.grade == grade, info.code != nil,
                       let label = info.gradeLabel, Grade(parsing: label) != nil { codes.append(Int32(node)) }
                }
                guard !codes.isEmpty else { continue }
                let gradeUnits = curriculum.units.filter { curriculum.files[$0.file].grade == grade && !$0.lessons.isEmpty }
                let row = Dictionary(codes.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
                var cells = [[Bool]](repeating: [Bool](repeating: false, count: gradeUnits.count), count: codes.count)
                for (u, unit) in gradeUnits.enumerated() {
                    for l in unit.lessons where !standards.isAssessment[l] {
                        for node in standards.lessonStandards[l] where standards.isKnown(node) && standards.counts(node, inLesson: l) {
                            // The standard itself, or the standard a part belongs to; a whole covers itself.
                            var x = node, steps = 0
                            while x >= 0, steps < 64 {
                                if let r = row[x] { cells[r][u] = true; break }
                                x = standards.parent[Int(x)]
                                steps += 1
                            }
                        }
                    }
                }
                grids.append(.init(grade: grade.description, units: gradeUnits.map(\.id), standards: codes.map { standards.code[Int($0)] ?? "?" }, cells: cells))
            }
        }
        return SequencePicture(marks: marks, units: units, arcs: arcs, coverage: grids)
    }
}

/// Numbers in details.
enum ReviewReportNumbers {
    static func plain(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : "\(x)" }
}
