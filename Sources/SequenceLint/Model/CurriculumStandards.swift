/// The standards one curriculum uses, resolved against the frameworks that apply to it, with the
/// hierarchy folded in: when each standard is first addressed, assumed and assessed.
///
/// Nodes are the standards of the applicable frameworks, then one node per distinct code that
/// no framework defines (so the alignment rules work without a framework too).
public struct CurriculumStandards: Sendable {
    /// Sentinel for "never".
    public static let never = Int32.max

    /// Indices (in `Model.frameworks`) of the frameworks that apply.
    public let frameworks: [Int]
    /// The framework id the curriculum selects, and where, if it names one.
    public let selected: Ref?
    /// First node of each applicable framework.
    let offsets: [Int]
    /// Number of framework nodes; the rest are codes no framework defines.
    public let frameworkNodeCount: Int
    /// Code of each node.
    public private(set) var code: [String?] = []
    /// Parent of each node, or -1.
    public private(set) var parent: [Int32] = []
    /// Children of each node.
    public private(set) var children: [[Int32]] = []
    /// Nodes in an order where parents come before their parts.
    public private(set) var topDown: [Int32] = []
    /// For each lesson, the node of each `standards` entry (whatever role it counts in).
    public private(set) var lessonStandards: [[Int32]] = []
    /// For each lesson, the node of each `builds-on` entry.
    public private(set) var lessonBuildsOn: [[Int32]] = []
    /// For each lesson, the node of each `builds-towards` entry.
    public private(set) var lessonBuildsTowards: [[Int32]] = []
    /// For each unit, the node of each `builds-on` entry.
    public private(set) var unitBuildsOn: [[Int32]] = []
    /// For each unit, the node of each `builds-towards` entry.
    public private(set) var unitBuildsTowards: [[Int32]] = []
    /// Framework grade rank of each node (`noGrade` when it has none; a band's lowest grade).
    public private(set) var nodeGrade: [Int16] = []
    /// Whether each node is a domain or cluster (a tag too coarse to count as addressing it).
    public private(set) var isCoarse: [Bool] = []
    /// File grade rank of each lesson (`noGrade` when unreadable).
    public private(set) var lessonGrade: [Int16] = []
    /// Whether each lesson is an assessment (it assesses, never addresses).
    public private(set) var isAssessment: [Bool] = []
    /// Whether later-grade codes in `standards` count as addressed (`later-grade-standards: address`).
    public let addressLaterGrades: Bool
    /// First teaching position at which each node is taught: itself, one of its parts or an
    /// ancestor addressed there or earlier (RULES.md "Taught").
    public private(set) var taughtAt: [Int32] = []
    /// Position from which each node counts as assumed when any part of it is (for "taught").
    public private(set) var assumedAnyFrom: [Int32] = []
    /// Last non-assessment position addressing each node, one of its parts, or an ancestor, or -1.
    public private(set) var lastTouchedAt: [Int32] = []
    /// Latest `taughtAt` among each node's parts (at any depth), or -1 without parts.
    public private(set) var latestTaughtBelow: [Int32] = []
    /// Positions of the lessons that address each node itself (sorted).
    public private(set) var directPositions: [[Int32]] = []
    /// For each file, the node of each `assumes` entry.
    public private(set) var fileAssumes: [[Int32]] = []
    /// Nodes of the configuration's `assumes`.
    public private(set) var configAssumes: [Int32] = []
    /// Config `assumes` codes that name no standard of a loaded framework.
    public private(set) var configUnknown: [String] = []
    /// First teaching position at which each node counts as addressed (hierarchy included).
    public private(set) var addressedAt: [Int32] = []
    /// Position from which each node is assumed (`assumes`), or `never`.
    public private(set) var assumedFrom: [Int32] = []
    /// Latest position of an assessment covering each node (itself, a whole, or a part), or -1.
    public private(set) var lastAssessedAt: [Int32] = []
    /// Latest position of an assessment of the node itself or of a whole it is part of, or -1.
    public private(set) var lastAssessedAbove: [Int32] = []
    /// First position from which each node counts as taught or assumed, a whole counting once
    /// each of its parts is either.
    public private(set) var availableFrom: [Int32] = []
    /// The curriculum's earliest grade.
    public let earliestGrade: Grade?
    /// Grade rank of a node or lesson without a grade.
    public static let noGrade = Int16.max

