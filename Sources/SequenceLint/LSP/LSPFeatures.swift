import Foundation

/// Code actions, hover, definition, references and completion: each reads the last run's model
/// (the same the rules saw) and the document's YAML at the cursor.
extension LanguageServer {
    /// The YAML value under the cursor: the node, the keys leading to it, and whether it is a key.
    struct Spot {
        var node: Int32
        var keys: [String]
        var isKey: Bool
        var text: String
        var location: Location
    }

    /// What a scalar is in its file, from the key it is written under.
    enum Role {
        case lessonReference   // a `requires` id
        case itemID            // the `id` of a lesson or unit
        case code              // a standard code
        case other
    }

    func document(_ params: [String: Any]) -> (path: String, source: SourceFile)? {
        guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
              let path = Self.path(fromURI: uri), let source = workspace?.source(path) else { return nil }
        return (path, source)
    }

    func spot(_ params: [String: Any]) -> (path: String, source: SourceFile, spot: Spot, role: Role)? {
        guard let (path, source) = document(params), let at = position(params["position"] as? [String: Any], in: source) else { return nil }
        let doc = YAMLLoader.load(source.bytes, path: path).document
        guard let root = doc.root else { return nil }
        func contains(_ node: YAMLNode) -> Bool {
            // The cursor right after a value counts as on it.
            at >= node.start && (at <= node.end || (at.line == node.end.line && at.column == node.end.column + 1))
        }
        func visit(_ n: Int32, _ keys: [String], _ depth: Int) -> Spot? {
            guard depth < 64 else { return nil }
            let node = doc[n]
            switch node.kind {
            case .scalar:
                return contains(node) ? Spot(node: n, keys: keys, isKey: false, text: doc.string(n).trimmingSpaces,
                                             location: Location(path: path, node: node)) : nil
            case .mapping:
                var found: Spot?
                doc.forEachPair(n) { k, v in
                    guard found == nil else { return }
                    let key = doc.string(k)
                    if doc[k].kind == .scalar, contains(doc[k]) {
                        found = Spot(node: k, keys: keys + [key], isKey: true, text: key, location: Location(path: path, node: doc[k]))
                    } else if contains(doc[v]) {
                        found = visit(v, keys + [key], depth + 1)
                    }
                }
                return found
            case .sequence:
                for child in doc.childIndices(n) where contains(doc[child]) {
                    if let found = visit(child, keys, depth + 1) { return found }
                }
                return nil
            }
        }
        guard let found = visit(root, [], 0), !found.isKey else { return nil }
        let isFramework = CurriculumReader.kind(of: doc) == .framework
        let role: Role
        switch found.keys.last {
        case "requires": role = isFramework ? .code : .lessonReference
        case "id": role = isFramework ? .other : .itemID
        case "standards", "builds-on", "builds-towards", "assumes": role = .code
        case "code", "parent", "related": role = isFramework ? .code : .other
        default: role = .other
        }
        return (path, source, found, role)
    }

    // MARK: Lookups

    /// The lesson or unit an id names in the curriculum of a file.
    func item(_ id: String, from path: String) -> (curriculum: Int, item: Item)? {
        guard let workspace, let context = workspace.context, let c = workspace.curriculum(of: path),
              let item = context.model.curricula[c].items[id] else { return nil }
        return (c, item)
    }

    /// The standard a code names for a file.
    func standard(_ code: String, from path: String) -> (framework: Framework, index: Int32)? {
        guard let workspace else { return nil }
        for framework in workspace.frameworks(for: path) {
            if let index = framework.lookup(code, looseMatching: workspace.configuration.looseMatching) { return (framework, index) }
        }
        return nil
    }

    func link(_ location: Location) -> [String: Any]? {
        guard let (uri, source) = place(location.path) else { return nil }
        return ["uri": uri, "range": range(location, in: source)]
    }

    func shown(_ location: Location) -> String {
        "\(location.path):\(location.start.line)"
    }

    // MARK: Hover

    func hover(_ params: [String: Any]) -> [String: Any]? {
        guard let (path, source, spot, role) = spot(params), let context = workspace?.context else { return nil }
        var text: String?
        switch role {
        case .lessonReference, .itemID:
            guard let (c, item) = item(spot.text, from: path) else {
                if role == .lessonReference { text = "No lesson or unit of this curriculum has the id `\(spot.text)`." }
                break
            }
            text = describe(item, in: context.model.curricula[c], context: context, curriculumIndex: c)
        case .code:
            guard let (framework, index) = standard(spot.text, from: path) else {
                text = "`\(spot.text)` is not a code of \(workspace?.frameworks(for: path).map { "`\($0.id)`" }.andList ?? "any framework loaded")."
                break
            }
            text = describe(framework, index, path: path, context: context)
        case .other:
            return nil
        }
        guard let text else { return nil }
        return ["contents": ["kind": "markdown", "value": text], "range": range(spot.location, in: source)]
    }

