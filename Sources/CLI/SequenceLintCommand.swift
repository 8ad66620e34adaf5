import ArgumentParser
import Foundation
import SequenceLintKit
import SequenceLintRules

extension OutputFormat: ExpressibleByArgument {}
extension ReviewFormat: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}

/// `sequencelint`: lint curriculum maps into compiler-style diagnostics.
@main
struct SequenceLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sequencelint",
        abstract: "Lint curriculum maps (scope and sequence) for broken logical progression and imbalance.",
        usage: "sequencelint [lint] [<options>] [<paths> ...]\nsequencelint <subcommand>",
        discussion: lintOptionsHelp,
        version: SequenceLintVersion.current,
        subcommands: [Lint.self, Rules.self, Explain.self, Graph.self, ReviewCommand.self, Frameworks.self, StandardCommand.self, Init.self, LSP.self],
        defaultSubcommand: Lint.self)

    /// Runs the command; a closed pipe or a full disk is an error code, never a signal.
    static func main() {
        Output.prepare()
        main(nil)
    }
}

/// Prints a message on standard error.
func printError(_ message: String) {
    Output.standardError("sequencelint: error: \(message)\n")
}

/// Writes a command's report to standard output: a closed pipe ends the output quietly, any other
/// failure is one line and exit status 2.
func emit(_ text: String) throws {
    do {
        try Output.standardOutput(text)
    } catch .closedPipe {
        return
    } catch {
        printError(error.description)
        throw ioFailure
    }
}

/// Writes a file the command produces, never over a file the run reads.
func writeFile(_ text: String, to path: String, reads: [String], append: Bool = false) throws {
    try policy { () throws(RunFailure) in try RunPolicy.write(text, to: path, reads: reads, append: append) }
}

/// Exit status 2: configuration or I/O problem.
let ioFailure = ExitCode(2)

/// Prints a failure that stops a command (its details first) and gives exit status 2.
func fail(_ failure: RunFailure) -> ExitCode {
    if let details = failure.details { Output.standardError(details) }
    printError(failure.message)
    return ioFailure
}

/// Runs a step of the library's run policy, a failure ending the command with status 2.
func policy<T>(_ step: () throws(RunFailure) -> T) throws -> T {
    do { return try step() } catch { throw fail(error) }
}

/// `--config`: every command that reads curriculum maps or frameworks.
struct ConfigOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this configuration instead of discovering .sequencelint.yml.", valueName: "FILE"))
    var config: String?

    /// The configuration named or discovered from `folder` (the current folder when nil).
    func load(discoveringFrom folder: String? = nil) throws -> Configuration {
        try policy { () throws(RunFailure) in
            try RunPolicy.configuration(named: config, discoveringFrom: folder, rules: RuleRegistry.all.map { $0.description },
                                        color: Terminal.stderrWantsColor)
        }
    }
}

