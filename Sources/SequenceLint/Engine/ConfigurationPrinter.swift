import Foundation

/// Renders the effective configuration (`--print-config`) as YAML.
package enum ConfigurationPrinter {
    /// Every setting that applies to a run: file, frameworks, exclusions, assumptions, each rule's
    /// severity and options (defaults included), milestones.
    package static func render(_ request: LintRequest, linter: Linter) -> String {
        let config = request.configuration
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[" + items.map(quote).joined(separator: ", ") + "]"
        }
        var out = "# effective configuration, from \(config.path ?? "defaults (no .sequencelint.yml found)")\n"
        var frameworks: [String] = []
        for path in config.frameworks + request.frameworks.map(SourceDiscovery.displayPath)
            where !frameworks.contains(where: { SourceDiscovery.canonical($0) == SourceDiscovery.canonical(path) }) {
            frameworks.append(path)
        }
        out += "frameworks: \(list(frameworks))\n"
        out += "exclude: \(list(config.exclude))\n"
        out += "assumes: \(list(config.assumes))\n"
        out += "code-matching: \(config.looseMatching ? "loose" : "exact")\n"
        out += "infer-hierarchy: \(config.inferHierarchy)\n"
        out += "later-grade-standards: \(config.addressLaterGrades ? "address" : "build-towards")\n"
        out += "rules:\n"
        for rule in linter.rules {
            let d = rule.description
            let severity = linter.severity(of: d, in: request)
            if d.options.isEmpty {
                out += "  \(d.id): \(severity.rawValue)\n"
                continue
            }
            out += "  \(d.id):\n    severity: \(severity.rawValue)\n"
            for option in d.options {
                let value = request.options[d.id]?[option.name] ?? config.options[d.id]?[option.name] ?? option.defaultValue
                let text: String
                if case .choice = option.kind, case .strings(let items) = value, let word = items.first {
                    text = quote(word)
                } else if case .strings(let items) = value {
                    text = list(items)
                } else {
                    text = value.description
                }
                out += "    \(option.name): \(text)\n"
            }
        }
        out += "milestones:"
        if config.milestones.isEmpty { out += " []" }
        out += "\n"
        for milestone in config.milestones {
            out += "  - name: \(quote(milestone.name))\n    by-grade: \(milestone.byGrade)\n    standards: \(list(milestone.standards))\n"
        }
        return out
    }

    static func quote(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "._-/".unicodeScalars.contains(scalar))
        }
        // Plain unless YAML would read it as something else: null, a boolean, a number.
        let special: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let number = Double(text) != nil || text.lowercased().hasPrefix("0x") || text.lowercased().hasPrefix("0o")
        if plain, let first = text.unicodeScalars.first, first != "-", !text.isEmpty, !special.contains(text.lowercased()), !number { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
