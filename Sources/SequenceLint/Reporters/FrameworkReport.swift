/// Text for `sequencelint frameworks` and `sequencelint standard CODE`.
package enum FrameworkReport {
    /// One line per framework: id, where it comes from, title, what it holds.
    package static func list(_ frameworks: [(framework: Framework, builtIn: Bool)]) -> String {
        var out = ""
        for (framework, builtIn) in frameworks {
            var levels: [StandardLevel: Int] = [:]
            var edges = 0
            for s in framework.standards {
                levels[s.level, default: 0] += 1
                edges += s.requires.count
            }
            let counts = StandardLevel.allCases.compactMap { level -> String? in
                guard let n = levels[level], n > 0 else { return nil }
                return "\(n) \(level.rawValue)\(n == 1 ? "" : "s")"
            }.joined(separator: ", ")
            out += "\(framework.id)  (\(builtIn ? "built in" : framework.path))\n"
            if let title = framework.title { out += "  \(title)\n" }
            out += "  \(counts); \(edges) prerequisite edge\(edges == 1 ? "" : "s")\n"
        }
        return out
    }

    /// A standard: its text, grade, level, emphasis, whole and parts, prerequisites, what builds
    /// on it, and related standards.
    package static func standard(_ index: Int32, in framework: Framework, builtIn: Bool) -> String {
        let s = framework.standards[Int(index)]
        func name(_ i: Int32) -> String { framework.describe(i) }
        var out = "\(s.code ?? "(uncoded item)")  (\(framework.id)\(builtIn ? ", built in" : ", \(framework.path)"))\n"
        if let text = s.text, !text.isEmpty { out += "  \(text)\n" }
        var facts = ["level: \(s.level.rawValue)"]
        if let grade = s.gradeLabel ?? s.grade?.description { facts.insert("grade: \(grade)", at: 0) }
        if let emphasis = s.emphasis { facts.append("emphasis: \(emphasis.rawValue)") }
        out += "  " + facts.joined(separator: "   ") + "\n"
        if s.parent >= 0 { out += "  part of: \(name(s.parent))\n" }
        let parts = framework.children[Int(index)]
        if !parts.isEmpty { out += "  parts:\n" + parts.map { "    \(name($0))\n" }.joined() }
        if !s.requires.isEmpty { out += "  builds on:\n" + s.requires.map { "    \(name($0))\n" }.joined() }
        let later = framework.standards.indices.filter { framework.standards[$0].requires.contains(index) }.map { Int32($0) }
        if !later.isEmpty { out += "  builds toward:\n" + later.map { "    \(name($0))\n" }.joined() }
        var related = s.related
        for (i, other) in framework.standards.enumerated() where other.related.contains(index) && !related.contains(Int32(i)) {
            related.append(Int32(i))
        }
        if !related.isEmpty { out += "  related:\n" + related.map { "    \(name($0))\n" }.joined() }
        return out
    }
}