    func describe(_ item: Item, in curriculum: Curriculum, context: LintContext, curriculumIndex c: Int) -> String {
        switch item {
        case .lesson(let i):
            let lesson = curriculum.lessons[i]
            let unit = curriculum.units[lesson.unit]
            let file = curriculum.file(ofLesson: i)
            var lines = ["**Lesson `\(lesson.id)`**" + (lesson.title.map { ": \($0)" } ?? "")]
            var facts: [String] = []
            if let kind = lesson.kind { facts.append(kind.rawValue) }
            facts.append("unit `\(unit.id)`" + (unit.title.map { " (\($0))" } ?? ""))
            if let grade = file.grade { facts.append("grade \(grade)") }
            facts.append("lesson \(i + 1) of \(curriculum.lessons.count) in teaching order")
            if let minutes = lesson.minutes { facts.append("\(minutes) minutes") }
            lines.append(facts.joined(separator: " · "))
            if !lesson.standards.isEmpty { lines.append("Standards: " + lesson.standards.map { "`\($0.text)`" }.joined(separator: ", ")) }
            if !lesson.requires.isEmpty { lines.append("Requires: " + lesson.requires.map { "`\($0.text)`" }.joined(separator: ", ")) }
            let users = curriculum.lessons.filter { $0.requires.contains { $0.text == lesson.id } }.count
            if users > 0 { lines.append("Required by \(users) lesson\(users == 1 ? "" : "s").") }
            lines.append("Defined at `\(shown(lesson.idLocation))`.")
            return lines.joined(separator: "\n\n")
        case .unit(let u):
            let unit = curriculum.units[u]
            var lines = ["**Unit `\(unit.id)`**" + (unit.title.map { ": \($0)" } ?? "")]
            var facts = ["\(unit.lessons.count) lesson\(unit.lessons.count == 1 ? "" : "s")"]
            if let grade = curriculum.files[unit.file].grade { facts.append("grade \(grade)") }
            facts.append("unit \(u + 1) of \(curriculum.units.count) in teaching order")
            lines.append(facts.joined(separator: " · "))
            lines.append("Defined at `\(shown(unit.idLocation))`.")
            return lines.joined(separator: "\n\n")
        }
    }

    func describe(_ framework: Framework, _ index: Int32, path: String, context: LintContext) -> String {
        let standard = framework.standards[Int(index)]
        var head = "**\(standard.code ?? "?")**"
        var facts = [standard.level.rawValue]
        if let grade = standard.gradeLabel ?? standard.grade?.description { facts.append("grade \(grade)") }
        if let emphasis = standard.emphasis { facts.append(emphasis == .major ? "major work" : "\(emphasis.rawValue) work") }
        facts.append("`\(framework.id)`")
        head += " · " + facts.joined(separator: " · ")
        var lines = [head]
        if let text = standard.text, !text.isEmpty { lines.append(text) }
        if standard.parent >= 0, let parent = framework.standards[Int(standard.parent)].code { lines.append("Part of `\(parent)`.") }
        let prerequisites = standard.requires.compactMap { framework.standards[Int($0)].code }
        if !prerequisites.isEmpty { lines.append("Builds on: " + prerequisites.map { "`\($0)`" }.joined(separator: ", ")) }
        // Where this curriculum first teaches it.
        if let c = workspace?.curriculum(of: path) {
            let standards = context.standards[c]
            if let k = standards.frameworks.firstIndex(where: { context.model.frameworks[$0].path == framework.path && context.model.frameworks[$0].id == framework.id }) {
                let node = standards.offset(ofFramework: k) + Int(index)
                if node < standards.taughtAt.count {
                    let at = standards.taughtAt[node]
                    let curriculum = context.model.curricula[c]
                    if at != CurriculumStandards.never, Int(at) < curriculum.lessons.count {
                        let lesson = curriculum.lessons[Int(at)]
                        lines.append("First taught in `\(lesson.id)` (`\(shown(lesson.idLocation))`).")
                    } else {
                        lines.append("No lesson of this curriculum teaches it.")
                    }
                }
            }
        }
        return lines.joined(separator: "\n\n")
    }

