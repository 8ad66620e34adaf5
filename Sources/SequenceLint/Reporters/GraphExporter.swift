import Foundation

/// The prerequisite graph for `sequencelint graph`: Graphviz dot, Mermaid, or JSON. Edges run
/// from what is required to what requires it, in teaching order; units are clusters.
public enum GraphFormat: String, CaseIterable, Sendable {
    case dot, mermaid, json
}

/// Renders curricula's prerequisite graphs.
public enum GraphExporter {
    /// The graph of every curriculum in the model.
    public static func render(_ model: Model, as format: GraphFormat) -> String {
        switch format {
        case .dot: dot(model)
        case .mermaid: mermaid(model)
        case .json: json(model)
        }
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    static func label(_ lesson: Lesson) -> String {
        lesson.title.map { "\(lesson.id): \($0)" } ?? lesson.id
    }

    /// Edges (required node, requiring lesson) of a curriculum, unknown references left out.
    static func edges(_ curriculum: Curriculum, _ graph: PrerequisiteGraph) -> [(from: Item, to: Int)] {
        var out: [(Item, Int)] = []
        for lesson in curriculum.lessons {
            for target in graph.entryTarget[lesson.position] where target >= 0 {
                out.append((graph.item(Int(target)), lesson.position))
            }
        }
        return out
    }

    static func dot(_ model: Model) -> String {
        var out = "digraph prerequisites {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n"
        for (c, curriculum) in model.curricula.enumerated() {
            let graph = PrerequisiteGraph(curriculum)
            out += "  subgraph \(quote("cluster_\(curriculum.id)")) {\n    label=\(quote("curriculum \(curriculum.id)"));\n"
            for unit in curriculum.units {
                out += "    subgraph \(quote("cluster_\(c)_\(unit.position)")) {\n      label=\(quote(unit.title.map { "\(unit.id): \($0)" } ?? unit.id));\n"
                out += "      \(quote("u:\(c):\(unit.position)")) [label=\(quote(unit.id)), shape=point];\n"
                for l in unit.lessons {
                    let lesson = curriculum.lessons[l]
                    out += "      \(quote("l:\(c):\(lesson.position)")) [label=\(quote(label(lesson)))\(lesson.kind.map { ", tooltip=\(quote($0.rawValue))" } ?? "")];\n"
                }
                out += "    }\n"
            }
            out += "  }\n"
            for (from, to) in edges(curriculum, graph) {
                let source: String
                switch from {
                case .lesson(let l): source = "l:\(c):\(l)"
                case .unit(let u): source = "u:\(c):\(u)"
                }
                out += "  \(quote(source)) -> \(quote("l:\(c):\(to)"));\n"
            }
        }
        return out + "}\n"
    }

    static func mermaid(_ model: Model) -> String {
        var out = "flowchart LR\n"
        var ids: [String: String] = [:]
        func node(_ key: String) -> String {
            if let id = ids[key] { return id }
            let id = "n\(ids.count)"
            ids[key] = id
            return id
        }
        func text(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "#quot;") + "\"" }
        for (c, curriculum) in model.curricula.enumerated() {
            let graph = PrerequisiteGraph(curriculum)
            for unit in curriculum.units {
                out += "  subgraph \(node("u:\(c):\(unit.position)"))[\(text(unit.title.map { "\(unit.id): \($0)" } ?? unit.id))]\n"
                for l in unit.lessons {
                    let lesson = curriculum.lessons[l]
                    out += "    \(node("l:\(c):\(lesson.position)"))[\(text(label(lesson)))]\n"
                }
                out += "  end\n"
            }
            for (from, to) in edges(curriculum, graph) {
                let source: String
                switch from {
                case .lesson(let l): source = node("l:\(c):\(l)")
                case .unit(let u): source = node("u:\(c):\(u)")
                }
                out += "  \(source) --> \(node("l:\(c):\(to)"))\n"
            }
        }
        return out
    }

    static func json(_ model: Model) -> String {
        let curricula: [JSON] = model.curricula.map { curriculum in
            let graph = PrerequisiteGraph(curriculum)
            let units: [JSON] = curriculum.units.map { unit in
                .object([("id", .string(unit.id)), ("title", .string(unit.title)), ("path", .string(unit.idLocation.path)),
                         ("lessons", .array(unit.lessons.map { .string(curriculum.lessons[$0].id) }))])
            }
            let lessons: [JSON] = curriculum.lessons.map { lesson in
                .object([("id", .string(lesson.id)), ("title", .string(lesson.title)), ("kind", .string(lesson.kind?.rawValue)),
                         ("unit", .string(curriculum.units[lesson.unit].id)), ("position", .int(lesson.position)),
                         ("grade", .string(curriculum.file(ofLesson: lesson.position).grade?.description)),
                         ("standards", .array(lesson.standards.map { .string($0.text) })),
                         ("path", .string(lesson.idLocation.path)), ("line", .int(lesson.idLocation.start.line))])
            }
            let edges: [JSON] = edges(curriculum, graph).map { from, to in
                let (kind, id): (String, String)
                switch from {
                case .lesson(let l): (kind, id) = ("lesson", curriculum.lessons[l].id)
                case .unit(let u): (kind, id) = ("unit", curriculum.units[u].id)
                }
                return .object([("from", .string(id)), ("fromKind", .string(kind)), ("to", .string(curriculum.lessons[to].id))])
            }
            return .object([("id", .string(curriculum.id)), ("units", .array(units)), ("lessons", .array(lessons)), ("edges", .array(edges))])
        }
        return JSON.object([("version", .int(1)), ("curricula", .array(curricula))]).rendered()
    }
}
