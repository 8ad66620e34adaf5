import ArgumentParser
import SequenceLintKit
import SequenceLintRules

extension SequenceLintCommand {
    /// `sequencelint lsp`: the language server, on standard input and output.
    struct LSP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lsp",
            abstract: "Run a language server (LSP 3.17) on standard input and output, for editors.",
            discussion: """
                Diagnostics as you type (for every file whose findings change), quick fixes and \
                suppressions, hover, go to definition, references and completion. The workspace \
                folder's configuration applies, found as for lint. Editor setup: docs/editors.md.
                """)

        func run() throws {
            let status = LanguageServer(linter: Linter(rules: RuleRegistry.all)).run()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