    // MARK: Definition and references

    func definition(_ params: [String: Any]) -> Any? {
        guard let (path, _, spot, role) = spot(params) else { return nil }
        switch role {
        case .lessonReference, .itemID:
            guard let (c, item) = item(spot.text, from: path), let context = workspace?.context else { return nil }
            return link(context.model.curricula[c].idLocation(of: item))
        case .code:
            guard let (framework, index) = standard(spot.text, from: path) else { return nil }
            return link(framework.standards[Int(index)].location)
        case .other:
            return nil
        }
    }

    func references(_ params: [String: Any]) -> [[String: Any]] {
        guard let (path, _, spot, role) = spot(params), let workspace, let context = workspace.context else { return [] }
        let includeDeclaration = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? true
        var places: [Location] = []
        switch role {
        case .lessonReference, .itemID:
            guard let (c, item) = item(spot.text, from: path) else { return [] }
            let curriculum = context.model.curricula[c]
            if includeDeclaration { places.append(curriculum.idLocation(of: item)) }
            for lesson in curriculum.lessons {
                for ref in lesson.requires where ref.text == spot.text { places.append(ref.location) }
            }
        case .code:
            guard let c = workspace.curriculum(of: path) else { return [] }
            let curriculum = context.model.curricula[c]
            let key = standard(spot.text, from: path)
            func same(_ ref: Ref) -> Bool {
                if ref.text == spot.text { return true }
                guard let key, let other = standard(ref.text, from: path) else { return false }
                return other.index == key.index && other.framework.path == key.framework.path
            }
            if includeDeclaration, let key { places.append(key.framework.standards[Int(key.index)].location) }
            for lesson in curriculum.lessons {
                for ref in lesson.standards + lesson.buildsOn + lesson.buildsTowards where same(ref) { places.append(ref.location) }
            }
            for unit in curriculum.units {
                for ref in unit.buildsOn + unit.buildsTowards where same(ref) { places.append(ref.location) }
            }
        case .other:
            return []
        }
        return places.compactMap(link)
    }

    // MARK: Code actions

    func codeActions(_ params: [String: Any]) -> [[String: Any]] {
        guard let (path, source) = document(params), let workspace,
              let requested = params["range"] as? [String: Any],
              let from = position(requested["start"] as? [String: Any], in: source),
              let to = position(requested["end"] as? [String: Any], in: source) else { return [] }
        let only = (params["context"] as? [String: Any])?["only"] as? [String]
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let diagnostics = workspace.findings[ByteKey(path)] ?? []
        let uri = uri(path)
        var actions: [[String: Any]] = []
        let lineBreak = source.bytes.contains(0x0D) ? "\r\n" : "\n"
        for d in diagnostics where d.location.start <= Position(line: to.line, column: to.column + 1)
            && Position(line: d.location.end.line, column: d.location.end.column + 1) >= from {
            let lsp = lspDiagnostic(d, in: source)
            if wanted("quickfix"), let fix = d.fix, ByteKey(fix.location.path) == ByteKey(path) {
                actions.append([
                    "title": fix.message.prefix(1).uppercased() + fix.message.dropFirst() + (fix.applicability == .unsafe ? " (unsafe)" : ""),
                    "kind": "quickfix",
                    "diagnostics": [lsp],
                    "isPreferred": fix.applicability == .safe,
                    "edit": ["changes": [uri: [["range": range(fix.location, in: source), "newText": fix.replacement]]]],
                ])
            }
            // A file that does not parse reads no suppression comments.
            guard wanted("quickfix"), !d.isProblem(.syntax), !d.isProblem(.configuration) else { continue }
            let line = d.location.start.line
            let text = source.lineText(line)
            let edit: [String: Any]
            if !text.contains("#") {
                let end = source.units(line: line, column: source.lineLength(line) + 1, in: encoding)
                edit = ["range": ["start": ["line": line - 1, "character": end], "end": ["line": line - 1, "character": end]],
                        "newText": " # sequencelint-disable-line \(d.rule)"]
            } else {
                let indent = String(text.prefix { $0 == " " })
                edit = ["range": ["start": ["line": line - 1, "character": 0], "end": ["line": line - 1, "character": 0]],
                        "newText": "\(indent)# sequencelint-disable-next-line \(d.rule)\(lineBreak)"]
            }
            actions.append([
                "title": "Disable \(d.rule) for this line",
                "kind": "quickfix",
                "diagnostics": [lsp],
                "edit": ["changes": [uri: [edit]]],
            ])
        }
        if wanted("source.fixAll.sequencelint") {
            let fixes = diagnostics.compactMap(\.fix).filter { $0.applicability == .safe && ByteKey($0.location.path) == ByteKey(path) }
            let edits = Fixer.edits(fixes, to: source.bytes).edits
            if !edits.isEmpty {
                let changes: [[String: Any]] = edits.map { edit in
                    let start = source.position(ofByte: edit.old.lowerBound), end = source.position(ofByte: edit.old.upperBound)
                    return ["range": ["start": ["line": start.line - 1, "character": source.units(line: start.line, column: start.column, in: encoding)],
                                      "end": ["line": end.line - 1, "character": source.units(line: end.line, column: end.column, in: encoding)]],
                            "newText": String(decoding: edit.replacement, as: UTF8.self)]
                }
                actions.append(["title": "Apply every safe sequencelint fix", "kind": "source.fixAll.sequencelint",
                                "edit": ["changes": [uri: changes]]])
            }
        }
        return actions
    }

