/// The per-grade review (REVIEW.md): measures of the evidence curriculum reviews weigh, and
/// verdicts taken from the rules, so `lint` and `review` never disagree.
public struct Review: Sendable {
    /// One curriculum's review.
    public var curricula: [CurriculumReview]

    /// Creates a review.
    public init(curricula: [CurriculumReview]) { self.curricula = curricula }

    /// Whether any indicator does not meet its rules.
    public var hasUnmet: Bool {
        curricula.contains { $0.grades.contains { $0.indicators.contains { $0.verdict == .doesNotMeet } } }
    }
}

/// A curriculum: its grades, and one line per evidence-based practice.
public struct CurriculumReview: Sendable {
    /// The curriculum id.
    public var id: String
    /// The title of its first file, if any.
    public var title: String?
    /// Per grade, in teaching order.
    public var grades: [GradeReview]
    /// Logical progression, balance, identity, aligned curriculum and assessment.
    public var practices: [PracticeLine]
    /// What the pictures draw (HTML).
    public var sequence: SequencePicture

    /// Creates a curriculum review.
    public init(id: String, title: String?, grades: [GradeReview], practices: [PracticeLine], sequence: SequencePicture) {
        self.id = id
        self.title = title
        self.grades = grades
        self.practices = practices
        self.sequence = sequence
    }
}

/// One grade of a curriculum.
public struct GradeReview: Sendable {
    /// The grade.
    public var grade: Grade
    /// Lessons and units of the grade.
    public var lessonCount: Int
    public var unitCount: Int
    /// The indicators, in REVIEW.md's order.
    public var indicators: [Indicator]

    /// Creates a grade review.
    public init(grade: Grade, lessonCount: Int, unitCount: Int, indicators: [Indicator]) {
        self.grade = grade
        self.lessonCount = lessonCount
        self.unitCount = unitCount
        self.indicators = indicators
    }
}

/// Whether an indicator meets the bar its rules set.
public enum Verdict: String, Sendable {
    case meets
    case doesNotMeet = "does-not-meet"
}

/// A measure: a share, a count, days, three rigor shares, counts by practice, or an index.
public enum Measure: Sendable, Equatable {
    case share(Double)
    case count(Int)
    case days(Double)
    case shares([(String, Double)])
    case counts([(String, Int)])
    case index(Double)

    public static func == (a: Measure, b: Measure) -> Bool {
        switch (a, b) {
        case (.share(let x), .share(let y)), (.days(let x), .days(let y)), (.index(let x), .index(let y)): x == y
        case (.count(let x), .count(let y)): x == y
        case (.shares(let x), .shares(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.counts(let x), .counts(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }
}

/// One indicator of one grade.
public struct Indicator: Sendable {
    /// The id (`1b-major-work`).
    public var id: String
    /// What it shows, in a few words.
    public var title: String
    /// The measure; nil when it could not be taken (see `reason`).
    public var measure: Measure?
    /// Why the measure could not be taken.
    public var reason: String?
    /// A line on how it was counted (`112 of 160 lessons`, the two cells furthest apart).
    public var detail: String?
    /// The verdict, when the indicator's rules run at warning or error; nil otherwise.
    public var verdict: Verdict?
    /// The rules the verdict comes from.
    public var rules: [String]
    /// The findings of those rules for this grade: the evidence.
    public var findings: [Diagnostic]
    /// The band a share must fall in, as its rule is configured (time on major work).
    public var band: Band?

    /// The bounds a rule holds a share to.
    public struct Band: Sendable {
        public var low: Double
        public var high: Double
        /// Whether they are the rule's defaults (nothing configured).
        public var isDefault: Bool

        public init(low: Double, high: Double, isDefault: Bool) {
            self.low = low
            self.high = high
            self.isDefault = isDefault
        }
    }

    /// Creates an indicator.
    public init(id: String, title: String, measure: Measure?, reason: String? = nil, detail: String? = nil,
                verdict: Verdict?, rules: [String], findings: [Diagnostic]) {
        self.id = id
        self.title = title
        self.measure = measure
        self.reason = reason
        self.detail = detail
        self.verdict = verdict
        self.rules = rules
        self.findings = findings
    }
}

/// One evidence-based practice, for the whole curriculum.
public struct PracticeLine: Sendable {
    /// `logical progression`, `balance`, `identity`, `aligned curriculum and assessment`.
    public var name: String
    /// What was found, in one line.
    public var summary: String
    /// Findings behind it.
    public var findingCount: Int

    /// Creates a practice line.
    public init(name: String, summary: String, findingCount: Int) {
        self.name = name
        self.summary = summary
        self.findingCount = findingCount
    }
}

/// What the HTML pictures draw for one curriculum.
public struct SequencePicture: Sendable {
    /// One mark per lesson, in teaching order.
    public struct Mark: Sendable {
        public var id: String
        public var title: String?
        public var kind: LessonKind?
        public var grade: String
        public var unit: Int
        public var location: Location
        public init(id: String, title: String?, kind: LessonKind?, grade: String, unit: Int, location: Location) {
            self.id = id
            self.title = title
            self.kind = kind
            self.grade = grade
            self.unit = unit
            self.location = location
        }
    }

    /// A unit: its id, title, grade, lessons and kind shares (by the balance rule's weights).
    public struct UnitBand: Sendable {
        public var id: String
        public var title: String?
        public var grade: String
        public var lessons: Range<Int>
        /// Minutes (or lesson counts) by kind, in `LessonKind.allCases` order.
        public var weights: [Double]
        public init(id: String, title: String?, grade: String, lessons: Range<Int>, weights: [Double]) {
            self.id = id
            self.title = title
            self.grade = grade
            self.lessons = lessons
            self.weights = weights
        }
    }

    /// An arc: from a required lesson to the lesson requiring it (`backward` when it runs the
    /// wrong way), or a progression gap from the lesson to where its prerequisite is first
    /// taught (`to` nil: never).
    public struct Arc: Sendable {
        public enum Kind: String, Sendable { case requires, backward, gap }
        public var from: Int
        public var to: Int?
        public var kind: Kind
        public var label: String
        public init(from: Int, to: Int?, kind: Kind, label: String) {
            self.from = from
            self.to = to
            self.kind = kind
            self.label = label
        }
    }

    /// Coverage: per grade, the grade's standards by its units.
    public struct CoverageGrid: Sendable {
        public var grade: String
        public var units: [String]
        public var standards: [String]
        /// `cells[s][u]`: the unit addresses the standard.
        public var cells: [[Bool]]
        public init(grade: String, units: [String], standards: [String], cells: [[Bool]]) {
            self.grade = grade
            self.units = units
            self.standards = standards
            self.cells = cells
        }
    }

    public var marks: [Mark]
    public var units: [UnitBand]
    public var arcs: [Arc]
    public var coverage: [CoverageGrid]

    public init(marks: [Mark], units: [UnitBand], arcs: [Arc], coverage: [CoverageGrid]) {
        self.marks = marks
        self.units = units
        self.arcs = arcs
        self.coverage = coverage
    }
}
