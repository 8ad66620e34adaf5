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
        var reader = SchemaReader(doc: doc, path: path)
        let model = reader.readRoot()
        return (model, reader.diagnostics)
    }
}

/// Checks YAML against the format while reading it into the model.
struct SchemaReader {
    static let rootKeys: [StaticString] = ["curriculum", "title", "framework", "grade", "sequence", "assumes", "units"]
    static let unitKeys: [StaticString] = ["id", "title", "lessons", "builds-on", "builds-towards"]
    // Most used first: keys are matched in this order.
    static let lessonKeys: [StaticString] = ["id", "title", "kind", "standards", "requires", "minutes", "practices", "builds-on", "builds-towards"]

    let doc: YAMLDocument
    let path: String
    let file: FileID
    var diagnostics: [Diagnostic] = []
    /// "Did you mean" comparisons left for the run.
    var suggestionBudget = SuggestionBudget()

    init(doc: YAMLDocument, path: String) {
        self.doc = doc
        self.path = path
        file = FileID(path)
    }

    func location(_ node: Int32) -> Location { Location(file: file, node: doc[node]) }

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
        doc.childIndices(mapping).first ?? mapping
    }

    /// Reads the pairs of a mapping into slots of the allowed keys, compared as bytes (no strings
    /// made, no dictionary), reporting unknown and non-scalar keys.
    mutating func pairs(_ mapping: Int32, allowed: [StaticString], what: String) -> Fields {
        var fields = Fields(names: allowed)
        var unknown: [Int32] = []
        // Most mappings have no `<<` merge key: walk their children directly, with no closure
        // (a closure here would capture, and copy, the document for every mapping).
        let children = doc.childIndices(mapping)
        var hasMerge = false
        var i = children.startIndex
        while i + 1 < children.endIndex {
            let key = children[i]
            if doc[key].isPlain && doc.scalarEquals(key, "<<") { hasMerge = true; break }
            i += 2
        }
        var pairs: [(Int32, Int32)] = []
        if hasMerge {
            doc.forEachPair(mapping) { pairs.append(($0, $1)) }
        } else {
            pairs.reserveCapacity(children.count / 2)
            var j = children.startIndex
            while j + 1 < children.endIndex {
                pairs.append((children[j], children[j + 1]))
                j += 2
            }
        }
        for (key, value) in pairs {
            var slot = -1
            if doc[key].kind == .scalar {
                for (k, name) in allowed.enumerated() where doc.scalarEquals(key, name) {
                    slot = k
                    break
                }
            }
            if slot >= 0 {
                if fields.slots[slot] == nil { fields.slots[slot] = (key, value) }
            } else {
                unknown.append(key)
            }
        }
        for key in unknown {
            if doc[key].kind != .scalar {
                error("expected a key name in \(what), found \(describe(key))", at: key)
                continue
            }
            let name = doc.string(key)
            let names = allowed.map { $0.description }
            let near = Suggestions.closest(to: name, among: names)
            error("unknown key '\(name)' in \(what)\(near.map { "; did you mean '\($0)'?" } ?? "")", at: key,
                  help: "the keys of \(what) are \(names.andList)", replaceWith: near)
        }
        return fields
    }

    /// The items of a list value: a sequence's items, one scalar as a one-item list, nothing for null.
    mutating func list(_ node: Int32, of what: String) -> ArraySlice<Int32> {
        if doc.isNull(node) { return [] }
        switch doc[node].kind {
        case .sequence: return doc.childIndices(node)
        case .scalar: return [node]
        case .mapping:
            error("expected a list of \(what), found a mapping", at: node)
            return []
        }
    }

    /// A required or optional scalar's text; reports a collection given instead.
    mutating func scalar(_ node: Int32, expected: String) -> String? {
        guard doc[node].kind == .scalar else {
            error("expected \(expected), found \(describe(node))", at: node)
            return nil
        }
        if doc.isNull(node) { return nil }
        return doc.string(node)
    }

    mutating func refs(_ node: Int32, of what: String, single: String) -> [Ref] {
        // `standards: 4.NF.A.1, 4.NF.A.2` is one plain scalar: several codes meant as a list.
        let whole = doc[node]
        if whole.kind == .scalar, whole.isPlain, whole.start.line == whole.end.line, doc.string(node).contains(", ") {
            let text = doc.string(node)
            diagnostics.append(Diagnostic(
                problem: .schema, severity: .error,
                message: "'\(text)' looks like several \(what) separated by commas: write them as a list",
                location: location(node), help: "write `[\(text)]`",
                fix: Fix("write them as a list", location: location(node), replacement: "[\(text)]", applicability: .safe)))
            // Read as the list it was meant to be, so that no other finding follows from the one mistake.
            var out: [Ref] = []
            var column = whole.start.column, partStart = column
            var part = ""
            for scalar in text.unicodeScalars + [","] {
                if scalar == "," {
                    let trimmed = part.trimmingSpaces
                    if !trimmed.isEmpty {
                        let lead = part.unicodeScalars.prefix { $0 == " " }.count
                        let first = Position(line: whole.start.line, column: partStart + lead)
                        out.append(Ref(trimmed, at: Location(file: file, start: first,
                                                             end: Position(line: first.line, column: first.column + trimmed.unicodeScalars.count - 1))))
                    }
                    part = ""
                    partStart = column + 1
                } else {
                    part.unicodeScalars.append(scalar)
                }
                column += 1
            }
            return out
        }
        var out: [Ref] = []
        out.reserveCapacity(doc[node].kind == .sequence ? Int(doc[node].count) : 1)
        for item in list(node, of: what) {
            guard doc[item].kind == .scalar, !doc.isNull(item) else {
                error("expected \(single), found \(describe(item))", at: item)
                continue
            }
            let text = doc.string(item).trimmingSpaces
            if text.isEmpty {
                error("expected \(single), found an empty string", at: item)
                continue
            }
            out.append(Ref(text, at: location(item)))
        }
        return out
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
            error("\(what) is missing its 'id'", at: firstKey(mapping), help: "add `id:` with an id unique in the curriculum")
            return nil
        }
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
        let name = identity.map { "unit '\($0.0)'" } ?? "unit"
        var title: String?
        if let field = fields["title"] { title = scalar(field.value, expected: "a title") }
        let buildsOn = fields["builds-on"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let buildsTowards = fields["builds-towards"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let unitIndex = model.units.count
        let first = model.lessons.count
        var writtenEmpty = false
        if let field = fields["lessons"] {
            let entries = list(field.value, of: "lessons")
            writtenEmpty = entries.isEmpty && doc[field.value].kind != .mapping
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
        let name = identity.map { "lesson '\($0.0)'" } ?? "lesson"
        var kind: LessonKind?
        if let field = fields["kind"] {
            if let text = scalar(field.value, expected: "a lesson kind") {
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
        if let field = fields["title"] { title = scalar(field.value, expected: "a title") }
        var minutes: Int?
        if let field = fields["minutes"], let text = scalar(field.value, expected: "a number of minutes") {
            if let value = Int(text.trimmingSpaces), value > 0, value <= 1_000_000 {
                minutes = value
            } else if let value = Int(text.trimmingSpaces), value > 1_000_000 {
                error("invalid minutes '\(text)'; expected a positive whole number of at most 1000000", at: field.value)
            } else {
                error("invalid minutes '\(text)'; expected a positive whole number", at: field.value)
            }
        }
        let standards = fields["standards"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let requires = fields["requires"].map { refs($0.value, of: "lesson or unit ids", single: "a lesson or unit id") } ?? []
        let buildsOn = fields["builds-on"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let buildsTowards = fields["builds-towards"].map { refs($0.value, of: "standard codes", single: "a standard code") } ?? []
        let practices = fields["practices"].map { refs($0.value, of: "practice tags", single: "a practice tag").map(\.text) } ?? []
        guard let identity else { return }
        model.lessons.append(Lesson(id: identity.0, idLocation: identity.1, title: title, kind: kind,
                                    standards: standards, requires: requires, buildsOn: buildsOn, buildsTowards: buildsTowards,
                                    minutes: minutes, practices: practices, unit: unit, position: model.lessons.count))
    }
}

/// The values of a mapping's known keys, one slot per allowed key.
struct Fields {
    let names: [StaticString]
    var slots: [(key: Int32, value: Int32)?]

    init(names: [StaticString]) {
        self.names = names
        slots = Array(repeating: nil, count: names.count)
    }

    subscript(name: StaticString) -> (key: Int32, value: Int32)? {
        for (i, candidate) in names.enumerated() where candidate.utf8CodeUnitCount == name.utf8CodeUnitCount
            && memcmpBytes(candidate.utf8Start, name.utf8Start, name.utf8CodeUnitCount) {
            return slots[i]
        }
        preconditionFailure("no key \(name)")
    }
}
