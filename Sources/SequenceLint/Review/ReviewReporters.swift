/// The formats of `sequencelint review`.
public enum ReviewFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html
}

/// Renders a review as text, Markdown or JSON (HTML: `ReviewHTML`).
public enum ReviewReport {
    /// The JSON schema version of `review --format json` (docs/review.md).
    public static let version = 1

    /// What every report says once: this measures, it does not rate.
    public static let notice = "This report measures; it is not an EdReports rating. Verdicts come from sequencelint's rules at the severities configured."

    /// A measure as a cell: `68%`, `12`, `176 days`, `C 40% · P 35% · A 25%`, `MP1 12 · …`, `0.82`.
    public static func cell(_ indicator: Indicator) -> String {
        guard let measure = indicator.measure else { return "not measured" }
        switch measure {
        case .share(let x): return Percent.text(x)
        case .count(let n): return String(n)
        case .days(let d): return "\(formatDays(d)) days"
        case .shares(let parts): return parts.map { "\($0.0.prefix(1).uppercased()) \(Percent.text($0.1))" }.joined(separator: " · ")
        case .counts(let parts):
            let short = parts.filter { $0.1 == 0 }.map(\.0)
            return short.isEmpty ? "all tagged (\(parts.map { $0.1 }.min() ?? 0)+ each)" : "none: " + short.joined(separator: ", ")
        case .index(let x): return String(format2(x))
        }
    }

    static func formatDays(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format1(d))
    }

    static func format1(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : "\(r)"
    }

    static func format2(_ x: Double) -> String {
        let r = (x * 100).rounded()
        let whole = Int(r) / 100, frac = abs(Int(r)) % 100
        return "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func mark(_ verdict: Verdict?) -> String {
        switch verdict {
        case .meets?: "meets"
        case .doesNotMeet?: "DOES NOT MEET"
        case nil: ""
        }
    }

    /// The rows of one curriculum: indicator title, then one cell per grade.
    static func rows(_ curriculum: CurriculumReview) -> (header: [String], rows: [[String]]) {
        let header = ["indicator"] + curriculum.grades.map { "grade \($0.grade)" }
        guard let first = curriculum.grades.first else { return (header, []) }
        var rows: [[String]] = []
        for (k, indicator) in first.indicators.enumerated() {
            var row = ["\(indicator.id) \(indicator.title)"]
            for grade in curriculum.grades {
                let i = grade.indicators[k]
                let verdict = mark(i.verdict)
                row.append(cell(i) + (verdict.isEmpty ? "" : " (\(verdict))"))
            }
            rows.append(row)
        }
        return (header, rows)
    }

    /// A terminal table per curriculum, grades as columns, then the evidence and the practices.
    public static func text(_ review: Review) -> String {
        var out = ""
        for curriculum in review.curricula {
            out += "\(curriculum.title ?? curriculum.id) (\(curriculum.id))\n\n"
            let (header, rows) = rows(curriculum)
            let all = [header] + rows
            let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
            for (r, row) in all.enumerated() {
                out += row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingTrailingSpaces + "\n"
                if r == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
            }
            out += evidence(curriculum, markdown: false)
            out += "\n"
            for practice in curriculum.practices { out += "\(practice.name): \(practice.summary)\n" }
            out += "\n"
        }
        return out + notice + "\n"
    }

    /// The same tables in Markdown, for a pull request or `GITHUB_STEP_SUMMARY`.
    public static func markdown(_ review: Review) -> String {
        func esc(_ s: String) -> String {
            var out = ""
            for c in s.escapingControls {
                if "\\`*_[]<>|#".contains(c) { out.append("\\") }
                out.append(c)
            }
            return out
        }
        var out = "## sequencelint review\n\n"
        for curriculum in review.curricula {
            out += "### \(esc(curriculum.title ?? curriculum.id)) (`\(curriculum.id.replacingOccurrences(of: "`", with: "'"))`)\n\n"
            let (header, rows) = rows(curriculum)
            out += "| " + header.map(esc).joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(esc).joined(separator: " | ") + " |\n" }
            let evidence = evidence(curriculum, markdown: true)
            if !evidence.isEmpty { out += "\n" + evidence }
            out += "\n"
            for practice in curriculum.practices { out += "- **\(esc(practice.name))**: \(esc(practice.summary))\n" }
            out += "\n"
        }
        return out + "_" + notice + "_\n"
    }

    /// The findings behind each unmet indicator, with their places.
    static func evidence(_ curriculum: CurriculumReview, markdown: Bool) -> String {
        var out = ""
        for grade in curriculum.grades {
            for indicator in grade.indicators where indicator.verdict == .doesNotMeet {
                out += markdown ? "- grade \(grade.grade), `\(indicator.id)` does not meet:\n" : "grade \(grade.grade), \(indicator.id) does not meet:\n"
                for d in indicator.findings.prefix(20) {
                    let place = "\(d.location.path.escapingControls):\(d.location.start)"
                    let line = "\(place): \(d.severity.rawValue): \(d.message.escapingControls) [\(d.rule)]"
                    out += markdown ? "  - " + line.replacingOccurrences(of: "|", with: "\\|") + "\n" : "  " + line + "\n"
                }
                if indicator.findings.count > 20 { out += (markdown ? "  - " : "  ") + "and \(indicator.findings.count - 20) more\n" }
            }
        }
        return out.isEmpty ? "" : (markdown ? out : "\n" + out)
    }

    static func measureJSON(_ measure: Measure?) -> JSON {
        guard let measure else { return .null }
        switch measure {
        case .share(let x), .days(let x), .index(let x): return .number(x)
        case .count(let n): return .int(n)
        case .shares(let parts): return .object(parts.map { ($0.0, .number($0.1)) })
        case .counts(let parts): return .object(parts.map { ($0.0, .int($0.1)) })
        }
    }

    /// The versioned JSON (docs/review.md): every measure as a number, every verdict, and the findings.
    public static func json(_ review: Review) -> String {
        func finding(_ d: Diagnostic) -> JSON {
            .object([("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)), ("message", .string(d.message))]
                    + JSONReporter.span(d.location))
        }
        return JSON.object([
            ("version", .int(version)),
            ("tool", .object([("name", .string("sequencelint")), ("version", .string(SequenceLintVersion.current))])),
            ("notice", .string(notice)),
            ("curricula", .array(review.curricula.map { c in
                .object([
                    ("curriculum", .string(c.id)),
                    ("title", .string(c.title)),
                    ("grades", .array(c.grades.map { g in
                        .object([
                            ("grade", .string(g.grade.description)),
                            ("lessons", .int(g.lessonCount)),
                            ("units", .int(g.unitCount)),
                            ("indicators", .array(g.indicators.map { i in
                                .object([
                                    ("id", .string(i.id)),
                                    ("title", .string(i.title)),
                                    ("measure", measureJSON(i.measure)),
                                    ("reason", .string(i.reason)),
                                    ("detail", .string(i.detail)),
                                    ("verdict", .string(i.verdict?.rawValue)),
                                    ("rules", .array(i.rules.map { .string($0) })),
                                    ("findings", .array(i.findings.map(finding))),
                                ])
                            })),
                        ])
                    })),
                    ("practices", .array(c.practices.map {
                        .object([("name", .string($0.name)), ("summary", .string($0.summary)), ("findings", .int($0.findingCount))])
                    })),
                ])
            })),
        ]).rendered()
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