    /// How a `standards` entry counts (FORMAT.md, "Alignment roles").
    public enum EntryRole: Sendable, Equatable {
        /// Addressed (assessed, for an assessment).
        case addressed
        /// A later grade's standard, counted as `builds-towards`.
        case laterGrade
        /// A domain or cluster, counted as `builds-towards`.
        case coarse
    }

    /// Resolves a curriculum's codes. `looseMatching` follows `code-matching`; `addressLaterGrades`
    /// follows `later-grade-standards`.
    public init(_ curriculum: Curriculum, frameworks all: [Framework], configAssumes assumes: [String] = [], looseMatching: Bool = true,
                addressLaterGrades: Bool = false) {
        self.addressLaterGrades = addressLaterGrades
        let selected = curriculum.files.lazy.compactMap(\.framework).first
        self.selected = selected
        if let selected {
            frameworks = all.indices.filter { all[$0].id == selected.text }.prefix(1).map { $0 }
        } else {
            frameworks = Array(all.indices)
        }
        var offsets: [Int] = []
        var total = 0
        for f in frameworks {
            offsets.append(total)
            total += all[f].standards.count
        }
        self.offsets = offsets
        frameworkNodeCount = total
        earliestGrade = curriculum.files.compactMap(\.grade).min()

        var code: [String?] = []
        var parent: [Int32] = []
        var grade: [Int16] = []
        var coarse: [Bool] = []
        code.reserveCapacity(total)
        for (k, f) in frameworks.enumerated() {
            for s in all[f].standards {
                code.append(s.code)
                parent.append(s.parent < 0 ? -1 : s.parent + Int32(offsets[k]))
                grade.append(s.grade.map { Int16($0.rank) } ?? Self.noGrade)
                coarse.append(s.level.isCoarse)
            }
        }
        var extra: [String: Int32] = [:]
        // Curricula repeat a few hundred codes many times: resolve each spelling once.
        var cache: [String: (Int32, Bool)] = [:]
        func resolve(_ text: String) -> (Int32, known: Bool) {
            if let hit = cache[text] { return hit }
            let found = resolveUncached(text)
            cache[text] = found
            return found
        }
        func resolveUncached(_ text: String) -> (Int32, known: Bool) {
            // An exact match in any framework beats a loose one in an earlier framework.
            for (k, f) in frameworks.enumerated() {
                if let i = all[f].lookup(text, looseMatching: false) { return (i + Int32(offsets[k]), true) }
            }
            if looseMatching {
                for (k, f) in frameworks.enumerated() {
                    if let i = all[f].lookup(text, looseMatching: true) { return (i + Int32(offsets[k]), true) }
                }
            }
            let key = looseMatching ? StandardCode.looseKey(text) : text.trimmingSpaces
            if let node = extra[key] { return (node, false) }
            let node = Int32(code.count)
            extra[key] = node
            code.append(text.trimmingSpaces)
            parent.append(-1)
            grade.append(Self.noGrade)
            coarse.append(false)
            return (node, false)
        }
        lessonStandards = curriculum.lessons.map { $0.standards.map { resolve($0.text).0 } }
        lessonBuildsOn = curriculum.lessons.map { $0.buildsOn.isEmpty ? [] : $0.buildsOn.map { resolve($0.text).0 } }
        lessonBuildsTowards = curriculum.lessons.map { $0.buildsTowards.isEmpty ? [] : $0.buildsTowards.map { resolve($0.text).0 } }
        unitBuildsOn = curriculum.units.map { $0.buildsOn.map { resolve($0.text).0 } }
        unitBuildsTowards = curriculum.units.map { $0.buildsTowards.map { resolve($0.text).0 } }
        fileAssumes = curriculum.files.map { $0.assumes.map { resolve($0.text).0 } }
        let fileGrades = curriculum.files.map { $0.grade.map { Int16($0.rank) } ?? Self.noGrade }
        lessonGrade = curriculum.lessons.map { fileGrades[curriculum.units[$0.unit].file] }
        isAssessment = curriculum.lessons.map { $0.kind == .assessment }
        for text in assumes {
            let (node, known) = resolve(text)
            configAssumes.append(node)
            if !known && !frameworks.isEmpty { configUnknown.append(text) }
        }
        self.code = code
        self.parent = parent
        nodeGrade = grade
        isCoarse = coarse
        computeHierarchy()
        computeTimes(curriculum)
    }

