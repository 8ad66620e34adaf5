import ArgumentParser
import Foundation
import SequenceLintKit
import SequenceLintRules

extension OutputFormat: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}

/// `sequencelint`: lint curriculum maps into compiler-style diagnostics.
@main
struct SequenceLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sequencelint",
        abstract: "Lint curriculum maps (scope and sequence) for broken logical progression and imbalance.",
        version: SequenceLintVersion.current,
        subcommands: [Lint.self, Rules.self, Explain.self, Graph.self],
        defaultSubcommand: Lint.self)
}

/// Prints a message on standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("sequencelint: error: \(message)\n".utf8))
}

/// Exit status 2: configuration or I/O problem.
let ioFailure = ExitCode(2)

extension SequenceLintCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint files and folders (the default command).",
            discussion: "Exit status: 0 no failing diagnostics; 1 failing diagnostics; 2 configuration or I/O problem.")

        @Argument(help: "Files and folders to lint (default: the current folder).")
        var paths: [String] = []

        @Option(help: ArgumentHelp("Use this configuration instead of discovering .sequencelint.yml.", valueName: "FILE"))
        var config: String?

        @Option(help: ArgumentHelp("Add a standards framework, YAML or CASE JSON (repeatable).", valueName: "FILE"))
        var framework: [String] = []

        @Flag(help: "Print the effective configuration and exit.")
        var printConfig = false

        @Option(help: "Output format.")
        var format: OutputFormat = .text

        @Option(help: ArgumentHelp("With `-`, lint standard input as if it were this file (for editors).", valueName: "PATH"))
        var stdinFilename: String?

        @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file.", valueName: "FILE"))
        var baseline: String?

        @Option(help: ArgumentHelp("Record the current findings in this baseline file and exit 0.", valueName: "FILE"))
        var writeBaseline: String?

        @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @Flag(help: "Warnings fail the run too.")
        var strict = false

        @Option(help: ArgumentHelp("Fail when there are more than N warnings.", valueName: "N"))
        var maxWarnings: Int?

        @Option(help: ArgumentHelp("Turn a rule on for this run (repeatable).", valueName: "RULE"))
        var enable: [String] = []

        @Option(help: ArgumentHelp("Turn a rule off for this run (repeatable).", valueName: "RULE"))
        var disable: [String] = []

        @Flag(inversion: .prefixedNo, help: "Color text output (default: on a terminal, unless NO_COLOR is set).")
        var color: Bool?

        @Flag(help: "Report errors only.")
        var quiet = false

        @Flag(help: "Also list the YAML files skipped because they are not curriculum maps.")
        var verbose = false

        /// The configuration named with --config or discovered; exit status 2 when it is invalid.
        func loadConfiguration() throws -> Configuration {
            let path: String
            if let config {
                guard FileManager.default.isReadableFile(atPath: config) else {
                    printError("cannot read configuration \(config): no such file")
                    throw ioFailure
                }
                path = SourceDiscovery.displayPath(config)
            } else if let found = ConfigurationReader.discover(from: stdinFilename.flatMap { name in
                paths.contains("-") ? (name.contains("/") ? String(name[..<name.lastIndex(of: "/")!]) : ".") : nil
            }) {
                path = found
            } else {
                return Configuration()
            }
            let (configuration, problems) = ConfigurationReader.read(path, rules: RuleRegistry.all.map { $0.description })
            guard problems.isEmpty else {
                var sources: [String: [UInt8]] = [:]
                sources[path] = try? SourceDiscovery.readFile(path, limit: 4 << 20)
                let text = TextReporter().render(problems, sources: sources, color: color ?? Terminal.stderrWantsColor)
                FileHandle.standardError.write(Data(text.utf8))
                printError("invalid configuration \(path) (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
                throw ioFailure
            }
            return configuration
        }

        func validate() throws {
            if let maxWarnings, maxWarnings < 0 {
                throw ValidationError("--max-warnings must be 0 or more")
            }
            if stdinFilename != nil, !paths.contains("-") {
                throw ValidationError("--stdin-filename names the document read from standard input: add `-` to the paths")
            }
            if baseline != nil, writeBaseline != nil {
                throw ValidationError("--baseline and --write-baseline do not go together: write a baseline, then use it")
            }
        }

        func run() throws {
            let linter = Linter(rules: RuleRegistry.all)
            let readsStdin = paths.contains("-")
            var request = LintRequest(paths: paths.isEmpty ? ["."] : paths.filter { $0 != "-" })
            if readsStdin {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                request.stdin = (stdinFilename ?? "stdin.yml", bytes)
            }
            request.enable = enable
            request.disable = disable
            request.frameworks = framework
            request.configuration = try loadConfiguration()
            for id in enable + disable {
                do { try linter.validateRuleID(id) } catch let error as LintError {
                    printError(error.description)
                    throw ioFailure
                }
            }
            if printConfig {
                print(ConfigurationPrinter.render(request, linter: linter), terminator: "")
                return
            }
            var result: LintResult
            do {
                result = try linter.lint(request)
            } catch let error as LintError {
                printError(error.description)
                throw ioFailure
            }
            // A run never writes into the files it reads.
            for target in [output, writeBaseline].compactMap({ $0 }) {
                let canonical = SourceDiscovery.canonical(SourceDiscovery.displayPath(target))
                if result.filesRead.contains(where: { SourceDiscovery.canonical($0) == canonical }) {
                    printError("refusing to write \(target): it is one of the files being linted")
                    throw ioFailure
                }
            }
            if result.curriculumFileCount == 0 {
                FileHandle.standardError.write(Data("sequencelint: warning: no curriculum maps found in \(request.paths.joined(separator: " "))\n".utf8))
            }
            if let writeBaseline {
                do {
                    try Data(Baseline(result.diagnostics).rendered().utf8).write(to: URL(fileURLWithPath: writeBaseline))
                } catch {
                    printError("cannot write \(writeBaseline): \(error.localizedDescription)")
                    throw ioFailure
                }
                FileHandle.standardError.write(Data("sequencelint: recorded \(result.diagnostics.count) finding\(result.diagnostics.count == 1 ? "" : "s") in \(writeBaseline)\n".utf8))
                return
            }
            if let baseline {
                guard let bytes = try? SourceDiscovery.readFile(baseline, limit: 256 << 20) else {
                    printError("cannot read baseline \(baseline)")
                    throw ioFailure
                }
                let (parsed, problem) = Baseline.parse(bytes, path: baseline)
                guard let parsed else {
                    printError("\(baseline): \(problem ?? "not a baseline")")
                    throw ioFailure
                }
                let filtered = parsed.filter(result.diagnostics)
                result.diagnostics = filtered.kept
                result.baselined = filtered.hidden
                if !filtered.stale.isEmpty {
                    FileHandle.standardError.write(Data(("sequencelint: \(filtered.stale.count) baseline entr\(filtered.stale.count == 1 ? "y matches" : "ies match") no finding any more (fixed?); run with --write-baseline to drop \(filtered.stale.count == 1 ? "it" : "them"):\n"
                        + filtered.stale.prefix(20).map { "  \($0.path): [\($0.rule)] \($0.message)\n" }.joined()).utf8))
                }
            }
            if verbose {
                for path in result.skipped {
                    FileHandle.standardError.write(Data("sequencelint: skipped \(path): not a curriculum map\n".utf8))
                }
                for notice in result.notices {
                    FileHandle.standardError.write(Data("sequencelint: \(notice)\n".utf8))
                }
            }
            let shown = quiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics
            let useColor = output == nil && (color ?? Terminal.wantsColor)
            let report = Timing.measure("report") { format.reporter.report(result, diagnostics: shown, color: useColor) }
            if let output {
                do {
                    try Data(report.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    printError("cannot write \(output): \(error.localizedDescription)")
                    throw ioFailure
                }
            } else {
                FileHandle.standardOutput.write(Data(report.utf8))
            }
            if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty,
               let handle = FileHandle(forWritingAtPath: summary) ?? (FileManager.default.createFile(atPath: summary, contents: nil) ? FileHandle(forWritingAtPath: summary) : nil) {
                handle.seekToEndOfFile()
                handle.write(Data(GitHubReporter.stepSummary(result, diagnostics: shown).utf8))
                handle.closeFile()
            }
            if let timing = Timing.shared { FileHandle.standardError.write(Data(timing.report().utf8)) }
            let errors = result.count(.error), warnings = result.count(.warning)
            if errors > 0 || (strict && warnings > 0) || (maxWarnings.map { warnings > $0 } ?? false) {
                throw ExitCode(1)
            }
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules: id, default severity, one line.")

        @Flag(help: "Print the full catalog as Markdown (docs/rules.md).")
        var markdown = false

        func run() {
            print(markdown ? RuleDocumentation.catalogMarkdown() : RuleDocumentation.table(), terminator: "")
        }
    }

    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the prerequisite graph (dot, mermaid or json); edges run from what is required to what requires it.")

        @Argument(help: "Files and folders (default: the current folder).")
        var paths: [String] = []

        @Option(help: "Graph format.")
        var format: GraphFormat = .dot

        @Option(help: ArgumentHelp("Use this configuration instead of discovering .sequencelint.yml.", valueName: "FILE"))
        var config: String?

        @Option(help: ArgumentHelp("Write the graph to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        func run() throws {
            var lint = try Lint.parse(config.map { ["--config", $0] } ?? [])
            lint.paths = paths
            var request = LintRequest(paths: paths.isEmpty ? ["."] : paths)
            request.configuration = try lint.loadConfiguration()
            let model: Model
            do {
                model = try Linter(rules: RuleRegistry.all).model(request)
            } catch let error as LintError {
                printError(error.description)
                throw ioFailure
            }
            let text = GraphExporter.render(model, as: format)
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                    printError("cannot write \(output): \(error.localizedDescription)")
                    throw ioFailure
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a rule's documentation with examples.")

        @Argument(help: "The rule id, e.g. prerequisite-order.")
        var rule: String

        func run() throws {
            let linter = Linter(rules: RuleRegistry.all)
            guard let found = linter.rule(rule) else {
                printError(LintError.unknownRule(rule, suggestion: Suggestions.closest(
                    to: rule, among: RuleRegistry.all.map { $0.description.id })).description)
                throw ioFailure
            }
            print(RuleDocumentation.markdown(found), terminator: "")
        }
    }
}

enum Terminal {
    /// Color on a terminal unless NO_COLOR is set (to anything) or TERM is dumb.
    static func wantsColor(on descriptor: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    /// Color for standard output.
    static var wantsColor: Bool { wantsColor(on: STDOUT_FILENO) }

    /// Color for standard error.
    static var stderrWantsColor: Bool { wantsColor(on: STDERR_FILENO) }
}