    // MARK: Completion

    static let rootKeys = ["curriculum", "title", "framework", "grade", "sequence", "assumes", "units"]
    static let unitKeys = ["id", "title", "lessons", "builds-on", "builds-towards"]
    static let lessonKeys = ["id", "title", "kind", "standards", "requires", "builds-on", "builds-towards", "minutes", "practices"]

    /// What the cursor is completing, read from the lines (a half-typed document need not parse).
    struct CompletionSpot {
        /// The key whose value (or list item) is being typed; nil in a key position.
        var key: String?
        /// The keys that fit in a key position.
        var keys: [String] = []
        /// The start of the word being typed (a scalar column) on the cursor's line.
        var wordStart: Int
    }

    func completionSpot(_ source: SourceFile, _ at: Position) -> CompletionSpot {
        let line = Array(source.lineText(at.line).unicodeScalars)
        let upto = Array(line.prefix(max(0, at.column - 1)))
        var wordStart = upto.count
        while wordStart > 0, !" \t[],{}'\"".unicodeScalars.contains(upto[wordStart - 1]) { wordStart -= 1 }
        let before = String(String.UnicodeScalarView(upto))
        var body = Substring(before)
        var indent = 0
        while body.first == " " { body = body.dropFirst(); indent += 1 }
        var isItem = false
        while body.hasPrefix("- ") { body = body.dropFirst(2); indent += 2; isItem = true; while body.first == " " { body = body.dropFirst(); indent += 1 } }
        if isItem == false, body == "-" { isItem = true; body = "" }
        // `key: value` or `key: [a, b` on this line.
        if let colon = body.range(of: ": ") ?? (body.hasSuffix(":") ? body.range(of: ":", options: .backwards) : nil) {
            let key = String(body[..<colon.lowerBound])
            if !key.contains(" "), !key.contains("[") { return CompletionSpot(key: key, wordStart: wordStart + 1) }
        }
        // The key that owns this line: the nearest line above with less indentation (or a list
        // item at the same indentation under `key:`).
        func owner(below indent: Int, item: Bool) -> (key: String, indent: Int)? {
            var l = at.line - 1
            while l >= 1 {
                let text = source.lineText(l)
                let trimmed = text.drop { $0 == " " }
                let lineIndent = text.count - trimmed.count
                if trimmed.isEmpty || trimmed.hasPrefix("#") { l -= 1; continue }
                var content = String(trimmed)
                var contentIndent = lineIndent
                while content.hasPrefix("- ") { content.removeFirst(2); contentIndent += 2; while content.first == " " { content.removeFirst(); contentIndent += 1 } }
                if let hash = content.range(of: " #") { content = String(content[..<hash.lowerBound]) }
                content = content.trimmingCharacters(in: .whitespaces)
                if contentIndent < indent || (item && lineIndent == indent - 2 && !trimmed.hasPrefix("-")) {
                    if content.hasSuffix(":") { return (String(content.dropLast()), contentIndent) }
                    if lineIndent < indent - (item ? 2 : 0) { return nil }
                }
                if lineIndent < indent - (item ? 2 : 0) && !trimmed.hasPrefix("-") { return nil }
                l -= 1
            }
            return nil
        }
        if isItem || body.isEmpty || !body.contains(":") {
            let found = owner(below: indent, item: isItem)
            switch found?.key {
            case "lessons": return CompletionSpot(key: nil, keys: Self.lessonKeys, wordStart: wordStart + 1)
            case "units": return CompletionSpot(key: nil, keys: Self.unitKeys, wordStart: wordStart + 1)
            case .some(let key) where isItem: return CompletionSpot(key: key, wordStart: wordStart + 1)
            case nil where indent == 0 && !isItem: return CompletionSpot(key: nil, keys: Self.rootKeys, wordStart: wordStart + 1)
            default: break
            }
        }
        return CompletionSpot(key: nil, keys: [], wordStart: wordStart + 1)
    }