    /// Number of nodes.
    public var count: Int { code.count }

    /// First node of the `k`-th applicable framework.
    public func offset(ofFramework k: Int) -> Int { offsets[k] }

    /// Whether a node is a standard of a loaded framework.
    public func isKnown(_ node: Int32) -> Bool { Int(node) < frameworkNodeCount }

    /// The framework and its local index for a framework node.
    public func standard(_ node: Int32, in all: [Framework]) -> (framework: Framework, index: Int32)? {
        guard isKnown(node) else { return nil }
        var k = offsets.count - 1
        while offsets[k] > Int(node) { k -= 1 }
        return (all[frameworks[k]], node - Int32(offsets[k]))
    }

    /// The node's standard, if it is a framework's.
    public func info(_ node: Int32, in all: [Framework]) -> Standard? {
        standard(node, in: all).map { $0.framework.standards[Int($0.index)] }
    }

    /// `6.RP.A.3 (text…)` when the framework has text, else the code.
    public func describe(_ node: Int32, in all: [Framework]) -> String {
        if let (framework, index) = standard(node, in: all) { return framework.describe(index) }
        return code[Int(node)] ?? "?"
    }

    /// Prerequisites of a node with the standard that states each: its own, then its parents'.
    public func prerequisites(of node: Int32, in all: [Framework]) -> [(prerequisite: Int32, statedBy: Int32, at: Location)] {
        var out: [(Int32, Int32, Location)] = []
        var current = node
        var steps = 0
        while current >= 0, steps < 64 {
            if let (framework, index) = standard(current, in: all) {
                let base = current - index
                let s = framework.standards[Int(index)]
                for (r, at) in zip(s.requires, s.requiresAt) { out.append((r + base, current, at)) }
            }
            current = parent[Int(current)]
            steps += 1
        }
        return out
    }

    private mutating func computeHierarchy() {
        var children = [[Int32]](repeating: [], count: code.count)
        for (i, p) in parent.enumerated() where p >= 0 { children[Int(p)].append(Int32(i)) }
        var order: [Int32] = []
        order.reserveCapacity(code.count)
        for i in 0..<code.count where parent[i] < 0 { order.append(Int32(i)) }
        var head = 0
        while head < order.count {
            order.append(contentsOf: children[Int(order[head])])
            head += 1
        }
        self.children = children
        topDown = order
    }

    /// How lesson `lesson`'s `standards` entry naming `node` counts: an assessment's entries are
    /// always assessed; otherwise a domain or cluster, or (unless `later-grade-standards: address`)
    /// a standard of a later grade than the lesson's file, counts as `builds-towards`.
    @inline(__always)
    public func role(of node: Int32, inLesson lesson: Int) -> EntryRole {
        if isAssessment[lesson] { return .addressed }
        let i = Int(node)
        if isCoarse[i] { return .coarse }
        let g = nodeGrade[i]
        if g != Self.noGrade, lessonGrade[lesson] != Self.noGrade, g > lessonGrade[lesson] { return addressLaterGrades ? .addressed : .laterGrade }
        return .addressed
    }

    /// Whether the entry is an above-grade standard (reported by `above-grade-standard` whatever
    /// `later-grade-standards` says).
    public func isLaterGrade(_ node: Int32, inLesson lesson: Int) -> Bool {
        let g = nodeGrade[Int(node)]
        return !isCoarse[Int(node)] && g != Self.noGrade && lessonGrade[lesson] != Self.noGrade && g > lessonGrade[lesson]
    }

    /// Whether lesson `lesson` addresses (or, as an assessment, assesses) the node through this entry.
    @inline(__always)
    public func counts(_ node: Int32, inLesson lesson: Int) -> Bool { role(of: node, inLesson: lesson) == .addressed }

