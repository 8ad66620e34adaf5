/// What one YAML file is, judged by its top-level keys (FORMAT.md).
public enum FileKind: Sendable {
    case curriculum, framework, other
}

/// One curriculum file read into model pieces, before files are put in teaching order.
public struct FileModel: Sendable {
    /// The file (its `units` range is local to `units`).
    public var file: CurriculumFile
    /// The units of this file; their `lessons` ranges are local to `lessons`.
    public var units: [Unit]
    /// The lessons of this file; `unit` is local to `units`.
    public var lessons: [Lesson]
}

/// Reads curriculum maps and frameworks from YAML, reporting `schema` diagnostics.
public enum CurriculumReader {
    /// Classifies a loaded document.
    public static func kind(of doc: YAMLDocument) -> FileKind {
        guard let root = doc.root, doc[root].kind == .mapping else { return .other }
        if doc.value(root, forKey: "curriculum") != nil { return .curriculum }
        if doc.value(root, forKey: "framework") != nil || doc.value(root, forKey: "CFDocument") != nil { return .framework }
        return .other
    }

    /// Reads a curriculum map; returns nil when the file is not one.
    public static func read(_ doc: YAMLDocument, path: String) -> (FileModel?, [Diagnostic]) {
        SchemaReader.reading(doc, path: path) { reader in
            let model = reader.readRoot()
            return (model, reader.diagnostics)
        }
    }
}

/// Checks YAML against the format while reading it into the model.
struct SchemaReader {
    static let rootKeys: [StaticString] = ["curriculum", "title", "framework", "grade", "sequence", "assumes", "units"]
    static let unitKeys: [StaticString] = ["id", "title", "lessons", "builds-on", "builds-towards"]
    // Most used first: keys are matched in this order.
    static let lessonKeys: [StaticString] = ["id", "title", "kind", "standards", "requires", "minutes", "practices", "builds-on", "builds-towards"]
    /// The slots of `lessonKeys`.
    enum LessonSlot {
        static let id = 0, title = 1, kind = 2, standards = 3, requires = 4, minutes = 5, practices = 6, buildsOn = 7, buildsTowards = 8
    }

    let doc: YAMLDocument
    /// The document's storage, read without checks (valid while `reading` runs).
    let store: YAMLStorage
    let path: String
    let file: FileID
    var diagnostics: [Diagnostic] = []
    /// "Did you mean" comparisons left for the run.
    var suggestionBudget = SuggestionBudget()

    private init(doc: YAMLDocument, store: YAMLStorage, path: String) {
        self.doc = doc
        self.store = store
        self.path = path
        file = FileID(path)
    }

    /// Runs `body` with a reader of `doc`.
    static func reading<R>(_ doc: YAMLDocument, path: String, _ body: (inout SchemaReader) -> R) -> R {
        doc.withStorage { store in
            var reader = SchemaReader(doc: doc, store: store, path: path)
            return body(&reader)
        }
    }

    @inline(__always) func location(_ node: Int32) -> Location { Location(file: file, node: store[node]) }

    mutating func error(_ message: String, at node: Int32, help: String? = nil, replaceWith replacement: String? = nil) {
        // Where the fix is a known spelling, it is a machine-applicable replacement too.
        let fix = replacement.map { Fix("replace with '\($0)'", location: location(node), replacement: $0) }
        diagnostics.append(Diagnostic(problem: .schema, severity: .error, message: message,
                                      location: location(node), help: help, fix: fix))
    }

