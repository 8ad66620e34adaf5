import ArgumentParser

extension SequenceLintCommand {
    /// The root command's discussion: `lint` is the default command, so `sequencelint --help` lists
    /// its arguments and options too (taken from `sequencelint lint --help`, so they never drift).
    /// For the generated manual (`--experimental-dump-help`), which documents `lint` in its own
    /// section, it is one sentence.
    static var lintOptionsHelp: String {
        if CommandLine.arguments.contains("--experimental-dump-help") {
            return "With no subcommand, sequencelint runs `lint` (see below)."
        }
        let help = Lint.helpMessage(columns: 78)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("ARGUMENTS:") || $0.hasPrefix("OPTIONS:") }) else { return "" }
        let body = lines[start...].map { line in
            line.hasPrefix("ARGUMENTS:") ? "LINT ARGUMENTS:" : line.hasPrefix("OPTIONS:") ? "LINT OPTIONS:" : String(line)
        }
        return "With no subcommand, sequencelint runs `lint`, which takes these:\n\n"
            + body.joined(separator: "\n").trimmingTrailingNewlines
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
