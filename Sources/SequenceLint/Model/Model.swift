import Foundation

/// What a lesson does: builds understanding, practises a procedure, applies it, assesses, or reviews.
public enum LessonKind: String, CaseIterable, Sendable {
    case conceptual, procedural, application, assessment, review
}

/// A school grade: PK < K < 1 < … < 12.
public struct Grade: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// PK is -1, K is 0, then 1 to 12; 100 for a grade that could not be read (taught last).
    public var rank: Int

    /// Creates a grade from its rank.
    public init(rank: Int) { self.rank = rank }

    /// Reads `PK`, `K`, `1`…`12` (case-insensitive, leading zeros allowed).
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces.uppercased()
        switch trimmed {
        case "PK", "PREK", "PRE-K": rank = -1
        case "K", "KG": rank = 0
        default:
            guard !trimmed.isEmpty, trimmed.count <= 3, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(trimmed), (1...12).contains(value) else { return nil }
            rank = value
        }
    }

    /// Reads a framework grade: a grade, or a band (`HS`, `9-12`, `K-2`, a CASE list) as its lowest grade.
    public init?(band text: String) {
        let t = text.trimmingSpaces.uppercased()
        if t == "HS" { rank = 9; return }
        if let grade = Grade(parsing: t) { self = grade; return }
        for separator in ["-", "–", "TO"] where t.contains(separator) {
            let parts = t.components(separatedBy: separator)
            if parts.count == 2, let low = Grade(parsing: parts[0]), let high = Grade(parsing: parts[1]), low <= high {
                self = low
                return
            }
        }
        return nil
    }

    public static func < (a: Grade, b: Grade) -> Bool { a.rank < b.rank }

    public var description: String {
        switch rank {
        case -1: "PK"
        case 0: "K"
        case 1...12: String(rank)
        default: "?"
        }
    }
}

/// A reference written in a file (a `requires` id or a `standards` code) with where it is written.
public struct Ref: Hashable, Sendable {
    /// The text as written, trimmed.
    public var text: String
    /// Where it is written.
    public var location: Location

    /// Creates a reference.
    public init(_ text: String, at location: Location) {
        self.text = text
        self.location = location
    }
}

/// A lesson, in its curriculum's teaching order.
public struct Lesson: Sendable {
    /// The lesson's id.
    public var id: String
    /// Where the id value is written.
    public var idLocation: Location
    /// The title, if given.
    public var title: String?
    /// The kind; nil when missing or invalid (a `schema` diagnostic says so).
    public var kind: LessonKind?
    /// Standards addressed (assessed, for an assessment).
    public var standards: [Ref]
    /// Lesson or unit ids that must be taught earlier.
    public var requires: [Ref]
    /// Codes the lesson uses as prior knowledge (checked by `builds-on-untaught`).
    public var buildsOn: [Ref] = []
    /// Codes the lesson prepares informally (not addressed).
    public var buildsTowards: [Ref] = []
    /// Planned minutes, if given.
    public var minutes: Int?
    /// Free tags such as `identity`.
    public var practices: [String]
    /// Index of the lesson's unit in `Curriculum.units`.
    public var unit: Int
    /// Position in teaching order (index in `Curriculum.lessons`).
    public var position: Int
}

/// A unit: a run of lessons in teaching order.
public struct Unit: Sendable {
    /// The unit's id.
    public var id: String
    /// Where the id value is written.
    public var idLocation: Location
    /// The title, if given.
    public var title: String?
    /// Index of the unit's file in `Curriculum.files`.
    public var file: Int
    /// Teaching positions of its lessons; empty (at the unit's place) for an empty unit.
    public var lessons: Range<Int>
    /// Position of the unit in `Curriculum.units`.
    public var position: Int
    /// Whether its `lessons` list is written and holds no entries (not merely entries that failed to read).
    public var isWrittenEmpty: Bool = false
    /// Codes the unit uses as prior knowledge, checked at its first lesson.
    public var buildsOn: [Ref] = []
    /// Codes the unit prepares informally (not addressed).
    public var buildsTowards: [Ref] = []
}

/// One curriculum map file.
public struct CurriculumFile: Sendable {
    /// The path shown in output.
    public var path: String
    /// The curriculum id.
    public var curriculumID: String
    /// The grade; nil when missing or invalid.
    public var grade: Grade?
    /// Where the grade value is written (or the mapping's first key when missing).
    public var gradeLocation: Location
    /// Order among files of the same grade.
    public var sequence: Int
    /// The title, if given.
    public var title: String?
    /// The framework id, if given.
    public var framework: Ref?
    /// Standard codes assumed taught before this file.
    public var assumes: [Ref]
    /// Indices of its units in `Curriculum.units`.
    public var units: Range<Int>
    /// Where the top-level mapping starts.
    public var rootLocation: Location
}

/// A node of the prerequisite graph: a lesson or a unit.
public enum Item: Hashable, Sendable {
    case lesson(Int)
    case unit(Int)
}

/// One curriculum: every file with the same `curriculum` id, in teaching order.
public struct Curriculum: Sendable {
    /// The curriculum id.
    public var id: String
    /// Files in teaching order (grade, sequence, path).
    public var files: [CurriculumFile]
    /// Units in teaching order.
    public var units: [Unit]
    /// Lessons in teaching order.
    public var lessons: [Lesson]
    /// Lessons and units by id (the first definition when an id is repeated).
    public var items: [String: Item]
    /// Repeated definitions: the later one and the first, in teaching order.
    public var duplicates: [(later: Item, first: Item)]

    /// The id of a lesson or unit.
    public func id(of item: Item) -> String {
        switch item {
        case .lesson(let i): lessons[i].id
        case .unit(let u): units[u].id
        }
    }

    /// Where the id of a lesson or unit is written.
    public func idLocation(of item: Item) -> Location {
        switch item {
        case .lesson(let i): lessons[i].idLocation
        case .unit(let u): units[u].idLocation
        }
    }

    /// The file a lesson is taught in.
    public func file(ofLesson lesson: Int) -> CurriculumFile {
        files[units[lessons[lesson].unit].file]
    }

    /// How a lesson or unit is named in messages: `'id'` or `unit 'id'`.
    public func describe(_ item: Item) -> String {
        switch item {
        case .lesson(let i): "'\(lessons[i].id)'"
        case .unit(let u): "unit '\(units[u].id)'"
        }
    }
}

extension Curriculum {
    /// Each grade of the curriculum in teaching order: its first file (where per-grade findings
    /// point), its units and its lessons. Files come in teaching order, grade first.
    public var grades: [(grade: Grade, file: Int, units: [Int], lessons: [Int])] {
        var out: [(grade: Grade, file: Int, units: [Int], lessons: [Int])] = []
        for (f, file) in files.enumerated() {
            guard let grade = file.grade else { continue }
            if out.last?.grade != grade { out.append((grade, f, [], [])) }
            for u in file.units {
                out[out.count - 1].units.append(u)
                out[out.count - 1].lessons.append(contentsOf: units[u].lessons)
            }
        }
        return out
    }
}

/// Everything read from the linted files.
public struct Model: Sendable {
    /// Curricula, ordered by id.
    public var curricula: [Curriculum]
    /// Frameworks loaded, ordered by path.
    public var frameworks: [Framework]

    /// Creates a model.
    public init(curricula: [Curriculum], frameworks: [Framework] = []) {
        self.curricula = curricula
        self.frameworks = frameworks
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Byte-level: almost every value has nothing to trim and is returned as it is.
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        if !blank(first) && !blank(last) { return self }
        guard let start = utf8.firstIndex(where: { !blank($0) }), let end = utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[start...end])
    }
}
