/// Reads standards frameworks: YAML files (FORMAT.md) and 1EdTech CASE packages (JSON, read by
/// the same YAML loader so every item keeps its position).
public enum FrameworkReader {
    /// Reads a framework document of either kind; nil (with a `schema` diagnostic) when it is neither.
    public static func read(_ doc: YAMLDocument, path: String, budget: SuggestionBudget = SuggestionBudget()) -> (Framework?, [Diagnostic]) {
        SchemaReader.reading(doc, path: path) { reader in
            reader.suggestionBudget = budget
            return reader.readAnyFramework()
        }
    }
}

extension SchemaReader {
    /// A framework document of either kind; nil (with a `schema` diagnostic) when it is neither.
    mutating func readAnyFramework() -> (Framework?, [Diagnostic]) {
        let framework: Framework?
        if let root = doc.root, doc[root].kind == .mapping, doc.value(root, forKey: "CFDocument") != nil {
            framework = readCASE(root)
        } else if let root = doc.root, doc[root].kind == .mapping, doc.value(root, forKey: "framework") != nil {
            framework = readFramework(root)
        } else {
            let at = doc.root.map { location($0) } ?? Location(path: path, start: Position(line: 1, column: 1), end: Position(line: 1, column: 1))
            diagnostics.append(Diagnostic(
                problem: .schema, severity: .error,
                message: "not a standards framework: expected a YAML framework (`framework:` and `standards:`) or a CASE package (`CFDocument`, `CFItems`)",
                location: at))
            framework = nil
        }
        return (framework, diagnostics)
    }
}

/// A reference written in a framework, resolved once every standard is known.
struct PendingLink {
    var from: Int
    var target: String
    var location: Location
    var isParent: Bool
    var isRelated = false
}

extension SchemaReader {
    static let frameworkKeys: [StaticString] = ["framework", "title", "standards"]
    static let standardKeys: [StaticString] = ["code", "grade", "emphasis", "text", "requires", "parent", "level", "related"]

    mutating func readFramework(_ root: Int32) -> Framework? {
        let fields = pairs(root, allowed: Self.frameworkKeys, what: "a framework")
        guard let idField = fields["framework"] else { return nil }
        let id = scalar(idField.value, expected: "a framework id")?.trimmingSpaces ?? ""
        if id.isEmpty { error("the framework id is empty", at: idField.key) }
        var title: String?
        if let field = fields["title"] { title = scalar(field.value, expected: "a title") }
        var standards: [Standard] = []
        var links: [PendingLink] = []
        if let field = fields["standards"] {
            for node in list(field.value, of: "standards") {
                readStandard(node, into: &standards, links: &links)
            }
        } else {
            error("framework is missing 'standards'", at: firstKey(root), help: "add `standards:`, a list of standards with code, grade and requires")
        }
        var findings: [Diagnostic] = []
        var byCode: [String: Int] = [:]
        for (i, s) in standards.enumerated() {
            guard let code = s.code else { continue }
            if let first = byCode[code] {
                findings.append(Diagnostic(
                    problem: .duplicateID, severity: .error,
                    message: "duplicate code '\(code)': framework '\(id)' already defines it",
                    location: s.location, notes: [Note("'\(code)' is first defined here", at: standards[first].location)],
                    help: "remove one of the two, or give it its own code"))
            } else {
                byCode[code] = i
            }
        }
        let looseIndex = Framework.codeIndex(standards).loose
        resolve(links, in: &standards, findings: &findings, frameworkID: id) { target in
            if let i = byCode[target.trimmingSpaces] { return i }
            return looseIndex[StandardCode.looseKey(target)].map(Int.init)
        }
        return Framework(id: id, title: title, path: path, idLocation: location(idField.value),
                         standards: standards, findings: findings)
    }