    func describe(_ node: Int32) -> String {
        if doc.isNull(node) { return "nothing" }
        switch doc[node].kind {
        case .scalar:
            let text = doc.string(node)
            return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Where a missing key is reported: the mapping's first key, or the mapping itself.
    func firstKey(_ mapping: Int32) -> Int32 {
        store.items(mapping).first ?? mapping
    }

    /// Reads the pairs of a mapping into slots of the allowed keys, compared as bytes (no strings
    /// made, no dictionary), reporting unknown and non-scalar keys.
    mutating func pairs(_ mapping: Int32, allowed: [StaticString], what: String) -> Fields {
        var fields = Fields(names: allowed)
        var unknown: [Int32] = []
        // Most mappings have no `<<` merge key: walk their children directly, with no closure
        // (a closure here would capture, and copy, the document for every mapping).
        let children = store.items(mapping)
        var hasMerge = false
        var i = 0
        while i + 1 < children.count {
            let key = children[i]
            if store[key].isPlain && store.equals(key, "<<") { hasMerge = true; break }
            i += 2
        }
        allowed.withUnsafeBufferPointer { names in
            if hasMerge {
                var pairs: [(Int32, Int32)] = []
                doc.forEachPair(mapping) { pairs.append(($0, $1)) }
                for (key, value) in pairs {
                    if let slot = store.slot(of: key, among: names) {
                        if fields[slot: slot] == nil { fields[slot: slot] = (key, value) }
                    } else {
                        unknown.append(key)
                    }
                }
            } else {
                var j = 0
                while j + 1 < children.count {
                    let key = children[j], value = children[j + 1]
                    if let slot = store.slot(of: key, among: names) {
                        if fields[slot: slot] == nil { fields[slot: slot] = (key, value) }
                    } else {
                        unknown.append(key)
                    }
                    j += 2
                }
            }
        }
        for key in unknown {
            if store[key].kind != .scalar {
                error("expected a key name in \(what), found \(describe(key))", at: key)
                continue
            }
            let name = store.string(key)
            let names = allowed.map { $0.description }
            let near = Suggestions.closest(to: name, among: names)
            error("unknown key '\(name)' in \(what)\(near.map { "; did you mean '\($0)'?" } ?? "")", at: key,
                  help: "the keys of \(what) are \(names.andList)", replaceWith: near)
        }
        return fields
    }

    /// The items of a list value: a sequence's items, one scalar as a one-item list, nothing for null.
    mutating func list(_ node: Int32, of what: String) -> NodeList {
        if store.isNull(node) { return NodeList() }
        switch store[node].kind {
        case .sequence: return NodeList(store.items(node))
        case .scalar: return NodeList(single: node)
        case .mapping:
            error("expected a list of \(what), found a mapping", at: node)
            return NodeList()
        }
    }

    /// A required or optional scalar's text; reports a collection given instead.
    mutating func scalar(_ node: Int32, expected: String) -> String? {
        guard store[node].kind == .scalar else {
            error("expected \(expected), found \(describe(node))", at: node)
            return nil
        }
        if store.isNull(node) { return nil }
        return store.string(node)
    }

    mutating func refs(_ node: Int32, of what: String, single: String) -> [Ref] {
        // The common case first: a list of scalars with text, read with nothing to report.
        if store[node].kind == .sequence {
            let items = store.items(node)
            var out: [Ref] = []
            out.reserveCapacity(items.count)
            for item in items {
                let itemNode = store[item]
                guard itemNode.kind == .scalar, !store.isNull(item), let text = store.trimmedString(item) else { break }
                out.append(Ref(text, at: Location(file: file, node: itemNode)))
            }
            if out.count == items.count { return out }
        }
        var out: [Ref] = []
        forEachRef(node, of: what, single: single, reserve: { out.reserveCapacity($0) }) { out.append(Ref($0, at: $1)) }
        return out
    }

    /// The texts of `refs`, without their locations (practice tags).
    mutating func refTexts(_ node: Int32, of what: String, single: String) -> [String] {
        if store[node].kind == .sequence {
            let items = store.items(node)
            var out: [String] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard store[item].kind == .scalar, !store.isNull(item), let text = store.trimmedString(item) else { break }
                out.append(text)
            }
            if out.count == items.count { return out }
        }
        var out: [String] = []
        forEachRef(node, of: what, single: single, reserve: { out.reserveCapacity($0) }) { text, _ in out.append(text) }
        return out
    }

    /// The references of a list value (or of one scalar), each trimmed, in order; the problems
    /// with them reported.
    @inline(__always)
    mutating func forEachRef(_ node: Int32, of what: String, single: String, reserve: (Int) -> Void,
                             _ body: (String, Location) -> Void) {
        // `standards: 4.NF.A.1, 4.NF.A.2` is one plain scalar: several codes meant as a list.
        let whole = store[node]
        if whole.kind == .scalar, whole.isPlain, whole.start.line == whole.end.line, doc.scalarContains(node, ", "),
           doc.string(node).contains(", ") {
            let text = doc.string(node)
            diagnostics.append(Diagnostic(
                problem: .schema, severity: .error,
                message: "'\(text)' looks like several \(what) separated by commas: write them as a list",
                location: location(node), help: "write `[\(text)]`",
                fix: Fix("write them as a list", location: location(node), replacement: "[\(text)]", applicability: .safe)))
            // Read as the list it was meant to be, so that no other finding follows from the one mistake.
            var column = whole.start.column, partStart = column
            var part = ""
            for scalar in text.unicodeScalars + [","] {
                if scalar == "," {
                    let trimmed = part.trimmingSpaces
                    if !trimmed.isEmpty {
                        let lead = part.unicodeScalars.prefix { $0 == " " }.count
                        let first = Position(line: whole.start.line, column: partStart + lead)
                        body(trimmed, Location(file: file, start: first,
                                               end: Position(line: first.line, column: first.column + trimmed.unicodeScalars.count - 1)))
                    }
                    part = ""
                    partStart = column + 1
                } else {
                    part.unicodeScalars.append(scalar)
                }
                column += 1
            }
            return
        }
        reserve(whole.kind == .sequence ? Int(whole.count) : 1)
        for item in list(node, of: what) {
            let itemNode = store[item]
            guard itemNode.kind == .scalar, !store.isNull(item) else {
                error("expected \(single), found \(describe(item))", at: item)
                continue
            }
            guard let text = store.trimmedString(item) else {
                error("expected \(single), found an empty string", at: item)
                continue
            }
            body(text, Location(file: file, node: itemNode))
        }
    }

    static func isValidID(_ text: String) -> Bool {
        guard let first = text.utf8.first, isAlnum(first) else { return false }
        return text.utf8.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// Reads an id value; nil (with a diagnostic) when missing or invalid.
    mutating func id(_ fields: Fields, in mapping: Int32, what: String) -> (String, Location)? {
        guard let field = fields["id"] else {
            return missingID(in: mapping, what: what)
        }
        // A valid id, checked on its bytes before any string is made.
        if let id = store.validID(field.value) { return (id, location(field.value)) }
        return id(field, what: what)
    }

    mutating func missingID(in mapping: Int32, what: String) -> (String, Location)? {
        error("\(what) is missing its 'id'", at: firstKey(mapping), help: "add `id:` with an id unique in the curriculum")
        return nil
    }

    mutating func id(_ field: (key: Int32, value: Int32), what: String) -> (String, Location)? {
        guard let text = scalar(field.value, expected: "an id") else {
            if doc.isNull(field.value) { error("\(what) has an empty 'id'", at: field.key) }
            return nil
        }
        guard Self.isValidID(text) else {
            error("invalid id '\(text)': ids start with an ASCII letter or digit and contain only ASCII letters, digits, '.', '_' and '-'",
                  at: field.value)
            return nil
        }
        return (text, location(field.value))
    }

    mutating func readRoot() -> FileModel? {
        guard let root = doc.root, doc[root].kind == .mapping else { return nil }
        let fields = pairs(root, allowed: Self.rootKeys, what: "a curriculum map")
        guard let curriculumField = fields["curriculum"] else { return nil }
        if let second = doc.secondDocumentStart {
            diagnostics.append(Diagnostic(
                problem: .schema, severity: .error,
                message: "a curriculum map holds one YAML document; this second document is not read",
                location: Location(path: path, start: second, end: second),
                help: "move the second document into a file of its own"))
        }
        var curriculumID = ""
        if let text = scalar(curriculumField.value, expected: "a curriculum id") {
            if Self.isValidID(text) {
                curriculumID = text
            } else {
                error("invalid curriculum id '\(text)': ids start with an ASCII letter or digit and contain only ASCII letters, digits, '.', '_' and '-'",
                      at: curriculumField.value)
                curriculumID = text
            }
        } else if doc.isNull(curriculumField.value) {
            error("the curriculum id is empty", at: curriculumField.key)
        }

        var grade: Grade?
        var gradeLocation = location(firstKey(root))
        if let field = fields["grade"] {
            gradeLocation = location(field.value)
            if let text = scalar(field.value, expected: "a grade (PK, K or 1 to 12)") {
                grade = Grade(parsing: text)
                if grade == nil {
                    error("invalid grade '\(text)'; expected PK, K or 1 to 12", at: field.value)
                }
            } else if doc.isNull(field.value) {
                error("the grade is empty; expected PK, K or 1 to 12", at: field.key)
            }
        } else {
            error("curriculum map is missing 'grade'", at: firstKey(root), help: "add `grade:` with PK, K or 1 to 12")
        }

        var sequence = 0
        if let field = fields["sequence"], let text = scalar(field.value, expected: "a whole number") {
            if let value = Int(text.trimmingSpaces) {
                sequence = value
            } else {
                error("invalid sequence '\(text)'; expected a whole number", at: field.value)
            }
        }
        var title: String?
        if let field = fields["title"] { title = scalar(field.value, expected: "a title") }
        var framework: Ref?
        if let field = fields["framework"], let text = scalar(field.value, expected: "a framework id") {
            framework = Ref(text.trimmingSpaces, at: location(field.value))
        }
        var assumes: [Ref] = []
        if let field = fields["assumes"] {
            assumes = refs(field.value, of: "standard codes", single: "a standard code")
        }

        var model = FileModel(
            file: CurriculumFile(path: path, curriculumID: curriculumID, grade: grade, gradeLocation: gradeLocation,
                                 sequence: sequence, title: title, framework: framework, assumes: assumes,
                                 units: 0..<0, rootLocation: location(root)),
            units: [], lessons: [])
        if let field = fields["units"] {
            for unitNode in list(field.value, of: "units") {
                readUnit(unitNode, into: &model)
            }
        } else {
            error("curriculum map is missing 'units'", at: firstKey(root), help: "add `units:`, a list of units in teaching order")
        }
        model.file.units = 0..<model.units.count
        return model
    }

    mutating func readUnit(_ node: Int32, into model: inout FileModel) {
        guard doc[node].kind == .mapping else {
            error("expected a unit (a mapping with 'id' and 'lessons'), found \(describe(node))", at: node)
            return
        }
        let fields = pairs(node, allowed: Self.unitKeys, what: "a unit")
        let identity = id(fields, in: node, what: "unit")
        var name: String { identity.map { "unit '\($0.0)'" } ?? "unit" }
        var title: String?
        if let field = fields["title"] { title = scalar(field.value, expected: "a title") }
        let buildsOn = fields["builds-on"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let buildsTowards = fields["builds-towards"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let unitIndex = model.units.count
        let first = model.lessons.count
        var writtenEmpty = false
        if let field = fields["lessons"] {
            let entries = list(field.value, of: "lessons")
            writtenEmpty = entries.isEmpty && store[field.value].kind != .mapping
            for lessonNode in entries {
                readLesson(lessonNode, unit: unitIndex, into: &model)
            }
        } else {
            error("\(name) is missing 'lessons'", at: firstKey(node), help: "add `lessons:`, a list of lessons in teaching order")
        }
        guard let identity else {
            // Keep the lessons of a unit without a usable id: they are still taught here.
            model.units.append(Unit(id: "", idLocation: location(firstKey(node)), title: title, file: 0,
                                    lessons: first..<model.lessons.count, position: unitIndex,
                                    buildsOn: buildsOn, buildsTowards: buildsTowards))
            return
        }
        model.units.append(Unit(id: identity.0, idLocation: identity.1, title: title, file: 0,
                                lessons: first..<model.lessons.count, position: unitIndex, isWrittenEmpty: writtenEmpty,
                                buildsOn: buildsOn, buildsTowards: buildsTowards))
    }

    mutating func readLesson(_ node: Int32, unit: Int, into model: inout FileModel) {
        guard doc[node].kind == .mapping else {
            error("expected a lesson (a mapping with 'id' and 'kind'), found \(describe(node))", at: node)
            return
        }
        let fields = pairs(node, allowed: Self.lessonKeys, what: "a lesson")
        let identity = id(fields, in: node, what: "lesson")
        var name: String { identity.map { "lesson '\($0.0)'" } ?? "lesson" }
        var kind: LessonKind?
        if let field = fields[slot: LessonSlot.kind] {
            if let known = store.lessonKind(field.value) {
                kind = known
            } else if let text = scalar(field.value, expected: "a lesson kind") {
                kind = LessonKind(rawValue: text.trimmingSpaces)
                if kind == nil {
                    let kinds = LessonKind.allCases.map(\.rawValue)
                    let near = Suggestions.closest(to: text, among: kinds)
                    error("invalid kind '\(text)'\(near.map { "; did you mean '\($0)'?" } ?? "")", at: field.value,
                          help: "a lesson's kind is \(kinds.orList)", replaceWith: near)
                }
            } else if doc.isNull(field.value) {
                error("\(name) has an empty 'kind'", at: field.key,
                      help: "a lesson's kind is \(LessonKind.allCases.map(\.rawValue).orList)")
            }
        } else {
            error("\(name) is missing 'kind'", at: firstKey(node),
                  help: "add `kind:` with \(LessonKind.allCases.map(\.rawValue).orList)")
        }
        var title: String?
        if let field = fields[slot: LessonSlot.title] { title = scalar(field.value, expected: "a title") }
        var minutes: Int?
        if let field = fields[slot: LessonSlot.minutes], let value = store.smallPositiveNumber(field.value) {
            minutes = value
        } else if let field = fields[slot: LessonSlot.minutes], let text = scalar(field.value, expected: "a number of minutes") {
            if let value = Int(text.trimmingSpaces), value > 0, value <= 1_000_000 {
                minutes = value
            } else if let value = Int(text.trimmingSpaces), value > 1_000_000 {
                error("invalid minutes '\(text)'; expected a positive whole number of at most 1000000", at: field.value)
            } else {
                error("invalid minutes '\(text)'; expected a positive whole number", at: field.value)
            }
        }
        let standards = fields[slot: LessonSlot.standards].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let requires = fields[slot: LessonSlot.requires].map { refs($0.value, of: "lesson or unit ids", single: "a lesson or unit id") } ?? []
        let buildsOn = fields[slot: LessonSlot.buildsOn].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let buildsTowards = fields[slot: LessonSlot.buildsTowards].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let practices = fields[slot: LessonSlot.practices].map { refTexts($0.value, of: "practice tags", single: "a practice tag") } ?? []
        guard let identity else { return }
        model.lessons.append(Lesson(id: identity.0, idLocation: identity.1, title: title, kind: kind,
                                    standards: standards, requires: requires, buildsOn: buildsOn, buildsTowards: buildsTowards,
                                    minutes: minutes, practices: practices, unit: unit, position: model.lessons.count))
    }
}

/// The values of a mapping's known keys, one slot per allowed key (at most 12), held inline: no
/// allocation per mapping read.
struct Fields {
    let names: [StaticString]
    /// Per slot: the key's node + 1 (0: no such key) in the high half, the value's node in the low.
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    init(names: [StaticString]) {
        precondition(names.count <= 12, "at most 12 keys")
        self.names = names
    }

    /// The key and value in a slot.
    subscript(slot slot: Int) -> (key: Int32, value: Int32)? {
        get {
            let packed = withUnsafeBytes(of: storage) { $0.load(fromByteOffset: slot * 8, as: UInt64.self) }
            guard packed >> 32 != 0 else { return nil }
            return (Int32(truncatingIfNeeded: (packed >> 32) - 1), Int32(truncatingIfNeeded: packed & 0xFFFF_FFFF))
        }
        set {
            let packed = newValue.map { (UInt64(UInt32(bitPattern: $0.key)) + 1) << 32 | UInt64(UInt32(bitPattern: $0.value)) } ?? 0
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: packed, toByteOffset: slot * 8, as: UInt64.self) }
        }
    }

    subscript(name: StaticString) -> (key: Int32, value: Int32)? {
        let count = name.utf8CodeUnitCount
        var i = 0
        while i < names.count {
            let candidate = names[i]
            if candidate.utf8CodeUnitCount == count
                && (candidate.utf8Start == name.utf8Start || memcmpBytes(candidate.utf8Start, name.utf8Start, count)) {
                return self[slot: i]
            }
            i += 1
        }
        preconditionFailure("no key \(name)")
    }
}

/// The items of a list value: a sequence's children, one scalar, or none.
struct NodeList: RandomAccessCollection {
    private let base: UnsafePointer<Int32>?
    private let single: Int32
    let endIndex: Int

    init() { base = nil; single = 0; endIndex = 0 }
    init(_ items: UnsafeBufferPointer<Int32>) { base = items.baseAddress; single = 0; endIndex = items.count }
    init(single: Int32) { base = nil; self.single = single; endIndex = 1 }

    var startIndex: Int { 0 }
    subscript(position: Int) -> Int32 { base.map { $0[position] } ?? single }
}
