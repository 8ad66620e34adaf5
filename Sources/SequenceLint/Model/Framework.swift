import Foundation

/// How much of a grade's time a standard deserves (Achieve the Core's focus by grade level).
public enum Emphasis: String, CaseIterable, Sendable {
    case major, supporting, additional
}

/// One standard (or a heading: a cluster, a domain) of a framework.
public struct Standard: Sendable {
    /// The code (`6.RP.A.3`); nil for a CASE heading without a human coding scheme.
    public var code: String?
    /// Where the standard is defined (its code value, or its CASE item).
    public var location: Location
    /// The grade, own or the parent's; for a band (HS), its lowest grade.
    public var grade: Grade?
    /// The grade as written (`6`, `HS`, `09-12`).
    public var gradeLabel: String?
    /// Emphasis, own or the parent's.
    public var emphasis: Emphasis?
    /// The framework's text for it, cleaned of markup.
    public var text: String?
    /// Prerequisite standards (indices in the framework).
    public var requires: [Int32]
    /// Where each prerequisite is written.
    public var requiresAt: [Location]
    /// The standard this one is a part of, or -1.
    public var parent: Int32
    /// Whether an own grade was given (parts without one inherit it).
    var hasOwnGrade: Bool

    /// The highest grade of its band (the grade itself when it is no band).
    public var highestGrade: Grade? {
        guard let grade, let label = gradeLabel?.trimmingSpaces.uppercased() else { return grade }
        if label == "HS" { return Grade(rank: 12) }
        for separator in ["-", "–", "TO"] where label.contains(separator) {
            if let high = label.components(separatedBy: separator).last.flatMap({ Grade(parsing: $0) }) { return high }
        }
        return grade
    }
}

/// A standards framework: YAML (FORMAT.md) or a 1EdTech CASE package.
public struct Framework: Sendable {
    /// The framework id (`ccss-math`, or a CASE document's identifier).
    public var id: String
    /// The title, if given.
    public var title: String?
    /// The file it was read from.
    public var path: String
    /// Where the id is written.
    public var idLocation: Location
    /// Standards and headings.
    public var standards: [Standard]
    /// Children of each standard.
    public private(set) var children: [[Int32]] = []
    /// Exact code → standard.
    public private(set) var exact: [String: Int32] = [:]
    /// Loose code key → standard, for keys only one code of the framework has.
    public private(set) var loose: [String: Int32] = [:]
    /// Duplicate codes, unknown references and cycles, for the rules that report them.
    public var findings: [Diagnostic] = []
    /// Whether any standard has an emphasis.
    public private(set) var marksEmphasis = false

    /// Creates a framework and indexes it (grades and emphasis inherited by parts).
    public init(id: String, title: String?, path: String, idLocation: Location, standards: [Standard], findings: [Diagnostic]) {
        self.id = id
        self.title = title
        self.path = path
        self.idLocation = idLocation
        self.standards = standards
        self.findings = findings
        index()
    }

    private mutating func index() {
        var children = [[Int32]](repeating: [], count: standards.count)
        for (i, s) in standards.enumerated() where s.parent >= 0 { children[Int(s.parent)].append(Int32(i)) }
        self.children = children
        // Parents before parts: inherit grade and emphasis top-down, iteratively.
        var stack: [Int32] = standards.indices.filter { standards[$0].parent < 0 }.map(Int32.init)
        var visited = [Bool](repeating: false, count: standards.count)
        while let i = stack.popLast() {
            visited[Int(i)] = true
            for c in children[Int(i)] where !visited[Int(c)] {
                if !standards[Int(c)].hasOwnGrade, standards[Int(i)].grade != nil {
                    standards[Int(c)].grade = standards[Int(i)].grade
                    standards[Int(c)].gradeLabel = standards[Int(i)].gradeLabel
                }
                if standards[Int(c)].emphasis == nil { standards[Int(c)].emphasis = standards[Int(i)].emphasis }
                stack.append(c)
            }
        }
        (exact, loose) = Self.codeIndex(standards)
        marksEmphasis = standards.contains { $0.emphasis != nil }
    }

    /// Codes to standards: exactly (the first of a repeated code), and loosely for the loose keys
    /// only one code has ("Framework codes that are equal under that loose comparison match
    /// exactly only").
    static func codeIndex(_ standards: [Standard]) -> (exact: [String: Int32], loose: [String: Int32]) {
        var exact: [String: Int32] = [:], loose: [String: Int32] = [:], looseCount: [String: Int] = [:]
        for (i, s) in standards.enumerated() {
            guard let code = s.code else { continue }
            if exact[code] == nil { exact[code] = Int32(i) }
            let key = StandardCode.looseKey(code)
            looseCount[key, default: 0] += 1
            if loose[key] == nil { loose[key] = Int32(i) }
        }
        for (key, n) in looseCount where n > 1 { loose[key] = nil }
        return (exact, loose)
    }

    /// The standard a written code names: equal after trimming, else (when `looseMatching`)
    /// equal ignoring case and `.`, `-`, `_`, spaces.
    public func lookup(_ code: String, looseMatching: Bool = true) -> Int32? {
        let trimmed = code.trimmingSpaces
        if let i = exact[trimmed] { return i }
        return looseMatching ? loose[StandardCode.looseKey(trimmed)] : nil
    }

    /// How messages name it: `'ccss-math'`, or for a CASE package whose id is a UUID, its title too.
    public var displayName: String {
        guard let title, !title.isEmpty, id.count >= 32, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return "'\(id)'" }
        return "'\(title)' (\(id))"
    }

    /// `6.RP.A.3 (use ratio and rate reasoning …)` for messages.
    public func describe(_ index: Int32) -> String {
        let s = standards[Int(index)]
        let code = s.code ?? "an uncoded heading"
        guard let text = s.text, !text.isEmpty else { return code }
        let short = text.count > 70 ? String(text.prefix(67)).trimmingSpaces + "…" : text
        return "\(code) (\(short))"
    }
}

extension StandardCode {
    /// Text without HTML tags and with runs of white space made single spaces.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        var lastSpace = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if inTag { if c == ">" { inTag = false; if !lastSpace { out.append(" "); lastSpace = true } }; continue }
            if c.isWhitespace {
                if !lastSpace { out.append(" "); lastSpace = true }
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        // A tag's place became a space; none belongs before punctuation.
        var cleaned = ""
        for c in out.replacingEntities() {
            if ".,;:!?)".contains(c), cleaned.last == " " { cleaned.removeLast() }
            cleaned.append(c)
        }
        return cleaned.trimmingSpaces
    }
}

extension String {
    fileprivate func replacingEntities() -> String {
        guard contains("&") else { return self }
        var s = self
        for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            s = s.split(separator: entity, omittingEmptySubsequences: false).joined(separator: char)
        }
        return s
    }
}