    private mutating func readStandard(_ node: Int32, into standards: inout [Standard], links: inout [PendingLink]) {
        guard doc[node].kind == .mapping else {
            error("expected a standard (a mapping with 'code'), found \(describe(node))", at: node)
            return
        }
        let fields = pairs(node, allowed: Self.standardKeys, what: "a standard")
        guard let codeField = fields["code"] else {
            error("standard is missing 'code'", at: firstKey(node), help: "add `code:` with the standard's code, e.g. 6.RP.A.3")
            return
        }
        guard let code = scalar(codeField.value, expected: "a standard code")?.trimmingSpaces, !code.isEmpty else {
            if doc[codeField.value].kind == .scalar { error("the standard's code is empty", at: codeField.key) }
            return
        }
        let index = standards.count
        var standard = Standard(code: code, location: location(codeField.value), grade: nil, gradeLabel: nil,
                                emphasis: nil, text: nil, requires: [], requiresAt: [], parent: -1, hasOwnGrade: false)
        if let field = fields["grade"], let text = scalar(field.value, expected: "a grade (PK, K, 1 to 12, or a band such as HS)") {
            if let grade = Grade(band: text) {
                standard.grade = grade
                standard.gradeLabel = text.trimmingSpaces
                standard.hasOwnGrade = true
            } else {
                error("invalid grade '\(text)'; expected PK, K, 1 to 12, or a band such as HS or 6-8", at: field.value)
            }
        }
        if let field = fields["emphasis"], let text = scalar(field.value, expected: "an emphasis") {
            standard.emphasis = Emphasis(rawValue: text.trimmingSpaces)
            if standard.emphasis == nil {
                let names = Emphasis.allCases.map(\.rawValue)
                error("invalid emphasis '\(text)'\(Suggestions.didYouMean(text, among: names))", at: field.value,
                      help: "emphasis is \(names.orList)")
            }
        }
        if let field = fields["level"], let text = scalar(field.value, expected: "a level") {
            if let level = StandardLevel(rawValue: text.trimmingSpaces) {
                standard.level = level
            } else {
                let names = StandardLevel.allCases.map(\.rawValue)
                let near = Suggestions.closest(to: text, among: names)
                error("invalid level '\(text)'\(near.map { "; did you mean '\($0)'?" } ?? "")", at: field.value,
                      help: "a framework item's level is \(names.orList)", replaceWith: near)
            }
        }
        if let field = fields["text"] {
            standard.text = scalar(field.value, expected: "the standard's text").map(StandardCode.plainText)
        }
        if let field = fields["requires"] {
            for ref in refs(field.value, of: "standard codes", single: "a standard code") {
                links.append(PendingLink(from: index, target: ref.text, location: ref.location, isParent: false))
            }
        }
        if let field = fields["related"] {
            for ref in refs(field.value, of: "standard codes", single: "a standard code") {
                links.append(PendingLink(from: index, target: ref.text, location: ref.location, isParent: false, isRelated: true))
            }
        }
        if let field = fields["parent"], let text = scalar(field.value, expected: "the parent's code") {
            links.append(PendingLink(from: index, target: text.trimmingSpaces, location: location(field.value), isParent: true))
        }
        standards.append(standard)
    }

    /// Resolves requirement and parent links; breaks parent loops.
    func resolve(_ links: [PendingLink], in standards: inout [Standard], findings: inout [Diagnostic],
                 frameworkID: String, severity: Severity = .error, lookup: (String) -> Int?) {
        let codes = standards.compactMap(\.code)
        for link in links {
            guard let target = lookup(link.target) else {
                findings.append(Diagnostic(
                    problem: .unknownReference, severity: severity,
                    message: "\(link.isParent ? "parent" : link.isRelated ? "related standard" : "prerequisite") '\(link.target)' of \(standards[link.from].code ?? "an item") is no standard of framework '\(frameworkID)'"
                        + Suggestions.didYouMean(link.target, among: codes.count < 5000 && suggestionBudget.spend(codes.count) ? codes : []),
                    location: link.location, help: "correct the code, or add the standard it names"))
                continue
            }
            if link.isRelated {
                if target != link.from { standards[link.from].related.append(Int32(target)) }
                continue
            }
            if link.isParent {
                if target == link.from {
                    findings.append(Diagnostic(
                        problem: .cycle, severity: .error,
                        message: "\(standards[link.from].code ?? "an item") in framework '\(frameworkID)' names itself as its parent",
                        location: link.location, help: "a standard cannot be a part of itself: name the standard it belongs to, or remove `parent`"))
                    continue
                }
                if standards[link.from].parent < 0 { standards[link.from].parent = Int32(target) }
            } else {
                standards[link.from].requires.append(Int32(target))
                standards[link.from].requiresAt.append(link.location)
            }
        }
        // A parent chain that loops would make parts of themselves: cut it where it closes.
        var state = [UInt8](repeating: 0, count: standards.count)  // 0 new, 1 on the current walk, 2 done
        for start in standards.indices where state[start] == 0 {
            var walk: [Int] = []
            var i = start
            while i >= 0, state[i] == 0 {
                state[i] = 1
                walk.append(i)
                i = Int(standards[i].parent)
            }
            if i >= 0, state[i] == 1 {
                findings.append(Diagnostic(
                    problem: .cycle, severity: .error,
                    message: "the parents of \(standards[i].code ?? "an item") in framework '\(frameworkID)' lead back to it",
                    location: standards[i].location, help: "a standard cannot be a part of its own part: fix the `parent` links"))
                standards[i].parent = -1
            }
            for w in walk { state[w] = 2 }
        }
    }
}
