import SequenceLintKit
import Foundation

/// Long documentation rendered from rule descriptions: `sequencelint explain` and docs/rules.md.
public enum RuleDocumentation {
    /// Runs a rule alone over one example file and returns its gcc-style findings.
    public static func findings(of rule: any Rule.Type, on example: RuleExample, path: String = "example.yml") -> [Diagnostic] {
        var request = LintRequest(paths: [])
        if let configuration = example.configurationText {
            let (config, problems) = ConfigurationReader.read(bytes: Array(configuration.utf8), path: ".sequencelint.yml",
                                                              rules: RuleRegistry.all.map { $0.description })
            precondition(problems.isEmpty, "example configuration of \(rule.description.id): \(problems.map(\.message))")
            request.configuration = config
        }
        request.severities[rule.description.id] = rule.description.reportingSeverity
        request.options[rule.description.id] = example.options
        // unused-suppression depends on what the other rules find, so it runs with all of them.
        let alone = rule.description.id != "unused-suppression"
        let linter = Linter(rules: alone ? [rule] : RuleRegistry.all)
        var sources = [(path: path, bytes: Array(example.text.utf8))]
        if let framework = example.framework { sources.append((path: "framework.yml", bytes: Array(framework.utf8))) }
        for other in example.otherFiles { sources.append((path: other.name, bytes: Array(other.yaml.utf8))) }
        return linter.lint(sources: sources, request: request).diagnostics.filter { $0.rule == rule.description.id }
    }

    /// The rule's documentation as Markdown: what, why, options, examples with real output, fix.
    public static func markdown(_ rule: any Rule.Type, headingLevel: Int = 1) -> String {
        let d = rule.description
        let h = String(repeating: "#", count: headingLevel)
        var out = "\(h) \(d.id)\n\n"
        out += "Default severity: **\(d.defaultSeverity.rawValue)**"
        if d.defaultSeverity == .off { out += " (enabled, it reports at `warning`)" }
        out += ". Family: \(d.family.rawValue).\n\n"
        out += "Fires when \(d.summary).\n\n"
        out += "\(h)# Why\n\n\(d.rationale)\n\n"
        if !d.options.isEmpty {
            out += "\(h)# Options\n\n| option | default | meaning |\n|---|---|---|\n"
            for option in d.options {
                out += "| `\(option.name)` | `\(option.defaultText)` | \(option.summary) |\n"
            }
            out += "\n"
        }
        for (i, example) in d.triggering.enumerated() {
            out += "\(h)# Example that triggers it\(d.triggering.count > 1 ? " (\(i + 1))" : "")\n\n"
            out += exampleFiles(example)
            let lines = findings(of: rule, on: example).map {
                "\($0.location.path):\($0.location.start): \($0.severity.rawValue): \($0.message) [\($0.rule)]"
            }
            out += "sequencelint reports:\n\n" + fenced(lines.joined(separator: "\n") + "\n", "text")
        }
        for (i, example) in d.nonTriggering.enumerated() {
            out += "\(h)# Example that does not\(d.nonTriggering.count > 1 ? " (\(i + 1))" : "")\n\n"
            out += exampleFiles(example)
        }
        out += "\(h)# How to fix\n\n\(d.howToFix)\n"
        return out
    }

    /// docs/rules.md: the catalog table, then every rule's documentation.
    public static func catalogMarkdown(_ rules: [any Rule.Type] = RuleRegistry.all) -> String {
        var out = """
            # Rules

            Generated from the rule descriptions in `Sources/Rules` by `sequencelint rules --markdown`;
            a test fails when this file is stale. `sequencelint explain ID` prints one rule.

            | id | default | family | fires when |
            |---|---|---|---|

            """
        for rule in rules {
            let d = rule.description
            out += "| [`\(d.id)`](#\(d.id)) | \(d.defaultSeverity.rawValue) | \(d.family.rawValue) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        for rule in rules {
            out += "\n" + markdown(rule, headingLevel: 2)
        }
        return out
    }

    /// The `sequencelint rules` table.
    public static func table(_ rules: [any Rule.Type] = RuleRegistry.all) -> String {
        let width = rules.map { $0.description.id.count }.max() ?? 0
        var out = ""
        for rule in rules {
            let d = rule.description
            out += d.id + String(repeating: " ", count: width + 2 - d.id.count)
                + d.defaultSeverity.rawValue + String(repeating: " ", count: 9 - d.defaultSeverity.rawValue.count)
                + d.summary + "\n"
        }
        return out
    }

    private static func exampleFiles(_ example: RuleExample) -> String {
        var out = ""
        if example.framework != nil || example.configuration != nil || !example.otherFiles.isEmpty { out += "example.yml:\n\n" }
        out += fenced(example.text, "yaml")
        for other in example.otherFiles { out += "\(other.name):\n\n" + fenced(other.yaml, "yaml") }
        if let framework = example.framework { out += "framework.yml:\n\n" + fenced(framework, "yaml") }
        if let configuration = example.configurationText { out += ".sequencelint.yml:\n\n" + fenced(configuration, "yaml") }
        return out
    }

    private static func fenced(_ text: String, _ language: String) -> String {
        "```\(language)\n\(text.hasSuffix("\n") ? text : text + "\n")```\n\n"
    }
}