    /// Whether a lesson addresses (assesses) anything: some `standards` entry counts.
    public func addressesAnything(_ lesson: Int) -> Bool {
        lessonStandards[lesson].contains { counts($0, inLesson: lesson) }
    }

    /// First teaching position at which each node is addressed by a lesson passing `counts`,
    /// with the hierarchy folded in (a lesson on a whole covers its parts; a whole is covered once
    /// all its parts are).
    public func firstAddressed(in curriculum: Curriculum, where counts: (LessonKind?) -> Bool) -> [Int32] {
        var first = [Int32](repeating: Self.never, count: code.count)
        for (l, nodes) in lessonStandards.enumerated() where counts(curriculum.lessons[l].kind) {
            for node in nodes where first[Int(node)] == Self.never && self.counts(node, inLesson: l) { first[Int(node)] = Int32(l) }
        }
        for node in topDown {
            let p = parent[Int(node)]
            if p >= 0 { first[Int(node)] = min(first[Int(node)], first[Int(p)]) }
        }
        for node in topDown.reversed() {
            let parts = children[Int(node)]
            guard !parts.isEmpty else { continue }
            var last: Int32 = -1
            for c in parts { last = max(last, first[Int(c)]) }
            first[Int(node)] = min(first[Int(node)], last)
        }
        return first
    }

    private mutating func computeTimes(_ curriculum: Curriculum) {
        let n = code.count
        let addressed = firstAddressed(in: curriculum) { $0 != .assessment }
        var assessed = [Int32](repeating: -1, count: n)
        for (l, nodes) in lessonStandards.enumerated() where curriculum.lessons[l].kind == .assessment {
            for node in nodes { assessed[Int(node)] = max(assessed[Int(node)], Int32(l)) }
        }
        var assumed = [Int32](repeating: Self.never, count: n)
        for node in configAssumes { assumed[Int(node)] = 0 }
        for (f, nodes) in fileAssumes.enumerated() {
            let units = curriculum.files[f].units
            let from = Int32(units.isEmpty ? curriculum.lessons.count
                             : curriculum.units[units.lowerBound].lessons.lowerBound)
            for node in nodes { assumed[Int(node)] = min(assumed[Int(node)], from) }
        }
        // A lesson on a standard addresses its parts; assuming a standard assumes its parts.
        var assessedAbove = assessed
        for node in topDown {
            let p = parent[Int(node)]
            guard p >= 0 else { continue }
            assumed[Int(node)] = min(assumed[Int(node)], assumed[Int(p)])
            assessedAbove[Int(node)] = max(assessedAbove[Int(node)], assessedAbove[Int(p)])
        }
        // A standard is addressed once all its parts are; an assessment of a part covers the whole.
        var assessedBelow = assessed
        for node in topDown.reversed() {
            let parts = children[Int(node)]
            guard !parts.isEmpty else { continue }
            var allAssumed: Int32 = -1
            for c in parts {
                assessedBelow[Int(node)] = max(assessedBelow[Int(node)], assessedBelow[Int(c)])
                allAssumed = max(allAssumed, assumed[Int(c)])
            }
            // Assuming every part assumes the whole, as teaching every part teaches it.
            assumed[Int(node)] = min(assumed[Int(node)], allAssumed)
        }
        addressedAt = addressed
        assumedFrom = assumed
        var available = zip(addressed, assumed).map { min($0, $1) }
        for node in topDown {
            let p = parent[Int(node)]
            if p >= 0 { available[Int(node)] = min(available[Int(node)], available[Int(p)]) }
        }
        for node in topDown.reversed() where !children[Int(node)].isEmpty {
            var last: Int32 = -1
            for c in children[Int(node)] { last = max(last, available[Int(c)]) }
            available[Int(node)] = min(available[Int(node)], last)
        }
        availableFrom = available
        computeTaught(curriculum, assumed: assumed)
        lastAssessedAt = zip(assessedAbove, assessedBelow).map { max($0, $1) }
        lastAssessedAbove = assessedAbove
    }

