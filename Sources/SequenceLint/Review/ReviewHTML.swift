/// The HTML review: one self-contained page (no network, no JavaScript needed, byte-identical
/// from run to run) with the tables and the pictures (REVIEW.md, "Output").
///
/// Everything is inline: one `<style>`, inline SVG, and references only to `#fragment`s of
/// the page. Every lesson is one `<use data-lesson="ID">` mark in "The sequence" (the only use
/// of that attribute). Colors are the Okabe–Ito palette, and every kind also has a letter, so
/// nothing is told by color alone; every picture has a `<title>`/`<desc>`, a caption and a
/// visually hidden table. Output depends only on the review (no clock, no dictionary order).
public enum ReviewHTML {
    /// The whole page.
    public static func render(_ review: Review) -> String {
        var page = HTMLPage()
        page.document(review)
        return page.out
    }

    /// Text made safe for HTML text and attribute values (quotes included); control
    /// characters are shown escaped, as the other reporters show them.
    static func escape(_ s: String) -> String {
        let s = s.escapingControls
        guard s.unicodeScalars.contains(where: { "&<>\"'".unicodeScalars.contains($0) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How each kind is drawn: `LessonKind.allCases` order, then "no kind".
    struct KindStyle {
        var letter: String
        var name: String
        var fill: String
        var ink: String
    }

    static let kindStyles: [KindStyle] = [
        KindStyle(letter: "C", name: "conceptual", fill: "#0072B2", ink: "#FFFFFF"),
        KindStyle(letter: "P", name: "procedural", fill: "#E69F00", ink: "#000000"),
        KindStyle(letter: "A", name: "application", fill: "#009E73", ink: "#000000"),
        KindStyle(letter: "T", name: "assessment", fill: "#CC79A7", ink: "#000000"),
        KindStyle(letter: "R", name: "review", fill: "#F0E442", ink: "#000000"),
    ]
    static let noKind = KindStyle(letter: "?", name: "no kind", fill: "#C9CED6", ink: "#000000")

    static func styleIndex(_ kind: LessonKind?) -> Int {
        guard let kind, let k = LessonKind.allCases.firstIndex(of: kind), k < kindStyles.count else { return kindStyles.count }
        return k
    }

    static func style(_ index: Int) -> KindStyle { index < kindStyles.count ? kindStyles[index] : noKind }

    /// A curriculum's display title: the first file's title without a trailing "Grade N"
    /// (a curriculum spans grades; its first file names one).
    static func displayTitle(_ c: CurriculumReview) -> String {
        guard let title = c.title, !title.isEmpty else { return c.id }
        let words = title.split(separator: " ", omittingEmptySubsequences: true)
        if words.count >= 3, words[words.count - 2].lowercased() == "grade", Grade(parsing: String(words[words.count - 1])) != nil {
            var head = words.dropLast(2).joined(separator: " ")
            while let last = head.last, ",:;-–—·|".contains(last) || last == " " { head.removeLast() }
            if !head.isEmpty { return head }
        }
        return title
    }

    /// `5`, `5–7`, `K, 2 and 5`.
    static func gradeList(_ grades: [Grade]) -> String {
        guard let first = grades.first, let last = grades.last else { return "no grade" }
        if grades.count == 1 { return "grade \(first)" }
        let consecutive = zip(grades, grades.dropFirst()).allSatisfy { $1.rank == $0.rank + 1 }
        if consecutive { return "grades \(first)–\(last)" }
        return "grades " + grades.dropLast().map(\.description).joined(separator: ", ") + " and \(last)"
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

/// The page being written.
private struct HTMLPage {
    var out = ""
    /// Where the current picture has written a stub's grade label: by row, the x span.
    var stubLabels: [(row: Int, span: ClosedRange<Int>)] = []

    typealias K = ReviewHTML

    static func esc(_ s: String) -> String { ReviewHTML.escape(s) }

    // MARK: document

    mutating func document(_ review: Review) {
        out.reserveCapacity(64 * 1024)
        let single = review.curricula.count == 1
        let pageTitle = single ? K.displayTitle(review.curricula[0]) : "Curriculum review"
        out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"sequencelint \(Self.esc(SequenceLintVersion.current))\">\n"
        out += "<title>\(Self.esc(pageTitle)): sequencelint review</title>\n"
        out += "<style>\n" + Self.css + "</style>\n</head>\n<body>\n"
        defs()
        out += "<div class=\"wrap\">\n<header class=\"top\">\n<p class=\"eyebrow\">sequencelint review</p>\n"
        out += "<h1>\(Self.esc(pageTitle))</h1>\n"
        let lessons = review.curricula.reduce(0) { $0 + $1.sequence.marks.count }
        let units = review.curricula.reduce(0) { $0 + $1.sequence.units.count }
        var grades: [Grade] = []
        for c in review.curricula { for g in c.grades where !grades.contains(g.grade) { grades.append(g.grade) } }
        grades.sort()
        var meta = [K.plural(lessons, "lesson"), K.plural(units, "unit"), K.gradeList(grades)]
        if single {
            meta.append("curriculum <code>\(Self.esc(review.curricula[0].id))</code>")
        } else {
            meta.append(K.plural(review.curricula.count, "curriculum").replacingOccurrences(of: "curriculums", with: "curricula"))
        }
        out += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n"
        out += "<p class=\"notice\" role=\"note\"><strong>Measured, not rated.</strong> \(Self.esc(ReviewReport.notice))</p>\n"
        if !single {
            out += "<nav class=\"toc\" aria-label=\"Curricula\"><ul>"
            for (c, curriculum) in review.curricula.enumerated() {
                out += "<li><a href=\"#c\(c)\">\(Self.esc(K.displayTitle(curriculum)))</a> <code>\(Self.esc(curriculum.id))</code></li>"
            }
            out += "</ul></nav>\n"
        }
        out += "</header>\n<main>\n"
        if review.curricula.isEmpty {
            out += "<p class=\"empty\">No curriculum map was found.</p>\n"
        }
        for (c, curriculum) in review.curricula.enumerated() {
            self.curriculum(curriculum, index: c, single: single)
        }
        out += "</main>\n<footer>\n<p>Made by sequencelint \(Self.esc(SequenceLintVersion.current)) with <code>sequencelint review --format html</code>. "
        out += "This page is self-contained: it loads nothing and runs no script. Kinds are drawn in the Okabe–Ito palette and each also carries its letter.</p>\n"
        out += "</footer>\n</div>\n</body>\n</html>\n"
    }

    /// Shared drawing pieces: one mark per kind (used by every lesson) and the arrowheads.
    mutating func defs() {
        out += "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>"
        for k in 0...K.kindStyles.count {
            let s = K.style(k)
            out += "<g id=\"k\(k)\"><rect width=\"\(Seq.markW)\" height=\"\(Seq.markH)\" rx=\"2.5\" fill=\"\(s.fill)\"/>"
            out += "<text x=\"\(Seq.markW / 2)\" y=\"14.5\" fill=\"\(s.ink)\" stroke=\"none\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif\">\(s.letter)</text></g>"
        }
        out += "<marker id=\"ah-back\" viewBox=\"0 0 8 8\" refX=\"6\" refY=\"4\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0L8 4L0 8z\" fill=\"#D55E00\"/></marker>"
        out += "<marker id=\"ah-gap\" viewBox=\"0 0 8 8\" refX=\"6\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0L8 4L0 8z\" fill=\"#222\"/></marker>"
        out += "</defs></svg>\n"
    }

    // MARK: one curriculum

    mutating func curriculum(_ c: CurriculumReview, index ci: Int, single: Bool) {
        let h = single ? 2 : 3
        let p = "c\(ci)"
        if single {
            out += "<section class=\"curriculum\" id=\"\(p)\" aria-label=\"\(Self.esc(K.displayTitle(c)))\">\n"
        } else {
            out += "<section class=\"curriculum\" id=\"\(p)\" aria-labelledby=\"\(p)-h\">\n"
            out += "<h2 id=\"\(p)-h\" class=\"ctitle\">\(Self.esc(K.displayTitle(c))) <code>\(Self.esc(c.id))</code></h2>\n"
            out += "<p class=\"meta\">\(K.plural(c.sequence.marks.count, "lesson")) · \(K.plural(c.sequence.units.count, "unit")) · \(K.gradeList(c.grades.map(\.grade)))</p>\n"
        }
        summary(c)
        out += "<nav class=\"toc\" aria-label=\"Sections\"><ul>"
        for (id, name) in [("indicators", "Indicators"), ("evidence", "Evidence"), ("sequence", "The sequence"), ("balance", "Balance"), ("coverage", "Coverage"), ("practices", "The four practices")] {
            out += "<li><a href=\"#\(p)-\(id)\">\(name)</a></li>"
        }
        out += "</ul></nav>\n"
        indicators(c, p: p, h: h)
        evidence(c, p: p, h: h)
        sequence(c, p: p, h: h)
        balance(c, p: p, h: h)
        coverage(c, p: p, h: h)
        practices(c, p: p, h: h)
        out += "</section>\n"
    }

    mutating func summary(_ c: CurriculumReview) {
        var meets = 0, unmet = 0, notMeasured = 0, unmetFindings = 0
        for g in c.grades {
            for i in g.indicators {
                if i.verdict == .meets { meets += 1 }
                if i.verdict == .doesNotMeet { unmet += 1; unmetFindings += i.findings.count }
                if i.measure == nil { notMeasured += 1 }
            }
        }
        let lessonsByGrade = c.grades.map { "\($0.lessonCount)" }.joined(separator: " · ")
        out += "<ul class=\"cards\">"
        out += "<li><span class=\"big\">\(c.sequence.marks.count)</span><span class=\"lbl\">lessons</span><span class=\"sub\">\(c.grades.count > 1 ? "by grade: " + lessonsByGrade : "")</span></li>"
        out += "<li><span class=\"big\">\(c.sequence.units.count)</span><span class=\"lbl\">units</span><span class=\"sub\">\(K.gradeList(c.grades.map(\.grade)))</span></li>"
        out += "<li class=\"okc\"><span class=\"big\">\(meets)</span><span class=\"lbl\">verdicts meet</span><span class=\"sub\">indicator × grade</span></li>"
        out += "<li class=\"\(unmet > 0 ? "noc" : "")\"><span class=\"big\">\(unmet)</span><span class=\"lbl\">do not meet</span><span class=\"sub\">\(K.plural(unmetFindings, "finding")) as evidence</span></li>"
        out += "<li><span class=\"big\">\(notMeasured)</span><span class=\"lbl\">not measured</span><span class=\"sub\">reasons in the notes</span></li>"
        out += "</ul>\n"
    }

    // MARK: indicators

    mutating func indicators(_ c: CurriculumReview, p: String, h: Int) {
        out += "<h\(h) class=\"sh\" id=\"\(p)-indicators\">Indicators</h\(h)>\n"
        guard let first = c.grades.first else {
            out += "<p class=\"empty\">This curriculum has no grade, so no indicator is measured.</p>\n"
            return
        }
        // Footnotes: one per distinct reason, numbered in reading order.
        var reasons: [String] = []
        func note(_ reason: String) -> Int {
            if let i = reasons.firstIndex(of: reason) { return i + 1 }
            reasons.append(reason)
            return reasons.count
        }
        out += "<div class=\"scroll\"><table class=\"ind\">\n<caption class=\"sr-only\">Indicators by grade: the measure, how it was counted, and the verdict of the indicator's rules</caption>\n"
        out += "<thead><tr><th scope=\"col\">Indicator</th>"
        for g in c.grades { out += "<th scope=\"col\">Grade \(Self.esc(g.grade.description))<span class=\"gsub\">\(K.plural(g.lessonCount, "lesson")) · \(K.plural(g.unitCount, "unit"))</span></th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (k, head) in first.indicators.enumerated() {
            out += "<tr><th scope=\"row\"><code>\(Self.esc(head.id))</code><span class=\"ititle\">\(Self.esc(head.title))</span>"
            out += "<span class=\"rules\">\(head.rules.isEmpty ? "measure only, no rule" : "verdict from " + head.rules.map(Self.esc).joined(separator: ", "))</span></th>"
            for g in c.grades {
                guard k < g.indicators.count else { out += "<td></td>"; continue }
                let i = g.indicators[k]
                out += "<td>"
                if i.measure == nil {
                    let reason = i.reason ?? "no reason given"
                    let n = note(reason)
                    out += "<span class=\"nm\" title=\"\(Self.esc(reason))\">not measured<sup><a href=\"#\(p)-n\(n)\" aria-label=\"note \(n)\">\(n)</a></sup></span>"
                } else {
                    out += "<span class=\"mv\">\(Self.esc(ReviewReport.cell(i)))</span>"
                    if case .shares(let parts)? = i.measure { miniBar(parts) }
                    if let d = i.detail, !d.isEmpty { out += "<span class=\"det\">\(Self.esc(d))</span>" }
                }
                badge(i.verdict, findings: i.findings.count)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
        out += "<p class=\"key\"><span class=\"badge ok\"><span aria-hidden=\"true\">✓ </span>meets</span> the indicator's rules report nothing for the grade · "
        out += "<span class=\"badge no\"><span aria-hidden=\"true\">✗ </span>does not meet</span> they report something (the evidence below) · "
        out += "no badge: measured only (its rules run at info or off, or it has none).</p>\n"
        if !reasons.isEmpty {
            out += "<ol class=\"notes\" aria-label=\"Why an indicator is not measured\">"
            for (n, reason) in reasons.enumerated() {
                out += "<li id=\"\(p)-n\(n + 1)\"><span class=\"nn\">\(n + 1)</span> Not measured: \(Self.esc(reason)).</li>"
            }
            out += "</ol>\n"
        }
    }

    mutating func badge(_ verdict: Verdict?, findings: Int) {
        switch verdict {
        case .meets?: out += "<span class=\"badge ok\"><span aria-hidden=\"true\">✓ </span>meets</span>"
        case .doesNotMeet?: out += "<span class=\"badge no\"><span aria-hidden=\"true\">✗ </span>does not meet</span><span class=\"det\">\(K.plural(findings, "finding"))</span>"
        case nil: break
        }
    }

    /// A small stacked bar of the rigor shares (the text beside it says the same).
    mutating func miniBar(_ parts: [(String, Double)]) {
        out += "<span class=\"mini\" aria-hidden=\"true\">"
        for (name, share) in parts where share > 0 {
            let k = K.kindStyles.firstIndex { $0.name == name } ?? K.kindStyles.count
            out += "<i style=\"width:\(Self.pct(share));background:\(K.style(k).fill)\"></i>"
        }
        out += "</span>"
    }

    static func pct(_ x: Double) -> String {
        let tenths = Int((max(0, min(1, x)) * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    // MARK: evidence

    mutating func evidence(_ c: CurriculumReview, p: String, h: Int) {
        out += "<h\(h) class=\"sh\" id=\"\(p)-evidence\">Evidence</h\(h)>\n"
        var any = false
        for g in c.grades {
            for i in g.indicators where i.verdict == .doesNotMeet {
                any = true
                out += "<div class=\"ev\"><h\(h + 1)>Grade \(Self.esc(g.grade.description)): <code>\(Self.esc(i.id))</code> \(Self.esc(i.title)) <span class=\"badge no\"><span aria-hidden=\"true\">✗ </span>does not meet</span></h\(h + 1)>\n"
                if i.findings.isEmpty {
                    out += "<p class=\"empty\">No finding was kept for this grade.</p>\n"
                } else {
                    findingList(Array(i.findings.prefix(5)))
                    if i.findings.count > 5 {
                        out += "<details><summary>\(i.findings.count - 5) more findings</summary>\n"
                        findingList(Array(i.findings.dropFirst(5)))
                        out += "</details>\n"
                    }
                }
                out += "</div>\n"
            }
        }
        if !any {
            let verdicts = c.grades.reduce(0) { $0 + $1.indicators.filter { $0.verdict != nil }.count }
            out += verdicts == 0
                ? "<p class=\"empty\">No indicator has a verdict (their rules run at info or off), so there is no evidence to list.</p>\n"
                : "<p class=\"allgood\">Every indicator with a verdict meets its rules (\(K.plural(verdicts, "verdict"))), so there is no finding to list.</p>\n"
        }
    }

    mutating func findingList(_ findings: [Diagnostic]) {
        out += "<ul class=\"findings\">"
        for d in findings {
            out += "<li><code class=\"loc\">\(Self.esc(d.location.path)):\(d.location.start.line):\(d.location.start.column)</code> "
            out += "<span class=\"sev sev-\(Self.esc(d.severity.rawValue))\">\(Self.esc(d.severity.rawValue))</span> "
            out += "<span class=\"msg\">\(Self.esc(d.message))</span> <span class=\"rule\">[\(Self.esc(d.rule))]</span></li>"
        }
        out += "</ul>\n"
    }

    // MARK: the sequence

    /// Geometry of "The sequence".
    enum Seq {
        static let width = 1100
        static let padX = 10
        static let pitch = 16
        static let markW = 13
        static let markH = 20
        static let unitGap = 14
        static let lane = 50
        static let below = 34
        static let rowGap = 6
        static var rowH: Int { lane + markH + below + rowGap }
    }

    /// A run of one unit's lessons on one row.
    struct Segment {
        var unitNumber: Int
        var unitID: String
        var unitTitle: String?
        var lessons: [Int]
        var row: Int
        var x: Int
        var continued: Bool
        var last: Int { x + (lessons.count - 1) * Seq.pitch + Seq.markW }
    }

    /// The lessons of a grade, grouped into units, in teaching order.
    struct GradeGroup {
        var grade: String
        var units: [(id: String, title: String?, lessons: [Int])]
    }

    static func gradeGroups(_ c: CurriculumReview) -> [GradeGroup] {
        let pic = c.sequence
        var order: [String] = c.grades.map(\.grade.description)
        for u in pic.units where !order.contains(u.grade) { order.append(u.grade) }
        for m in pic.marks where !order.contains(m.grade) { order.append(m.grade) }
        var groups = order.map { GradeGroup(grade: $0, units: []) }
        var placed = [Bool](repeating: false, count: pic.marks.count)
        for u in pic.units {
            let lessons = u.lessons.filter { $0 >= 0 && $0 < pic.marks.count && !placed[$0] }
            guard !lessons.isEmpty, let g = order.firstIndex(of: u.grade) else { continue }
            for l in lessons { placed[l] = true }
            groups[g].units.append((u.id, u.title, lessons))
        }
        // Every lesson is drawn exactly once, even one outside every unit.
        for g in groups.indices {
            let loose = pic.marks.indices.filter { !placed[$0] && pic.marks[$0].grade == groups[g].grade }
            if !loose.isEmpty { groups[g].units.append(("(no unit)", "lessons outside a unit", loose)) }
        }
        return groups.filter { !$0.units.isEmpty }
    }

    /// Units into rows: a unit starts a new row when it does not fit; a unit longer than a row
    /// is split.
    static func layout(_ group: GradeGroup) -> [Segment] {
        let right = Seq.width - Seq.padX
        var segments: [Segment] = []
        var row = 0, x = Seq.padX
        for (n, unit) in group.units.enumerated() {
            var rest = unit.lessons[...]
            var continued = false
            if x > Seq.padX { x += Seq.unitGap - (Seq.pitch - Seq.markW) }
            while !rest.isEmpty {
                let room = (right - x + (Seq.pitch - Seq.markW)) / Seq.pitch
                let whole = (right - Seq.padX + (Seq.pitch - Seq.markW)) / Seq.pitch
                // Start a new row rather than leave a short piece, or split a unit that fits a row.
                if x > Seq.padX, room < rest.count, room < 6 || rest.count <= whole {
                    row += 1
                    x = Seq.padX
                    continue
                }
                let take = min(room, rest.count)
                segments.append(Segment(unitNumber: n + 1, unitID: unit.id, unitTitle: unit.title,
                                        lessons: Array(rest.prefix(take)), row: row, x: x, continued: continued))
                rest = rest.dropFirst(take)
                continued = true
                x += take * Seq.pitch
                if !rest.isEmpty { row += 1; x = Seq.padX }
            }
        }
        return segments
    }

    mutating func sequence(_ c: CurriculumReview, p: String, h: Int) {
        out += "<h\(h) class=\"sh\" id=\"\(p)-sequence\">The sequence</h\(h)>\n"
        let pic = c.sequence
        out += "<p class=\"lead\">Every lesson is a mark, in teaching order (left to right, then down), grouped by grade and unit and colored by kind, with its letter. "
        out += "Arcs above the marks join a required lesson to the lesson that requires it; hover a mark for its id and title.</p>\n"
        legend(pic)
        let groups = Self.gradeGroups(c)
        if groups.isEmpty { out += "<p class=\"empty\">No lesson to draw.</p>\n"; return }
        // Where each lesson is drawn.
        var gradeOf = [Int](repeating: -1, count: pic.marks.count)
        var rowOf = [Int](repeating: 0, count: pic.marks.count)
        var xOf = [Int](repeating: 0, count: pic.marks.count)
        var layouts: [[Segment]] = []
        for (g, group) in groups.enumerated() {
            let segments = Self.layout(group)
            for s in segments {
                for (j, l) in s.lessons.enumerated() { gradeOf[l] = g; rowOf[l] = s.row; xOf[l] = s.x + j * Seq.pitch }
            }
            layouts.append(segments)
        }
        // Lessons marked by a backward arc or a gap get an outline too.
        var flagged = [Bool](repeating: false, count: pic.marks.count)
        for a in pic.arcs where a.kind != .requires {
            let owner = a.kind == .gap ? a.from : (a.to ?? a.from)
            if owner >= 0, owner < flagged.count { flagged[owner] = true }
        }
        for (g, group) in groups.enumerated() {
            sequenceFigure(c, group: group, gradeIndex: g, segments: layouts[g], p: p, gradeOf: gradeOf, rowOf: rowOf, xOf: xOf,
                           flagged: flagged, groups: groups)
        }
    }

    mutating func legend(_ pic: SequencePicture) {
        let usesNone = pic.marks.contains { $0.kind == nil }
        out += "<div class=\"legend\" aria-label=\"Legend\"><span class=\"lg-group\">"
        for k in 0..<(K.kindStyles.count + (usesNone ? 1 : 0)) {
            let s = K.style(k)
            out += "<span class=\"lg\"><span class=\"sw\" style=\"background:\(s.fill);color:\(s.ink)\" aria-hidden=\"true\">\(s.letter)</span>\(s.letter) \(s.name)</span>"
        }
        out += "</span><span class=\"lg-group\">"
        out += "<span class=\"lg\"><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><path d=\"M2 13C2 1 32 1 32 13\" fill=\"none\" stroke=\"#8C96A3\" stroke-width=\"1.3\"/></svg>requires</span>"
        out += "<span class=\"lg\"><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><path d=\"M32 13C32 1 4 1 4 11\" fill=\"none\" stroke=\"#D55E00\" stroke-width=\"2.2\" marker-end=\"url(#ah-back)\"/></svg>runs backward (prerequisite taught later)</span>"
        out += "<span class=\"lg\"><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><path d=\"M2 13C2 1 30 1 30 11\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" marker-end=\"url(#ah-gap)\"/></svg>progression gap, to where the prerequisite is first taught</span>"
        out += "<span class=\"lg\"><svg width=\"16\" height=\"14\" aria-hidden=\"true\"><path d=\"M8 14V6\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/><path d=\"M4.5 1.5l7 7M11.5 1.5l-7 7\" stroke=\"#222\" stroke-width=\"1.6\"/></svg>prerequisite never taught</span>"
        out += "<span class=\"lg\"><svg width=\"20\" height=\"14\" aria-hidden=\"true\"><path d=\"M10 14C10 8 6 5 5 4\" fill=\"none\" stroke=\"#8C96A3\" stroke-width=\"1.3\"/><circle cx=\"4.5\" cy=\"3.5\" r=\"2.5\" fill=\"#fff\" stroke=\"#8C96A3\" stroke-width=\"1.3\"/></svg>to or from another grade</span>"
        out += "<span class=\"lg\"><svg width=\"16\" height=\"22\" aria-hidden=\"true\"><rect x=\"2\" y=\"2\" width=\"11\" height=\"18\" rx=\"2.5\" fill=\"#fff\" stroke=\"#D55E00\" stroke-width=\"2\"/></svg>lesson with a backward arc or a gap</span>"
        out += "</span></div>\n"
    }

    mutating func sequenceFigure(_ c: CurriculumReview, group: GradeGroup, gradeIndex g: Int, segments: [Segment], p: String,
                                 gradeOf: [Int], rowOf: [Int], xOf: [Int], flagged: [Bool], groups: [GradeGroup]) {
        let pic = c.sequence
        let rows = (segments.map(\.row).max() ?? 0) + 1
        stubLabels = []
        let height = rows * Seq.rowH + 4
        let id = "\(p)-seq\(g)"
        let lessonCount = segments.reduce(0) { $0 + $1.lessons.count }
        func top(_ l: Int) -> Int { rowOf[l] * Seq.rowH + Seq.lane }
        func bottom(_ l: Int) -> Int { top(l) + Seq.markH }
        func cx(_ l: Int) -> Int { xOf[l] + Seq.markW / 2 }
        func inGrade(_ l: Int?) -> Bool { l.map { $0 >= 0 && $0 < gradeOf.count && gradeOf[$0] == g } ?? false }
        // The arcs this grade draws, counted by the lesson they belong to.
        var requires = 0, backward = 0, gaps = 0
        var arcsHere: [SequencePicture.Arc] = []
        for a in pic.arcs where inGrade(a.from) || inGrade(a.to) {
            arcsHere.append(a)
            let owner = a.kind == .gap ? a.from : (a.to ?? a.from)
            guard inGrade(owner) else { continue }
            switch a.kind {
            case .requires: requires += 1
            case .backward: backward += 1
            case .gap: gaps += 1
            }
        }
        let gradeName = "Grade \(group.grade)"
        let summary = "\(gradeName): \(K.plural(lessonCount, "lesson")) in \(K.plural(group.units.count, "unit")); \(requires) requires \(requires == 1 ? "arc" : "arcs"), \(backward) running backward, \(K.plural(gaps, "progression gap"))."
        var kindCounts = [Int](repeating: 0, count: K.kindStyles.count + 1)
        for s in segments { for l in s.lessons { kindCounts[K.styleIndex(pic.marks[l].kind)] += 1 } }
        let kindText = kindCounts.enumerated().filter { $0.element > 0 }.map { "\($0.element) \(K.style($0.offset).name)" }.joined(separator: ", ")

        out += "<figure class=\"seq\" id=\"\(id)\">\n<figcaption><strong>\(Self.esc(gradeName))</strong> · \(K.plural(lessonCount, "lesson")) in \(K.plural(group.units.count, "unit")) · "
        out += "\(requires) requires · <span class=\"\(backward > 0 ? "bad" : "")\">\(backward) backward</span> · <span class=\"\(gaps > 0 ? "bad" : "")\">\(K.plural(gaps, "gap"))</span></figcaption>\n"
        out += "<svg class=\"seqsvg\" viewBox=\"0 0 \(Seq.width) \(height)\" width=\"\(Seq.width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
        out += "<title id=\"\(id)-t\">The sequence, \(Self.esc(gradeName))</title>"
        out += "<desc id=\"\(id)-d\">\(Self.esc(summary)) Kinds: \(Self.esc(kindText)). The table after this picture lists every lesson.</desc>\n"
        // Unit backgrounds, then the arcs, then the unit labels (haloed, over the arcs), then the marks.
        out += "<g class=\"units\">"
        for s in segments {
            let y = s.row * Seq.rowH + Seq.lane
            out += "<rect class=\"ub\" x=\"\(s.x - 3)\" y=\"\(y - 3)\" width=\"\(s.last - s.x + 6)\" height=\"\(Seq.markH + 6)\" rx=\"4\"/>"
            out += "<path class=\"br\" d=\"M\(s.x) \(y + Seq.markH + 6)v4H\(s.last)v-4\"/>"
        }
        out += "</g>\n<g class=\"arcs\">"
        // Requires first, then gaps, then backward arcs on top.
        for pass in [SequencePicture.Arc.Kind.requires, .gap, .backward] {
            for a in arcsHere where a.kind == pass {
                arc(a, inGrade: inGrade, top: top, bottom: bottom, cx: cx, rowOf: rowOf, gradeOf: gradeOf, groups: groups, g: g)
            }
        }
        out += "</g>\n<g class=\"labels\">"
        for s in segments {
            let by = s.row * Seq.rowH + Seq.lane + Seq.markH + 6
            let title = s.unitTitle.map { $0.isEmpty ? s.unitID : $0 } ?? s.unitID
            let full = "Unit \(s.unitNumber)\(s.continued ? " (continued)" : ""): \(title) (\(s.unitID))"
            let room = max(1, (s.last - s.x) * 10 / 70)
            var label = (s.continued ? "U\(s.unitNumber) cont. " : "U\(s.unitNumber) ") + title
            if label.count > room { label = room >= 8 ? String(label.prefix(room - 1)) + "…" : "U\(s.unitNumber)" }
            out += "<text class=\"ul\" x=\"\(s.x)\" y=\"\(by + 18)\"><title>\(Self.esc(full))</title>\(Self.esc(label))</text>"
        }
        out += "</g>\n<g class=\"marks\">"
        for s in segments {
            for l in s.lessons {
                let m = pic.marks[l]
                let k = K.styleIndex(m.kind)
                let titled = m.title.map { $0.isEmpty ? "" : " " + $0 } ?? ""
                out += "<use href=\"#k\(k)\" x=\"\(xOf[l])\" y=\"\(top(l))\"\(flagged[l] ? " class=\"flag\"" : "") data-lesson=\"\(Self.esc(m.id))\">"
                out += "<title>\(Self.esc(m.id)):\(Self.esc(titled)) (\(K.style(k).name))</title></use>"
            }
        }
        out += "</g></svg>\n"
        sequenceTable(c, group: group, arcs: arcsHere, gradeName: gradeName, inGrade: inGrade)
        out += "</figure>\n"
    }

    /// One arc of a grade's picture.
    mutating func arc(_ a: SequencePicture.Arc, inGrade: (Int?) -> Bool, top: (Int) -> Int, bottom: (Int) -> Int, cx: (Int) -> Int,
                      rowOf: [Int], gradeOf: [Int], groups: [GradeGroup], g: Int) {
        let cls: String
        switch a.kind {
        case .requires: cls = "a-req"
        case .backward: cls = "a-back"
        case .gap: cls = "a-gap"
        }
        let marker = a.kind == .requires ? "" : " marker-end=\"url(#ah-\(a.kind == .backward ? "back" : "gap"))\""
        let tip = a.kind == .requires ? "" : "<title>\(Self.esc(a.label))</title>"
        let from = a.from
        guard let to = a.to else {
            // A gap whose prerequisite is never taught: a dashed stub ending in a cross.
            guard inGrade(from) else { return }
            let x = cx(from), y = top(from)
            out += "<g class=\"never\">\(tip)<path class=\"a-gap\" d=\"M\(x) \(y - 1)V\(y - 30)\"/><path class=\"x\" d=\"M\(x - 4) \(y - 38)l8 8M\(x + 4) \(y - 38)l-8 8\"/></g>"
            return
        }
        if inGrade(from) && inGrade(to) {
            if from == to { return }
            let xa = cx(from), xb = cx(to)
            if rowOf[from] == rowOf[to] {
                let y = top(from) - 1
                let peak = min(Double(Seq.lane - 6), 7 + Double(abs(xb - xa)) * 0.28)
                let c = Int((peak / 0.75).rounded())
                let end = a.kind == .requires ? y : y - 2
                out += "<path class=\"\(cls)\" d=\"M\(xa) \(y)C\(xa) \(y - c) \(xb) \(end - c) \(xb) \(end)\"\(marker)>\(tip)</path>"
            } else if rowOf[from] < rowOf[to] {
                let ya = bottom(from) + 1, yb = top(to) - (a.kind == .requires ? 1 : 3)
                out += "<path class=\"\(cls)\" d=\"M\(xa) \(ya)C\(xa) \(ya + 40) \(xb) \(yb - 44) \(xb) \(yb)\"\(marker)>\(tip)</path>"
            } else {
                let ya = top(from) - 1, yb = bottom(to) + (a.kind == .requires ? 1 : 3)
                out += "<path class=\"\(cls)\" d=\"M\(xa) \(ya)C\(xa) \(ya - 44) \(xb) \(yb + 40) \(xb) \(yb)\"\(marker)>\(tip)</path>"
            }
            return
        }
        // One end in another grade: a stub leaning toward it, labelled with that grade.
        // A requires arc is drawn where it arrives, at the lesson that requires.
        if a.kind == .requires && !inGrade(to) { return }
        let here = inGrade(from) ? from : to
        let there = here == from ? to : from
        guard there >= 0, there < gradeOf.count else { return }
        let otherGrade = gradeOf[there] >= 0 ? groups[gradeOf[there]].grade : "?"
        let x = cx(here), y = top(here) - 1
        // Lean toward the other grade (left: earlier), unless that leaves the picture.
        let left = gradeOf[there] < g && x > 44
        let dx = left ? -12 : 12
        let label = (a.kind == .requires ? "" : a.label + "; ") + (here == to ? "from" : "to") + " grade \(otherGrade)" + (a.kind == .requires ? ": " + a.label : "")
        out += "<g class=\"stub \(cls.replacingOccurrences(of: "a-", with: "s-"))\"><title>\(Self.esc(label))</title><path d=\"M\(x) \(y)C\(x) \(y - 16) \(x + dx) \(y - 20) \(x + dx) \(y - 28)\"/>"
        out += "<circle cx=\"\(x + dx)\" cy=\"\(y - 31)\" r=\"3\"/>"
        // The grade's name once per stretch of stubs, not over another.
        let textX = x + dx + (left ? -5 : 5)
        let span = left ? (textX - 34)...textX : textX...(textX + 34)
        if !stubLabels.contains(where: { $0.row == rowOf[here] && $0.span.overlaps(span) }) {
            stubLabels.append((rowOf[here], span))
            out += "<text x=\"\(textX)\" y=\"\(y - 28)\" text-anchor=\"\(left ? "end" : "start")\">gr \(Self.esc(otherGrade))</text>"
        }
        out += "</g>"
    }

    /// The text equivalent of a grade's picture: every lesson, its kind, unit, what it requires
    /// and any backward arc or gap.
    mutating func sequenceTable(_ c: CurriculumReview, group: GradeGroup, arcs: [SequencePicture.Arc], gradeName: String,
                                inGrade: (Int?) -> Bool) {
        let pic = c.sequence
        var notes: [Int: [String]] = [:]
        var requires: [Int: [String]] = [:]
        for a in arcs {
            switch a.kind {
            case .requires:
                if let to = a.to, inGrade(to), a.from >= 0, a.from < pic.marks.count { requires[to, default: []].append(pic.marks[a.from].id) }
            case .backward:
                if let to = a.to, inGrade(to) { notes[to, default: []].append("runs backward: " + a.label) }
            case .gap:
                if inGrade(a.from) {
                    let whereTaught = a.to.flatMap { $0 >= 0 && $0 < pic.marks.count ? pic.marks[$0].id : nil }
                    notes[a.from, default: []].append("progression gap: " + a.label + (whereTaught.map { "; first taught in \($0)" } ?? "; never taught"))
                }
            }
        }
        out += "<table class=\"sr-only\"><caption>\(Self.esc(gradeName)), every lesson in teaching order</caption>"
        out += "<thead><tr><th scope=\"col\">Unit</th><th scope=\"col\">Lesson</th><th scope=\"col\">Kind</th><th scope=\"col\">Title</th><th scope=\"col\">Requires</th><th scope=\"col\">Notes</th></tr></thead><tbody>"
        for (u, unit) in group.units.enumerated() {
            for l in unit.lessons {
                let m = pic.marks[l]
                out += "<tr>"
                out += l == unit.lessons.first ? "<td>\(u + 1) \(Self.esc(unit.title ?? unit.id))</td>" : "<td></td>"
                out += "<td>\(Self.esc(m.id))</td><td>\(K.style(K.styleIndex(m.kind)).name)</td><td>\(Self.esc(m.title ?? ""))</td>"
                out += "<td>\((requires[l] ?? []).map(Self.esc).joined(separator: ", "))</td><td>\((notes[l] ?? []).map(Self.esc).joined(separator: "; "))</td></tr>"
            }
        }
        out += "</tbody></table>\n"
    }

    // MARK: balance

    mutating func balance(_ c: CurriculumReview, p: String, h: Int) {
        out += "<h\(h) class=\"sh\" id=\"\(p)-balance\">Balance</h\(h)>\n"
        majorWork(c, p: p)
        let pic = c.sequence
        let groups = Self.gradeGroups(c)
        out += "<p class=\"lead\">Per unit, the share of each kind (by minutes where every lesson of the unit has minutes, by lesson count otherwise).</p>\n"
        for (g, group) in groups.enumerated() {
            let units = pic.units.filter { $0.grade == group.grade }
            guard !units.isEmpty else { continue }
            let id = "\(p)-bal\(g)"
            let rowH = 28, barX = 300, barW = 640, height = units.count * rowH + 8
            out += "<figure class=\"bal\" id=\"\(id)\">\n<figcaption><strong>Grade \(Self.esc(group.grade))</strong> · kinds per unit</figcaption>\n"
            out += "<svg viewBox=\"0 0 \(Seq.width) \(height)\" width=\"\(Seq.width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            out += "<title id=\"\(id)-t\">Balance of kinds per unit, grade \(Self.esc(group.grade))</title>"
            out += "<desc id=\"\(id)-d\">One stacked bar per unit: conceptual, procedural, application, assessment and review shares. The table after this picture gives the numbers.</desc>\n"
            for (n, u) in units.enumerated() {
                let y = 4 + n * rowH
                let title = (u.title?.isEmpty == false ? u.title! : u.id)
                var label = "\(n + 1). " + title
                if label.count > 40 { label = String(label.prefix(39)) + "…" }
                out += "<text class=\"bl\" x=\"0\" y=\"\(y + 15)\"><title>\(Self.esc("Unit \(n + 1): \(title) (\(u.id))"))</title>\(Self.esc(label))</text>"
                let total = u.weights.reduce(0, +)
                if total <= 0 {
                    out += "<rect x=\"\(barX)\" y=\"\(y + 2)\" width=\"\(barW)\" height=\"18\" rx=\"3\" class=\"empty-bar\"/><text class=\"bt\" x=\"\(barX + 8)\" y=\"\(y + 15)\">no lesson with a kind</text>"
                } else {
                    var x = Double(barX)
                    for (k, w) in u.weights.enumerated() where w > 0 {
                        let width = Double(barW) * w / total
                        let s = K.style(k)
                        out += "<rect x=\"\(Self.num(x))\" y=\"\(y + 2)\" width=\"\(Self.num(width))\" height=\"18\" fill=\"\(s.fill)\"><title>\(s.name) \(Percent.text(w / total))</title></rect>"
                        let text = width >= 52 ? "\(s.letter) \(Percent.text(w / total))" : (width >= 12 ? s.letter : "")
                        if !text.isEmpty {
                            out += "<text class=\"bt\" x=\"\(Self.num(x + width / 2))\" y=\"\(y + 15)\" fill=\"\(s.ink)\" text-anchor=\"middle\">\(text)</text>"
                        }
                        x += width
                    }
                }
                out += "<text class=\"bn\" x=\"\(barX + barW + 12)\" y=\"\(y + 15)\">\(K.plural(u.lessons.count, "lesson"))</text>"
            }
            out += "</svg>\n"
            // The numbers.
            out += "<table class=\"sr-only\"><caption>Kinds per unit, grade \(Self.esc(group.grade)), as shares</caption><thead><tr><th scope=\"col\">Unit</th>"
            for s in K.kindStyles { out += "<th scope=\"col\">\(s.name)</th>" }
            out += "<th scope=\"col\">lessons</th></tr></thead><tbody>"
            for (n, u) in units.enumerated() {
                let total = u.weights.reduce(0, +)
                out += "<tr><th scope=\"row\">\(n + 1) \(Self.esc(u.title ?? u.id))</th>"
                for k in K.kindStyles.indices {
                    let w = k < u.weights.count ? u.weights[k] : 0
                    out += "<td>\(total > 0 ? Percent.text(w / total) : "-")</td>"
                }
                out += "<td>\(u.lessons.count)</td></tr>"
            }
            out += "</tbody></table>\n</figure>\n"
        }
    }

    /// The major-work share of each grade against the rule's bounds.
    mutating func majorWork(_ c: CurriculumReview, p: String) {
        let rows = c.grades.map { g in (g, g.indicators.first { $0.id == "1b-major-work" }) }
        guard !rows.isEmpty else { return }
        let band = rows.lazy.compactMap { $0.1?.band }.first ?? Indicator.Band(low: 0.65, high: 0.85, isDefault: true)
        let bounds = (low: band.low, high: band.high, configured: !band.isDefault)
        let id = "\(p)-major"
        let rowH = 30, barX = 300, barW = 640, top = 26, height = top + rows.count * rowH + 24
        let lo = Percent.text(bounds.low), hi = Percent.text(bounds.high)
        out += "<figure class=\"bal\" id=\"\(id)\">\n<figcaption><strong>Major work</strong> · share of each grade's time on its major work, against the bounds \(lo)–\(hi)\(bounds.configured ? "" : " (the rule's defaults)")</figcaption>\n"
        var desc: [String] = []
        for (g, i) in rows {
            guard let i else { continue }
            if case .share(let x)? = i.measure {
                desc.append("grade \(g.grade) \(Percent.text(x))\(i.verdict == .meets ? ", meets" : i.verdict == .doesNotMeet ? ", does not meet" : "")")
            } else {
                desc.append("grade \(g.grade) not measured (\(i.reason ?? "no reason given"))")
            }
        }
        out += "<svg viewBox=\"0 0 \(Seq.width) \(height)\" width=\"\(Seq.width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
        out += "<title id=\"\(id)-t\">Major-work share per grade, bounds \(lo) to \(hi)</title><desc id=\"\(id)-d\">\(Self.esc(desc.joined(separator: "; "))).</desc>\n"
        let bx = Double(barX) + Double(barW) * bounds.low, bw = Double(barW) * (bounds.high - bounds.low)
        let bandBottom = top + rows.count * rowH
        out += "<text class=\"tick\" x=\"\(Self.num(bx))\" y=\"\(top - 11)\" text-anchor=\"middle\">\(lo)</text><text class=\"tick\" x=\"\(Self.num(bx + bw))\" y=\"\(top - 11)\" text-anchor=\"middle\">\(hi)</text>"
        out += "<text class=\"tick\" x=\"\(Self.num(bx + bw / 2))\" y=\"\(top - 11)\" text-anchor=\"middle\">bounds</text>"
        for t in [0, 25, 50, 75, 100] {
            let x = barX + barW * t / 100
            out += "<path class=\"axis\" d=\"M\(x) \(bandBottom - 2)v5\"/><text class=\"tick\" x=\"\(x)\" y=\"\(bandBottom + 16)\" text-anchor=\"middle\">\(t)%</text>"
        }
        out += "<path class=\"axis\" d=\"M\(barX) \(bandBottom)H\(barX + barW)\"/>"
        var tips = ""
        for (n, (g, i)) in rows.enumerated() {
            let y = top + n * rowH
            out += "<text class=\"bl\" x=\"0\" y=\"\(y + 13)\">Grade \(Self.esc(g.grade.description))</text>"
            out += "<rect class=\"track\" x=\"\(barX)\" y=\"\(y + 2)\" width=\"\(barW)\" height=\"14\" rx=\"2\"/>"
            guard let i, case .share(let x)? = i.measure else {
                out += "<text class=\"bt\" x=\"\(barX + 8)\" y=\"\(y + 13)\">not measured: \(Self.esc(i?.reason ?? "no indicator"))</text>"
                continue
            }
            let outside = x < bounds.low || x > bounds.high
            let w = Double(barW) * max(0, min(1, x))
            out += "<rect class=\"\(outside ? "mw-out" : "mw")\" x=\"\(barX)\" y=\"\(y + 2)\" width=\"\(Self.num(w))\" height=\"14\" rx=\"2\"/>"
            tips += "<path class=\"tip\" d=\"M\(Self.num(Double(barX) + w)) \(y - 1)v20\"/>"
            let verdict = i.verdict == .meets ? "meets" : i.verdict == .doesNotMeet ? "does not meet" : (outside ? "outside the bounds" : "within the bounds")
            out += "<text class=\"bv\" x=\"\(barX + barW + 12)\" y=\"\(y + 13)\"><tspan font-weight=\"700\">\(Percent.text(x))</tspan> \(verdict)</text>"
        }
        // The bounds over the bars, so a share inside them reads as inside.
        out += "<rect class=\"band\" x=\"\(Self.num(bx))\" y=\"\(top - 6)\" width=\"\(Self.num(bw))\" height=\"\(rows.count * rowH + 2)\"/>"
        out += "<path class=\"bound\" d=\"M\(Self.num(bx)) \(top - 6)V\(bandBottom - 4)M\(Self.num(bx + bw)) \(top - 6)V\(bandBottom - 4)\"/>"
        out += tips
        out += "</svg>\n</figure>\n"
    }

    /// A coordinate with at most one decimal.
    static func num(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }

    // MARK: coverage

    mutating func coverage(_ c: CurriculumReview, p: String, h: Int) {
        out += "<h\(h) class=\"sh\" id=\"\(p)-coverage\">Coverage</h\(h)>\n"
        let grids = c.sequence.coverage
        guard !grids.isEmpty else {
            out += "<p class=\"empty\">No framework applies, or it lists no standard of these grades, so there is no grid.</p>\n"
            return
        }
        out += "<p class=\"lead\">Per grade, the grade's standards (rows) by its units (columns): a filled cell where a lesson of the unit addresses the standard. A row with no filled cell is not taught by any unit of the grade.</p>\n"
        out += "<div class=\"grids\">\n"
        for (gi, grid) in grids.enumerated() {
            let untaught = grid.cells.filter { !$0.contains(true) }.count
            let titles = grid.units.map { id in c.sequence.units.first { $0.id == id && $0.grade == grid.grade }?.title ?? id }
            out += "<figure class=\"cov\" id=\"\(p)-cov\(gi)\">\n<figcaption><strong>Grade \(Self.esc(grid.grade))</strong> · \(K.plural(grid.standards.count, "standard")) × \(K.plural(grid.units.count, "unit"))"
            out += untaught > 0 ? " · <span class=\"bad\">\(untaught) not taught</span>" : " · every standard taught"
            out += "</figcaption>\n<table class=\"grid\"><caption class=\"sr-only\">Coverage of grade \(Self.esc(grid.grade)): standards by units</caption>"
            out += "<thead><tr><th scope=\"col\">Standard</th>"
            for (u, id) in grid.units.enumerated() {
                out += "<th scope=\"col\" class=\"u\"><abbr title=\"\(Self.esc("Unit \(u + 1): \(titles[u]) (\(id))"))\">U\(u + 1)</abbr></th>"
            }
            out += "</tr></thead><tbody>"
            for (s, code) in grid.standards.enumerated() {
                let row = s < grid.cells.count ? grid.cells[s] : []
                let none = !row.contains(true)
                out += "<tr\(none ? " class=\"untaught\"" : "")><th scope=\"row\">\(Self.esc(code))\(none ? " <span class=\"nt\">not taught</span>" : "")</th>"
                for u in grid.units.indices {
                    out += (u < row.count && row[u]) ? "<td class=\"on\"><span class=\"sr-only\">yes</span></td>" : "<td></td>"
                }
                out += "</tr>"
            }
            out += "</tbody></table>\n<ol class=\"ukey\">"
            for (u, id) in grid.units.enumerated() {
                out += "<li><b>U\(u + 1)</b> \(Self.esc(titles[u]))\(titles[u] == id ? "" : " <code>\(Self.esc(id))</code>")</li>"
            }
            out += "</ol>\n</figure>\n"
        }
        out += "</div>\n"
    }

    // MARK: practices

    mutating func practices(_ c: CurriculumReview, p: String, h: Int) {
        out += "<h\(h) class=\"sh\" id=\"\(p)-practices\">The four practices</h\(h)>\n<dl class=\"practices\">"
        for line in c.practices {
            out += "<div class=\"pl\"><dt>\(Self.esc(line.name))<span class=\"cnt\(line.findingCount > 0 ? " some" : "")\">\(K.plural(line.findingCount, "finding"))</span></dt><dd>\(Self.esc(line.summary))</dd></div>"
        }
        out += "</dl>\n"
    }

    // MARK: style

    static let css = """
        :root{--ink:#1c2330;--muted:#5a6473;--line:#dde2e8;--soft:#f4f6f9;--ok:#00664a;--ok-bg:#dcf1e8;--bad:#9e3a00;--bad-bg:#fbe2d4}
        *{box-sizing:border-box}
        html{color-scheme:light;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
        .wrap{max-width:1180px;margin:0 auto;padding:36px 36px 56px}
        code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace}
        h1{font-size:32px;line-height:1.15;margin:4px 0 6px;font-weight:700;letter-spacing:-.01em}
        .sh{font-size:22px;margin:44px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
        h2.ctitle{font-size:26px;margin:64px 0 2px}
        h3,h4{font-size:16px;margin:22px 0 8px}
        .eyebrow{text-transform:uppercase;letter-spacing:.09em;font-size:12px;font-weight:600;color:var(--muted);margin:0}
        .meta{color:var(--muted);margin:0 0 16px}
        .notice{background:#fdf6e3;border-left:4px solid #E69F00;padding:10px 14px;margin:0 0 8px;border-radius:0 6px 6px 0;max-width:900px}
        .lead{color:var(--muted);margin:4px 0 12px;max-width:900px}
        .empty,.allgood{color:var(--muted)}
        .allgood{background:var(--ok-bg);color:var(--ok);padding:8px 12px;border-radius:6px;display:inline-block;margin:0}
        .sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
        svg.defs{position:absolute;width:0;height:0;overflow:hidden}
        .toc ul{list-style:none;padding:0;margin:12px 0 0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:14px}
        .toc a{color:#0b5cad;text-decoration:none;border-bottom:1px solid #b8d0ea}
        .cards{list-style:none;padding:0;margin:22px 0 4px;display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
        .cards li{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft)}
        .cards .big{display:block;font-size:28px;font-weight:700;line-height:1.1}
        .cards .lbl{display:block;font-weight:600}
        .cards .sub{display:block;font-size:12.5px;color:var(--muted);min-height:1.2em}
        .cards .okc{background:var(--ok-bg);border-color:#b5dfcc}
        .cards .noc{background:var(--bad-bg);border-color:#f0bfa3}
        .scroll{overflow-x:auto}
        table.ind{border-collapse:collapse;width:100%;font-size:14px}
        .ind th,.ind td{border-bottom:1px solid var(--line);padding:9px 12px;text-align:left;vertical-align:top}
        .ind thead th{background:var(--soft);border-bottom:2px solid #c3cad3;font-size:15px}
        .ind tbody tr:nth-child(even){background:#fafbfc}
        .ind th[scope=row]{font-weight:400;width:28%}
        .ind th[scope=row] code{font-weight:600;display:block}
        .gsub,.ititle,.rules,.det,.mv{display:block}
        .gsub{font-weight:400;font-size:12.5px;color:var(--muted)}
        .ititle{font-size:13.5px}
        .rules{font-size:12px;color:var(--muted)}
        .mv{font-weight:600;font-variant-numeric:tabular-nums}
        .det{font-size:12px;color:var(--muted);max-width:300px}
        .nm{color:var(--muted);font-style:italic;border-bottom:1px dotted var(--muted);cursor:help}
        .nm sup a{color:var(--muted);text-decoration:none;font-style:normal;margin-left:2px}
        .badge{display:inline-block;font-size:12px;font-weight:600;padding:1px 9px;border-radius:10px;margin-top:4px;white-space:nowrap}
        .badge.ok{background:var(--ok-bg);color:var(--ok);border:1px solid #b5dfcc}
        .badge.no{background:var(--bad-bg);color:var(--bad);border:1px solid #f0bfa3}
        .mini{display:flex;width:150px;height:7px;border-radius:2px;overflow:hidden;margin:4px 0 2px}
        .mini i{display:block;height:100%}
        .key{font-size:13px;color:var(--muted);margin:10px 0 4px}
        .notes{list-style:none;padding:0;margin:8px 0 0;font-size:13px;color:var(--muted)}
        .notes li{margin:2px 0}
        .nn{display:inline-block;min-width:1.4em;font-weight:700}
        .ev{border-left:3px solid #D55E00;padding:2px 0 2px 14px;margin:14px 0}
        .ev h3,.ev h4,.ev h5{margin:0 0 6px;font-size:15px}
        .findings{list-style:none;padding:0;margin:0;font-size:14px}
        .findings li{padding:3px 0;border-bottom:1px dashed var(--line)}
        .loc{color:#0b5cad}
        .sev{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
        .sev-error{color:#b00020}.sev-warning{color:var(--bad)}.sev-info{color:var(--muted)}
        .rule{color:var(--muted);font-size:13px}
        details summary{cursor:pointer;color:#0b5cad;margin:6px 0}
        .legend{display:flex;flex-wrap:wrap;gap:8px 26px;align-items:center;font-size:13px;padding:10px 14px;border:1px solid var(--line);border-radius:8px;background:var(--soft);margin:0 0 14px}
        .lg-group{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center}
        .lg{display:inline-flex;align-items:center;gap:6px;white-space:nowrap}
        .sw{display:inline-block;width:14px;height:20px;border-radius:3px;font-size:11px;font-weight:700;text-align:center;line-height:20px}
        figure{margin:0 0 22px}
        figcaption{font-size:14px;margin:0 0 4px;color:var(--muted)}
        figcaption strong{color:var(--ink);font-size:15px}
        .bad{color:var(--bad);font-weight:600}
        svg{max-width:100%;height:auto;display:block}
        .seqsvg{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
        .ub{fill:#f1f3f6}
        .br{fill:none;stroke:#9aa3ae;stroke-width:1}
        .ul{font-size:11.5px;fill:#2b323c;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
        .a-req,.s-req path{fill:none;stroke:#8C96A3;stroke-width:1.2}
        .a-back,.s-back path{fill:none;stroke:#D55E00;stroke-width:2.2}
        .a-gap,.s-gap path{fill:none;stroke:#222;stroke-width:1.5;stroke-dasharray:4 3}
        .never .x{stroke:#222;stroke-width:1.8}
        .stub circle{fill:#fff;stroke:#8C96A3;stroke-width:1.3}
        .s-back circle{stroke:#D55E00}.s-gap circle{stroke:#222}
        .stub text{font-size:10px;fill:var(--muted)}
        use.flag{stroke:#D55E00;stroke-width:2.5}
        .bal svg,.seq svg{overflow:visible}
        .bl{font-size:13px;fill:var(--ink)}
        .bt{font-size:11.5px;font-weight:700}
        .bn,.bv{font-size:12.5px;fill:var(--muted)}
        .bv tspan{fill:var(--ink)}
        .empty-bar,.track{fill:#eceff3}
        .band{fill:#009E73;opacity:.2}
        .bound{stroke:#00664a;stroke-width:1.2;stroke-dasharray:3 2}
        .axis{stroke:#9aa3ae;stroke-width:1}
        .tick{font-size:11px;fill:var(--muted)}
        .mw{fill:#3c5a78}.mw-out{fill:#D55E00}
        .tip{stroke:var(--ink);stroke-width:2}
        .grids{display:flex;flex-wrap:wrap;gap:22px 30px;align-items:flex-start}
        .cov{margin:0}
        table.grid{border-collapse:collapse;font-size:12.5px}
        .grid th,.grid td{border:1px solid #e3e7ec;padding:0}
        .grid thead th{padding:3px 4px;font-weight:600;background:var(--soft)}
        .grid th.u{width:30px;text-align:center}
        .grid abbr{text-decoration:none;cursor:help}
        .grid th[scope=row]{text-align:left;font-weight:500;padding:2px 10px 2px 6px;white-space:nowrap;font-variant-numeric:tabular-nums}
        .grid td{width:30px;height:20px}
        .grid td.on{background:#0072B2;box-shadow:inset 0 0 0 2px #fff}
        .grid tr.untaught th{color:var(--bad)}
        .nt{font-size:11px;font-weight:700;color:var(--bad);margin-left:4px}
        .ukey{list-style:none;padding:0;margin:6px 0 0;font-size:12px;color:var(--muted);max-width:330px}
        .ukey b{color:var(--ink);display:inline-block;min-width:2.2em}
        .practices{display:grid;grid-template-columns:repeat(2,1fr);gap:12px;margin:0}
        .pl{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .pl dt{font-weight:700;text-transform:capitalize;display:flex;justify-content:space-between;gap:8px}
        .pl dd{margin:4px 0 0;color:var(--muted);font-size:14px}
        .cnt{font-size:12px;font-weight:600;text-transform:none;color:var(--ok);background:var(--ok-bg);border-radius:10px;padding:1px 8px;white-space:nowrap}
        .cnt.some{color:#5a4300;background:#fdf0c8}
        footer{margin-top:48px;padding-top:14px;border-top:1px solid var(--line);font-size:12.5px;color:var(--muted)}
        @media (max-width:800px){.cards{grid-template-columns:repeat(2,1fr)}.practices{grid-template-columns:1fr}.wrap{padding:20px 16px}}
        @media print{.wrap{padding:0;max-width:none}h2,h3{break-after:avoid}figure{break-inside:avoid}}

        """
}