/// `--enable` and `--disable`: `lint` and `review`.
struct RuleSelection: ParsableArguments {
    @Option(help: ArgumentHelp("Turn a rule on for this run (repeatable).", valueName: "RULE"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("Turn a rule off for this run (repeatable).", valueName: "RULE"))
    var disable: [String] = []
}

extension SequenceLintCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint files and folders (the default command).",
            discussion: "Exit status: 0 no failing diagnostics; 1 failing diagnostics; 2 configuration or I/O problem.")

        @Argument(help: "Files and folders to lint (default: the current folder).")
        var paths: [String] = []

        @OptionGroup var configOption: ConfigOption

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

        @OptionGroup var rules: RuleSelection

        @Flag(inversion: .prefixedNo, help: "Color text output (default: on a terminal, unless NO_COLOR is set).")
        var color: Bool?

        @Flag(help: "Report errors only.")
        var quiet = false

        @Flag(help: "After the report, print one line per rule: its count and id (on standard error for json, sarif and github).")
        var statistics = false

        @Flag(help: "Lint again whenever a linted file, the configuration or a framework file changes (Ctrl-C ends).")
        var watch = false

        @Flag(help: "Also say what the run did on its own: YAML files skipped as not curriculum maps, symlinks not followed, hierarchies inferred.")
        var verbose = false

        @Flag(help: "Apply the safe fixes of the findings to the linted curriculum maps, then report what is left.")
        var fix = false

        @Flag(help: "With --fix or --diff, apply the unsafe fixes (guesses such as \"did you mean\") too.")
        var unsafeFixes = false

        @Flag(help: "Print, as a unified diff, what --fix would change; write nothing (exit 1 when there is something to change).")
        var diff = false

        /// The configuration file named with --config.
        var config: String? { configOption.config }

        /// The configuration named with --config or discovered (from the folder of the document
        /// read from standard input, for an editor); exit status 2 when it is invalid.
        func loadConfiguration() throws -> Configuration {
            try configOption.load(discoveringFrom: stdinFilename.flatMap { name in
                paths.contains("-") ? (name.contains("/") ? String(name[..<name.lastIndex(of: "/")!]) : ".") : nil
            })
        }

        func validate() throws {
            if let maxWarnings, maxWarnings < 0 {
                throw ValidationError("--max-warnings must be 0 or more")
            }
            if stdinFilename != nil, !paths.contains("-") {
                throw ValidationError("--stdin-filename names the document read from standard input: add `-` to the paths")
            }
            if fix, diff {
                throw ValidationError("--fix and --diff do not go together: --diff shows what --fix would change")
            }
            if unsafeFixes, !fix, !diff {
                throw ValidationError("--unsafe-fixes goes with --fix or --diff")
            }
            if baseline != nil, writeBaseline != nil {
                throw ValidationError("--baseline and --write-baseline do not go together: write a baseline, then use it")
            }
        }

        /// The request these options describe (shared with `review`): paths, standard input,
        /// rules turned on or off, frameworks, configuration; exit status 2 for what is invalid.
        func request(linter: Linter) throws -> LintRequest {
            var stdin: (path: String, bytes: [UInt8])?
            if paths.contains("-") {
                do {
                    stdin = (stdinFilename ?? "stdin.yml", try Output.readStandardInput(limit: YAMLLimits().maxBytes))
                } catch {
                    printError(error.description)
                    throw ioFailure
                }
            }
            let configuration = try loadConfiguration()
            return try policy { () throws(RunFailure) in
                try RunPolicy.request(paths: paths.filter { $0 != "-" }, stdin: stdin, enable: rules.enable, disable: rules.disable,
                                      frameworks: framework, configuration: configuration, linter: linter)
            }
        }

        func run() throws {
            if watch { return try runWatching() }
            let linter = Linter(rules: RuleRegistry.all)
            var request = try request(linter: linter)
            // Only the text format quotes the files (snippets): the others need not read them again.
            request.quotesSources = format == .text
            if printConfig {
                try emit(ConfigurationPrinter.render(request, linter: linter))
                return
            }
            var result = try policy { () throws(RunFailure) in try RunPolicy.lint(request, with: linter) }
            if fix || diff {
                // The run reports what is left after the fixes; --diff only shows them.
                guard let left = try applyFixes(result, request: request, linter: linter) else { return }
                result = left
            }
            // A run never writes into the files it reads (compared as files: a hard link or a
            // symlink to one is the same file), nor over the baseline it reads.
            let reads = result.filesRead + (baseline.map { [$0] } ?? [])
            try policy { () throws(RunFailure) in try RunPolicy.checkWrites([output, writeBaseline], reads: reads) }
            if result.curriculumFileCount == 0 {
                Output.standardError("sequencelint: warning: no curriculum maps found in \(request.paths.joined(separator: " "))\n")
            }
            if let writeBaseline {
                try writeFile(Baseline(result.diagnostics).rendered(), to: writeBaseline, reads: reads)
                Output.standardError("sequencelint: recorded \(result.diagnostics.count) finding\(result.diagnostics.count == 1 ? "" : "s") in \(writeBaseline)\n")
                return
            }
            if let baseline {
                let accepted = try policy { () throws(RunFailure) in try RunPolicy.baseline(baseline) }
                if let notice = RunPolicy.apply(accepted, to: &result) { Output.standardError("sequencelint: " + notice) }
            }
            if verbose {
                for path in result.skipped {
                    Output.standardError("sequencelint: skipped \(path.escapingControls): not a curriculum map\n")
                }
                for notice in result.notices {
                    Output.standardError("sequencelint: \(notice.escapingControls)\n")
                }
            }
            let shown = quiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics
            let useColor = output == nil && (color ?? Terminal.wantsColor)
            let report = Timing.measure("report") { format.reporter.report(result, diagnostics: shown, color: useColor) }
            if let output {
                try writeFile(report, to: output, reads: reads)
            } else {
                if fix, paths.contains("-") {
                    // Standard output holds the fixed document.
                    Output.standardError(report)
                } else {
                    try emit(report)
                }
            }
            if statistics {
                try printStatistics(shown, toStandardOutput: output == nil && !(fix && paths.contains("-")))
            }
            if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                try writeFile(GitHubReporter.stepSummary(result, diagnostics: shown), to: summary, reads: reads, append: true)
            }
            if let timing = Timing.shared { Output.standardError(timing.report()) }
            let status = RunPolicy.exitStatus(result.diagnostics, strict: strict, maxWarnings: maxWarnings)
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules: id, default severity, one line.")

        @Flag(help: "Print the full catalog as Markdown (docs/rules.md).")
        var markdown = false

        func run() throws {
            try emit(markdown ? RuleDocumentation.catalogMarkdown() : RuleDocumentation.table())
        }
    }

    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the prerequisite graph (dot, mermaid or json); edges run from what is required to what requires it.")

        @Argument(help: "Files and folders (default: the current folder).")
        var paths: [String] = []

        @Option(help: "Graph format.")
        var format: GraphFormat = .dot

        @OptionGroup var configOption: ConfigOption

        @Option(help: ArgumentHelp("Write the graph to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        func run() throws {
            var request = LintRequest(paths: paths.isEmpty ? ["."] : paths)
            request.configuration = try configOption.load()
            let model: Model, reads: [String], problems: [Diagnostic]
            do {
                (model, reads, problems) = try Linter(rules: RuleRegistry.all).modelReadsAndProblems(request)
            } catch let error as LintError {
                throw fail(RunFailure(error.description))
            }
            // A file that does not read is reported, not drawn as an empty or partial graph.
            if !problems.isEmpty {
                var sources: [ByteKey: [UInt8]] = [:]
                for path in Set(problems.map { ByteKey($0.location.path) }) { sources[path] = try? SourceDiscovery.readFile(path.string, limit: 4 << 20) }
                Output.standardError(TextReporter().render(problems, sources: sources, color: Terminal.stderrWantsColor))
                printError("the graph is not drawn: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the files read (`sequencelint lint` reports them all)")
                throw ExitCode(1)
            }
            let text = GraphExporter.render(model, as: format)
            if let output {
                try writeFile(text, to: output, reads: reads)
            } else {
                try emit(text)
            }
        }
    }

    /// The frameworks a command would use: loaded from the configuration and `--framework`, then
    /// every built-in one whose id no loaded framework has.
    static func frameworks(config: String?, files: [String]) throws -> [(framework: Framework, builtIn: Bool)] {
        var option = ConfigOption()
        option.config = config
        let configuration = try option.load()
        var loaded: [(Framework, Bool)] = []
        for reference in configuration.frameworks + files {
            if let id = BuiltinFrameworks.id(fromReference: reference) {
                guard BuiltinFrameworks.ids.contains(id) else {
                    printError("no framework '\(id)' is built in\(Suggestions.didYouMean(id, among: BuiltinFrameworks.ids))")
                    throw ioFailure
                }
                continue
            }
            let bytes: [UInt8]
            do { bytes = try SourceDiscovery.readFile(reference, limit: 64 << 20) } catch {
                printError("\(error)")
                throw ioFailure
            }
            let path = SourceDiscovery.displayPath(reference)
            guard var framework = FrameworkReader.read(YAMLLoader.load(bytes, path: path).document, path: path).0 else {
                printError("\(path) is not a standards framework")
                throw ioFailure
            }
            if configuration.inferHierarchy { framework.inferHierarchy() }
            loaded.append((framework, false))
        }
        for id in BuiltinFrameworks.ids where !loaded.contains(where: { $0.0.id == id }) {
            if let framework = BuiltinFrameworks.framework(id) { loaded.append((framework, true)) }
        }
        return loaded
    }

    struct Frameworks: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the standards frameworks: built in, and loaded from the configuration or --framework.")

        @Option(help: ArgumentHelp("Use this configuration instead of discovering .sequencelint.yml.", valueName: "FILE"))
        var config: String?

        @Option(help: ArgumentHelp("Add a standards framework, YAML or CASE JSON (repeatable).", valueName: "FILE"))
        var framework: [String] = []

        func run() throws {
            try emit(FrameworkReport.list(try SequenceLintCommand.frameworks(config: config, files: framework)))
        }
    }

    struct StandardCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "standard",
            abstract: "Print a standard: its text, grade, emphasis, parts, prerequisites, what builds on it, related standards.")

        @Argument(help: "The code, as a curriculum writes it (6.RP.A.3, 6.RP.A.3a, CCSS.Math.Content.6.RP.A.3a, G-CO.A.1).")
        var code: String

        @Option(help: ArgumentHelp("Use this configuration instead of discovering .sequencelint.yml.", valueName: "FILE"))
        var config: String?

        @Option(help: ArgumentHelp("Look in this framework too, YAML or CASE JSON (repeatable).", valueName: "FILE"))
        var framework: [String] = []

        func run() throws {
            let all = try SequenceLintCommand.frameworks(config: config, files: framework)
            for (framework, builtIn) in all {
                if let index = framework.lookup(code) {
                    try emit(FrameworkReport.standard(index, in: framework, builtIn: builtIn))
                    return
                }
            }
            let codes = all.flatMap { $0.framework.standards.compactMap(\.code) }
            printError("'\(code)' is no standard of \(all.map { "'\($0.framework.id)'" }.joined(separator: ", "))\(Suggestions.didYouMean(code, among: codes))")
            throw ioFailure
        }
    }

    struct ReviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "The per-grade review: EdReports-style indicators measured, verdicts from the rules (not an EdReports rating).",
            discussion: "Exit status: 0; 1 with --fail-on-unmet when an indicator does not meet its rules; 2 as for lint.")

        @Argument(help: "Files and folders to review (default: the current folder).")
        var paths: [String] = []

        @OptionGroup var configOption: ConfigOption

        @Option(help: ArgumentHelp("Add a standards framework, YAML or CASE JSON, or builtin:ID (repeatable).", valueName: "FILE"))
        var framework: [String] = []

        @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file.", valueName: "FILE"))
        var baseline: String?

        @OptionGroup var rules: RuleSelection

        @Option(help: "Report format: text, markdown, json or html.")
        var format: ReviewFormat = .text

        @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @Flag(help: "Exit 1 when an indicator does not meet its rules.")
        var failOnUnmet = false

        func run() throws {
            let linter = Linter(rules: RuleRegistry.all)
            let configuration = try configOption.load()
            let request = try policy { () throws(RunFailure) in
                try RunPolicy.request(paths: paths, enable: rules.enable, disable: rules.disable, frameworks: framework,
                                      configuration: configuration, linter: linter)
            }
            // The baseline is read first: the verdicts see what lint would report, baselined
            // findings hidden from them too, in one run.
            let accepted = try baseline.map { path in try policy { () throws(RunFailure) in try RunPolicy.baseline(path) } }
            let result: LintResult, review: Review
            do {
                (result, review) = try linter.review(request) { context, result, severity in
                    var shown = result
                    if let accepted { _ = RunPolicy.apply(accepted, to: &shown) }
                    return ReviewBuilder.build(context, shown, severity: severity)
                }
            } catch let error as LintError {
                throw fail(RunFailure(error.description))
            }
            let reads = result.filesRead + (baseline.map { [$0] } ?? [])
            let text: String
            switch format {
            case .text: text = ReviewReport.text(review)
            case .markdown: text = ReviewReport.markdown(review)
            case .json: text = ReviewReport.json(review)
            case .html: text = ReviewHTML.render(review)
            }
            if let output { try writeFile(text, to: output, reads: reads) } else { try emit(text) }
            if failOnUnmet && review.hasUnmet { throw ExitCode(1) }
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
            try emit(RuleDocumentation.markdown(found))
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