    /// "Taught" (itself, a part or an ancestor addressed), the last lesson touching each node, and
    /// where each node is addressed directly.
    private mutating func computeTaught(_ curriculum: Curriculum, assumed: [Int32]) {
        let n = code.count
        var direct = [[Int32]](repeating: [], count: n)
        for (l, nodes) in lessonStandards.enumerated() where !isAssessment[l] {
            for node in nodes where counts(node, inLesson: l) && direct[Int(node)].last != Int32(l) {
                direct[Int(node)].append(Int32(l))
            }
        }
        var first = direct.map { $0.first ?? Self.never }
        var last = direct.map { $0.last ?? -1 }
        var assumedAny = assumed
        // Down: an ancestor's addressing reaches its parts.
        var down = first, downLast = last
        for node in topDown {
            let p = parent[Int(node)]
            guard p >= 0 else { continue }
            down[Int(node)] = min(down[Int(node)], down[Int(p)])
            downLast[Int(node)] = max(downLast[Int(node)], downLast[Int(p)])
        }
        // Up: any part's addressing (or assumption) reaches the whole.
        for node in topDown.reversed() {
            let p = parent[Int(node)]
            guard p >= 0 else { continue }
            first[Int(p)] = min(first[Int(p)], first[Int(node)])
            last[Int(p)] = max(last[Int(p)], last[Int(node)])
            assumedAny[Int(p)] = min(assumedAny[Int(p)], assumedAny[Int(node)])
        }
        taughtAt = zip(first, down).map { min($0, $1) }
        var below = [Int32](repeating: -1, count: n)
        for node in topDown.reversed() {
            let p = parent[Int(node)]
            guard p >= 0 else { continue }
            below[Int(p)] = max(below[Int(p)], max(below[Int(node)], taughtAt[Int(node)] == Self.never ? -1 : taughtAt[Int(node)]))
        }
        latestTaughtBelow = below
        lastTouchedAt = zip(last, downLast).map { max($0, $1) }
        assumedAnyFrom = assumedAny
        directPositions = direct
    }

    /// Whether a node counts as taught or assumed at teaching position `position` (inclusive), for
    /// progression: itself, a part or an ancestor addressed by then, or assumed.
    public func isTaught(_ node: Int32, at position: Int, assumeEarlierGrades: Bool, in all: [Framework]) -> Bool {
        taughtAt[Int(node)] <= Int32(position) || assumedAnyFrom[Int(node)] <= Int32(position)
            || (assumeEarlierGrades && isEarlierGrade(node, in: all))
    }

    /// The first non-assessment lesson at or after `position` that addresses the node, one of its
    /// parts or an ancestor, with the node it addresses there; nil when none.
    public func firstTouch(of node: Int32, from position: Int32) -> (lesson: Int32, through: Int32)? {
        var best: (Int32, Int32)?
        func consider(_ i: Int32) {
            let list = directPositions[Int(i)]
            // Binary search for the first position >= position.
            var lo = 0, hi = list.count
            while lo < hi { let mid = (lo + hi) / 2; if list[mid] < position { lo = mid + 1 } else { hi = mid } }
            if lo < list.count, best == nil || list[lo] < best!.0 { best = (list[lo], i) }
        }
        var a = node
        var steps = 0
        while a >= 0, steps < 64 { consider(a); a = parent[Int(a)]; steps += 1 }
        var stack = children[Int(node)]
        var visited = 0
        while let c = stack.popLast(), visited < 100_000 {
            visited += 1
            consider(c)
            stack.append(contentsOf: children[Int(c)])
        }
        return best
    }

    /// Whether a node's grade is before the curriculum's earliest (prior knowledge).
    public func isEarlierGrade(_ node: Int32, in all: [Framework]) -> Bool {
        // A band (6-8, HS) counts by its lowest grade, as it does everywhere: a grade-7 course
        // builds on a 6-8 standard its students met in grade 6.
        guard let earliestGrade, let grade = info(node, in: all)?.grade else { return false }
        return grade < earliestGrade
    }

    /// Whether a node counts as taught by teaching position `position` (inclusive).
    public func isAvailable(_ node: Int32, at position: Int, assumeEarlierGrades: Bool, in all: [Framework]) -> Bool {
        availableFrom[Int(node)] <= Int32(position) || (assumeEarlierGrades && isEarlierGrade(node, in: all))
    }
}