    func completion(_ params: [String: Any]) -> [String: Any] {
        guard let (path, source) = document(params), let at = position(params["position"] as? [String: Any], in: source),
              let workspace else { return ["isIncomplete": false, "items": []] }
        let spot = completionSpot(source, at)
        let replace: [String: Any] = [
            "start": ["line": at.line - 1, "character": source.units(line: at.line, column: spot.wordStart, in: encoding)],
            "end": ["line": at.line - 1, "character": source.units(line: at.line, column: at.column, in: encoding)],
        ]
        func item(_ label: String, kind: Int, detail: String?, documentation: String? = nil, sort: String) -> [String: Any] {
            var out: [String: Any] = ["label": label, "kind": kind, "sortText": sort, "filterText": label,
                                      "textEdit": ["range": replace, "newText": label]]
            if let detail { out["detail"] = detail }
            if let documentation { out["documentation"] = ["kind": "markdown", "value": documentation] }
            return out
        }
        var items: [[String: Any]] = []
        switch spot.key {
        case nil:
            items = spot.keys.enumerated().map { item($1, kind: 10, detail: nil, sort: String(format: "%03d", $0)) }
        case "kind":
            items = LessonKind.allCases.enumerated().map { item($1.rawValue, kind: 20, detail: "lesson kind", sort: String(format: "%03d", $0)) }
        case "requires":
            guard let context = workspace.context, let c = workspace.curriculum(of: path) else { break }
            let curriculum = context.model.curricula[c]
            // The lesson being edited: the last one whose id is above the cursor in this file.
            let here = curriculum.lessons.last { ByteKey($0.idLocation.path) == ByteKey(path) && $0.idLocation.start.line <= at.line }
            let position = here?.position ?? curriculum.lessons.count
            for (i, lesson) in curriculum.lessons.enumerated() where lesson.id != here?.id {
                // Lessons taught earlier first, the nearest first; later ones after them.
                let rank = i < position ? position - i : 1_000_000 + i
                let unit = curriculum.units[lesson.unit]
                items.append(item(lesson.id, kind: 18, detail: lesson.title ?? "lesson",
                                  documentation: "\(lesson.kind?.rawValue ?? "lesson") · unit `\(unit.id)` · `\(shown(lesson.idLocation))`",
                                  sort: String(format: "%08d", rank)))
            }
            for unit in curriculum.units where here.map({ curriculum.units[$0.unit].id != unit.id }) ?? true {
                let first = unit.lessons.lowerBound
                let rank = first < position ? 2_000_000 + position - first : 3_000_000 + first
                items.append(item(unit.id, kind: 9, detail: "unit" + (unit.title.map { ": \($0)" } ?? ""), sort: String(format: "%08d", rank)))
            }
        case "standards", "builds-on", "builds-towards", "assumes":
            let grade = workspace.curriculum(of: path).flatMap { c in
                workspace.context?.model.curricula[c].files.first { ByteKey($0.path) == ByteKey(path) }?.grade
            }
            for framework in workspace.frameworks(for: path) {
                for standard in framework.standards {
                    guard let code = standard.code else { continue }
                    // The file's grade first, then the grades below it, nearest first.
                    let distance = grade.flatMap { g in standard.grade.map { g.rank - $0.rank } } ?? 0
                    let rank = distance == 0 ? 0 : distance > 0 ? distance : 100 - distance
                    let detail = [standard.grade.map { "grade \($0)" }, standard.level == .standard ? nil : standard.level.rawValue,
                                  standard.emphasis.map { $0 == .major ? "major" : $0.rawValue }].compactMap { $0 }.joined(separator: " · ")
                    items.append(item(code, kind: 21, detail: detail.isEmpty ? nil : detail, documentation: standard.text,
                                      sort: String(format: "%03d", rank) + code))
                }
            }
        default:
            break
        }
        return ["isIncomplete": false, "items": items]
    }
}
