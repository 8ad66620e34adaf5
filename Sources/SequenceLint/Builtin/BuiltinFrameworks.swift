/// Frameworks compiled into the binary: a curriculum naming one of their ids gets it when no
/// loaded framework has that id, and `frameworks: [builtin:ID]` names one explicitly.
public enum BuiltinFrameworks {
    /// The prefix that names a built-in framework where a path is expected.
    public static let prefix = "builtin:"

    /// The ids of the built-in frameworks.
    public static let ids = ["ccss-math"]

    /// The YAML text of a built-in framework.
    public static func text(_ id: String) -> String? {
        switch id {
        case "ccss-math": ccssMathYAML
        default: nil
        }
    }

    /// The path a built-in framework's locations carry (`builtin:ccss-math`).
    public static func path(_ id: String) -> String { prefix + id }

    /// The id a `builtin:ID` reference names, if it is one.
    public static func id(fromReference reference: String) -> String? {
        guard reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count))
    }

    /// Built-in frameworks are read once per process, on first use.
    private static let loaded: [String: Framework] = {
        var out: [String: Framework] = [:]
        for id in ids {
            guard let text = text(id) else { continue }
            let path = path(id)
            let doc = YAMLLoader.load(Array(text.utf8), path: path).document
            if let framework = FrameworkReader.read(doc, path: path).0 { out[id] = framework }
        }
        return out
    }()

    /// A built-in framework, read.
    public static func framework(_ id: String) -> Framework? { loaded[id] }
}
