import Foundation

/// How much of a grade's time a standard deserves (Achieve the Core's focus by grade level).
public enum Emphasis: String, CaseIterable, Sendable {
    case major, supporting, additional
}

/// What a framework item is (FORMAT.md, "Levels").
public enum StandardLevel: String, CaseIterable, Sendable {
    case domain, cluster, standard, component

    /// Whether a tag naming an item of this level is too coarse to count as addressing it.
    public var isCoarse: Bool { self == .domain || self == .cluster }

    /// The level a CASE `CFItemType` gives: Domain, Grade Level and Conceptual Category are
    /// domains, Cluster a cluster, Component a component, anything else a standard.
    public init(caseItemType type: String) {
        switch type.trimmingSpaces.lowercased() {
        case "domain", "grade level", "conceptual category": self = .domain
        case "cluster": self = .cluster
        case "component": self = .component
        default: self = .standard
        }
    }
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
    /// Emphasis, as given (parts do not inherit it).
    public var emphasis: Emphasis?
    /// What the item is: a domain, a cluster, a standard (the default) or a component.
    public var level: StandardLevel = .standard
    /// The framework's text for it, cleaned of markup.
    public var text: String?
    /// Prerequisite standards (indices in the framework).
    public var requires: [Int32]
    /// Where each prerequisite is written.
    public var requiresAt: [Location]
    /// The standard this one is a part of, or -1.
    public var parent: Int32
    /// Standards the framework calls related (the Coherence Map's undirected links), indices.
    public var related: [Int32] = []
    /// Whether an own grade was given (parts without one inherit it).
    var hasOwnGrade: Bool

    /// The highest grade of its band (the grade itself when it is no band).
    public var highestGrade: Grade? {
        guard let grade, let label = gradeLabel?.trimmingSpaces.uppercased() else { return grade }
        // A single grade whose name has a dash (`Pre-K`) is no band.
        if let single = Grade(parsing: label) { return single }
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
    /// How many parent links were inferred from codes (FORMAT.md, "Inferred hierarchy").
    public private(set) var inferredLinks = 0

    /// Whether any item names a parent.
    public var hasParentLinks: Bool { standards.contains { $0.parent >= 0 } }

    /// Creates a framework and indexes it (grades inherited by parts).
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
                stack.append(c)
            }
        }
        (exact, loose) = Self.codeIndex(standards)
        marksEmphasis = standards.contains { $0.emphasis != nil }
    }

    /// Gives a framework with no parent links at all the links its codes imply: a code's parent
    /// is the longest other code that it extends by a separator (`.`, `-`, `_`, space) and more
    /// characters, or by one trailing letter after a digit (`6.RP.A.3.a`, `6.RP.A.3a` → `6.RP.A.3`).
    /// Returns the number of links made; a framework that has links is left as it is.
    @discardableResult
    public mutating func inferHierarchy() -> Int {
        guard !hasParentLinks, standards.count > 1 else { return 0 }
        var made = 0
        for i in standards.indices {
            guard let code = standards[i].code, let parent = Self.inferredParent(of: code, in: exact), parent != Int32(i) else { continue }
            standards[i].parent = parent
            made += 1
        }
        guard made > 0 else { return 0 }
        inferredLinks = made
        index()
        return made
    }

    /// The longest code of `codes` that `code` extends (see `inferHierarchy`).
    static func inferredParent(of code: String, in codes: [String: Int32]) -> Int32? {
        let bytes = Array(code.utf8)
        guard bytes.count > 1 else { return nil }
        func isSeparator(_ b: UInt8) -> Bool { b == 0x2E || b == 0x2D || b == 0x5F || b == 0x20 }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        // Candidates from longest to shortest: one trailing letter after a digit, then every
        // separator followed by more characters.
        var end = bytes.count - 1
        if isLetter(bytes[end]), isDigit(bytes[end - 1]),
           let hit = codes[String(decoding: bytes[..<end], as: UTF8.self)] {
            return hit
        }
        while end > 0 {
            end -= 1
            guard isSeparator(bytes[end]), end + 1 < bytes.count, end > 0, !isSeparator(bytes[end - 1]) else { continue }
            if let hit = codes[String(decoding: bytes[..<end], as: UTF8.self)] { return hit }
        }
        return nil
    }

    /// The standards under an item at a given level (`6.RP.A`'s standards), in framework order.
    public func descendants(of index: Int32, at level: StandardLevel) -> [Int32] {
        var out: [Int32] = []
        var stack: [Int32] = children[Int(index)].reversed()
        var seen = Set<Int32>()
        while let i = stack.popLast() {
            guard seen.insert(i).inserted else { continue }
            if standards[Int(i)].level == level { out.append(i); continue }
            stack.append(contentsOf: children[Int(i)].reversed())
        }
        return out
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
        guard looseMatching else { return nil }
        let key = StandardCode.looseKey(trimmed)
        if let i = loose[key] { return i }
        // Published spellings of the same code: the official long identifier
        // (`CCSS.Math.Content.6.RP.A.3a`), and high school with or without `HS` (`G-CO.A.1`).
        var bare = key
        for prefix in ["CCSSMATHCONTENT", "CCSSMATH", "CCSS"] where bare.hasPrefix(prefix) && bare.count > prefix.count {
            bare = String(bare.dropFirst(prefix.count))
            break
        }
        if bare != key, let i = loose[bare] { return i }
        if bare.hasPrefix("HS"), let i = loose[String(bare.dropFirst(2))] { return i }
        if let first = bare.first, first.isLetter, let i = loose["HS" + bare] { return i }
        return nil
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
        isPlain(html) ? html : cleaned(html)
    }

    /// `plainText` the long way: tags dropped, entities replaced, blanks made single spaces.
    static func cleaned(_ html: String) -> String {
        var out = ""
        var inTag = false
        var lastSpace = false
        let characters = Array(html)
        for (i, c) in characters.enumerated() {
            // A tag starts with `<` and a letter, `/` or `!`; `x < c` is text.
            if c == "<", i + 1 < characters.count, characters[i + 1].isLetter || characters[i + 1] == "/" || characters[i + 1] == "!" {
                inTag = true
                continue
            }
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

extension StandardCode {
    /// Whether `plainText` would return the text as it is: no tag or entity, and every blank a
    /// single space between words (most framework texts; checked without making characters).
    static func isPlain(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        var first = true
        for scalar in text.unicodeScalars {
            if scalar == "<" || scalar == "&" { return false }
            if scalar == " " {
                if first || previous == " " { return false }
            } else if scalar.properties.isWhitespace {
                return false
            } else if previous == " ", !first, ".,;:!?)".unicodeScalars.contains(scalar) || scalar.properties.isGraphemeExtend
                        || scalar.properties.generalCategory == .spacingMark || scalar.value == 0x200D {
                return false
            }
            previous = scalar
            first = false
        }
        return previous != " " || first
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
